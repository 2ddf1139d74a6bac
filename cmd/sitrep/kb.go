package main

import (
	"bufio"
	"context"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/geo"
	"github.com/sitrep-project/sitrep/kb"
)

// KBCommand runs "sitrep kb".
type KBCommand struct {
	*Main
}

const kbUsage = `Usage: sitrep kb list [--type TYPE] [--kb FILE]...
       sitrep kb show [--kb FILE]... ID|NAME...
       sitrep kb check [FILE]...

Lists, shows and checks the knowledge base of actors: the curated entries
built into sitrep (kb/data/*.kb) and your own files in the same format
(see kb/README.md). "check" validates the curated entries and the files given:
syntax, types, relation targets, sources, aliases shared by two entries.`

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// Run implements the command.
func (c *KBCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(c.Stderr, kbUsage)
		return fmt.Errorf("%w: kb needs list, show or check", ErrUsage)
	}
	sub := args[0]
	fs := c.newFlagSet("kb "+sub, kbUsage)
	var files stringList
	fs.Var(&files, "kb", "a knowledge-base `file` of your own (repeatable)")
	typ := fs.String("type", "", "list only entries of this `type` (person, organization, location, norp)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if sub == "check" {
		files = append(files, fs.Args()...)
	}
	k, err := kb.Default()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := k.Load(f); err != nil {
			return err
		}
	}
	out := bufio.NewWriter(c.Stdout)
	defer out.Flush()
	switch sub {
	case "list":
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tTYPE\tSUBTYPE\tNAME\tALIASES")
		entries := append([]*kb.Entry(nil), k.Entries...)
		sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
		for _, e := range entries {
			if *typ != "" && e.Type != *typ {
				continue
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", e.ID, e.Type, e.Subtype, e.Name, len(e.Aliases)+len(e.Acronyms))
		}
		return tw.Flush()
	case "show":
		if fs.NArg() == 0 {
			return fmt.Errorf("%w: kb show needs an ID or a name", ErrUsage)
		}
		for _, q := range fs.Args() {
			e := findEntry(k, q)
			if e == nil {
				return fmt.Errorf("no entry %q (try: sitrep kb list)", q)
			}
			showEntry(out, k, e)
		}
		return nil
	case "check":
		problems := k.Check()
		// Place keys must name a gazetteer entry.
		if g, err := geo.Default(); err == nil {
			for _, e := range k.Entries {
				if e.Place != nil && e.Place.ID != "" {
					if _, ok := g.ByID(e.Place.ID); !ok {
						problems = append(problems, kb.Problem{Entry: e, Msg: fmt.Sprintf("place %q is not in the gazetteer", e.Place.ID)})
					}
				}
			}
		}
		errs := 0
		for _, p := range problems {
			fmt.Fprintln(out, p.String())
			if !p.Warning {
				errs++
			}
		}
		fmt.Fprintf(out, "%d entries, %d errors, %d warnings\n", len(k.Entries), errs, len(problems)-errs)
		if errs > 0 {
			out.Flush()
			return errFailed
		}
		return nil
	}
	return fmt.Errorf("%w: unknown kb command %q", ErrUsage, sub)
}

func findEntry(k *kb.KB, q string) *kb.Entry {
	if e := k.Get(q); e != nil {
		return e
	}
	lq := strings.ToLower(q)
	for _, e := range k.Entries {
		if strings.ToLower(e.Name) == lq {
			return e
		}
		for _, a := range append(append([]string{}, e.Aliases...), e.Acronyms...) {
			if strings.ToLower(a) == lq {
				return e
			}
		}
	}
	return nil
}

func showEntry(w *bufio.Writer, k *kb.KB, e *kb.Entry) {
	fmt.Fprintf(w, "[%s]  %s (%s", e.ID, e.Name, e.Type)
	if e.Subtype != "" {
		fmt.Fprintf(w, ", %s", e.Subtype)
	}
	fmt.Fprintf(w, ")  %s:%d\n", e.File, e.Line)
	if len(e.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases:   %s\n", strings.Join(e.Aliases, "; "))
	}
	if len(e.Acronyms) > 0 {
		fmt.Fprintf(w, "  acronyms:  %s\n", strings.Join(e.Acronyms, "; "))
	}
	if len(e.Country) > 0 {
		fmt.Fprintf(w, "  country:   %s\n", strings.Join(e.Country, "; "))
	}
	if p := e.Place; p != nil {
		if p.ID != "" {
			fmt.Fprintf(w, "  place:     %s\n", p.ID)
		} else {
			fmt.Fprintf(w, "  place:     %g, %g %s\n", p.Lat, p.Lon, p.Precision)
		}
	}
	for _, t := range e.Titles {
		fmt.Fprintf(w, "  title:     %s %s\n", t.Phrase, yearsText(t.From, t.To))
	}
	for _, r := range e.Relations {
		name := r.Target
		if t := k.Get(r.Target); t != nil {
			name = t.Name + " [" + r.Target + "]"
		}
		fmt.Fprintf(w, "  %-10s %s %s\n", r.Type+":", name, yearsText(r.From, r.To))
	}
	// Entries that point to this one.
	for _, o := range k.Entries {
		for _, r := range o.Relations {
			if r.Target == e.ID {
				fmt.Fprintf(w, "  %-10s %s [%s] %s\n", "←"+r.Type+":", o.Name, o.ID, yearsText(r.From, r.To))
			}
		}
	}
	for _, s := range e.Sources {
		fmt.Fprintf(w, "  source:    %s\n", s)
	}
	fmt.Fprintln(w)
}

func yearsText(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return ""
	case to == 0:
		return fmt.Sprintf("(%d-)", from)
	case from == to:
		return fmt.Sprintf("(%d)", from)
	}
	return fmt.Sprintf("(%d-%d)", from, to)
}
