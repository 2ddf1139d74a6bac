package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Split returns the sentence spans of text in order, as byte offsets.
//
// Every span lies within one line of text, holds no leading or trailing
// white space and is never empty; the spans are ordered, do not overlap and
// together cover every character of text that is not white space. Split
// accepts any input, including invalid UTF-8.
func Split(text string) []sitrep.Span {
	var spans []sitrep.Span
	if n := len(text)/96 + 1; n <= 1<<16 {
		spans = make([]sitrep.Span, 0, n)
	} else {
		spans = make([]sitrep.Span, 0, 1<<16)
	}
	for lo := 0; lo < len(text); {
		hi := len(text)
		if n := strings.IndexByte(text[lo:], '\n'); n >= 0 {
			hi = lo + n
		}
		spans = splitLine(text, lo, hi, spans)
		lo = hi + 1
	}
	return spans
}

// Kinds of terminator runs.
const (
	runDot      = iota // a single full stop
	runEllipsis        // "..." or "…"
	runStrong          // contains '!' or '?' (or an Arabic-script stop)
	runCJK             // contains a full-width stop, which needs no space after
)

// interesting marks the bytes that can begin a sentence terminator.
var interesting = [256]bool{
	'.': true, '!': true, '?': true,
	0xD8: true, 0xDB: true, 0xE2: true, 0xE3: true, 0xEF: true,
}

// splitLine appends the sentences of the line text[lo:hi] to spans.
func splitLine(text string, lo, hi int, spans []sitrep.Span) []sitrep.Span {
	start := lo
	for start < hi {
		n := spaceAt(text, start, hi)
		if n == 0 {
			break
		}
		start += n
	}
	stop := hi
	for stop > start {
		n := spaceBefore(text, start, stop)
		if n == 0 {
			break
		}
		stop -= n
	}
	if start >= stop {
		return spans
	}

	sent := start
	for i := start; i < stop; {
		if !interesting[text[i]] {
			i++
			continue
		}
		size, kind := terminatorAt(text, i, stop)
		if size == 0 {
			i++
			continue
		}
		j, kind, quoted := scanRun(text, i+size, stop, kind)
		if j >= stop {
			break
		}
		if kind == runCJK {
			k := skipSpace(text, j, stop)
			spans = append(spans, sitrep.Span{Start: sent, End: j})
			sent, i = k, k
			continue
		}
		if spaceAt(text, j, stop) == 0 {
			i = j
			continue
		}
		k := skipSpace(text, j, stop)
		if !plausibleStart(text, k, stop) || !isBoundary(text, sent, i, k, stop, kind, quoted) {
			i = k
			continue
		}
		spans = append(spans, sitrep.Span{Start: sent, End: j})
		sent, i = k, k
	}
	return append(spans, sitrep.Span{Start: sent, End: stop})
}

// terminatorAt reports the size in bytes and kind of the sentence
// terminator at text[i], or 0 when there is none.
func terminatorAt(text string, i, stop int) (int, int) {
	switch c := text[i]; c {
	case '.':
		return 1, runDot
	case '!', '?':
		return 1, runStrong
	case 0xD8: // U+061F ARABIC QUESTION MARK
		if i+1 < stop && text[i+1] == 0x9F {
			return 2, runStrong
		}
	case 0xDB: // U+06D4 ARABIC FULL STOP (Urdu)
		if i+1 < stop && text[i+1] == 0x94 {
			return 2, runStrong
		}
	case 0xE2: // U+2026 HORIZONTAL ELLIPSIS
		if i+2 < stop && text[i+1] == 0x80 && text[i+2] == 0xA6 {
			return 3, runEllipsis
		}
	case 0xE3: // U+3002 IDEOGRAPHIC FULL STOP
		if i+2 < stop && text[i+1] == 0x80 && text[i+2] == 0x82 {
			return 3, runCJK
		}
	case 0xEF: // U+FF01 FULLWIDTH EXCLAMATION MARK, U+FF1F FULLWIDTH QUESTION MARK, U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP
		if i+2 < stop && ((text[i+1] == 0xBC && (text[i+2] == 0x81 || text[i+2] == 0x9F)) || (text[i+1] == 0xBD && text[i+2] == 0xA1)) {
			return 3, runCJK
		}
	}
	return 0, 0
}

