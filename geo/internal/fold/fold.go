// Package fold normalises place names for the gazetteer and its build command.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the lookup key of a place name: lower case, diacritics
// removed, apostrophes dropped, other punctuation turned into single
// spaces, and a leading "the" removed ("The Durand Line" and
// "durand line" share a key, as do "Jalālābād" and "Jalalabad").
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				continue
			default:
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		for _, f := range foldRune(r) {
			if f == 0 {
				continue
			}
			if f == ' ' {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(f)
		}
	}
	k := b.String()
	if strings.HasPrefix(k, "the ") {
		k = k[4:]
	}
	return k
}

// special maps letters that do not decompose into a base letter and a
// combining mark.
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'ß': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th",
	'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// foldRune returns the folded form of a non-ASCII rune: 0 for a rune to
// drop, ' ' for a separator, letters otherwise.
func foldRune(r rune) []rune {
	switch r {
	case '‘', '’', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '´', '′':
		return []rune{0}
	}
	if s, ok := special[r]; ok {
		return []rune(s)
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		if unicode.Is(unicode.Mn, r) {
			return []rune{0}
		}
		return []rune{' '}
	}
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	return out
}

// ASCII returns s with its diacritics removed, keeping case and
// punctuation: the display form of names in the region ("Jalālābād" →
// "Jalalabad").
func ASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			goto slow
		}
	}
	return s
slow:
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '‘', '’', 'ʼ', 'ʻ', 'ʿ', 'ʾ':
			b.WriteByte('\'')
			continue
		}
		if sp, ok := special[r]; ok {
			if unicode.IsUpper(r) {
				sp = strings.ToUpper(sp[:1]) + sp[1:]
			}
			b.WriteString(sp)
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(d)
			}
		}
	}
	return b.String()
}
