package entity_test

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/entity"
	"github.com/sitrep-project/sitrep/kb"
)

func resolver(t testing.TB) *entity.Resolver {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	return entity.New(k, nil, nil)
}

// mentionOf returns the entity ID of the mention with this text (the
// n-th such mention, 0-based), or "".
func mentionOf(doc *sitrep.Document, text string, n int) string {
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Text == text {
				if n == 0 {
					return e.ID
				}
				n--
			}
		}
	}
	return ""
}

func TestResolve(t *testing.T) {
	r := resolver(t)
	type want struct {
		text string
		n    int
		id   string
	}
	tests := []struct {
		name      string
		text      string
		published sitrep.Date
		want      []want
	}{
		{"aliases of one group", "Daesh, also called ISIS or the Islamic State, and Da’esh.", sitrep.Date{},
			[]want{{"Daesh", 0, "kb:islamic-state"}, {"ISIS", 0, "kb:islamic-state"}, {"Islamic State", 0, "kb:islamic-state"}, {"Da’esh", 0, "kb:islamic-state"}}},
		{"branch is not its parent", "Islamic State Khorasan (ISIS-K) is a branch of the Islamic State. ISIS-K attacked.", sitrep.Date{},
			[]want{{"Islamic State Khorasan", 0, "kb:iskp"}, {"ISIS-K", 0, "kb:iskp"}, {"ISIS-K", 1, "kb:iskp"}, {"Islamic State", 0, "kb:islamic-state"}}},
		{"Pakistani Taliban are the TTP", "The Pakistani Taliban and the Afghan Taliban differ; the Taliban rule Kabul.", sitrep.Date{},
			[]want{{"Pakistani Taliban", 0, "kb:ttp"}, {"Afghan Taliban", 0, "kb:afghan-taliban"}, {"Taliban", 0, "kb:afghan-taliban"}}},
		{"a generic ministry name is the country's the document is about",
			"The Foreign Office said Pakistan would not join the coalition.", sitrep.Date{},
			[]want{{"Foreign Office", 0, "kb:pakistan-foreign-office"}}},
		{"not another country's",
			"The Foreign Office in London condemned the attack in Syria.", sitrep.Date{},
			[]want{{"Foreign Office", 0, "auto:organization:foreign-office"}}},
		{"a name that says its country",
			"The Pakistan Foreign Office spoke about Syria.", sitrep.Date{},
			[]want{{"Pakistan Foreign Office", 0, "kb:pakistan-foreign-office"}}},
		{"transliterations", "Tehreek-e-Taliban Pakistan, Tehrik-i-Taliban Pakistan and Tehrik Taliban Pakistan.", sitrep.Date{},
			[]want{{"Tehreek-e-Taliban Pakistan", 0, "kb:ttp"}, {"Tehrik-i-Taliban Pakistan", 0, "kb:ttp"}, {"Tehrik Taliban Pakistan", 0, "kb:ttp"}}},
		{"shared surname goes to the most recent person", "Foreign Secretary Aizaz Ahmad Chaudhry spoke. Chaudhry said more. Interior Minister Chaudhry Nisar disagreed.", sitrep.Date{},
			[]want{{"Aizaz Ahmad Chaudhry", 0, "kb:aizaz-ahmad-chaudhry"}, {"Chaudhry", 0, "kb:aizaz-ahmad-chaudhry"}, {"Chaudhry Nisar", 0, "kb:chaudhry-nisar-ali-khan"}}},
		{"role phrase after the name", "General Qamar Javed Bajwa spoke to elders. The army chief said the threat was real.", sitrep.Date{},
			[]want{{"Qamar Javed Bajwa", 0, "kb:qamar-javed-bajwa"}, {"army chief", 0, "kb:qamar-javed-bajwa"}}},
		{"role phrase resolved by date and country", "Pakistan's army chief visited Kabul.", sitrep.Date{Year: 2017, Month: 6, Day: 26},
			[]want{{"army chief", 0, "kb:qamar-javed-bajwa"}}},
		{"role phrase by date after his term", "Pakistan's army chief visited Kabul.", sitrep.Date{Year: 2024, Month: 1, Day: 1},
			[]want{{"army chief", 0, "kb:asim-munir"}}},
		{"no date, no calendar resolution", "Pakistan's army chief visited Kabul.", sitrep.Date{},
			[]want{{"army chief", 0, ""}}},
		{"spelling variant and OCR typo", "Zabiullah Mujahid told T0LOnews. Mujahid added more.", sitrep.Date{},
			[]want{{"Zabiullah Mujahid", 0, "kb:zabihullah-mujahid"}, {"T0LOnews", 0, "kb:tolonews"}, {"Mujahid", 0, "kb:zabihullah-mujahid"}}},
		{"acronym defined by initials", "The Counter Terrorism Unit (CTU) arrested two men. The CTU said so.", sitrep.Date{},
			[]want{{"CTU", 0, "auto:organization:counter-terrorism-unit"}, {"CTU", 1, "auto:organization:counter-terrorism-unit"}}},
		{"lower-case words are not outlet names", "the news came from dawn raids", sitrep.Date{},
			[]want{{"news", 0, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &sitrep.Document{Text: tt.text, Published: tt.published}
			r.Resolve(doc)
			for _, w := range tt.want {
				if got := mentionOf(doc, w.text, w.n); got != w.id {
					t.Errorf("%q #%d: got %q, want %q", w.text, w.n, got, w.id)
				}
			}
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					if tt.text[m.Start:m.End] != m.Text {
						t.Errorf("span %d:%d is %q, mention says %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
					}
				}
			}
		})
	}
}

