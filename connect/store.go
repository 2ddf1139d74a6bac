package connect

// Records from a store: the rows a sitrep.Store lists become the records
// the functions of this package take, so that "sitrep incidents" over the
// store and the HTTP server give what the same commands give over files.

import (
	"context"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// DocOfRef returns the metadata of a stored document. A store keeps one
// document per distinct text, so it has no near-duplicates to list.
func DocOfRef(r sitrep.DocumentRef) Doc {
	return Doc{ID: r.ID, Source: r.Source, Outlet: r.Outlet, Published: r.Published, Title: r.Title}
}

// IncidentReportsOf turns incident rows into reports, in row order.
func IncidentReportsOf(rows []sitrep.IncidentRow) []IncidentReport {
	out := make([]IncidentReport, len(rows))
	for i, r := range rows {
		out[i] = IncidentReport{Doc: DocOfRef(r.Document), Index: r.Index, Incident: r.Incident, Excerpt: squeeze(r.Excerpt)}
	}
	return out
}

// ClaimRecordsOf turns claim rows into records, in row order.
func ClaimRecordsOf(rows []sitrep.ClaimRow) []ClaimRecord {
	out := make([]ClaimRecord, len(rows))
	for i, r := range rows {
		out[i] = ClaimRecord{Doc: DocOfRef(r.Document), Index: r.Index, Claim: r.Claim, Excerpt: squeeze(r.Excerpt)}
	}
	return out
}

// QuoteRecordsOf turns quote rows into records, in row order; mentions,
// when not nil, is the entity id each row's words were found to mention
// (QuoteFilter.About).
func QuoteRecordsOf(rows []sitrep.QuoteRow, about string) []QuoteRecord {
	out := make([]QuoteRecord, len(rows))
	for i, r := range rows {
		out[i] = QuoteRecord{Doc: DocOfRef(r.Document), Index: r.Index, Quote: r.Quote}
		if about != "" {
			out[i].Mentions = []string{about}
		}
	}
	return out
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// RelationsOfKB returns the relations of the knowledge base's entries by
// entity id ("kb:" and the entry's id), as the entity stage writes them
// into Entity.Relations: what Options.Relations needs when the records
// come from a store rather than from documents at hand.
func RelationsOfKB(k *kb.KB) map[string][]sitrep.EntityRelation {
	out := map[string][]sitrep.EntityRelation{}
	if k == nil {
		return out
	}
	for _, e := range k.Entries {
		for _, r := range e.Relations {
			name := r.Target
			if t := k.Get(r.Target); t != nil {
				name = t.Name
			}
			out["kb:"+e.ID] = append(out["kb:"+e.ID], sitrep.EntityRelation{Type: r.Type, Target: "kb:" + r.Target, Name: name, Years: r.Years()})
		}
	}
	return out
}

// Scope says which records Load reads from a store.
type Scope struct {
	// Entities are entity ids: the incidents they are party to or the
	// place of, the quotes they made or whose words name them, the claims
	// they make or are the subject or object of. With no Entities and no
	// Places, every record is read.
	Entities []string
	// Places are place names: the incidents in a place of that name or in
	// a district, province or country of that name.
	Places []string
	sitrep.DateRange
	// Evidence asks for the evidence excerpts of incidents and claims
	// (which reads the documents' text).
	Evidence bool
	// Limit is the most rows of each kind read per entity or place (0:
	// no limit); the latest rows are read first.
	Limit int
}

// Kinds of records Load reads.
const (
	LoadIncidents = 1 << iota
	LoadClaims
	LoadQuotes
	LoadAll = LoadIncidents | LoadClaims | LoadQuotes
)

// Loaded is what Load read: the records in the order the store listed
// them (latest first), each once.
type Loaded struct {
	Incidents []IncidentReport
	Claims    []ClaimRecord
	Quotes    []QuoteRecord
	// Truncated is true when a list stopped at Scope.Limit.
	Truncated bool
}

// Load reads from s the records of the kinds asked for (LoadIncidents,
// LoadClaims, LoadQuotes) that sc selects.
func Load(ctx context.Context, s sitrep.Store, sc Scope, kinds int) (*Loaded, error) {
	l := &Loaded{}
	page := sitrep.Page{Limit: sc.Limit}
	type key struct {
		kind byte
		doc  string
		i    int
	}
	seen := map[key]bool{}
	once := func(kind byte, doc string, i int) bool {
		k := key{kind, doc, i}
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	full := func(n int) {
		if sc.Limit > 0 && n >= sc.Limit {
			l.Truncated = true
		}
	}
	incidents := func(f sitrep.IncidentFilter) error {
		f.DateRange, f.Page, f.Evidence = sc.DateRange, page, sc.Evidence
		rows, err := s.Incidents(ctx, f)
		if err != nil {
			return err
		}
		full(len(rows))
		for _, r := range IncidentReportsOf(rows) {
			if once('i', r.Doc.ID, r.Index) {
				l.Incidents = append(l.Incidents, r)
			}
		}
		return nil
	}
	claims := func(f sitrep.ClaimFilter) error {
		f.DateRange, f.Page, f.Evidence = sc.DateRange, page, sc.Evidence
		rows, err := s.Claims(ctx, f)
		if err != nil {
			return err
		}
		full(len(rows))
		for _, r := range ClaimRecordsOf(rows) {
			if once('c', r.Doc.ID, r.Index) {
				l.Claims = append(l.Claims, r)
			}
		}
		return nil
	}
	quotes := func(f sitrep.QuoteFilter) error {
		f.DateRange, f.Page = sc.DateRange, page
		rows, err := s.Quotes(ctx, f)
		if err != nil {
			return err
		}
		full(len(rows))
		for _, r := range QuoteRecordsOf(rows, f.About) {
			if once('q', r.Doc.ID, r.Index) {
				l.Quotes = append(l.Quotes, r)
			}
		}
		return nil
	}
	var steps []func() error
	if len(sc.Entities) == 0 && len(sc.Places) == 0 {
		if kinds&LoadIncidents != 0 {
			steps = append(steps, func() error { return incidents(sitrep.IncidentFilter{}) })
		}
		if kinds&LoadClaims != 0 {
			steps = append(steps, func() error { return claims(sitrep.ClaimFilter{}) })
		}
		if kinds&LoadQuotes != 0 {
			steps = append(steps, func() error { return quotes(sitrep.QuoteFilter{}) })
		}
	}
	for _, id := range sc.Entities {
		if kinds&LoadIncidents != 0 {
			steps = append(steps, func() error { return incidents(sitrep.IncidentFilter{Entity: id}) })
		}
		if kinds&LoadClaims != 0 {
			steps = append(steps,
				func() error { return claims(sitrep.ClaimFilter{Entity: id}) },
				func() error { return claims(sitrep.ClaimFilter{Speaker: id}) })
		}
		if kinds&LoadQuotes != 0 {
			steps = append(steps,
				func() error { return quotes(sitrep.QuoteFilter{Speaker: id}) },
				func() error { return quotes(sitrep.QuoteFilter{About: id}) })
		}
	}
	if kinds&LoadIncidents != 0 {
		for _, p := range sc.Places {
			steps = append(steps, func() error { return incidents(sitrep.IncidentFilter{Place: p}) })
		}
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// ResolveNames turns names given by a user (an entity id, canonical name
// or alias, ignoring case) into a Selector over the store's entities:
// the ids of every entity so named, the names themselves (for actors
// outside the entity list, "police"), and for locations their names as
// places, so that a province selects the incidents inside it.
func ResolveNames(ctx context.Context, s sitrep.Store, names []string) (Selector, error) {
	var sel Selector
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		sel.Names = append(sel.Names, n)
		found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: n})
		if err != nil {
			return sel, err
		}
		for _, e := range found {
			if seen[e.ID] {
				continue
			}
			seen[e.ID] = true
			sel.Entities = append(sel.Entities, e.ID)
			if e.Type == "location" {
				sel.Places = append(sel.Places, e.Name)
			}
		}
	}
	return sel, nil
}
