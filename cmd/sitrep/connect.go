package main

// What the commands over analysed documents (incidents, claims,
// contradictions, timeline) share: reading and analysing the inputs as
// "sitrep analyze" does, keeping only the records they need, and the
// options of package connect.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/extract/entity"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/sqlite"
)

// storeFlags are the flags of the connect commands' form over the store
// (no PATH): where it is, and the dates.
type storeFlags struct {
	db           string
	since, until dateFlag
}

// register adds the flags to fs; what names the records the dates select.
func (f *storeFlags) register(fs *flag.FlagSet, what string) {
	fs.StringVar(&f.db, "db", "", "without PATH, read "+dbHelp)
	f.until.end = true
	fs.Var(&f.since, "since", what+" on or after the `date` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.Var(&f.until, "until", what+" on or before the `date`")
}

func (f *storeFlags) dates() sitrep.DateRange {
	return sitrep.DateRange{Since: f.since.d, Until: f.until.d}
}

// fromStore is a store opened by a connect command, with the options of
// package connect for its records.
type fromStore struct {
	db  *sqlite.DB
	opt connect.Options
}

// openConnectStore opens the store of --db for reading, with the
// relations of the built-in knowledge base and the --kb files.
func openConnectStore(ctx context.Context, sf *storeFlags, kbFiles []string) (*fromStore, error) {
	k, err := kb.Default()
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	for _, f := range kbFiles {
		if err := k.Load(f); err != nil {
			return nil, fmt.Errorf("knowledge base: %w", err)
		}
	}
	db, err := openStore(ctx, sf.db, false)
	if err != nil {
		return nil, err
	}
	return &fromStore{db: db, opt: connect.Options{Relations: connect.RelationsOfKB(k)}}, nil
}

// resolve turns names given with flagName into a selector over the
// store's entities (a name the knowledge base knows also finds the
// entity the store holds under other names). A name no entity has is
// kept as a name, matched against the actors' words, and noted on w.
func (s *fromStore) resolve(ctx context.Context, flagName string, names []string, w io.Writer) (connect.Selector, error) {
	var sel connect.Selector
	for _, n := range names {
		one := []string{n}
		if id := kbEntity(n); id != "" {
			one = append(one, id)
		}
		got, err := connect.ResolveNames(ctx, s.db, one)
		if err != nil {
			return sel, err
		}
		if len(got.Entities) == 0 && w != nil {
			fmt.Fprintf(w, "sitrep: %s %q: no entity of that name in the store; matching the words of actors' names only\n", flagName, n)
		}
		sel.Entities = append(sel.Entities, got.Entities...)
		sel.Places = append(sel.Places, got.Places...)
		sel.Names = append(sel.Names, n)
	}
	return sel, nil
}

// noDatesWithPaths reports --since or --until given with PATH: over
// files the dates are those of the analysis, not filters.
func noDatesWithPaths(sf *storeFlags, paths []string) error {
	if len(paths) > 0 && (!sf.since.d.IsZero() || !sf.until.d.IsZero()) {
		return fmt.Errorf("%w: --since and --until select records of the store (without PATH)", ErrUsage)
	}
	return nil
}

// parseInterspersed parses flags placed before, between or after the
// paths ("sitrep timeline corpus/ --entity ISKP") and returns the paths.
// "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		// flag stops at the first non-flag, or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// analysed is what the connect commands keep of the documents: the
// records, and each document's metadata and entities (not its text).
type analysed struct {
	docs      []*sitrep.Document
	incidents []connect.IncidentReport
	claims    []connect.ClaimRecord
	quotes    []connect.QuoteRecord
	opt       connect.Options
	stats     runStats
	kb        *kb.KB // the knowledge base, for names given on the command line
}

// analyzeCorpus analyses paths as "sitrep analyze" does and collects the
// records, failures reported on stderr as they come.
func (m *Main) analyzeCorpus(ctx context.Context, af *analysisFlags, paths []string) (*analysed, error) {
	a, r, err := af.analyzer(m.Stdin)
	if err != nil {
		return nil, err
	}
	c := &analysed{}
	st, err := runAnalysis(ctx, r, a, paths, af.workers, func(d *sitrep.Document) error {
		one := []*sitrep.Document{d}
		c.incidents = append(c.incidents, connect.IncidentReports(one)...)
		c.claims = append(c.claims, connect.ClaimRecords(one)...)
		c.quotes = append(c.quotes, connect.QuoteRecords(one)...)
		c.docs = append(c.docs, &sitrep.Document{ID: d.ID, Source: d.Source, Outlet: d.Outlet, Published: d.Published,
			Title: d.Title, Entities: d.Entities})
		return nil
	}, func(err error) {
		fmt.Fprintf(m.Stderr, "sitrep: %v\n", err)
	})
	c.stats = st
	if err != nil {
		return nil, err
	}
	// Entities outside the knowledge base named differently in different
	// documents are one actor once linked (see "sitrep entities").
	c.opt.Canonical = map[string]string{}
	for _, mg := range entity.Link(c.docs, a.Decisions()).Merges {
		c.opt.Canonical[mg.From] = mg.Into
	}
	c.opt.Relations = connect.RelationsOf(c.docs)
	if c.kb, err = kb.Default(); err == nil {
		for _, f := range af.kb {
			if err := c.kb.Load(f); err != nil {
				return nil, fmt.Errorf("knowledge base: %w", err)
			}
		}
	}
	return c, nil
}

// finish prints the run's summary line unless quiet, and turns failed
// inputs into the exit status.
func (c *analysed) finish(m *Main, quiet bool, what string) error {
	if !quiet {
		fmt.Fprintf(m.Stderr, "%s; %s\n", c.stats.String(), what)
	}
	if c.stats.Failed > 0 {
		return errFailed
	}
	return nil
}

// resolve turns names given on the command line into a selector: the ids
// of the knowledge-base entries and document entities whose id, name,
// alias or acronym is one of them, ignoring case (a place's name also
// selects what lies inside it), and the names themselves for actors
// outside the entity list.
func (c *analysed) resolve(names []string) connect.Selector {
	var sel connect.Selector
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		sel.Names = append(sel.Names, n)
		if c.kb != nil {
			for _, e := range c.kb.Entries {
				id := "kb:" + e.ID
				if seen[id] || !kbNamed(e, n) {
					continue
				}
				seen[id] = true
				sel.Entities = append(sel.Entities, id)
				if e.Type == kb.Location {
					sel.Places = append(sel.Places, e.Name)
				}
			}
		}
		for _, d := range c.docs {
			for _, e := range d.Entities {
				if seen[e.ID] || !entityNamed(e, n) {
					continue
				}
				seen[e.ID] = true
				sel.Entities = append(sel.Entities, e.ID)
				if e.Type == "location" {
					sel.Places = append(sel.Places, e.Name)
					if e.Place != nil {
						sel.Places = append(sel.Places, e.Place.Name)
					}
				}
			}
		}
	}
	return sel
}

