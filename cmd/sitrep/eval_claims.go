package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval/claims"
	"github.com/sitrep-project/sitrep/extract"
)

const evalClaimsUsage = `Usage: sitrep eval claims [--set test|dev] [--gold FILE] [--datasets DIR] [--seeds DIR] [--show N]

Scores claim extraction (the claims of sitrep analyze) against sitrep's own
gold set of claims (eval/claims/testdata/gold.jsonl; guidelines and the way
its sentences were drawn: docs/claims.md). --set dev scores the development
set instead (eval/claims/testdata/dev.jsonl, drawn the same way from other
documents): develop on it, and measure the test set only to report. Gold sentences come from the
sample seed articles and from data sets read in place under --datasets;
a sentence whose file is absent or whose text has changed (SHA-256) is
skipped with a message. Each source document is analysed whole, uncleaned,
and the predicted claims whose evidence falls in a gold sentence are
matched one to one with its gold claims.

Levels: predicate+subject; +polarity; +object; full (predicate, subject,
object, polarity: the headline); full with the speaker, the hedged flag or
the strength value also correct; full+all. Actors match by entity id when
both have one, else by name (equal, or one containing the other).`

// evalClaims runs "sitrep eval claims".
func (c *EvalCommand) evalClaims(ctx context.Context, args []string) error {
	fset := c.newFlagSet("eval claims", evalClaimsUsage)
	set := fset.String("set", "test", "which of the project's sets to score: test (the gold) or dev (the development set)")
	gold := fset.String("gold", "", "gold `file` (JSON Lines); overrides --set")
	datasets := fset.String("datasets", claims.DefaultDatasets, "data sets `dir`ectory the gold's locators are relative to")
	seeds := fset.String("seeds", claims.DefaultSeeds, "seed articles `dir`ectory")
	show := fset.Int("show", 0, "print this many missed and this many spurious claims, with their sentence")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: eval claims takes no arguments, got %q", ErrUsage, fset.Arg(0))
	}
	if *show < 0 {
		return fmt.Errorf("%w: --show must be 0 or more", ErrUsage)
	}
	if *gold == "" {
		switch *set {
		case "test":
			*gold = "eval/claims/testdata/gold.jsonl"
		case "dev":
			*gold = "eval/claims/testdata/dev.jsonl"
		default:
			return fmt.Errorf("%w: --set %q: want test or dev", ErrUsage, *set)
		}
	}
	recs, err := claims.ReadGold(*gold)
	if err != nil {
		return fmt.Errorf("gold: %w (run from the repository's root, or give --gold)", err)
	}
	start := time.Now()
	a, err := extract.NewAnalyzerWith(extract.Config{})
	if err != nil {
		return err
	}
	loader := claims.NewLoader(claims.Roots{Seeds: *seeds, Datasets: *datasets})
	units, skipped, rebuilt, err := claims.Run(ctx, recs, loader, a.Run)
	if err != nil {
		return err
	}
	reportSkips(c.Stderr, skipped, rebuilt, *seeds)
	s := claims.Score(units)
	writeClaimScores(c.Stdout, *gold, len(recs), len(skipped), s, time.Since(start))
	if *show > 0 {
		showMisses(c.Stdout, "MISSED", s.Missed, *show)
		showMisses(c.Stdout, "SPURIOUS", s.Spurious, *show)
	}
	full := s.Levels[claims.Full]
	fmt.Fprintf(c.Stdout, "claims: P %.3f R %.3f F1 %.3f (%d gold, %d predicted)\n", full.P(), full.R(), full.F1(), full.Gold, full.Pred)
	return nil
}

// reportSkips tells, on stderr, which gold sentences were left out and
// why, grouped by reason.
func reportSkips(w io.Writer, skipped []claims.Skip, rebuilt []string, seeds string) {
	if len(rebuilt) > 0 {
		fmt.Fprintf(w, "sitrep: seed articles not found under %s: %d rebuilt from the gold's sentences (%s)\n", seeds, len(rebuilt), strings.Join(rebuilt, ", "))
	}
	if len(skipped) == 0 {
		return
	}
	absent := map[string][]string{} // data set -> missing files
	seen := map[string]bool{}
	count := map[string]int{}
	var other []claims.Skip
	for _, sk := range skipped {
		p, ok := strings.CutPrefix(sk.Reason, "absent: ")
		if !ok {
			other = append(other, sk)
			continue
		}
		if !seen[p] {
			seen[p] = true
			absent[sk.Set] = append(absent[sk.Set], p)
		}
		count[sk.Set]++
	}
	var sets []string
	for s := range absent {
		sets = append(sets, s)
	}
	sort.Strings(sets)
	for _, s := range sets {
		fs := absent[s]
		more := ""
		if len(fs) > 1 {
			more = fmt.Sprintf(" and %d more", len(fs)-1)
		}
		fmt.Fprintf(w, "sitrep: skipped %d gold sentences of %s: %s%s not found (the data sets are read in place, not shipped)\n", count[s], s, fs[0], more)
	}
	for _, sk := range other {
		fmt.Fprintf(w, "sitrep: skipped gold sentence %s: %s\n", sk.ID, sk.Reason)
	}
}

