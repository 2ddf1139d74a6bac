package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval/attribution"
	"github.com/sitrep-project/sitrep/extract"
)

const evalQuotesUsage = `Usage: sitrep eval quotes --data DIR [--split dev|test|train] [flags]

Scores quote attribution (the quotes of sitrep analyze) against PolNeAR's
gold attributions (../shared/datasets/polnear; Newell, Margolin & Ruths,
LREC 2018). Each text is analysed as it is, without the text cleaner, so
that the gold offsets stay valid; its publication date comes from
data/metadata.tsv. A text annotated by several annotators is scored
against the smallest annotator id.

A gold attribution is direct when at least half of its content lies
inside double quotation marks. Contents are compared after trimming white
space and punctuation (, . : ; quotation marks, dashes) at their ends:
exact = the same fragments; overlap = a one-to-one pairing, largest shared
byte count first. A pair's source is correct when the speaker span
overlaps the gold Source (or, without a gold Source, when no speaker is
given). Precision, recall and F1 for the direct subset and for all, and
cue accuracy on the overlap pairs. The rules in full: go doc
github.com/sitrep-project/sitrep/eval/attribution.`

// evalQuotes runs "sitrep eval quotes".
func (c *EvalCommand) evalQuotes(ctx context.Context, args []string) error {
	fset := c.newFlagSet("eval quotes", evalQuotesUsage)
	data := fset.String("data", "../shared/datasets/polnear", "PolNeAR `dir`ectory (the folder holding data/)")
	split := fset.String("split", "dev", "split to score: dev, test or train")
	show := fset.Int("show", 0, "print this many errors of each kind (missed, spurious, wrong source)")
	workers := fset.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	switch *split {
	case "dev", "test", "train":
	default:
		return fmt.Errorf("%w: --split must be dev, test or train", ErrUsage)
	}
	t0 := time.Now()
	docs, err := attribution.Load(*data, *split)
	if err != nil {
		return fmt.Errorf("load PolNeAR: %w (is --data the polnear folder of ../shared/datasets?)", err)
	}
	a, err := extract.NewAnalyzerWith(extract.Config{})
	if err != nil {
		return err
	}
	// Load the lazy parts before timing.
	if err := a.Run(ctx, &sitrep.Document{Text: "Warm-up in Kabul, officials said on Monday."}); err != nil {
		return err
	}
	load := time.Since(t0)

	start := time.Now()
	results := make([]attribution.Result, len(docs))
	preds := make([][]attribution.Prediction, len(docs))
	var mu sync.Mutex
	var failures int
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, *workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d := &docs[i]
				title, _, _ := strings.Cut(d.Text, "\n")
				doc := &sitrep.Document{Source: d.Name, Format: sitrep.FormatText, Title: strings.TrimSpace(title), Text: d.Text, Published: d.Published}
				if err := a.Run(ctx, doc); err != nil {
					mu.Lock()
					failures++
					fmt.Fprintf(c.Stderr, "sitrep: %s: %v\n", d.Name, err)
					mu.Unlock()
					doc.Quotes = nil
				}
				preds[i] = attribution.FromQuotes(doc.Quotes)
				results[i] = attribution.Score(d.Text, d.Gold, preds[i])
			}
		}()
	}
	for i := range docs {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	took := time.Since(start)

	var direct, all attribution.Counts
	multi := 0
	for i, r := range results {
		direct.Add(r.Direct)
		all.Add(r.All)
		if len(docs[i].Annotators) > 1 {
			multi++
		}
	}
	if *show > 0 {
		c.showQuoteErrors(docs, results, *show)
	}
	w := c.Stdout
	fmt.Fprintf(w, "sitrep quotes on %s, %s split: %d documents, %d gold attributions (%d direct), %d predicted (%d direct) [loaded in %s]\n",
		*data, *split, len(docs), all.Gold, direct.Gold, all.Pred, direct.Pred, load.Round(time.Millisecond))
	if multi > 0 {
		fmt.Fprintf(w, "%d of them annotated by several annotators, each scored against the smallest annotator id\n", multi)
	}
	if failures > 0 {
		fmt.Fprintf(w, "%d documents failed to analyse (scored with no predictions)\n", failures)
	}
	printQuoteTable(w, direct, all)
	fmt.Fprintf(w, "analysis: %d documents in %s, %.1f documents/s (%d workers)\n", len(docs), took.Round(time.Millisecond),
		safeDiv(float64(len(docs)), took.Seconds()), max(1, *workers))
	fmt.Fprintf(w, "quotes %s: direct content+source overlap F1 %.3f, all content+source overlap F1 %.3f\n",
		*split, direct.PRF(direct.SourceOverlap).F1, all.PRF(all.SourceOverlap).F1)
	return nil
}

