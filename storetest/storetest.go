package storetest

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// Run runs the conformance suite; open returns a new, empty store, which
// the suite closes.
func Run(t *testing.T, open func(testing.TB) sitrep.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, sitrep.Store)
	}{
		{"PutAndDocument", testPutAndDocument},
		{"PutIdempotent", testPutIdempotent},
		{"PutDuplicate", testPutDuplicate},
		{"PutInvalid", testPutInvalid},
		{"Search", testSearch},
		{"SearchFacets", testSearchFacets},
		{"SearchFilters", testSearchFilters},
		{"SearchErrors", testSearchErrors},
		{"Quotes", testQuotes},
		{"Claims", testClaims},
		{"Incidents", testIncidents},
		{"Entities", testEntities},
		{"Replace", testReplace},
		{"Stats", testStats},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

// MustPut stores the analysed inputs and fails the test on error.
func MustPut(tb testing.TB, s sitrep.Store, batch []sitrep.Analysed) []sitrep.PutOutcome {
	tb.Helper()
	out, err := s.Put(context.Background(), batch)
	if err != nil {
		tb.Fatalf("Put: %v", err)
	}
	return out
}

// jsonOf is the JSON of a value, to compare documents field by field.
func jsonOf(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := sitrep.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

func testPutAndDocument(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	corpus := Corpus()
	got := MustPut(t, s, corpus)
	for i, o := range got {
		if o != sitrep.PutNew {
			t.Errorf("Put outcome %d: %v, want new", i, o)
		}
	}
	for _, a := range corpus {
		d, err := s.Document(ctx, a.Document.ID)
		if err != nil {
			t.Fatalf("Document(%s): %v", a.Document.ID, err)
		}
		if g, w := jsonOf(t, d), jsonOf(t, a.Document); g != w {
			t.Errorf("Document(%s) differs from what was stored:\ngot  %s\nwant %s", a.Document.ID, g, w)
		}
		ok, err := s.HasInput(ctx, a.Key)
		if err != nil || !ok {
			t.Errorf("HasInput(%s) = %v, %v; want true", a.Key, ok, err)
		}
	}
	if ok, err := s.HasInput(ctx, "0123"); err != nil || ok {
		t.Errorf("HasInput(unknown) = %v, %v; want false", ok, err)
	}
	_, err := s.Document(ctx, "nope")
	wantCode(t, "Document(nope)", err, sitrep.ENOTFOUND)
}

func testPutIdempotent(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The same inputs again, under other names: nothing changes.
	again := Corpus()
	for _, a := range again {
		a.Input.Source = "copy/" + a.Input.Source
	}
	for i, o := range MustPut(t, s, again) {
		if o != sitrep.PutUnchanged {
			t.Errorf("second Put outcome %d: %v, want unchanged", i, o)
		}
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before.Bytes, after.Bytes = 0, 0
	if g, w := jsonOf(t, after), jsonOf(t, before); g != w {
		t.Errorf("stats changed by a second Put:\ngot  %s\nwant %s", g, w)
	}
}

func testPutDuplicate(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	corpus := Corpus()
	MustPut(t, s, corpus[:1])
	// Another input (another page) giving the same document, and a new
	// one, in one batch; then the same input twice in one batch.
	dup := Corpus()[0]
	dup.Input.Body = "<html>" + dup.Input.Body + "</html>"
	dup.Input.Format = sitrep.FormatHTML
	dup.Input.Source = "mirror.html"
	dup.Key = dup.Input.Key()
	dup.Document.Source = "mirror.html"
	got := MustPut(t, s, []sitrep.Analysed{dup, corpus[1], corpus[1]})
	if want := []sitrep.PutOutcome{sitrep.PutDuplicate, sitrep.PutNew, sitrep.PutUnchanged}; !slices.Equal(got, want) {
		t.Errorf("Put outcomes %v, want %v", got, want)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 2 || st.Inputs != 3 {
		t.Errorf("stats: %d documents, %d inputs; want 2, 3", st.Documents, st.Inputs)
	}
	d, err := s.Document(ctx, dup.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Source != corpus[0].Document.Source {
		t.Errorf("duplicate changed the stored document: source %q, want %q", d.Source, corpus[0].Document.Source)
	}
}

func testPutInvalid(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	corpus := Corpus()
	corpus[1].Document = nil
	_, err := s.Put(ctx, corpus)
	wantCode(t, "Put with a nil document", err, sitrep.EINVALID)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || st.Inputs != 0 {
		t.Errorf("a failed Put stored %d documents, %d inputs; want none", st.Documents, st.Inputs)
	}
}

func ids(hits []sitrep.SearchHit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, h.Document.ID[:2])
	}
	return out
}

func testSearch(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	res, err := s.Search(ctx, sitrep.SearchQuery{Query: "suicide"})
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(res.Hits); !slices.Equal(g, []string{"a1"}) || res.Total != 1 || res.Ranked != 1 || res.TotalAtLeast {
		t.Fatalf("search suicide: %v (total %d, ranked %d), want [a1] (1, 1)", g, res.Total, res.Ranked)
	}
	h := res.Hits[0]
	if h.Score <= 0 {
		t.Errorf("score %v, want > 0", h.Score)
	}
	if h.Document.Outlet != "Dawn" || h.Document.Published.String() != "2024-06-04" || h.Document.Source != "dawn/peshawar.txt" {
		t.Errorf("hit document %+v lacks its metadata", h.Document)
	}
	if len(h.Highlights) == 0 {
		t.Fatalf("no highlights in snippet %q", h.Snippet)
	}
	for _, sp := range h.Highlights {
		if w := strings.ToLower(h.Snippet[sp.Start:sp.End]); w != "suicide" {
			t.Errorf("highlight %q in snippet %q, want suicide", w, h.Snippet)
		}
	}
	// Stemming, punctuation inside words, phrases, operators, prefixes.
	for _, tc := range []struct{ q, want string }{
		{"attacked", "a1"},
		{"Tehrik-i-Taliban", "a1"},
		{`"main threat"`, "b2"},
		{`"threat main"`, ""},
		{"Daesh OR Peshawar", "a1 b2"},
		{"TTP NOT Daesh", "a1"},
		{"Khuras*", "a1"},
		{"title:floods", "c3"},
		{"(floods OR bomber) roads", "c3"},
		{"U.S.", ""},
		{"--", ""},
	} {
		res, err := s.Search(ctx, sitrep.SearchQuery{Query: tc.q})
		if err != nil {
			t.Errorf("search %s: %v", tc.q, err)
			continue
		}
		g := ids(res.Hits)
		slices.Sort(g)
		if strings.Join(g, " ") != tc.want {
			t.Errorf("search %s: %v, want [%s]", tc.q, g, tc.want)
		}
	}
	// The title weighs more than the text: "Pakistan" is in b2's title.
	res, err = s.Search(ctx, sitrep.SearchQuery{Query: "Pakistan"})
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(res.Hits); len(g) != 2 || g[0] != "b2" {
		t.Errorf("search Pakistan: %v, want b2 first", g)
	}
}

func testSearchFacets(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	for _, tc := range []struct {
		name string
		q    sitrep.SearchQuery
		want string
	}{
		{"every document", sitrep.SearchQuery{Facets: true},
			`{"of":3,"types":{"suicide_bombing":1},"has_quote":2,"has_incident":1,"outlets":[{"value":"Dawn","documents":1},{"value":"Reuters","documents":1}]}`},
		{"words", sitrep.SearchQuery{Query: "Pakistan", Facets: true},
			`{"of":2,"types":{"suicide_bombing":1},"has_quote":2,"has_incident":1,"outlets":[{"value":"Dawn","documents":1},{"value":"Reuters","documents":1}]}`},
		{"words and a filter", sitrep.SearchQuery{Query: "Pakistan", Outlet: "reuters", Facets: true},
			`{"of":1,"types":{},"has_quote":1,"has_incident":0,"outlets":[{"value":"Reuters","documents":1}]}`},
		{"no words, a filter", sitrep.SearchQuery{HasIncident: true, Facets: true},
			`{"of":1,"types":{"suicide_bombing":1},"has_quote":1,"has_incident":1,"outlets":[{"value":"Dawn","documents":1}]}`},
	} {
		res, err := s.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if g := jsonOf(t, res.Facets); g != tc.want {
			t.Errorf("%s: facets\n got %s\nwant %s", tc.name, g, tc.want)
		}
	}
	res, err := s.Search(ctx, sitrep.SearchQuery{Query: "Pakistan"})
	if err != nil || res.Facets != nil {
		t.Errorf("facets not asked for: %v, %+v", err, res)
	}
}

func testSearchFilters(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	for _, tc := range []struct {
		name string
		q    sitrep.SearchQuery
		want string
	}{
		{"all, latest first", sitrep.SearchQuery{}, "b2 a1 c3"},
		{"outlet", sitrep.SearchQuery{Outlet: "dawn"}, "a1"},
		{"since", sitrep.SearchQuery{Since: date("2024-07-01")}, "b2"},
		{"until", sitrep.SearchQuery{Until: date("2024-06-30")}, "a1"},
		{"entity", sitrep.SearchQuery{Entity: "kb:ttp"}, "b2 a1"},
		{"entity and query", sitrep.SearchQuery{Entity: "kb:ttp", Query: "attack"}, "a1"},
		{"has quote", sitrep.SearchQuery{HasQuote: true}, "b2 a1"},
		{"has incident", sitrep.SearchQuery{HasIncident: true}, "a1"},
		{"incident type", sitrep.SearchQuery{Type: sitrep.IncidentSuicideBombing}, "a1"},
		{"other incident type", sitrep.SearchQuery{Type: sitrep.IncidentAirstrike}, ""},
		{"unknown entity", sitrep.SearchQuery{Entity: "kb:nobody"}, ""},
		{"limit", sitrep.SearchQuery{Page: sitrep.Page{Limit: 1}}, "b2"},
		{"offset", sitrep.SearchQuery{Page: sitrep.Page{Limit: 1, Offset: 1}}, "a1"},
	} {
		res, err := s.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if g := strings.Join(ids(res.Hits), " "); g != tc.want {
			t.Errorf("%s: [%s], want [%s]", tc.name, g, tc.want)
		}
	}
	res, err := s.Search(ctx, sitrep.SearchQuery{Page: sitrep.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 3 {
		t.Errorf("total with limit 1: %d, want 3", res.Total)
	}
	res, err = s.Search(ctx, sitrep.SearchQuery{Query: "Pakistan", Page: sitrep.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 1 {
		t.Errorf("search Pakistan, limit 1: %d hits, total %d; want 1, 2", len(res.Hits), res.Total)
	}
	if res.Hits[0].Snippet == "" {
		t.Error("hit without a snippet")
	}
}

func testSearchErrors(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	for _, q := range []sitrep.SearchQuery{
		{Query: `"not closed`},
		{Query: "OR"},
		{Query: "Taliban AND"},
		{Query: "(Taliban"},
		{Query: "Taliban)"},
		{Type: "picnic"},
		{Since: date("2024-07-01"), Until: date("2024-06-01")},
		{Page: sitrep.Page{Limit: -1}},
	} {
		_, err := s.Search(ctx, q)
		wantCode(t, "search "+jsonOf(t, q), err, sitrep.EINVALID)
	}
}

func testQuotes(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	all, err := s.Quotes(ctx, sitrep.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d quotes, want 3", len(all))
	}
	// Latest first: b2's quotes (July), then a1's.
	if all[0].Document.ID[:2] != "b2" || all[2].Document.ID[:2] != "a1" || all[2].Document.Outlet != "Dawn" {
		t.Errorf("order: %s %s %s", all[0].Document.ID, all[1].Document.ID, all[2].Document.ID)
	}
	corpus := Corpus()
	if g, w := jsonOf(t, all[2].Quote), jsonOf(t, corpus[0].Document.Quotes[0]); g != w {
		t.Errorf("quote row differs:\ngot  %s\nwant %s", g, w)
	}
	q := all[2].Quote
	if corpus[0].Document.Text[q.Start:q.End] != `"We will continue our attacks until our demands are met,"` {
		t.Errorf("quote span %d-%d does not locate the words", q.Start, q.End)
	}
	count := func(f sitrep.QuoteFilter) int {
		t.Helper()
		rows, err := s.Quotes(ctx, f)
		if err != nil {
			t.Errorf("quotes %+v: %v", f, err)
		}
		return len(rows)
	}
	for _, tc := range []struct {
		name string
		f    sitrep.QuoteFilter
		want int
	}{
		{"speaker", sitrep.QuoteFilter{Speaker: "auto:person:mohammad-khurasani"}, 1},
		{"speaker with no quotes", sitrep.QuoteFilter{Speaker: "kb:ttp"}, 0},
		{"about an entity in the words", sitrep.QuoteFilter{About: "kb:islamic-state"}, 1},
		{"about, words only", sitrep.QuoteFilter{About: "kb:pakistan-foreign-office"}, 0},
		{"about an unknown entity", sitrep.QuoteFilter{About: "kb:nobody"}, 0},
		{"query, stemmed", sitrep.QuoteFilter{Query: "attack"}, 1},
		{"query, phrase", sitrep.QuoteFilter{Query: `"no presence"`}, 1},
		{"since", sitrep.QuoteFilter{DateRange: sitrep.DateRange{Since: date("2024-07-01")}}, 2},
		// A month-precision date overlaps a range inside the month.
		{"month overlaps", sitrep.QuoteFilter{DateRange: sitrep.DateRange{Since: date("2024-07-20"), Until: date("2024-07-25")}}, 1},
		{"until", sitrep.QuoteFilter{DateRange: sitrep.DateRange{Until: date("2024-06-30")}}, 1},
		{"document", sitrep.QuoteFilter{Document: corpus[1].Document.ID}, 2},
		{"limit", sitrep.QuoteFilter{Page: sitrep.Page{Limit: 2}}, 2},
	} {
		if g := count(tc.f); g != tc.want {
			t.Errorf("%s: %d quotes, want %d", tc.name, g, tc.want)
		}
	}
	_, err = s.Quotes(ctx, sitrep.QuoteFilter{Query: `"open`})
	wantCode(t, "quotes with a bad query", err, sitrep.EINVALID)
}

func testClaims(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	all, err := s.Claims(ctx, sitrep.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d claims, want 3", len(all))
	}
	corpus := Corpus()
	for _, r := range all {
		var want sitrep.Claim
		for _, a := range corpus {
			if a.Document.ID == r.Document.ID {
				want = a.Document.Claims[r.Index]
			}
		}
		if g, w := jsonOf(t, r.Claim), jsonOf(t, want); g != w {
			t.Errorf("claim row %s/%d differs:\ngot  %s\nwant %s", r.Document.ID, r.Index, g, w)
		}
	}
	for _, tc := range []struct {
		name string
		f    sitrep.ClaimFilter
		want string // predicates, in order
	}{
		{"entity as subject or object, latest first", sitrep.ClaimFilter{Entity: "kb:pakistan"}, "threat presence"},
		{"subject", sitrep.ClaimFilter{Subject: "kb:ttp"}, "threat responsibility"},
		{"object", sitrep.ClaimFilter{Object: "kb:pakistan"}, "threat presence"},
		{"speaker", sitrep.ClaimFilter{Speaker: "kb:pakistan-foreign-office"}, "presence"},
		{"predicate", sitrep.ClaimFilter{Predicate: sitrep.PredicateResponsibility}, "responsibility"},
		{"denials", sitrep.ClaimFilter{Polarity: sitrep.PolarityDeny}, "presence"},
		{"until", sitrep.ClaimFilter{DateRange: sitrep.DateRange{Until: date("2024-06-30")}}, "responsibility"},
	} {
		rows, err := s.Claims(ctx, tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var g []string
		for _, r := range rows {
			g = append(g, r.Claim.Predicate)
		}
		if strings.Join(g, " ") != tc.want {
			t.Errorf("%s: %v, want [%s]", tc.name, g, tc.want)
		}
	}
	// Evidence: the claim's span of its document's text, as bytes (the
	// text before it has a multi-byte character in no document here, so
	// check against the corpus).
	ev, err := s.Claims(ctx, sitrep.ClaimFilter{Predicate: sitrep.PredicatePresence, Evidence: true})
	if err != nil || len(ev) != 1 {
		t.Fatalf("claims with evidence: %v, %d rows", err, len(ev))
	}
	if ev[0].Excerpt != "Daesh has no presence in Pakistan" {
		t.Errorf("claim evidence %q", ev[0].Excerpt)
	}
	if all[0].Excerpt != "" {
		t.Errorf("claim evidence %q not asked for", all[0].Excerpt)
	}
	_, err = s.Claims(ctx, sitrep.ClaimFilter{Predicate: "likes"})
	wantCode(t, "claims with an unknown predicate", err, sitrep.EINVALID)
}

func testIncidents(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	corpus := Corpus()
	MustPut(t, s, corpus)
	all, err := s.Incidents(ctx, sitrep.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 {
		t.Fatalf("%d incidents, want 1", len(all))
	}
	if g, w := jsonOf(t, all[0].Incident), jsonOf(t, corpus[0].Document.Incidents[0]); g != w {
		t.Errorf("incident row differs:\ngot  %s\nwant %s", g, w)
	}
	if all[0].Document.Outlet != "Dawn" || all[0].Index != 0 {
		t.Errorf("incident row document %+v index %d", all[0].Document, all[0].Index)
	}
	for _, tc := range []struct {
		name string
		f    sitrep.IncidentFilter
		want int
	}{
		{"perpetrator", sitrep.IncidentFilter{Perpetrator: "kb:ttp"}, 1},
		{"not the perpetrator", sitrep.IncidentFilter{Perpetrator: "kb:islamic-state"}, 0},
		{"entity", sitrep.IncidentFilter{Entity: "kb:ttp"}, 1},
		{"entity as place", sitrep.IncidentFilter{Entity: "kb:peshawar"}, 1},
		{"ttp is no target", sitrep.IncidentFilter{Target: "kb:ttp"}, 0},
		{"type", sitrep.IncidentFilter{Type: sitrep.IncidentSuicideBombing}, 1},
		{"other type", sitrep.IncidentFilter{Type: sitrep.IncidentKidnapping}, 0},
		{"place by name", sitrep.IncidentFilter{Place: "peshawar"}, 1},
		{"place by province", sitrep.IncidentFilter{Place: "Khyber Pakhtunkhwa"}, 1},
		{"place by country", sitrep.IncidentFilter{Place: "Pakistan"}, 1},
		{"place by entity", sitrep.IncidentFilter{Place: "kb:peshawar"}, 1},
		{"other place", sitrep.IncidentFilter{Place: "Quetta"}, 0},
		{"in range", sitrep.IncidentFilter{DateRange: sitrep.DateRange{Since: date("2024-06-01"), Until: date("2024-06-04")}}, 1},
		{"out of range", sitrep.IncidentFilter{DateRange: sitrep.DateRange{Since: date("2024-06-05")}}, 0},
	} {
		rows, err := s.Incidents(ctx, tc.f)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
		} else if len(rows) != tc.want {
			t.Errorf("%s: %d incidents, want %d", tc.name, len(rows), tc.want)
		}
	}
	ev, err := s.Incidents(ctx, sitrep.IncidentFilter{Evidence: true})
	if err != nil || len(ev) != 1 {
		t.Fatalf("incidents with evidence: %v, %d rows", err, len(ev))
	}
	in := ev[0].Incident
	if w := corpus[0].Document.Text[in.Start:in.End]; ev[0].Excerpt != w {
		t.Errorf("incident evidence %q, want %q", ev[0].Excerpt, w)
	}
	_, err = s.Incidents(ctx, sitrep.IncidentFilter{Type: "picnic"})
	wantCode(t, "incidents of an unknown type", err, sitrep.EINVALID)
}

func testEntities(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	MustPut(t, s, Corpus())
	for _, tc := range []struct{ name, want string }{
		{"TTP", "kb:ttp"},
		{"tehrik-i-taliban pakistan", "kb:ttp"},
		{"kb:ttp", "kb:ttp"},
		{"daesh", "kb:islamic-state"},
		{"  Foreign   Office ", "kb:pakistan-foreign-office"},
	} {
		found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: tc.name})
		if err != nil {
			t.Errorf("FindEntities(%q): %v", tc.name, err)
			continue
		}
		if len(found) != 1 || found[0].ID != tc.want {
			t.Errorf("FindEntities(%q) = %+v, want %s", tc.name, found, tc.want)
		}
	}
	found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: "TTP", Type: "person"})
	if err != nil || len(found) != 0 {
		t.Errorf("FindEntities(TTP, person) = %v, %v; want none", found, err)
	}

	p, err := s.Entity(ctx, "TTP", sitrep.EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "kb:ttp" || p.Name != "Tehrik-i-Taliban Pakistan" || p.Type != "organization" || p.Subtype != "armed_group" {
		t.Errorf("profile %+v", p.EntitySummary)
	}
	if p.Documents != 2 || p.Mentions != 4 {
		t.Errorf("profile counts %d documents, %d mentions; want 2, 4", p.Documents, p.Mentions)
	}
	if len(p.Relations) != 1 || p.Relations[0].Target != "kb:afghan-taliban" {
		t.Errorf("relations %+v", p.Relations)
	}
	if p.First.String() != "2024-06-04" || p.Last.String() != "2024-07-10" {
		t.Errorf("first %s, last %s", p.First, p.Last)
	}
	if g := jsonOf(t, p.Months); g != `[{"month":"2024-06","mentions":3,"documents":1},{"month":"2024-07","mentions":1,"documents":1}]` {
		t.Errorf("months %s", g)
	}
	aliases := map[string]sitrep.Alias{}
	for _, a := range p.Aliases {
		aliases[a.Name] = a
	}
	if a := aliases["TTP"]; a.Documents != 2 || len(a.Seen) != 2 {
		t.Errorf("alias TTP: %+v, want 2 documents", a)
	}
	if a := aliases["Tehrik-i-Taliban Pakistan"]; a.Documents != 1 || len(a.Seen) != 1 || a.Seen[0].Outlet != "Dawn" {
		t.Errorf("alias Tehrik-i-Taliban Pakistan: %+v, want seen in the Dawn story", a)
	}
	var co []string
	for _, c := range p.CoOccurring {
		co = append(co, c.ID)
		if c.ID == "kb:pakistan" && (c.Documents != 1 || c.Name != "Pakistan") {
			t.Errorf("co-occurrence %+v", c)
		}
	}
	if len(co) != 6 || !slices.Contains(co, "kb:islamic-state") || !slices.Contains(co, "kb:peshawar") {
		t.Errorf("co-occurring %v, want the 6 other entities of its documents", co)
	}
	p, err = s.Entity(ctx, "TTP", sitrep.EntityOptions{CoOccurring: 2, AliasDocuments: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.CoOccurring) != 2 {
		t.Errorf("%d co-occurring, want 2", len(p.CoOccurring))
	}
	for _, a := range p.Aliases {
		if len(a.Seen) > 1 {
			t.Errorf("alias %s lists %d documents, want at most 1", a.Name, len(a.Seen))
		}
	}
	pl, err := s.Entity(ctx, "kb:peshawar", sitrep.EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Place == nil || pl.Place.Admin1 != "Khyber Pakhtunkhwa" {
		t.Errorf("place %+v", pl.Place)
	}
	_, err = s.Entity(ctx, "Lashkar-e-Nowhere", sitrep.EntityOptions{})
	wantCode(t, "unknown entity", err, sitrep.ENOTFOUND)
	_, err = s.Entity(ctx, " ", sitrep.EntityOptions{})
	wantCode(t, "empty entity", err, sitrep.EINVALID)
}

func testReplace(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	corpus := Corpus()
	MustPut(t, s, corpus)
	stored, err := s.StoredInputs(ctx, 0, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2 {
		t.Fatalf("StoredInputs: %d, want 2 (the limit)", len(stored))
	}
	more, err := s.StoredInputs(ctx, stored[1].Seq, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	stored = append(stored, more...)
	if len(stored) != 3 {
		t.Fatalf("StoredInputs: %d in all, want 3", len(stored))
	}
	for i, si := range stored {
		if si.DocumentID != corpus[i].Document.ID || jsonOf(t, si.Input) != jsonOf(t, corpus[i].Input) {
			t.Errorf("stored input %d: %s %s, want %s %s", i, si.DocumentID, jsonOf(t, si.Input), corpus[i].Document.ID, jsonOf(t, corpus[i].Input))
		}
	}
	if upTo, err := s.StoredInputs(ctx, 0, stored[0].Seq, 10); err != nil || len(upTo) != 1 {
		t.Errorf("StoredInputs up to the first: %d, %v; want 1", len(upTo), err)
	}

	// The same analysis: nothing changes.
	same := Corpus()
	changed, err := s.Replace(ctx, []sitrep.Replacement{{OldID: same[0].Document.ID, Document: same[0].Document}})
	if err != nil || !slices.Equal(changed, []bool{false}) {
		t.Fatalf("Replace with the same analysis: %v, %v; want [false]", changed, err)
	}

	// A new analysis of b2 without its second quote and claim, and one of
	// c3 whose text (and so ID) changed.
	b2 := Corpus()[1].Document
	b2.Quotes = b2.Quotes[:1]
	b2.Claims = b2.Claims[:1]
	c3 := Corpus()[2].Document
	c3.Text = "Floods hit the northern districts."
	c3.ID = "c4000000000000000000000000000004"
	changed, err = s.Replace(ctx, []sitrep.Replacement{{OldID: b2.ID, Document: b2}, {OldID: corpus[2].Document.ID, Document: c3}})
	if err != nil || !slices.Equal(changed, []bool{true, true}) {
		t.Fatalf("Replace: %v, %v; want [true true]", changed, err)
	}
	q, err := s.Quotes(ctx, sitrep.QuoteFilter{Document: b2.ID})
	if err != nil || len(q) != 1 {
		t.Errorf("quotes of the replaced document: %d, %v; want 1", len(q), err)
	}
	cl, err := s.Claims(ctx, sitrep.ClaimFilter{Subject: "kb:ttp"})
	if err != nil || len(cl) != 1 {
		t.Errorf("TTP claims after the replacement: %d, %v; want 1", len(cl), err)
	}
	_, err = s.Document(ctx, corpus[2].Document.ID)
	wantCode(t, "Document(old ID)", err, sitrep.ENOTFOUND)
	if d, err := s.Document(ctx, c3.ID); err != nil || d.Text != c3.Text {
		t.Errorf("Document(new ID): %v", err)
	}
	res, err := s.Search(ctx, sitrep.SearchQuery{Query: "rain"})
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("search finds the replaced text: %v, %v", ids(res.Hits), err)
	}
	res, err = s.Search(ctx, sitrep.SearchQuery{Query: "floods"})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].Document.ID != c3.ID {
		t.Errorf("search does not find the new text: %v", err)
	}
	all, err := s.StoredInputs(ctx, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var docIDs []string
	for _, si := range all {
		docIDs = append(docIDs, si.DocumentID[:2])
	}
	slices.Sort(docIDs)
	if strings.Join(docIDs, " ") != "a1 b2 c4" {
		t.Errorf("stored inputs now of %v, want a1 b2 c4", docIDs)
	}
	// The input still is what it was: ingesting it again changes nothing.
	for i, o := range MustPut(t, s, Corpus()) {
		if o != sitrep.PutUnchanged {
			t.Errorf("Put after Replace, outcome %d: %v, want unchanged", i, o)
		}
	}
	// An entity no document mentions any more is not listed.
	if _, err := s.Replace(ctx, []sitrep.Replacement{{OldID: b2.ID, Document: &sitrep.Document{ID: b2.ID, Source: b2.Source, Text: b2.Text}}}); err != nil {
		t.Fatal(err)
	}
	found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: "Daesh"})
	if err != nil || len(found) != 0 {
		t.Errorf("FindEntities(Daesh) after its only document lost it: %v, %v; want none", found, err)
	}

	_, err = s.Replace(ctx, []sitrep.Replacement{{OldID: "nope", Document: b2}})
	wantCode(t, "Replace(unknown)", err, sitrep.ENOTFOUND)
}

func testStats(t *testing.T, s sitrep.Store) {
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || !st.First.IsZero() {
		t.Errorf("empty store stats %+v", st)
	}
	MustPut(t, s, Corpus())
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := sitrep.StoreStats{Documents: 3, Inputs: 3, Entities: 7, Mentions: 12, Quotes: 3, Claims: 3, Incidents: 1,
		First: date("2024-06-04"), Last: date("2024-07-10")}
	st.Bytes, st.LastIngested, st.LastSeq = 0, want.LastIngested, 0
	if g, w := jsonOf(t, st), jsonOf(t, want); g != w {
		t.Errorf("stats:\ngot  %s\nwant %s", g, w)
	}
}