func writeClaimScores(w io.Writer, gold string, nrec, nskip int, s *claims.Scores, d time.Duration) {
	full := s.Levels[claims.Full]
	fmt.Fprintf(w, "sitrep claims on %s: %d of %d sentences scored (%d skipped), %d gold claims, %d predicted [%s]\n\n",
		gold, s.Sentences, nrec, nskip, full.Gold, full.Pred, d.Round(time.Millisecond))
	fmt.Fprintf(w, "%-28s %6s %6s %6s %8s\n", "level", "P", "R", "F1", "matched")
	for _, lv := range claims.Levels {
		c := s.Levels[lv.Name]
		fmt.Fprintf(w, "%-28s %6.3f %6.3f %6.3f %8d\n", lv.Name, c.P(), c.R(), c.F1(), c.TP)
	}
	fmt.Fprintf(w, "\n%-28s %6s %6s %8s %6s %6s %6s\n", "predicate (full)", "gold", "pred", "matched", "P", "R", "F1")
	for _, p := range s.PredicateNames() {
		c := s.Predicate[p]
		fmt.Fprintf(w, "%-28s %6d %6d %8d %6.3f %6.3f %6.3f\n", p, c.Gold, c.Pred, c.TP, c.P(), c.R(), c.F1())
	}
	fmt.Fprintf(w, "\n%-28s %6s %6s %8s %6s %6s %6s\n", "source (full)", "gold", "pred", "matched", "P", "R", "F1")
	for _, src := range s.SourceNames() {
		c := s.Source[src]
		fmt.Fprintf(w, "%-28s %6d %6d %8d %6.3f %6.3f %6.3f\n", src, c.Gold, c.Pred, c.TP, c.P(), c.R(), c.F1())
	}
	fmt.Fprintf(w, "\nrecall on gold denials %.3f (%d of %d), on hedged gold claims %.3f (%d of %d)\n",
		s.DenyRecall.R(), s.DenyRecall.TP, s.DenyRecall.Gold, s.HedgedRecall.R(), s.HedgedRecall.TP, s.HedgedRecall.Gold)
	fmt.Fprintf(w, "predicted claims in the %d sentences drawn for holding no keyword: %d\n", s.NoKeywordSentences, s.NoKeywordPred)
}

// showMisses prints up to n missed or spurious claims with their sentence.
func showMisses(w io.Writer, kind string, ms []claims.Miss, n int) {
	if len(ms) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s (%d, showing %d):\n", kind, len(ms), min(n, len(ms)))
	for _, m := range ms[:min(n, len(ms))] {
		var desc string
		if m.Gold != nil {
			desc = describeGold(m.Gold)
		} else {
			desc = describePred(m.Pred)
		}
		if m.Level != "" {
			desc += "  [matches at " + m.Level + "]"
		}
		fmt.Fprintf(w, "%s %s: %s\n    %s\n", kind, m.Unit.Record.ID, desc, strings.Join(strings.Fields(m.Unit.Text), " "))
	}
}

func describeGold(c *claims.Claim) string {
	return describe(c.Predicate, c.Polarity, c.Hedged, c.Value, c.Subject.Name, c.Subject.Entity, c.Object.Name, c.Object.Entity, c.Speaker.Name, c.Speaker.Entity)
}

func describePred(c *sitrep.Claim) string {
	return describe(c.Predicate, c.Polarity, c.Hedged, c.Value, c.Subject.Name, c.Subject.Entity, c.Object.Name, c.Object.Entity, c.Speaker.Name, c.Speaker.Entity)
}

func describe(pred, pol string, hedged bool, value, sn, se, on, oe, spn, spe string) string {
	actor := func(n, e string) string {
		switch {
		case n == "" && e == "":
			return "-"
		case e == "":
			return fmt.Sprintf("%q", n)
		}
		return fmt.Sprintf("%q (%s)", n, e)
	}
	out := fmt.Sprintf("%s %s %s -> %s", pred, pol, actor(sn, se), actor(on, oe))
	if value != "" {
		out += fmt.Sprintf(" value %q", value)
	}
	if hedged {
		out += " hedged"
	}
	speaker := actor(spn, spe)
	if speaker == "-" {
		speaker = "the article"
	}
	return out + ", speaker " + speaker
}
