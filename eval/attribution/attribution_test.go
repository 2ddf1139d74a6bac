package attribution

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// The texts of these tests and of testdata/mini were written for them.

// span returns the byte span of the n-th (0-based) occurrence of s in
// text; the test fails when there is none.
func span(t *testing.T, text, s string, n int) sitrep.Span {
	t.Helper()
	off := 0
	for {
		i := strings.Index(text[off:], s)
		if i < 0 {
			t.Fatalf("%q not found %d times in %q", s, n+1, text)
		}
		if n == 0 {
			return sitrep.Span{Start: off + i, End: off + i + len(s)}
		}
		n--
		off += i + 1
	}
}

func texts(text string, spans []sitrep.Span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestLoad(t *testing.T) {
	docs, err := Load("testdata/mini", "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "wire_2024-01-01_floods" || docs[1].Name != "wire_2024-01-02_budget" {
		t.Fatalf("documents %+v, want floods and budget in name order", docs)
	}
	d := docs[0]
	if d.Annotator != "bb22" || !reflect.DeepEqual(d.Annotators, []string{"bb22", "cc33"}) {
		t.Errorf("annotator %q of %v, want bb22 (the smallest id) of bb22, cc33", d.Annotator, d.Annotators)
	}
	if d.Published != (sitrep.Date{Year: 2024, Month: 1, Day: 1}) || !docs[1].Published.IsZero() {
		t.Errorf("published %v and %v, want 2024-01-01 and none (metadata says None)", d.Published, docs[1].Published)
	}
	if len(docs[1].Gold) != 0 {
		t.Errorf("empty annotation file gave %d attributions", len(docs[1].Gold))
	}
	type want struct {
		content, source, cue []string
		direct               bool
	}
	wants := []want{
		{[]string{"Floods close mountain pass"}, []string{"officials"}, []string{"say"}, false},
		{[]string{"“The road will stay shut until Friday,”"}, []string{"Amélie Durand, a spokeswoman for the highway authority,"}, []string{"said"}, true},
		{[]string{"that crews were clearing débris"}, []string{"She"}, []string{"added"}, false},
		{[]string{"they had been warned too late"}, []string{"Residents"}, []string{"said"}, false},
		{[]string{`"We had no time,"`, `"The water came at night."`}, []string{"one farmer"}, []string{"told"}, true},
		{[]string{"more rain will fall"}, nil, []string{"feared"}, false},
	}
	if len(d.Gold) != len(wants) {
		t.Fatalf("%d attributions, want %d: %+v", len(d.Gold), len(wants), d.Gold)
	}
	for i, w := range wants {
		g := d.Gold[i]
		got := want{texts(d.Text, g.Content), texts(d.Text, g.Source), texts(d.Text, g.Cue), g.Direct}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("attribution %s: %+v, want %+v", g.ID, got, w)
		}
	}
	if _, err := Load("testdata/mini", "test"); err == nil {
		t.Error("a missing split loaded without error")
	}
	// data/ itself is accepted as the folder.
	if docs, err := Load("testdata/mini/data", "dev"); err != nil || len(docs) != 2 {
		t.Errorf("Load(data/): %d documents, %v", len(docs), err)
	}
}

