package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// IncidentsCommand runs "sitrep incidents".
type IncidentsCommand struct {
	*Main
}

const incidentsUsage = `Usage: sitrep incidents [flags] [PATH...]

Merges the reports of one incident across documents (compatible type, same
or nested place, dates within a few days, compatible figures, the same
story syndicated) and lists the incidents: date, type, place, the best
estimate of the killed and injured with the spread of the reported
figures, the perpetrators with their basis, the number of reports and the
flags conflicting_figures and competing_claims. The rules are in
docs/incidents.md ("Across documents").

Without PATH, the incident reports of the store (--db) are merged; with
PATH, the inputs are analysed as "sitrep analyze" does.

--entity, --perpetrator, --type, --place, --since and --until choose the
incidents (each given must hold). --by month, year, place, province,
country, perpetrator or type (a comma list: --by month,place) counts them
instead: one row per group with its incidents, reports, and the killed and
injured as conservative totals (the sum of each incident's best estimate)
with the spread (the sums of the lowest and of the highest figures). An
incident with several perpetrators counts under each; an unknown month,
place or perpetrator is the group "unknown". See docs/connect.md.

--format table (default) prints a table, json one JSON object
{"incidents": [...]} with every report and figure (with --by, {"by": [...],
"groups": [...]}), csv one row per incident or group.

Examples:
  sitrep incidents --perpetrator TTP --since 2024-01
  sitrep incidents --place "Khyber Pakhtunkhwa" --by month,perpetrator
  sitrep incidents --type suicide_bombing --format csv corpus/`

// incidentsOutput is the JSON form of "sitrep incidents".
type incidentsOutput struct {
	Incidents []connect.MergedIncident `json:"incidents"`
}

// incidentGroupsOutput is the JSON form of "sitrep incidents --by".
type incidentGroupsOutput struct {
	By     []string                `json:"by"`
	Groups []connect.IncidentGroup `json:"groups"`
}