// scanRun extends a terminator run that ends before j over further
// terminators and closing quotes and brackets. It returns the end of the
// run, the strongest kind seen, and whether the run holds a closing quote.
func scanRun(text string, j, stop, kind int) (end, k int, quoted bool) {
	k = kind
	for j < stop {
		if size, tk := terminatorAt(text, j, stop); size > 0 {
			switch {
			case tk == runCJK || k == runCJK:
				k = runCJK
			case tk == runStrong || k == runStrong:
				k = runStrong
			default:
				k = runEllipsis // two or more stops
			}
			j += size
			continue
		}
		if size, q := closerAt(text, j, stop); size > 0 {
			quoted = quoted || q
			j += size
			continue
		}
		break
	}
	return j, k, quoted
}

// closerAt reports the size of the closing quote or bracket at text[i], or
// 0, and whether it is a quote.
func closerAt(text string, i, stop int) (int, bool) {
	switch text[i] {
	case '"', '\'':
		return 1, true
	case ')', ']', '}':
		return 1, false
	case 0xC2: // » U+00BB
		if i+1 < stop && text[i+1] == 0xBB {
			return 2, true
		}
	case 0xE2:
		if i+2 < stop && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9D, 0x99, 0xBA: // ” ’ ›
				return 3, true
			}
		}
	case 0xE3:
		if i+2 < stop && text[i+1] == 0x80 && (text[i+2] == 0x8D || text[i+2] == 0x8F) { // 」 』
			return 3, true
		}
	case 0xEF:
		if i+2 < stop && text[i+1] == 0xBC && text[i+2] == 0x89 { // ）
			return 3, false
		}
	}
	return 0, false
}

// openerAt reports the size of the opening quote or bracket at text[i], or
// 0.
func openerAt(text string, i, stop int) int {
	switch text[i] {
	case '"', '\'', '(', '[', '{':
		return 1
	case 0xC2: // « U+00AB
		if i+1 < stop && text[i+1] == 0xAB {
			return 2
		}
	case 0xE2:
		if i+2 < stop && text[i+1] == 0x80 {
			switch text[i+2] {
			case 0x9C, 0x98, 0x9E, 0xB9: // “ ‘ „ ‹
				return 3
			}
		}
	case 0xE3:
		if i+2 < stop && text[i+1] == 0x80 && (text[i+2] == 0x8C || text[i+2] == 0x8E) { // 「 『
			return 3
		}
	case 0xEF:
		if i+2 < stop && text[i+1] == 0xBC && text[i+2] == 0x88 { // （
			return 3
		}
	}
	return 0
}

// spaceAt returns the size of the white-space character at text[i], or 0.
func spaceAt(text string, i, stop int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\r', '\v', '\f', '\n':
			return 1
		}
		return 0
	}
	if c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 {
		return 0
	}
	r, size := utf8.DecodeRuneInString(text[i:stop])
	if r != utf8.RuneError && unicode.IsSpace(r) {
		return size
	}
	return 0
}

// spaceBefore returns the size of the white-space character that ends at
// text[stop], or 0.
func spaceBefore(text string, start, stop int) int {
	c := text[stop-1]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\r', '\v', '\f', '\n':
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeLastRuneInString(text[start:stop])
	if r != utf8.RuneError && unicode.IsSpace(r) {
		return size
	}
	return 0
}

