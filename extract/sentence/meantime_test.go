package sentence_test

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/extract/sentence"
)

// meantimeDir is where the MEANTIME corpus (NewsReader, Wikinews articles
// in CAT XML) is kept beside the module, when it is there.
var meantimeDir = filepath.Join("..", "..", "..", "shared", "datasets", "meantime")

// TestMeantime scores the sentence boundaries Split finds against the gold
// sentence numbers of the MEANTIME corpus. The corpus holds tokens, not
// text, so each article is rebuilt from its tokens: the headline and the
// date line each on a line of their own, and the body as one paragraph.
// The score is logged, not asserted, except for a floor that catches gross
// regressions. Set SENTENCE_MEANTIME_ERRORS=1 to log each error.
func TestMeantime(t *testing.T) {
	if _, err := os.Stat(meantimeDir); err != nil {
		t.Skipf("MEANTIME corpus not found at %s; skipping the boundary score", meantimeDir)
	}
	var files []string
	err := filepath.WalkDir(meantimeDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		// The intra_cross-doc folder repeats the same articles.
		if !d.IsDir() && strings.HasSuffix(path, ".xml") && strings.Contains(path, "intra-doc_annotation") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no MEANTIME articles under %s; skipping the boundary score", meantimeDir)
	}
	sort.Strings(files)
	showErrors := os.Getenv("SENTENCE_MEANTIME_ERRORS") != ""

	var tp, fp, fn, sentences int
	var btp, bfp, bfn int // boundaries inside the body paragraph
	for _, path := range files {
		sents, err := readMeantime(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		text, gold := rebuild(sents)
		sentences += len(sents)
		pred := map[int]bool{}
		for _, s := range sentence.Split(text) {
			if s.Start > 0 {
				pred[s.Start] = true
			}
		}
		inBody := func(off int) bool { return text[off-1] != '\n' }
		for off := range gold {
			if pred[off] {
				tp++
				btp += boolInt(inBody(off))
			} else {
				fn++
				bfn += boolInt(inBody(off))
				if showErrors {
					t.Logf("missed %s: %s", filepath.Base(path), around(text, off))
				}
			}
		}
		for off := range pred {
			if !gold[off] {
				fp++
				bfp += boolInt(inBody(off))
				if showErrors {
					t.Logf("spurious %s: %s", filepath.Base(path), around(text, off))
				}
			}
		}
	}
	p, r, f := score(tp, fp, fn)
	t.Logf("MEANTIME: %d articles, %d gold sentences; boundaries: %d right, %d spurious, %d missed; precision %.4f, recall %.4f, F1 %.4f",
		len(files), sentences, tp, fp, fn, p, r, f)
	bp, br, bf := score(btp, bfp, bfn)
	t.Logf("MEANTIME, boundaries inside the body only: %d right, %d spurious, %d missed; precision %.4f, recall %.4f, F1 %.4f",
		btp, bfp, bfn, bp, br, bf)
	if f < 0.9 {
		t.Errorf("boundary F1 %.4f is below 0.9", f)
	}
}

// around shows the text either side of a boundary at off.
func around(text string, off int) string {
	lo, hi := max(off-50, 0), min(off+30, len(text))
	return strconv.Quote(text[lo:off] + " ‖ " + text[off:hi])
}

// readMeantime returns the tokens of one article, sentence by sentence.
func readMeantime(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var sents [][]string
	last := -1
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "token" {
			continue
		}
		n := -1
		for _, a := range se.Attr {
			if a.Name.Local == "sentence" {
				n, _ = strconv.Atoi(a.Value)
			}
		}
		var word string
		if err := dec.DecodeElement(&word, &se); err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, fmt.Errorf("token %q has no sentence number", word)
		}
		if n != last {
			sents = append(sents, nil)
			last = n
		}
		sents[len(sents)-1] = append(sents[len(sents)-1], word)
	}
	return sents, nil
}

// rebuild turns Penn-Treebank-style tokens back into text, with the first
// two sentences (headline and date) as lines of their own. It returns the
// text and the byte offsets at which the second and later sentences start.
func rebuild(sents [][]string) (string, map[int]bool) {
	var b strings.Builder
	gold := map[int]bool{}
	quoteOpen := false
	glue := true // no space before the next token
	for i, words := range sents {
		if i > 0 {
			if i <= 2 {
				b.WriteString("\n\n")
				glue = true
			}
		}
		for j, w := range words {
			switch w {
			case "``", "''":
				w = `"`
			case "`":
				w = "'"
			}
			open := false
			closing := false
			switch w {
			case `"`:
				quoteOpen = !quoteOpen
				open, closing = quoteOpen, !quoteOpen
			case "“", "‘", "(", "[", "{", "$", "US$", "CA$", "#", "£", "€":
				open = true
			case ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "”", "’", "'", "...",
				"'s", "'S", "'re", "'ve", "n't", "'ll", "'d", "'m":
				closing = true
			}
			if !glue && !closing {
				b.WriteByte(' ')
			}
			if i > 0 && j == 0 {
				gold[b.Len()] = true
			}
			b.WriteString(w)
			glue = open
		}
	}
	return b.String(), gold
}

func score(tp, fp, fn int) (p, r, f float64) {
	p = float64(tp) / float64(max(tp+fp, 1))
	r = float64(tp) / float64(max(tp+fn, 1))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
