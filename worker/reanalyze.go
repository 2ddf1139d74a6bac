package worker

import (
	"context"
	"errors"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

// Reanalyzer runs the current analysis again over the inputs a store
// holds and replaces what changed: after a new sitrep, knowledge base or
// decisions file. Running it twice changes nothing the second time.
type Reanalyzer struct {
	Store    sitrep.Store
	Analyzer *extract.Analyzer
	// Workers, Batch, Interval, Progress and Report are as in Ingester.
	Workers  int
	Batch    int
	Interval time.Duration
	Progress func(ReanalyzeCounts)
	Report   func(error)
}

// ReanalyzeCounts are what a reanalysis did.
type ReanalyzeCounts struct {
	// Total is the number of documents to reanalyse; Done how many are.
	Total int `json:"total"`
	Done  int `json:"done"`
	// Changed counts the documents whose analysis changed (and was
	// replaced); Unchanged those whose analysis is the same.
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	// Failed counts the documents whose input could not be analysed any
	// more (no article text left with the current cleaning); they are
	// kept as they were.
	Failed  int           `json:"failed"`
	Elapsed time.Duration `json:"-"`
}

type reanalyzeJob struct {
	stored sitrep.StoredInput
}

type reanalyzeResult struct {
	stored sitrep.StoredInput
	doc    *sitrep.Document
	err    error
}

// Run reanalyses every document stored when it starts, page by page in
// storage order, and returns the counts; on cancellation the documents
// done by then are stored and ctx's error is returned.
func (r *Reanalyzer) Run(ctx context.Context) (ReanalyzeCounts, error) {
	start := time.Now()
	var c ReanalyzeCounts
	st, err := r.Store.Stats(ctx)
	if err != nil {
		return c, err
	}
	c.Total = st.Documents
	upTo := st.LastSeq
	batchSize := r.Batch
	if batchSize <= 0 {
		batchSize = DefaultBatch
	}
	interval := r.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	var batch []sitrep.Replacement
	lastCommit := time.Now()
	progress := func() {
		if r.Progress != nil {
			c.Elapsed = time.Since(start)
			r.Progress(c)
		}
	}
	flush := func(ctx context.Context) error {
		lastCommit = time.Now()
		if len(batch) == 0 {
			return nil
		}
		changed, err := r.Store.Replace(ctx, batch)
		if err != nil {
			return err
		}
		for _, ch := range changed {
			if ch {
				c.Changed++
			} else {
				c.Unchanged++
			}
		}
		c.Done += len(batch)
		batch = batch[:0]
		progress()
		return nil
	}
	produce := func(ctx context.Context, send func(reanalyzeJob) error) error {
		var after int64
		for {
			page, err := r.Store.StoredInputs(ctx, after, upTo, 500)
			if err != nil {
				return err
			}
			if len(page) == 0 {
				return nil
			}
			for _, s := range page {
				if err := send(reanalyzeJob{s}); err != nil {
					return err
				}
			}
			after = page[len(page)-1].Seq
		}
	}
	work := func(ctx context.Context, j reanalyzeJob) reanalyzeResult {
		doc, err := analyze(ctx, r.Analyzer, j.stored.Input)
		return reanalyzeResult{j.stored, doc, err}
	}
	consume := func(res reanalyzeResult) error {
		switch {
		case res.err != nil && ctx.Err() != nil && errors.Is(res.err, ctx.Err()):
			return nil
		case res.err != nil:
			c.Failed++
			c.Done++
			if r.Report != nil {
				r.Report(res.err)
			}
			return nil
		}
		batch = append(batch, sitrep.Replacement{OldID: res.stored.DocumentID, Document: res.doc})
		if len(batch) >= batchSize || time.Since(lastCommit) >= interval {
			return flush(ctx)
		}
		return nil
	}
	err = pool(ctx, r.Workers, 2*batchSize, 500*time.Millisecond, produce, work, consume, func() {
		if len(batch) > 0 && time.Since(lastCommit) >= interval {
			if err := flush(ctx); err != nil {
				return
			}
		}
		progress()
	})
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if ferr := flush(context.WithoutCancel(ctx)); ferr != nil {
			err = errors.Join(err, ferr)
		}
	}
	c.Elapsed = time.Since(start)
	return c, err
}
