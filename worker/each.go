package worker

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/sitrep-project/sitrep"
)

// Each reads the inputs walk yields, analyses the new ones and stores
// them, like Run, and returns what became of each input, in input order:
// for callers that answer input by input (the HTTP API's POST of
// documents) rather than with counts. Everything walk yields is held in
// memory, so walks should be bounded (a request body of limited size).
//
// An input stored already is "unchanged" and not analysed again, so its
// outcome names no document. Inputs that cannot be read or analysed are
// "skipped" (bad input, with a Reason) or "failed"; they are never an
// error of Each, which fails only when ctx is done before anything is
// stored or when the store fails (then nothing of the walk is stored).
func (g *Ingester) Each(ctx context.Context, walk Walk) ([]sitrep.InputOutcome, error) {
	type item struct {
		in  *sitrep.Input
		key string
		doc *sitrep.Document
		err error
	}
	var items []*item
	err := walk(ctx, func(in *sitrep.Input) error {
		items = append(items, &item{in: in, key: in.Key()})
		return nil
	}, func(err error) {
		items = append(items, &item{err: err})
	})
	if err != nil {
		return nil, err
	}
	out := make([]sitrep.InputOutcome, len(items))
	var todo []*item
	for i, it := range items {
		if it.in != nil {
			out[i].Source = it.in.Source
		}
		if it.err != nil {
			continue
		}
		stored, err := g.Store.HasInput(ctx, it.key)
		if err != nil {
			return nil, err
		}
		if stored {
			out[i].Status = sitrep.OutcomeUnchanged
			continue
		}
		todo = append(todo, it)
	}

	// Analyse on the workers, in any order; results go back to their item.
	workers := g.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan *item)
	var wg sync.WaitGroup
	for range min(workers, max(1, len(todo))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				it.doc, it.err = analyze(ctx, g.Analyzer, it.in)
			}
		}()
	}
	for _, it := range todo {
		next <- it
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	var batch []sitrep.Analysed
	var where []int
	for i, it := range items {
		switch {
		case it.err != nil:
			out[i].Message = it.err.Error()
			var ie *sitrep.InputError
			if errors.As(it.err, &ie) {
				out[i].Source, out[i].Message = ie.Source, ie.Err.Error()
				if ie.Line > 0 {
					out[i].Source = fmt.Sprintf("%s:%d", ie.Source, ie.Line)
				}
			}
			if out[i].Reason = skipReason(it.err); out[i].Reason != "" {
				out[i].Status = sitrep.OutcomeSkipped
			} else {
				out[i].Status = sitrep.OutcomeFailed
			}
		case it.doc != nil:
			batch = append(batch, sitrep.Analysed{Input: it.in, Key: it.key, Document: it.doc})
			where = append(where, i)
			out[i].Document, out[i].Title = it.doc.ID, it.doc.Title
		}
	}
	if len(batch) == 0 {
		return out, nil
	}
	res, err := g.Store.Put(ctx, batch)
	if err != nil {
		return nil, err
	}
	for j, o := range res {
		out[where[j]].Status = o.String()
	}
	return out, nil
}
