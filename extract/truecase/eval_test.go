package truecase

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// caseScore compares a recased text with the original mixed-case one,
// word by word (runs of letters).
type caseScore struct {
	words, exact int
	// first letter upper case: recased (pred), original (gold), both (tp)
	pred, gold, tp int
	errors         map[string]int
}

func (s *caseScore) add(orig, recased string, keepErrors bool) {
	if len(orig) != len(recased) {
		panic("lengths differ")
	}
	for i := 0; i < len(orig); {
		r, size := utf8.DecodeRuneInString(orig[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(orig) {
			r, size := utf8.DecodeRuneInString(orig[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		o, p := orig[i:j], recased[i:j]
		s.words++
		if o == p {
			s.exact++
		} else if keepErrors {
			if s.errors == nil {
				s.errors = map[string]int{}
			}
			s.errors[o+" -> "+p]++
		}
		ou, pu := firstUpper(o), firstUpper(p)
		if ou {
			s.gold++
		}
		if pu {
			s.pred++
		}
		if ou && pu {
			s.tp++
		}
		i = j
	}
}

func firstUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func (s *caseScore) log(t *testing.T, name string) {
	p, r := float64(s.tp)/float64(max(1, s.pred)), float64(s.tp)/float64(max(1, s.gold))
	t.Logf("%s: %d words, %.3f exactly as written; capitalised words P %.3f R %.3f F1 %.3f", name, s.words,
		float64(s.exact)/float64(max(1, s.words)), p, r, 2*p*r/max(1e-9, p+r))
	if s.errors != nil && os.Getenv("TRUECASE_ERRORS") != "" {
		type kv struct {
			k string
			n int
		}
		var es []kv
		for k, n := range s.errors {
			es = append(es, kv{k, n})
		}
		sort.Slice(es, func(i, j int) bool { return es[i].n > es[j].n || es[i].n == es[j].n && es[i].k < es[j].k })
		for _, e := range es[:min(80, len(es))] {
			t.Logf("  %4d %s", e.n, e.k)
		}
	}
}

// lowerBaseline lower-cases everything but sentence starts, the naive
// remedy Recase is compared with.
func lowerBaseline(text string) string {
	l := &Lexicon{words: map[string]form{}, suffix: map[string][2]uint32{}, totals: [2]uint32{100, 100}}
	for c := 'a'; c <= 'z'; c++ {
		l.suffix[string(c)] = [2]uint32{100, 0}
	}
	return l.Recase(text)
}

var datasets = filepath.Join("..", "..", "..", "shared", "datasets")

// TestMeantimeCase upper-cases the MEANTIME articles (Wikinews, CC BY 4.0;
// development data for the truecaser, not used to build the lexicon) and
// logs how much of their case Recase restores.
func TestMeantimeCase(t *testing.T) {
	texts := meantimeTexts(t)
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var s, base caseScore
	for _, orig := range texts {
		up := strings.ToUpper(orig)
		if len(up) != len(orig) {
			continue
		}
		s.add(orig, l.Recase(up), true)
		base.add(orig, lowerBaseline(up), false)
	}
	s.log(t, "MEANTIME, Recase")
	base.log(t, "MEANTIME, lower case but sentence starts")
	if float64(s.exact) < 0.9*float64(s.words) {
		t.Errorf("only %d of %d words restored", s.exact, s.words)
	}
}

// meantimeTexts returns the MEANTIME articles rebuilt from their tokens,
// skipping the test when the corpus is absent.
func meantimeTexts(t *testing.T) []string {
	dir := filepath.Join(datasets, "meantime")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found; skipping", dir)
	}
	var texts []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") || !strings.Contains(path, "intra-doc_annotation") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		texts = append(texts, meantimeText(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) == 0 {
		t.Skip("no MEANTIME articles")
	}
	return texts
}

// meantimeText rebuilds an article from its CAT XML tokens: tokens joined
// by spaces, a sentence a line.
func meantimeText(b []byte) string {
	var doc struct {
		Tokens []struct {
			Sentence string `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return ""
	}
	var sb strings.Builder
	last := ""
	for i, tok := range doc.Tokens {
		switch {
		case i == 0:
		case tok.Sentence != last:
			sb.WriteString("\n")
		default:
			sb.WriteString(" ")
		}
		last = tok.Sentence
		sb.WriteString(tok.Text)
	}
	return sb.String()
}

// TestMUCCase logs how much of the case of MUC-4's TST4 texts Recase
// restores, against the mixed-case originals NIST distributed. TST4 is
// test data: this reports, it is not tuned on.
func TestMUCCase(t *testing.T) {
	dir := filepath.Join(datasets, "muc4", "muc34", "TASK", "CORPORA", "tst4")
	up, err1 := os.ReadFile(filepath.Join(dir, "tst4-muc4"))
	orig, err2 := os.ReadFile(filepath.Join(dir, "tst4-muc4.mixed-case"))
	if err1 != nil || err2 != nil {
		t.Skipf("MUC-4 TST4 texts not found under %s; skipping", dir)
	}
	if len(up) != len(orig) {
		t.Fatalf("the upper-case and mixed-case files differ in length")
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var s, base caseScore
	s.add(string(orig), l.Recase(string(up)), true)
	base.add(string(orig), lowerBaseline(string(up)), false)
	s.log(t, "MUC-4 TST4, Recase")
	base.log(t, "MUC-4 TST4, lower case but sentence starts")
}
