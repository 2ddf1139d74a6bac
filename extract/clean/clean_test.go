package clean_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/extract/clean"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden cleans each testdata/*.txt and compares the result with
// testdata/*.golden.json. Run "go test ./extract/clean -update" to accept
// new output after reviewing the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res := clean.Clean(string(in), clean.Options{})
			got, _ := json.MarshalIndent(res, "", "  ")
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("output differs from %s:\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestClean checks named behaviours on small inputs.
func TestClean(t *testing.T) {
	body1 := "The army said on Monday that its forces had killed several militants during an operation in the district, and that the search was continuing."
	body2 := "Officials said the attack was the deadliest in the province this year, and that the security of the main roads would be tightened at once."
	tests := []struct {
		name       string
		in         string
		title      string
		wantTitle  string
		authors    []string
		published  string
		dateline   string
		outlet     string
		wantParas  int
		contains   []string
		notContain []string
		reasons    map[string]string // removed text -> reason
	}{
		{
			name:      "byline dateline and date line become metadata",
			in:        "By Aamir Latif\n\nKARACHI, Pakistan\n\nFriday, June 21, 2024\n\n" + body1 + "\n\n" + body2,
			authors:   []string{"Aamir Latif"},
			published: "2024-06-21",
			dateline:  "KARACHI, Pakistan",
			wantParas: 2,
			reasons:   map[string]string{"By Aamir Latif": "byline", "KARACHI, Pakistan": "dateline", "Friday, June 21, 2024": "date"},
		},
		{
			name:      "wire credit line gives authors but not editors",
			in:        body1 + "\n" + body2 + "\nReporting by Gibran Peshimam; Editing by Mike Collett-White",
			authors:   []string{"Gibran Peshimam"},
			wantParas: 2,
		},
		{
			name:       "share strip ticker and widget removed",
			in:         "AGL40▼ -0.01 (0.00%)AIRLINK199▲ 11.02 (0.06%)BOP10.22▲ 0.1 (0.01%)CNERGY7.26▲ 0.15 (0.02%)\nShare\nTweet\nWhatsApp\n[tta_listen_btn]\n" + body1 + "\n" + body2,
			wantParas:  2,
			notContain: []string{"AGL40", "Tweet", "tta_listen"},
			reasons:    map[string]string{"Tweet": "share", "[tta_listen_btn]": "widget"},
		},
		{
			name:      "outlet credit closing the last paragraph",
			in:        body1 + "\n\n" + body2 + "—Tolonews",
			outlet:    "Tolonews",
			wantParas: 2,
			contains:  []string{"at once."},
			reasons:   map[string]string{"—Tolonews": "outlet"},
		},
		{
			name:      "inline dateline with agency",
			in:        "KABUL, Afghanistan (AP) — " + body1 + "\n" + body2,
			dateline:  "KABUL, Afghanistan",
			outlet:    "AP",
			wantParas: 2,
			contains:  []string{"The army said"},
		},
		{
			name:      "broken paragraph is repaired",
			in:        "The meeting was chaired by the head of the powerful\n\nInter-Services Intelligence agency, who briefed the committee on the threat.\n\n" + body2,
			wantParas: 2,
			contains:  []string{"the powerful Inter-Services Intelligence"},
		},
		{
			name:      "subheading inside the article stays",
			in:        body1 + "\nA new front in the north\n" + body2,
			wantParas: 3,
			contains:  []string{"A new front in the north"},
		},
		{
			name:       "comments section after the article is removed",
			in:         body1 + "\n" + body2 + "\nLeave a Comment\nThis is a long reader comment that says the government should have done much more to protect the people of the province.",
			wantParas:  2,
			notContain: []string{"reader comment"},
		},
		{
			name:       "newsletter and related blocks removed",
			in:         body1 + "\n" + body2 + "\nRelated Posts\nFive killed in blast in Quetta\nArmy chief visits troops\nGet Alerts\nSign up for our newsletter to get the latest news delivered to your inbox.",
			wantParas:  2,
			notContain: []string{"Quetta", "newsletter"},
		},
		{
			name:       "author bio and disclaimer removed",
			in:         body1 + "\n" + body2 + "\nJane Doe is a senior correspondent covering South Asia for the paper.\nThe views expressed in this article are the author's own and do not necessarily reflect the editorial policy.",
			wantParas:  2,
			notContain: []string{"senior correspondent", "views expressed"},
		},
		{
			name:      "headline before the body becomes the title",
			in:        "Home\nWorld\nKabul: We do not seek joint operations against Daesh\n" + body1 + "\n" + body2,
			wantTitle: "Kabul: We do not seek joint operations against Daesh",
			wantParas: 2,
		},
		{
			name:      "known title line is taken out",
			in:        "Army kills militants in raid\n" + body1 + "\n" + body2,
			title:     "Army kills militants in raid",
			wantTitle: "Army kills militants in raid",
			wantParas: 2,
			reasons:   map[string]string{"Army kills militants in raid": "title"},
		},
		{
			name:      "transcript label is not a dateline",
			in:        "QUESTION: " + body1 + "\n" + body2,
			wantParas: 2,
			contains:  []string{"QUESTION: The army"},
		},
		{
			name:      "date without year is not a date line",
			in:        "June 21\n" + body1 + "\n" + body2,
			wantParas: 2,
		},
		{
			name:      "hard-wrapped newswire is unwrapped",
			in:        "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming harvest,\nalthough normal humidity levels have not been restored,\nthe exporter said in its weekly review.\n    The dry period means the harvest will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.",
			wantParas: 3,
			contains:  []string{"week in the cocoa zone"},
		},
		{
			name:      "empty input",
			in:        "",
			wantParas: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := clean.Clean(tt.in, clean.Options{Title: tt.title})
			if got := len(res.Paragraphs); got != tt.wantParas {
				t.Errorf("paragraphs: got %d, want %d: %q", got, tt.wantParas, res.Paragraphs)
			}
			if tt.wantTitle != "" && res.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", res.Title, tt.wantTitle)
			}
			if tt.authors != nil && strings.Join(res.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors: got %q, want %q", res.Authors, tt.authors)
			}
			if got := res.Published.String(); got != tt.published {
				t.Errorf("published: got %q, want %q", got, tt.published)
			}
			if res.Dateline != tt.dateline {
				t.Errorf("dateline: got %q, want %q", res.Dateline, tt.dateline)
			}
			if res.Outlet != tt.outlet {
				t.Errorf("outlet: got %q, want %q", res.Outlet, tt.outlet)
			}
			text := res.Text()
			for _, c := range tt.contains {
				if !strings.Contains(text, c) {
					t.Errorf("text lacks %q:\n%s", c, text)
				}
			}
			for _, c := range tt.notContain {
				if strings.Contains(text, c) {
					t.Errorf("text keeps %q:\n%s", c, text)
				}
			}
			for txt, reason := range tt.reasons {
				found := false
				for _, r := range res.Removed {
					if r.Text == txt {
						found = true
						if r.Reason != reason {
							t.Errorf("removed %q: reason %q, want %q", txt, r.Reason, reason)
						}
					}
				}
				if !found {
					t.Errorf("%q not in removed: %+v", txt, res.Removed)
				}
			}
		})
	}
}

