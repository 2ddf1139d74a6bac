package ui

import (
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

type documentView struct {
	Doc       *sitrep.Document
	Text      template.HTML
	Words     int
	Entities  []entityItem
	Quotes    []quoteItem
	Claims    []claimItem
	Incidents []docIncidentItem
	Dates     []dateItem
	Removed   []sitrep.Removed
	Kinds     []kindCount
}

type kindCount struct {
	Kind, Label string
	Count       int
}

type entityItem struct {
	Ref      string // element id
	ID, Name string
	Type     string
	Subtype  string
	URL      string
	Mentions []spanLink
}

// spanLink is a span of the article, linked to its anchor.
type spanLink struct {
	Text   string
	Anchor string
}

type quoteItem struct {
	Ref     string
	Speaker actorLink
	Text    string
	Role    string
	Kind    string
	Cue     string
	Direct  bool
	Date    string
	Anchor  string
}

type claimItem struct {
	Ref       string
	Text      string
	Subject   actorLink
	Predicate string
	Object    actorLink
	Value     string
	Polarity  string
	Hedged    bool
	Speaker   actorLink
	Date      string
	Anchor    string
	Excerpt   string
}

type docIncidentItem struct {
	Ref          string
	Type         string
	Cue          string
	Date         string
	Place        string
	PlaceURL     string
	Killed       string
	Injured      string
	Perpetrators []perpetratorItem
	Targets      []actorLink
	Hedged       bool
	Anchor       string
}

type dateItem struct {
	Text, Value, Precision string
	Anchor                 string
}

func anchorOf(start, end int) string { return "#" + spanID(start, end) }

func (u *UI) handleDocument(w http.ResponseWriter, r *http.Request) {
	d, err := u.store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v := articleOf(d)
	title := d.Title
	if title == "" {
		title = d.Source
	}
	u.render(w, r, http.StatusOK, "document", page{Title: clip(title, 80), Data: v})
}

// articleOf builds the article page of a document: its text with every
// span highlighted and the lists that detail them.
func articleOf(d *sitrep.Document) documentView {
	v := documentView{Doc: d, Removed: d.Removed, Words: len(strings.Fields(d.Text))}
	var anns []annotation
	for i, e := range d.Entities {
		ref := fmt.Sprintf("e%d", i)
		it := entityItem{Ref: ref, ID: e.ID, Name: e.Name, Type: e.Type, Subtype: e.Subtype}
		if e.ID != "" {
			it.URL = entityURL(e.ID)
		}
		title := e.Name + " (" + strings.TrimSpace(e.Type+" "+human(e.Subtype)) + ")"
		for _, m := range e.Mentions {
			anns = append(anns, annotation{Start: m.Start, End: m.End, Kind: kindEntity, Class: "t-" + cssWord(e.Type), Title: title + mentionVia(m.Via), Ref: ref})
			it.Mentions = append(it.Mentions, spanLink{Text: m.Text, Anchor: anchorOf(m.Start, m.End)})
		}
		v.Entities = append(v.Entities, it)
	}
	sort.SliceStable(v.Entities, func(i, j int) bool { return len(v.Entities[i].Mentions) > len(v.Entities[j].Mentions) })
	for i, q := range d.Quotes {
		ref := fmt.Sprintf("q%d", i)
		who := q.Speaker.Name
		if who == "" {
			who = q.Speaker.Text
		}
		it := quoteItem{Ref: ref, Speaker: linkOf(who, q.Speaker.Entity), Text: q.Text, Role: q.Speaker.Role, Kind: q.Speaker.Kind,
			Cue: q.Cue, Direct: q.Direct, Date: q.Date, Anchor: anchorOf(q.Start, q.End)}
		if q.DateBasis == "published" && q.Date != "" {
			it.Date = "by " + q.Date
		}
		v.Quotes = append(v.Quotes, it)
		title := "Quote by " + orUnknown(who)
		if q.Speaker.Role != "" {
			title += ", " + q.Speaker.Role
		}
		title += " (" + q.Cue + ")"
		parts := q.Parts
		if len(parts) == 0 {
			parts = []sitrep.Span{{Start: q.Start, End: q.End}}
		}
		for _, p := range parts {
			anns = append(anns, annotation{Start: p.Start, End: p.End, Kind: kindQuote, Title: title, Ref: ref})
		}
		if q.CueEnd > q.CueStart {
			anns = append(anns, annotation{Start: q.CueStart, End: q.CueEnd, Kind: kindCue, Title: "Attribution cue of the quote by " + orUnknown(who), Ref: ref})
		}
	}
	for i, c := range d.Claims {
		ref := fmt.Sprintf("c%d", i)
		obj := c.Object.Name
		if c.Value != "" {
			obj = c.Value
		}
		text := c.Predicate + "(" + c.Subject.Name
		if obj != "" {
			text += ", " + obj
		}
		text += ")"
		it := claimItem{Ref: ref, Text: text, Subject: linkOf(c.Subject.Name, c.Subject.Entity), Predicate: c.Predicate,
			Object: linkOf(obj, c.Object.Entity), Value: c.Value, Polarity: c.Polarity, Hedged: c.Hedged,
			Speaker: linkOf(c.Speaker.Name, c.Speaker.Entity), Date: c.Date, Anchor: anchorOf(c.Start, c.End)}
		if c.Start >= 0 && c.End <= len(d.Text) && c.Start < c.End {
			it.Excerpt = clip(d.Text[c.Start:c.End], 200)
		}
		v.Claims = append(v.Claims, it)
		verb := "affirmed"
		if c.Polarity == sitrep.PolarityDeny {
			verb = "denied"
		}
		if c.Hedged {
			verb += " (hedged)"
		}
		anns = append(anns, annotation{Start: c.Start, End: c.End, Kind: kindClaim, Class: "p-" + cssWord(c.Polarity),
			Title: "Claim " + text + " " + verb + " by " + orUnknown(c.Speaker.Name), Ref: ref})
	}
	for i, in := range d.Incidents {
		ref := fmt.Sprintf("i%d", i)
		it := docIncidentItem{Ref: ref, Type: in.Type, Cue: in.Cue, Date: in.Date, Place: placeText(in.Place),
			Killed: figureText(in.Killed), Injured: figureText(in.Injured), Hedged: in.Hedged, Anchor: anchorOf(in.Start, in.End)}
		if in.Place != nil && in.Place.Entity != "" {
			it.PlaceURL = entityURL(in.Place.Entity)
		}
		for _, p := range in.Perpetrators {
			it.Perpetrators = append(it.Perpetrators, perpetratorItem{linkOf(p.Name, p.Entity), p.Basis})
		}
		for _, t := range in.Targets {
			it.Targets = append(it.Targets, linkOf(t.Name, t.Entity))
		}
		v.Incidents = append(v.Incidents, it)
		title := "Incident: " + human(in.Type)
		if it.Place != "" {
			title += " in " + it.Place
		}
		if in.Date != "" {
			title += " on " + in.Date
		}
		if in.Killed != nil {
			title += fmt.Sprintf(", %d killed", in.Killed.Estimate)
		}
		if in.Injured != nil {
			title += fmt.Sprintf(", %d injured", in.Injured.Estimate)
		}
		anns = append(anns, annotation{Start: in.Start, End: in.End, Kind: kindIncident, Title: title, Ref: ref})
		if in.CueEnd > in.CueStart {
			anns = append(anns, annotation{Start: in.CueStart, End: in.CueEnd, Kind: kindCue, Title: "Cue of the " + human(in.Type), Ref: ref})
		}
	}
	for _, dm := range d.Dates {
		val := dm.Value
		if val == "" {
			val = "unresolved"
		}
		v.Dates = append(v.Dates, dateItem{Text: dm.Text, Value: dm.Value, Precision: dm.Precision, Anchor: anchorOf(dm.Start, dm.End)})
		anns = append(anns, annotation{Start: dm.Start, End: dm.End, Kind: kindDate, Title: "Date: " + val + " (" + dm.Precision + ")"})
	}
	v.Text = markup(d.Text, anns)
	v.Kinds = []kindCount{
		{"entity", "Entities", len(d.Entities)}, {"quote", "Quotes", len(d.Quotes)}, {"claim", "Claims", len(d.Claims)},
		{"incident", "Incidents", len(d.Incidents)}, {"date", "Dates", len(d.Dates)},
	}
	return v
}

func mentionVia(via string) string {
	if via == "" || via == "name" {
		return ""
	}
	return ", via " + via
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}

// cssWord keeps the letters, digits and hyphens of a code, for a class
// name.
func cssWord(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		if r == '_' {
			return '-'
		}
		return -1
	}, s)
}
