package worker

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

// Defaults of Ingester and Reanalyzer.
const (
	DefaultBatch    = 200             // documents per transaction
	DefaultInterval = 2 * time.Second // longest wait before a commit
)

// Walk reads inputs and calls emit for each one, and fail for each input
// that cannot be read (a *sitrep.InputError). It returns an error only to
// stop: ctx's, or emit's. ingest.Reader.Walk has this shape.
type Walk func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error

// Ingester analyses inputs and stores them. Inputs the store holds
// already (same content, by sitrep.Input.Key) are not analysed again.
type Ingester struct {
	Store    sitrep.Store
	Analyzer *extract.Analyzer
	// Workers is the number of documents analysed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Batch is the most documents stored in one transaction; 0 means
	// DefaultBatch. Interval is the longest a finished document waits
	// for its transaction; 0 means DefaultInterval.
	Batch    int
	Interval time.Duration
	// Progress, when set, is called with the counts so far after each
	// transaction and every half second.
	Progress func(Counts)
	// Report, when set, is called with the error of every input skipped
	// or failed, in input order.
	Report func(error)
}

// Counts are what an ingest did, input by input.
type Counts struct {
	// Read counts the inputs read, the unreadable ones included.
	Read int `json:"read"`
	// New counts the documents stored; Unchanged the inputs stored
	// already; Duplicates the inputs whose document was stored already
	// from another input (the same article text), kept as another source
	// of it.
	New        int `json:"new"`
	Unchanged  int `json:"unchanged"`
	Duplicates int `json:"duplicates"`
	// Skipped counts the inputs refused as bad input, by reason (Skipped*
	// constants); Failed the inputs that could not be read or analysed
	// for another reason (a missing path, an internal error).
	Skipped map[string]int `json:"skipped"`
	Failed  int            `json:"failed"`
	// Pending counts the documents analysed and not yet stored.
	Pending int           `json:"-"`
	Elapsed time.Duration `json:"-"`
}

// Reasons an input is skipped.
const (
	SkippedNoText   = "no_text"   // nothing of an article left after cleaning
	SkippedEmpty    = "empty"     // an empty file or record
	SkippedBinary   = "binary"    // a PDF, an image, an archive ...
	SkippedTooLarge = "too_large" // over the size limit
	SkippedInvalid  = "invalid"   // not valid UTF-8, unparsable JSON, unreadable gzip ...
)

// SkippedTotal returns the number of inputs skipped for any reason.
func (c Counts) SkippedTotal() int {
	n := 0
	for _, v := range c.Skipped {
		n += v
	}
	return n
}

// Stored returns the number of inputs done with: stored, found stored,
// skipped or failed.
func (c Counts) Stored() int { return c.New + c.Unchanged + c.Duplicates }

// Done returns the number of inputs dealt with, stored or not.
func (c Counts) Done() int { return c.Read - c.Pending }

// ingestJob is one input, or one failure to read an input, as read.
type ingestJob struct {
	in     *sitrep.Input
	key    string
	stored bool  // the store holds the input already
	err    error // the input could not be read
}

type ingestResult struct {
	ingestJob
	doc      *sitrep.Document
	prepared any
}

