package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// summaryLine is the line CI greps.
var summaryLine = regexp.MustCompile(`(?m)^quotes (dev|test|train): direct content\+source overlap F1 [01]\.\d{3}, all content\+source overlap F1 [01]\.\d{3}$`)

// The package's own fixture (texts written for its tests) runs the whole
// command offline.
func TestEvalQuotesFixture(t *testing.T) {
	out, errOut, err := run(t, "", "eval", "quotes", "--data", "../../eval/attribution/testdata/mini", "--show", "2", "--workers", "2")
	if err != nil {
		t.Fatalf("eval quotes: %v\n%s", err, errOut)
	}
	for _, want := range []string{
		"dev split: 2 documents, 6 gold attributions (2 direct)",
		"1 of them annotated by several annotators",
		"content+source overlap",
		"cue accuracy (overlap)",
		"documents/s (2 workers)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !summaryLine.MatchString(out) {
		t.Errorf("no summary line for CI in:\n%s", out)
	}
	if _, _, err := run(t, "", "eval", "quotes", "--data", t.TempDir()); err == nil || !strings.Contains(err.Error(), "load PolNeAR") {
		t.Errorf("eval quotes on an empty folder: %v, want a load error", err)
	}
}

// polnearDir returns the shared PolNeAR folder, beside the repository,
// or skips the test.
func polnearDir(t *testing.T) string {
	t.Helper()
	for _, dir := range []string{"../shared/datasets/polnear", "../../../shared/datasets/polnear"} {
		if _, err := os.Stat(filepath.Join(dir, "data", "dev", "attributions")); err == nil {
			return dir
		}
	}
	t.Skip("PolNeAR not found at ../../../shared/datasets/polnear (the shared data sets sit beside the repository): skipping the dev-split run")
	return ""
}

func TestEvalQuotesPolNeARDev(t *testing.T) {
	dir := polnearDir(t)
	out, errOut, err := run(t, "", "eval", "quotes", "--data", dir, "--split", "dev", "--show", "1")
	if err != nil {
		t.Fatalf("eval quotes: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "dev split: 84 documents, 2192 gold attributions (560 direct)") {
		t.Errorf("dev split gold counts changed:\n%s", out)
	}
	if !summaryLine.MatchString(out) {
		t.Errorf("no summary line for CI in:\n%s", out)
	}
	if !strings.Contains(out, "  missed   ") {
		t.Errorf("--show 1 printed no missed attribution:\n%s", out)
	}
}
