package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/clean"
	"github.com/sitrep-project/sitrep/extract/dedup"
	"github.com/sitrep-project/sitrep/ingest"
	"github.com/sitrep-project/sitrep/internal/browsertext"
)

// AnalyzeCommand runs "sitrep analyze".
type AnalyzeCommand struct {
	*Main
}

const analyzeUsage = `Usage: sitrep analyze [flags] PATH...

Reads files, directories (recursively) or - (standard input): plain text
scraped from web pages, HTML pages (.html, .htm, .html.gz) and JSON or JSON
Lines records with a text or html field. Prints one JSON document per article
(JSON Lines) or, with --format text, a readable summary.

Errors name the file (and line); the other inputs are still processed, and
the exit status is 1 when any input failed.`

// Run implements the command.
func (c *AnalyzeCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("analyze", analyzeUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\") applied to resolution")
	format := fs.String("format", "json", "output `format`: json (JSON Lines) or text")
	explain := fs.Bool("explain", false, "print how the text cleaner judged each line (score, class, in body) instead of documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given (use - for standard input)", ErrUsage)
	}
	if *format != "json" && *format != "text" {
		return fmt.Errorf("%w: --format must be json or text, not %q", ErrUsage, *format)
	}
	a, r, err := af.analyzer(c.Stdin)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(c.Stdout)
	defer out.Flush()
	if *explain {
		return c.explain(ctx, r, out, fs.Args())
	}
	var emit func(*sitrep.Document) error
	if *format == "text" {
		emit = func(d *sitrep.Document) error { return writeSummary(out, d) }
	} else {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		emit = func(d *sitrep.Document) error { return enc.Encode(d) }
	}
	st, err := runAnalysis(ctx, r, a, fs.Args(), af.workers, emit, func(err error) {
		fmt.Fprintf(c.Stderr, "sitrep: %v\n", err)
	})
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if !af.quiet {
		fmt.Fprintln(c.Stderr, st.String())
	}
	if st.Failed > 0 {
		return errFailed
	}
	return nil
}

// runStats counts what a run did.
type runStats struct {
	Docs, Failed, Duplicates, NearDuplicates int
	Bytes                                    int64
	Elapsed                                  time.Duration
}

func (s runStats) String() string {
	return fmt.Sprintf("sitrep: %d documents analysed, %d failed, %d exact and %d near duplicates, %.1f MB in %s",
		s.Docs, s.Failed, s.Duplicates, s.NearDuplicates, float64(s.Bytes)/1e6, s.Elapsed.Round(time.Millisecond))
}

// runAnalysis reads every input, analyses them on a pool of workers and
// passes the documents to emit in input order, after marking duplicates.
func runAnalysis(ctx context.Context, r *ingest.Reader, a *extract.Analyzer, paths []string, workers int,
	emit func(*sitrep.Document) error, report func(error)) (runStats, error) {
	start := time.Now()
	var st runStats
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		in  ingest.Input
	}
	type result struct {
		seq int
		doc *sitrep.Document
		err error
	}
	jobs := make(chan job, workers*2)
	results := make(chan result, workers*2)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := analyzeOne(ctx, a, j.in)
				results <- result{j.seq, doc, err}
			}
		}()
	}
	// Producer: walk the inputs. Walk errors of single inputs are sent as
	// results so that they are reported in order too.
	var walkErr error
	var walkFailed int
	var walkBytes int64
	var mu sync.Mutex // report is called by the walker and the consumer
	report = func(report func(error)) func(error) {
		return func(err error) { mu.Lock(); defer mu.Unlock(); report(err) }
	}(report)
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(results)
		}()
		seq := 0
		walkErr = r.Walk(ctx, paths, func(in ingest.Input) error {
			walkBytes += int64(len(in.Body))
			select {
			case jobs <- job{seq, in}:
			case <-ctx.Done():
				return ctx.Err()
			}
			seq++
			return nil
		}, func(err error) {
			// Failures found while reading go to the report at once;
			// they have no document to order against.
			report(err)
			walkFailed++
		})
	}()

	// Consumer: reorder, dedup, emit.
	pending := map[int]result{}
	next := 0
	ix := dedup.NewIndex()
	seen := map[string]string{} // id -> source of first occurrence
	var emitErr error
	for res := range results {
		pending[res.seq] = res
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if emitErr != nil {
				continue
			}
			if p.err != nil {
				report(p.err)
				st.Failed++
				continue
			}
			d := p.doc
			if first, dup := seen[d.ID]; dup {
				st.Duplicates++
				d.NearDuplicates = append(d.NearDuplicates, sitrep.NearDuplicate{ID: d.ID, Source: first, Similarity: 1})
			} else {
				seen[d.ID] = d.Source
				for _, m := range ix.Add(d.ID, d.Text) {
					d.NearDuplicates = append(d.NearDuplicates, sitrep.NearDuplicate{ID: m.Key, Source: seen[m.Key], Similarity: m.Similarity})
				}
				if len(d.NearDuplicates) > 0 {
					st.NearDuplicates++
				}
			}
			st.Docs++
			if err := emit(d); err != nil {
				emitErr = err
				cancel()
			}
		}
	}
	st.Elapsed = time.Since(start)
	st.Failed += walkFailed // the walker is done: results is closed
	st.Bytes = walkBytes
	if emitErr != nil {
		return st, emitErr
	}
	if walkErr != nil {
		return st, walkErr
	}
	return st, nil
}