// Run implements the command.
func (c *IncidentsCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("incidents", incidentsUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	var sf storeFlags
	sf.register(fs, "incidents that happened")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	var entities, perpetrators, places stringList
	fs.Var(&entities, "entity", "incidents an `entity` is party to or the place of: a name, alias or id (repeatable: any)")
	fs.Var(&perpetrators, "perpetrator", "incidents blamed on or claimed by the `group` (repeatable: any)")
	fs.Var(&places, "place", "incidents in the `place`, or in the district, province or country of that name (repeatable: any)")
	typ := fs.String("type", "", "incidents of the `type`: "+strings.Join(sitrep.IncidentTypes, ", "))
	by := fs.String("by", "", "count the incidents by `dimensions`: month, year, place, province, country, perpetrator, type (comma list)")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if *typ != "" && !slices.Contains(sitrep.IncidentTypes, *typ) {
		return fmt.Errorf("%w: --type %q: want one of %s", ErrUsage, *typ, strings.Join(sitrep.IncidentTypes, ", "))
	}
	var dims []string
	if *by != "" {
		for _, d := range strings.Split(*by, ",") {
			dims = append(dims, strings.ToLower(strings.TrimSpace(d)))
		}
		if err := connect.CheckDimensions(dims); err != nil {
			return fmt.Errorf("%w: --by: %v", ErrUsage, err)
		}
	}
	match := connect.IncidentMatch{Type: *typ, Places: places, DateRange: sf.dates()}
	var ms []connect.MergedIncident
	var finish func() error
	var reports int
	if len(paths) == 0 {
		st, err := openConnectStore(ctx, &sf, af.kb)
		if err != nil {
			return err
		}
		defer st.db.Close()
		sc := connect.Scope{DateRange: sf.dates(), Evidence: true, Places: places}
		if len(entities) > 0 {
			sel, err := st.resolve(ctx, "--entity", entities, c.Stderr)
			if err != nil {
				return err
			}
			match.Entity = &sel
			sc.Entities, sc.Places = append(sc.Entities, sel.Entities...), append(sc.Places, sel.Places...)
		}
		if len(perpetrators) > 0 {
			sel, err := st.resolve(ctx, "--perpetrator", perpetrators, c.Stderr)
			if err != nil {
				return err
			}
			match.Perpetrator = &sel
			sc.Entities = append(sc.Entities, sel.Entities...)
		}
		l, err := connect.Load(ctx, st.db, sc, connect.LoadIncidents)
		if err != nil {
			return err
		}
		reports = len(l.Incidents)
		ms = match.Filter(connect.MergeIncidents(l.Incidents, st.opt), st.opt)
	} else {
		a, err := c.analyzeCorpus(ctx, &af, paths)
		if err != nil {
			return err
		}
		if len(entities) > 0 {
			sel := a.resolve(entities)
			match.Entity = &sel
		}
		if len(perpetrators) > 0 {
			sel := a.resolve(perpetrators)
			match.Perpetrator = &sel
		}
		reports = len(a.incidents)
		ms = match.Filter(connect.MergeIncidents(a.incidents, a.opt), a.opt)
		finish = func() error {
			return a.finish(c.Main, af.quiet, fmt.Sprintf("%d incident reports, %d incidents", reports, len(ms)))
		}
	}
	out := bufio.NewWriter(c.Stdout)
	if dims != nil {
		gs, err := connect.Aggregate(ms, dims)
		if err != nil {
			return err
		}
		switch *format {
		case "json":
			err = writeJSON(out, incidentGroupsOutput{By: dims, Groups: gs})
		case "csv":
			err = writeIncidentGroupsCSV(out, gs, dims)
		default:
			writeIncidentGroupsTable(out, gs, dims)
		}
		if err != nil {
			return err
		}
	} else {
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
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if finish != nil {
		return finish()
	}
	if !af.quiet {
		fmt.Fprintf(c.Stderr, "sitrep: %d incident reports from the store, %d incidents\n", reports, len(ms))
	}
	return nil
}

// groupCells are a group's values for the dimensions.
func groupCells(g *connect.IncidentGroup, dims []string) []string {
	out := make([]string, len(dims))
	for i, d := range dims {
		switch d {
		case connect.ByMonth:
			out[i] = g.Month
		case connect.ByYear:
			out[i] = g.Year
		case connect.ByPlace:
			out[i] = g.Place
		case connect.ByProvince:
			out[i] = g.Province
		case connect.ByCountry:
			out[i] = g.Country
		case connect.ByPerpetrator:
			out[i] = g.Perpetrator
		case connect.ByType:
			out[i] = g.Type
		}
	}
	return out
}

// totalText is "67 [25-100]": the conservative total and the spread, or
// "-" when no incident of the group gave a figure.
func totalText(t connect.Total) string {
	if t.Incidents == 0 {
		return "-"
	}
	if t.Low == t.High && t.Best == t.Low {
		return strconv.Itoa(t.Best)
	}
	return fmt.Sprintf("%d [%d-%d]", t.Best, t.Low, t.High)
}

// writeIncidentGroupsTable prints one line per group.
func writeIncidentGroupsTable(w io.Writer, gs []connect.IncidentGroup, dims []string) {
	if len(gs) == 0 {
		fmt.Fprintln(w, "No incidents found.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(dims, "\t"))+"\tINCIDENTS\tREPORTS\tKILLED\tINJURED")
	for i := range gs {
		g := &gs[i]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", strings.Join(groupCells(g, dims), "\t"), g.Incidents, g.Reports,
			totalText(g.Killed), totalText(g.Injured))
	}
	tw.Flush()
	fmt.Fprintln(w, "KILLED and INJURED: the sum of each incident's best estimate [the sums of the lowest and highest figures reported].")
	if slices.Contains(dims, connect.ByPerpetrator) {
		fmt.Fprintln(w, "An incident with several perpetrators counts under each.")
	}
}

// writeIncidentGroupsCSV prints one row per group.
func writeIncidentGroupsCSV(w io.Writer, gs []connect.IncidentGroup, dims []string) error {
	cw := csv.NewWriter(w)
	head := append([]string(nil), dims...)
	if slices.Contains(dims, connect.ByPerpetrator) {
		head = append(head, "perpetrator_entity")
	}
	cw.Write(append(head, "incidents", "reports", "dated_by_publication", "killed", "killed_low", "killed_high", "killed_incidents",
		"injured", "injured_low", "injured_high", "injured_incidents"))
	num := strconv.Itoa
	for i := range gs {
		g := &gs[i]
		row := groupCells(g, dims)
		if slices.Contains(dims, connect.ByPerpetrator) {
			row = append(row, g.PerpetratorEntity)
		}
		row = append(row, num(g.Incidents), num(g.Reports), num(g.DatedByPublication),
			num(g.Killed.Best), num(g.Killed.Low), num(g.Killed.High), num(g.Killed.Incidents),
			num(g.Injured.Best), num(g.Injured.Low), num(g.Injured.High), num(g.Injured.Incidents))
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
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
