package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/connect"
)

// TimelineCommand runs "sitrep timeline".
type TimelineCommand struct {
	*Main
}

const timelineUsage = `Usage: sitrep timeline [flags] PATH... --entity NAME [--entity NAME...]

Analyses the inputs as "sitrep analyze" does and puts the incidents,
quotes and claims about the entities named (a name, alias or id: "ISKP",
"Kurram", "kb:ttp"; a place also selects the incidents inside it) on one
chronology, in the order things happened or were said, not the order they
were published. An entry known only to the month sits at the start of the
month; one known only by its publication date is marked "by"; undated
entries come last. See docs/connect.md.

--format table (default) prints one line each (a quote's claims under
it), json one JSON object {"selector": ..., "timeline": [...]}. Without
PATH, the timeline of the store: that comes with the store.`

// timelineOutput is the JSON form of "sitrep timeline".
type timelineOutput struct {
	Selector connect.Selector        `json:"selector"`
	Timeline []connect.TimelineEntry `json:"timeline"`
}

// Run implements the command.
func (c *TimelineCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("timeline", timelineUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	format := fs.String("format", "table", "output `format`: table or json")
	var names stringList
	fs.Var(&names, "entity", "the entity, place or group the timeline is about: a `name`, alias or id (repeatable)")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json"); err != nil {
		return err
	}
	if len(names) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: --entity NAME is required", ErrUsage)
	}
	if len(paths) == 0 {
		return errNoStore("timeline")
	}
	a, err := c.analyzeCorpus(ctx, &af, paths)
	if err != nil {
		return err
	}
	sel := a.resolve(names)
	entries := connect.Timeline(sel, connect.MergeIncidents(a.incidents, a.opt), a.quotes, a.claims, a.opt)
	out := bufio.NewWriter(c.Stdout)
	if *format == "json" {
		if entries == nil {
			entries = []connect.TimelineEntry{}
		}
		err = writeJSON(out, timelineOutput{Selector: sel, Timeline: entries})
	} else {
		writeTimelineTable(out, entries, names)
	}
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return a.finish(c.Main, af.quiet, fmt.Sprintf("%d timeline entries", len(entries)))
}

func writeTimelineTable(w io.Writer, es []connect.TimelineEntry, names []string) {
	if len(es) == 0 {
		fmt.Fprintf(w, "Nothing found about %s.\n", strings.Join(names, ", "))
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tKIND\tWHAT\tSOURCE")
	for i := range es {
		e := &es[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", whenText(e.When), e.Kind, clip(e.Summary, 120), entrySource(e))
		for _, cr := range e.Claims {
			verb := "affirmed"
			if cr.Claim.Polarity == "deny" {
				verb = "denied"
			}
			if cr.Claim.Hedged {
				verb += " (hedged)"
			}
			obj := cr.Claim.Object.Name
			if cr.Claim.Value != "" {
				obj = cr.Claim.Value
			}
			fmt.Fprintf(tw, "\t\t  claim: %s(%s, %s) %s\t\n", cr.Claim.Predicate, cr.Claim.Subject.Name, obj, verb)
		}
	}
	tw.Flush()
}

// entrySource names where an entry comes from: the outlet or source of
// its document, or the number of reports of an incident.
func entrySource(e *connect.TimelineEntry) string {
	var d connect.Doc
	switch {
	case e.Incident != nil:
		if len(e.Incident.Reports) != 1 {
			return fmt.Sprintf("%d reports", len(e.Incident.Reports))
		}
		d = e.Incident.Reports[0].Doc
	case e.Quote != nil:
		d = e.Quote.Doc
	case e.Claim != nil:
		d = e.Claim.Doc
	}
	if d.Outlet != "" {
		return d.Outlet
	}
	return d.Source
}
