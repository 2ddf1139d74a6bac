package sqlite_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
)

// replicas returns n analysed inputs: copies of the storetest corpus with
// distinct IDs, keys and publication months.
func replicas(from, n int) []sitrep.Analysed {
	var out []sitrep.Analysed
	for i := from; len(out) < n; i++ {
		for _, a := range storetest.Corpus() {
			a.Document.ID = fmt.Sprintf("%s-%d", a.Document.ID, i)
			if !a.Document.Published.IsZero() {
				a.Document.Published.Month = time.Month(1 + (int(a.Document.Published.Month)+i)%12)
			}
			a.Input.URL = fmt.Sprint(i)
			a.Key = a.Input.Key()
			out = append(out, a)
		}
	}
	return out[:n]
}

// BenchmarkPut stores batches of 200 small documents (entities, quotes,
// claims and an incident each) in a growing store.
func BenchmarkPut(b *testing.B) {
	db := MustOpen(b)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		batch := replicas(n, 200)
		n += 200
		if _, err := db.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// mustStore returns a store of n replicas of the storetest corpus.
func mustStore(b *testing.B, n int) *sqlite.DB {
	db := MustOpen(b)
	for i := 0; i < n; i += 500 {
		if _, err := db.Put(context.Background(), replicas(i, min(500, n-i))); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// BenchmarkSearch searches a store of 3,000 documents (a third of which
// match) for 20 hits with snippets and the total.
func BenchmarkSearch(b *testing.B) {
	db := mustStore(b, 3000)
	ctx := context.Background()
	for _, q := range []sitrep.SearchQuery{
		{Query: "Taliban", Page: sitrep.Page{Limit: 20}},
		{Query: `"main threat" OR bomber`, Page: sitrep.Page{Limit: 20}},
		{Query: "Pakistan", Entity: "kb:ttp", Since: sitrep.Date{Year: 2024, Month: 3, Day: 1}, Page: sitrep.Page{Limit: 20}},
		{HasQuote: true, Page: sitrep.Page{Limit: 20}},
	} {
		b.Run(q.Query, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Search(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDossier builds the dossier of an entity mentioned in 2,000 of
// a store's 3,000 documents.
func BenchmarkDossier(b *testing.B) {
	db := mustStore(b, 3000)
	ctx := context.Background()
	for b.Loop() {
		if _, err := sitrep.BuildDossier(ctx, db, "TTP", sitrep.DossierOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