// skipSpace returns the index of the first character at or after i that is
// not white space, or stop.
func skipSpace(text string, i, stop int) int {
	for i < stop {
		n := spaceAt(text, i, stop)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// plausibleStart reports whether a sentence may begin at text[k]: an
// upper-case or caseless letter, a digit, a currency sign, a word like
// "iPhone", or an opening quote or bracket not followed by a lower-case
// letter.
func plausibleStart(text string, k, stop int) bool {
	for n := 0; k < stop && n < 4; n++ {
		c := text[k]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '$':
				return true
			case 'a' <= c && c <= 'z':
				// "iPhone", "eBay": a lower-case letter then a capital.
				return k+1 < stop && 'A' <= text[k+1] && text[k+1] <= 'Z'
			}
			if size := openerAt(text, k, stop); size > 0 {
				k += size
				continue
			}
			return false
		}
		if size := openerAt(text, k, stop); size > 0 {
			k += size
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:stop])
		switch {
		case r == utf8.RuneError:
			return false
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Sc, r), r == '¿', r == '¡':
			return true
		}
		return false
	}
	// Opening quotes or brackets followed by nothing telling.
	return true
}

// upperStart reports whether the first character at text[k], after any
// opening quotes or brackets, is an upper-case or caseless letter.
func upperStart(text string, k, stop int) bool {
	for n := 0; k < stop && n < 4; n++ {
		size := openerAt(text, k, stop)
		if size == 0 {
			break
		}
		k += size
	}
	if k >= stop {
		return false
	}
	if c := text[k]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(text[k:stop])
	return r != utf8.RuneError && unicode.IsLetter(r) && !unicode.IsLower(r)
}

// isBoundary decides whether the terminator run starting at text[i] ends a
// sentence, given that the next sentence would start at text[k] (a
// plausible start). sent is the start of the current sentence.
func isBoundary(text string, sent, i, k, stop, kind int, quoted bool) bool {
	switch kind {
	case runStrong:
		// “Why?” Khan asked. — the attribution continues the sentence.
		return !(quoted && attribution(text, k, stop))
	case runEllipsis:
		return upperStart(text, k, stop)
	}
	// A single full stop at text[i].
	if i == sent {
		return true
	}
	prev := text[i-1]
	if prev == ' ' || prev == '\t' {
		// A spaced ellipsis: ". . . Next".
		p := i - 1
		for p > sent && (text[p-1] == ' ' || text[p-1] == '\t') {
			p--
		}
		if p > sent && text[p-1] == '.' {
			return upperStart(text, k, stop)
		}
		return true
	}
	wEnd := i
	wStart := wordStart(text, sent, wEnd)
	for wStart < wEnd && text[wStart] == '.' {
		wStart++
	}
	if wStart == wEnd {
		return true // after a closing quote, bracket, per cent sign, …
	}
	w := text[wStart:wEnd]
	class := classify(w)
	if class == wordPlain && wStart == sent && len(w) <= 2 && isDigits(w) {
		// A list item: "1. The first point".
		return false
	}
	if quoted && class != wordNever {
		// A full stop inside closing quotes ends a sentence: `the U.S.” He`.
		return true
	}
	switch class {
	case wordNever:
		return false
	case wordNumber, wordMonth:
		if isDigit(text[k]) {
			return false
		}
		return starter(text, k, stop)
	case wordTrailing:
		return starter(text, k, stop)
	case wordTime:
		return !timeFollower(text, k, stop)
	}
	return true
}

// wordStart returns the start of the word ending at text[end]: the longest
// run of letters, digits, full stops and non-ASCII letters before end, not
// before lo.
func wordStart(text string, lo, end int) int {
	p := end
	for p > lo {
		c := text[p-1]
		if c < utf8.RuneSelf {
			if isAlnum(c) || c == '.' {
				p--
				continue
			}
			break
		}
		r, size := utf8.DecodeLastRuneInString(text[lo:p])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			break
		}
		p -= size
	}
	return p
}

// Word classes for the word before a full stop.
const (
	wordPlain    = iota // an ordinary word: the full stop ends a sentence
	wordNever           // a title or "e.g.": the full stop never ends a sentence
	wordNumber          // "No.": no sentence end before a number
	wordMonth           // "Jan.": no sentence end before a day number
	wordTrailing        // "U.S.", "Inc.": a sentence ends only before a common sentence starter
	wordTime            // "a.m.": a sentence ends unless a time zone or day follows
)

type abbrev struct {
	kind uint8
	// match says which spellings count: capitalised ("Gen"), lower case
	// ("v", so that the initial "V." is not taken for "versus"), or any.
	match uint8
}

