package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// TimelineCommand runs "sitrep timeline".
type TimelineCommand struct {
	*Main
}

const timelineUsage = `Usage: sitrep timeline [flags] --entity NAME [--entity NAME...] [PATH...]
       sitrep timeline [flags] --query WORDS

Puts the incidents, quotes and claims of the store (--db), or with PATH of
the inputs analysed as "sitrep analyze" does, about the entities named (a name, alias or id: "ISKP",
"Kurram", "kb:ttp"; a place also selects the incidents inside it) on one
chronology, in the order things happened or were said, not the order they
were published. An entry known only to the month sits at the start of the
month; one known only by its publication date is marked "by"; undated
entries come last. See docs/connect.md.

Over the store, --query takes words as "sitrep search" does: the timeline
of the documents found (the --docs most relevant), or with --entity what
those documents say about the entity. --since and --until keep what
happened or was said in the range. An entity named in thousands of stored
documents has a long chronology: the latest --recent (1,000) incidents,
quotes and claims of each kind are read, and a note says when the earlier
end was cut; --recent 0 reads them all (0.7 s for 15,000 entries in a
100,000-document store).

--format table (default) prints one line each (a quote's claims under
it), json one JSON object {"selector": ..., "timeline": [...]}.

Examples:
  sitrep timeline --entity ISKP --since 2024
  sitrep timeline --query '"Kurram" ceasefire'
  sitrep timeline --entity Kurram corpus/`

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
	var sf storeFlags
	sf.register(fs, "what happened or was said")
	query := fs.String("query", "", "over the store, the timeline of the documents with these `words`")
	docs := fs.Int("docs", 50, "with --query, the most documents read (the most relevant)")
	recent := fs.Int("recent", 1000, "over the store, read only the latest `N` incidents, quotes and claims of each kind per entity (0: all, the complete chronology)")
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
	if len(paths) > 0 && *query != "" {
		return fmt.Errorf("%w: --query searches the store (without PATH)", ErrUsage)
	}
	if len(names) == 0 && *query == "" {
		fs.Usage()
		return fmt.Errorf("%w: --entity NAME or --query WORDS is required", ErrUsage)
	}
	if *docs < 1 {
		return fmt.Errorf("%w: --docs must be 1 or more", ErrUsage)
	}
	if *recent < 0 {
		return fmt.Errorf("%w: --recent must be 0 (all) or more", ErrUsage)
	}
	var (
		sel     connect.Selector
		entries []connect.TimelineEntry
		finish  func(string) error
	)
	if len(paths) == 0 {
		st, err := openConnectStore(ctx, &sf, af.kb)
		if err != nil {
			return err
		}
		defer st.db.Close()
		sel.All = true
		if len(names) > 0 {
			if sel, err = st.resolve(ctx, "--entity", names, c.Stderr); err != nil {
				return err
			}
		}
		var l *connect.Loaded
		if *query != "" {
			l, err = loadQuery(ctx, st.db, *query, sf.dates(), *docs)
		} else {
			l, err = connect.Load(ctx, st.db, connect.Scope{Entities: sel.Entities, Places: sel.Places, DateRange: sf.dates(), Evidence: true,
				Limit: *recent}, connect.LoadAll)
		}
		if err != nil {
			return err
		}
		if l.Truncated && *query == "" && !af.quiet {
			fmt.Fprintf(c.Stderr, "sitrep: the latest %d records of each kind were read: the timeline's earlier end is cut (--recent 0 for all, or --since/--until)\n", *recent)
		}
		entries = connect.Timeline(sel, connect.MergeIncidents(l.Incidents, st.opt), l.Quotes, l.Claims, st.opt)
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
		sel = a.resolve(names)
		entries = connect.Timeline(sel, connect.MergeIncidents(a.incidents, a.opt), a.quotes, a.claims, a.opt)
		finish = func(what string) error { return a.finish(c.Main, af.quiet, what) }
	}
	if len(names) == 0 {
		names = []string{fmt.Sprintf("%q", *query)}
	}
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
	return finish(fmt.Sprintf("%d timeline entries", len(entries)))
}

// loadQuery reads the incidents, quotes and claims of the (at most docs)
// documents of the store that a search for query finds, the most
// relevant first, keeping those dated in r.
func loadQuery(ctx context.Context, s sitrep.Store, query string, r sitrep.DateRange, docs int) (*connect.Loaded, error) {
	res, err := s.Search(ctx, sitrep.SearchQuery{Query: query, Page: sitrep.Page{Limit: docs}})
	if err != nil {
		return nil, err
	}
	l := &connect.Loaded{Truncated: res.Total > len(res.Hits)}
	for _, h := range res.Hits {
		id := h.Document.ID
		is, err := s.Incidents(ctx, sitrep.IncidentFilter{Document: id, Evidence: true, DateRange: r})
		if err != nil {
			return nil, err
		}
		cs, err := s.Claims(ctx, sitrep.ClaimFilter{Document: id, Evidence: true, DateRange: r})
		if err != nil {
			return nil, err
		}
		qs, err := s.Quotes(ctx, sitrep.QuoteFilter{Document: id, DateRange: r})
		if err != nil {
			return nil, err
		}
		l.Incidents = append(l.Incidents, connect.IncidentReportsOf(is)...)
		l.Claims = append(l.Claims, connect.ClaimRecordsOf(cs)...)
		l.Quotes = append(l.Quotes, connect.QuoteRecordsOf(qs, "")...)
	}
	return l, nil
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
