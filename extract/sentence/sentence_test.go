package sentence_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/sentence"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files from the current output")

// sentences returns the text of each span Split finds in text, checking
// the span invariants on the way.
func sentences(t *testing.T, text string) []string {
	t.Helper()
	spans := sentence.Split(text)
	if err := checkSpans(text, spans); err != "" {
		t.Fatalf("Split(%q): %s", text, err)
	}
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"empty", "", nil},
		{"only space", " \n\n \t\n", nil},
		{"one sentence", "Militants attacked a checkpoint.", []string{"Militants attacked a checkpoint."}},
		{"no final punctuation", "Militants attacked a checkpoint", []string{"Militants attacked a checkpoint"}},
		{"two sentences", "Militants attacked a checkpoint. Two soldiers died.",
			[]string{"Militants attacked a checkpoint.", "Two soldiers died."}},
		{"trims white space", "  \tMilitants attacked.   Two died.  ",
			[]string{"Militants attacked.", "Two died."}},
		{"question and exclamation", "Who is behind it? Nobody knows! The probe goes on.",
			[]string{"Who is behind it?", "Nobody knows!", "The probe goes on."}},
		{"paragraphs", "First paragraph ends here.\n\nSecond paragraph starts here. It ends here.",
			[]string{"First paragraph ends here.", "Second paragraph starts here.", "It ends here."}},
		{"headline line", "Taliban claim attack on convoy\n\nKABUL — The Taliban said on Sunday they attacked a convoy.",
			[]string{"Taliban claim attack on convoy", "KABUL — The Taliban said on Sunday they attacked a convoy."}},
		{"single line break", "Security was tight\nas the talks opened. Delegates arrived early.",
			[]string{"Security was tight", "as the talks opened.", "Delegates arrived early."}},
		{"crlf", "Talks opened.\r\n\r\nDelegates arrived.\r\n",
			[]string{"Talks opened.", "Delegates arrived."}},
		{"quote ends with comma",
			"“A greater Pak-Afghan border coordination and security cooperation is required in this regard,” the army chief said referring to reports that the militant network has got roots in some parts of loosely-governed Afghanistan.",
			[]string{"“A greater Pak-Afghan border coordination and security cooperation is required in this regard,” the army chief said referring to reports that the militant network has got roots in some parts of loosely-governed Afghanistan."}},
		{"two quoted sentences",
			"“As of now, I can say with confidence that the ISIS only exists in the Middle East,” he said. “It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said while speaking at the United States Institute of Peace in Washington on Thursday.",
			[]string{
				"“As of now, I can say with confidence that the ISIS only exists in the Middle East,” he said.",
				"“It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said while speaking at the United States Institute of Peace in Washington on Thursday.",
			}},
		{"quote of two sentences",
			`"Threat continues to reside across the border. We need to remain vigilant," General Bajwa said.`,
			[]string{`"Threat continues to reside across the border.`, `We need to remain vigilant," General Bajwa said.`}},
		{"title and quote",
			`Gen. Joseph Votel, commander of U.S. Central Command said, "We've been very clear. We will continue." He left.`,
			[]string{`Gen. Joseph Votel, commander of U.S. Central Command said, "We've been very clear.`, `We will continue."`, "He left."}},
		{"month before day",
			"He said the clash alongside the Durand Line on Jan. 20 was that of a small group of militants.",
			[]string{"He said the clash alongside the Durand Line on Jan. 20 was that of a small group of militants."}},
		{"month before sentence", "The office opened in Sept. The staff moved in later.",
			[]string{"The office opened in Sept.", "The staff moved in later."}},
		{"ranks", "Lt. Gen. Asim Bajwa met Maj. Gen. Rahim Khan, Col. Ali and Capt. Noor. Sgt. Ahmed and Brig. Shah stayed.",
			[]string{"Lt. Gen. Asim Bajwa met Maj. Gen. Rahim Khan, Col. Ali and Capt. Noor.", "Sgt. Ahmed and Brig. Shah stayed."}},
		{"honorifics", "Mr. Khan, Mrs. Ali, Ms. Shah, Dr. Abdullah and Prof. Rahman spoke. Sen. Reed and Rep. Smith listened.",
			[]string{"Mr. Khan, Mrs. Ali, Ms. Shah, Dr. Abdullah and Prof. Rahman spoke.", "Sen. Reed and Rep. Smith listened."}},
		{"gov rev st", "Gov. Shah and the Rev. Jones visited St. Mary's church.",
			[]string{"Gov. Shah and the Rev. Jones visited St. Mary's church."}},
		{"us before name", "The U.S. Army and the U.N. Security Council agreed.",
			[]string{"The U.S. Army and the U.N. Security Council agreed."}},
		{"us ends sentence", "He was flown to the U.S. The move angered Islamabad.",
			[]string{"He was flown to the U.S.", "The move angered Islamabad."}},
		{"uk before quote", "He studied in the U.K. “It changed me,” he said.",
			[]string{"He studied in the U.K.", "“It changed me,” he said."}},
		{"us-led", "The U.S.-led coalition withdrew. Troops left.",
			[]string{"The U.S.-led coalition withdrew.", "Troops left."}},
		{"abbreviation inside closing quote", "“They want to go to the U.S.” He shook his head.",
			[]string{"“They want to go to the U.S.”", "He shook his head."}},
		{"company names", "Engro Corp. and Lucky Cement Ltd. gained while Apple Inc. CEO Tim Cook stayed away.",
			[]string{"Engro Corp. and Lucky Cement Ltd. gained while Apple Inc. CEO Tim Cook stayed away."}},
		{"company at end", "The contract went to Habib Construction Co. The bid was lower.",
			[]string{"The contract went to Habib Construction Co.", "The bid was lower."}},
		{"jr sr", "Martin Luther King Jr. Day fell on Monday. He met John Smith Sr. He then left.",
			[]string{"Martin Luther King Jr. Day fell on Monday.", "He met John Smith Sr.", "He then left."}},
		{"number abbreviation", "He was No. 2 in the group. Resolution No. 1267 applies.",
			[]string{"He was No. 2 in the group.", "Resolution No. 1267 applies."}},
		{"months", "Polls moved from Feb. 8 to Aug. 14 and then Oct. 3, Nov. 9 or Dec. 1.",
			[]string{"Polls moved from Feb. 8 to Aug. 14 and then Oct. 3, Nov. 9 or Dec. 1."}},
		{"versus etc e.g. i.e.", "Pakistan vs. India drew crowds, e.g. in Lahore, i.e. the old city, with flags, banners etc. and drums.",
			[]string{"Pakistan vs. India drew crowds, e.g. in Lahore, i.e. the old city, with flags, banners etc. and drums."}},
		{"etc ends sentence", "They seized rifles, grenades, etc. The haul was large.",
			[]string{"They seized rifles, grenades, etc.", "The haul was large."}},
		{"pm before sentence", "The curfew began at 5 p.m. The next day it was lifted.",
			[]string{"The curfew began at 5 p.m.", "The next day it was lifted."}},
		{"pm before name", "The blast happened at 9 a.m. Police sealed the area.",
			[]string{"The blast happened at 9 a.m.", "Police sealed the area."}},
		{"am local time", "It began at 10 a.m. local time and ended at 4 p.m. PST on Friday. At 6 a.m. Monday it resumed.",
			[]string{"It began at 10 a.m. local time and ended at 4 p.m. PST on Friday.", "At 6 a.m. Monday it resumed."}},
		{"pm pakistan time", "Voting closed at 5 p.m. Pakistan Standard Time.",
			[]string{"Voting closed at 5 p.m. Pakistan Standard Time."}},
		{"initials", "George W. Bush met J. K. Rowling and A. Q. Khan. Abu Bakr al-Baghdadi did not.",
			[]string{"George W. Bush met J. K. Rowling and A. Q. Khan.", "Abu Bakr al-Baghdadi did not."}},
		{"dotted initials", "Dr. A.Q. Khan and J.R.R. Tolkien were named.",
			[]string{"Dr. A.Q. Khan and J.R.R. Tolkien were named."}},
		{"initial before starter", "The file was signed by Plan B. The rest is unknown.",
			[]string{"The file was signed by Plan B.", "The rest is unknown."}},
		{"numbers", "The budget rose 3.5 per cent to Rs. 1,000.50 billion. It was 2.4 in 2015.",
			[]string{"The budget rose 3.5 per cent to Rs. 1,000.50 billion.", "It was 2.4 in 2015."}},
		{"number at end", "The toll rose to 25. 10 more were hurt.",
			[]string{"The toll rose to 25.", "10 more were hurt."}},
		{"domain names", "The report appeared on TOLOnews.com. Dawn.com and www.geo.tv ran it too.",
			[]string{"The report appeared on TOLOnews.com.", "Dawn.com and www.geo.tv ran it too."}},
		{"email and url", "Write to desk@example.org. Or see https://example.org/a.b?x=1. It has more.",
			[]string{"Write to desk@example.org.", "Or see https://example.org/a.b?x=1.", "It has more."}},
		{"ellipsis upper", "He paused... Then he spoke. And then… Silence.",
			[]string{"He paused...", "Then he spoke.", "And then…", "Silence."}},
		{"ellipsis lower", "We waited... and waited… and left.",
			[]string{"We waited... and waited… and left."}},
		{"spaced ellipsis", "He said . . . Nothing more. It was . . . odd.",
			[]string{"He said . . .", "Nothing more.", "It was . . . odd."}},
		{"question in quote with attribution", "“Why now?” Interior Minister Chaudhry Nisar asked. “Who benefits?” asked another.",
			[]string{"“Why now?” Interior Minister Chaudhry Nisar asked.", "“Who benefits?” asked another."}},
		{"question in quote then sentence", `"Who benefits?" Nobody answered.`,
			[]string{`"Who benefits?"`, "Nobody answered."}},
		{"period in quote then lower", `"We will win." he said.`,
			[]string{`"We will win." he said.`}},
		{"single quotes", "He said: 'Leave now.' They left. 'Why?' they asked.",
			[]string{"He said: 'Leave now.'", "They left.", "'Why?' they asked."}},
		{"brackets", "(He later resigned.) The party went on. Officials (in Kabul) agreed.",
			[]string{"(He later resigned.)", "The party went on.", "Officials (in Kabul) agreed."}},
		{"pvt ltd", "Siddiq Sons (Pvt.) Ltd. won the tender.",
			[]string{"Siddiq Sons (Pvt.) Ltd. won the tender."}},
		{"dash colon semicolon", "The army said: the raid — the third — had ended; troops withdrew. Calm returned.",
			[]string{"The army said: the raid — the third — had ended; troops withdrew.", "Calm returned."}},
		{"lower case after period", "The rate is 5 pct. of the total.",
			[]string{"The rate is 5 pct. of the total."}},
		{"iphone start", "Sales rose. iPhone shipments doubled.",
			[]string{"Sales rose.", "iPhone shipments doubled."}},
		{"list item", "1. The first demand\n2. The second demand",
			[]string{"1. The first demand", "2. The second demand"}},
		{"urdu", "پاکستان زندہ باد۔ یہ ایک جملہ ہے۔",
			[]string{"پاکستان زندہ باد۔", "یہ ایک جملہ ہے۔"}},
		{"non-latin start", "He wrote in Pashto. په کابل کې برید وشو.",
			[]string{"He wrote in Pashto.", "په کابل کې برید وشو."}},
		{"cjk", "他说。我们走。",
			[]string{"他说。", "我们走。"}},
		{"currency start", "Prices rose. $5 bought less.",
			[]string{"Prices rose.", "$5 bought less."}},
		{"no space after stop", "Pakistan.Afghanistan.India",
			[]string{"Pakistan.Afghanistan.India"}},
		{"repeated marks", "Really?! Yes!!! Fine.",
			[]string{"Really?!", "Yes!!!", "Fine."}},
		{"nbsp between sentences", "Talks ended.\u00a0Delegates left.\u00a0",
			[]string{"Talks ended.", "Delegates left."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(t, tt.input)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q)\n got: %q\nwant: %q", tt.input, got, tt.want)
			}
		})
	}
}