// Values of abbrev.match.
const (
	matchCapital = iota
	matchLower
	matchAny
)

// abbreviations maps lower-cased abbreviations, without their final full
// stop, to their class.
var abbreviations = abbrevTable([]abbrevGroup{
	// Titles and ranks, which come before a name.
	{wordNever, matchCapital, "mr mrs ms messrs mme mlle dr prof rev fr msgr hon " +
		"gen gens lt col maj capt sgt cpl pvt pte spc adm brig cmdr cdr cmdt lieut " +
		"sen sens rep reps gov pres supt insp det atty amb mt ft"},
	// Abbreviations used inside a sentence.
	{wordNever, matchAny, "vs cf viz approx incl esp e.g i.e"},
	{wordNever, matchLower, "v"},
	// Abbreviations before a number.
	{wordNumber, matchCapital, "no nos art vol vols fig figs sec ch para ref rs nr op"},
	{wordNumber, matchLower, "p pp"},
	// Months, before a day.
	{wordMonth, matchCapital, "jan feb mar apr jun jul aug sep sept oct nov dec"},
	// Abbreviations that often end a sentence as well.
	{wordTrailing, matchCapital, "inc corp ltd co cos bros plc llc jr sr esq st ave blvd rd " +
		"dept univ assn govt est u.s u.k u.n u.s.a e.u"},
	{wordTrailing, matchAny, "al"},
	// Times of day.
	{wordTime, matchAny, "a.m p.m"},
})

type abbrevGroup struct {
	kind, match uint8
	words       string
}

func abbrevTable(groups []abbrevGroup) map[string]abbrev {
	m := make(map[string]abbrev)
	for _, g := range groups {
		for _, w := range strings.Fields(g.words) {
			m[w] = abbrev{kind: g.kind, match: g.match}
		}
	}
	return m
}

// classify returns the class of the word w that ends just before a full
// stop.
func classify(w string) int {
	if len(w) > 1 && isDigit(w[0]) && !isDigits(w) {
		// "5p.m": the number does not change the class.
		d := 1
		for d < len(w) && isDigit(w[d]) {
			d++
		}
		if isLetter(w[d]) {
			w = w[d:]
		}
	}
	if k, ok := lookup(w); ok {
		return k
	}
	if last := strings.LastIndexByte(w, '.'); last >= 0 {
		if dotted(w) {
			return wordTrailing // "U.S", "Ph.D", "A.Q"
		}
		w = w[last+1:] // "Lt.Gen", "TOLOnews.com"
		if w == "" {
			return wordPlain
		}
		if k, ok := lookup(w); ok {
			return k
		}
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) {
		if unicode.IsUpper(r) {
			return wordTrailing // an initial: "George W. Bush"
		}
		return wordPlain
	}
	if consonantAbbrev(w) {
		return wordTrailing
	}
	return wordPlain
}

// lookup finds w in the abbreviations table.
func lookup(w string) (int, bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	a, ok := abbreviations[string(buf[:len(w)])]
	if !ok {
		return 0, false
	}
	upper := 'A' <= w[0] && w[0] <= 'Z'
	if a.match == matchCapital && !upper || a.match == matchLower && upper {
		return 0, false
	}
	return int(a.kind), true
}

// dotted reports whether w is made of one- or two-letter parts joined by
// full stops, like "U.S" or "Ph.D".
func dotted(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
		case isLetter(c):
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}

