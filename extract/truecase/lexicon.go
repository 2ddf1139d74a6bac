package truecase

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Casing classes of a word.
const (
	Lower = 'l' // "the"
	Title = 't' // "Salvador"
	Upper = 'u' // "FMLN"
	Mixed = 'm' // "McDonald", with its form
)

// form is how a word is written: its class and, for Mixed, the form.
type form struct {
	class byte
	mixed string
}

// phrase is a name of several words and how it is written ("new york" is
// "New York").
type phrase struct {
	keys  []string // the words' lower-case keys
	forms []form
}

// Lexicon holds how known words and names of several words are written,
// and two models for unknown words: a suffix model (names versus common
// words) and a letter-bigram model of pronounceable words (acronyms are
// not). It is safe for concurrent use.
type Lexicon struct {
	words map[string]form
	// phrases holds the names of several words, by their first word's
	// key, longest first.
	phrases map[string][]phrase
	// suffix counts the word types ending with a suffix (1 to maxSuffix
	// letters), common words first, names second; totals counts all
	// types of each class.
	suffix map[string][2]uint32
	totals [2]uint32
	// bigram counts letter pairs ('^' and '$' mark the ends) in the word
	// types; bigramTotal the pairs.
	bigram      map[[2]byte]uint32
	bigramTotal uint32
}

// maxSuffix is the longest suffix the model keeps.
const maxSuffix = 5

// minSuffixTypes is how many word types a suffix needs before the model
// trusts it; shorter suffixes decide otherwise.
const minSuffixTypes = 8

// pronounceMargin is the log-likelihood ratio a letter pair of a
// pronounceable word must reach over chance, on average.
const pronounceMargin = 0.05

// lowerShare is the share of a word's occurrences in lower case above
// which the word is taken for a common word: "President" (VOA style)
// and "World" (in "World Bank") are common words that names capitalise,
// and the phrases capitalise those names.
const lowerShare = 0.35

// Len returns the number of words the lexicon knows.
func (l *Lexicon) Len() int { return len(l.words) }

// lookup returns the casing of a word's lower-case key.
func (l *Lexicon) lookup(key string) (form, bool) {
	f, ok := l.words[key]
	return f, ok
}

// nameLike reports whether the suffix model takes an unknown word (its
// lower-case key) for a name: the longest suffix seen on enough word
// types decides, each class's counts taken relative to its total so that
// the many place names do not outweigh the common words. With no such
// suffix, a word is taken for a name.
func (l *Lexicon) nameLike(key string) bool {
	if l.totals[0] == 0 || l.totals[1] == 0 {
		return true
	}
	for n := min(maxSuffix, len(key)); n >= 1; n-- {
		if !utf8.RuneStart(key[len(key)-n]) {
			continue
		}
		c, ok := l.suffix[key[len(key)-n:]]
		if !ok || c[0]+c[1] < minSuffixTypes {
			continue
		}
		low := (float64(c[0]) + 0.5) / float64(l.totals[0])
		name := (float64(c[1]) + 0.5) / float64(l.totals[1])
		return name > low
	}
	return true
}

// pronounceable reports whether a short unknown word (lower-case ASCII
// letters) looks like a word rather than an acronym: its letter pairs,
// under the bigram model of the known words and names, are likelier than
// under uniform chance by a margin (pronounceMargin a pair). "lima",
// "jose", "paz" are pronounceable; "eln", "ibm", "ucr" are not. The model
// separates the two weakly, so the margin is small: it catches acronyms
// with unlikely letter pairs and lets the others pass as names.
func (l *Lexicon) pronounceable(key string) bool {
	if l.bigramTotal == 0 {
		return true
	}
	const symbols = 28 // a-z, ^, $
	logp := 0.0
	prev := byte('^')
	for i := 0; i <= len(key); i++ {
		c := byte('$')
		if i < len(key) {
			c = key[i]
			if c < 'a' || c > 'z' {
				return true
			}
		}
		n := l.bigram[[2]byte{prev, c}]
		from := l.bigram[[2]byte{prev, 0}] // the pairs starting with prev
		logp += math.Log((float64(n) + 0.1) / (float64(from) + 0.1*symbols))
		prev = c
	}
	chance := float64(len(key)+1) * math.Log(1.0/symbols)
	return logp-chance > pronounceMargin*float64(len(key)+1)
}