// TestGolden splits each testdata/*.txt and compares the sentences, one a
// line, with testdata/*.golden. Run `go test ./extract/sentence/ -update`
// to rewrite them (the flag goes after the package).
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.txt inputs")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, s := range sentences(t, string(data)) {
				b.WriteString(s)
				b.WriteByte('\n')
			}
			got := b.String()
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("sentences of %s differ from %s\n got:\n%s\nwant:\n%s", in, golden, got, want)
			}
		})
	}
}

func TestSplitInvariants(t *testing.T) {
	inputs := []string{
		"\x00. \x00. A.",
		"\xff\xfe. \xe2\x80. Z",
		".",
		"...",
		". . .",
		"?!\"')",
		"“”‘’«»",
		"\u2028A. B.\u2029C.\u3000D.",
		strings.Repeat("Mr. ", 1000),
		strings.Repeat("a. B? “C.” ", 500),
		benchText,
	}
	for _, in := range inputs {
		if err := checkSpans(in, sentence.Split(in)); err != "" {
			t.Errorf("Split(%.40q…): %s", in, err)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		"Militants attacked a checkpoint. Two soldiers died.",
		"“As of now,” he said. “It has no presence,” Nisar said.",
		"Gen. Votel said, \"We've been clear. We will continue.\" He left.",
		"at 5 p.m. The next day\n\nU.S.-led, TOLOnews.com. 3.5 etc. J. K. Rowling",
		"He paused... Then. . . . “Why?” he asked. (Done.) 他说。我们走。",
		"پاکستان زندہ باد۔ یہ؟ ایک",
		"\xff\xfe\x00.\u00a0A\r\n\r\n",
		benchText,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if err := checkSpans(text, sentence.Split(text)); err != "" {
			t.Fatalf("Split(%q): %s", text, err)
		}
	})
}

