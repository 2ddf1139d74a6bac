package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark of a text: the half-open byte range
// [Start, End) of the text.
type Token struct {
	Start, End int
}

// abbreviations keep their final period: "Gen.", "Dr.", "Jan.".
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr gen lt col maj capt cpt sgt cpl pvt adm brig cmdr
		gov sen rep rev prof st jr sr hon pres supt insp mt ft inc co corp ltd bros no nos vs etc
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
		u.s u.k u.n e.u dept est govt univ assn approx`) {
		abbreviations[w] = true
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// Tokenize splits text into tokens with byte offsets. Words keep inner
// hyphens ("Tehrik-i-Taliban"), apostrophes ("O'Brien", "don't") and
// periods ("U.S.", "3.5"); a possessive "'s" (or "’s") is its own token;
// known abbreviations and initials keep their final period ("Gen.", "J.");
// every other character that is not white space is a token of its own.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			i += n
			continue
		}
		if isApostrophe(r) && i > 0 {
			// possessive 's after a word
			pr, _ := utf8.DecodeLastRuneInString(text[:i])
			if isWordRune(pr) && i+n < len(text) && (text[i+n] == 's' || text[i+n] == 'S') {
				after := i + n + 1
				nr, _ := utf8.DecodeRuneInString(text[after:])
				if after >= len(text) || !isWordRune(nr) {
					toks = append(toks, Token{i, after})
					i = after
					continue
				}
			}
		}
		if !isWordRune(r) {
			toks = append(toks, Token{i, i + n})
			i += n
			continue
		}
		start := i
		i += n
		hasDot := false
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if i+n >= len(text) {
				break
			}
			nr, _ := utf8.DecodeRuneInString(text[i+n:])
			pr, _ := utf8.DecodeLastRuneInString(text[start:i])
			switch {
			case isHyphen(r) && isWordRune(nr):
				i += n
				continue
			case isApostrophe(r) && unicode.IsLetter(nr) && unicode.IsLetter(pr):
				// possessive: stop before "'s" that ends the word
				if nr == 's' || nr == 'S' {
					after := i + n + 1
					ar, _ := utf8.DecodeRuneInString(text[after:])
					if after >= len(text) || !isWordRune(ar) {
						break
					}
				}
				i += n
				continue
			case r == '.' && isWordRune(nr):
				hasDot = true
				i += n
				continue
			case (r == ',' || r == ':') && unicode.IsDigit(nr) && unicode.IsDigit(pr):
				i += n
				continue
			case r == '&' && unicode.IsUpper(nr) && unicode.IsUpper(pr):
				i += n
				continue
			}
			break
		}
		// final period of an abbreviation, initial or dotted acronym
		if i < len(text) && text[i] == '.' {
			w := text[start:i]
			if abbreviations[strings.ToLower(w)] || (hasDot && !strings.ContainsAny(w, "0123456789")) || isInitial(w) {
				i++
			}
		}
		toks = append(toks, Token{start, i})
	}
	return toks
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// normWord returns the token text with typographic quotes and dashes
// replaced by their ASCII forms, as the model sees it.
func normWord(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii || !strings.ContainsAny(s, "’‘“”ʼ‐‑–—") {
		return s
	}
	return quoteReplacer.Replace(s)
}

var quoteReplacer = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'", "“", `"`, "”", `"`, "‐", "-", "‑", "-", "–", "-", "—", "-")

// splitSentences groups tokens into sentences: after ".", "!" or "?"
// when the next token starts with a capital letter, digit or quote, at
// a line break, and at most every maxSentence tokens.
func splitSentences(text string, toks []Token) [][]Token {
	var out [][]Token
	start := 0
	for i := range toks {
		if i+1 == len(toks) {
			break
		}
		brk := false
		if strings.IndexByte(text[toks[i].End:toks[i+1].Start], '\n') >= 0 {
			brk = true
		} else if w := text[toks[i].Start:toks[i].End]; w == "." || w == "!" || w == "?" {
			nr, _ := utf8.DecodeRuneInString(text[toks[i+1].Start:])
			if unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("\"“‘'([", nr) {
				brk = true
			}
		}
		if i+1-start >= maxSentence {
			brk = true
		}
		if brk {
			out = append(out, toks[start:i+1])
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

const maxSentence = 300

// SplitSentences groups the tokens of text into sentences as Tag does.
func SplitSentences(text string, toks []Token) [][]Token { return splitSentences(text, toks) }