// consonantAbbrev reports whether w is a short capitalised word without
// vowels, like "Mgr" or "Hwy", which is an abbreviation.
func consonantAbbrev(w string) bool {
	if len(w) < 2 || len(w) > 4 || !('A' <= w[0] && w[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(w); i++ {
		switch c := w[i]; c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return false
		default:
			if !('a' <= c && c <= 'z') {
				return false
			}
		}
	}
	return true
}

// nextWord returns the ASCII word that begins at text[k], after any opening
// quotes or brackets, and the index just past it.
func nextWord(text string, k, stop int) (string, int) {
	for n := 0; k < stop && n < 4; n++ {
		size := openerAt(text, k, stop)
		if size == 0 {
			break
		}
		k += size
	}
	e := k
	for e < stop && isLetter(text[e]) {
		e++
	}
	return text[k:e], e
}

// starter reports whether the text at text[k] begins like a new sentence
// after an abbreviation: with an opening quote or a common sentence
// starter such as "The" or "He".
func starter(text string, k, stop int) bool {
	if size := openerAt(text, k, stop); size > 0 && !isBracket(text[k]) {
		return true
	}
	w, e := nextWord(text, k, stop)
	if len(w) == 1 && e < stop && text[e] == '.' {
		return false // another initial: "J. A. Smith"
	}
	_, ok := starters[w]
	return ok
}

// starters are capitalised words that commonly begin a sentence and rarely
// follow an abbreviation inside one.
var starters = setOf(
	"A", "About", "According", "After", "Again", "Also", "Although", "Among",
	"An", "And", "Another", "Any", "Are", "As", "At", "Because", "Before",
	"Both", "But", "By", "Can", "Despite", "Did", "Do", "During", "Each",
	"Earlier", "Even", "Every", "Few", "Finally", "Following", "For",
	"From", "Further", "Furthermore", "He", "Her", "Here", "His", "How",
	"However", "I", "If", "In", "Instead", "Is", "It", "Its", "Last",
	"Later", "Many", "Meanwhile", "Moreover", "Most", "Much", "My",
	"Neither", "Nevertheless", "No", "Nor", "Not", "Now", "Of", "On",
	"Once", "One", "Only", "Or", "Other", "Others", "Our", "Over",
	"Separately", "Several", "She", "Since", "So", "Some", "Still", "Such",
	"That", "The", "Their", "Then", "There", "These", "They", "This",
	"Those", "Though", "Thus", "To", "Today", "Under", "Unlike", "Until",
	"We", "Were", "What", "When", "Where", "Whether", "Which", "While",
	"Who", "Why", "With", "Yesterday", "Yet", "You", "Your",
)

// attribution reports whether the text at text[k], after a question or
// exclamation inside quotes, is a speech attribution such as
// `Interior Minister Chaudhry Nisar asked.`
func attribution(text string, k, stop int) bool {
	for n := 0; n < 6 && k < stop; n++ {
		e := k
		for e < stop && (isLetter(text[e]) || text[e] == '-' || text[e] == '.' && e+1 < stop && isLetter(text[e+1])) {
			e++
		}
		if e == k {
			return false
		}
		if _, ok := speechVerbs[text[k:e]]; ok {
			return true
		}
		if e >= stop || text[e] != ' ' {
			return false
		}
		k = e + 1
	}
	return false
}

var speechVerbs = setOf(
	"said", "says", "asked", "asks", "told", "tells", "added", "adds",
	"wondered", "wonders", "shouted", "replied", "replies", "responded",
	"tweeted", "wrote", "writes", "exclaimed", "cried", "demanded",
	"questioned", "queried", "quipped", "insisted", "retorted", "chanted",
)

// timeFollower reports whether the text at text[k], after "a.m." or
// "p.m.", continues the time: a time zone, a day or month, or a word
// followed by "time".
func timeFollower(text string, k, stop int) bool {
	w, e := nextWord(text, k, stop)
	if _, ok := timeWords[w]; ok {
		return true
	}
	if w == "" || e >= stop || text[e] != ' ' {
		return false
	}
	w2, _ := nextWord(text, e+1, stop)
	switch w2 {
	case "time", "Time", "Standard", "Daylight":
		return true
	}
	return false
}

var timeWords = setOf(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT",
	"PT", "PST", "PDT", "BST", "CET", "CEST", "IST", "PKT", "AFT", "JST",
	"HKT", "SGT", "AEST", "AEDT", "MSK", "GST", "EAT", "WAT",
	"Eastern", "Central", "Mountain", "Pacific", "Greenwich", "Zulu",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// isBracket reports whether the opener starting with byte c is a bracket
// rather than a quote; 0xEF begins the only non-ASCII one, "（".
func isBracket(c byte) bool { return c == '(' || c == '[' || c == '{' || c == 0xEF }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return len(w) > 0
}
