package connect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Timeline entry kinds.
const (
	EntryIncident = "incident"
	EntryQuote    = "quote"
	EntryClaim    = "claim"
)

// Selector chooses what a timeline is about: entities, names and places.
// A record is selected when any of its actors is selected.
type Selector struct {
	// Entities are entity ids (compared after Options.Canonical).
	Entities []string `json:"entities"`
	// Names are actor names, compared ignoring case (the words of actors
	// outside the entity list: "the Taliban", "police").
	Names []string `json:"names"`
	// Places are place names: an incident is selected when its place, or
	// the district, province or country it lies in, has one of these
	// names ("Khyber Pakhtunkhwa" selects an attack in Parachinar).
	Places []string `json:"places"`
	// All selects every record, whatever its actors: a timeline of the
	// records at hand (the documents a search found).
	All bool `json:"all,omitempty"`
}

// TimelineEntry is one thing that happened or was said.
type TimelineEntry struct {
	// When is when it happened (an incident) or was said (a quote or
	// claim): never the publication date unless that is all that is
	// known (Basis "published").
	When When `json:"when"`
	// Kind is "incident", "quote" or "claim".
	Kind string `json:"kind"`
	// Summary is one readable line.
	Summary  string          `json:"summary"`
	Incident *MergedIncident `json:"incident,omitempty"`
	Quote    *QuoteRecord    `json:"quote,omitempty"`
	// Claim is the claim of a claim entry; Claims are the claims a quote
	// entry states (a claim is shown under its quote when the quote is on
	// the timeline, not again on its own).
	Claim  *ClaimRecord  `json:"claim,omitempty"`
	Claims []ClaimRecord `json:"claims,omitempty"`
}

// Timeline puts the selected incidents, quotes and claims in the order
// things happened or were said (When), not the order they were published:
//
//   - by the first day a date can stand for: a month ("2017-06") sits at
//     its first day, before that month's dated entries, a year at its
//     January 1;
//   - on the same first day, the coarser date first, then a stated date
//     before one known only as a publication date (said or happened "by"
//     then);
//   - then incidents before quotes before claims (statements react to
//     events), then by publication date, document id and position in the
//     text;
//   - entries with no date at all come last, in the same order (kind,
//     publication date with unknown last, document id, position).
//
// A claim that comes from a selected quote is listed under that quote
// (TimelineEntry.Claims) rather than on its own.
func Timeline(sel Selector, incidents []MergedIncident, quotes []QuoteRecord, claims []ClaimRecord, opt Options) []TimelineEntry {
	s := newSelection(sel, &opt)
	var out []TimelineEntry
	for i := range incidents {
		m := &incidents[i]
		if !s.incident(m) {
			continue
		}
		out = append(out, TimelineEntry{When: When{Date: m.Date, Precision: m.DatePrecision, Basis: m.DateBasis},
			Kind: EntryIncident, Incident: m, Summary: incidentSummary(m)})
	}
	type quoteKey struct {
		doc, source string
		index       int
	}
	quoteAt := map[quoteKey]int{}
	for i := range quotes {
		q := &quotes[i]
		if !s.quote(q) {
			continue
		}
		quoteAt[quoteKey{q.Doc.ID, q.Source, q.Index}] = len(out)
		out = append(out, TimelineEntry{When: statementWhen(q.Quote.Date, q.Quote.DateBasis, q.Doc), Kind: EntryQuote, Quote: q,
			Summary: quoteSummary(q)})
	}
	for i := range claims {
		c := &claims[i]
		if !s.claim(c) {
			continue
		}
		if c.Claim.Quote >= 0 {
			if at, ok := quoteAt[quoteKey{c.Doc.ID, c.Source, c.Claim.Quote}]; ok {
				out[at].Claims = append(out[at].Claims, *c)
				continue
			}
		}
		out = append(out, TimelineEntry{When: statementWhen(c.Claim.Date, c.Claim.DateBasis, c.Doc), Kind: EntryClaim, Claim: c,
			Summary: claimSummary(c, &opt)})
	}
	kindRank := map[string]int{EntryIncident: 0, EntryQuote: 1, EntryClaim: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if c := compareWhen(a.When, b.When); c != 0 {
			return c < 0
		}
		if a.Kind != b.Kind {
			return kindRank[a.Kind] < kindRank[b.Kind]
		}
		da, db := a.doc(), b.doc()
		if pa, pb := pubDay(da.Published), pubDay(db.Published); pa != pb {
			return pa < pb
		}
		if da.ID != db.ID {
			return da.ID < db.ID
		}
		return a.start() < b.start()
	})
	return out
}

// doc is the document of an entry: the earliest report's for an incident.
func (e *TimelineEntry) doc() Doc {
	switch {
	case e.Incident != nil && len(e.Incident.Reports) > 0:
		return e.Incident.Reports[0].Doc
	case e.Quote != nil:
		return e.Quote.Doc
	case e.Claim != nil:
		return e.Claim.Doc
	}
	return Doc{}
}

