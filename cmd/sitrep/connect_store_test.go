package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoDB makes a store of the sample corpus with "sitrep demo --db" and
// returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	out, errOut, err := run(t, "", "demo", "--db", db)
	if err != nil {
		t.Fatalf("demo --db: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "Store: "+db+"\n") {
		t.Errorf("demo --db does not say where the store is:\n%s", out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("demo --db did not keep the store: %v", err)
	}
	return db
}

func TestConnectCommandsOverStore(t *testing.T) {
	db := demoDB(t)
	tests := []struct {
		name     string
		args     []string
		want     []string // in stdout
		not      []string // not in stdout
		exitCode int
	}{
		{"incidents", []string{"incidents"}, []string{"DATE  ", "incident:", "Baghdad (Iraq)", "Islamic State (claimed)"}, nil, 0},
		{"incidents of a perpetrator in a place", []string{"incidents", "--perpetrator", "ISIL", "--place", "Iraq"},
			[]string{"Baghdad (Iraq)", "Anbar (Iraq)"}, []string{"Syria", "Latakia"}, 0},
		{"incidents of a month", []string{"incidents", "--since", "2016-11", "--until", "2016-11"}, []string{"2016-11-29"}, []string{"2011-12-25"}, 0},
		{"incidents by entity", []string{"incidents", "--entity", "Mosul"}, []string{"Mosul"}, []string{"Baghdad"}, 0},
		{"incidents of a type", []string{"incidents", "--type", "airstrike"}, []string{"airstrike"}, []string{"armed_attack"}, 0},
		{"incidents by perpetrator", []string{"incidents", "--by", "perpetrator"},
			[]string{"PERPETRATOR  ", "INCIDENTS", "Islamic State ", "unknown ", "counts under each"}, nil, 0},
		{"incidents by month and country", []string{"incidents", "--by", "month,country"}, []string{"2016-11  ", "Syria", "unknown"}, nil, 0},
		{"incidents by an unknown dimension", []string{"incidents", "--by", "week"}, nil, nil, 2},
		{"incidents of an unknown type", []string{"incidents", "--type", "riot"}, nil, nil, 2},
		{"claims", []string{"claims"}, []string{"PROPOSITION", "presence(Islamic State, Palmyra)", "Tobias Ellwood"}, nil, 0},
		{"claims about an alias", []string{"claims", "--subject", "Daesh"}, []string{"(Islamic State, "}, []string{"cooperation(France"}, 0},
		{"claims of a speaker", []string{"claims", "--speaker", "Foreign Office Minister Tobias Ellwood"},
			[]string{"presence(Islamic State, Palmyra)", "Foreign Office Minister Tobias Ellwood"}, []string{"article: UK Government"}, 0},
		{"claims with dates and paths", []string{"claims", "--since", "2016", "a.txt"}, nil, nil, 2},
		{"contradictions", []string{"contradictions", "--entity", "ISIL"}, []string{"No contradictions found."}, nil, 0},
		{"timeline of a place", []string{"timeline", "--entity", "Mosul"}, []string{"WHEN", "airstrike in Mosul"}, []string{"Latakia"}, 0},
		{"timeline of a search", []string{"timeline", "--query", "Latakia"}, []string{"bombing in Latakia"}, nil, 0},
		{"timeline of a search with paths", []string{"timeline", "--query", "Latakia", "a.txt"}, nil, nil, 2},
		{"timeline of nothing", []string{"timeline"}, nil, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, err := run(t, "", append(tt.args, "--db", db)...)
			if code := exitCode(err); code != tt.exitCode {
				t.Fatalf("exit %d (%v), want %d\n%s", code, err, tt.exitCode, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in:\n%s", w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("%q in:\n%s", w, out)
				}
			}
		})
	}

	// JSON and CSV.
	out, _, err := run(t, "", "incidents", "--db", db, "--by", "perpetrator,month", "--format", "json")
	var groups incidentGroupsOutput
	if err != nil || json.Unmarshal([]byte(out), &groups) != nil || len(groups.Groups) == 0 || len(groups.By) != 2 {
		t.Fatalf("incidents --by --format json: %v\n%s", err, out)
	}
	killed := 0
	for _, g := range groups.Groups {
		if g.Perpetrator == "" || g.Month == "" || g.Killed.Low > g.Killed.Best || g.Killed.Best > g.Killed.High {
			t.Errorf("group %+v: no perpetrator or month, or the best estimate outside the spread", g)
		}
		killed += g.Killed.Best
	}
	if killed == 0 {
		t.Errorf("no one killed in %+v", groups.Groups)
	}
	out, _, err = run(t, "", "incidents", "--db", db, "--by", "place", "--format", "csv")
	rows, cerr := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || cerr != nil || len(rows) < 2 || strings.Join(rows[0][:4], ",") != "place,incidents,reports,dated_by_publication" {
		t.Errorf("incidents --by place --format csv: %v %v\n%s", err, cerr, out)
	}
	out, _, err = run(t, "", "incidents", "--db", db, "--format", "json")
	var incidents incidentsOutput
	if err != nil || json.Unmarshal([]byte(out), &incidents) != nil || len(incidents.Incidents) == 0 {
		t.Fatalf("incidents --format json: %v\n%s", err, out)
	}
	if r := incidents.Incidents[0].Reports[0]; r.Excerpt == "" || r.Doc.ID == "" {
		t.Errorf("a report without its evidence excerpt or document: %+v", r)
	}
	out, _, err = run(t, "", "claims", "--db", db, "--subject", "kb:islamic-state", "--format", "json")
	var claims claimsOutput
	if err != nil || json.Unmarshal([]byte(out), &claims) != nil || len(claims.Propositions) == 0 {
		t.Fatalf("claims --format json: %v\n%s", err, out)
	}
	for _, p := range claims.Propositions {
		if p.Subject.Entity != "kb:islamic-state" {
			t.Errorf("proposition about %+v, want the Islamic State", p.Subject)
		}
		for _, s := range append(p.Affirmed, p.Denied...) {
			for _, e := range s.Evidence {
				if e.Excerpt == "" {
					t.Errorf("evidence without its excerpt: %+v", e)
				}
			}
		}
	}
	out, _, err = run(t, "", "timeline", "--db", db, "--query", "Mosul", "--format", "json")
	var tl timelineOutput
	if err != nil || json.Unmarshal([]byte(out), &tl) != nil || len(tl.Timeline) == 0 || !tl.Selector.All {
		t.Errorf("timeline --query --format json: %v\n%s", err, out)
	}
	// --recent reads the latest records of each kind only, and says so.
	full, _, err := run(t, "", "timeline", "--db", db, "--entity", "Daesh", "--format", "json", "--recent", "0")
	var all, cut timelineOutput
	if err != nil || json.Unmarshal([]byte(full), &all) != nil {
		t.Fatalf("timeline --recent 0: %v", err)
	}
	out, errOut, err := run(t, "", "timeline", "--db", db, "--entity", "Daesh", "--format", "json", "--recent", "2")
	if err != nil || json.Unmarshal([]byte(out), &cut) != nil {
		t.Fatalf("timeline --recent 2: %v", err)
	}
	if len(cut.Timeline) >= len(all.Timeline) || !strings.Contains(errOut, "earlier end is cut") {
		t.Errorf("--recent 2: %d entries of %d, stderr %q", len(cut.Timeline), len(all.Timeline), errOut)
	}
	out, _, err = run(t, "", "contradictions", "--db", db, "--format", "json")
	var cs contradictionsOutput
	if err != nil || json.Unmarshal([]byte(out), &cs) != nil || cs.Contradictions == nil {
		t.Errorf("contradictions --format json: %v\n%s", err, out)
	}
}

// TestConnectCommandsFiltersOverPaths checks that the incident filters
// and --by work over analysed files too.
func TestConnectCommandsFiltersOverPaths(t *testing.T) {
	dir := writeStories(t, t.TempDir(), 2)
	out, errOut, err := run(t, "", "incidents", "--by", "perpetrator", "--quiet", dir)
	if err != nil || !strings.Contains(out, "Taliban") {
		t.Errorf("incidents --by perpetrator PATH: %v\n%s%s", err, out, errOut)
	}
	out, _, err = run(t, "", "incidents", "--perpetrator", "ISKP", "--quiet", dir)
	if err != nil || !strings.Contains(out, "No incidents found.") {
		t.Errorf("incidents --perpetrator ISKP PATH: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "incidents", "--place", "Kunar", "--format", "json", "--quiet", dir)
	var got incidentsOutput
	if err != nil || json.Unmarshal([]byte(out), &got) != nil || len(got.Incidents) == 0 {
		t.Errorf("incidents --place Kunar PATH: %v\n%s", err, out)
	}
}
