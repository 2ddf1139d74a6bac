// Package truecase restores the case of words in text written all in
// capitals (telex and wire copy, transcripts: "THE FMLN ATTACKED SAN
// MIGUEL"), which sitrep's entity layer cannot read: it relies on
// capitals to tell names from common words.
//
// Recase writes each word as a casing lexicon says it is usually written
// ("the", "Salvador", "FMLN", "McDonald"), capitalises the first word of
// a sentence, and guesses unknown words from their endings with a suffix
// model learnt from the same sources (names versus common words), with a
// few rules: words without vowels are acronyms, a letter before a full
// stop is an initial, a month's name beside a number is a name, a word
// joined to digits ("19TH") is lower case.
//
// The lexicon (lexicon.txt.gz) is built by gen from text sitrep may ship:
// the Groningen Meaning Bank sample's sentences (public-domain Voice of
// America texts), the knowledge base's names, aliases, acronyms and role
// titles, and the gazetteer's place names (go generate; see gen). It is
// never built from the MUC or Reuters corpora.
//
// Recase changes only the case of letters whose other case has the same
// UTF-8 length (all ASCII letters), so the recased text has the byte
// length of the original and every span stays valid.
package truecase

//go:generate go run ./gen -gmb ../../../shared/datasets/gmb-kaggle-sample/ner_dataset.csv -out lexicon.txt.gz

import (
	"bytes"
	"context"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

//go:embed lexicon.txt.gz
var embedded []byte

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the embedded lexicon, loading it on the first call.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() {
		defaultLex, defaultErr = Read(bytes.NewReader(embedded))
	})
	return defaultLex, defaultErr
}

// IsAllCaps reports whether text is written in capitals: at least 40
// letters, and no more than one letter in twenty in lower case.
func IsAllCaps(text string) bool {
	var up, low int
	for _, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				up++
			} else if 'a' <= r && r <= 'z' {
				low++
			}
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up+low >= 40 && low*20 <= up+low
}

// Recase restores word case in text with the embedded lexicon (see
// Lexicon.Recase). It returns text unchanged if the lexicon does not
// load.
func Recase(text string) string {
	l, err := Default()
	if err != nil {
		return text
	}
	return l.Recase(text)
}

// Stage is a pipeline stage (it has extract.Stage's methods) that recases
// a document's text and title when they are written in capitals
// (IsAllCaps), so that the stages after it see ordinary case. It changes
// only letter case: byte offsets, and the document's ID (computed from
// the text as cleaned), stay as they were. Place it first.
type Stage struct {
	// Lexicon is the casing lexicon; nil uses the embedded one.
	Lexicon *Lexicon
}

// Name returns the stage's name.
func (Stage) Name() string { return "truecase" }

// Process recases doc.Text and doc.Title when they are all in capitals.
func (s Stage) Process(_ context.Context, doc *sitrep.Document) error {
	l := s.Lexicon
	if l == nil {
		var err error
		if l, err = Default(); err != nil {
			return err
		}
	}
	if IsAllCaps(doc.Text) {
		doc.Text = l.Recase(doc.Text)
		if IsAllCaps(doc.Title) || doc.Title == strings.ToUpper(doc.Title) {
			doc.Title = l.Recase(doc.Title)
		}
	}
	return nil
}

// abbreviations are words that end with a full stop without ending the
// sentence: titles and ranks, months, common short forms.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"maj": true, "capt": true, "cpt": true, "cpl": true, "pvt": true, "adm": true, "cmdr": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "fr": true, "msgr": true, "st": true, "jr": true,
	"sr": true, "prof": true, "no": true, "nos": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "dept": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "approx": true, "est": true, "ft": true, "km": true, "mt": true,
}

