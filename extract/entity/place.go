package entity

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// placeWords may follow a place name to name a facility or an area of
// it: "Kabul airport", "Torkham border crossing", "Kurram Agency",
// "Tirah Valley", "Bagram Air Base".
var placeWords = map[string]bool{
	"airport": true, "airfield": true, "airbase": true, "air": true, "base": true,
	"international": true, "border": true, "crossing": true, "gate": true, "pass": true,
	"valley": true, "district": true, "agency": true, "province": true, "tribal": true,
	"division": true, "corridor": true, "line": true,
}

// extendPlaces lengthens a mention followed by up to three placeWords to
// the longest such name the gazetteer knows as a place: "Kabul" in
// "Kabul airport" becomes "Kabul airport", Hamid Karzai International
// Airport. A mention that is not a location is lengthened only to a
// facility or a region ("Hamid Karzai International Airport" is not the
// former president).
func (r *Resolver) extendPlaces(text string, toks []token, ms []found) []found {
	if r.Geo == nil || len(ms) == 0 {
		return ms
	}
	ti := 0
	for i := range ms {
		m := &ms[i]
		if m.via == "title" || m.via == "short" {
			continue
		}
		for ti < len(toks) && toks[ti].start < m.end {
			ti++
		}
		// toks[ti] is the first token after the mention.
		n := 0
		for n < 3 && ti+n < len(toks) && placeWords[strings.ToLower(toks[ti+n].text)] {
			prev := m.end
			if n > 0 {
				prev = toks[ti+n-1].end
			}
			if !joins(text[prev:toks[ti+n].start]) {
				break
			}
			n++
		}
		if n == 0 {
			continue
		}
		next := len(text)
		if i+1 < len(ms) {
			next = ms[i+1].start
		}
		for k := n; k >= 1; k-- {
			end := toks[ti+k-1].end
			if end > next {
				continue
			}
			name := text[m.start:end]
			p, ok := r.Geo.Resolve(name, nil)
			if !ok || (m.kind() != kb.Location && p.Kind != "facility" && p.Kind != "region") {
				continue
			}
			*m = found{start: m.start, end: end, text: name, typ: kb.Location, via: "gazetteer"}
			break
		}
	}
	return ms
}

// datelineParts returns the place names of a dateline: "KARACHI,
// Pakistan" gives "KARACHI" and "Pakistan".
func datelineParts(dateline string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(dateline, func(r rune) bool { return r == ',' || r == '/' || r == '(' || r == ')' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// placeEntities gives each location entity its place: the knowledge
// base's place key, else the gazetteer's reading of its name (or of
// another form the document uses) in the context of the document's
// other place names and dateline, else the country the knowledge base
// gives it. Location entities outside the knowledge base that come to
// the same place ("Kurram" and "Kurram Agency") become one entity, under
// the first one's id.
func (r *Resolver) placeEntities(doc *sitrep.Document, ents []sitrep.Entity) []sitrep.Entity {
	if r.Geo == nil {
		return ents
	}
	var names []string
	for _, e := range ents {
		if e.Type != kb.Location {
			continue
		}
		names = append(names, e.Name)
		for _, m := range e.Mentions {
			if m.Text != e.Name {
				names = append(names, m.Text)
			}
		}
	}
	if len(names) == 0 {
		return ents
	}
	names = append(names, datelineParts(doc.Dateline)...)
	resolve := r.Geo.Context(names)
	for i := range ents {
		e := &ents[i]
		if e.Type != kb.Location {
			continue
		}
		var entry *kb.Entry
		if id, ok := strings.CutPrefix(e.ID, "kb:"); ok {
			entry = r.KB.Get(id)
		}
		if p, ok := r.entryPlace(entry); ok {
			e.Place = &p
		} else {
			forms := append([]string{e.Name}, e.Aliases...)
			if entry != nil {
				forms = append(forms, entry.Aliases...)
			}
			for _, f := range forms {
				if p, ok := resolve(f); ok {
					e.Place = &p
					break
				}
			}
			if e.Place == nil && entry != nil && len(entry.Country) == 1 {
				if p, ok := resolve(entry.Country[0]); ok && p.Kind == "country" {
					e.Place = &p
				}
			}
		}
		if e.Place != nil && e.Subtype == "" {
			e.Subtype = e.Place.Kind
		}
	}
	// One entity per place among the names outside the knowledge base.
	first := map[string]int{}
	keep := ents[:0]
	var merged bool
	for _, e := range ents {
		if e.Place != nil && e.Type == kb.Location {
			if j, ok := first[e.Place.ID]; ok && strings.HasPrefix(e.ID, "auto:") {
				t := &keep[j]
				t.Mentions = append(t.Mentions, e.Mentions...)
				for _, a := range append([]string{e.Name}, e.Aliases...) {
					if a != t.Name && !contains(t.Aliases, a) {
						t.Aliases = append(t.Aliases, a)
					}
				}
				merged = true
				continue
			}
			if _, ok := first[e.Place.ID]; !ok {
				first[e.Place.ID] = len(keep)
			}
		}
		keep = append(keep, e)
	}
	if merged {
		for i := range keep {
			ms := keep[i].Mentions
			sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		}
	}
	return keep
}

// entryPlace returns the place a knowledge-base entry states.
func (r *Resolver) entryPlace(e *kb.Entry) (sitrep.Place, bool) {
	if e == nil || e.Place == nil {
		return sitrep.Place{}, false
	}
	if e.Place.ID != "" {
		return r.Geo.ByID(e.Place.ID)
	}
	kind := map[string]string{"town": "city", "district": "district", "province": "province", "country": "country"}[e.Place.Precision]
	if e.Subtype == "facility" {
		kind = "facility"
	}
	p := sitrep.Place{
		ID: "kb:" + e.ID, Name: e.Name, Kind: kind, Lat: e.Place.Lat, Lon: e.Place.Lon,
		Precision: e.Place.Precision, GeoPrecision: sitrep.GeoPrecision(e.Place.Precision),
	}
	if len(e.Country) == 1 {
		if c, ok := r.Geo.Resolve(e.Country[0], nil); ok && c.Kind == "country" {
			p.Country = c.Name
		} else {
			p.Country = e.Country[0]
		}
	}
	return p, true
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