func (e *TimelineEntry) start() int {
	switch {
	case e.Incident != nil && len(e.Incident.Reports) > 0:
		return e.Incident.Reports[0].Incident.Start
	case e.Quote != nil:
		return e.Quote.Quote.Start
	case e.Claim != nil:
		return e.Claim.Claim.Start
	}
	return 0
}

// selection is a Selector ready for lookups.
type selection struct {
	ids, names, places map[string]bool
	all                bool
	opt                *Options
}

func newSelection(sel Selector, opt *Options) *selection {
	s := &selection{ids: map[string]bool{}, names: map[string]bool{}, places: map[string]bool{}, all: sel.All, opt: opt}
	for _, id := range sel.Entities {
		s.ids[opt.canon(id)] = true
	}
	for _, n := range sel.Names {
		s.names[normName(n)] = true
	}
	for _, n := range sel.Places {
		s.places[normName(n)] = true
	}
	return s
}

func (s *selection) actor(a sitrep.Actor) bool {
	if s.all {
		return true
	}
	if a.Entity != "" && s.ids[s.opt.canon(a.Entity)] {
		return true
	}
	return a.Name != "" && s.names[normName(a.Name)]
}

func (s *selection) incident(m *MergedIncident) bool {
	if s.all {
		return true
	}
	if p := m.Place; p != nil {
		if p.Entity != "" && s.ids[s.opt.canon(p.Entity)] {
			return true
		}
		for _, n := range []string{p.Name, p.Admin2, p.Admin1, p.Country} {
			if n != "" && (s.places[normName(n)] || s.names[normName(n)]) {
				return true
			}
		}
	}
	for _, r := range m.Reports {
		inc := &r.Incident
		for _, p := range inc.Perpetrators {
			if s.actor(p.Actor) {
				return true
			}
		}
		for _, lists := range [][]sitrep.Actor{inc.Targets, inc.Actors} {
			for _, a := range lists {
				if s.actor(a) {
					return true
				}
			}
		}
	}
	return false
}

func (s *selection) quote(q *QuoteRecord) bool {
	if s.all {
		return true
	}
	if s.actor(q.Quote.Speaker.Actor) {
		return true
	}
	for _, id := range q.Mentions {
		if s.ids[s.opt.canon(id)] {
			return true
		}
	}
	return q.Quote.Addressee != nil && s.actor(*q.Quote.Addressee)
}

func (s *selection) claim(c *ClaimRecord) bool {
	return s.actor(c.Claim.Subject) || s.actor(c.Claim.Object) || s.actor(c.Claim.Speaker)
}

// ClaimsAbout returns the claims whose subject, object or speaker sel
// selects, in order.
func ClaimsAbout(sel Selector, claims []ClaimRecord, opt Options) []ClaimRecord {
	s := newSelection(sel, &opt)
	var out []ClaimRecord
	for i := range claims {
		if s.claim(&claims[i]) {
			out = append(out, claims[i])
		}
	}
	return out
}

// ClaimsBy returns the claims whose speaker sel selects, in order.
func ClaimsBy(sel Selector, claims []ClaimRecord, opt Options) []ClaimRecord {
	s := newSelection(sel, &opt)
	var out []ClaimRecord
	for i := range claims {
		if s.actor(claims[i].Claim.Speaker) {
			out = append(out, claims[i])
		}
	}
	return out
}

func incidentSummary(m *MergedIncident) string {
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(m.Type, "_", " "))
	if m.Place != nil {
		b.WriteString(" in " + m.Place.Name)
	}
	if m.Killed != nil {
		fmt.Fprintf(&b, ", %d killed", m.Killed.Best)
	}
	if m.Injured != nil {
		fmt.Fprintf(&b, ", %d injured", m.Injured.Best)
	}
	var ps []string
	for _, p := range m.Perpetrators {
		ps = append(ps, p.Name+" ("+p.Basis+")")
	}
	if len(ps) > 0 {
		b.WriteString("; " + strings.Join(ps, ", "))
	}
	fmt.Fprintf(&b, "; %d report", len(m.Reports))
	if len(m.Reports) != 1 {
		b.WriteString("s")
	}
	return b.String()
}

func quoteSummary(q *QuoteRecord) string {
	who := q.Quote.Speaker.Name
	if who == "" {
		who = q.Quote.Speaker.Text
	}
	return who + " " + orDash(q.Quote.Cue) + ": " + clip(strings.Join(strings.Fields(q.Quote.Text), " "), 160)
}

func claimSummary(c *ClaimRecord, opt *Options) string {
	st := stanceOf(c, opt)
	verb := "affirmed"
	if c.Claim.Polarity == sitrep.PolarityDeny {
		verb = "denied"
	}
	if st.Hedged {
		verb += " (hedged)"
	}
	obj := opt.refOf(c.Claim.Object)
	if c.Claim.Value != "" {
		obj.Name = c.Claim.Value
	}
	return PropositionText(c.Claim.Predicate, opt.refOf(c.Claim.Subject), obj) + " " + verb + " by " + speakerName(st.Speaker, st.SpeakerKind)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
