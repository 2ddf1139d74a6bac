package claims

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func act(name, entity string) sitrep.Actor { return sitrep.Actor{Name: name, Entity: entity} }

func TestActorMatch(t *testing.T) {
	is := Actor{Name: "Islamic State", Entity: "kb:islamic-state", Alt: []Actor{{Name: "ISKP", Entity: "kb:iskp"}}}
	for _, c := range []struct {
		gold Actor
		pred sitrep.Actor
		want bool
	}{
		{is, act("Islamic State", "kb:islamic-state"), true},
		{is, act("Daesh", "kb:islamic-state"), true},         // ids decide
		{is, act("Islamic State", "kb:ttp"), false},          // ids differ: the name does not rescue it
		{is, act("Islamic State Khorasan", "kb:iskp"), true}, // an alternative
		{is, act("Islamic State group", ""), true},           // no predicted id: names, containment
		{is, act("the Islamic State", ""), true},             // leading article dropped
		{is, act("State", ""), true},                         // contained as a whole word
		{is, act("IS", ""), false},                           // not a word of the name
		{Actor{Name: "Taliban"}, act("Afghan Taliban", "kb:afghan-taliban"), true},
		{Actor{Name: "Tehreek e Taliban Pakistan"}, act("Tehreek-e-Taliban Pakistan", ""), true}, // punctuation folded
		{Actor{Name: "TTP"}, act("TTP-linked cell", ""), true},
		{Actor{Name: "Maoists"}, act("Maoist", ""), false}, // no stemming
		{Actor{Name: "Kabul", Entity: "kb:afghan-taliban", Alt: []Actor{{Name: "Kabul"}}}, act("Kabul", "auto:location:kabul"), true},
		{Actor{}, act("", ""), true}, // the article's voice
		{Actor{}, act("Dawn", "kb:dawn"), false},
		{Actor{Name: "Dawn"}, act("", ""), false},
		{Actor{Name: "FMLN", Alt: []Actor{{}}}, act("", ""), true}, // an empty alternative: the article's voice too
	} {
		if got := ActorMatch(c.gold, c.pred); got != c.want {
			t.Errorf("ActorMatch(%+v, %+v) = %v, want %v", c.gold, c.pred, got, c.want)
		}
	}
}

