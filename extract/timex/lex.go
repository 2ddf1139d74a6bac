package timex

// The lexer cuts text into tokens without allocating strings: words
// (ASCII letters), numbers (ASCII digits, optionally an ordinal suffix),
// other alphanumeric runs, and single punctuation bytes. Keywords are
// identified once per token through a small map, so the matcher only
// compares small integers.

type tokKind uint8

const (
	tkPunct  tokKind = iota // one byte of punctuation (or a dash rune)
	tkWord                  // ASCII letters only
	tkNumber                // ASCII digits, possibly with an ordinal suffix (4th)
	tkOther                 // mixed alphanumerics, 2,016, 3.5, 1990s, non-ASCII
)

type tok struct {
	s, e  int     // byte span
	kind  tokKind // see tkPunct...
	kw    kw      // keyword id for words, 0 otherwise
	cap   bool    // word starts with an upper-case letter
	ord   bool    // number carries an ordinal suffix (st, nd, rd, th)
	nd    uint8   // number of digits of a number
	fut   bool    // a word that announces the future (will, until, ...)
	punct byte    // the byte of a punctuation token ('-' for dashes)
	num   int     // value of a number (capped)
}

type kw uint8

// Keyword ids. Months and weekdays come first so that arithmetic on them
// gives time.Month and time.Weekday values.
const (
	kwNone kw = iota
	kwJan
	kwFeb
	kwMar
	kwApr
	kwMay
	kwJun
	kwJul
	kwAug
	kwSep
	kwOct
	kwNov
	kwDec
	kwSun // weekdays in time.Weekday order: kwSun+time.Weekday
	kwMon
	kwTue
	kwWed
	kwThu
	kwFri
	kwSat
	kwToday
	kwYesterday
	kwTomorrow
	kwTonight
	kwThis
	kwLast
	kwNext
	kwPast
	kwComing
	kwEarlier
	kwLater
	kwEarly
	kwLate
	kwMid
	kwDay
	kwWeek
	kwMonth
	kwYear
	kwMorning
	kwAfternoon
	kwEvening
	kwNight
	kwAgo
	kwThe
	kwFew
	kwSeveral
	kwRecent
	kwIn
	kwOn
	kwOf
	kwPrepYear // since, by, until, till, from, during, before, after, between, through, into, around
	kwAnd      // and, or, to, through (range connectors between years)
	kwTo
	kwFiscal
	kwDet    // its, his, her, their, our, the (as year determiners handled via kwThe)
	kwCount  // nouns that make a preceding number a count: people, troops, ...
	kwClock  // hours, GMT, ...
	kwTotal  // total, out, number: "a total of 2000"
	kwFuture // will, shall, scheduled, expected, ...
	kwLL     // "ll" of "'ll"
	kwA      // a, an
	kwNumWord
	kwPercent
)

// abbreviation flag: month abbreviations must be capitalised.
type kwInfo struct {
	id   kw
	abbr bool
	fut  bool // announces the future
	n    int  // value of a number word
}

