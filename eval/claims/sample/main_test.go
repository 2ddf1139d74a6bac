package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/eval/claims"
)

// The shared folders sit beside the repository.
var (
	seedsDir    = filepath.Join("..", "..", "..", "..", "shared", "corpus", "seeds")
	datasetsDir = filepath.Join("..", "..", "..", "..", "shared", "datasets")
)

// TestDrawIsTheGold re-runs the draw and checks that it gives exactly the
// gold set's sentences, in order: the procedure of docs/claims.md is the
// one that made the gold.
func TestDrawIsTheGold(t *testing.T) {
	checkDraw(t, "gold.jsonl", func() ([]claims.Record, []string, error) { return draw(seedsDir, datasetsDir) })
}

// TestDrawIsTheDev does the same for the development set (--set dev).
func TestDrawIsTheDev(t *testing.T) {
	checkDraw(t, "dev.jsonl", func() ([]claims.Record, []string, error) { return drawDev(datasetsDir) })
}

func checkDraw(t *testing.T, file string, drawSet func() ([]claims.Record, []string, error)) {
	if testing.Short() {
		t.Skip("the draw reads every data set (~3 s); skipped in -short")
	}
	for _, d := range []string{seedsDir, datasetsDir} {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("%s not found (the shared seeds and data sets sit beside the repository); skipping the re-draw", d)
		}
	}
	gold, err := claims.ReadGold(filepath.Join("..", "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	recs, texts, err := drawSet()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(gold) {
		t.Fatalf("the draw gives %d sentences, the gold has %d", len(recs), len(gold))
	}
	for i, r := range recs {
		g := gold[i]
		if r.ID != g.ID || r.Source != g.Source || r.File != g.File || r.Line != g.Line || r.Doc != g.Doc ||
			r.Start != g.Start || r.End != g.End || r.SHA256 != g.SHA256 || r.Stratum != g.Stratum || r.Published != g.Published {
			t.Errorf("sentence %d: drawn %+v, gold %+v", i, r, g)
		}
		if claims.Hash(texts[i]) != r.SHA256 {
			t.Errorf("%s: text does not match its hash", r.ID)
		}
	}
}

func TestMUCSentences(t *testing.T) {
	doc := "   CITY, 3 JAN 90 -- [TEXT] THE ARMY SAID THE\nREBELS ATTACKED.  THE \"FMLN\" DENIED IT.\n\n   A SECOND PARAGRAPH ENDS HERE. NO BREAK\nHERE?  YES."
	var got []string
	for _, sp := range mucSentences(doc) {
		got = append(got, doc[sp[0]:sp[1]])
	}
	want := []string{
		"CITY, 3 JAN 90 -- [TEXT] THE ARMY SAID THE\nREBELS ATTACKED.",
		"THE \"FMLN\" DENIED IT.",
		"A SECOND PARAGRAPH ENDS HERE. NO BREAK\nHERE?",
		"YES.",
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d: %q, want %q", i, got[i], want[i])
		}
	}
	if d := mucDate(doc); d != "1990-01-03" {
		t.Errorf("mucDate = %q", d)
	}
}
