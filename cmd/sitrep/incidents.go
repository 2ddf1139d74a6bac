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

	"github.com/sitrep-project/sitrep/connect"
)

// IncidentsCommand runs "sitrep incidents".
type IncidentsCommand struct {
	*Main
}

const incidentsUsage = `Usage: sitrep incidents [flags] PATH...

Analyses the inputs as "sitrep analyze" does, then merges the reports of
one incident across documents (compatible type, same or nested place, dates
within a few days, compatible figures, the same story syndicated) and lists
the incidents: date, type, place, the best estimate of the killed and
injured with the spread of the reported figures, the perpetrators with
their basis, the number of reports and the flags conflicting_figures and
competing_claims. The rules are in docs/incidents.md ("Across documents").

--format table (default) prints a table, json one JSON object
{"incidents": [...]} with every report and figure, csv one row per
incident. Without PATH, the incidents of the store: that comes with the
store.`

// incidentsOutput is the JSON form of "sitrep incidents".
type incidentsOutput struct {
	Incidents []connect.MergedIncident `json:"incidents"`
}

// Run implements the command.
func (c *IncidentsCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("incidents", incidentsUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if len(paths) == 0 {
		return errNoStore("incidents")
	}
	a, err := c.analyzeCorpus(ctx, &af, paths)
	if err != nil {
		return err
	}
	ms := connect.MergeIncidents(a.incidents, a.opt)
	out := bufio.NewWriter(c.Stdout)
	switch *format {
	case "json":
		if ms == nil {
			ms = []connect.MergedIncident{}
		}
		err = writeJSON(out, incidentsOutput{Incidents: ms})
	case "csv":
		err = writeIncidentsCSV(out, ms)
	default:
		writeIncidentsTable(out, ms)
	}
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return a.finish(c.Main, af.quiet, fmt.Sprintf("%d incident reports, %d incidents", len(a.incidents), len(ms)))
}

// writeJSON writes v as one JSON object, HTML characters unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeIncidentsTable prints one line per incident.
func writeIncidentsTable(w io.Writer, ms []connect.MergedIncident) {
	if len(ms) == 0 {
		fmt.Fprintln(w, "No incidents found.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tPLACE\tKILLED\tINJURED\tPERPETRATORS\tREPORTS\tFLAGS\tID")
	for i := range ms {
		m := &ms[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n",
			whenText(connect.When{Date: m.Date, Basis: m.DateBasis}), m.Type, incidentPlace(m),
			estimateText(m.Killed), estimateText(m.Injured), perpetratorsText(m.Perpetrators),
			len(m.Reports), orDash(strings.Join(m.Flags, ",")), m.ID)
	}
	tw.Flush()
}

// incidentPlace is "Parachinar (Kurram, Khyber Pakhtunkhwa, Pakistan)".
func incidentPlace(m *connect.MergedIncident) string {
	p := m.Place
	if p == nil {
		return "-"
	}
	var within []string
	for _, a := range []string{p.Admin2, p.Admin1, p.Country} {
		if a != "" && !strings.EqualFold(a, p.Name) && (len(within) == 0 || within[len(within)-1] != a) {
			within = append(within, a)
		}
	}
	if len(within) == 0 {
		return p.Name
	}
	return p.Name + " (" + strings.Join(within, ", ") + ")"
}

// estimateText is "67 [25-100]", or "67" when every report agrees.
func estimateText(e *connect.Estimate) string {
	if e == nil {
		return "-"
	}
	if e.Low == e.High {
		return strconv.Itoa(e.Best)
	}
	return fmt.Sprintf("%d [%d-%d]", e.Best, e.Low, e.High)
}

// perpetratorsText is "Lashkar-e-Jhangvi (claimed), Islamic State (attributed)".
func perpetratorsText(ps []connect.MergedPerpetrator) string {
	if len(ps) == 0 {
		return "-"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name + " (" + p.Basis + ")"
	}
	return strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// writeIncidentsCSV prints one row per incident.
func writeIncidentsCSV(w io.Writer, ms []connect.MergedIncident) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "date", "date_precision", "date_basis", "type", "place", "admin2", "admin1", "country",
		"latitude", "longitude", "geo_precision", "killed", "killed_low", "killed_high", "injured", "injured_low", "injured_high",
		"perpetrators", "reports", "documents", "flags"})
	num := func(e *connect.Estimate) []string {
		if e == nil {
			return []string{"", "", ""}
		}
		return []string{strconv.Itoa(e.Best), strconv.Itoa(e.Low), strconv.Itoa(e.High)}
	}
	for i := range ms {
		m := &ms[i]
		place := make([]string, 7)
		if p := m.Place; p != nil {
			place = []string{p.Name, p.Admin2, p.Admin1, p.Country, strconv.FormatFloat(p.Lat, 'f', -1, 64),
				strconv.FormatFloat(p.Lon, 'f', -1, 64), strconv.Itoa(p.GeoPrecision)}
		}
		var perps, docs []string
		for _, p := range m.Perpetrators {
			perps = append(perps, p.Name+" ("+p.Basis+")")
		}
		for _, r := range m.Reports {
			docs = append(docs, r.Doc.ID)
		}
		row := []string{m.ID, m.Date, m.DatePrecision, m.DateBasis, m.Type}
		row = append(row, place...)
		row = append(row, num(m.Killed)...)
		row = append(row, num(m.Injured)...)
		row = append(row, strings.Join(perps, "; "), strconv.Itoa(len(m.Reports)), strings.Join(docs, " "), strings.Join(m.Flags, " "))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