var keywords = map[string]kwInfo{
	"january": {id: kwJan}, "february": {id: kwFeb}, "march": {id: kwMar}, "april": {id: kwApr},
	"may": {id: kwMay}, "june": {id: kwJun}, "july": {id: kwJul}, "august": {id: kwAug},
	"september": {id: kwSep}, "october": {id: kwOct}, "november": {id: kwNov}, "december": {id: kwDec},
	"jan": {id: kwJan, abbr: true}, "feb": {id: kwFeb, abbr: true}, "mar": {id: kwMar, abbr: true},
	"apr": {id: kwApr, abbr: true}, "jun": {id: kwJun, abbr: true}, "jul": {id: kwJul, abbr: true},
	"aug": {id: kwAug, abbr: true}, "sep": {id: kwSep, abbr: true}, "sept": {id: kwSep, abbr: true},
	"oct": {id: kwOct, abbr: true}, "nov": {id: kwNov, abbr: true}, "dec": {id: kwDec, abbr: true},
	"sunday": {id: kwSun}, "monday": {id: kwMon}, "tuesday": {id: kwTue}, "wednesday": {id: kwWed},
	"thursday": {id: kwThu}, "friday": {id: kwFri}, "saturday": {id: kwSat},
	"today": {id: kwToday}, "yesterday": {id: kwYesterday}, "tomorrow": {id: kwTomorrow}, "tonight": {id: kwTonight},
	"this": {id: kwThis}, "last": {id: kwLast}, "next": {id: kwNext}, "past": {id: kwPast},
	"coming": {id: kwComing}, "earlier": {id: kwEarlier}, "later": {id: kwLater},
	"early": {id: kwEarly}, "late": {id: kwLate}, "mid": {id: kwMid},
	"day": {id: kwDay}, "days": {id: kwDay}, "week": {id: kwWeek}, "weeks": {id: kwWeek},
	"month": {id: kwMonth}, "months": {id: kwMonth}, "year": {id: kwYear}, "years": {id: kwYear},
	"morning": {id: kwMorning}, "afternoon": {id: kwAfternoon}, "evening": {id: kwEvening}, "night": {id: kwNight},
	"ago": {id: kwAgo}, "the": {id: kwThe}, "few": {id: kwFew}, "several": {id: kwSeveral}, "recent": {id: kwRecent},
	"in": {id: kwIn}, "on": {id: kwOn}, "of": {id: kwOf},
	"since": {id: kwPrepYear}, "by": {id: kwPrepYear}, "until": {id: kwPrepYear, fut: true}, "till": {id: kwPrepYear, fut: true},
	"from": {id: kwPrepYear}, "during": {id: kwPrepYear}, "before": {id: kwPrepYear}, "after": {id: kwPrepYear},
	"between": {id: kwPrepYear}, "into": {id: kwPrepYear}, "throughout": {id: kwPrepYear},
	"and": {id: kwAnd}, "or": {id: kwAnd}, "through": {id: kwAnd}, "to": {id: kwTo},
	"fiscal": {id: kwFiscal},
	"its":    {id: kwDet}, "his": {id: kwDet}, "her": {id: kwDet}, "their": {id: kwDet}, "our": {id: kwDet}, "that": {id: kwDet},
	"people": {id: kwCount}, "persons": {id: kwCount}, "men": {id: kwCount}, "women": {id: kwCount},
	"children": {id: kwCount}, "troops": {id: kwCount}, "soldiers": {id: kwCount}, "militants": {id: kwCount},
	"fighters": {id: kwCount}, "families": {id: kwCount}, "homes": {id: kwCount}, "houses": {id: kwCount},
	"km": {id: kwCount}, "kilometres": {id: kwCount}, "kilometers": {id: kwCount}, "miles": {id: kwCount},
	"meters": {id: kwCount}, "metres": {id: kwCount}, "feet": {id: kwCount}, "rupees": {id: kwCount},
	"dollars": {id: kwCount}, "tons": {id: kwCount}, "tonnes": {id: kwCount}, "votes": {id: kwCount},
	"shares": {id: kwCount}, "units": {id: kwCount}, "cases": {id: kwCount}, "students": {id: kwCount},
	"policemen": {id: kwCount}, "police": {id: kwCount}, "officers": {id: kwCount}, "workers": {id: kwCount},
	"refugees": {id: kwCount}, "civilians": {id: kwCount},
	"pages": {id: kwCount}, "members": {id: kwCount}, "times": {id: kwCount}, "points": {id: kwCount},
	"hours": {id: kwClock}, "hrs": {id: kwClock}, "gmt": {id: kwClock}, "utc": {id: kwClock},
	"pst": {id: kwClock}, "est": {id: kwClock}, "pkt": {id: kwClock}, "local": {id: kwClock},
	"am": {id: kwClock}, "pm": {id: kwClock}, "ist": {id: kwClock},
	"total": {id: kwTotal}, "out": {id: kwTotal}, "number": {id: kwTotal}, "group": {id: kwTotal},
	"crowd": {id: kwTotal}, "force": {id: kwTotal}, "sum": {id: kwTotal}, "toll": {id: kwTotal},
	"tally": {id: kwTotal}, "estimated": {id: kwTotal}, "maximum": {id: kwTotal}, "minimum": {id: kwTotal},
	"will": {id: kwFuture}, "shall": {id: kwFuture}, "scheduled": {id: kwFuture}, "expected": {id: kwFuture},
	"upcoming": {id: kwFuture}, "due": {id: kwFuture}, "plans": {id: kwFuture}, "planned": {id: kwFuture},
	"plan": {id: kwFuture}, "expects": {id: kwFuture}, "soon": {id: kwFuture},
	"postponed": {id: kwFuture}, "resume": {id: kwFuture},
	"effective": {id: kwFuture}, "payable": {id: kwFuture}, "expire": {id: kwFuture},
	"ll": {id: kwLL},
	"a":  {id: kwA, n: 1}, "an": {id: kwA, n: 1},
	"one": {id: kwNumWord, n: 1}, "two": {id: kwNumWord, n: 2}, "three": {id: kwNumWord, n: 3},
	"four": {id: kwNumWord, n: 4}, "five": {id: kwNumWord, n: 5}, "six": {id: kwNumWord, n: 6},
	"seven": {id: kwNumWord, n: 7}, "eight": {id: kwNumWord, n: 8}, "nine": {id: kwNumWord, n: 9},
	"ten": {id: kwNumWord, n: 10}, "eleven": {id: kwNumWord, n: 11}, "twelve": {id: kwNumWord, n: 12},
	"fifteen": {id: kwNumWord, n: 15}, "twenty": {id: kwNumWord, n: 20},
	"percent": {id: kwPercent}, "per": {id: kwPercent},
}

