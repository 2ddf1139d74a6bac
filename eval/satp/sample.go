package satp

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Item is one sampled snippet and what the analysis made of it.
type Item struct {
	Snippet Snippet
	Doc     *sitrep.Document // nil when the analysis failed
	Err     error
}

// SampleInfo says how a sample was drawn, for its header.
type SampleInfo struct {
	Command string // the command that wrote the file
	Split   string
	Seed    int64
	Of      int    // how many snippets the sample was drawn from
	Version string // the program's version or commit, when known
}

// judge is the empty judgement columns of a field row.
const judge = " | | | | |"

// WriteSample writes the sample as a Markdown form for a hand check: each
// snippet's text, then each incident found with one row per field and
// empty columns to mark the field correct, wrong or missing.
func WriteSample(w io.Writer, items []Item, info SampleInfo) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# SATP incidents: hand-check sample\n\n")
	p("%d snippets drawn with seed %d from the %d of split %q of the ConfliBERT SATP data (`data/satp_relevant`).\n", len(items), info.Seed, info.Of, info.Split)
	p("Written by `%s`", info.Command)
	if info.Version != "" {
		p(" (sitrep %s)", info.Version)
	}
	p(".\nThe draw: snippets sorted by the SHA-256 of `<seed>:<split>:<line>`, the first ones taken (docs/incidents.md, \"Evaluation on SATP\").\n\n")
	p("How to judge: for each field of each incident, put an `x` in one column:\n")
	p("**correct** (the value is what the snippet says), **wrong** (the snippet says something else, or the value\n")
	p("is not supported), **missing** (the field is empty but the snippet gives it). Leave all three empty for an\n")
	p("empty field the snippet does not give. Under each snippet, list the incidents it reports that were not found.\n")
	p("SATP snippets carry no publication date, so relative dates (\"on November 24\") cannot be resolved to a year.\n\n")
	total := 0
	for _, it := range items {
		if it.Doc != nil {
			total += len(it.Doc.Incidents)
		}
	}
	p("Incidents to judge: %d.\n", total)
	for i, it := range items {
		s := it.Snippet
		p("\n---\n\n## %d. %s.tsv line %d (labels %s)\n\n", i+1, s.Split, s.Line, s.LabelString())
		p("> %s\n\n", strings.Join(strings.Fields(s.Text), " "))
		if it.Doc == nil {
			p("Analysis failed: %v\n\n", it.Err)
			continue
		}
		if len(it.Doc.Incidents) == 0 {
			p("No incident found.\n\n")
		}
		for j := range it.Doc.Incidents {
			writeIncident(bw, it.Doc, j)
		}
		p("Incidents the snippet reports that were not found: \n\n")
	}
	return bw.Flush()
}

// writeIncident writes one incident as a table of fields.
func writeIncident(w io.Writer, doc *sitrep.Document, j int) {
	inc := &doc.Incidents[j]
	fmt.Fprintf(w, "### Incident %d: %s\n\n", j+1, inc.Type)
	fmt.Fprintf(w, "Evidence: %s\n\n", quote(span(doc.Text, inc.Start, inc.End)))
	fmt.Fprintf(w, "| field | extracted | correct | wrong | missing | note |\n|---|---|---|---|---|---|\n")
	row := func(field, value string) {
		if value == "" {
			value = "—"
		}
		fmt.Fprintf(w, "| %s | %s%s\n", field, cell(value), judge)
	}
	row("type", inc.Type+hedged(inc))
	row("cue", quote(inc.Cue))
	row("place", place(inc.Place))
	row("date", date(inc))
	row("killed", figure(inc.Killed))
	row("injured", figure(inc.Injured))
	if inc.Kidnapped != nil {
		row("kidnapped", figure(inc.Kidnapped))
	}
	if inc.Arrested != nil {
		row("arrested", figure(inc.Arrested))
	}
	var perps []string
	for _, p := range inc.Perpetrators {
		s := actor(p.Actor) + " (" + p.Basis
		if p.Speaker != nil {
			s += ", by " + actor(*p.Speaker)
		}
		perps = append(perps, s+")")
	}
	row("perpetrators", strings.Join(perps, "; "))
	row("targets", actors(inc.Targets))
	row("actors", actors(inc.Actors))
	fmt.Fprintln(w)
}

func hedged(inc *sitrep.Incident) string {
	if inc.Hedged {
		return " (hedged)"
	}
	return ""
}

func place(p *sitrep.IncidentPlace) string {
	if p == nil {
		return ""
	}
	parts := []string{p.Name}
	for _, x := range []string{p.Admin2, p.Admin1, p.Country} {
		if x != "" && x != p.Name {
			parts = append(parts, x)
		}
	}
	return fmt.Sprintf("%s (%s; %.4f, %.4f) from %s", strings.Join(parts, ", "), p.Precision, p.Lat, p.Lon, quote(p.Text))
}

func date(inc *sitrep.Incident) string {
	if inc.Date == "" {
		if inc.DateText != "" {
			return "unresolved, from " + quote(inc.DateText)
		}
		return ""
	}
	s := inc.Date
	if inc.DatePrecision != "" {
		s += " (" + inc.DatePrecision + ")"
	}
	switch {
	case inc.DateText != "":
		s += " from " + quote(inc.DateText)
	case inc.DateBasis != "":
		s += " [" + inc.DateBasis + "]"
	}
	return s
}

func figure(f *sitrep.Figure) string {
	if f == nil {
		return ""
	}
	hi := "open"
	if f.Max != nil {
		hi = strconv.Itoa(*f.Max)
	}
	s := fmt.Sprintf("%d (%d..%s) from %s", f.Estimate, f.Min, hi, quote(f.Text))
	if f.Source != nil {
		s += ", source " + actor(*f.Source)
	}
	return s
}

func actor(a sitrep.Actor) string {
	if a.Entity != "" {
		return a.Name + " [" + a.Entity + "]"
	}
	return a.Name
}

func actors(as []sitrep.Actor) string {
	var out []string
	for _, a := range as {
		out = append(out, actor(a))
	}
	return strings.Join(out, "; ")
}

func span(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	return text[start:end]
}

// quote writes s in double quotes, white space collapsed.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	return "\u201c" + s + "\u201d"
}

// cell escapes what would break a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