// Builder counts how words are written in a corpus and builds a Lexicon.
type Builder struct {
	text  map[string]map[string]float64 // key -> form as written -> weight, from running text
	names map[string]map[string]float64 // the same from names, used for words text lacks
	// places holds the words of place names: they teach the suffix model
	// what names look like without entering the lexicon.
	places map[string]bool
	// ngrams counts the capitalised runs of 2 to 4 words of running
	// text, by form; phraseNames the names of several words.
	ngrams      map[string]int
	phraseNames map[string]bool
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		text: map[string]map[string]float64{}, names: map[string]map[string]float64{},
		places: map[string]bool{}, ngrams: map[string]int{}, phraseNames: map[string]bool{},
	}
}

func addForm(m map[string]map[string]float64, word string, weight float64) {
	k := strings.ToLower(word)
	f := m[k]
	if f == nil {
		f = map[string]float64{}
		m[k] = f
	}
	f[word] += weight
}

// AddSentence counts the words of a sentence of running text (its
// words, from Words or as a tokenizer gave them; punctuation tokens are
// skipped). The first word, and a word after a quotation mark or colon,
// are left out: their case says nothing. Runs of two to four capitalised
// words, whole, are counted as phrase candidates.
func (b *Builder) AddSentence(tokens []string) {
	var run []string
	flush := func() {
		// Whole runs only: "The New York Times" must not make "The New"
		// a phrase. A function word opening the run is left out.
		r := run
		for len(r) > 0 && closed[strings.ToLower(r[0])] {
			r = r[1:]
		}
		if len(r) >= 2 && len(r) <= 4 {
			b.ngrams[strings.Join(r, " ")]++
		}
		run = run[:0]
	}
	skip := true
	for _, tok := range tokens {
		ws := Words(tok)
		if len(ws) == 0 {
			if tok == `"` || tok == ":" || tok == "``" || tok == "''" {
				skip = true
			}
			if tok != "." || len(run) == 0 {
				flush()
			}
			continue
		}
		for _, w := range ws {
			if skip {
				skip = false
				flush()
				continue
			}
			if isWord(w) && utf8.RuneCountInString(w) > 1 {
				addForm(b.text, w, 1)
			}
			if c := classOf(w); c == Title || c == Upper || c == Mixed {
				run = append(run, w)
			} else {
				flush()
			}
		}
	}
	flush()
}

// AddName counts the words of a name (a knowledge-base name, alias or
// acronym): each word for the words running text lacks, and a name of
// several words as a phrase.
func (b *Builder) AddName(name string) {
	ws := Words(name)
	for _, w := range ws {
		if isWord(w) && utf8.RuneCountInString(w) > 1 {
			addForm(b.names, w, 1)
		}
	}
	if len(ws) >= 2 && len(ws) <= 5 {
		b.phraseNames[strings.Join(ws, " ")] = true
	}
}

// AddTitle counts the words of a role title ("army chief") as words of
// running text.
func (b *Builder) AddTitle(title string) {
	for _, w := range Words(title) {
		if isWord(w) && utf8.RuneCountInString(w) > 1 {
			addForm(b.text, w, 1)
		}
	}
}

// AddPlace counts a place name: its words teach the suffix model (and
// enter the lexicon in mixed case: "McAllen"); a name of several words
// becomes a phrase when asPhrase is set.
func (b *Builder) AddPlace(name string, asPhrase bool) {
	ws := Words(name)
	for _, w := range ws {
		if !isWord(w) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		switch classOf(w) {
		case Mixed:
			addForm(b.names, w, 1)
		case Title:
			b.places[strings.ToLower(w)] = true
		}
	}
	if asPhrase && len(ws) >= 2 && len(ws) <= 5 {
		b.phraseNames[strings.Join(ws, " ")] = true
	}
}

// Words splits s into the words Recase reads: letters with apostrophes
// inside; hyphens, full stops and the rest separate.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r)
		if !letter && (r == '\'' || r == '\u2019') && start >= 0 {
			if n, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(n) {
				letter = true
			}
		}
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// isWord reports whether s is a word the lexicon can hold: letters with
// apostrophes inside, at least one letter.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if (r == '\'' || r == '\u2019') && i > 0 && i < len(s)-1 {
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// classOf returns the casing class of a word as written.
func classOf(w string) byte {
	var up, low, n int
	first := true
	firstUp := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		u := unicode.IsUpper(r)
		if u {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
		if first {
			firstUp, first = u, false
		}
	}
	switch {
	case up == 0:
		return Lower
	case low == 0 && n > 1:
		return Upper
	case low == 0:
		return Title // "I", "A": one capital
	case firstUp && up == 1:
		return Title
	}
	return Mixed
}

