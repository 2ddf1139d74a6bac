package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval/muc"
	"github.com/sitrep-project/sitrep/eval/satp"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/truecase"
	"github.com/sitrep-project/sitrep/kb"
)

const evalIncidentsUsage = `Usage: sitrep eval incidents [--data DIR] [--split SPLIT] [flags]

Scores incident extraction (the incidents of sitrep analyze). The data set
is told by --data:

MUC-4 (../shared/datasets/muc4, the default; --split dev, tst1, tst2, tst3,
tst4 or test = TST3+TST4; dev by default). Each message is analysed as
plain text, as sitrep analyze reads a text file, with its dateline's date
as the publication date. Per message, incidents are paired one to one
with the key templates (an optimal assignment by agreeing slots; a pair
needs a type the key allows and one more agreeing slot). Reported:
template P/R/F1 (irrelevant messages' incidents are spurious), P/R/F1 of
date, location, perpetrator organisation, target, deaths and injuries,
and their micro average. The rules in full: docs/incidents.md, "Evaluation
on MUC-4", and go doc github.com/sitrep-project/sitrep/eval/muc.

SATP (../shared/datasets/conflibert-satp; --split train, dev, test or
all, all by default): no gold slots. Counts the incidents found and how
many have a geocoded place, a killed figure, a perpetrator, a date, by
type; --sample N --seed S --out FILE writes a reproducible random sample
as a Markdown form for a hand check (docs/incidents.md, "Evaluation on
SATP").`

// evalIncidents runs "sitrep eval incidents".
func (c *EvalCommand) evalIncidents(ctx context.Context, args []string) error {
	fset := c.newFlagSet("eval incidents", evalIncidentsUsage)
	data := fset.String("data", "../shared/datasets/muc4", "data set `dir`ectory: MUC-4 or ConfliBERT SATP")
	split := fset.String("split", "", "split to score (MUC-4: dev, tst1..tst4, test; SATP: train, dev, test, all)")
	show := fset.Int("show", 0, "MUC-4: print this many errors of each slot")
	recase := fset.Bool("truecase", false, "restore word case in all-caps texts before analysis (extract/truecase)")
	mixed := fset.Bool("mixed-case", false, "MUC-4 tst4 only: analyse the texts in their original mixed case")
	sample := fset.Int("sample", 0, "SATP: draw this many snippets for a hand check (with --out)")
	seed := fset.Int64("seed", 1, "SATP: the seed of the --sample draw")
	out := fset.String("out", "", "SATP: write the --sample form to this `file`")
	workers := fset.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: eval incidents takes no arguments, got %q", ErrUsage, fset.Arg(0))
	}
	if *show < 0 || *sample < 0 {
		return fmt.Errorf("%w: --show and --sample must be 0 or more", ErrUsage)
	}
	if (*sample > 0) != (*out != "") {
		return fmt.Errorf("%w: --sample and --out go together", ErrUsage)
	}
	t0 := time.Now()
	a, err := extract.NewAnalyzerWith(extract.Config{})
	if err != nil {
		return err
	}
	if *recase {
		a.Stages = append([]extract.Stage{truecase.Stage{}}, a.Stages...)
	}
	if _, err := muc.CorporaDir(*data); err == nil {
		if *sample > 0 {
			return fmt.Errorf("%w: --sample is for SATP; MUC-4 has gold templates", ErrUsage)
		}
		return c.evalMUC(ctx, a, *data, *split, *show, *mixed, *recase, *workers, t0)
	}
	if _, err := satp.Dir(*data); err == nil {
		if *show > 0 || *mixed {
			return fmt.Errorf("%w: --show and --mixed-case are for MUC-4", ErrUsage)
		}
		return c.evalSATP(ctx, a, *data, *split, *sample, *seed, *out, *workers, args, t0)
	}
	return fmt.Errorf("%s: neither a MUC-4 folder (TASK/CORPORA) nor a ConfliBERT SATP one (data/satp_relevant)", *data)
}