func TestReadBrat(t *testing.T) {
	// Code points: "Ünal" is 4 code points, 5 bytes.
	text := "Ünal said “yes” and then “no”."
	for _, tc := range []struct {
		name, ann string
		want      [][]string // per attribution: content, then source
		err       string
	}{
		{"roles in any order, Content2, missing source",
			"T1\tSource 0 4\tÜnal\nT2\tContent 10 15\t“yes”\nT3\tContent 25 29\t“no”\nT4\tCue 5 9\tsaid\n" +
				"E1\tAttribution:T4 Content2:T3 Source:T1 Cue:T4 Content:T2\nE2\tAttribution-no-source:T4 Cue:T4 Content:T3 \n",
			[][]string{{"“no”", "“yes”", "|", "Ünal"}, {"“no”", "|"}}, ""},
		{"event without content, other lines and continuation lines ignored",
			"#1\tAnnotatorNotes T1\tnote\nT1\tDiscuss 0 9\tÜnal\nsaid\nE1\tAttribution-no-source:T1 \n\nA1\tNegated E1\n",
			nil, ""},
		{"discontinuous", "T1\tContent 10 15;25 29\t“yes” “no”\nE1\tAttribution:T1 Content:T1\n",
			[][]string{{"“yes”", "“no”", "|"}}, ""},
		{"offset past the end", "T1\tContent 10 99\tx\n", nil, "bad offsets"},
		{"undefined reference", "E1\tAttribution:T1 Content:T7\n", nil, "T7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadBrat(strings.NewReader(tc.ann), text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("error %v, want one naming %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var g [][]string
			for _, a := range got {
				row := append(texts(text, a.Content), "|")
				g = append(g, append(row, texts(text, a.Source)...))
			}
			if !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestQuotedRegions(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{`He said "go" and "stay".`, []string{`"go"`, `"stay"`}},
		{"“One,” she said, “two.”", []string{"“One,”", "“two.”"}},
		// A quote continued over paragraphs opens again and never closes
		// until its last paragraph.
		{"“First part of it.\n\n“Second part,” he said.", []string{"“First part of it.", "“Second part,”"}},
		// A stray closing mark is ignored; a straight mark left open ends
		// with its paragraph.
		{"oops” then \"open\n\nnext", []string{"\"open"}},
		{"no quotes at all", nil},
	} {
		got := texts(tc.text, QuotedRegions(tc.text))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("QuotedRegions(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestIsDirect(t *testing.T) {
	text := "Officials said “the bridge is safe” but engineers disagreed."
	q := QuotedRegions(text)
	for _, tc := range []struct {
		content string
		want    bool
	}{
		{"“the bridge is safe”", true},
		{"the bridge is safe", true},
		{"said “the bridge is safe” but", true},  // 7 of 28 non-space bytes unquoted
		{"safe” but engineers disagreed", false}, // 7 of 29 quoted
		{"engineers disagreed", false},
		{" ", false},
	} {
		if got := IsDirect(text, []sitrep.Span{span(t, text, tc.content, 0)}, q); got != tc.want {
			t.Errorf("IsDirect(%q) = %v, want %v", tc.content, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	text := "“Yes — we will,” he said; ‘then’ …"
	for _, tc := range []struct {
		frags []string
		want  []string
	}{
		{[]string{"“Yes — we will,”"}, []string{"Yes — we will"}},
		{[]string{" he said; "}, []string{"he said"}},
		{[]string{"‘then’"}, []string{"then"}},
		{[]string{"…"}, []string{"…"}}, // an ellipsis is not trimmed
		{[]string{",” "}, nil},
		// Sorted, and merged where they touch or overlap.
		{[]string{"he said", "we will,” "}, []string{"we will", "he said"}},
		{[]string{"he sa", "id"}, []string{"he said"}},
		{[]string{"Yes — we", "we will"}, []string{"Yes — we will"}},
	} {
		var frags []sitrep.Span
		for _, f := range tc.frags {
			frags = append(frags, span(t, text, f, 0))
		}
		if got := texts(text, Normalize(text, frags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Normalize(%q) = %q, want %q", tc.frags, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	text := "“We will rebuild the school,” said Sara Okafor, the mayor. She added that funds were ready.\n\n" +
		"The council said it would meet on Friday. Repairs may take a year, it is feared."
	sp := func(s string, n int) sitrep.Span { return span(t, text, s, n) }
	gold := []Attribution{
		{ID: "E1", Content: []sitrep.Span{sp("“We will rebuild the school,”", 0)}, Source: []sitrep.Span{sp("Sara Okafor, the mayor", 0)}, Cue: []sitrep.Span{sp("said", 0)}},
		{ID: "E2", Content: []sitrep.Span{sp("that funds were ready", 0)}, Source: []sitrep.Span{sp("She", 0)}, Cue: []sitrep.Span{sp("added", 0)}},
		{ID: "E3", Content: []sitrep.Span{sp("it would meet on Friday", 0)}, Source: []sitrep.Span{sp("The council", 0)}, Cue: []sitrep.Span{sp("said", 1)}},
		{ID: "E4", Content: []sitrep.Span{sp("Repairs may take a year", 0)}, Cue: []sitrep.Span{sp("is feared", 0)}},
	}
	q := QuotedRegions(text)
	for i := range gold {
		gold[i].Direct = IsDirect(text, gold[i].Content, q)
	}
	if !gold[0].Direct || gold[1].Direct || gold[2].Direct || gold[3].Direct {
		t.Fatalf("direct flags %v %v %v %v, want only E1", gold[0].Direct, gold[1].Direct, gold[2].Direct, gold[3].Direct)
	}
	quote := func(content string, n int, speaker, cue string, direct bool) sitrep.Quote {
		c := sp(content, n)
		qt := sitrep.Quote{Start: c.Start, End: c.End, Direct: direct, Text: content}
		if speaker != "" {
			s := sp(speaker, 0)
			qt.Speaker.Text, qt.Speaker.Start, qt.Speaker.End = speaker, s.Start, s.End
		}
		if cue != "" {
			s := sp(cue, 0)
			qt.Cue, qt.CueStart, qt.CueEnd = cue, s.Start, s.End
		}
		return qt
	}
	for _, tc := range []struct {
		name        string
		pred        []sitrep.Quote
		direct, all Counts
		errors      []string // kind:gold id or kind:predicted text
	}{
		{name: "nothing predicted",
			direct: Counts{Gold: 1}, all: Counts{Gold: 4},
			errors: []string{"missed:E1", "missed:E2", "missed:E3", "missed:E4"}},
		{name: "all right, marks and the comma left out, 'that' kept",
			pred: []sitrep.Quote{
				quote("We will rebuild the school", 0, "Sara Okafor", "said", true),
				quote("that funds were ready", 0, "She", "added", false),
				quote("it would meet on Friday", 0, "council", "said", false),
				quote("Repairs may take a year", 0, "", "feared", false),
			},
			direct: Counts{Gold: 1, Pred: 1, ContentExact: 1, ContentOverlap: 1, SourceExact: 1, SourceOverlap: 1, CuePairs: 1, CueCorrect: 1},
			// The "said" of the third quote is the first one in the text:
			// not the gold cue.
			all: Counts{Gold: 4, Pred: 4, ContentExact: 4, ContentOverlap: 4, SourceExact: 4, SourceOverlap: 4, CuePairs: 4, CueCorrect: 3}},
		{name: "content without 'that' overlaps only; a speaker where gold has none is wrong",
			pred: []sitrep.Quote{
				quote("funds were ready", 0, "She", "added", false),
				quote("Repairs may take a year", 0, "it", "feared", false),
			},
			direct: Counts{Gold: 1},
			all:    Counts{Gold: 4, Pred: 2, ContentExact: 1, ContentOverlap: 2, SourceOverlap: 1, CuePairs: 2, CueCorrect: 2},
			errors: []string{"missed:E1", "missed:E3", "source:E4"}},
		{name: "direct quote predicted indirect: matched in all, not in direct",
			pred:   []sitrep.Quote{quote("“We will rebuild the school,”", 0, "She", "", false)},
			direct: Counts{Gold: 1},
			all:    Counts{Gold: 4, Pred: 1, ContentExact: 1, ContentOverlap: 1, CuePairs: 1},
			errors: []string{"source:E1", "missed:E2", "missed:E3", "missed:E4"}},
		{name: "one prediction over two gold: one-to-one, largest overlap wins",
			pred: []sitrep.Quote{
				quote("She added that funds were ready.\n\nThe council said it would meet", 0, "The council", "", false),
				quote("added", 0, "", "", false),
			},
			direct: Counts{Gold: 1},
			all:    Counts{Gold: 4, Pred: 2, ContentOverlap: 1, CuePairs: 1},
			errors: []string{"missed:E1", "source:E2", "missed:E3", "missed:E4", "spurious:added"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Score(text, gold, FromQuotes(tc.pred))
			if res.Direct != tc.direct {
				t.Errorf("direct %+v, want %+v", res.Direct, tc.direct)
			}
			if res.All != tc.all {
				t.Errorf("all %+v, want %+v", res.All, tc.all)
			}
			var errs []string
			for _, e := range res.Errors {
				if e.Gold != nil {
					errs = append(errs, e.Kind+":"+e.Gold.ID)
				} else {
					errs = append(errs, e.Kind+":"+strings.Join(texts(text, e.Pred.Content), "|"))
				}
			}
			if !reflect.DeepEqual(errs, tc.errors) {
				t.Errorf("errors %q, want %q", errs, tc.errors)
			}
		})
	}
}

func TestFromQuote(t *testing.T) {
	q := sitrep.Quote{Start: 3, End: 40, Parts: []sitrep.Span{{Start: 3, End: 10}, {Start: 30, End: 40}}, Direct: true, CueStart: 12, CueEnd: 16}
	q.Speaker.Start, q.Speaker.End = 17, 22
	p := FromQuote(q)
	want := Prediction{Content: q.Parts, Source: sitrep.Span{Start: 17, End: 22}, HasSource: true, Cue: sitrep.Span{Start: 12, End: 16}, Direct: true}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("FromQuote = %+v, want %+v", p, want)
	}
	q.Parts, q.Speaker = nil, sitrep.Speaker{Text: "officials"}
	p = FromQuote(q)
	if !reflect.DeepEqual(p.Content, []sitrep.Span{{Start: 3, End: 40}}) || !p.HasSource {
		t.Errorf("without parts: content %v, has source %v; want [3,40) and a speaker (it has text)", p.Content, p.HasSource)
	}
}

func TestPRF(t *testing.T) {
	c := Counts{Gold: 4, Pred: 2}
	if got := c.PRF(1); got.P != 0.5 || got.R != 0.25 || got.F1 < 0.3333 || got.F1 > 0.3334 {
		t.Errorf("PRF = %+v, want P 0.5, R 0.25, F1 1/3", got)
	}
	if got := (Counts{}).PRF(0); got != (PRF{}) {
		t.Errorf("empty PRF = %+v, want zeros", got)
	}
}