// TestNothingLost checks that every input word is either in the text, in
// a metadata field or in a removed entry.
func TestNothingLost(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		in, _ := os.ReadFile(f)
		res := clean.Clean(string(in), clean.Options{})
		var all strings.Builder
		all.WriteString(res.Text() + " " + res.Title)
		for _, r := range res.Removed {
			all.WriteString(" " + r.Text)
		}
		// An outlet credit or dateline may be split off inside a word
		// ("said.—Tolonews"), so compare at dashes too.
		dash := strings.NewReplacer("—", " ", "–", " ")
		kept := dash.Replace(all.String())
		for _, w := range strings.Fields(dash.Replace(string(in))) {
			if !strings.Contains(kept, w) {
				t.Errorf("%s: word %q lost", f, w)
			}
		}
	}
}

func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	f.Add("By \n\nKARACHI:\n—\n(\n[]\n")
	f.Add("\x00\xff\xfe  \n\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		res := clean.Clean(in, clean.Options{})
		text := res.Text()
		if utf8.ValidString(in) && !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		for _, p := range res.Paragraphs {
			if strings.TrimSpace(p) == "" || strings.Contains(p, "\n\n") {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		if len(text) > len(in)+len(res.Paragraphs) {
			t.Fatalf("text longer than input")
		}
		_ = clean.CleanParagraphs(strings.Split(in, "\n"), clean.Options{Title: "x"})
	})
}

func BenchmarkClean(b *testing.B) {
	in, err := os.ReadFile("testdata/wire.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(in)+"\n", 4) // about 5 KB
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		clean.Clean(s, clean.Options{})
	}
}
