// Package eval scores article-body extraction on the article-extraction
// benchmark (AEB) of scrapinghub/article-extraction-benchmark, with the
// metric of its evaluate.py, reproduced exactly.
//
// # Data
//
// An AEB directory (../shared/datasets/aeb from the project root) holds
// ground-truth.json, {id: {"url", "articleBody"}}; the pages,
// html/<id>.html.gz; and published system outputs, output/<name>.json,
// {"output": {id: {"articleBody"}}, "version": ...}.
//
// # Metric
//
// Tokens: every maximal run of word characters, as Python's
// re.findall(r'\w+', text) on a str. A word character is a Unicode letter
// (L*), number (Nd, Nl, No) or '_'; case is kept. Combining marks (Mn, Mc,
// Me) are NOT word characters in Python, so they split words: "é" written as
// e + U+0301 gives the token "e", and Devanagari vowel signs split Hindi
// words. Apostrophes and hyphens split words too ("don't" is "don", "t").
//
// Shingles: the word 4-grams of the token list, each the four tokens joined
// by a space. A text of 1 to 3 tokens has exactly one shingle, all its
// tokens joined; a text without tokens has none.
//
// Per page, over the multisets of gold and predicted shingles: TP = Σ
// min(gold, pred), FP = Σ max(0, pred − gold), FN = Σ max(0, gold − pred)
// over shingle counts. When s = TP+FP+FN > 0, the three are divided by s,
// so that every page weighs the same whatever its length.
//
// Over pages: precision is the mean of TP/(TP+FP) over the pages where
// TP+FP > 0 (a page with an empty prediction is left out of precision);
// recall is the mean of TP/(TP+FN) over the pages where TP+FN > 0 (a page
// with an empty gold body is left out of recall); F1 = 2PR/(P+R) from the
// two means, not a mean of per-page F1. A missing prediction is scored as
// an empty string. Where upstream would fail (no page qualifies, P+R = 0),
// the value is 0 here.
//
// These rules reproduce the published figures from the published outputs
// to the third decimal: go_trafilatura P 0.940 R 0.980 F1 0.960,
// trafilatura F1 0.958, readability_js F1 0.947, go_readability F1 0.934
// (see TestPublishedOutputs).
package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page is one gold page of the benchmark.
type Page struct {
	ID   string // the page's hash, also the name of html/<ID>.html.gz
	URL  string
	Body string // the gold article body
}

// LoadAEB reads dir/ground-truth.json and returns its pages sorted by ID.
func LoadAEB(dir string) ([]Page, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		URL         string `json:"url"`
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	pages := make([]Page, 0, len(gt))
	for id, v := range gt {
		pages = append(pages, Page{ID: id, URL: v.URL, Body: v.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

// ReadAEBPage returns the HTML of page id, gunzipped from
// dir/html/<id>.html.gz.
func ReadAEBPage(dir, id string) ([]byte, error) {
	if id == "" || strings.ContainsAny(id, `/\`) || id == "." || id == ".." {
		return nil, fmt.Errorf("eval: bad page id %q", id)
	}
	path := filepath.Join(dir, "html", id+".html.gz")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// LoadAEBOutput reads a system output file, {"output": {id:
// {"articleBody": ...}}}, and returns the bodies by page id. A file without
// the "output" wrapper, {id: {"articleBody": ...}} (the shape of
// ground-truth.json), is read too. A null body reads as "".
func LoadAEBOutput(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type entry struct {
		ArticleBody string `json:"articleBody"`
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var entries map[string]entry
	if raw, ok := top["output"]; ok {
		err = json.Unmarshal(raw, &entries)
	} else {
		err = json.Unmarshal(data, &entries)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(entries))
	for id, e := range entries {
		out[id] = e.ArticleBody
	}
	return out, nil
}

// Tokens returns the words of s as Python's re.findall(r'\w+', s) does:
// maximal runs of Unicode letters, numbers and '_'. Invalid UTF-8 bytes
// separate words.
func Tokens(s string) []string {
	var toks []string
	start := -1
	for i, r := range s {
		w := isWord(r) // false for utf8.RuneError, a symbol
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			toks = append(toks, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, s[start:])
	}
	return toks
}

// isWord reports whether r matches Python's Unicode \w.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

const ngram = 4

// shingles returns the shingles of s, in order, with repeats.
func shingles(s string) []string {
	toks := Tokens(s)
	if len(toks) == 0 {
		return nil
	}
	if len(toks) < ngram {
		return []string{strings.Join(toks, " ")}
	}
	out := make([]string, 0, len(toks)-ngram+1)
	for i := 0; i+ngram <= len(toks); i++ {
		out = append(out, strings.Join(toks[i:i+ngram], " "))
	}
	return out
}

// Counts are one page's true positives, false positives and false
// negatives over shingles, normalised to sum to 1 (all zero when both
// texts have no tokens).
type Counts struct{ TP, FP, FN float64 }

// ShingleCounts compares a predicted body with the gold body of one page.
func ShingleCounts(gold, pred string) Counts {
	remaining := make(map[string]int)
	goldSh := shingles(gold)
	for _, sh := range goldSh {
		remaining[sh]++
	}
	var tp, fp float64
	for _, sh := range shingles(pred) {
		if remaining[sh] > 0 {
			remaining[sh]--
			tp++
		} else {
			fp++
		}
	}
	fn := float64(len(goldSh)) - tp
	c := Counts{TP: tp, FP: fp, FN: fn}
	if s := tp + fp + fn; s > 0 {
		c = Counts{TP: tp / s, FP: fp / s, FN: fn / s}
	}
	return c
}

// Score is the benchmark's result over a set of pages.
type Score struct {
	Precision, Recall, F1 float64
	Pages                 int // pages aggregated
}

// Aggregate averages per-page counts into precision, recall and F1 (see
// the package documentation for which pages each mean covers).
func Aggregate(per []Counts) Score {
	var pSum, rSum float64
	var pN, rN int
	for _, c := range per {
		if c.TP+c.FP > 0 {
			pSum += c.TP / (c.TP + c.FP)
			pN++
		}
		if c.TP+c.FN > 0 {
			rSum += c.TP / (c.TP + c.FN)
			rN++
		}
	}
	s := Score{Pages: len(per)}
	if pN > 0 {
		s.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		s.Recall = rSum / float64(rN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Evaluate scores predicted bodies, by page id, against the gold pages; a
// page without a prediction is scored as an empty prediction.
func Evaluate(gold []Page, pred map[string]string) Score {
	per := make([]Counts, len(gold))
	for i, p := range gold {
		per[i] = ShingleCounts(p.Body, pred[p.ID])
	}
	return Aggregate(per)
}