// months are the names of months, whole and cut.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// closed are English function words: always lower case but at a
// sentence's start, whatever the lexicon's news style says ("US" for
// "us", "WHO" for "who").
var closed = wordSet(`an the and or but nor so yet if then than that this these those
	there here what which who whom whose when where why how all any both each either neither some such
	not only own same too very can could might must shall should will would do does did done doing have
	has had having is are was were be been being am it its he him his she her hers we us our ours they
	them their theirs you your yours me my mine of in on at by for from to with without into onto upon
	about above below under over after before between among through during against within along across
	behind beyond near since until via per as also just even still again ever never always often`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// span is one word of the text.
type span struct {
	start, end int
	key        string
}

// Recase returns text with the case of its words restored. It is meant
// for text in capitals; text in mixed case comes back in the lexicon's
// case too, so check IsAllCaps first.
func (l *Lexicon) Recase(text string) string {
	b := []byte(text)
	var words []span
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsLetter(r) {
			j := wordEnd(b, i)
			words = append(words, span{i, j, strings.ToLower(string(b[i:j]))})
			i = j
			continue
		}
		i += size
	}
	forced := l.matchPhrases(b, words)

	start := true    // the next word opens a sentence
	pending := false // a sentence-ending mark was seen; a space confirms it
	header := false  // inside a bracket opened at a sentence start
	newlines := 0    // newlines since the last non-space
	prevDigit := false
	lastNumber := false
	last := "" // the previous word's key
	wi := 0
	for i := 0; i < len(b); {
		if wi < len(words) && i == words[wi].start {
			w := words[wi]
			var f form
			if forced[wi] != nil {
				f = *forced[wi]
				if start && f.class == Lower {
					f.class = Title
				}
			} else {
				f = l.classify(b, w.start, w.end, w.key, start, prevDigit, lastNumber)
			}
			apply(b[w.start:w.end], f)
			last, lastNumber = w.key, false
			start, pending, newlines, prevDigit = false, false, 0, false
			i = w.end
			wi++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case unicode.IsDigit(r):
			if pending {
				pending = false
			}
			start = false
			prevDigit, lastNumber, newlines = true, true, 0
			last = ""
		case r == '.' || r == '?' || r == '!':
			if r != '.' || !abbreviation(last) {
				pending = true
			}
			prevDigit = false
		case r == '\n':
			newlines++
			if newlines >= 2 {
				start = true
			}
			if pending {
				start, pending = true, false
			}
			prevDigit = false
		case unicode.IsSpace(r):
			if pending {
				start, pending = true, false
			}
			prevDigit = false
		case r == '[' || r == '(':
			if pending {
				start, pending = true, false
			}
			if start {
				header = true
			}
			prevDigit = false
		case r == ']' || r == ')':
			if header {
				start, header = true, false
			}
			prevDigit = false
		case r == '"' || r == '\u201c':
			// An opening quotation mark opens a quoted sentence.
			if i == 0 || isSpaceOrOpen(b[i-1]) {
				start, pending = true, false
			}
			prevDigit = false
		case r == '-':
			if i+1 < len(b) && b[i+1] == '-' {
				start, pending = true, false // a dateline's "--"
				i += 2
				prevDigit = false
				continue
			}
			// A hyphen keeps prevDigit: "M-16", "AK-47" are handled by
			// the letters' own rules.
		default:
			prevDigit = false
		}
		if !unicode.IsSpace(r) {
			newlines = 0
		}
		i += size
	}
	return string(b)
}

// matchPhrases finds the lexicon's names of several words in the text,
// longest first, their words next to each other (spaces, a line break or
// a hyphen between), and returns the forms they impose.
func (l *Lexicon) matchPhrases(b []byte, words []span) []*form {
	forced := make([]*form, len(words))
	for k := 0; k < len(words); k++ {
		for _, p := range l.phrases[words[k].key] {
			n := len(p.keys)
			if k+n > len(words) {
				continue
			}
			ok := true
			for m := 1; m < n && ok; m++ {
				ok = words[k+m].key == p.keys[m] && joined(b[words[k+m-1].end:words[k+m].start])
			}
			if !ok {
				continue
			}
			for m := 0; m < n; m++ {
				forced[k+m] = &p.forms[m]
			}
			k += n - 1
			break
		}
	}
	return forced
}

// joined reports whether the bytes between two words keep them in one
// name: spaces, at most one line break, or a hyphen.
func joined(sep []byte) bool {
	if len(sep) == 0 || len(sep) > 4 {
		return false
	}
	breaks := 0
	for _, c := range sep {
		switch c {
		case ' ', '\t', '-':
		case '\n':
			breaks++
		default:
			return false
		}
	}
	return breaks <= 1
}

func isSpaceOrOpen(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == '[' || c == ':' || c == ','
}

// abbreviation reports whether a full stop after the word key leaves the
// sentence open: one letter (an initial, "U.S.") or a known short form.
func abbreviation(key string) bool {
	return utf8.RuneCountInString(key) == 1 || abbreviations[key]
}

