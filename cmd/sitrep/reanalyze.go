package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/sitrep-project/sitrep/worker"
)

// ReanalyzeCommand runs "sitrep reanalyze".
type ReanalyzeCommand struct {
	*Main
}

const reanalyzeUsage = `Usage: sitrep reanalyze [flags]

Runs the current analysis again over the raw inputs the store keeps, and
replaces each document whose analysis changed (a new sitrep, --kb files or a
--decisions file), with its entities, quotes, claims and incidents. A
document whose text now cleans differently gets its new ID. Running it twice
changes nothing the second time. Interrupted, it keeps what it has done; run
it again to finish (documents already current are only re-read).`

// Run implements the command.
func (c *ReanalyzeCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("reanalyze", reanalyzeUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\") applied to resolution")
	db := fs.String("db", "", dbHelp)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: reanalyze takes no arguments (got %q); it reads the store's inputs", ErrUsage, rest[0])
	}
	a, _, err := af.analyzer(c.Stdin)
	if err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	pr := newProgress(c.Stderr, !af.quiet && isTerminal(c.Stderr))
	r := &worker.Reanalyzer{
		Store: s, Analyzer: a, Workers: af.workers,
		Report: func(err error) { pr.println(fmt.Sprintf("sitrep: %v (the stored analysis is kept)", err)) },
		Progress: func(n worker.ReanalyzeCounts) {
			pr.show(progressLine(n.Done, n.Total, n.Elapsed, fmt.Sprintf("%s changed", thousands(n.Changed))))
		},
	}
	n, err := r.Run(ctx)
	pr.clear()
	if !af.quiet || err != nil {
		fmt.Fprintf(c.Stderr, "sitrep: %s of %s documents reanalysed in %s in %s: %s changed, %s unchanged, %s failed\n",
			thousands(n.Done), thousands(n.Total), roundDuration(n.Elapsed), s.Path(),
			thousands(n.Changed), thousands(n.Unchanged), thousands(n.Failed))
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(c.Stderr, "sitrep: stopped; what was reanalysed is stored: run the same command again to finish")
	}
	if err != nil {
		return err
	}
	if n.Failed > 0 {
		return errFailed
	}
	return nil
}
