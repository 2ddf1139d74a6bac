package main

import (
	"encoding/json"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// Two short articles written for these tests: a minister denies the
// Islamic State's presence in Pakistan, analysts affirm it.
const (
	denial = `Interior Minister Chaudhry Nisar said on Thursday that Daesh has no presence in Pakistan.

He said the government was on alert.
`
	affirmation = `Analysts said Daesh has a presence in Pakistan and is recruiting fighters in the tribal areas.

The Islamic State Khorasan Province claimed responsibility for the attack.
`
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		paths  []string
		entity []string
	}{
		{"flags first", []string{"--entity", "ISKP", "a", "b"}, []string{"a", "b"}, []string{"ISKP"}},
		{"flags after the paths", []string{"a", "b", "--entity", "ISKP"}, []string{"a", "b"}, []string{"ISKP"}},
		{"flags between", []string{"a", "--entity=ISKP", "b", "--entity", "TTP"}, []string{"a", "b"}, []string{"ISKP", "TTP"}},
		{"standard input", []string{"-", "--entity", "ISKP"}, []string{"-"}, []string{"ISKP"}},
		{"-- ends the flags", []string{"--entity", "ISKP", "--", "--odd-name", "a"}, []string{"--odd-name", "a"}, []string{"ISKP"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var entity stringList
			fs.Var(&entity, "entity", "")
			paths, err := parseInterspersed(fs, tt.args)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(paths, tt.paths) || !slices.Equal(entity, tt.entity) {
				t.Errorf("got paths %q entity %q, want %q %q", paths, entity, tt.paths, tt.entity)
			}
		})
	}
}

func TestConnectCommandsWithoutPaths(t *testing.T) {
	// Without PATH the commands read the store: a missing one says how
	// to make one.
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{{"incidents"}, {"claims"}, {"contradictions"}, {"timeline", "--entity", "ISKP"}} {
		_, _, err := run(t, "", append(args, "--db", missing)...)
		if err == nil || !strings.Contains(err.Error(), "no store at") || !strings.Contains(err.Error(), "sitrep ingest") {
			t.Errorf("%v: error %v; want a word about making the store", args, err)
		}
	}
	if _, _, err := run(t, "", "timeline", "a.txt"); exitCode(err) != 2 {
		t.Errorf("timeline without --entity: exit %d, want 2", exitCode(err))
	}
	if _, _, err := run(t, "", "claims", "--predicate", "rumour", "a.txt"); exitCode(err) != 2 {
		t.Errorf("claims --predicate rumour: exit %d, want 2", exitCode(err))
	}
}

func TestClaimsCommand(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"denial.txt": denial, "affirmation.txt": affirmation})

	out, stderr, err := run(t, "", "claims", "--format", "json", "--published", "2015-02-01", dir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got claimsOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var p *connect.Proposition
	for i := range got.Propositions {
		if got.Propositions[i].Key == "presence|kb:islamic-state|kb:pakistan" {
			p = &got.Propositions[i]
		}
	}
	if p == nil || !p.Contested || len(p.Affirmed) != 1 || len(p.Denied) != 1 {
		t.Fatalf("presence(Islamic State, Pakistan): %+v, want affirmed once and denied once", p)
	}
	if d := p.Denied[0]; d.Speaker.Entity != "kb:chaudhry-nisar-ali-khan" || d.When.Date != "2015-01-29" || d.When.Basis != "stated" {
		t.Errorf("denied by %+v on %+v, want the interior minister on Thursday 2015-01-29", d.Speaker, d.When)
	}
	if e := p.Denied[0].Evidence[0]; filepath.Base(e.Source) != "denial.txt" || e.Quote < 0 || e.Excerpt == "" {
		t.Errorf("evidence %+v, want denial.txt, a quote and an excerpt", e)
	}

	// The table, filtered by an alias; flags after the path.
	out, _, err = run(t, "", "claims", "--quiet", dir, "--subject", "Daesh", "--predicate", "presence")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PROPOSITION", "presence(Islamic State, Pakistan)", "Analysts (undated)", "Chaudhry Nisar Ali Khan (undated)"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Khorasan") {
		t.Errorf("--subject Daesh shows ISKP's claims:\n%s", out)
	}

	out, _, err = run(t, "", "claims", "--quiet", "--format", "csv", dir)
	if err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 4 || !strings.HasPrefix(lines[0], "proposition,predicate,subject") {
		t.Errorf("csv: %d lines, want a header and 3 stances:\n%s", len(lines), out)
	}

	out, _, err = run(t, "", "contradictions", "--quiet", "--format", "json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var cs contradictionsOutput
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs.Contradictions) != 1 || cs.Contradictions[0].Kind != connect.KindSpeakersDisagree {
		t.Errorf("contradictions %+v, want one speakers_disagree", cs.Contradictions)
	}

	out, _, err = run(t, "", "timeline", "--quiet", "--published", "2015-02-01", dir, "--entity", "ISKP")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "responsibility(Islamic State Khorasan Province, the attack)") || strings.Contains(out, "Chaudhry") {
		t.Errorf("timeline of ISKP:\n%s", out)
	}
}