func TestEntityFields(t *testing.T) {
	r := resolver(t)
	doc := &sitrep.Document{Text: "ISKP claimed the attack, Amaq said."}
	r.Resolve(doc)
	var iskp *sitrep.Entity
	for i := range doc.Entities {
		if doc.Entities[i].ID == "kb:iskp" {
			iskp = &doc.Entities[i]
		}
	}
	if iskp == nil {
		t.Fatalf("no ISKP in %+v", doc.Entities)
	}
	if iskp.Name != "Islamic State Khorasan Province" || iskp.Type != "organization" || iskp.Subtype != "armed_group" {
		t.Errorf("fields: %+v", iskp)
	}
	ok := false
	for _, rel := range iskp.Relations {
		if rel.Type == "branch_of" && rel.Target == "kb:islamic-state" && rel.Name == "Islamic State" && strings.HasPrefix(rel.Years, "2015") {
			ok = true
		}
	}
	if !ok {
		t.Errorf("relations: %+v", iskp.Relations)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add("Islamic State Khorasan (ISIS-K) and the army chief. Mujahid (TTP) [Daesh]")
	f.Add("((([[[ )]( ISIS-K) (")
	r := resolver(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := &sitrep.Document{Text: text, Published: sitrep.Date{Year: 2020, Month: 1, Day: 1}}
		r.Resolve(doc)
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
	})
}

func BenchmarkResolve(b *testing.B) {
	r := resolver(b)
	text := strings.Repeat("Foreign Secretary Aizaz Ahmad Chaudhry said the government is on alert to the IS threat in the region, while Daesh and the Pakistani Taliban (TTP) were discussed in Islamabad. The army chief and Zabihullah Mujahid of the Islamic Emirate spoke to TOLOnews. ", 20)
	b.SetBytes(int64(len(text)))
	words := len(strings.Fields(text))
	b.ResetTimer()
	for b.Loop() {
		doc := &sitrep.Document{Text: text}
		r.Resolve(doc)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestDecisions(t *testing.T) {
	path := t.TempDir() + "/decisions.txt"
	os.WriteFile(path, []byte("# corrections\nnot T0LOnews kb:tolonews\nsame auto:organization:counter-terrorism-unit kb:ctd\n"), 0o644)
	d, err := entity.LoadDecisions(path)
	if err != nil {
		t.Fatal(err)
	}
	r := resolver(t)
	r.Decisions = d
	doc := &sitrep.Document{Text: "Mujahid told T0LOnews. The Counter Terrorism Unit (CTU) acted."}
	r.Resolve(doc)
	if got := mentionOf(doc, "T0LOnews", 0); got == "kb:tolonews" {
		t.Errorf("T0LOnews still tied to kb:tolonews")
	}
	if got := mentionOf(doc, "CTU", 0); got != "kb:ctd" {
		t.Errorf("CTU: got %q, want kb:ctd", got)
	}
	if _, err := entity.LoadDecisions(t.TempDir() + "/missing"); err == nil {
		t.Error("missing file: no error")
	}
	bad := t.TempDir() + "/bad.txt"
	os.WriteFile(bad, []byte("merge a b c d\n"), 0o644)
	if _, err := entity.LoadDecisions(bad); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("bad line: %v", err)
	}
}

// stubTagger returns fixed mentions: the spans of the given texts.
type stubTagger map[string]string // text -> type

func (s stubTagger) Tag(text string) []entity.Mention {
	var out []entity.Mention
	for w, typ := range s {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			out = append(out, entity.Mention{Start: i + j, End: i + j + len(w), Text: w, Type: typ})
			i += j + len(w)
		}
	}
	return out
}

func TestLongerNamesAndCountries(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := entity.New(k, stubTagger{"Latin America": "location", "US Navy": "organization", "Michael Jordan": "person"}, nil)
	text := "Latin America and the US Navy; the UAE, El Salvador and Salvadorans; Michael Jordan visited Jordan and the US."
	doc := &sitrep.Document{Text: text}
	r.Resolve(doc)
	for _, w := range []struct{ text, id string }{
		{"Latin America", "auto:location:latin-america"},
		{"US Navy", "auto:organization:us-navy"},
		{"UAE", "kb:united-arab-emirates"},
		{"El Salvador", "kb:el-salvador"},
		{"Salvadorans", "kb:salvadoran-people"},
		{"Michael Jordan", "auto:person:michael-jordan"},
		{"Jordan", "kb:jordan"},
		{"US", "kb:united-states"},
	} {
		if got := mentionOf(doc, w.text, 0); got != w.id {
			t.Errorf("%q: got %q, want %q", w.text, got, w.id)
		}
	}
}
