package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/extract/entity"
)

// Four short reports written for this test: one victim spelled two ways,
// one minister with and without his middle initial, one unit named by
// its initials in two reports and by its acronym alone in a third.
var entityFixtures = map[string]string{
	"a.txt": "Tribal elder Sadiq Shinwary was shot dead in Landi Kotal on Monday, police said. " +
		"The Frontier Rapid Response Unit (FRRU) sealed off the area.",
	"b.txt": "Police named the victim as Sadiq Shinwari, a member of the local peace committee. " +
		"The Frontier Rapid Response Unit (FRRU) arrested two suspects.",
	"c.txt": "Interior Minister John A. Smith condemned the killing in Peshawar. FRRU officers guarded the funeral.",
	"d.txt": "John Smith, the interior minister, visited Peshawar on Tuesday and met elders.",
}

func runEntities(t *testing.T, args ...string) (entitiesOutput, string) {
	t.Helper()
	out, errOut, err := run(t, "", append([]string{"entities"}, args...)...)
	if err != nil {
		t.Fatalf("entities: %v\n%s", err, errOut)
	}
	var o entitiesOutput
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	return o, errOut
}

func mergeOf(o entitiesOutput, from string) *entity.Merge {
	for i, m := range o.Merges {
		if m.From == from {
			return &o.Merges[i]
		}
	}
	return nil
}

func TestEntities(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, entityFixtures)
	paths := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt"), filepath.Join(dir, "d.txt")}
	o, errOut := runEntities(t, paths...)
	if len(o.Documents) != 4 || o.Documents[0].Source != paths[0] || len(o.Documents[0].ID) != 32 {
		t.Errorf("documents: %+v", o.Documents)
	}
	if !strings.Contains(errOut, "4 documents analysed") || !strings.Contains(errOut, "merges") {
		t.Errorf("summary: %q", errOut)
	}
	tests := []struct{ from, into, reason string }{
		{"auto:person:sadiq-shinwari", "auto:person:sadiq-shinwary", "spelling"},
		{"auto:person:john-smith", "auto:person:john-a-smith", "middle_initial"},
		{"auto:organization:frru", "auto:organization:frontier-rapid-response-unit", "acronym"},
	}
	for _, tt := range tests {
		m := mergeOf(o, tt.from)
		if m == nil || m.Into != tt.into || m.Reason != tt.reason || len(m.Evidence) < 2 {
			t.Errorf("merge of %s: %+v, want into %s (%s) with evidence", tt.from, m, tt.into, tt.reason)
		}
	}
	// The canonical entity counts the documents and mentions of its members.
	for _, e := range o.Entities {
		if e.ID == "auto:organization:frontier-rapid-response-unit" {
			if len(e.Documents) != 3 || e.Mentions < 5 || len(e.Merged) != 1 {
				t.Errorf("FRRU: %+v", e)
			}
		}
		if e.ID == "auto:person:sadiq-shinwari" || e.ID == "auto:person:john-smith" {
			t.Errorf("%s listed on its own after its merge", e.ID)
		}
	}

	// A decisions file undoes one merge and forces another.
	write(t, dir, map[string]string{"decisions.txt": "# analyst's corrections\n" +
		"apart auto:person:sadiq-shinwari auto:person:sadiq-shinwary\n" +
		"same auto:person:john-a-smith auto:person:john-smith\n"})
	o, _ = runEntities(t, append([]string{"--decisions", filepath.Join(dir, "decisions.txt")}, paths...)...)
	if m := mergeOf(o, "auto:person:sadiq-shinwari"); m != nil {
		t.Errorf("apart: still merged: %+v", m)
	}
	if m := mergeOf(o, "auto:person:john-a-smith"); m == nil || m.Into != "auto:person:john-smith" || m.Reason != "decision" {
		t.Errorf("same: %+v", m)
	}

	// The table names documents by their source.
	out, _, err := run(t, "", append([]string{"entities", "--quiet", "--format", "table"}, paths...)...)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ID ", "MENTIONS", "auto:person:sadiq-shinwari -> auto:person:sadiq-shinwary  spelling", "b.txt: \"Sadiq Shinwari\""} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// Usage errors.
	if _, _, err := run(t, "", "entities", "--format", "xml", paths[0]); exitCode(err) != 2 {
		t.Errorf("--format xml: %v", err)
	}
	if _, _, err := run(t, "", "entities"); exitCode(err) != 2 {
		t.Errorf("no PATH: %v", err)
	}
	write(t, dir, map[string]string{"bad.txt": "merge a b\n"})
	if _, _, err := run(t, "", "entities", "--decisions", filepath.Join(dir, "bad.txt"), paths[0]); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("bad decisions: %v", err)
	}
}