func TestIncidentsCommand(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": scraped})
	out, _, err := run(t, "", "incidents", "--quiet", dir)
	if err != nil {
		t.Fatal(err)
	}
	// Whatever the per-document extractor finds: a table or the word that
	// there is none.
	if !strings.Contains(out, "No incidents found.") && !strings.Contains(out, "DATE") {
		t.Errorf("incidents table:\n%s", out)
	}
	out, _, err = run(t, "", "incidents", "--quiet", "--format", "json", dir)
	if err != nil {
		t.Fatal(err)
	}
	var got incidentsOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Incidents == nil {
		t.Errorf("json %q: %v, want an incidents list", out, err)
	}
}

func TestIncidentWriters(t *testing.T) {
	six := 6
	reports := []connect.IncidentReport{
		{Doc: connect.Doc{ID: "a", Source: "a.txt", Outlet: "Dawn", Published: sitrep.Date{Year: 2017, Month: 6, Day: 23}},
			Incident: sitrep.Incident{Type: sitrep.IncidentSuicideBombing, Cue: "suicide bomber", Date: "2017-06-23", DatePrecision: "day", DateBasis: "stated",
				Place:        &sitrep.IncidentPlace{Name: "Parachinar", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Precision: "town", Lat: 33.8997, Lon: 70.1001, GeoPrecision: 1},
				Killed:       &sitrep.Figure{Min: 25, Estimate: 25, Text: "25"},
				Injured:      &sitrep.Figure{Min: 6, Max: &six, Estimate: 6},
				Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: "Lashkar-e-Jhangvi", Entity: "kb:lashkar-e-jhangvi"}, Basis: sitrep.BasisClaimed}}}},
		{Doc: connect.Doc{ID: "b", Source: "b.txt", Outlet: "Reuters", Published: sitrep.Date{Year: 2017, Month: 6, Day: 24}},
			Incident: sitrep.Incident{Type: sitrep.IncidentBombing, Cue: "blast", Date: "2017-06-23", DatePrecision: "day", DateBasis: "stated",
				Place:  &sitrep.IncidentPlace{Name: "Parachinar", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Precision: "town", Lat: 33.8997, Lon: 70.1001, GeoPrecision: 1},
				Killed: &sitrep.Figure{Min: 45, Estimate: 45, Text: "45"}}},
	}
	ms := connect.MergeIncidents(reports, connect.Options{})
	var b strings.Builder
	writeIncidentsTable(&b, ms)
	for _, want := range []string{"DATE", "2017-06-23", "suicide_bombing", "Parachinar (Kurram, Khyber Pakhtunkhwa, Pakistan)",
		"45 [25-45]", "6", "Lashkar-e-Jhangvi (claimed)", "conflicting_figures"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := writeIncidentsCSV(&b, ms); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], ",2017-06-23,day,stated,suicide_bombing,Parachinar,Kurram,Khyber Pakhtunkhwa,Pakistan,33.8997,70.1001,1,45,25,45,6,6,6,Lashkar-e-Jhangvi (claimed),2,a b,conflicting_figures") {
		t.Errorf("csv:\n%s", b.String())
	}
}