// decide returns the class of a word from the weights of its forms: lower
// case when a fair share (lowerShare) of its occurrences are, else the
// most frequent class, a Mixed word keeping its most frequent form.
func decide(forms map[string]float64) form {
	var weight [128]float64
	total := 0.0
	best := ""
	for f, w := range forms {
		c := classOf(f)
		weight[c] += w
		total += w
		if c == Mixed && (best == "" || w > forms[best] || w == forms[best] && f < best) {
			best = f
		}
	}
	if weight[Lower] >= lowerShare*total {
		return form{class: Lower}
	}
	c := byte(Title)
	for _, x := range []byte{Upper, Mixed} {
		if weight[x] > weight[c] {
			c = x
		}
	}
	if c == Mixed {
		return form{class: c, mixed: best}
	}
	return form{class: c}
}

// Lexicon returns the lexicon of the counted words and names.
func (b *Builder) Lexicon() *Lexicon {
	l := &Lexicon{words: map[string]form{}, phrases: map[string][]phrase{}, suffix: map[string][2]uint32{}, bigram: map[[2]byte]uint32{}}
	for k, forms := range b.text {
		l.words[k] = decide(forms)
	}
	for k, forms := range b.names {
		if _, ok := l.words[k]; !ok {
			l.words[k] = decide(forms)
		}
	}
	// Phrases: capitalised runs of running text seen twice or more, and
	// names of several words, when a word of them is not capitalised on
	// its own (otherwise the words suffice). A place name needs one word
	// that is not a common word.
	addPhrase := func(p string, needName bool) {
		ws := strings.Split(p, " ")
		for len(ws) > 0 && closed[strings.ToLower(ws[0])] {
			ws = ws[1:]
		}
		if len(ws) < 2 {
			return
		}
		ph := phrase{}
		common, name := false, false
		for _, w := range ws {
			k := strings.ToLower(w)
			ph.keys = append(ph.keys, k)
			f := form{class: classOf(w)}
			if f.class == Mixed {
				f.mixed = w
			}
			ph.forms = append(ph.forms, f)
			if lf, ok := l.words[k]; ok && lf.class == Lower {
				common = true
			} else {
				name = true
			}
		}
		if !common || needName && !name {
			return
		}
		for _, q := range l.phrases[ph.keys[0]] {
			if strings.Join(q.keys, " ") == strings.Join(ph.keys, " ") {
				return
			}
		}
		l.phrases[ph.keys[0]] = append(l.phrases[ph.keys[0]], ph)
	}
	var ngrams []string
	for p, n := range b.ngrams {
		if n >= 2 {
			ngrams = append(ngrams, p)
		}
	}
	sort.Strings(ngrams)
	for _, p := range ngrams {
		addPhrase(p, false)
	}
	var names []string
	for p := range b.phraseNames {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		addPhrase(p, true)
	}
	for k := range l.phrases {
		sortPhrases(l.phrases[k])
	}

	countSuffix := func(k string, name int) {
		l.totals[name]++
		for n := 1; n <= maxSuffix && n <= len(k); n++ {
			if !utf8.RuneStart(k[len(k)-n]) {
				continue
			}
			c := l.suffix[k[len(k)-n:]]
			c[name]++
			l.suffix[k[len(k)-n:]] = c
		}
	}
	countBigrams := func(k string) {
		prev := byte('^')
		for i := 0; i <= len(k); i++ {
			c := byte('$')
			if i < len(k) {
				c = k[i]
				if c < 'a' || c > 'z' {
					return
				}
			}
			l.bigram[[2]byte{prev, c}]++
			l.bigram[[2]byte{prev, 0}]++
			l.bigramTotal++
			prev = c
		}
	}
	for k, f := range l.words {
		if f.class == Upper {
			continue // acronyms teach neither model
		}
		name := 1
		if f.class == Lower {
			name = 0
		}
		countSuffix(k, name)
		countBigrams(k)
	}
	for k := range b.places {
		if _, ok := l.words[k]; !ok {
			countSuffix(k, 1)
			countBigrams(k)
		}
	}
	// Keep the suffixes seen on enough types: the others never decide.
	for s, c := range l.suffix {
		if c[0]+c[1] < minSuffixTypes {
			delete(l.suffix, s)
		}
	}
	return l
}

// sortPhrases orders phrases longest first, then by their words.
func sortPhrases(ps []phrase) {
	sort.Slice(ps, func(i, j int) bool {
		if len(ps[i].keys) != len(ps[j].keys) {
			return len(ps[i].keys) > len(ps[j].keys)
		}
		return strings.Join(ps[i].keys, " ") < strings.Join(ps[j].keys, " ")
	})
}

