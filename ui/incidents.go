package ui

import (
	"html/template"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// incidentItem is a merged incident as pages show it.
type incidentItem struct {
	ID, Anchor   string
	Type, Date   string
	Place        string
	Killed       string
	Injured      string
	Perpetrators []perpetratorItem
	Targets      []actorLink
	Flags        []string
	Reports      []reportLink
}

type perpetratorItem struct {
	Actor actorLink
	Basis string
}

// reportLink is one document's report of something, linked to its
// evidence span.
type reportLink struct {
	Title, Outlet, Published string
	URL                      string
	Excerpt                  string
}

func incidentAnchor(id string) string { return "i-" + strings.TrimPrefix(id, "incident:") }

func incidentItemOf(m *connect.MergedIncident) incidentItem {
	it := incidentItem{ID: m.ID, Anchor: incidentAnchor(m.ID), Type: m.Type, Date: m.Date, Flags: m.Flags,
		Killed: estimateText(m.Killed), Injured: estimateText(m.Injured), Place: placeText(m.Place)}
	if m.Date != "" && m.DateBasis == connect.BasisPublished {
		it.Date = "by " + m.Date
	}
	for _, p := range m.Perpetrators {
		it.Perpetrators = append(it.Perpetrators, perpetratorItem{linkOf(p.Name, p.Entity), p.Basis})
	}
	seen := map[string]bool{}
	for _, r := range m.Reports {
		for _, t := range r.Incident.Targets {
			k := t.Entity + "\x00" + strings.ToLower(t.Name)
			if t.Name == "" || seen[k] {
				continue
			}
			seen[k] = true
			it.Targets = append(it.Targets, linkOf(t.Name, t.Entity))
		}
		it.Reports = append(it.Reports, reportLinkOf(r.Doc, r.Incident.Start, r.Incident.End, r.Excerpt))
	}
	return it
}

func reportLinkOf(d connect.Doc, start, end int, excerpt string) reportLink {
	title := d.Title
	if title == "" {
		title = d.Source
	}
	return reportLink{Title: title, Outlet: d.Outlet, Published: d.Published.String(), URL: evidenceURL(d.ID, start, end), Excerpt: clip(excerpt, 300)}
}

// sortIncidents puts the latest incidents first (undated last), then the
// most reported.
func sortIncidents(ms []connect.MergedIncident) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i].Date, ms[j].Date
		if (a == "") != (b == "") {
			return a != ""
		}
		if a != b {
			return a > b
		}
		return len(ms[i].Reports) > len(ms[j].Reports)
	})
}

func mergedByID(ms []connect.MergedIncident) map[string]*connect.MergedIncident {
	out := make(map[string]*connect.MergedIncident, len(ms))
	for i := range ms {
		out[ms[i].ID] = &ms[i]
	}
	return out
}

type incidentsView struct {
	Query       incidentsQuery
	Types       []string
	Resolved    []string // names of the entities the query resolved to
	Incidents   []incidentItem
	Total       int // merged incidents found
	Reports     int // reports read
	Truncated   bool
	Map         template.HTML
	Mapped      int
	Chart       template.HTML
	Coarse      int // incidents dated only to a year, not in the chart
	Window      int
	Attribution string
}

type incidentsQuery struct {
	Name, Type, Since, Until string
}

// incidentsShown is the most incidents the table lists.
const incidentsShown = 300

func (u *UI) handleIncidents(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := incidentsQuery{Name: strings.TrimSpace(r.FormValue("name")), Type: r.FormValue("type"), Since: r.FormValue("since"), Until: r.FormValue("until")}
	v := incidentsView{Query: q, Types: sitrep.IncidentTypes, Window: connectRows, Attribution: mapAttribution}
	if q.Type != "" && !slices.Contains(sitrep.IncidentTypes, q.Type) {
		u.fail(w, r, sitrep.Errorf(sitrep.EINVALID, "Unknown incident type %q.", clip(q.Type, 40)))
		return
	}
	sc := connect.Scope{Limit: connectRows, Evidence: true}
	var err error
	if sc.Since, err = parseDate("since", q.Since, false); err != nil {
		u.fail(w, r, err)
		return
	}
	if sc.Until, err = parseDate("until", q.Until, true); err != nil {
		u.fail(w, r, err)
		return
	}
	if q.Name != "" {
		sel, err := connect.ResolveNames(ctx, u.store, []string{q.Name})
		if err != nil {
			u.fail(w, r, err)
			return
		}
		sc.Entities, sc.Places = sel.Entities, sel.Places
		if len(sc.Places) == 0 {
			sc.Places = []string{q.Name}
		}
		v.Resolved = sel.Entities
	}
	l, err := connect.Load(ctx, u.store, sc, connect.LoadIncidents)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v.Reports, v.Truncated = len(l.Incidents), l.Truncated
	merged := connect.MergeIncidents(l.Incidents, u.opt)
	if q.Type != "" {
		merged = slices.DeleteFunc(merged, func(m connect.MergedIncident) bool { return m.Type != q.Type })
	}
	sortIncidents(merged)
	v.Total = len(merged)
	var points []mapPoint
	for i := range merged {
		m := &merged[i]
		if i < incidentsShown {
			v.Incidents = append(v.Incidents, incidentItemOf(m))
		}
		if m.Place == nil || m.Place.Lat == 0 && m.Place.Lon == 0 {
			continue
		}
		p := mapPoint{Lat: m.Place.Lat, Lon: m.Place.Lon, URL: "#" + incidentAnchor(m.ID)}
		if m.Killed != nil {
			p.Killed = m.Killed.Best
		}
		p.Title = strings.TrimSpace(m.Date + " " + human(m.Type) + " in " + m.Place.Name)
		if m.Killed != nil {
			p.Title += ": " + num(m.Killed.Best) + " killed"
		}
		points = append(points, p)
	}
	v.Mapped = len(points)
	v.Map = u.world.render(points)
	months, coarse := incidentMonths(merged, 120)
	v.Chart, v.Coarse = monthChart(months), coarse
	u.render(w, r, http.StatusOK, "incidents", page{Title: "Incidents", Nav: "incidents", Data: v})
}
