package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/ingest"
	"github.com/sitrep-project/sitrep/worker"
)

// IngestCommand runs "sitrep ingest".
type IngestCommand struct {
	*Main
}

const ingestUsage = `Usage: sitrep ingest [flags] PATH...

Reads inputs as "sitrep analyze" does (files, directories recursively, - for
standard input; text, HTML, JSON and JSON Lines), analyses them and keeps the
documents in the store, with their raw inputs (compressed, for "sitrep
reanalyze"). The store is one SQLite file: --db, else $SITREP_DB, else
$XDG_DATA_HOME/sitrep/sitrep.db (~/.local/share/sitrep/sitrep.db).

Ingesting is idempotent and resumable: an input stored already is not
analysed again, the same article from another input is kept once, and
documents are committed in batches of one transaction each, so that a run
stopped at any point (Ctrl-C, a crash) loses nothing committed and the same
command run again goes on where it stopped.

Bad inputs (empty, binary, too large, unreadable, no article text) are
reported and skipped. On a terminal a progress line shows documents/s and,
once the inputs are counted, the time left. The summary counts inputs read,
new, unchanged, duplicates, skipped (by reason) and failed; the exit status
is 1 when an input failed (a missing path, an internal error), 130 when
interrupted.`

// Run implements the command.
func (c *IngestCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("ingest", ingestUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\") applied to resolution")
	db := fs.String("db", "", dbHelp)
	batch := fs.Int("batch", worker.DefaultBatch, "most documents stored in one transaction")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given (use - for standard input)", ErrUsage)
	}
	if *batch < 1 {
		return fmt.Errorf("%w: --batch must be 1 or more", ErrUsage)
	}
	a, r, err := af.analyzer(c.Stdin)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db, true)
	if err != nil {
		return err
	}
	defer s.Close()

	pr := newProgress(c.Stderr, !af.quiet && isTerminal(c.Stderr))
	// Count the inputs beside the run, for the time left, unless one is
	// standard input (read once only).
	var total atomic.Int64
	total.Store(-1)
	if !slices.Contains(paths, "-") && pr.on {
		go func() {
			n := int64(0)
			cr := &ingest.Reader{MaxSize: r.MaxSize}
			if cr.Walk(ctx, paths, func(ingest.Input) error { n++; return nil }, func(error) { n++ }) == nil {
				total.Store(n)
			}
		}()
	}
	g := &worker.Ingester{
		Store: s, Analyzer: a, Workers: af.workers, Batch: *batch,
		Report: func(err error) { pr.println(fmt.Sprintf("sitrep: %v", err)) },
		Progress: func(n worker.Counts) {
			pr.show(progressLine(n.Done(), int(total.Load()), n.Elapsed, fmt.Sprintf("%s new, %s unchanged", thousands(n.New), thousands(n.Unchanged+n.Duplicates))))
		},
	}
	counts, err := g.Run(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		return r.Walk(ctx, paths, func(in ingest.Input) error {
			return emit(&sitrep.Input{Source: in.Source, Format: in.Format, Body: in.Body, URL: in.URL, Title: in.Title,
				Published: in.Published, Authors: in.Authors, Outlet: in.Outlet})
		}, fail)
	})
	pr.clear()
	if !af.quiet || err != nil {
		fmt.Fprintln(c.Stderr, ingestSummary(counts, s.Path()))
		if st, serr := s.Stats(context.WithoutCancel(ctx)); serr == nil {
			fmt.Fprintf(c.Stderr, "sitrep: the store holds %s, %s, %s, %s, %s (%.1f MB)\n",
				count(st.Documents, "document"), count(st.Entities, "entity"), count(st.Quotes, "quote"), count(st.Claims, "claim"),
				count(st.Incidents, "incident"), float64(st.Bytes)/1e6)
		}
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(c.Stderr, "sitrep: stopped; what was analysed is stored: run the same command again to go on")
	}
	if err != nil {
		return err
	}
	if counts.Failed > 0 {
		return errFailed
	}
	return nil
}

// ingestSummary is the closing line of an ingest.
func ingestSummary(n worker.Counts, path string) string {
	rate := 0.0
	if s := n.Elapsed.Seconds(); s > 0 {
		rate = float64(n.Read) / s
	}
	skipped := thousands(n.SkippedTotal()) + " skipped"
	if len(n.Skipped) > 0 {
		var reasons []string
		for r, k := range n.Skipped {
			reasons = append(reasons, fmt.Sprintf("%s %s", thousands(k), worker.SkippedLabel(r)))
		}
		sort.Strings(reasons)
		skipped += " (" + strings.Join(reasons, ", ") + ")"
	}
	return fmt.Sprintf("sitrep: %s inputs read in %s (%.0f/s) into %s: %s new, %s unchanged, %s duplicates, %s, %s failed",
		thousands(n.Read), roundDuration(n.Elapsed), rate, path, thousands(n.New), thousands(n.Unchanged),
		thousands(n.Duplicates), skipped, thousands(n.Failed))
}

// roundDuration rounds d for people: to the millisecond under a second,
// else to a tenth of a second.
func roundDuration(d time.Duration) time.Duration {
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(100 * time.Millisecond)
}

// progressLine says how far a run is: done of total (total < 0:
// unknown), the rate and the time left.
func progressLine(done, total int, elapsed time.Duration, detail string) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(done) / s
	}
	line := thousands(done)
	if total > 0 {
		line += " of " + thousands(total)
	}
	line += fmt.Sprintf(" documents, %.0f/s", rate)
	if detail != "" {
		line += ", " + detail
	}
	if total > 0 && rate > 0 && done < total {
		left := time.Duration(float64(total-done) / rate * float64(time.Second))
		line += fmt.Sprintf(", %d%%, %s left", 100*done/total, left.Round(time.Second))
	}
	return line
}

// progress draws one status line on a terminal, rewritten in place, and
// prints other lines above it. Off, it prints the other lines only.
type progress struct {
	w    io.Writer
	on   bool
	mu   sync.Mutex
	last string
}

func newProgress(w io.Writer, on bool) *progress { return &progress{w: w, on: on} }

func (p *progress) show(line string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = line
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
}

func (p *progress) println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.last != "" {
		fmt.Fprintf(p.w, "\r\x1b[K%s\n%s", line, p.last)
		return
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.last != "" {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.last = ""
	}
}
