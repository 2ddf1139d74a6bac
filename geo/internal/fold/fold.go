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
	var arr [96]byte
	return string(AppendKey(arr[:0], s))
}

// AppendKey appends the key of s (see Key) to dst.
func AppendKey(dst []byte, s string) []byte {
	b := dst
	start := len(dst)
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
				space = len(b) > start
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		var f string
		if r < tableSize {
			f = table[r]
		} else {
			f = foldRune(r)
		}
		switch f {
		case "":
			continue
		case " ":
			space = len(b) > start
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, f...)
	}
	if len(b)-start >= 4 && string(b[start:start+4]) == "the " {
		b = append(b[:start], b[start+4:]...)
	}
	return b
}

// table holds foldRune of the runes below tableSize (Latin, Greek,
// Cyrillic, Arabic and Latin Extended Additional among them).
const tableSize = 0x2000

var table = func() []string {
	t := make([]string, tableSize)
	for r := rune(utf8.RuneSelf); r < tableSize; r++ {
		t[r] = foldRune(r)
	}
	return t
}()

// special maps letters that do not decompose into a base letter and a
// combining mark.
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'ß': "ss", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th",
	'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// foldRune returns the folded form of a non-ASCII rune: "" for a rune
// to drop, " " for a separator, lower-case letters otherwise.
func foldRune(r rune) string {
	switch r {
	case '‘', '’', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '´', '′':
		return ""
	}
	if s, ok := special[r]; ok {
		return s
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		if unicode.Is(unicode.Mn, r) {
			return ""
		}
		return " "
	}
	var out []rune
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		out = append(out, unicode.ToLower(d))
	}
	return string(out)
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
