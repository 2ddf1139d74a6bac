// Package corpus reads the training and evaluation corpora of the entity
// tagger into labelled sentences. The corpora are read in place from the
// shared datasets folder; nothing is copied.
package corpus

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/extract/entity/tagger"
)

func labels(strs []string) []int {
	out := make([]int, len(strs))
	for i, s := range strs {
		if strings.HasPrefix(s, "I-") && (i == 0 || strs[i-1][min(2, len(strs[i-1])):] != s[2:]) {
			s = "B-" + s[2:] // a span cut by a sentence boundary
		}
		out[i] = max(0, tagger.LabelIndex(s))
	}
	return out
}

// titleWords open person spans in GMB ("President", "Mr."); the tagger
// leaves titles out of person names, so they are relabelled O.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president vice prime minister secretary general gen lt col maj capt sgt
		brig brigadier colonel major captain lieutenant sergeant commander chief marshal admiral governor gov
		senator sen representative rep congressman congresswoman mayor king queen prince princess mr mrs ms
		miss dr sir lord lady judge justice chairman chairwoman director spokesman spokeswoman ambassador envoy
		premier chancellor pope bishop cardinal rev reverend prof professor ayatollah cleric president-elect
		former late foreign defense defence interior finance opposition leader deputy acting
		secretary-general u.n. u.s. first pastor father sister brother saint archbishop emperor crown
		pm minister-president pres`) {
		titleWords[w] = true
	}
}

// nationalityType maps a GMB gpe span to NORP or LOC: the span is NORP
// when its last word is a listed nationality or a capitalised adjective
// or plural noun ending -an, -ian, -i, -ese, -ish (and their plurals),
// unless it is a listed country or ends in -stan; otherwise LOC.
func nationalityType(words []string) string {
	w := words[len(words)-1]
	lw := strings.ToLower(w)
	if tagger.IsNationality(lw) {
		return "NORP"
	}
	if tagger.IsCountry(lw) || strings.HasSuffix(lw, "stan") {
		return "LOC"
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return "LOC"
	}
	for _, suf := range []string{"an", "ans", "i", "is", "ese", "ish"} {
		if strings.HasSuffix(lw, suf) {
			return "NORP"
		}
	}
	return "LOC"
}

// GMB reads the GMB extract ner_dataset.csv (latin-1). The last sentence
// is dropped (the file is cut off). Tags: per→PER, org→ORG, geo→LOC,
// gpe→NORP or LOC (see nationalityType); tim, art, eve, nat→O.
func GMB(path string) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	// latin-1 to UTF-8
	var b strings.Builder
	for _, c := range raw {
		b.WriteRune(rune(c))
	}
	r := csv.NewReader(strings.NewReader(b.String()))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var out []tagger.Example
	var words, tags []string
	flush := func() {
		if len(words) > 0 {
			out = append(out, gmbSentence(words, tags))
		}
		words, tags = nil, nil
	}
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			return nil, err
		}
		if first {
			first = false
			continue
		}
		if len(rec) < 4 {
			continue
		}
		if rec[0] != "" {
			flush()
		}
		words = append(words, rec[1])
		tags = append(tags, rec[len(rec)-1])
	}
	// the last sentence may be cut: drop it
	return out, nil
}

func gmbSentence(words, tags []string) tagger.Example {
	lab := make([]string, len(words))
	for i := 0; i < len(words); {
		t := tags[i]
		if len(t) < 3 || t[0] == 'O' {
			lab[i] = "O"
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(words) && tags[j] == "I-"+typ {
			j++
		}
		var lt string
		switch typ {
		case "per":
			lt = "PER"
			for i < j-1 && titleWords[strings.TrimSuffix(strings.ToLower(words[i]), ".")] {
				lab[i] = "O"
				i++
			}
			if i < j && titleWords[strings.TrimSuffix(strings.ToLower(words[i]), ".")] {
				lt = "" // a title alone
			}
		case "org":
			lt = "ORG"
		case "geo":
			lt = "LOC"
		case "gpe":
			lt = nationalityType(words[i:j])
		}
		for k := i; k < j; k++ {
			switch {
			case lt == "":
				lab[k] = "O"
			case k == i:
				lab[k] = "B-" + lt
			default:
				lab[k] = "I-" + lt
			}
		}
		i = j
	}
	return tagger.Example{Source: "gmb", Words: words, Labels: labels(lab)}
}

// Span is a typed byte range of a document's text.
type Span struct {
	Start, End int
	Type       string // person, organization, location, norp, or "" for other types
	Label      string // the corpus's own type name
}

// Doc is a document with gold mentions.
type Doc struct {
	ID, Folder, Text string
	Mentions         []Span
}

// Re3dTrainFolders are the re3d sources whose licences allow training
// and shipping a derived model.
var Re3dTrainFolders = []string{"Australian Department of Foreign Affairs", "CENTCOM", "UK Government", "US State Department", "Wikipedia"}

var re3dTypes = map[string]string{"Person": tagger.Person, "Organisation": tagger.Organization, "Location": tagger.Location, "Nationality": tagger.NORP}

// Re3d reads one re3d source folder. Entity offsets are character
// offsets; they are converted to byte offsets. Overlapping alternatives
// are resolved by keeping the highest-confidence (then longest, then
// earliest) span and dropping the spans that overlap it.
func Re3d(dir string) ([]Doc, error) {
	type doc struct {
		ID   string `json:"_id"`
		Text string `json:"text"`
	}
	type ent struct {
		Doc        string
		Begin, End int
		Type       string
		Value      string
		Confidence float64
	}
	var docs []Doc
	byID := map[string]int{}
	err := readLines(filepath.Join(dir, "documents.json"), func(line []byte) error {
		var d doc
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		byID[d.ID] = len(docs)
		docs = append(docs, Doc{ID: d.ID, Folder: filepath.Base(dir), Text: d.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	ents := map[string][]ent{}
	err = readLines(filepath.Join(dir, "entities.json"), func(line []byte) error {
		var raw struct {
			Doc        string  `json:"documentId"`
			Begin      int     `json:"begin"`
			End        int     `json:"end"`
			Type       string  `json:"type"`
			Value      string  `json:"value"`
			Confidence float64 `json:"confidence"`
		}
		if err := json.Unmarshal(line, &raw); err != nil {
			return err
		}
		ents[raw.Doc] = append(ents[raw.Doc], ent{raw.Doc, raw.Begin, raw.End, raw.Type, raw.Value, raw.Confidence})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id, es := range ents {
		k, ok := byID[id]
		if !ok {
			continue
		}
		d := &docs[k]
		// character offsets to byte offsets
		byteAt := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(d.Text))
		slices.SortStableFunc(es, func(a, b ent) int {
			switch {
			case a.Confidence != b.Confidence:
				if a.Confidence > b.Confidence {
					return -1
				}
				return 1
			case a.End-a.Begin != b.End-b.Begin:
				return (b.End - b.Begin) - (a.End - a.Begin)
			case a.Begin != b.Begin:
				return a.Begin - b.Begin
			}
			return strings.Compare(a.Type, b.Type)
		})
		var kept []Span
		for _, e := range es {
			if e.Begin < 0 || e.End > len(byteAt)-1 || e.Begin >= e.End {
				continue
			}
			s, t := byteAt[e.Begin], byteAt[e.End]
			overlap := false
			for _, o := range kept {
				if s < o.End && o.Start < t {
					overlap = true
					break
				}
			}
			if overlap {
				continue
			}
			kept = append(kept, Span{Start: s, End: t, Type: re3dTypes[e.Type], Label: e.Type})
		}
		slices.SortFunc(kept, func(a, b Span) int { return a.Start - b.Start })
		d.Mentions = kept
	}
	return docs, nil
}

func readLines(path string, fn func([]byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	return sc.Err()
}

var labelOf = map[string]string{tagger.Person: "PER", tagger.Organization: "ORG", tagger.Location: "LOC", tagger.NORP: "NORP"}

// DocExamples tokenises documents with the tagger's tokeniser and
// sentence splitter and labels each token from the gold mentions: a token
// inside a mention of a tagged type gets B- (first) or I-. A leading
// "the" is left out of a mention.
func DocExamples(docs []Doc, source string) []tagger.Example {
	var out []tagger.Example
	for _, d := range docs {
		toks := tagger.Tokenize(d.Text)
		lab := make([]string, len(toks))
		for i := range lab {
			lab[i] = "O"
		}
		for _, m := range d.Mentions {
			lt := labelOf[m.Type]
			if lt == "" {
				continue
			}
			first := true
			for i, tk := range toks {
				if tk.Start >= m.Start && tk.End <= m.End {
					w := d.Text[tk.Start:tk.End]
					if first && (w == "the" || w == "The") {
						continue
					}
					if first {
						lab[i] = "B-" + lt
						first = false
					} else {
						lab[i] = "I-" + lt
					}
				}
			}
		}
		for _, sent := range tagger.SplitSentences(d.Text, toks) {
			ex := tagger.Example{Source: source}
			for _, tk := range sent {
				ex.Words = append(ex.Words, d.Text[tk.Start:tk.End])
			}
			off := slices.Index(toks, sent[0])
			ex.Labels = labels(lab[off : off+len(sent)])
			out = append(out, ex)
		}
	}
	return out
}

// IsDev reports whether a sentence belongs to the tagger's dev split: one
// sentence in ten, by the FNV-1a hash of its source and words.
func IsDev(ex tagger.Example) bool {
	h := fnv.New32a()
	h.Write([]byte(ex.Source + "\x00" + strings.Join(ex.Words, " ")))
	return h.Sum32()%10 == 0
}