// analyzeOne analyses one input, wrapping failures with its source.
func analyzeOne(ctx context.Context, a *extract.Analyzer, in ingest.Input) (doc *sitrep.Document, err error) {
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
		return nil, &sitrep.InputError{Source: in.Source, Err: err}
	}
	return doc, nil
}

// writeSummary prints a readable account of one document.
func writeSummary(w io.Writer, d *sitrep.Document) error {
	pr := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	pr("== %s  [%s]  id %s\n", d.Source, d.Format, d.ID)
	field := func(name, v string) {
		if v != "" {
			pr("%-10s %s\n", name+":", v)
		}
	}
	field("Title", d.Title)
	field("Authors", strings.Join(d.Authors, "; "))
	field("Published", orNone(d.Published.String()))
	field("Outlet", d.Outlet)
	field("Dateline", d.Dateline)
	field("URL", d.URL)
	paras := strings.Count(d.Text, "\n\n") + 1
	pr("%-10s %d paragraphs, %d sentences, %d words\n", "Text:", paras, len(d.Sentences), len(strings.Fields(d.Text)))
	for _, nd := range d.NearDuplicates {
		pr("%-10s %s (%s, similarity %.2f)\n", "Duplicate:", nd.Source, nd.ID, nd.Similarity)
	}
	if len(d.Removed) > 0 {
		counts := map[string]int{}
		for _, r := range d.Removed {
			counts[r.Reason]++
		}
		var parts []string
		for k, v := range counts {
			parts = append(parts, fmt.Sprintf("%s %d", k, v))
		}
		sort.Strings(parts)
		pr("%-10s %d lines (%s)\n", "Removed:", len(d.Removed), strings.Join(parts, ", "))
	}
	pr("\n")
	for i, s := range d.Sentences {
		if i == 3 {
			pr("  ...\n")
			break
		}
		pr("  %s\n", d.Text[s.Start:s.End])
	}
	// the first eight of a list, one line each
	list := func(title string, n int, line func(int) string) {
		if n == 0 {
			return
		}
		pr("\n%s (%d):\n", title, n)
		for i := range min(n, 8) {
			pr("  %s\n", line(i))
		}
		if n > 8 {
			pr("  ...\n")
		}
	}
	list("Quotes", len(d.Quotes), func(i int) string { return quoteLine(d.Quotes[i]) })
	list("Claims", len(d.Claims), func(i int) string { return claimLine(d.Claims[i]) })
	list("Incidents", len(d.Incidents), func(i int) string { return incidentLine(d.Incidents[i]) })
	_, err := fmt.Fprintln(w)
	return err
}

// quoteLine is one line of a quote for people: who, how, what, when.
func quoteLine(q sitrep.Quote) string {
	who := q.Speaker.Name
	if who == "" {
		who = q.Speaker.Text
	}
	if q.Speaker.Role != "" && !strings.Contains(strings.ToLower(who), q.Speaker.Role) {
		who += " (" + q.Speaker.Role + ")"
	}
	kind := "indirect"
	if q.Direct {
		kind = "direct"
	}
	when := ""
	if q.Date != "" {
		when = " on " + q.Date
		if q.DateBasis == "published" {
			when = " by " + q.Date
		}
	}
	return fmt.Sprintf("%s [%s %s%s]: %s", who, kind, orNone(q.Cue), when, clip(strings.Join(strings.Fields(q.Text), " "), 100))
}