// evalMUC scores a MUC-4 split.
func (c *EvalCommand) evalMUC(ctx context.Context, a *extract.Analyzer, data, split string, show int, mixed, recase bool, workers int, t0 time.Time) error {
	if split == "" {
		split = "dev"
	}
	if !contains(muc.Splits, split) {
		return fmt.Errorf("%w: --split must be one of %s for MUC-4", ErrUsage, strings.Join(muc.Splits, ", "))
	}
	if mixed && split != "tst4" {
		return fmt.Errorf("%w: --mixed-case needs --split tst4 (the only split given in mixed case)", ErrUsage)
	}
	corpus, err := muc.Load(data, split)
	if err != nil {
		return fmt.Errorf("load MUC-4: %w", err)
	}
	if mixed {
		if err := useMixedCase(data, corpus); err != nil {
			return err
		}
	}
	opt := muc.Options{Aliases: kbAliases()}
	analyze := func(ctx context.Context, m *muc.Message) (*sitrep.Document, error) {
		return a.Analyze(ctx, extract.Source{Name: m.ID, Format: sitrep.FormatText, Body: m.Text, Published: m.Dateline.Date})
	}
	// Load the lazy parts before timing.
	if _, err := a.Analyze(ctx, extract.Source{Format: sitrep.FormatText, Body: "Warm-up in Kabul, officials said on Monday."}); err != nil {
		return err
	}
	load := time.Since(t0)
	start := time.Now()
	s, err := muc.Run(ctx, corpus, analyze, opt, workers, func(id string, err error) {
		fmt.Fprintf(c.Stderr, "sitrep: %s: %v\n", id, err)
	})
	if err != nil {
		return err
	}
	name := split
	switch {
	case mixed:
		name += " (mixed case)"
	case recase:
		name += " (truecased)"
	}
	writeMUCScores(c.Stdout, data, name, s, load, time.Since(start))
	if show > 0 {
		writeMUCErrors(c.Stdout, s.Errors, show)
	}
	fmt.Fprintf(c.Stdout, "incidents muc4 %s: %s\n", name, mucSummary(s))
	return nil
}

// useMixedCase replaces the tst4 texts with those of tst4-muc4.mixed-case
// (same ids, same datelines).
func useMixedCase(data string, corpus *muc.Corpus) error {
	dir, err := muc.CorporaDir(data)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(filepath.Join(dir, "tst4", "tst4-muc4.mixed-case"))
	if err != nil {
		return fmt.Errorf("mixed-case texts: %w", err)
	}
	byID := map[string]string{}
	for _, m := range muc.ParseMessages(string(b)) {
		byID[m.ID] = m.Text
	}
	for i := range corpus.Messages {
		t, ok := byID[corpus.Messages[i].ID]
		if !ok {
			return fmt.Errorf("mixed-case texts lack %s", corpus.Messages[i].ID)
		}
		corpus.Messages[i].Text = t
	}
	return nil
}

