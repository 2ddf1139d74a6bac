package ui

import (
	"html/template"
	"net/http"
	"slices"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

type entityView struct {
	D           *sitrep.Dossier
	Relations   []relationItem
	Roles       []string
	Months      template.HTML
	FirstMonth  string
	LastMonth   string
	Timeline    []timelineItem
	TimelineAll int
	Stances     []stanceRow
	Quotes      []quoteRow
	ClaimsBy    []claimRow
	ClaimsAbout []claimRow
	Incidents   []incidentRow
	Truncated   bool
	Limit       int
}

type relationItem struct {
	Type, Years string
	Target      actorLink
}

type timelineItem struct {
	When, Kind, Summary string
	URL                 string
	Source              string
}

// stanceRow is one proposition of the entity's claims stance table.
type stanceRow struct {
	Text      string
	Contested bool
	Affirmed  []stanceItem
	Denied    []stanceItem
}

type quoteRow struct {
	Text, Cue, Date, Role string
	URL                   string
	Doc                   sitrep.DocumentRef
}

type claimRow struct {
	Text, Polarity, Date string
	Hedged               bool
	Speaker              actorLink
	URL                  string
	Doc                  sitrep.DocumentRef
}

type incidentRow struct {
	Type, Date, Place, Killed, Injured, Role string
	URL                                      string
	Doc                                      sitrep.DocumentRef
}

// timelineShown is the most timeline entries an entity page lists (the
// latest).
const timelineShown = 100

// coOccurringWithin is how many of an entity's latest documents the page
// counts co-occurring entities in: the page says so when there are more.
const coOccurringWithin = 500

func (u *UI) handleEntity(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	d, err := sitrep.BuildDossier(ctx, u.store, id, sitrep.DossierOptions{Limit: dossierRows, EntityOptions: sitrep.EntityOptions{CoOccurringWithin: coOccurringWithin}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v := entityView{D: d, Limit: dossierRows}
	rels := d.Relations
	if len(rels) == 0 {
		rels = u.opt.Relations[d.ID]
	}
	for _, rel := range rels {
		v.Relations = append(v.Relations, relationItem{Type: human(rel.Type), Years: rel.Years, Target: linkOf(rel.Name, rel.Target)})
	}
	var months []string
	var counts []int
	for _, m := range d.Months {
		months = append(months, m.Month)
		counts = append(counts, m.Mentions)
	}
	v.Months = sparkline(months, counts)
	if len(months) > 0 {
		v.FirstMonth, v.LastMonth = months[0], months[len(months)-1]
	}
	for _, q := range d.Quotes {
		if q.Quote.Speaker.Role != "" && !slices.Contains(v.Roles, q.Quote.Speaker.Role) {
			v.Roles = append(v.Roles, q.Quote.Speaker.Role)
		}
		v.Quotes = append(v.Quotes, quoteRow{Text: clip(q.Quote.Text, 400), Cue: q.Quote.Cue, Date: q.Quote.Date, Role: q.Quote.Speaker.Role,
			URL: evidenceURL(q.Document.ID, q.Quote.Start, q.Quote.End), Doc: q.Document})
	}
	claimRows := func(rows []sitrep.ClaimRow) []claimRow {
		var out []claimRow
		for _, c := range rows {
			obj := connect.ActorRef{Name: c.Claim.Object.Name, Entity: c.Claim.Object.Entity}
			if c.Claim.Value != "" {
				obj.Name = c.Claim.Value
			}
			out = append(out, claimRow{Text: connect.PropositionText(c.Claim.Predicate, connect.ActorRef{Name: c.Claim.Subject.Name}, obj),
				Polarity: c.Claim.Polarity, Date: c.Claim.Date, Hedged: c.Claim.Hedged, Speaker: linkOf(c.Claim.Speaker.Name, c.Claim.Speaker.Entity),
				URL: evidenceURL(c.Document.ID, c.Claim.Start, c.Claim.End), Doc: c.Document})
		}
		return out
	}
	v.ClaimsBy, v.ClaimsAbout = claimRows(d.ClaimsBy), claimRows(d.ClaimsAbout)
	for _, in := range d.Incidents {
		v.Incidents = append(v.Incidents, incidentRow{Type: in.Incident.Type, Date: in.Incident.Date, Place: placeText(in.Incident.Place),
			Killed: figureText(in.Incident.Killed), Injured: figureText(in.Incident.Injured), Role: roleIn(&in.Incident, d.ID),
			URL: evidenceURL(in.Document.ID, in.Incident.Start, in.Incident.End), Doc: in.Document})
	}

	// The timeline and the stance table come from the latest rows about
	// the entity, connected across documents.
	// The entity is known: no need to look its name up again.
	sel := connect.Selector{Entities: []string{d.ID}, Names: []string{d.Name}}
	if d.Type == "location" {
		sel.Places = []string{d.Name}
	}
	l, err := connect.Load(ctx, u.store, connect.Scope{Entities: sel.Entities, Places: sel.Places, Limit: timelineRows}, connect.LoadAll)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v.Truncated = l.Truncated
	merged := connect.MergeIncidents(l.Incidents, u.opt)
	tl := connect.Timeline(sel, merged, l.Quotes, l.Claims, u.opt)
	v.TimelineAll = len(tl)
	if len(tl) > timelineShown {
		tl = tl[len(tl)-timelineShown:]
	}
	for i := range tl {
		v.Timeline = append(v.Timeline, timelineItemOf(&tl[i]))
	}
	ids := append([]string{d.ID}, sel.Entities...)
	for _, p := range connect.ClaimMatrix(l.Claims, u.opt) {
		if !slices.Contains(ids, p.Subject.Entity) && !slices.Contains(ids, p.Object.Entity) && !spokenBy(&p, ids) {
			continue
		}
		row := stanceRow{Text: connect.PropositionText(p.Predicate, p.Subject, p.Object), Contested: p.Contested}
		for i := range p.Affirmed {
			row.Affirmed = append(row.Affirmed, stanceItemOf(&p.Affirmed[i]))
		}
		for i := range p.Denied {
			row.Denied = append(row.Denied, stanceItemOf(&p.Denied[i]))
		}
		v.Stances = append(v.Stances, row)
	}
	slices.SortStableFunc(v.Stances, func(a, b stanceRow) int {
		if a.Contested != b.Contested {
			if a.Contested {
				return -1
			}
			return 1
		}
		return (len(b.Affirmed) + len(b.Denied)) - (len(a.Affirmed) + len(a.Denied))
	})
	u.render(w, r, http.StatusOK, "entity", page{Title: d.Name, Data: v})
}

// roleIn says how an entity takes part in an incident.
func roleIn(in *sitrep.Incident, id string) string {
	for _, p := range in.Perpetrators {
		if p.Entity == id {
			return "perpetrator (" + p.Basis + ")"
		}
	}
	for _, a := range in.Actors {
		if a.Entity == id {
			return "acting force"
		}
	}
	for _, t := range in.Targets {
		if t.Entity == id {
			return "target"
		}
	}
	if in.Place != nil && in.Place.Entity == id {
		return "place"
	}
	return ""
}

func timelineItemOf(e *connect.TimelineEntry) timelineItem {
	it := timelineItem{When: whenText(e.When), Kind: e.Kind, Summary: e.Summary}
	switch {
	case e.Incident != nil && len(e.Incident.Reports) > 0:
		r := e.Incident.Reports[0]
		it.URL = evidenceURL(r.Doc.ID, r.Incident.Start, r.Incident.End)
		it.Source = r.Doc.Outlet
	case e.Quote != nil:
		it.URL = evidenceURL(e.Quote.Doc.ID, e.Quote.Quote.Start, e.Quote.Quote.End)
		it.Source = e.Quote.Doc.Outlet
	case e.Claim != nil:
		it.URL = evidenceURL(e.Claim.Doc.ID, e.Claim.Claim.Start, e.Claim.Claim.End)
		it.Source = e.Claim.Doc.Outlet
	}
	return it
}
