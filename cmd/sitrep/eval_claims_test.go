package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/eval/claims"
)

var claimsSummary = regexp.MustCompile(`(?m)^claims: P \d\.\d{3} R \d\.\d{3} F1 \d\.\d{3} \(\d+ gold, \d+ predicted\)$`)

// TestEvalClaims runs the eval on the project's gold set, reading the
// seeds and data sets in place.
func TestEvalClaims(t *testing.T) {
	seeds, datasets := "../../../shared/corpus/seeds", "../../../shared/datasets"
	for _, d := range []string{seeds, datasets} {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("%s not found (the shared seeds and data sets sit beside the repository); skipping the claims eval", d)
		}
	}
	out, errOut, err := run(t, "", "eval", "claims", "--gold", "../../eval/claims/testdata/gold.jsonl", "--seeds", seeds, "--datasets", datasets, "--show", "2")
	if err != nil {
		t.Fatalf("eval claims: %v\n%s", err, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr: %s", errOut)
	}
	for _, want := range []string{"248 of 248 sentences scored (0 skipped), 150 gold claims", "full+all", "responsibility", "muc4", "recall on gold denials"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !claimsSummary.MatchString(out) {
		t.Errorf("no summary line:\n%s", out)
	}
	t.Log(claimsSummary.FindString(out))
}

// TestEvalClaimsDev scores the development set, found by --set dev from
// the repository's root.
func TestEvalClaimsDev(t *testing.T) {
	if _, err := os.Stat("../../../shared/datasets"); err != nil {
		t.Skip("../../../shared/datasets not found; skipping the claims eval on the development set")
	}
	t.Chdir("../..")
	out, errOut, err := run(t, "", "eval", "claims", "--set", "dev")
	if err != nil {
		t.Fatalf("eval claims --set dev: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "dev.jsonl: 185 of 185 sentences scored (0 skipped)") || !claimsSummary.MatchString(out) {
		t.Errorf("output:\n%s", out)
	}
	t.Log(claimsSummary.FindString(out))
}

// TestEvalClaimsFixture runs the eval on a gold file of its own, one seed
// sentence whose article is rebuilt from the gold and one data set
// sentence whose file is absent.
func TestEvalClaimsFixture(t *testing.T) {
	dir := t.TempDir()
	text := "The TTP claimed responsibility for the attack."
	gold := `{"id":"s1","source":"seed","file":"x.txt","start":0,"end":` + strconv.Itoa(len(text)) + `,"sha256":"` + claims.Hash(text) + `","text":"` + text + `","stratum":"seed","claims":[{"subject":{"name":"TTP","entity":"kb:ttp"},"predicate":"responsibility","object":{"name":"attack","entity":""},"polarity":"affirm","hedged":false,"speaker":{"name":"TTP","entity":"kb:ttp"}}]}
{"id":"d1","source":"dataset","file":"set/a.tsv","line":1,"start":0,"end":4,"sha256":"0123456789abcdef","stratum":"none","claims":[]}
`
	path := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(path, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := run(t, "", "eval", "claims", "--gold", path, "--seeds", filepath.Join(dir, "seeds"), "--datasets", filepath.Join(dir, "data"), "--show", "5")
	if err != nil {
		t.Fatalf("eval claims: %v\n%s", err, errOut)
	}
	if !strings.Contains(errOut, "1 rebuilt from the gold") || !strings.Contains(errOut, "skipped 1 gold sentences of set") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !strings.Contains(out, "1 of 2 sentences scored (1 skipped)") || !claimsSummary.MatchString(out) || !strings.Contains(out, "(1 gold, ") {
		t.Errorf("output:\n%s", out)
	}
	if !strings.Contains(out, `MISSED s1: responsibility affirm "TTP" (kb:ttp) -> "attack", speaker "TTP" (kb:ttp)`) && !strings.Contains(out, "P 1.000 R 1.000") {
		t.Errorf("--show gives neither the miss nor a perfect score:\n%s", out)
	}

	for _, args := range [][]string{
		{"eval", "claims", "--show", "-1", "--gold", path},
		{"eval", "claims", "extra", "--gold", path},
		{"eval", "claims", "--nope"},
		{"eval", "claims", "--set", "train"},
	} {
		if _, _, err := run(t, "", args...); exitCode(err) != 2 {
			t.Errorf("%v: exit %d (%v), want 2", args, exitCode(err), err)
		}
	}
	if _, _, err := run(t, "", "eval", "claims", "--gold", filepath.Join(dir, "missing.jsonl")); err == nil || exitCode(err) != 1 {
		t.Errorf("missing gold: %v", err)
	}
}