// kbNamed reports whether the knowledge-base entry e is called n: its
// id (with or without "kb:"), name, an alias or an acronym, ignoring case.
func kbNamed(e *kb.Entry, n string) bool {
	if strings.EqualFold(e.ID, strings.TrimPrefix(n, "kb:")) || strings.EqualFold(e.Name, n) {
		return true
	}
	for _, lists := range [][]string{e.Aliases, e.Acronyms} {
		for _, a := range lists {
			if strings.EqualFold(a, n) {
				return true
			}
		}
	}
	return false
}

// entityNamed reports whether e is called n: its id, name, an alias or a
// mention's words, ignoring case.
func entityNamed(e sitrep.Entity, n string) bool {
	if strings.EqualFold(e.ID, n) || strings.EqualFold(e.Name, n) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, n) {
			return true
		}
	}
	for _, m := range e.Mentions {
		if strings.EqualFold(m.Text, n) {
			return true
		}
	}
	return false
}

// checkFormat reports a --format value outside the allowed ones.
func checkFormat(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return fmt.Errorf("%w: --format must be %s, not %q", ErrUsage, strings.Join(allowed, ", "), format)
}

// whenText is a date for people: "2017-06-23", "by 2017-06-26" (known
// only as a publication date), "undated".
func whenText(w connect.When) string {
	switch {
	case w.Date == "":
		return "undated"
	case w.Basis == connect.BasisPublished:
		return "by " + w.Date
	}
	return w.Date
}