// checkSpans returns a description of the first way spans break the
// invariants of Split on text, or "".
func checkSpans(text string, spans []sitrep.Span) string {
	covered := make([]bool, len(text))
	prev := 0
	for i, s := range spans {
		switch {
		case s.Start < 0 || s.End > len(text):
			return "span out of bounds: " + spanString(i, s)
		case s.Start >= s.End:
			return "empty span: " + spanString(i, s)
		case s.Start < prev:
			return "span out of order or overlapping: " + spanString(i, s)
		case strings.Contains(text[s.Start:s.End], "\n"):
			// Stricter than the paragraph rule: no span crosses a line.
			return "span crosses a line break: " + spanString(i, s)
		}
		if r, _ := utf8.DecodeRuneInString(text[s.Start:s.End]); r != utf8.RuneError && unicode.IsSpace(r) {
			return "span starts with white space: " + spanString(i, s)
		}
		if r, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End]); r != utf8.RuneError && unicode.IsSpace(r) {
			return "span ends with white space: " + spanString(i, s)
		}
		for j := s.Start; j < s.End; j++ {
			covered[j] = true
		}
		prev = s.End
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !covered[i] && (r == utf8.RuneError || !unicode.IsSpace(r)) {
			return fmt.Sprintf("character %q at byte %d not covered", text[i:i+size], i)
		}
		i += size
	}
	return ""
}

func spanString(i int, s sitrep.Span) string {
	return fmt.Sprintf("#%d [%d,%d)", i, s.Start, s.End)
}

func BenchmarkSplit(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		sentence.Split(benchText)
	}
}