// Write writes the lexicon in its file format, gzipped: a comment header,
// then lines of tab-separated fields, sorted:
//
//	w  word  class [form]        a word ("w\tmcdonald\tm\tMcDonald")
//	p  phrase as written          a name of several words ("p\tNew York")
//	s  suffix  common  names      suffix model counts
//	t  common  names              suffix model totals
//	b  xy  count                  letter pairs ('^', '$': the ends)
func (l *Lexicon) Write(w io.Writer, header string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(bw, "# %s\n", line)
	}
	keys := make([]string, 0, len(l.words))
	for k := range l.words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := l.words[k]
		if f.class == Mixed {
			fmt.Fprintf(bw, "w\t%s\t%c\t%s\n", k, f.class, f.mixed)
		} else {
			fmt.Fprintf(bw, "w\t%s\t%c\n", k, f.class)
		}
	}
	var phrases []string
	for _, ps := range l.phrases {
		for _, p := range ps {
			phrases = append(phrases, phraseText(p))
		}
	}
	sort.Strings(phrases)
	for _, p := range phrases {
		fmt.Fprintf(bw, "p\t%s\n", p)
	}
	suffixes := make([]string, 0, len(l.suffix))
	for s := range l.suffix {
		suffixes = append(suffixes, s)
	}
	sort.Strings(suffixes)
	for _, s := range suffixes {
		c := l.suffix[s]
		fmt.Fprintf(bw, "s\t%s\t%d\t%d\n", s, c[0], c[1])
	}
	fmt.Fprintf(bw, "t\t%d\t%d\n", l.totals[0], l.totals[1])
	var pairs []string
	for p, n := range l.bigram {
		if p[1] != 0 {
			pairs = append(pairs, fmt.Sprintf("b\t%c%c\t%d", p[0], p[1], n))
		}
	}
	sort.Strings(pairs)
	for _, p := range pairs {
		fmt.Fprintln(bw, p)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// phraseText writes a phrase as its forms say.
func phraseText(p phrase) string {
	ws := make([]string, len(p.keys))
	for i, k := range p.keys {
		w := []byte(k)
		apply(w, p.forms[i])
		ws[i] = string(w)
	}
	return strings.Join(ws, " ")
}

// Read reads a lexicon written by Write.
func Read(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("truecase: %w", err)
	}
	l := &Lexicon{words: map[string]form{}, phrases: map[string][]phrase{}, suffix: map[string][2]uint32{}, bigram: map[[2]byte]uint32{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	num := func(s string) (uint32, bool) {
		x, err := strconv.ParseUint(s, 10, 32)
		return uint32(x), err == nil
	}
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		bad := fmt.Errorf("truecase: lexicon line %d: %q", n, line)
		switch {
		case f[0] == "w" && (len(f) == 3 || len(f) == 4) && len(f[2]) == 1:
			fm := form{class: f[2][0]}
			switch fm.class {
			case Lower, Title, Upper:
			case Mixed:
				if len(f) != 4 || strings.ToLower(f[3]) != f[1] {
					return nil, bad
				}
				fm.mixed = f[3]
			default:
				return nil, bad
			}
			l.words[f[1]] = fm
		case f[0] == "p" && len(f) == 2:
			var ph phrase
			for _, w := range strings.Split(f[1], " ") {
				fm := form{class: classOf(w)}
				if fm.class == Mixed {
					fm.mixed = w
				}
				ph.keys = append(ph.keys, strings.ToLower(w))
				ph.forms = append(ph.forms, fm)
			}
			if len(ph.keys) < 2 {
				return nil, bad
			}
			l.phrases[ph.keys[0]] = append(l.phrases[ph.keys[0]], ph)
		case f[0] == "s" && len(f) == 4:
			a, ok1 := num(f[2])
			b, ok2 := num(f[3])
			if !ok1 || !ok2 {
				return nil, bad
			}
			l.suffix[f[1]] = [2]uint32{a, b}
		case f[0] == "t" && len(f) == 3:
			a, ok1 := num(f[1])
			b, ok2 := num(f[2])
			if !ok1 || !ok2 {
				return nil, bad
			}
			l.totals = [2]uint32{a, b}
		case f[0] == "b" && len(f) == 3 && len(f[1]) == 2:
			c, ok := num(f[2])
			if !ok {
				return nil, bad
			}
			l.bigram[[2]byte{f[1][0], f[1][1]}] = c
			l.bigram[[2]byte{f[1][0], 0}] += c
			l.bigramTotal += c
		default:
			return nil, bad
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("truecase: %w", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fmt.Errorf("truecase: %w", err)
	}
	for k := range l.phrases {
		sortPhrases(l.phrases[k])
	}
	return l, nil
}
