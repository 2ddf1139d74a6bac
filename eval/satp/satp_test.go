package satp

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestParse(t *testing.T) {
	s, err := Parse("dev", "Text one.\t1\t0\t0\t1\r\nText two.\t0\t0\t0\t0\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Snippet{
		{Split: "dev", Line: 1, Text: "Text one.", Labels: [4]bool{true, false, false, true}},
		{Split: "dev", Line: 2, Text: "Text two."},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v", s)
	}
	if s[0].ID() != "dev:1" || s[0].LabelString() != "1 0 0 1" {
		t.Errorf("id %s, labels %s", s[0].ID(), s[0].LabelString())
	}
	for _, bad := range []string{"Text\t1\t0\t0\n", "Text\t1\t0\t0\tx\n"} {
		if _, err := Parse("dev", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestLoad(t *testing.T) {
	all, err := Load("testdata", "all")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || all[0].Split != "train" || all[2].Split != "dev" || all[3].Split != "test" {
		t.Errorf("all: %+v", all)
	}
	dev, err := Load("testdata/data/satp_relevant", "dev")
	if err != nil || len(dev) != 1 {
		t.Errorf("dev: %v %v", dev, err)
	}
	if _, err := Load(t.TempDir(), "all"); !errors.Is(err, ErrNoData) {
		t.Errorf("empty folder: %v", err)
	}
	if _, err := Load("testdata", "valid"); err == nil {
		t.Error("unknown split: no error")
	}
}

func TestSample(t *testing.T) {
	var sn []Snippet
	for i := 1; i <= 50; i++ {
		sn = append(sn, Snippet{Split: Splits[i%3], Line: i})
	}
	a, b := Sample(sn, 10, 1), Sample(sn, 10, 1)
	if len(a) != 10 || !reflect.DeepEqual(a, b) {
		t.Fatalf("draws differ or have the wrong size: %v %v", a, b)
	}
	if reflect.DeepEqual(a, Sample(sn, 10, 2)) {
		t.Error("seeds 1 and 2 draw the same")
	}
	for i := 1; i < len(a); i++ {
		if a[i-1].Split == a[i].Split && a[i-1].Line > a[i].Line {
			t.Errorf("not in file order: %v", a)
		}
	}
	// The draw is a prefix: a larger sample holds the smaller one.
	big := map[string]bool{}
	for _, s := range Sample(sn, 20, 1) {
		big[s.ID()] = true
	}
	for _, s := range a {
		if !big[s.ID()] {
			t.Errorf("%s drawn for 10 but not for 20", s.ID())
		}
	}
	if got := Sample(sn[:3], 10, 1); len(got) != 3 {
		t.Errorf("sample larger than the data: %d", len(got))
	}
}

// TestSampleStable pins the draw itself, so that a change to it (which
// would change which snippets a hand check covers) is noticed.
func TestSampleStable(t *testing.T) {
	var sn []Snippet
	for _, s := range Splits {
		for i := 1; i <= 5; i++ {
			sn = append(sn, Snippet{Split: s, Line: i})
		}
	}
	var ids []string
	for _, s := range Sample(sn, 4, 1) {
		ids = append(ids, s.ID())
	}
	if got, want := strings.Join(ids, " "), "train:1 dev:2 test:1 test:3"; got != want {
		t.Errorf("draw %s, want %s", got, want)
	}
}

func TestStats(t *testing.T) {
	max := 2
	docs := []*sitrep.Document{
		{Incidents: []sitrep.Incident{{
			Type: sitrep.IncidentArmedAttack, Date: "2014-05-03",
			Place:        &sitrep.IncidentPlace{Name: "Bannu", Lat: 32.98, Lon: 70.6},
			Killed:       &sitrep.Figure{Min: 2, Max: &max, Estimate: 2},
			Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: "militants"}}},
		}}},
		{Incidents: []sitrep.Incident{{Type: sitrep.IncidentBombing, Place: &sitrep.IncidentPlace{Name: "Nowhere"}, DateText: "on June 1"}, {Type: sitrep.IncidentBombing}}},
		{},
		nil,
	}
	sn, err := Load("testdata", "all")
	if err != nil {
		t.Fatal(err)
	}
	var s Stats
	for i, d := range docs {
		s.Add(sn[i], d)
	}
	if s.Snippets != 4 || s.Failed != 1 || s.WithIncident != 2 {
		t.Errorf("snippets %d, failed %d, with incident %d", s.Snippets, s.Failed, s.WithIncident)
	}
	if want := (Counts{Incidents: 3, Geocoded: 1, Killed: 1, Perpetrator: 1, Dated: 1, DateText: 1}); s.All != want {
		t.Errorf("all %+v, want %+v", s.All, want)
	}
	if got := s.Types(); !reflect.DeepEqual(got, []string{sitrep.IncidentBombing, sitrep.IncidentArmedAttack}) {
		t.Errorf("types %v", got)
	}
	if l := s.ByLabel[1]; l.Snippets != 1 || l.WithIncident != 1 || l.Types[sitrep.IncidentBombing] != 2 {
		t.Errorf("label 2: %+v", l)
	}
}