// kbAliases returns a lookup from a knowledge-base entity id ("kb:ttp")
// to the entry's names, or nil when the knowledge base does not load.
func kbAliases() func(string) []string {
	k, err := kb.Default()
	if err != nil {
		return nil
	}
	names := map[string][]string{}
	for _, e := range k.Entries {
		names["kb:"+e.ID] = append(append([]string{e.Name}, e.Aliases...), e.Acronyms...)
	}
	return func(id string) []string { return names[id] }
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func writeMUCScores(w io.Writer, data, split string, s *muc.Scores, load, took time.Duration) {
	outside, nout := outsideText(s.Outside)
	fmt.Fprintf(w, "sitrep incidents on MUC-4 %s (%s): %d messages (%d relevant), %d key templates to find (%d optional, %d of types sitrep lacks), %d predicted incidents of MUC's types, %d of other types [loaded in %s, analysed in %s]\n",
		split, data, s.Messages, s.Relevant, s.Templates.Gold, s.Optional, s.Unsupported, s.Templates.Pred, nout, load.Round(time.Millisecond), took.Round(time.Millisecond))
	if s.Failed > 0 {
		fmt.Fprintf(w, "%d messages failed to analyse (scored with no predictions)\n", s.Failed)
	}
	if strings.HasSuffix(split, "(truecased)") {
		fmt.Fprintf(w, "note: the upper-case MUC-4 texts were recased by extract/truecase before analysis (see docs/incidents.md)\n\n")
	} else if !strings.HasSuffix(split, "(mixed case)") {
		fmt.Fprintf(w, "note: the MUC-4 texts are upper case; sitrep's entity layer relies on capitalisation (see docs/incidents.md; --truecase restores case first)\n\n")
	} else {
		fmt.Fprintln(w)
	}
	row := func(name string, c muc.Counts) {
		fmt.Fprintf(w, "%-26s %6d %6d %8d %6.3f %6.3f %6.3f\n", name, c.Gold, c.Pred, c.TP, c.P(), c.R(), c.F1())
	}
	fmt.Fprintf(w, "%-26s %6s %6s %8s %6s %6s %6s\n", "", "gold", "pred", "matched", "P", "R", "F1")
	row("templates", s.Templates)
	row("  ignoring type", s.AnyType)
	fmt.Fprintf(w, "  precision on the %d relevant messages only: %.3f (%d predictions)\n", s.Relevant, s.RelevantP(), s.RelevantPred)
	for _, n := range muc.ScoredSlots {
		row(n, s.Slots[n])
	}
	row("slots (micro)", s.Micro())
	fmt.Fprintf(w, "\n%-26s %6s %6s %8s\n", "key templates by type", "gold", "found", "recall")
	for _, t := range s.KeyTypeNames() {
		k := s.KeyTypes[t]
		note := ""
		if !muc.Supported(t) {
			note = "  (no sitrep type)"
		}
		fmt.Fprintf(w, "%-26s %6d %6d %8.3f%s\n", t, k.Gold, k.TP, k.R(), note)
	}
	if outside != "" {
		fmt.Fprintf(w, "predicted incidents of types MUC lacks (not scored): %s\n", outside)
	}
	fmt.Fprintln(w)
}

func outsideText(m map[string]int) (string, int) {
	var keys []string
	n := 0
	for k, v := range m {
		keys = append(keys, k)
		n += v
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", "), n
}

func mucSummary(s *muc.Scores) string {
	var b strings.Builder
	t := s.Templates
	fmt.Fprintf(&b, "templates P %.3f R %.3f F1 %.3f; F1", t.P(), t.R(), t.F1())
	for _, n := range muc.ScoredSlots {
		fmt.Fprintf(&b, " %s %.3f", n, s.Slots[n].F1())
	}
	fmt.Fprintf(&b, "; slots micro F1 %.3f", s.Micro().F1())
	return b.String()
}

// writeMUCErrors prints up to n errors of each slot, templates first, in
// message order.
func writeMUCErrors(w io.Writer, errs []muc.Error, n int) {
	slots := append([]string{"template"}, muc.ScoredSlots...)
	by := map[string][]muc.Error{}
	for _, e := range errs {
		by[e.Slot] = append(by[e.Slot], e)
	}
	fmt.Fprintf(w, "errors, up to %d of each slot:\n", n)
	for _, slot := range slots {
		es := by[slot]
		sort.SliceStable(es, func(i, j int) bool { return es[i].Message < es[j].Message })
		if len(es) == 0 {
			continue
		}
		noun := "errors"
		if len(es) == 1 {
			noun = "error"
		}
		fmt.Fprintf(w, "\n%s (%d %s):\n", slot, len(es), noun)
		for _, e := range es[:min(n, len(es))] {
			fmt.Fprintf(w, "  %-8s %s", e.Kind, e.Message)
			if e.Gold != "" {
				fmt.Fprintf(w, "  key: %s", e.Gold)
			}
			if e.Pred != "" {
				fmt.Fprintf(w, "  sitrep: %s", e.Pred)
			}
			fmt.Fprintln(w)
			if e.Evidence != "" {
				fmt.Fprintf(w, "           evidence: %q\n", e.Evidence)
			}
		}
	}
	fmt.Fprintln(w)
}

// evalSATP counts the incidents found in the SATP snippets and writes the
// hand-check sample.
func (c *EvalCommand) evalSATP(ctx context.Context, a *extract.Analyzer, data, split string, sample int, seed int64, out string, workers int, args []string, t0 time.Time) error {
	if split == "" {
		split = "all"
	}
	snippets, err := satp.Load(data, split)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	sampled := map[string]int{} // snippet id -> place in the sample
	var drawn []satp.Snippet
	if sample > 0 {
		drawn = satp.Sample(snippets, sample, seed)
		for i, s := range drawn {
			sampled[s.ID()] = i
		}
	}
	items := make([]satp.Item, len(drawn))
	docs := make([]*sitrep.Document, len(snippets))
	errs := make([]error, len(snippets))
	load := time.Since(t0)
	start := time.Now()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				s := snippets[i]
				docs[i], errs[i] = a.Analyze(ctx, extract.Source{Name: s.ID(), Format: sitrep.FormatText, Body: s.Text})
			}
		}()
	}
	for i := range snippets {
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
	var st satp.Stats
	for i, s := range snippets {
		if errs[i] != nil {
			fmt.Fprintf(c.Stderr, "sitrep: %s: %v\n", s.ID(), errs[i])
		}
		st.Add(s, docs[i])
		if j, ok := sampled[s.ID()]; ok {
			items[j] = satp.Item{Snippet: s, Doc: docs[i], Err: errs[i]}
		}
	}
	writeSATPStats(c.Stdout, data, split, &st, load, time.Since(start))
	if sample > 0 {
		info := satp.SampleInfo{Command: "sitrep eval incidents " + strings.Join(args, " "), Split: split, Seed: seed, Of: len(snippets), Version: version()}
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		if err := satp.WriteSample(f, items, info); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		n := 0
		for _, it := range items {
			if it.Doc != nil {
				n += len(it.Doc.Incidents)
			}
		}
		fmt.Fprintf(c.Stdout, "hand-check sample: %d snippets, %d incidents, written to %s\n", len(items), n, out)
	}
	all := st.All
	fmt.Fprintf(c.Stdout, "incidents satp %s: %d snippets, %d incidents (%d snippets with one); geocoded %d, killed %d, perpetrator %d, dated %d\n",
		split, st.Snippets, all.Incidents, st.WithIncident, all.Geocoded, all.Killed, all.Perpetrator, all.Dated)
	return nil
}

