// Package worker runs the analysis pipeline over many inputs and keeps
// the results in a sitrep.Store: Ingester reads new inputs, Reanalyzer
// runs the current pipeline again over the inputs a store holds. Both
// analyse on a pool of workers (one per core by default) and write from
// one goroutine, in batches of one transaction each, so that a run
// stopped at any point (Ctrl-C, a crash, SIGKILL) leaves every document
// either stored whole with all its rows or not at all, and the next run
// goes on where it stopped.
package worker

import (
	"context"
	"runtime"
	"sync"
	"time"
)

// pool feeds the jobs produce sends to workers goroutines running work,
// and hands the results to consume in the order the jobs were sent, on
// the calling goroutine, calling tick every interval in between. Up to
// buffer results wait for consume, so that the workers go on while
// consume writes a batch. It
// returns the first error of produce or consume (or nil); after an error
// of consume nothing more is produced or consumed, but workers finish the
// job in hand. When ctx is cancelled, produce is expected to stop; the
// results of jobs already sent are still consumed.
func pool[J, R any](ctx context.Context, workers, buffer int, interval time.Duration,
	produce func(ctx context.Context, send func(J) error) error,
	work func(context.Context, J) R,
	consume func(R) error,
	tick func()) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		j   J
	}
	type result struct {
		seq int
		r   R
	}
	jobs := make(chan job, workers*4)
	results := make(chan result, max(buffer, workers*4))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, work(ctx, j.j)}
			}
		}()
	}
	var produceErr error
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(results)
		}()
		seq := 0
		produceErr = produce(ctx, func(j J) error {
			select {
			case jobs <- job{seq, j}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	pending := map[int]R{}
	next := 0
	var consumeErr error
	for {
		select {
		case res, ok := <-results:
			if !ok {
				if consumeErr != nil {
					return consumeErr
				}
				return produceErr
			}
			pending[res.seq] = res.r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if consumeErr == nil {
					if consumeErr = consume(r); consumeErr != nil {
						cancel()
					}
				}
			}
		case <-ticker.C:
			if consumeErr == nil {
				tick()
			}
		}
	}
}
