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

	"github.com/sitrep-project/sitrep"
)

// QuotesCommand runs "sitrep quotes".
type QuotesCommand struct {
	*Main
}

const quotesUsage = `Usage: sitrep quotes [flags]

Lists the quotes in the store, the latest first (by when the words were
said, else by publication), with who said them and where they were
published. --speaker takes a name, an alias or an entity ID; --query words
of the quote (as "sitrep search" takes them).

Examples:
  sitrep quotes --speaker "Zabihullah Mujahid" --since 2024-06
  sitrep quotes --query '"no presence"' --format csv`

// Run implements the command.
func (c *QuotesCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("quotes", quotesUsage)
	db := fs.String("db", "", dbHelp)
	format := fs.String("format", "table", "output `format`: table, json or csv")
	speaker := fs.String("speaker", "", "quotes by the entity (a `name`, alias or ID)")
	query := fs.String("query", "", "quotes with these `words`")
	doc := fs.String("document", "", "quotes of the document with the `id`")
	since := &dateFlag{}
	until := &dateFlag{end: true}
	fs.Var(since, "since", "quotes said on or after the `date` (YYYY-MM-DD, YYYY-MM or YYYY)")
	fs.Var(until, "until", "quotes said on or before the `date`")
	limit := fs.Int("limit", 50, "most quotes shown (0: all)")
	offset := fs.Int("offset", 0, "quotes skipped first")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: unexpected argument %q (words of the quote go in --query)", ErrUsage, rest[0])
	}
	if err := formatFlag(*format, "table", "json", "csv"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	f := sitrep.QuoteFilter{Query: *query, Document: *doc, DateRange: sitrep.DateRange{Since: since.d, Until: until.d},
		Page: sitrep.Page{Limit: *limit, Offset: *offset}}
	if *speaker != "" {
		if f.Speaker, err = resolveEntity(ctx, s, "--speaker", *speaker, c.Stderr); err != nil {
			return err
		}
	}
	rows, err := s.Quotes(ctx, f)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(c.Stdout)
	switch *format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err = enc.Encode(struct {
			Quotes []sitrep.QuoteRow `json:"quotes"`
		}{rows})
	case "csv":
		err = writeQuotesCSV(out, rows)
	default:
		writeQuotesTable(out, rows, f)
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

// speakerName is how a quote's speaker is shown: the entity's name, else
// the text's words, with the role.
func speakerName(sp sitrep.Speaker) string {
	who := sp.Name
	if who == "" {
		who = sp.Text
	}
	if sp.Role != "" && !strings.Contains(strings.ToLower(who), sp.Role) {
		who += " (" + sp.Role + ")"
	}
	return who
}

func writeQuotesTable(w io.Writer, rows []sitrep.QuoteRow, f sitrep.QuoteFilter) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no quotes found")
		return
	}
	tw := tableWriter(w)
	fmt.Fprintln(tw, "DATE\tSPEAKER\tQUOTE\tOUTLET\tDOCUMENT")
	for _, r := range rows {
		q := r.Quote
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", orNone(q.Date), clip(speakerName(q.Speaker), 45), oneLine(q.Text, 100), clip(r.Document.Outlet, 20), r.Document.ID)
	}
	tw.Flush()
	fmt.Fprintf(w, "%s quotes", thousands(len(rows)))
	if f.Limit > 0 && len(rows) == f.Limit {
		fmt.Fprintf(w, " (more: --offset %d)", f.Offset+len(rows))
	}
	fmt.Fprintln(w)
}

func writeQuotesCSV(w io.Writer, rows []sitrep.QuoteRow) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"document", "published", "outlet", "source", "index", "date", "speaker", "speaker_entity",
		"speaker_kind", "speaker_role", "direct", "cue", "text", "start", "end"})
	for _, r := range rows {
		q := r.Quote
		_ = cw.Write([]string{r.Document.ID, r.Document.Published.String(), r.Document.Outlet, r.Document.Source,
			strconv.Itoa(r.Index), q.Date, speakerName(q.Speaker), q.Speaker.Entity, q.Speaker.Kind, q.Speaker.Role,
			strconv.FormatBool(q.Direct), q.Cue, q.Text, strconv.Itoa(q.Start), strconv.Itoa(q.End)})
	}
	cw.Flush()
	return cw.Error()
}
