package tagger

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func tokenTexts(text string) []string {
	var out []string
	for _, t := range Tokenize(text) {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Tehrik-i-Taliban Pakistan (TTP) said.", []string{"Tehrik-i-Taliban", "Pakistan", "(", "TTP", ")", "said", "."}},
		{"the army’s chief, Gen. Bajwa", []string{"the", "army", "’s", "chief", ",", "Gen.", "Bajwa"}},
		{"Pakistan's U.S. envoy", []string{"Pakistan", "'s", "U.S.", "envoy"}},
		{"“Afghan” troops", []string{"“", "Afghan", "”", "troops"}},
		{"O'Brien don't 1,000 3.5 end.", []string{"O'Brien", "don't", "1,000", "3.5", "end", "."}},
		{"J. Smith and AT&T", []string{"J.", "Smith", "and", "AT&T"}},
		{"Lashkar-e-Taiba's men", []string{"Lashkar-e-Taiba", "'s", "men"}},
		{"soldiers' families", []string{"soldiers", "'", "families"}},
	}
	for _, c := range cases {
		if got := tokenTexts(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "  Qamar\u00a0Javed Bajwa’s “visit” to Kurram\n\nAgency—near the Durand Line... é"
	prev := 0
	for _, tk := range Tokenize(text) {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("bad token %v after %d", tk, prev)
		}
		if !utf8.ValidString(text[tk.Start:tk.End]) || strings.TrimSpace(text[tk.Start:tk.End]) != text[tk.Start:tk.End] {
			t.Errorf("token %q not a clean slice", text[tk.Start:tk.End])
		}
		prev = tk.End
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Gen. Bajwa met Mr. Khan in Kabul. Then he left! He said so\nNew line here."
	var got []string
	toks := Tokenize(text)
	for _, s := range SplitSentences(text, toks) {
		got = append(got, text[s[0].Start:s[len(s)-1].End])
	}
	want := []string{"Gen. Bajwa met Mr. Khan in Kabul.", "Then he left!", "He said so", "New line here."}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

func mustDefault(t testing.TB) *Tagger {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func has(ms []Mention, text, typ string) bool {
	for _, m := range ms {
		if m.Text == text && m.Type == typ {
			return true
		}
	}
	return false
}

func TestTagSeeds(t *testing.T) {
	tg := mustDefault(t)
	cases := []struct {
		text string
		want [][2]string // text, type
	}{
		{"General Qamar Javed Bajwa said while addressing the tribesmen on Friday in northwestern Kurram Agency near Afghan border.",
			[][2]string{{"Qamar Javed Bajwa", Person}, {"Kurram Agency", Location}, {"Afghan", NORP}}},
		{"The Pakistani army said on Tuesday that its troops had killed five militants in North Waziristan.",
			[][2]string{{"Pakistani", NORP}, {"North Waziristan", Location}}},
		{"Taliban spokesman Zabihullah Mujahid said the talks in Doha would resume next week.",
			[][2]string{{"Zabihullah Mujahid", Person}, {"Doha", Location}}},
		{"Officials in Islamabad said the United Nations had sent a team to Balochistan.",
			[][2]string{{"Islamabad", Location}, {"United Nations", Organization}, {"Balochistan", Location}}},
	}
	for _, c := range cases {
		ms := tg.Tag(c.text)
		for _, w := range c.want {
			if !has(ms, w[0], w[1]) {
				t.Errorf("Tag(%q) = %+v, want %s %q", c.text, ms, w[1], w[0])
			}
		}
		for _, m := range ms {
			if m.Text == "General" || strings.HasPrefix(m.Text, "General ") {
				t.Errorf("title in mention %+v", m)
			}
		}
	}
}

func checkMentions(t *testing.T, text string, ms []Mention) {
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention %+v (previous end %d) in %q", m, prev, text)
		}
		switch m.Type {
		case Person, Organization, Location, NORP:
		default:
			t.Fatalf("bad type %+v", m)
		}
		prev = m.End
	}
}

func TestTagEdgeCases(t *testing.T) {
	tg := mustDefault(t)
	for _, s := range []string{"", " ", ".", "\n\n", "a", "Ahmed", "’s", "---", strings.Repeat("Khan ", 1000), "\xff\xfe Kabul"} {
		checkMentions(t, s, tg.Tag(s))
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	tg := mustDefault(t)
	var buf bytes.Buffer
	if err := tg.Model().Save(&buf); err != nil {
		t.Fatal(err)
	}
	m, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	text := "Islamic State Khorasan claimed the attack in Jalalabad, the Afghan interior ministry said."
	if a, b := tg.Tag(text), New(m).Tag(text); !slices.Equal(a, b) {
		t.Errorf("reloaded model differs: %v vs %v", a, b)
	}
	if _, err := Load(bytes.NewReader([]byte("junk"))); err == nil {
		t.Error("Load accepted junk")
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	m, err := Load(bytes.NewReader(embedded))
	if err != nil || m == nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("model load took %s", d)
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"General Qamar Javed Bajwa said", "Tehrik-i-Taliban Pakistan’s chief", "U.S. envoy", "a.b.c. 'x' “y”"} {
		f.Add(s)
	}
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMentions(t, s, tg.Tag(s))
	})
}

const benchText = `Pakistan's army chief General Qamar Javed Bajwa said on Friday that security forces had cleared the Kurram Agency of militants belonging to Tehrik-i-Taliban Pakistan. Zabihullah Mujahid, the spokesman of the Afghan Taliban, denied that Islamic State Khorasan fighters were operating from Nangarhar province. Shia Muslims in Parachinar protested outside the offices of the political administration, demanding protection. The Balochistan government said Lashkar-e-Taiba had no presence in Quetta.
`

func BenchmarkTag(b *testing.B) {
	tg := mustDefault(b)
	text := strings.Repeat(benchText, 20)
	n := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		tg.Tag(text)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagReuters tags the first 1,000 bodies of Reuters-21578, read
// in place beside the repository: varied text, so that the model's table
// is not all in the cache as it is for BenchmarkTag.
func BenchmarkTagReuters(b *testing.B) {
	const path = "../../../../shared/datasets/reuters21578/json-data/reut2-000.json"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("Reuters-21578 not found at %s (the shared data sets sit beside the repository): %v", path, err)
	}
	var recs []struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		b.Fatal(err)
	}
	tg := mustDefault(b)
	var bodies []string
	n, size := 0, 0
	for _, r := range recs[:min(1000, len(recs))] {
		bodies = append(bodies, r.Body)
		n += len(Tokenize(r.Body))
		size += len(r.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			tg.Tag(body)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDatasetsAvailable(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "datasets", "gmb-kaggle-sample")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared datasets not found at %s: skipping", dir)
	}
}

func TestTidy(t *testing.T) {
	tests := []struct {
		text, typ      string
		want, wantType string // want "" = dropped
	}{
		{"Mr Kato", Person, "Kato", Person},
		{"Gen Prawit", Organization, "Prawit", Person},
		{"President Ruto", Person, "Ruto", Person},
		{"President Hotel", Organization, "President Hotel", Organization},
		{"Minister of Health", Person, "", ""},
		{"Government", Organization, "", ""},
		{"CEO", Organization, "", ""},
		{"Moreover", Location, "", ""},
		{"Kato", Person, "Kato", Person},
		{"Mr", Person, "", ""},
		{"His Highness", Organization, "", ""},
		{"Imam", Organization, "", ""},
		{"First Lady", Person, "", ""},
		{"First Bank", Organization, "First Bank", Organization},
	}
	for _, tt := range tests {
		m, ok := tidy(tt.text, Tokenize(tt.text), tt.typ)
		got, gotType := "", ""
		if ok {
			got, gotType = m.Text, m.Type
		}
		if got != tt.want || gotType != tt.wantType {
			t.Errorf("tidy(%q, %s) = %q %s, want %q %s", tt.text, tt.typ, got, gotType, tt.want, tt.wantType)
		}
	}
}