func TestWriteSample(t *testing.T) {
	sn, err := Load("testdata", "train")
	if err != nil {
		t.Fatal(err)
	}
	text := sn[0].Text
	i := strings.Index(text, "Bannu District")
	doc := &sitrep.Document{Text: text, Incidents: []sitrep.Incident{{
		Type: sitrep.IncidentArmedAttack, Cue: "attacked", Date: "2014-05-03", DatePrecision: "day", DateText: "on May 3",
		Place:        &sitrep.IncidentPlace{Name: "Bannu", Admin1: "Khyber Pakhtunkhwa", Country: "Pakistan", Precision: "district", Lat: 32.98, Lon: 70.6, Text: "Bannu District", Start: i, End: i + 14},
		Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: "militants"}, Basis: sitrep.BasisAttributed}},
		Targets:      []sitrep.Actor{{Name: "a police post | station"}},
		Start:        0, End: len(text),
	}}}
	var b bytes.Buffer
	doc2 := &sitrep.Document{Text: sn[1].Text, Incidents: []sitrep.Incident{{Type: sitrep.IncidentBombing, DateText: "on June 1"}}}
	err = WriteSample(&b, []Item{{Snippet: sn[0], Doc: doc}, {Snippet: sn[1], Doc: doc2}, {Snippet: sn[1], Err: errors.New("boom")}}, SampleInfo{Command: "sitrep eval incidents --sample 2", Split: "train", Seed: 1, Of: 2})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# SATP incidents: hand-check sample",
		"3 snippets drawn with seed 1 from the 2 of split \"train\"",
		"## 1. train.tsv line 1 (labels 1 0 0 0)",
		"> Militants attacked a police post",
		"### Incident 1: armed_attack",
		"| field | extracted | correct | wrong | missing | note |",
		"| place | Bannu, Khyber Pakhtunkhwa, Pakistan (district; 32.9800, 70.6000) from \u201cBannu District\u201d | | | | |",
		"| date | 2014-05-03 (day) from \u201con May 3\u201d | | | | |",
		"| killed | — | | | | |",
		"| targets | a police post \\| station | | | | |",
		"Analysis failed: boom",
		"Incidents to judge: 2.",
		"| date | unresolved, from \u201con June 1\u201d | | | | |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestDataset reads the SATP files when they are present beside the
// repository.
func TestDataset(t *testing.T) {
	dir := "../../../shared/datasets/conflibert-satp"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found; skipping the SATP data set test", dir)
	}
	sn, err := Load(dir, "all")
	if err != nil {
		t.Fatal(err)
	}
	if len(sn) != 1550 {
		t.Errorf("%d snippets, want 1550", len(sn))
	}
	n := map[string]int{}
	for _, s := range sn {
		n[s.Split]++
		if strings.TrimSpace(s.Text) == "" {
			t.Errorf("%s: empty text", s.ID())
		}
	}
	if n["train"] != 1085 || n["dev"] != 232 || n["test"] != 233 {
		t.Errorf("splits %v", n)
	}
}
