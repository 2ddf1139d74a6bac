package worker_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/worker"
)

var (
	analyzerOnce sync.Once
	analyzer     *extract.Analyzer
)

// sharedAnalyzer loads the analyzer once for the package's tests.
func sharedAnalyzer() *extract.Analyzer {
	analyzerOnce.Do(func() { analyzer = extract.NewAnalyzer() })
	return analyzer
}

func mustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "sitrep.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// stories returns n distinct short reports, plus bad inputs: one with no
// article text and one that cannot be read.
func stories(n int) Walk {
	return func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		for i := range n {
			in := &sitrep.Input{Source: fmt.Sprintf("story-%d.txt", i), Format: sitrep.FormatText, Published: sitrep.Date{Year: 2024, Month: 6, Day: 1 + i%28},
				Body: fmt.Sprintf("Gunmen attacked a checkpoint in Quetta on Monday, killing %d soldiers, officials said.\n\n"+
					"\"This attack will not go unpunished,\" Pakistan's army chief General Asim Munir said in Islamabad.\n", i+1)}
			if err := emit(in); err != nil {
				return err
			}
			if i == n/2 {
				if err := emit(&sitrep.Input{Source: "blank.txt", Format: sitrep.FormatText, Body: "   \n\n  "}); err != nil {
					return err
				}
				fail(&sitrep.InputError{Source: "gone.txt", Err: sitrep.Errorf(sitrep.ENOTFOUND, "no such file or directory")})
			}
		}
		return nil
	}
}

// Walk is worker.Walk, for brevity.
type Walk = worker.Walk

func TestIngestIdempotent(t *testing.T) {
	ctx := context.Background()
	db := mustOpen(t)
	var reported []string
	g := &worker.Ingester{Store: db, Analyzer: sharedAnalyzer(), Workers: 2, Batch: 4,
		Report: func(err error) { reported = append(reported, err.Error()) }}
	c, err := g.Run(ctx, stories(20))
	if err != nil {
		t.Fatal(err)
	}
	if c.Read != 22 || c.New != 20 || c.Unchanged != 0 || c.Failed != 1 || c.Skipped[worker.SkippedNoText]+c.Skipped[worker.SkippedEmpty] != 1 {
		t.Errorf("first run: %+v", c)
	}
	if len(reported) != 2 {
		t.Errorf("reported %q, want the two bad inputs", reported)
	}
	st1, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st1.Documents != 20 || st1.Quotes < 20 {
		t.Errorf("stats after the first run: %+v", st1)
	}
	c, err = g.Run(ctx, stories(20))
	if err != nil {
		t.Fatal(err)
	}
	if c.New != 0 || c.Unchanged != 20 {
		t.Errorf("second run: %+v, want 20 unchanged", c)
	}
	st2, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st1.Bytes, st2.Bytes = 0, 0
	if *st1 != *st2 {
		t.Errorf("second run changed the store:\n%+v\n%+v", st1, st2)
	}

	r := &worker.Reanalyzer{Store: db, Analyzer: sharedAnalyzer(), Batch: 3}
	rc, err := r.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rc.Total != 20 || rc.Done != 20 || rc.Changed != 0 || rc.Unchanged != 20 {
		t.Errorf("reanalysis with the same analyzer: %+v", rc)
	}
}

// TestIngestCancel stops an ingest after its first transaction, then
// resumes it: every document is stored once.
func TestIngestCancel(t *testing.T) {
	db := mustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := &worker.Ingester{Store: db, Analyzer: sharedAnalyzer(), Workers: 2, Batch: 3,
		Progress: func(c worker.Counts) {
			if c.New > 0 {
				cancel()
			}
		}}
	c, err := g.Run(ctx, stories(40))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run: %v, want context.Canceled", err)
	}
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != c.New || c.New == 0 || c.New >= 40 {
		t.Errorf("cancelled run: %d new, %d stored; want the same, between 1 and 39", c.New, st.Documents)
	}
	g.Progress = nil
	c2, err := g.Run(context.Background(), stories(40))
	if err != nil {
		t.Fatal(err)
	}
	if c2.New != 40-c.New || c2.Unchanged != c.New {
		t.Errorf("resumed run: %d new, %d unchanged; want %d, %d", c2.New, c2.Unchanged, 40-c.New, c.New)
	}
	if st, _ := db.Stats(context.Background()); st.Documents != 40 {
		t.Errorf("%d documents stored, want 40", st.Documents)
	}
}

// TestReadersDuringIngest searches, lists and reads profiles while an
// ingest writes; readers see whole batches and never fail.
func TestReadersDuringIngest(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	var done atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for r := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for !done.Load() {
				res, err := db.Search(ctx, sitrep.SearchQuery{Query: "checkpoint", Page: sitrep.Page{Limit: 5}})
				if err != nil {
					errs <- fmt.Errorf("reader %d: search: %w", r, err)
					return
				}
				if res.Total < last {
					errs <- fmt.Errorf("reader %d: %d documents found after %d", r, res.Total, last)
					return
				}
				last = res.Total
				if _, err := db.Quotes(ctx, sitrep.QuoteFilter{Page: sitrep.Page{Limit: 10}}); err != nil {
					errs <- fmt.Errorf("reader %d: quotes: %w", r, err)
					return
				}
				if _, err := db.Entity(ctx, "Quetta", sitrep.EntityOptions{}); err != nil && sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
					errs <- fmt.Errorf("reader %d: entity: %w", r, err)
					return
				}
				time.Sleep(time.Millisecond)
			}
		}()
	}
	g := &worker.Ingester{Store: db, Analyzer: sharedAnalyzer(), Workers: 2, Batch: 5}
	c, err := g.Run(ctx, stories(60))
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err != nil || c.New != 60 {
		t.Fatalf("ingest: %v, %+v", err, c)
	}
	p, err := db.Entity(ctx, "Quetta", sitrep.EntityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Documents != 60 || len(p.Months) != 1 || p.Months[0].Month != "2024-06" {
		t.Errorf("Quetta: %d documents, months %+v", p.Documents, p.Months)
	}
}
