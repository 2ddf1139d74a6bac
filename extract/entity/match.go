package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/kb"
)

// alias is one name of an entry as a sequence of lower-case tokens.
type alias struct {
	entry   *kb.Entry
	caps    []bool   // which tokens are capitalised in the alias
	acronym bool     // match the text exactly as written
	form    string   // the alias as written
	words   []string // its tokens as written, for acronyms
}

// matcher finds knowledge-base names in text.
type matcher struct {
	byKey    map[string][]alias // tokens joined by " ", lower case
	prefixes map[string]bool    // every token prefix of a key, for stopping early
	maxLen   int
	folded   map[string]*kb.Entry // folded names (see fold) for variants
	byLen    [][]foldedName       // folded, by the length of the folded name
}

// foldedName is an entry of matcher.folded.
type foldedName struct {
	key   string
	entry *kb.Entry
}

func newMatcher(k *kb.KB) *matcher {
	m := &matcher{byKey: map[string][]alias{}, prefixes: map[string]bool{}, folded: map[string]*kb.Entry{}}
	add := func(e *kb.Entry, form string, acr bool) {
		toks := tokenize(form)
		if len(toks) == 0 {
			return
		}
		var keys, words []string
		var caps []bool
		for _, t := range toks {
			words = append(words, t.text)
			keys = append(keys, strings.ToLower(t.text))
			r, _ := utf8.DecodeRuneInString(t.text)
			caps = append(caps, unicode.IsUpper(r))
		}
		key := strings.Join(keys, " ")
		for _, a := range m.byKey[key] {
			if a.entry == e && a.acronym == acr {
				return
			}
		}
		m.byKey[key] = append(m.byKey[key], alias{e, caps, acr, form, words})
		for i := 1; i <= len(keys); i++ {
			m.prefixes[strings.Join(keys[:i], " ")] = true
		}
		if len(toks) > m.maxLen {
			m.maxLen = len(toks)
		}
		if !acr && len(form) >= 6 {
			m.folded[fold(form)] = e
		}
	}
	for _, e := range k.Entries {
		add(e, e.Name, false)
		for _, a := range e.Aliases {
			add(e, a, false)
		}
		for _, a := range e.Acronyms {
			add(e, a, true)
		}
	}
	for k, e := range m.folded {
		for len(m.byLen) <= len(k) {
			m.byLen = append(m.byLen, nil)
		}
		m.byLen[len(k)] = append(m.byLen[len(k)], foldedName{k, e})
	}
	return m
}

// find returns the knowledge-base names in text, longest match first at
// each position, without overlaps.
func (m *matcher) find(text string, toks []token) []found {
	var out []found
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = lowerWord(t.text)
	}
	var key []byte
	for i := 0; i < len(toks); {
		if !m.prefixes[lower[i]] {
			i++
			continue
		}
		bestLen := 0
		var best *alias
		key = key[:0]
		for n := 1; n <= m.maxLen && i+n <= len(toks); n++ {
			if n > 1 {
				if !joins(text[toks[i+n-2].end:toks[i+n-1].start]) {
					break
				}
				key = append(key, ' ')
			}
			key = append(key, lower[i+n-1]...)
			if !m.prefixes[string(key)] {
				break
			}
			as := m.byKey[string(key)]
			for k := range as {
				if as[k].acceptable(toks[i : i+n]) {
					best, bestLen = &as[k], n
					break
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		s, e := toks[i].start, toks[i+bestLen-1].end
		if e < len(text) && text[e] == '$' { // a currency: "US$", "NZ$"
			i += bestLen
			continue
		}
		// Dotted initials keep their last full stop: "U.S.", "U.N.".
		if e < len(text) && text[e] == '.' && len(toks[i+bestLen-1].text) == 1 && strings.Contains(text[s:e], ".") {
			e++
		}
		via := "name"
		if best.acronym {
			via = "acronym"
		}
		out = append(out, found{start: s, end: e, text: text[s:e], entry: best.entry, via: via})
		i += bestLen
	}
	return out
}

// lowerWord lowers a word, without allocating when it is ASCII lower case.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// acceptable checks case: an acronym must match as written; a name's
// capitalised words must be capitalised in the text ("The News" is an
// outlet, "the news" is not), and a one-word name must not be a
// lower-case common word.
func (a *alias) acceptable(toks []token) bool {
	if a.acronym {
		if len(a.words) != len(toks) {
			return false
		}
		for i, w := range a.words {
			if w != toks[i].text {
				return false
			}
		}
		// An acronym inside an all-capitals run ("IS THE ...") is a word.
		return true
	}
	for i, t := range toks {
		if a.caps[i] {
			r, _ := utf8.DecodeRuneInString(t.text)
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// fold reduces a name for comparing spelling variants and OCR-like
// typos: lower case, letters and digits only, with the digits that OCR
// confuses with letters mapped to them (0→o, 1→l, 5→s) and doubled
// letters and "h" after a consonant dropped ("Zabihullah" and "Zabiullah"
// fold alike).
func fold(s string) string {
	var arr [64]byte
	return string(appendFold(arr[:0], s))
}

// appendFold appends fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	b := dst
	var prev rune
	for _, r := range s {
		r = unicode.ToLower(r) // as strings.ToLower does, rune by rune
		switch r {
		case '0':
			r = 'o'
		case '1':
			r = 'l'
		case '5':
			r = 's'
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if r == prev {
			continue
		}
		if r == 'h' && prev != 0 && !strings.ContainsRune("aeiouy", prev) && prev != 'c' && prev != 's' {
			continue
		}
		prev = r
		b = utf8.AppendRune(b, r)
	}
	return b
}

// variant returns the knowledge-base entry of which name is a spelling
// variant or a typo: the same folded form, or one edit away for names of
// eight letters or more, of a compatible type.
func (m *matcher) variant(name, typ string) *kb.Entry {
	var arr [64]byte
	fb := appendFold(arr[:0], name)
	if len(fb) < 5 {
		return nil
	}
	if e, ok := m.folded[string(fb)]; ok && compatible(e.Type, typ) {
		return e
	}
	if len(fb) < 8 {
		return nil
	}
	// The names one edit away are one letter longer or shorter, or as
	// long. Which is found first does not matter: two entries are
	// ambiguous, whatever their order.
	f := string(fb)
	var found *kb.Entry
	for n := len(f) - 1; n <= len(f)+1 && n < len(m.byLen); n++ {
		for _, c := range m.byLen[n] {
			if compatible(c.entry.Type, typ) && within1(c.key, f) {
				if found != nil && found != c.entry {
					return nil // ambiguous
				}
				found = c.entry
			}
		}
	}
	return found
}

func compatible(a, b string) bool { return b == "" || a == b }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// within1 reports whether a and b differ by at most one edit.
func within1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}