// Run reads the inputs walk yields, analyses the new ones and stores
// them. It returns the counts and, when the run stopped early, why: ctx's
// error when it was cancelled (the documents analysed by then are
// stored), or the store's. Inputs that cannot be read or analysed are
// counted and reported, never an error of Run.
func (g *Ingester) Run(ctx context.Context, walk Walk) (Counts, error) {
	start := time.Now()
	batchSize := g.Batch
	if batchSize <= 0 {
		batchSize = DefaultBatch
	}
	interval := g.Interval
	if interval <= 0 {
		interval = DefaultInterval
	}
	c := Counts{Skipped: map[string]int{}}
	var batch []sitrep.Analysed
	lastCommit := time.Now()
	progress := func() {
		if g.Progress != nil {
			c.Elapsed = time.Since(start)
			g.Progress(c)
		}
	}
	flush := func(ctx context.Context) error {
		lastCommit = time.Now()
		if len(batch) == 0 {
			return nil
		}
		out, err := g.Store.Put(ctx, batch)
		if err != nil {
			return err
		}
		for _, o := range out {
			switch o {
			case sitrep.PutNew:
				c.New++
			case sitrep.PutUnchanged:
				c.Unchanged++
			case sitrep.PutDuplicate:
				c.Duplicates++
			}
		}
		c.Pending -= len(batch)
		batch = batch[:0]
		progress()
		return nil
	}

	produce := func(ctx context.Context, send func(ingestJob) error) error {
		return walk(ctx, func(in *sitrep.Input) error {
			key := in.Key()
			stored, err := g.Store.HasInput(ctx, key)
			if err != nil {
				return err
			}
			return send(ingestJob{in: in, key: key, stored: stored})
		}, func(err error) {
			// A failure is sent as a job too, so that it is reported and
			// counted in input order. send fails only when ctx is done.
			_ = send(ingestJob{err: err})
		})
	}
	work := func(ctx context.Context, j ingestJob) ingestResult {
		r := ingestResult{ingestJob: j}
		if j.err != nil || j.stored {
			return r
		}
		r.doc, r.err = analyze(ctx, g.Analyzer, j.in)
		if p, ok := g.Store.(sitrep.Preparer); ok && r.err == nil {
			a := sitrep.Analysed{Input: j.in, Key: j.key, Document: r.doc}
			if p.Prepare(&a) == nil {
				r.prepared = a.Prepared
			}
		}
		return r
	}
	consume := func(r ingestResult) error {
		c.Read++
		switch {
		case r.err != nil && ctx.Err() != nil && errors.Is(r.err, ctx.Err()):
			// Cancelled in the middle: not read after all.
			c.Read--
			return nil
		case r.err != nil:
			if reason := skipReason(r.err); reason != "" {
				c.Skipped[reason]++
			} else {
				c.Failed++
			}
			if g.Report != nil {
				g.Report(r.err)
			}
		case r.stored:
			c.Unchanged++
		default:
			batch = append(batch, sitrep.Analysed{Input: r.in, Key: r.key, Document: r.doc, Prepared: r.prepared})
			c.Pending++
			if len(batch) >= batchSize || time.Since(lastCommit) >= interval {
				return flush(ctx)
			}
		}
		return nil
	}
	err := pool(ctx, g.Workers, 2*batchSize, 500*time.Millisecond, produce, work, consume, func() {
		if len(batch) > 0 && time.Since(lastCommit) >= interval {
			if err := flush(ctx); err != nil {
				// The next flush, or the last one, reports it.
				return
			}
		}
		progress()
	})
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		// Whatever is analysed whole is stored, even when stopping.
		if ferr := flush(context.WithoutCancel(ctx)); ferr != nil {
			err = errors.Join(err, ferr)
		}
	}
	c.Elapsed = time.Since(start)
	return c, err
}

// analyze runs the analyzer over one input; a panic is an internal error
// of that input.
func analyze(ctx context.Context, a *extract.Analyzer, in *sitrep.Input) (doc *sitrep.Document, err error) {
	defer func() {
		if v := recover(); v != nil {
			doc, err = nil, &sitrep.InputError{Source: in.Source, Err: sitrep.Errorf(sitrep.EINTERNAL, "internal error: %v", v)}
		}
	}()
	doc, err = a.Analyze(ctx, extract.Source{
		Name: in.Source, Format: in.Format, Body: in.Body, URL: in.URL,
		Title: in.Title, Published: in.Published, Authors: in.Authors, Outlet: in.Outlet,
	})
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return nil, err
		}
		return nil, &sitrep.InputError{Source: in.Source, Err: err}
	}
	return doc, nil
}

// skipReason returns why a bad input is skipped, or "" for a failure
// that is not the input's fault.
func skipReason(err error) string {
	if errors.Is(err, extract.ErrNoText) {
		return SkippedNoText
	}
	switch sitrep.ErrorCode(err) {
	case sitrep.EEMPTY:
		return SkippedEmpty
	case sitrep.EBINARY:
		return SkippedBinary
	case sitrep.ETOOLARGE:
		return SkippedTooLarge
	case sitrep.EINVALID:
		return SkippedInvalid
	}
	return ""
}

// SkippedLabel returns a reason's words for people.
func SkippedLabel(reason string) string {
	switch reason {
	case SkippedNoText:
		return "no article text"
	case SkippedEmpty:
		return "empty"
	case SkippedBinary:
		return "binary"
	case SkippedTooLarge:
		return "too large"
	case SkippedInvalid:
		return "invalid or unreadable"
	}
	return fmt.Sprint(reason)
}
