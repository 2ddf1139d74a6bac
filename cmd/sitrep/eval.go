package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/internal/browsertext"
)

// EvalCommand runs "sitrep eval".
type EvalCommand struct {
	*Main
}

const evalUsage = `Usage: sitrep eval extract --data DIR [flags]
       sitrep eval dates --data DIR     (TempEval-3 or MEANTIME: date normalisation)
       sitrep eval ner --data DIR       (WorldWide NER or re3d: entity recognition)
       sitrep eval quotes [--data DIR] [--split dev|test|train]
                                        (PolNeAR: quote attribution)
       sitrep eval claims               (sitrep's own claims gold set: claim extraction)
       sitrep eval incidents [--data DIR] [--split S]
                                        (MUC-4 templates, or SATP snippets: incidents)

Scores article-body extraction on the article-extraction benchmark (AEB,
../shared/datasets/aeb) with the benchmark's own metric: per page, multisets
of word 4-grams; precision and recall averaged over pages; F1 from the two
averages.

  --mode html   extract each page's HTML (go-trafilatura + sitrep's cleaner)
  --mode text   render each page to plain text as a browser's select-all and
                copy would (all visible text, one block per line), then clean
                that text in text mode, as for scraped text input
  --raw         with --mode text: score the rendered text uncleaned
  --output FILE score a published output file (aeb/output/*.json) instead`

// Run implements the command.
func (c *EvalCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "dates":
			return c.evalDates(ctx, args[1:])
		case "ner":
			return c.evalNER(ctx, args[1:])
		case "quotes":
			return c.evalQuotes(ctx, args[1:])
		case "claims":
			return c.evalClaims(ctx, args[1:])
		case "incidents":
			return c.evalIncidents(ctx, args[1:])
		case "-h", "--help", "help":
			fmt.Fprintln(c.Stderr, evalUsage)
			return nil
		}
	}
	if len(args) == 0 || args[0] != "extract" {
		fmt.Fprintln(c.Stderr, evalUsage)
		return fmt.Errorf("%w: eval needs a task: extract, dates, ner, quotes, claims or incidents", ErrUsage)
	}
	fs := c.newFlagSet("eval extract", evalUsage)
	data := fs.String("data", "../shared/datasets/aeb", "benchmark `dir`ectory")
	mode := fs.String("mode", "html", "input mode: html or text")
	raw := fs.Bool("raw", false, "text mode: score the rendered page text without cleaning")
	output := fs.String("output", "", "score this published output `file` instead of sitrep")
	verbose := fs.Bool("v", false, "print each page's scores, worst first")
	dump := fs.String("dump", "", "write each page's predicted body to this `dir`ectory")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages processed in parallel")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *mode != "html" && *mode != "text" {
		return fmt.Errorf("%w: --mode must be html or text", ErrUsage)
	}
	pages, err := eval.LoadAEB(*data)
	if err != nil {
		return fmt.Errorf("load benchmark: %w (is --data the aeb folder of ../shared/datasets?)", err)
	}
	start := time.Now()
	pred := map[string]string{}
	name := "sitrep " + *mode
	if *raw {
		name += " (uncleaned)"
	}
	var failures int
	if *output != "" {
		name = filepath.Base(*output)
		if pred, err = eval.LoadAEBOutput(*output); err != nil {
			return err
		}
	} else {
		a := extract.NewAnalyzer()
		var mu sync.Mutex
		jobs := make(chan eval.Page)
		var wg sync.WaitGroup
		for w := 0; w < max(1, *workers); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range jobs {
					body, err := predictAEB(a, *data, p, *mode, *raw)
					mu.Lock()
					if err != nil {
						failures++
						if *verbose {
							fmt.Fprintf(c.Stderr, "sitrep: page %s: %v\n", p.ID, err)
						}
					}
					pred[p.ID] = body
					mu.Unlock()
				}
			}()
		}
		for _, p := range pages {
			if ctx.Err() != nil {
				break
			}
			jobs <- p
		}
		close(jobs)
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if *dump != "" {
		if err := os.MkdirAll(*dump, 0o755); err != nil {
			return err
		}
		for id, body := range pred {
			if id == "" || id != filepath.Base(id) || strings.HasPrefix(id, ".") {
				continue // never write outside the dump folder
			}
			if err := os.WriteFile(filepath.Join(*dump, id+".txt"), []byte(body), 0o644); err != nil {
				return err
			}
		}
	}
	score := eval.Evaluate(pages, pred)
	if *verbose {
		type row struct {
			id  string
			f1  float64
			c   eval.Counts
			url string
		}
		var rows []row
		for _, p := range pages {
			cn := eval.ShingleCounts(p.Body, pred[p.ID])
			f1 := 0.0
			if cn.TP > 0 {
				f1 = 2 * cn.TP / (2*cn.TP + cn.FP + cn.FN)
			}
			rows = append(rows, row{p.ID, f1, cn, p.URL})
		}
		sort.Slice(rows, func(i, j int) bool { return rows[i].f1 < rows[j].f1 })
		for _, r := range rows {
			fmt.Fprintf(c.Stdout, "%.3f  P %.3f R %.3f  %s  %s\n", r.f1, safeDiv(r.c.TP, r.c.TP+r.c.FP), safeDiv(r.c.TP, r.c.TP+r.c.FN), r.id[:12], r.url)
		}
	}
	fmt.Fprintf(c.Stdout, "%s on %s: %d pages, precision %.3f, recall %.3f, F1 %.3f", name, *data, score.Pages, score.Precision, score.Recall, score.F1)
	if failures > 0 {
		fmt.Fprintf(c.Stdout, " (%d pages gave no text)", failures)
	}
	fmt.Fprintf(c.Stdout, " [%s]\n", time.Since(start).Round(time.Millisecond))
	return nil
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// predictAEB returns sitrep's article body for one benchmark page.
func predictAEB(a *extract.Analyzer, dir string, p eval.Page, mode string, raw bool) (string, error) {
	page, err := eval.ReadAEBPage(dir, p.ID)
	if err != nil {
		return "", err
	}
	src := extract.Source{Name: p.ID, Format: sitrep.FormatHTML, Body: decodeHTML(page), URL: p.URL}
	if mode == "text" {
		txt, err := browsertext.Render(bytes.NewReader(page))
		if err != nil {
			return "", err
		}
		if raw {
			return txt, nil
		}
		src = extract.Source{Name: p.ID, Format: sitrep.FormatText, Body: txt}
	}
	doc, err := a.Clean(src)
	if err != nil {
		return "", err
	}
	return doc.Text, nil
}

// decodeHTML returns the page as a string; pages are decoded by the
// extractor's parser, which reads the declared charset.
func decodeHTML(b []byte) string { return strings.ToValidUTF8(string(b), "\uFFFD") }
