// Package timex finds date expressions in news text and normalises them
// against the document's publication date (the reference date).
//
// Find is a hand-written scanner, not a regular-expression engine: text is
// cut into tokens once (see lex.go), keywords are looked up once per word,
// and only tokens that can start a date expression (a keyword or a number)
// are tried against the rules below. Spans never include a leading
// preposition ("on Friday" gives "Friday"), but do include modifiers that
// change the value ("earlier this week", "last Friday", "mid-2019").
//
// # Rules
//
// Values are ISO 8601 at four precisions: "2024-06-21" (day), "2024-W25"
// (ISO week), "2024-06" (month) and "2024" (year). Relative expressions get
// an empty Value when the reference date is zero; absolute ones ("June 4,
// 2017", "in 2016", "2024-06-21") always get theirs.
//
//   - Weekdays ("Friday", "on Friday", "Friday night", "late Monday"): the
//     closest such day in the week ending on the reference date (the
//     reference day itself included), since news reports mostly past
//     events. When the sentence before the weekday announces the future
//     ("will", "'ll", "shall", "scheduled", "expected", "due", "plans",
//     "upcoming") it is the closest such day on or after the reference.
//     "last Friday" is the closest strictly before the reference, "next
//     Friday" the closest strictly after, "this Friday" on or after.
//   - "today", "tonight", "this morning/afternoon/evening", "earlier today"
//     give the reference day; "yesterday (morning...)" and "last night" the
//     day before; "tomorrow" the day after.
//   - "this/last/next week|month|year", optionally with "earlier",
//     "later", "early", "late" in front: the reference's week, month or
//     year, or the one before or after. "the last few days" (also "past",
//     "several") is the reference's week.
//   - "N days|weeks|months|years ago" (digits, "a", "an", "one" ...
//     "twelve"): days give a day, weeks the ISO week 7N days back,
//     months a month, years a year.
//   - Month and day without a year ("On June 4", "Jan. 20", "January
//     20th", "4 June"): the most recent such day on or before the
//     reference date, unless the sentence announces the future (then the
//     first on or after it).
//   - A month alone ("in January", "early March") follows the same rule at
//     month level (the most recent such month, the reference's month
//     included). "last January" is the most recent January strictly before
//     the reference month, "next January" the first strictly after, "this
//     January" the reference year's. "December last year", "January this
//     year", "March next year" take the year named. "May" alone needs a
//     cue ("in May", "since May", "last May"...); month names must be
//     capitalised, abbreviations ("Jan.", "Sept.") too.
//   - Full dates: "June 4, 2017", "June 4 2017", "4 June 2017", "the 4th
//     of June", "Friday, June 4", ISO "2024-06-21", and slashed dates
//     "21/06/2024" only when unambiguous (one field above 12; "06/21/2024"
//     is read month first for the same reason). "June 2017" is a month.
//   - Years: a bare number 1900–2100 is a year only in date context:
//     after in, of, since, by, until, till, from, during, before, after,
//     between, into, throughout, early, late, mid-, fiscal, or after "the"
//     or a possessive ("its", "their" ...) when a word follows ("the 1996
//     Olympics"); the second year of a range ("2009-2010", "from 1990 to
//     1994"). Never when a count or clock word follows ("in 2000 people",
//     "by 2100 hours"), after "a total of" and the like, when the number
//     is part of 2,016 or 20.16, or when a currency sign or % touches it.
//   - Not handled: decades ("the 1990s"), quarters, seasons, durations
//     ("a month earlier", "the past week"), vague references ("recently",
//     "now"), times of day.
package timex