func writeSATPStats(w io.Writer, data, split string, st *satp.Stats, load, took time.Duration) {
	fmt.Fprintf(w, "sitrep incidents on SATP %s (%s): %d snippets, %d failed, %d with an incident, %d incidents [loaded in %s, analysed in %s]\n",
		split, data, st.Snippets, st.Failed, st.WithIncident, st.All.Incidents, load.Round(time.Millisecond), took.Round(time.Millisecond))
	fmt.Fprintf(w, "no gold slots: counts of the fields filled (share of the incidents); dated = a resolved date, date words = a date expression found\n(the snippets carry no publication date, so a date without a year stays unresolved)\n\n")
	fmt.Fprintf(w, "%-20s %9s %15s %15s %15s %15s %15s %15s %15s\n", "type", "incidents", "geocoded", "killed", "injured", "perpetrator", "dated", "date words", "target")
	row := func(name string, c satp.Counts) {
		cell := func(n int) string { return fmt.Sprintf("%d (%.2f)", n, safeDiv(float64(n), float64(c.Incidents))) }
		fmt.Fprintf(w, "%-20s %9d %15s %15s %15s %15s %15s %15s %15s\n", name, c.Incidents, cell(c.Geocoded), cell(c.Killed), cell(c.Injured), cell(c.Perpetrator), cell(c.Dated), cell(c.DateText), cell(c.Target))
	}
	for _, t := range st.Types() {
		row(t, *st.ByType[t])
	}
	row("all", st.All)
	fmt.Fprintf(w, "\nthe data set's four unnamed label columns (they look like armed assault, bombing, kidnapping, other):\n")
	fmt.Fprintf(w, "%-8s %9s %14s  %s\n", "column", "snippets", "with incident", "incident types found")
	for i, l := range st.ByLabel {
		var ts []string
		for t, n := range l.Types {
			ts = append(ts, fmt.Sprintf("%s %d", t, n))
		}
		sort.Strings(ts)
		fmt.Fprintf(w, "%-8d %9d %14d  %s\n", i+1, l.Snippets, l.WithIncident, strings.Join(ts, ", "))
	}
	fmt.Fprintln(w)
}

// version returns the program's version and, when the build recorded it,
// its commit.
func version() string {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v
}
