package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// EntityCommand runs "sitrep entity".
type EntityCommand struct {
	*Main
}

const entityUsage = `Usage: sitrep entity [flags] NAME

Prints the dossier of an entity from the store: its canonical name, type,
the knowledge base's relations, the names it was seen under and where,
mentions by month, the latest quotes by it, claims by and about it,
incidents it is part of, and the entities it appears with most. NAME is a
name, an alias or an entity ID (kb:ttp); a name several entities share
gives the one in the most documents, and the others are named.`

// Run implements the command.
func (c *EntityCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("entity", entityUsage)
	db := fs.String("db", "", dbHelp)
	format := fs.String("format", "table", "output `format`: table or json")
	limit := fs.Int("limit", 10, "most quotes, claims and incidents listed, each")
	co := fs.Int("co", 10, "co-occurring entities listed")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no entity NAME given", ErrUsage)
	}
	if err := formatFlag(*format, "table", "json"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	ref := strings.Join(words, " ")
	id, err := resolveEntity(ctx, s, "entity", ref, c.Stderr)
	if err != nil {
		return err
	}
	d, err := sitrep.BuildDossier(ctx, s, id, sitrep.DossierOptions{Limit: *limit, EntityOptions: sitrep.EntityOptions{CoOccurring: *co}})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(c.Stdout)
	if *format == "json" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(d); err != nil {
			return err
		}
	} else {
		writeDossier(out, d)
	}
	return out.Flush()
}

// writeDossier prints a dossier for people.
func writeDossier(w io.Writer, d *sitrep.Dossier) {
	typ := d.Type
	if d.Subtype != "" {
		typ += ", " + d.Subtype
	}
	fmt.Fprintf(w, "%s  (%s)  %s\n", d.Name, typ, d.ID)
	when := ""
	if !d.First.IsZero() {
		when = fmt.Sprintf(", %s to %s", d.First, d.Last)
	}
	fmt.Fprintf(w, "%s in %s%s\n", count(d.Mentions, "mention"), count(d.Documents, "document"), when)
	if d.Place != nil {
		fmt.Fprintf(w, "place: %s, %.4f %.4f\n", placeText(d.Place), d.Place.Lat, d.Place.Lon)
	}
	if len(d.Relations) > 0 {
		fmt.Fprintln(w, "\nRelations (knowledge base):")
		for _, r := range d.Relations {
			years := ""
			if r.Years != "" {
				years = " (" + r.Years + ")"
			}
			fmt.Fprintf(w, "  %s %s%s  %s\n", strings.ReplaceAll(r.Type, "_", " "), r.Name, years, r.Target)
		}
	}
	if len(d.Aliases) > 0 {
		fmt.Fprintln(w, "\nSeen as:")
		tw := tableWriter(w)
		for _, a := range d.Aliases {
			var seen []string
			for _, ref := range a.Seen {
				seen = append(seen, docLabel(ref))
			}
			if a.Documents > len(a.Seen) {
				seen = append(seen, fmt.Sprintf("and %s more", thousands(a.Documents-len(a.Seen))))
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", a.Name, count(a.Documents, "doc"), strings.Join(seen, "; "))
		}
		tw.Flush()
	}
	if len(d.Months) > 0 {
		fmt.Fprintln(w, "\nMentions by month:")
		top := 0
		for _, m := range d.Months {
			top = max(top, m.Mentions)
		}
		for _, m := range d.Months {
			bar := strings.Repeat("█", max(1, 40*m.Mentions/max(top, 1)))
			fmt.Fprintf(w, "  %s %15s %10s  %s\n", m.Month, count(m.Mentions, "mention"), count(m.Documents, "doc"), bar)
		}
	}
	more := func(name string) string {
		if slices.Contains(d.More, name) {
			return " (the latest)"
		}
		return ""
	}
	if len(d.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes by %s%s:\n", d.Name, more("quotes"))
		for _, q := range d.Quotes {
			fmt.Fprintf(w, "  %s  %s  (%s)\n", orNone(q.Quote.Date), oneLine(q.Quote.Text, 140), docLabel(q.Document))
		}
	}
	claims := func(title, name string, rows []sitrep.ClaimRow) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s%s:\n", title, more(name))
		for _, c := range rows {
			fmt.Fprintf(w, "  %s  %s  (%s)\n", orNone(c.Claim.Date), claimLine(c.Claim), docLabel(c.Document))
		}
	}
	claims("Claims by "+d.Name, "claims_by", d.ClaimsBy)
	claims("Claims about "+d.Name, "claims_about", d.ClaimsAbout)
	if len(d.Incidents) > 0 {
		fmt.Fprintf(w, "\nIncidents%s:\n", more("incidents"))
		for _, r := range d.Incidents {
			fmt.Fprintf(w, "  %s  %s  (%s)\n", orNone(r.Incident.Date), incidentLine(r.Incident), docLabel(r.Document))
		}
	}
	if len(d.CoOccurring) > 0 {
		if d.CoOccurringIn < d.Documents {
			fmt.Fprintf(w, "\nMentioned with (in its latest %s documents):\n", thousands(d.CoOccurringIn))
		} else {
			fmt.Fprintln(w, "\nMentioned with:")
		}
		tw := tableWriter(w)
		for _, c := range d.CoOccurring {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Name, c.Type, count(c.Documents, "doc"), c.ID)
		}
		tw.Flush()
	}
}

// docLabel names a document briefly: outlet, date and title.
func docLabel(d sitrep.DocumentRef) string {
	var parts []string
	for _, s := range []string{d.Outlet, d.Published.String()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	title := d.Title
	if title == "" {
		title = d.Source
	}
	parts = append(parts, clip(title, 50))
	return strings.Join(parts, ", ")
}

// count writes n and a noun, plural unless n is 1: "1 doc", "2,318 docs",
// "3 entities".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return thousands(n) + " " + noun[:len(noun)-1] + "ies"
	}
	return thousands(n) + " " + noun + "s"
}
