package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/connect"
)

// ContradictionsCommand runs "sitrep contradictions".
type ContradictionsCommand struct {
	*Main
}

const contradictionsUsage = `Usage: sitrep contradictions [flags] PATH...

Analyses the inputs as "sitrep analyze" does and lists contradictions,
strongest first: a proposition affirmed by one speaker and denied by
another (speakers_disagree), one speaker on both sides (stance_changed,
ordered when the dates differ), and incidents whose reports give
conflicting figures (conflicting_figures) or name competing perpetrators
(competing_claims). Hedged stances rank lower. See docs/connect.md.

--format table (default) prints one line each, json one JSON object
{"contradictions": [...]} with both sides and their evidence. Without
PATH, the contradictions of the store: that comes with the store.`

// contradictionsOutput is the JSON form of "sitrep contradictions".
type contradictionsOutput struct {
	Contradictions []connect.Contradiction `json:"contradictions"`
}

// Run implements the command.
func (c *ContradictionsCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("contradictions", contradictionsUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	format := fs.String("format", "table", "output `format`: table or json")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	if len(paths) == 0 {
		return errNoStore("contradictions")
	}
	a, err := c.analyzeCorpus(ctx, &af, paths)
	if err != nil {
		return err
	}
	cs := connect.Contradictions(connect.ClaimMatrix(a.claims, a.opt), connect.MergeIncidents(a.incidents, a.opt))
	out := bufio.NewWriter(c.Stdout)
	if *format == "json" {
		if cs == nil {
			cs = []connect.Contradiction{}
		}
		err = writeJSON(out, contradictionsOutput{Contradictions: cs})
	} else {
		writeContradictionsTable(out, cs)
	}
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return a.finish(c.Main, af.quiet, fmt.Sprintf("%d contradictions", len(cs)))
}

func writeContradictionsTable(w io.Writer, cs []connect.Contradiction) {
	if len(cs) == 0 {
		fmt.Fprintln(w, "No contradictions found.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SCORE\tKIND\tSUMMARY")
	for _, c := range cs {
		fmt.Fprintf(tw, "%.2f\t%s\t%s\n", c.Score, c.Kind, c.Summary)
	}
	tw.Flush()
}