import (
	"strconv"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Precisions of a DateMention.
const (
	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// Find returns the date expressions of text in order, normalised against ref.
// With a zero ref, relative expressions ("on Friday", "last month") get an empty Value
// (never resolved against today); absolute ones ("June 4, 2024", "2019") still get theirs.
func Find(text string, ref sitrep.Date) []sitrep.DateMention {
	bp := tokPool.Get().(*[]tok)
	toks := lex(text, (*bp)[:0])
	defer func() {
		if cap(toks) <= 1<<16 {
			*bp = toks[:0]
			tokPool.Put(bp)
		}
	}()
	m := matcher{text: text, t: toks, lastYearEnd: -1}
	if !ref.IsZero() {
		m.hasRef = true
		m.ref = ref.Time()
	}
	var out []sitrep.DateMention
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.kw == kwNone && t.kind != tkNumber {
			i++
			continue
		}
		r, ok := m.at(i)
		if !ok || r.end <= i || r.start > i {
			i++
			continue
		}
		s, e := toks[r.start].s, toks[r.end-1].e
		out = append(out, sitrep.DateMention{Start: s, End: e, Text: text[s:e], Value: r.value, Precision: r.prec})
		if r.year {
			m.lastYearEnd = r.end
		}
		i = r.end
	}
	return out
}

var tokPool = sync.Pool{New: func() any { s := make([]tok, 0, 1024); return &s }}

// match is a candidate expression over tokens [start, end).
type match struct {
	start, end int
	value      string
	prec       string
	year       bool // a year-only expression (for ranges "2009-2010")
}

type matcher struct {
	text        string
	t           []tok
	hasRef      bool
	ref         time.Time
	lastYearEnd int
}

// tok returns token i or a zero punctuation token when out of range.
func (m *matcher) tok(i int) tok {
	if i < 0 || i >= len(m.t) {
		return tok{s: -1, e: -1, kind: tkPunct, punct: 0}
	}
	return m.t[i]
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (m *matcher) adjacent(i int) bool {
	return i >= 0 && i+1 < len(m.t) && m.t[i].e == m.t[i+1].s
}

func (m *matcher) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(m.t) && m.t[i].kind == tkPunct && m.t[i].punct == c
}

func isMonth(k kw) bool   { return k >= kwJan && k <= kwDec }
func isWeekday(k kw) bool { return k >= kwSun && k <= kwSat }

// at tries every rule that can start at token i.
func (m *matcher) at(i int) (match, bool) {
	t := m.t[i]
	switch {
	case t.kind == tkNumber:
		return m.number(i)
	case isMonth(t.kw) && t.cap:
		return m.month(i, i, 0)
	case isWeekday(t.kw) && t.cap:
		return m.weekday(i, i, 0)
	}
	switch t.kw {
	case kwToday, kwTonight:
		return m.rel(i, i+1, Day, m.ref), true
	case kwYesterday, kwTomorrow:
		d := -1
		if t.kw == kwTomorrow {
			d = 1
		}
		end := i + 1
		if k := m.tok(end).kw; k == kwMorning || k == kwAfternoon || k == kwEvening || k == kwNight {
			end++
		}
		return m.rel(i, end, Day, m.ref.AddDate(0, 0, d)), true
	case kwThis, kwLast, kwNext, kwComing:
		return m.deictic(i, i+1, t.kw, false)
	case kwEarlier, kwLater, kwEarly, kwLate, kwMid:
		return m.modified(i)
	case kwThe:
		// the last few days
		a, b, c := m.tok(i+1).kw, m.tok(i+2).kw, m.tok(i+3).kw
		if (a == kwLast || a == kwPast) && (b == kwFew || b == kwSeveral) && c == kwDay && m.lower(i+3) {
			return m.rel(i, i+4, Week, m.ref), true
		}
	case kwA, kwNumWord:
		if t.kw == kwA && m.tok(i+1).kw == kwFew {
			return match{}, false
		}
		return m.ago(i, t.num)
	}
	return match{}, false
}

// lower reports whether word i is lower case (not a name).
func (m *matcher) lower(i int) bool {
	t := m.tok(i)
	return t.kind == tkWord && !t.cap
}

// modified handles expressions opened by earlier, later, early, late, mid.
func (m *matcher) modified(i int) (match, bool) {
	k := m.t[i].kw
	j := i + 1
	if k == kwMid && m.isPunct(j, '-') && m.adjacent(i) && m.adjacent(j) {
		j++
	}
	n := m.tok(j)
	switch {
	case n.kw == kwThis || n.kw == kwLast || n.kw == kwNext:
		if k == kwMid {
			return match{}, false
		}
		return m.deictic(i, j+1, n.kw, true)
	case (n.kw == kwToday) && (k == kwEarlier || k == kwLater):
		return m.rel(i, j+1, Day, m.ref), true
	case isMonth(n.kw) && n.cap && k != kwEarlier && k != kwLater:
		return m.month(j, i, 0)
	case isWeekday(n.kw) && n.cap && (k == kwEarly || k == kwLate):
		return m.weekday(j, i, 0)
	case n.kind == tkNumber && n.nd == 4 && !n.ord && k != kwEarlier && k != kwLater:
		if y := n.num; y >= 1900 && y <= 2100 && !m.countAfter(j) {
			return match{start: i, end: j + 1, value: yearVal(y), prec: Year, year: true}, true
		}
	}
	return match{}, false
}

// deictic handles this/last/next/coming + unit, weekday, month or part of
// day; the unit is token j, the expression starts at token s.
func (m *matcher) deictic(s, j int, k kw, modified bool) (match, bool) {
	u := m.tok(j)
	off := 0
	switch k {
	case kwLast:
		off = -1
	case kwNext, kwComing:
		off = 1
	}
	if !m.lower(j) && !u.cap {
		return match{}, false
	}
	switch u.kw {
	case kwWeek:
		if !m.lower(j) || (u.e-u.s) != 4 {
			return match{}, false
		}
		return m.rel(s, j+1, Week, m.ref.AddDate(0, 0, 7*off)), true
	case kwMonth:
		if !m.lower(j) || (u.e-u.s) != 5 {
			return match{}, false
		}
		return m.rel(s, j+1, Month, m.ref.AddDate(0, off, 1-m.ref.Day())), true
	case kwYear:
		if !m.lower(j) || (u.e-u.s) != 4 {
			return match{}, false
		}
		return m.rel(s, j+1, Year, m.ref.AddDate(off, 0, 0)), true
	}
	if modified {
		return match{}, false
	}
	switch {
	case isWeekday(u.kw) && u.cap:
		return m.weekday(j, s, k)
	case isMonth(u.kw) && u.cap:
		return m.month(j, s, k)
	case (u.kw == kwMorning || u.kw == kwAfternoon || u.kw == kwEvening) && k == kwThis:
		return m.rel(s, j+1, Day, m.ref), true
	case u.kw == kwNight && k == kwLast:
		return m.rel(s, j+1, Day, m.ref.AddDate(0, 0, -1)), true
	}
	return match{}, false
}

// weekday handles a weekday at token i, the expression starting at s; mode
// is kwLast, kwNext, kwThis or 0.
func (m *matcher) weekday(i, s int, mode kw) (match, bool) {
	wd := time.Weekday(m.t[i].kw - kwSun)
	end := i + 1
	// "Friday, June 4, 2017": the explicit date wins.
	if m.isPunct(end, ',') && isMonth(m.tok(end+1).kw) && m.tok(end+1).cap {
		if r, ok := m.month(end+1, s, 0); ok && r.prec == Day {
			return r, true
		}
	}
	if k := m.tok(end).kw; (k == kwMorning || k == kwAfternoon || k == kwEvening || k == kwNight) && m.lower(end) {
		end++
	}
	if !m.hasRef {
		return match{start: s, end: end, prec: Day}, true
	}
	rw := m.ref.Weekday()
	var d int
	switch mode {
	case kwLast:
		d = -int((rw - wd + 7) % 7)
		if d == 0 {
			d = -7
		}
	case kwNext, kwComing:
		d = int((wd - rw + 7) % 7)
		if d == 0 {
			d = 7
		}
	case kwThis:
		d = int((wd - rw + 7) % 7)
	default:
		if m.future(s) {
			d = int((wd - rw + 7) % 7)
		} else {
			d = -int((rw - wd + 7) % 7)
		}
	}
	return m.rel(s, end, Day, m.ref.AddDate(0, 0, d)), true
}

var monthNameLen = [13]int{0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8}

// month handles a month name at token i, the expression starting at s;
// mode is kwLast, kwNext, kwThis or 0.
func (m *matcher) month(i, s int, mode kw) (match, bool) {
	t := m.t[i]
	mon := time.Month(t.kw)
	end := i + 1
	abbr := t.e-t.s < monthNameLen[mon]
	if abbr && m.isPunct(end, '.') && m.adjacent(i) {
		end++
	}
	if mode == 0 {
		// Month Day[,] [Year]
		if d := m.tok(end); d.kind == tkNumber && d.nd <= 2 && d.num >= 1 && d.num <= 31 {
			if y, yend, ok := m.yearAfter(end + 1); ok {
				if validDay(y, mon, d.num) {
					return match{start: s, end: yend, value: dayVal(time.Date(y, mon, d.num, 0, 0, 0, 0, time.UTC)), prec: Day}, true
				}
				return match{}, false
			}
			if !validDay(2000, mon, d.num) || m.adjacent(end) && m.isPunct(end+1, ':') && m.tok(end+2).kind == tkNumber {
				return match{}, false
			}
			if m.countAfter(end) {
				return match{}, false
			}
			return m.monthDay(s, end+1, mon, d.num), true
		}
		// Month [,|of] Year
		if y, yend, ok := m.yearAfter(end); ok {
			return match{start: s, end: yend, value: monthVal(y, mon), prec: Month}, true
		}
		if m.tok(end).kw == kwOf {
			if y, yend, ok := m.yearAfter(end + 1); ok {
				return match{start: s, end: yend, value: monthVal(y, mon), prec: Month}, true
			}
		}
		// December last year, January this year, October of next year
		of := 0
		if m.tok(end).kw == kwOf {
			of = 1
		}
		if k := m.tok(end + of).kw; (k == kwLast || k == kwThis || k == kwNext) && m.tok(end+of+1).kw == kwYear && m.lower(end+of+1) && m.t[end+of+1].e-m.t[end+of+1].s == 4 {
			end += of
			off := 0
			if k == kwLast {
				off = -1
			} else if k == kwNext {
				off = 1
			}
			if !m.hasRef {
				return match{start: s, end: end + 2, prec: Month}, true
			}
			return match{start: s, end: end + 2, value: monthVal(m.ref.Year()+off, mon), prec: Month}, true
		}
	}
	// A month alone: not "Jan Kavan" nor "the March for Life".
	if abbr && end == i+1 {
		return match{}, false
	}
	if k := m.tok(end).kw; (k == kwOf || m.tok(end).e-m.tok(end).s == 3 && m.text[m.tok(end).s:m.tok(end).e] == "for") && m.tok(end+1).cap {
		return match{}, false
	}
	if mode == 0 && s == i && (abbr || mon == time.May) {
		p := m.tok(i - 1)
		switch p.kw {
		case kwIn, kwOf, kwPrepYear, kwEarly, kwLate, kwTo, kwAnd:
		default:
			if !(m.isPunct(i-1, '-') && m.tok(i-2).kw == kwMid) {
				return match{}, false
			}
		}
	}
	if !m.hasRef {
		return match{start: s, end: end, prec: Month}, true
	}
	ry, rm := m.ref.Year(), m.ref.Month()
	y := ry
	switch mode {
	case kwLast:
		if mon >= rm {
			y--
		}
	case kwNext, kwComing:
		if mon <= rm {
			y++
		}
	case kwThis:
	default:
		y = nearestYear(ry, m.future(s), func(y int) int { return (y-ry)*12 + int(mon) - int(rm) })
	}
	return match{start: s, end: end, value: monthVal(y, mon), prec: Month}, true
}

// monthDay resolves a month and day without a year.
func (m *matcher) monthDay(s, end int, mon time.Month, day int) match {
	if !m.hasRef {
		return match{start: s, end: end, prec: Day}
	}
	y := nearestYear(m.ref.Year(), m.future(s), func(y int) int {
		return int(time.Date(y, mon, day, 0, 0, 0, 0, time.UTC).Sub(m.ref).Hours() / 24)
	})
	if !validDay(y, mon, day) { // Feb 29
		y = m.ref.Year()
	}
	return match{start: s, end: end, value: dayVal(time.Date(y, mon, day, 0, 0, 0, 0, time.UTC)), prec: Day}
}

// futureWeight makes a later date count as this many times farther than
// an earlier one when choosing the year of a date without one: news
// mostly reports the past.
var futureWeight = 2.0

// nearestYear returns the year, among ref-1, ref and ref+1, whose date
// is nearest the reference (dist returns the signed distance from the
// reference for a year). With future set, only dates on or after the
// reference are considered.
func nearestYear(ref int, future bool, dist func(y int) int) int {
	best, bestCost := ref, -1.0
	for y := ref - 1; y <= ref+1; y++ {
		d := dist(y)
		var cost float64
		switch {
		case future && d < 0:
			continue
		case d <= 0:
			cost = float64(-d)
		default:
			cost = float64(d) * futureWeight
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = y, cost
		}
	}
	return best
}

// yearAfter reads an optional comma and a year at token j.
func (m *matcher) yearAfter(j int) (y, end int, ok bool) {
	if m.isPunct(j, ',') {
		j++
	}
	t := m.tok(j)
	if t.kind != tkNumber || t.ord || t.nd != 4 || t.num < 1000 || t.num > 2999 {
		return 0, 0, false
	}
	if m.countAfter(j) {
		return 0, 0, false
	}
	return t.num, j + 1, true
}

// countAfter reports whether the number at token j is followed by a word
// that makes it a count, a clock time or a percentage.
func (m *matcher) countAfter(j int) bool {
	n := m.tok(j + 1)
	switch n.kw {
	case kwCount, kwClock, kwPercent:
		return true
	}
	if m.isPunct(j+1, '%') {
		return true
	}
	if m.adjacent(j) && (m.isPunct(j+1, ':') || m.isPunct(j+1, '/')) && m.tok(j+2).kind == tkNumber {
		return true
	}
	return false
}

// number handles expressions that open with a number.
func (m *matcher) number(i int) (match, bool) {
	t := m.t[i]
	// ISO 2024-06-21
	if t.nd == 4 && !t.ord && m.adjacent(i) && m.isPunct(i+1, '-') && m.adjacent(i+1) {
		mo, d := m.tok(i+2), m.tok(i+4)
		if mo.kind == tkNumber && mo.nd == 2 && !mo.ord && m.adjacent(i+2) && m.isPunct(i+3, '-') && m.adjacent(i+3) &&
			d.kind == tkNumber && d.nd == 2 && !d.ord && !(m.adjacent(i+4) && (m.isPunct(i+5, '-') || m.isPunct(i+5, ':') || m.tok(i+5).kind != tkPunct)) {
			if validDay(t.num, time.Month(mo.num), d.num) && !m.adjacentBefore(i) {
				return match{start: i, end: i + 5, value: dayVal(time.Date(t.num, time.Month(mo.num), d.num, 0, 0, 0, 0, time.UTC)), prec: Day}, true
			}
			return match{}, false
		}
	}
	// 21/06/2024
	if t.nd <= 2 && !t.ord && m.adjacent(i) && m.isPunct(i+1, '/') && m.adjacent(i+1) {
		b, y := m.tok(i+2), m.tok(i+4)
		if b.kind == tkNumber && b.nd <= 2 && !b.ord && m.adjacent(i+2) && m.isPunct(i+3, '/') && m.adjacent(i+3) &&
			y.kind == tkNumber && y.nd == 4 && !y.ord && !(m.adjacent(i+4) && (m.isPunct(i+5, '/') || m.tok(i+5).kind != tkPunct)) && !m.adjacentBefore(i) {
			a, bb := t.num, b.num
			var day, mon int
			switch {
			case a > 12 && bb <= 12:
				day, mon = a, bb
			case bb > 12 && a <= 12:
				day, mon = bb, a
			default:
				return match{}, false
			}
			if validDay(y.num, time.Month(mon), day) {
				return match{start: i, end: i + 5, value: dayVal(time.Date(y.num, time.Month(mon), day, 0, 0, 0, 0, time.UTC)), prec: Day}, true
			}
			return match{}, false
		}
	}
	// 4 June [2017], 4th of June
	if t.nd <= 2 && t.num >= 1 && t.num <= 31 && !m.adjacentBefore(i) {
		j := i + 1
		if t.ord && m.tok(j).kw == kwOf {
			j++
		}
		if n := m.tok(j); isMonth(n.kw) && n.cap && !(n.kw == kwMay && m.isAuxMay(j)) {
			mon := time.Month(n.kw)
			end := j + 1
			if n.e-n.s < monthNameLen[mon] && m.isPunct(end, '.') && m.adjacent(j) {
				end++
			}
			if y, yend, ok := m.yearAfterNoComma(end); ok {
				if validDay(y, mon, t.num) {
					return match{start: i, end: yend, value: dayVal(time.Date(y, mon, t.num, 0, 0, 0, 0, time.UTC)), prec: Day}, true
				}
				return match{}, false
			}
			if !validDay(2000, mon, t.num) {
				return match{}, false
			}
			return m.monthDay(i, end, mon, t.num), true
		}
	}
	// N units ago
	if !t.ord && t.nd <= 2 && t.num >= 1 {
		if r, ok := m.ago(i, t.num); ok {
			return r, true
		}
	}
	// A year in context.
	if t.nd == 4 && !t.ord && t.num >= 1900 && t.num <= 2100 && m.yearContext(i) {
		return match{start: i, end: i + 1, value: yearVal(t.num), prec: Year, year: true}, true
	}
	return match{}, false
}

// isAuxMay reports whether "May" at token j is likely the modal verb
// ("3 May be"): it is followed by a lower-case word other than a year.
func (m *matcher) isAuxMay(j int) bool {
	n := m.tok(j + 1)
	return n.kind == tkWord && !n.cap
}

func (m *matcher) yearAfterNoComma(j int) (int, int, bool) {
	if m.isPunct(j, ',') {
		// "4 June, 2017" is rare; "4 June, 2000 people fled" is not a date.
		t := m.tok(j + 1)
		if t.kind != tkNumber || t.nd != 4 {
			return 0, 0, false
		}
	}
	return m.yearAfter(j)
}

// adjacentBefore reports whether token i touches a preceding token that
// is a digit run, a letter run or a currency sign, so that it is part of
// a larger token (a phone number, an id, a price).
func (m *matcher) adjacentBefore(i int) bool {
	if i == 0 || m.t[i-1].e != m.t[i].s {
		return false
	}
	p := m.t[i-1]
	if p.kind != tkPunct {
		return true
	}
	switch p.punct {
	case '$', '#', '/', '-', ':', '.', '+', '=':
		return true
	}
	return false
}

// yearContext decides whether the 4-digit number at token i is a year.
func (m *matcher) yearContext(i int) bool {
	if m.countAfter(i) {
		return false
	}
	if i > 0 && m.t[i-1].e == m.t[i].s {
		// touching: mid-2019 is handled by modified; 2009-2010 below.
		p := m.t[i-1]
		if p.kind != tkPunct || p.punct != '-' || m.lastYearEnd != i-1 {
			return false
		}
	}
	if i+1 < len(m.t) && m.t[i].e == m.t[i+1].s {
		n := m.t[i+1]
		if n.kind != tkPunct || (n.punct != ',' && n.punct != '.' && n.punct != ')' && n.punct != '\'' && n.punct != ';' && n.punct != '-') {
			return false
		}
	}
	p := m.tok(i - 1)
	switch p.kw {
	case kwIn, kwPrepYear, kwEarly, kwLate, kwFiscal:
		return true
	case kwOf:
		return m.tok(i-2).kw != kwTotal && !(m.tok(i-2).kind == tkNumber)
	case kwThe, kwDet, kwA:
		n := m.tok(i + 1)
		return n.kind == tkWord && n.kw != kwOf
	case kwAnd, kwTo:
		return m.lastYearEnd == i-1
	}
	if p.kind == tkPunct && p.punct == '-' && m.lastYearEnd == i-1 {
		return true
	}
	return false
}

// ago handles "N days|weeks|months|years ago" with N at token i.
func (m *matcher) ago(i, n int) (match, bool) {
	u := m.tok(i + 1)
	if m.tok(i+2).kw != kwAgo || !m.lower(i+1) || n < 1 || n > 99 {
		return match{}, false
	}
	switch u.kw {
	case kwDay:
		return m.rel(i, i+3, Day, m.ref.AddDate(0, 0, -n)), true
	case kwWeek:
		return m.rel(i, i+3, Week, m.ref.AddDate(0, 0, -7*n)), true
	case kwMonth:
		return m.rel(i, i+3, Month, m.ref.AddDate(0, -n, 1-m.ref.Day())), true
	case kwYear:
		return m.rel(i, i+3, Year, m.ref.AddDate(-n, 0, 0)), true
	}
	return match{}, false
}

// future reports whether the words before token s, within its sentence,
// announce the future.
func (m *matcher) future(s int) bool {
	for j := s - 1; j >= 0 && j >= s-12; j-- {
		t := m.t[j]
		if t.kind == tkPunct {
			if t.punct == '!' || t.punct == '?' || t.punct == ';' {
				return false
			}
			if t.punct == '.' && j > 0 {
				// a full stop, unless it ends an abbreviation (Jan., Mr.)
				p := m.t[j-1]
				if !(p.kind == tkWord && p.cap && p.e-p.s <= 4 && p.e == t.s) {
					return false
				}
			}
			continue
		}
		if t.fut {
			return true
		}
		switch t.kw {
		case kwLL:
			if m.isPunct(j-1, '\'') {
				return true
			}
		}
	}
	return false
}

// rel returns a relative match, valued only when there is a reference.
func (m *matcher) rel(s, end int, prec string, t time.Time) match {
	r := match{start: s, end: end, prec: prec}
	if !m.hasRef {
		return r
	}
	switch prec {
	case Day:
		r.value = dayVal(t)
	case Week:
		r.value = weekVal(t)
	case Month:
		r.value = monthVal(t.Year(), t.Month())
	case Year:
		r.value = yearVal(t.Year())
	}
	return r
}

func validDay(y int, mon time.Month, d int) bool {
	if mon < 1 || mon > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && t.Month() == mon
}

func pad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func dayVal(t time.Time) string {
	b := make([]byte, 0, 10)
	b = pad(b, t.Year(), 4)
	b = append(b, '-')
	b = pad(b, int(t.Month()), 2)
	b = append(b, '-')
	return string(pad(b, t.Day(), 2))
}

func weekVal(t time.Time) string {
	y, w := t.ISOWeek()
	b := make([]byte, 0, 8)
	b = pad(b, y, 4)
	b = append(b, '-', 'W')
	return string(pad(b, w, 2))
}

func monthVal(y int, mon time.Month) string {
	b := make([]byte, 0, 7)
	b = pad(b, y, 4)
	b = append(b, '-')
	return string(pad(b, int(mon), 2))
}

func yearVal(y int) string { return string(pad(make([]byte, 0, 4), y, 4)) }