// wordEnd returns the end of the word starting at i: letters, with
// apostrophes between letters.
func wordEnd(b []byte, i int) int {
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsLetter(r) {
			i += size
			continue
		}
		if r == '\'' || r == '\u2019' {
			if n, _ := utf8.DecodeRune(b[i+size:]); i+size < len(b) && unicode.IsLetter(n) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// classify decides the case of the word b[i:j] (lower-case key).
func (l *Lexicon) classify(b []byte, i, j int, key string, start, prevDigit, lastNumber bool) form {
	f, known := l.lookup(key)
	switch {
	case prevDigit:
		// "19TH", "3D": a suffix joined to a number.
		return form{class: Lower}
	case months[key] && (lastNumber || nextIsNumber(b, j)):
		return form{class: Title}
	case closed[key]:
		f = form{class: Lower}
	case known:
	case utf8.RuneCountInString(key) == 1:
		switch {
		case bytes.HasSuffix(b[:i], []byte("'")) || bytes.HasSuffix(b[:i], []byte("\u2019")):
			f = form{class: Lower} // "'S" written apart
		case key == "a" && !(j < len(b) && (b[j] == '.' || b[j] == '-' || b[j] >= '0' && b[j] <= '9')):
			f = form{class: Lower}
		default:
			f = form{class: Upper} // an initial, "I", "M-16"
		}
	case abbreviations[key] && j < len(b) && b[j] == '.':
		f = form{class: Title} // "MR.", "COL."
	default:
		f = l.guess(b, i, j, key, start)
	}
	if start && f.class == Lower {
		f.class = Title
	}
	return f
}

// guess decides the case of a word the lexicon lacks.
func (l *Lexicon) guess(b []byte, i, j int, key string, start bool) form {
	// Contractions and possessives: the word before the apostrophe
	// decides ("PEOPLE'S", "ROMERO'S", "DIDN'T"), an initial before it
	// makes a name ("D'AUBUISSON", "O'BRIEN").
	if k := strings.IndexAny(key, "'\u2019"); k > 0 {
		stem, rest := key[:k], key[k:]
		if _, size := utf8.DecodeRuneInString(rest); utf8.RuneCountInString(stem) == 1 && utf8.RuneCountInString(rest[size:]) >= 2 {
			return form{class: Mixed, mixed: strings.ToUpper(stem) + "'" + strings.ToUpper(rest[size:size+1]) + rest[size+1:]}
		}
		if rest == "'t" && strings.HasSuffix(stem, "n") {
			stem = stem[:len(stem)-1]
		}
		f, ok := l.lookup(stem)
		if !ok {
			f = l.guess(b, i, i+len(stem), stem, start)
			if f.class == Upper {
				f.class = Title // only a known acronym takes "'S" in capitals
			}
		}
		switch f.class {
		case Upper:
			return form{class: Mixed, mixed: strings.ToUpper(stem) + rest}
		case Mixed:
			return form{class: Mixed, mixed: f.mixed + rest}
		}
		return f
	}
	if !hasVowel(key) {
		return form{class: Upper} // "FMLN", "PDC"
	}
	if len(key) <= 4 && !l.pronounceable(key) {
		return form{class: Upper} // "ELN", "MRTA"
	}
	if roman(key) {
		return form{class: Upper}
	}
	// A short unknown word alone in brackets is an acronym: "[ARENA]"
	// (but not a header's "[TEXT]", at a sentence start).
	if !start && i > 0 && (b[i-1] == '[' || b[i-1] == '(') && j < len(b) && (b[j] == ']' || b[j] == ')') && j-i <= 6 {
		return form{class: Upper}
	}
	if l.nameLike(key) {
		return form{class: Title}
	}
	return form{class: Lower}
}

func hasVowel(key string) bool {
	return strings.ContainsAny(key, "aeiouyáéíóúàèìòùâêîôûäëïöüåæøœ")
}

// roman reports whether key is a Roman numeral of two letters or more.
func roman(key string) bool {
	if len(key) < 2 || len(key) > 5 {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !strings.ContainsRune("ivxl", rune(key[i])) {
			return false
		}
	}
	return true
}

// nextIsNumber reports whether the next token after j (past spaces and
// commas) starts with a digit.
func nextIsNumber(b []byte, j int) bool {
	for j < len(b) && (b[j] == ' ' || b[j] == ',' || b[j] == '.') {
		j++
	}
	return j < len(b) && b[j] >= '0' && b[j] <= '9'
}

// apply writes the word w (its bytes, changed in place) in the case f
// gives, changing only letters whose other case has the same length.
func apply(w []byte, f form) {
	switch f.class {
	case Upper:
		setCase(w, func(int) bool { return true })
	case Lower:
		setCase(w, func(int) bool { return false })
	case Title:
		setCase(w, func(n int) bool { return n == 0 })
	case Mixed:
		var upper []bool // the form's letters: upper case or not
		for _, r := range f.mixed {
			if unicode.IsLetter(r) {
				upper = append(upper, unicode.IsUpper(r))
			}
		}
		setCase(w, func(n int) bool { return n < len(upper) && upper[n] })
	}
}

// setCase sets each letter of w upper case when upper(its letter index)
// says so, lower case otherwise, where the byte length allows.
func setCase(w []byte, upper func(int) bool) {
	n := 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		want := unicode.ToLower(r)
		if upper(n) {
			want = unicode.ToUpper(r)
		}
		if want != r && utf8.RuneLen(want) == size {
			utf8.EncodeRune(w[i:], want)
		}
		n++
		i += size
	}
}
