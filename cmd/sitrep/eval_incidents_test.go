package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	mucSummaryLine  = regexp.MustCompile(`(?m)^incidents muc4 dev(?: \(truecased\))?: templates P \d\.\d{3} R \d\.\d{3} F1 \d\.\d{3}; F1 date \d\.\d{3} location \d\.\d{3} perpetrator \d\.\d{3} target \d\.\d{3} deaths \d\.\d{3} injuries \d\.\d{3}; slots micro F1 \d\.\d{3}$`)
	satpSummaryLine = regexp.MustCompile(`(?m)^incidents satp all: 4 snippets, \d+ incidents \(\d+ snippets with one\); geocoded \d+, killed \d+, perpetrator \d+, dated \d+$`)
)

// TestEvalIncidentsMUC runs the MUC-4 evaluation on the package's own
// fixture (three invented messages in the MUC formats).
func TestEvalIncidentsMUC(t *testing.T) {
	data := "../../eval/muc/testdata/CORPORA"
	for _, extra := range [][]string{nil, {"--truecase"}} {
		out, errOut, err := run(t, "", append([]string{"eval", "incidents", "--data", data, "--show", "2", "--workers", "2"}, extra...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", extra, err, errOut)
		}
		for _, want := range []string{
			"sitrep incidents on MUC-4 dev", "(" + data + "): 3 messages (2 relevant), ", " key templates to find (1 optional, 0 of types sitrep lacks)",
			"templates ", "  ignoring type", "slots (micro)", "key templates by type", "BOMBING", "ATTACK",
			"errors, up to 2 of each slot:",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: output lacks %q:\n%s", extra, want, out)
			}
		}
		if !mucSummaryLine.MatchString(out) {
			t.Errorf("%v: no summary line:\n%s", extra, out)
		}
	}
}

// TestEvalIncidentsSATP runs the SATP statistics and the hand-check sample
// on the package's own fixture.
func TestEvalIncidentsSATP(t *testing.T) {
	data := "../../eval/satp/testdata"
	form := filepath.Join(t.TempDir(), "sample.md")
	out, errOut, err := run(t, "", "eval", "incidents", "--data", data, "--sample", "2", "--seed", "1", "--out", form)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, want := range []string{"sitrep incidents on SATP all (" + data + "): 4 snippets, 0 failed", "hand-check sample: 2 snippets", "four unnamed label columns"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !satpSummaryLine.MatchString(out) {
		t.Errorf("no summary line:\n%s", out)
	}
	b, err := os.ReadFile(form)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	if !strings.Contains(md, "# SATP incidents: hand-check sample") || strings.Count(md, "\n## ") != 2 || !strings.Contains(md, "--seed 1") {
		t.Errorf("sample form:\n%s", md)
	}
	// The same draw again gives the same form.
	form2 := filepath.Join(t.TempDir(), "again.md")
	if _, _, err := run(t, "", "eval", "incidents", "--data", data, "--sample", "2", "--seed", "1", "--out", form2); err != nil {
		t.Fatal(err)
	}
	b2, _ := os.ReadFile(form2)
	if strings.ReplaceAll(string(b2), form2, "X") != strings.ReplaceAll(md, form, "X") {
		t.Error("the same seed drew a different form")
	}
}

func TestEvalIncidentsUsage(t *testing.T) {
	muc, satp := "../../eval/muc/testdata/CORPORA", "../../eval/satp/testdata"
	for _, args := range [][]string{
		{"eval", "incidents", "--data", muc, "--split", "nope"},
		{"eval", "incidents", "--data", muc, "--sample", "3", "--out", "x.md"},
		{"eval", "incidents", "--data", muc, "--mixed-case"},
		{"eval", "incidents", "--data", satp, "--show", "2"},
		{"eval", "incidents", "--data", satp, "--split", "nope"},
		{"eval", "incidents", "--data", satp, "--sample", "3"},
		{"eval", "incidents", "--show", "-1"},
		{"eval", "incidents", "extra"},
	} {
		if _, _, err := run(t, "", args...); exitCode(err) != 2 {
			t.Errorf("%v: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
	if _, _, err := run(t, "", "eval", "incidents", "--data", t.TempDir()); exitCode(err) != 1 {
		t.Errorf("a folder of neither kind: exit %d (%v), want 1", exitCode(err), err)
	}
}

// TestEvalNERCase checks the --case flag of eval ner, which measures the
// truecaser on upper-cased NER data.
func TestEvalNERCase(t *testing.T) {
	if _, _, err := run(t, "", "eval", "ner", "--data", t.TempDir(), "--case", "lower"); exitCode(err) != 2 {
		t.Errorf("--case lower: exit %d (%v), want 2", exitCode(err), err)
	}
	if got := asciiUpper("Kabul, Ça va"); got != "KABUL, ÇA VA" {
		t.Errorf("asciiUpper: %q", got)
	}
}
