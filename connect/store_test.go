package connect_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
)

// The store conformance corpus, loaded back as records, gives what the
// same documents give at hand.
func TestLoadFromStore(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	corpus := storetest.Corpus()
	storetest.MustPut(t, s, corpus)

	all, err := connect.Load(ctx, s, connect.Scope{Evidence: true}, connect.LoadAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Incidents) != 1 || len(all.Claims) != 3 || len(all.Quotes) != 3 || all.Truncated {
		t.Fatalf("loaded %d incidents, %d claims, %d quotes (truncated %v)", len(all.Incidents), len(all.Claims), len(all.Quotes), all.Truncated)
	}
	d := corpus[0].Document
	in := all.Incidents[0]
	if in.Doc.ID != d.ID || in.Doc.Outlet != "Dawn" || in.Excerpt != d.Text[in.Incident.Start:in.Incident.End] {
		t.Errorf("incident report %+v", in)
	}
	// The matrix over the store's claims is the matrix over the documents'.
	var docs []*sitrep.Document
	for _, a := range corpus {
		docs = append(docs, a.Document)
	}
	want := len(connect.ClaimMatrix(connect.ClaimRecords(docs), connect.Options{}))
	if g := len(connect.ClaimMatrix(all.Claims, connect.Options{})); g != want {
		t.Errorf("%d propositions from the store, %d from the documents", g, want)
	}

	sel, err := connect.ResolveNames(ctx, s, []string{"Daesh"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sel.Entities) != 1 || sel.Entities[0] != "kb:islamic-state" {
		t.Fatalf("selector %+v", sel)
	}
	some, err := connect.Load(ctx, s, connect.Scope{Entities: sel.Entities, Places: sel.Places}, connect.LoadAll)
	if err != nil {
		t.Fatal(err)
	}
	// The Foreign Office's quote names Daesh; its claim is about it.
	if len(some.Quotes) != 1 || len(some.Claims) != 1 || len(some.Incidents) != 0 {
		t.Fatalf("about Daesh: %d quotes, %d claims, %d incidents", len(some.Quotes), len(some.Claims), len(some.Incidents))
	}
	tl := connect.Timeline(sel, connect.MergeIncidents(some.Incidents, connect.Options{}), some.Quotes, some.Claims, connect.Options{})
	if len(tl) != 1 || tl[0].Kind != connect.EntryQuote || len(tl[0].Claims) != 1 {
		t.Errorf("timeline %+v", tl)
	}

	place, err := connect.Load(ctx, s, connect.Scope{Places: []string{"Khyber Pakhtunkhwa"}, Limit: 1}, connect.LoadAll)
	if err != nil || len(place.Incidents) != 1 || !place.Truncated {
		t.Errorf("incidents in Khyber Pakhtunkhwa: %v, %+v", err, place)
	}
}

func TestRelationsOfKB(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	rels := connect.RelationsOfKB(k)
	found := false
	for _, r := range rels["kb:iskp"] {
		found = found || (r.Type == "branch_of" && r.Target == "kb:islamic-state")
	}
	if !found {
		t.Errorf("kb:iskp relations %+v: no branch_of kb:islamic-state", rels["kb:iskp"])
	}
}
