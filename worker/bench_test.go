package worker_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/ingest"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/worker"
)

// BenchmarkIngestReuters ingests reut2-000.json (1,000 records, 925 with
// a body) end to end into a new store: reading with package ingest, every
// analysis stage on GOMAXPROCS workers, batched writes. For the whole
// corpus use "sitrep ingest" (docs/measurements.md, Store).
func BenchmarkIngestReuters(b *testing.B) {
	const path = "../../shared/datasets/reuters21578/json-data/reut2-000.json"
	if _, err := os.Stat(path); err != nil {
		b.Skipf("Reuters-21578 not found at %s (the shared data sets sit beside the repository): %v", path, err)
	}
	a := sharedAnalyzer()
	ctx := context.Background()
	r := &ingest.Reader{}
	walk := func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		return r.Walk(ctx, []string{path}, func(in ingest.Input) error {
			return emit(&sitrep.Input{Source: in.Source, Format: in.Format, Body: in.Body, URL: in.URL, Title: in.Title,
				Published: in.Published, Authors: in.Authors, Outlet: in.Outlet})
		}, fail)
	}
	docs := 0
	for i := 0; b.Loop(); i++ {
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "sitrep.db"))
		if err != nil {
			b.Fatal(err)
		}
		c, err := (&worker.Ingester{Store: db, Analyzer: a}).Run(ctx, walk)
		if err != nil {
			b.Fatal(err)
		}
		docs += c.New
		db.Close()
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
