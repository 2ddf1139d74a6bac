package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/entity"
)

// EntitiesCommand runs "sitrep entities".
type EntitiesCommand struct {
	*Main
}

const entitiesUsage = `Usage: sitrep entities [flags] PATH...

Analyses the inputs as "sitrep analyze" does, then groups their entities
across documents: names outside the knowledge base that are the same actor
in different documents (spelling and transliteration variants of a full
name, a middle initial, an acronym and its expansion, names of one place)
are merged, and every merge is listed with its reason and evidence. Per
document ids are those of "sitrep analyze"; the merges are a layer on top.

A decisions file (--decisions) corrects the result, one line each:
  not FORM ID     the form FORM is not entity ID (in documents and across them)
  same ID1 ID2    merge ID1 into ID2
  apart ID1 ID2   never merge ID1 and ID2 (undoes an automatic merge)

--format json prints one JSON object {documents, entities, merges};
--format table prints a readable listing.`

// entitiesOutput is the JSON form of "sitrep entities".
type entitiesOutput struct {
	Documents []docRef           `json:"documents"`
	Entities  []entity.Canonical `json:"entities"`
	Merges    []entity.Merge     `json:"merges"`
}

type docRef struct {
	ID     string `json:"id"`
	Source string `json:"source"`
}

// Run implements the command.
func (c *EntitiesCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("entities", entitiesUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	format := fs.String("format", "json", "output `format`: json or table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given (use - for standard input)", ErrUsage)
	}
	if *format != "json" && *format != "table" {
		return fmt.Errorf("%w: --format must be json or table, not %q", ErrUsage, *format)
	}
	a, r, err := af.analyzer(c.Stdin)
	if err != nil {
		return err
	}
	var docs []*sitrep.Document
	st, err := runAnalysis(ctx, r, a, fs.Args(), af.workers, func(doc *sitrep.Document) error {
		// Keep what linking needs, not the text.
		docs = append(docs, &sitrep.Document{ID: doc.ID, Source: doc.Source, Entities: doc.Entities})
		return nil
	}, func(err error) {
		fmt.Fprintf(c.Stderr, "sitrep: %v\n", err)
	})
	if err != nil {
		return err
	}
	corpus := entity.Link(docs, a.Decisions())
	out := bufio.NewWriter(c.Stdout)
	if *format == "table" {
		writeEntityTable(out, docs, corpus)
	} else {
		o := entitiesOutput{Documents: []docRef{}, Entities: corpus.Entities, Merges: corpus.Merges}
		seen := map[string]bool{}
		for _, doc := range docs {
			if !seen[doc.ID] {
				seen[doc.ID] = true
				o.Documents = append(o.Documents, docRef{doc.ID, doc.Source})
			}
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(o); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if !af.quiet {
		fmt.Fprintf(c.Stderr, "%s; %d entities, %d merges\n", st.String(), len(corpus.Entities), len(corpus.Merges))
	}
	if st.Failed > 0 {
		return errFailed
	}
	return nil
}

// writeEntityTable prints the canonical entities, then the merges with
// their evidence, documents named by their source.
func writeEntityTable(w io.Writer, docs []*sitrep.Document, c *entity.Corpus) {
	source := map[string]string{}
	for _, d := range docs {
		if _, ok := source[d.ID]; !ok {
			source[d.ID] = d.Source
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tDOCS\tMENTIONS\tNAME\tALIASES\tPLACE")
	for _, e := range c.Entities {
		place := ""
		if p := e.Place; p != nil {
			place = placeText(p)
		}
		typ := e.Type
		if e.Subtype != "" {
			typ += "/" + e.Subtype
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", e.ID, typ, len(e.Documents), e.Mentions, e.Name,
			clip(strings.Join(e.Aliases, "; "), 60), place)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d merges\n", len(c.Merges))
	for _, m := range c.Merges {
		via := ""
		if m.Via != "" {
			via = " (matched with " + m.Via + ")"
		}
		fmt.Fprintf(w, "%s -> %s  %s%s\n", m.From, m.Into, m.Reason, via)
		for _, ev := range m.Evidence {
			fmt.Fprintf(w, "    %s: %q\n", source[ev.Document], ev.Form)
		}
	}
}

func placeText(p *sitrep.Place) string {
	var parts []string
	for _, s := range []string{p.Name, p.Admin2, p.Admin1, p.Country} {
		if s != "" && (len(parts) == 0 || parts[len(parts)-1] != s) {
			parts = append(parts, s)
		}
	}
	return fmt.Sprintf("%s (%s)", strings.Join(parts, ", "), p.Precision)
}
