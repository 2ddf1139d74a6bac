package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/extract/entity/tagger"
)

const datasets = "../../../../../shared/datasets"

func need(t *testing.T, path string) {
	if _, err := os.Stat(path); err != nil {
		t.Skipf("dataset %s not found (../shared/datasets is not checked out here): skipping", path)
	}
}

func TestNationalityType(t *testing.T) {
	for w, want := range map[string]string{"Iraqi": "NORP", "Afghans": "NORP", "British": "NORP", "Chinese": "NORP", "Iran": "LOC", "Pakistan": "LOC", "Nepal": "LOC", "U.S.": "LOC", "Japan": "LOC"} {
		if got := nationalityType([]string{w}); got != want {
			t.Errorf("nationalityType(%s) = %s, want %s", w, got, want)
		}
	}
}

func TestGMBTitles(t *testing.T) {
	ex := gmbSentence([]string{"President", "George", "Bush", "met", "Iraqi", "officials"}, []string{"B-per", "I-per", "I-per", "O", "B-gpe", "O"})
	want := []string{"O", "B-PER", "I-PER", "O", "B-NORP", "O"}
	for i, l := range ex.Labels {
		if tagger.Labels[l] != want[i] {
			t.Fatalf("labels = %v, want %v", ex.Labels, want)
		}
	}
}

func TestRe3d(t *testing.T) {
	dir := filepath.Join(datasets, "re3d", "CENTCOM")
	need(t, dir)
	docs, err := Re3d(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range docs {
		prev := 0
		for _, m := range d.Mentions {
			if m.Start < prev || m.End > len(d.Text) {
				t.Fatalf("bad or overlapping span %+v", m)
			}
			prev = m.End
			n++
		}
	}
	if n == 0 {
		t.Fatal("no mentions")
	}
	if len(DocExamples(docs, "re3d")) == 0 {
		t.Fatal("no examples")
	}
}

func TestGMB(t *testing.T) {
	path := filepath.Join(datasets, "gmb-kaggle-sample", "ner_dataset.csv")
	need(t, path)
	exs, err := GMB(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) < 8000 {
		t.Fatalf("%d sentences", len(exs))
	}
}
