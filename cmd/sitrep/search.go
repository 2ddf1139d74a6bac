package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
)

// SearchCommand runs "sitrep search".
type SearchCommand struct {
	*Main
}

const searchUsage = `Usage: sitrep search [flags] [QUERY...]

Finds stored documents by their title and text, the most relevant first
(BM25, the title weighing more), with a snippet around the words found.
Every word must be there, in any form ("attacks" finds "attacked");
"double quotes" find a phrase; OR, NOT and parentheses combine; word*
finds a prefix; title:word searches titles only. Punctuation inside words
is kept as written ("U.S.", "Tehrik-i-Taliban").

With no QUERY, lists the documents that pass the filters, the latest
published first.

Examples:
  sitrep search suicide bombing --since 2024-01
  sitrep search '"Islamic State" OR ISKP' --entity Kabul --format csv
  sitrep search --type suicide_bombing --outlet Dawn`

// Run implements the command.
func (c *SearchCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("search", searchUsage)
	db := fs.String("db", "", dbHelp)
	format := fs.String("format", "table", "output `format`: table, json or csv")
	entity := fs.String("entity", "", "documents that mention the entity (a `name`, alias or ID)")
	typ := fs.String("type", "", "documents that report an incident of the `type` ("+strings.Join(sitrep.IncidentTypes, ", ")+")")
	outlet := fs.String("outlet", "", "documents of the `outlet`")
	since := &dateFlag{}
	until := &dateFlag{end: true}
	fs.Var(since, "since", "documents published on or after the `date` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.Var(until, "until", "documents published on or before the `date`")
	hasQuote := fs.Bool("has-quote", false, "documents with at least one quote")
	hasIncident := fs.Bool("has-incident", false, "documents with at least one incident")
	limit := fs.Int("limit", 20, "most documents shown (0: all)")
	offset := fs.Int("offset", 0, "documents skipped first (the next page: --offset 20)")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if err := formatFlag(*format, "table", "json", "csv"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	q := sitrep.SearchQuery{Query: strings.Join(words, " "), Type: *typ, Outlet: *outlet, Since: since.d, Until: until.d,
		HasQuote: *hasQuote, HasIncident: *hasIncident, Page: sitrep.Page{Limit: *limit, Offset: *offset}}
	if *entity != "" {
		if q.Entity, err = resolveEntity(ctx, s, "--entity", *entity, c.Stderr); err != nil {
			return err
		}
	}
	res, err := s.Search(ctx, q)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(c.Stdout)
	switch *format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err = enc.Encode(res)
	case "csv":
		err = writeSearchCSV(out, res)
	default:
		writeSearchTable(out, res, q)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

// marked returns a snippet with its highlights in «».
func marked(h sitrep.SearchHit) string {
	var b strings.Builder
	at := 0
	for _, sp := range h.Highlights {
		if sp.Start < at || sp.End > len(h.Snippet) {
			continue
		}
		b.WriteString(h.Snippet[at:sp.Start])
		b.WriteString("«" + h.Snippet[sp.Start:sp.End] + "»")
		at = sp.End
	}
	b.WriteString(h.Snippet[at:])
	return b.String()
}

func writeSearchTable(w io.Writer, res *sitrep.SearchResult, q sitrep.SearchQuery) {
	if len(res.Hits) == 0 {
		if res.Total > 0 {
			fmt.Fprintf(w, "no documents on this page (%s found; --offset %d is past the last ranked one)\n", thousands(res.Total), q.Offset)
		} else {
			fmt.Fprintln(w, "no documents found")
		}
		return
	}
	for i, h := range res.Hits {
		d := h.Document
		fmt.Fprintf(w, "%d. %s", q.Offset+i+1, orNone(d.Title))
		meta := []string{}
		for _, m := range []string{d.Published.String(), d.Outlet} {
			if m != "" {
				meta = append(meta, m)
			}
		}
		if len(meta) > 0 {
			fmt.Fprintf(w, "  (%s)", strings.Join(meta, ", "))
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "   %s\n", oneLine(marked(h), 240))
		ref := d.Source
		if d.URL != "" {
			ref = d.URL
		}
		fmt.Fprintf(w, "   %s  %s\n\n", d.ID, ref)
	}
	total := thousands(res.Total)
	if res.TotalAtLeast {
		total += " or more"
	}
	fmt.Fprintf(w, "%d–%d of %s documents", q.Offset+1, q.Offset+len(res.Hits), total)
	reach := res.Total
	if q.Query != "" && res.Ranked < res.Total {
		reach = res.Ranked
		fmt.Fprintf(w, ", the latest %s ranked by relevance (narrow the search or the dates for older ones)", thousands(res.Ranked))
	}
	if q.Offset+len(res.Hits) < reach {
		fmt.Fprintf(w, " (next: --offset %d)", q.Offset+len(res.Hits))
	}
	fmt.Fprintln(w)
}

func writeSearchCSV(w io.Writer, res *sitrep.SearchResult) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "published", "outlet", "title", "source", "url", "score", "snippet"})
	for _, h := range res.Hits {
		d := h.Document
		_ = cw.Write([]string{d.ID, d.Published.String(), d.Outlet, d.Title, d.Source, d.URL,
			strconv.FormatFloat(h.Score, 'f', 3, 64), h.Snippet})
	}
	cw.Flush()
	return cw.Error()
}

// tableWriter is the tabwriter of the list commands.
func tableWriter(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
}
