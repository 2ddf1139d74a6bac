package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords holds the function words of the languages most common in
// news: their share of a line's words is the best single sign of running
// prose (jusText's observation). English is the main list; short lists for
// other Latin- and Cyrillic-script languages keep foreign prose from
// looking like boilerplate.
var stopwords = func() map[string]bool {
	lists := []string{
		// English
		`a about above after again against all also am an and any are as at be because been before being below
		between both but by can could did do does doing down during each few for from further had has have having he
		her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
		now of off on once only or other our ours ourselves out over own same she should so some such than that the
		their theirs them themselves then there these they this those through to too under until up very was we were
		what when where which while who whom why will with would you your yours yourself yourselves said says
		according however since may might must shall also into upon within without among around across already
		still yet even though although whether another every many much several each both either neither`,
		// German
		`der die das und ist nicht ein eine mit von zu den dem auf für sich auch als wie noch nach bei aus wird werden
		sind hat haben wir sie ich es im zum zur über oder aber dass wenn nur vor durch`,
		// French
		`le la les et est une un des du de dans pour que qui pas sur au aux avec ce cette sont il elle ils nous vous
		par plus mais ou où son sa ses été être`,
		// Spanish, Portuguese, Italian
		`el los las y es en por con para una uno del al se lo como más pero sus su que o não em um uma os as com
		para mais foi são ao da do das dos na no nas nos il di che è per con non una sono della delle degli gli`,
		// Indonesian / Malay
		`yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada atau oleh sudah bisa`,
		// Russian
		`и в не на что с по как а но это он она они мы вы я к у из за от для то же так все его её их был была было
		были бы только уже или ни`,
	}
	m := make(map[string]bool, 600)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}()

// lineStats are the measurements the classifier uses for one line.
type lineStats struct {
	words   int // words of letters or digits
	stop    int // stop words among them
	letters int
	digits  int
	upper   int // words starting with an upper-case letter
	cjk     int // Han, Hiragana, Katakana and Hangul letters
	runes   int
	lower   string // the line in lower case
	key     string // normalizeKey of the line
	first   string // first word, lower case
	last    string // last word, lower case
}

// measure splits s into words and counts its features.
func measure(s string) lineStats {
	var st lineStats
	st.lower = strings.ToLower(s)
	st.key = normalizeLower(st.lower)
	st.runes = utf8.RuneCountInString(s)
	i := 0
	low := st.lower
	for i < len(low) {
		r, n := utf8.DecodeRuneInString(low[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(low) {
			r2, n2 := utf8.DecodeRuneInString(low[j:])
			if !isWordRune(r2) && !(r2 == '\'' || r2 == '’') {
				break
			}
			j += n2
		}
		w := strings.TrimRight(low[i:j], "'’")
		st.words++
		if stopwords[w] {
			st.stop++
		}
		if st.first == "" {
			st.first = w
		}
		st.last = w
		i = j
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			st.digits++
		case r >= 0x80 && unicode.IsDigit(r):
			st.digits++
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				st.letters++
			}
		case unicode.IsLetter(r):
			st.letters++
			if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				st.cjk++
			}
		}
	}
	// Count capitalised words on the original text.
	inWord := false
	for _, r := range s {
		if isWordRune(r) {
			if !inWord && unicode.IsUpper(r) {
				st.upper++
			}
			inWord = true
		} else {
			inWord = false
		}
	}
	return st
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// units is the line's length in word-sized units: words for spaced
// scripts, about two characters per unit for Chinese, Japanese and Korean.
func (st lineStats) units() float64 {
	u := float64(st.words)
	if c := float64(st.cjk) / 2; c > u {
		u = c
	}
	return u
}

// stopDensity is the share of stop words among the words.
func (st lineStats) stopDensity() float64 {
	if st.words == 0 {
		return 0
	}
	return float64(st.stop) / float64(st.words)
}

// endsSentence reports whether s ends like a sentence: with . ! ? … or
// their CJK forms, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]*", r)
	})
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

// startsLower reports whether the first letter of s is lower case.
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// normalizeKey lowers s and keeps only letters, digits and single spaces,
// for matching short lines against phrase lists.
func normalizeKey(s string) string {
	return normalizeLower(strings.ToLower(s))
}

// normalizeLower is normalizeKey for a string already in lower case.
func normalizeLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(byte(r))
			} else {
				space = true
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}