const maxKeywordLen = 10 // "kilometres", "throughout"

// kwFirstBits and kwLastBits hold, per word length, a bit per first and last
// letter of the keywords of that length: most words fail this test and
// never reach the map.
var kwFirstBits, kwLastBits [maxKeywordLen + 1]uint32

func init() {
	for k := range keywords {
		kwFirstBits[len(k)] |= 1 << (k[0] - 'a')
		kwLastBits[len(k)] |= 1 << (k[len(k)-1] - 'a')
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// lex appends the tokens of text to toks and returns them.
func lex(text string, toks []tok) []tok {
	n := len(text)
	var buf [maxKeywordLen]byte
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case isLetter(c) || isDigit(c):
			j := i
			letters, digits := 0, 0
			for j < n && (isLetter(text[j]) || isDigit(text[j])) {
				if isDigit(text[j]) {
					digits++
				} else {
					letters++
				}
				j++
			}
			t := tok{s: i, e: j}
			switch {
			case digits == 0:
				t.kind = tkWord
				t.cap = c >= 'A' && c <= 'Z'
				if l := j - i; l <= maxKeywordLen && kwFirstBits[l]&(1<<(text[i]|0x20-'a')) != 0 && kwLastBits[l]&(1<<(text[j-1]|0x20-'a')) != 0 {
					for k := i; k < j; k++ {
						buf[k-i] = text[k] | 0x20
					}
					if info, ok := keywords[string(buf[:j-i])]; ok {
						t.kw = info.id
						t.num = info.n
						t.fut = info.fut || info.id == kwFuture || info.id == kwNext || info.id == kwTomorrow
						if info.abbr && !t.cap {
							t.kw = kwNone
						}
					}
				}
			case letters == 0 || (isDigit(c) && ordinalSuffix(text[i+digits:j]) && isDigitRun(text[i:i+digits])):
				t.kind = tkNumber
				t.ord = letters > 0
				t.nd = uint8(min(digits, 255))
				v := 0
				for k := i; k < i+digits; k++ {
					if v < 1e6 {
						v = v*10 + int(text[k]-'0')
					}
				}
				t.num = v
				// 2,016 and 3.5 are numbers but never dates.
				if j+1 < n && (text[j] == ',' || text[j] == '.') && isDigit(text[j+1]) && letters == 0 {
					k := j + 1
					for k < n && (isDigit(text[k]) || ((text[k] == ',' || text[k] == '.') && k+1 < n && isDigit(text[k+1]))) {
						k++
					}
					t.kind = tkOther
					j = k
					t.e = j
				}
			default:
				t.kind = tkOther
			}
			toks = append(toks, t)
			i = j
		case c < 0x80:
			toks = append(toks, tok{s: i, e: i + 1, kind: tkPunct, punct: c})
			i++
		default:
			// A non-ASCII rune: en and em dashes act as hyphens, the
			// right single quote as an apostrophe; anything else is
			// an opaque token.
			size := 1
			for i+size < n && size < 4 && text[i+size]&0xC0 == 0x80 {
				size++
			}
			t := tok{s: i, e: i + size, kind: tkOther}
			if size == 3 && c == 0xE2 && text[i+1] == 0x80 {
				switch text[i+2] {
				case 0x93, 0x94:
					t.kind, t.punct = tkPunct, '-'
				case 0x99:
					t.kind, t.punct = tkPunct, '\''
				}
			}
			toks = append(toks, t)
			i += size
		}
	}
	return toks
}

func isDigitRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func ordinalSuffix(s string) bool {
	if len(s) != 2 {
		return false
	}
	a, b := s[0]|0x20, s[1]|0x20
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')
}
