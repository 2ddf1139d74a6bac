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

const contradictionsUsage = `Usage: sitrep contradictions [flags] [PATH...]

Lists the contradictions among the store's claims and incidents (--db), or
with PATH among those of the inputs analysed as "sitrep analyze" does,
strongest first: a proposition affirmed by one speaker and denied by
another (speakers_disagree), one speaker on both sides (stance_changed,
ordered when the dates differ), and incidents whose reports give
conflicting figures (conflicting_figures) or name competing perpetrators
(competing_claims). Hedged stances rank lower. See docs/connect.md.

--entity keeps the claims an entity makes or is the subject or object of,
and the incidents it is party to or the place of (repeatable: any);
--since and --until the claims made and incidents that happened in the
range (over the store).

--format table (default) prints one line each, json one JSON object
{"contradictions": [...]} with both sides and their evidence.

Example: sitrep contradictions --entity Taliban --since 2024`

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
	var sf storeFlags
	sf.register(fs, "claims made and incidents that happened")
	var entities stringList
	fs.Var(&entities, "entity", "only what concerns this `entity`: a name, alias or id (repeatable)")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	if err := noDatesWithPaths(&sf, paths); err != nil {
		return err
	}
	var (
		claims    []connect.ClaimRecord
		incidents []connect.IncidentReport
		opt       connect.Options
		sel       *connect.Selector
		finish    func(string) error
	)
	if len(paths) == 0 {
		st, err := openConnectStore(ctx, &sf, af.kb)
		if err != nil {
			return err
		}
		defer st.db.Close()
		opt = st.opt
		sc := connect.Scope{DateRange: sf.dates(), Evidence: true}
		if len(entities) > 0 {
			s, err := st.resolve(ctx, "--entity", entities, c.Stderr)
			if err != nil {
				return err
			}
			sel = &s
			sc.Entities, sc.Places = s.Entities, s.Places
		}
		l, err := connect.Load(ctx, st.db, sc, connect.LoadClaims|connect.LoadIncidents)
		if err != nil {
			return err
		}
		claims, incidents = l.Claims, l.Incidents
		finish = func(what string) error {
			if !af.quiet {
				fmt.Fprintf(c.Stderr, "sitrep: from the store: %s\n", what)
			}
			return nil
		}
	} else {
		a, err := c.analyzeCorpus(ctx, &af, paths)
		if err != nil {
			return err
		}
		claims, incidents, opt = a.claims, a.incidents, a.opt
		if len(entities) > 0 {
			s := a.resolve(entities)
			sel = &s
		}
		finish = func(what string) error { return a.finish(c.Main, af.quiet, what) }
	}
	merged := connect.MergeIncidents(incidents, opt)
	if sel != nil {
		claims = connect.ClaimsAbout(*sel, claims, opt)
		merged = connect.IncidentMatch{Entity: sel}.Filter(merged, opt)
	}
	cs := connect.Contradictions(connect.ClaimMatrix(claims, opt), merged)
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
	return finish(fmt.Sprintf("%d claims, %d incidents, %d contradictions", len(claims), len(merged), len(cs)))
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