// incidentLine is one line of an incident for people: what, where,
// when, the toll, and by whom.
func incidentLine(in sitrep.Incident) string {
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(in.Type, "_", " "))
	if in.Place != nil {
		b.WriteString(" in " + in.Place.Name)
		if in.Place.Country != "" && in.Place.Country != in.Place.Name {
			b.WriteString(", " + in.Place.Country)
		}
	}
	switch {
	case in.Date != "" && in.DateBasis == "published":
		b.WriteString(" by " + in.Date)
	case in.Date != "":
		b.WriteString(" on " + in.Date)
	case in.DateText != "":
		b.WriteString(" " + in.DateText + " (no reference date)")
	}
	fig := func(what string, f *sitrep.Figure) {
		if f == nil {
			return
		}
		fmt.Fprintf(&b, "; %s %s", what, strings.Join(strings.Fields(f.Text), " "))
		if f.Source != nil && f.Source.Name != "" {
			b.WriteString(" (per " + f.Source.Name + ")")
		}
	}
	fig("killed", in.Killed)
	fig("injured", in.Injured)
	fig("kidnapped", in.Kidnapped)
	fig("arrested", in.Arrested)
	for _, p := range in.Perpetrators {
		fmt.Fprintf(&b, "; %s by %s", p.Basis, p.Name)
	}
	if len(in.Targets) > 0 {
		var ts []string
		for _, t := range in.Targets {
			ts = append(ts, t.Name)
		}
		b.WriteString("; targets " + strings.Join(ts, ", "))
	}
	if len(in.Actors) > 0 {
		var ts []string
		for _, t := range in.Actors {
			ts = append(ts, t.Name)
		}
		b.WriteString("; by state forces " + strings.Join(ts, ", "))
	}
	if in.Hedged {
		b.WriteString(" (reported with reserve)")
	}
	return b.String()
}

// claimLine is one line of a claim for people.
func claimLine(c sitrep.Claim) string {
	by := c.Speaker.Name
	if by == "" {
		by = "the article"
	}
	obj := c.Object.Name
	if c.Value != "" {
		obj = c.Value
	}
	h := ""
	if c.Hedged {
		h = ", hedged"
	}
	stance := "affirmed"
	if c.Polarity == sitrep.PolarityDeny {
		stance = "denied"
	}
	return fmt.Sprintf("%s(%s, %s) %s by %s%s", c.Predicate, c.Subject.Name, clip(obj, 50), stance, by, h)
}

func orNone(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// explain prints the text cleaner's view of each input: for HTML, of the
// page's visible text. Lines marked "*" are inside the chosen body.
func (c *AnalyzeCommand) explain(ctx context.Context, r *ingest.Reader, out *bufio.Writer, paths []string) error {
	failed := false
	err := r.Walk(ctx, paths, func(in ingest.Input) error {
		fmt.Fprintf(out, "== %s [%s]\n", in.Source, in.Format)
		text := in.Body
		if in.Format == sitrep.FormatHTML {
			t, err := browsertext.Render(strings.NewReader(in.Body))
			if err != nil {
				fmt.Fprintf(c.Stderr, "sitrep: %s: %v\n", in.Source, err)
				failed = true
				return nil
			}
			text = t
		}
		fmt.Fprintln(out, "B line   score class     reason       text")
		clean.Explain(out, text)
		return nil
	}, func(err error) {
		failed = true
		fmt.Fprintf(c.Stderr, "sitrep: %v\n", err)
	})
	if err != nil {
		return err
	}
	if failed {
		return errFailed
	}
	return out.Flush()
}

// analysisFlags are the flags of the commands that analyse inputs
// (analyze, entities).
type analysisFlags struct {
	published string
	maxSize   int64
	workers   int
	quiet     bool
	kb        stringList
	decisions string
}

// register adds the flags to fs; decisionsHelp describes --decisions.
func (f *analysisFlags) register(fs *flag.FlagSet, decisionsHelp string) {
	fs.StringVar(&f.published, "published", "", "publication `date` (YYYY-MM-DD) for documents that do not state their own")
	fs.Int64Var(&f.maxSize, "max-size", ingest.DefaultMaxSize, "largest input read, in `bytes`")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	fs.BoolVar(&f.quiet, "quiet", false, "do not print the summary line on standard error")
	fs.Var(&f.kb, "kb", "a knowledge-base `file` of your own, added to the built-in one (repeatable)")
	fs.StringVar(&f.decisions, "decisions", "", decisionsHelp)
}

// analyzer builds the analyzer and the input reader the flags ask for.
func (f *analysisFlags) analyzer(stdin io.Reader) (*extract.Analyzer, *ingest.Reader, error) {
	a, err := extract.NewAnalyzerWith(extract.Config{KBFiles: f.kb, Decisions: f.decisions})
	if err != nil {
		return nil, nil, err
	}
	if f.published != "" {
		d, err := sitrep.ParseDate(f.published)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: --published: %v", ErrUsage, err)
		}
		a.Published = d
	}
	return a, &ingest.Reader{MaxSize: f.maxSize, Stdin: stdin}, nil
}