// printQuoteTable prints precision, recall, F1 and matched pairs of the
// two subsets side by side.
func printQuoteTable(w io.Writer, direct, all attribution.Counts) {
	fmt.Fprintf(w, "  %-24s  %-28s   %s\n", "", fmt.Sprintf("direct (gold %d, pred %d)", direct.Gold, direct.Pred), fmt.Sprintf("all (gold %d, pred %d)", all.Gold, all.Pred))
	fmt.Fprintf(w, "  %-24s %6s %6s %6s %6s   %6s %6s %6s %6s\n", "", "P", "R", "F1", "pairs", "P", "R", "F1", "pairs")
	rows := []struct {
		name string
		get  func(attribution.Counts) int
	}{
		{"content exact", func(c attribution.Counts) int { return c.ContentExact }},
		{"content overlap", func(c attribution.Counts) int { return c.ContentOverlap }},
		{"content+source exact", func(c attribution.Counts) int { return c.SourceExact }},
		{"content+source overlap", func(c attribution.Counts) int { return c.SourceOverlap }},
	}
	for _, r := range rows {
		d, a := direct.PRF(r.get(direct)), all.PRF(r.get(all))
		fmt.Fprintf(w, "  %-24s %6.3f %6.3f %6.3f %6d   %6.3f %6.3f %6.3f %6d\n", r.name, d.P, d.R, d.F1, r.get(direct), a.P, a.R, a.F1, r.get(all))
	}
	fmt.Fprintf(w, "  %-24s  %-28s   %s\n", "cue accuracy (overlap)",
		fmt.Sprintf("%.3f (%d of %d)", safeDiv(float64(direct.CueCorrect), float64(direct.CuePairs)), direct.CueCorrect, direct.CuePairs),
		fmt.Sprintf("%.3f (%d of %d)", safeDiv(float64(all.CueCorrect), float64(all.CuePairs)), all.CueCorrect, all.CuePairs))
}

// showQuoteErrors prints up to n errors of each kind, in document order.
func (c *EvalCommand) showQuoteErrors(docs []attribution.Document, results []attribution.Result, n int) {
	fmt.Fprintf(c.Stdout, "errors, up to %d of each kind (byte offsets):\n", n)
	shown := map[string]int{}
	for i, r := range results {
		text := docs[i].Text
		for _, e := range r.Errors {
			if shown[e.Kind] >= n {
				continue
			}
			shown[e.Kind]++
			switch e.Kind {
			case attribution.Missed:
				g := e.Gold
				fmt.Fprintf(c.Stdout, "  missed   %s %s %s  source %s  cue %s\n", docs[i].Name, spansString(g.Content), fragText(text, g.Content, 100), fragText(text, g.Source, 60), fragText(text, g.Cue, 30))
			case attribution.Spurious:
				p := e.Pred
				fmt.Fprintf(c.Stdout, "  spurious %s %s %s  speaker %s  cue %s\n", docs[i].Name, spansString(p.Content), fragText(text, p.Content, 100), fragText(text, []sitrep.Span{p.Source}, 60), fragText(text, []sitrep.Span{p.Cue}, 30))
			case attribution.Source:
				g, p := e.Gold, e.Pred
				fmt.Fprintf(c.Stdout, "  source   %s %s %s  gold %s  predicted %s\n", docs[i].Name, spansString(g.Content), fragText(text, g.Content, 80), fragText(text, g.Source, 60), fragText(text, []sitrep.Span{p.Source}, 60))
			}
		}
	}
}

// spansString writes spans as [start:end], fragments joined by ";".
func spansString(spans []sitrep.Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = fmt.Sprintf("%d:%d", s.Start, s.End)
	}
	return "[" + strings.Join(parts, ";") + "]"
}

// fragText quotes the text of the fragments, joined by " … ", cut to
// about limit bytes.
func fragText(text string, spans []sitrep.Span, limit int) string {
	var parts []string
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.End <= s.Start {
			continue
		}
		parts = append(parts, text[s.Start:s.End])
	}
	if len(parts) == 0 {
		return "-"
	}
	t := strings.Join(parts, " … ")
	if len(t) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut] + "…"
	}
	return fmt.Sprintf("%q", t)
}