func TestNormName(t *testing.T) {
	for in, want := range map[string]string{
		"The Islamic State":        "islamic state",
		"  JD(U) ":                 "jd u",
		"Pakistan’s army":          "pakistan s army",
		"a senior official":        "senior official",
		"Another outfit":           "another outfit",
		"Tehreek-e-Taliban (TTP).": "tehreek e taliban ttp",
	} {
		if got := NormName(in); got != want {
			t.Errorf("NormName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormValue(t *testing.T) {
	for in, want := range map[string]string{
		"70 to 80":             "70 to 80",
		"between 70 to 80":     "70 to 80",
		"around 70 to 80":      "70 to 80",
		"70-80":                "70 to 80",
		"70–80":                "70 to 80",
		"between 70 and 80":    "70 to 80",
		"1,500":                "1500",
		"ten":                  "10",
		"an estimated 300":     "300",
		"not less than 20,000": "not less than 20000",
		"over 50":              "over 50",
		"Hundreds":             "hundreds",
	} {
		if got := NormValue(in); got != want {
			t.Errorf("NormValue(%q) = %q, want %q", in, got, want)
		}
	}
}

func gc(subj, pred, obj, pol string) Claim {
	return Claim{Subject: Actor{Name: subj}, Predicate: pred, Object: Actor{Name: obj}, Polarity: pol}
}

func pc(subj, pred, obj, pol string) sitrep.Claim {
	return sitrep.Claim{Subject: act(subj, ""), Predicate: pred, Object: act(obj, ""), Polarity: pol}
}

func TestScoreLevels(t *testing.T) {
	g1 := gc("Daesh", "presence", "Pakistan", "deny")
	g1.Speaker = Actor{Name: "Islamabad"}
	g2 := gc("Iran", "cooperation", "Taliban", "affirm")
	g2.Hedged = true
	g3 := gc("Daesh", "strength", "", "affirm")
	g3.Value = "70 to 80"
	rec := &Record{ID: "u1", Stratum: "seed", Source: SourceSeed, Claims: []Claim{g1, g2, g3}}

	p1 := pc("Daesh", "presence", "Pakistan", "affirm") // wrong polarity
	p1.Speaker = act("Islamabad", "")
	p2 := pc("Taliban", "cooperation", "Iran", "") // swapped, "" polarity is affirm
	p2.Hedged = true
	p3 := pc("Daesh", "strength", "Afghanistan", "affirm") // gold object empty: not checked
	p3.Value = "between 70 and 80"
	p4 := pc("Daesh", "strength", "Afghanistan", "affirm") // a duplicate: one to one
	p4.Value = "70 to 80"
	noKw := &Record{ID: "u2", Stratum: "none", Source: SourceDataset, File: "muc4/x"}
	s := Score([]Unit{
		{Record: rec, Pred: []sitrep.Claim{p1, p2, p3, p4}},
		{Record: noKw, Pred: []sitrep.Claim{pc("FMLN", "threat", "", "affirm")}},
	})
	// g1 fails only on polarity; g2 matches p2 with subject and object
	// swapped; g3 matches p3 or p4, not both.
	want := map[string]int{
		"predicate+subject":          3,
		"predicate+subject+polarity": 2,
		"predicate+subject+object":   3,
		Full:                         2,
		"full+speaker":               2,
		"full+hedged":                2,
		"full+value":                 2,
		"full+all":                   2,
	}
	for lv, n := range want {
		c := s.Levels[lv]
		if c.TP != n || c.Gold != 3 || c.Pred != 5 {
			t.Errorf("level %s: %+v, want %d matched of 3 gold, 5 predicted", lv, c, n)
		}
	}
	if c := s.Predicate["presence"]; c.Gold != 1 || c.Pred != 1 || c.TP != 0 {
		t.Errorf("presence: %+v", c)
	}
	if c := s.Predicate["strength"]; c.Gold != 1 || c.Pred != 2 || c.TP != 1 {
		t.Errorf("strength: %+v", c)
	}
	if s.DenyRecall != (Counts{Gold: 1}) || s.HedgedRecall != (Counts{Gold: 1, TP: 1}) {
		t.Errorf("deny %+v hedged %+v", s.DenyRecall, s.HedgedRecall)
	}
	if s.NoKeywordPred != 1 || s.NoKeywordSentences != 1 {
		t.Errorf("no-keyword: %d predicted in %d sentences", s.NoKeywordPred, s.NoKeywordSentences)
	}
	if len(s.Missed) != 1 || s.Missed[0].Gold.Predicate != "presence" || s.Missed[0].Level != "predicate+subject" {
		t.Errorf("missed: %+v", s.Missed)
	}
	if len(s.Spurious) != 3 {
		t.Errorf("spurious: %d, want 3 (the wrong polarity, the duplicate, the no-keyword one)", len(s.Spurious))
	}
	if c := s.Source["seeds"]; c.Gold != 3 || c.TP != 2 {
		t.Errorf("seeds source: %+v", c)
	}
	if c := s.Source["muc4"]; c.Pred != 1 {
		t.Errorf("muc4 source: %+v", c)
	}
	full := s.Levels[Full]
	if p, r := full.P(), full.R(); p != 0.4 || r != 2.0/3 {
		t.Errorf("P %v R %v", p, r)
	}
}

func TestMaxMatching(t *testing.T) {
	// Gold 0 can take predicted 0 or 1, gold 1 only predicted 0: a greedy
	// choice would match one pair, the maximum is two.
	ok := func(i, j int) bool { return i == 0 || j == 0 }
	m := maxMatching(2, 2, ok)
	if m[0] != 1 || m[1] != 0 {
		t.Errorf("matching %v, want [1 0]", m)
	}
}

func TestParseGold(t *testing.T) {
	good := `{"id":"a","source":"seed","file":"x.txt","start":0,"end":5,"sha256":"` + Hash("Hello") + `","text":"Hello","stratum":"seed","claims":[{"subject":{"name":"TTP","entity":"kb:ttp"},"predicate":"threat","object":{"name":"","entity":""},"polarity":"affirm","hedged":false,"speaker":{"name":"","entity":""}}]}`
	if recs, err := ParseGold(strings.NewReader("# comment\n\n"+good+"\n"), "g"); err != nil || len(recs) != 1 || recs[0].Claims[0].Subject.Entity != "kb:ttp" {
		t.Fatalf("ParseGold: %v %+v", err, recs)
	}
	for name, line := range map[string]string{
		"duplicate id":   good + "\n" + good,
		"predicate":      strings.Replace(good, `"threat"`, `"rumour"`, 1),
		"polarity":       strings.Replace(good, `"affirm"`, `"maybe"`, 1),
		"unknown field":  strings.Replace(good, `"stratum"`, `"stratm"`, 1),
		"text hash":      strings.Replace(good, `"text":"Hello"`, `"text":"Hullo"`, 1),
		"dataset text":   strings.Replace(good, `"source":"seed"`, `"source":"dataset"`, 1),
		"strength value": strings.Replace(good, `"threat"`, `"strength"`, 1),
		"entity":         strings.Replace(good, `"kb:ttp"`, `"ttp"`, 1),
		"span":           strings.Replace(good, `"end":5`, `"end":0`, 1),
	} {
		if _, err := ParseGold(strings.NewReader(line), "g"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRun builds a little world: a seed article, a .tsv, a .jsonl and a
// MUC file, with gold sentences in each, and checks the loading, the
// hashes, the assignment of predictions and the skips.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	seeds, data := filepath.Join(dir, "seeds"), filepath.Join(dir, "data")
	seed := "Headline\n\nThe TTP denied the attack. Police blamed the TTP.\n"
	write(t, filepath.Join(seeds, "s.txt"), seed)
	write(t, filepath.Join(data, "set/a.tsv"), "first record\t1\nThe group is based in Kunar. It has 50 fighters.\t0\n")
	write(t, filepath.Join(data, "set/b.jsonl"), `{"doc_id": 1, "doc_text": "riots in the city. the vhp denied it."}`+"\n")
	muc := "DEV-MUC3-0001 (NOSC)\n\n   CITY, 1 JAN 90 -- THE FMLN ATTACKED.  NOTHING ELSE.\n\nDEV-MUC3-0002 (NOSC)\n\n   OTHER TEXT.\n"
	write(t, filepath.Join(data, "muc/dev-muc3-0001-0100"), muc)

	rec := func(id, source, file string, line int, doc, text string, start int) Record {
		return Record{ID: id, Source: source, File: file, Line: line, Doc: doc, Start: start, End: start + len(text), SHA256: Hash(text), Stratum: "seed"}
	}
	s1 := rec("s1", SourceSeed, "s.txt", 0, "", "The TTP denied the attack.", 10)
	s1.Text = "The TTP denied the attack."
	s0 := rec("s0", SourceSeed, "s.txt", 0, "", "Headline", 0)
	s0.Text = "Headline"
	s2 := rec("s2", SourceSeed, "s.txt", 0, "", "Police blamed the TTP.", 37)
	s2.Text = "Police blamed the TTP."
	t1 := rec("t1", SourceDataset, "set/a.tsv", 2, "", "It has 50 fighters.", 29)
	j1 := rec("j1", SourceDataset, "set/b.jsonl", 1, "", "the vhp denied it.", 19)
	mucDoc := MUCDocs(muc)["DEV-MUC3-0001"]
	m1 := rec("m1", SourceDataset, "muc/dev-muc3-0001-0100", 0, "DEV-MUC3-0001", "THE FMLN ATTACKED.", strings.Index(mucDoc, "THE FMLN"))
	m1.Published = "1990-01-01"
	bad := rec("bad", SourceDataset, "set/a.tsv", 1, "", "first recorx", 0)
	gone := rec("gone", SourceDataset, "set/missing.tsv", 1, "", "anything", 0)
	recs := []Record{s0, s1, s2, t1, j1, m1, bad, gone}
	for _, r := range recs {
		if err := r.check(); err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
	}

	var seen []string
	pipe := func(_ context.Context, doc *sitrep.Document) error {
		seen = append(seen, doc.Text[:min(8, len(doc.Text))]+"|"+doc.Published.String())
		// A claim over each "TTP", "FMLN", "fighters" or "vhp" occurrence,
		// and one zero-length claim.
		for _, w := range []string{"TTP", "FMLN", "fighters", "vhp"} {
			for off := 0; ; {
				i := strings.Index(doc.Text[off:], w)
				if i < 0 {
					break
				}
				doc.Claims = append(doc.Claims, sitrep.Claim{Predicate: "threat", Subject: act(w, ""), Start: off + i, End: off + i + len(w)})
				off += i + len(w)
			}
		}
		doc.Claims = append(doc.Claims, sitrep.Claim{Predicate: "threat", Subject: act("zero", ""), Start: 12, End: 12})
		return nil
	}
	l := NewLoader(Roots{Seeds: seeds, Datasets: data})
	units, skipped, rebuilt, err := Run(context.Background(), recs, l, pipe)
	if err != nil {
		t.Fatal(err)
	}
	if len(rebuilt) != 0 {
		t.Errorf("rebuilt %v with the seeds present", rebuilt)
	}
	if len(skipped) != 2 || skipped[0].ID != "bad" || !strings.Contains(skipped[0].Reason, "SHA-256") || skipped[1].ID != "gone" || !strings.HasPrefix(skipped[1].Reason, "absent: ") {
		t.Errorf("skipped %+v", skipped)
	}
	got := map[string][]string{}
	for _, u := range units {
		for _, p := range u.Pred {
			got[u.Record.ID] = append(got[u.Record.ID], p.Subject.Name)
		}
		if u.Text != u.Record.Text && u.Record.Text != "" {
			t.Errorf("%s: text %q", u.Record.ID, u.Text)
		}
	}
	want := map[string]string{"s1": "TTP zero", "s2": "TTP", "t1": "fighters", "j1": "vhp", "m1": "FMLN"}
	for id, w := range want {
		if strings.Join(got[id], " ") != w {
			t.Errorf("%s: predictions %v, want %s", id, got[id], w)
		}
	}
	if len(got["s0"]) != 0 {
		t.Errorf("s0: %v", got["s0"])
	}
	// Documents: the seed, the tsv record, the jsonl record, the MUC text
	// (with its date); the skipped ones not run.
	if len(seen) != 4 || seen[3] != "\n   CITY|1990-01-01" {
		t.Errorf("documents run: %q", seen)
	}

	// Without the seed folder, the seed article is rebuilt from the gold.
	l = NewLoader(Roots{Seeds: filepath.Join(dir, "none"), Datasets: data})
	seen = nil
	units, _, rebuilt, err = Run(context.Background(), recs[:3], l, pipe)
	if err != nil || len(rebuilt) != 1 || len(units) != 3 {
		t.Fatalf("rebuilt run: %v, rebuilt %v, %d units", err, rebuilt, len(units))
	}
	if want := "Headline\n\nThe TTP denied the attack.\nPolice blamed the TTP."; RebuildSeed(recs, "s.txt") != want {
		t.Errorf("rebuilt %q, want %q", RebuildSeed(recs, "s.txt"), want)
	}

	// A pipeline error stops the run, named after the document.
	_, _, _, err = Run(context.Background(), recs[:1], NewLoader(Roots{Seeds: seeds}), func(context.Context, *sitrep.Document) error { return errors.New("boom") })
	if err == nil || !strings.Contains(err.Error(), "s.txt") {
		t.Errorf("pipeline error: %v", err)
	}
}

func TestMUCDocs(t *testing.T) {
	f := "DEV-MUC3-0001 (NOSC)\n\n   A.\n\nTST1-MUC3-0002 (NCCOSC)\r\nB.\n"
	docs := MUCDocs(f)
	if docs["DEV-MUC3-0001"] != "\n   A.\n\n" || docs["TST1-MUC3-0002"] != "B.\n" {
		t.Errorf("MUCDocs: %q", docs)
	}
	if ids := MUCOrder(f); len(ids) != 2 || ids[1] != "TST1-MUC3-0002" {
		t.Errorf("MUCOrder: %v", ids)
	}
}

func TestRecordText(t *testing.T) {
	if s, err := RecordText("a.tsv", "text here\t1\t0\r"); err != nil || s != "text here" {
		t.Errorf("tsv: %q %v", s, err)
	}
	if s, err := RecordText("a.jsonl", `{"text": "t"}`); err != nil || s != "t" {
		t.Errorf("jsonl text: %q %v", s, err)
	}
	if _, err := RecordText("a.jsonl", `{"other": 1}`); err == nil {
		t.Error("jsonl without text: no error")
	}
	if _, err := RecordText("a.txt", "x"); err == nil {
		t.Error("line of a plain file: no error")
	}
}
