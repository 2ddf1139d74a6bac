package muc

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Gold is the part of a key template the evaluation scores, read into
// types: incident type, date, location, perpetrator organisations,
// targets, deaths and injuries.
type Gold struct {
	Template *Template
	// Types are the MUC incident types the key allows ("ATTACK",
	// "BOMBING"; "ATTACK / BOMBING" gives both).
	Types []string
	// Dates are the date alternatives; none when the key gives no date.
	Dates    []DateRange
	DateOpt  bool
	DateText string
	// Locations are the location alternatives.
	Locations    []Location
	LocationText string
	// Perps are the perpetrator organisations (slot 10), each with its
	// alternative names.
	Perps []Alt
	// Targets are the human targets (names, or descriptions of unnamed
	// ones; a named target's description is one of its alternatives)
	// and the physical targets.
	Targets []Alt
	// Deaths and Injuries are the numbers of human targets whose effect
	// is DEATH or INJURY; nil when the key says nothing of it.
	Deaths, Injuries *Count
}

// Alt is one filler with its alternative strings.
type Alt struct {
	Values   []string
	Optional bool
}

// String writes the alternatives as the key does.
func (a Alt) String() string {
	s := `"` + strings.Join(a.Values, `" / "`) + `"`
	if a.Optional {
		s = "? " + s
	}
	return s
}

// DateRange is one date alternative: the days from From to To, both
// included. A key's "- 19 APR 89" (on or before) is the BeforeWindow days
// up to the date.
type DateRange struct {
	From, To time.Time
	Before   bool // written "- DD MMM YY"
}

// BeforeWindow is how many days before its anchor a key's "on or before"
// date ("- 19 APR 89") reaches. The keys use the form for weekday
// references ("last Wednesday") and for dates taken by default from the
// dateline, so a week covers what the text can mean.
const BeforeWindow = 7

// Location is one location alternative: the country and the more specific
// places in order ("PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)"), each
// level with its names (two for "CUCUTA (CITY) - CAMPANARIO (RURAL AREA)").
type Location struct {
	Levels [][]string
}

// Specific returns the names of the most specific level.
func (l Location) Specific() []string {
	if len(l.Levels) == 0 {
		return nil
	}
	return l.Levels[len(l.Levels)-1]
}

// Count is a number of people a key gives: Min to Max (Max is
// math.MaxInt when open: "PLURAL", "6-"); Optional when every part of it
// is optional.
type Count struct {
	Min, Max int
	Optional bool
	Text     string
}

// Exact reports whether the count is one number.
func (c Count) Exact() bool { return c.Min == c.Max }

func (c Count) String() string {
	switch {
	case c.Exact():
		return strconv.Itoa(c.Min)
	case c.Max == math.MaxInt:
		return strconv.Itoa(c.Min) + "+"
	}
	return strconv.Itoa(c.Min) + "-" + strconv.Itoa(c.Max)
}

// Gold reads the scored slots of t. published is the message's dateline
// date, the year of a key date that gives none.
func (t *Template) Gold(published sitrep.Date) *Gold {
	g := &Gold{Template: t}
	for _, f := range t.Slots[SlotType] {
		g.Types = append(g.Types, f.Values...)
	}
	for _, f := range t.Slots[SlotDate] {
		g.DateOpt = f.Optional
		g.DateText = f.Raw
		for _, v := range f.Values {
			if r, ok := parseDateRange(v, published); ok {
				g.Dates = append(g.Dates, r)
			}
		}
	}
	for _, f := range t.Slots[SlotLocation] {
		g.LocationText = f.Raw
		for _, v := range f.Values {
			if l := parseLocation(v); len(l.Levels) > 0 {
				g.Locations = append(g.Locations, l)
			}
		}
	}
	for _, f := range t.Slots[SlotPerpOrg] {
		if len(f.Values) > 0 {
			g.Perps = append(g.Perps, Alt{Values: f.Values, Optional: f.Optional})
		}
	}
	g.Targets = targets(t)
	g.Deaths = effectCount(t, "DEATH", "NO DEATH", "NO INJURY OR DEATH")
	g.Injuries = effectCount(t, "INJURY", "NO INJURY", "NO INJURY OR DEATH")
	return g
}

// targets lists the human targets (a name with its descriptions, or an
// unnamed description) and the physical targets of t.
func targets(t *Template) []Alt {
	var out []Alt
	named := map[string]int{} // a name alternative -> index in out
	for _, f := range t.Slots[SlotHumTargetName] {
		if len(f.Values) == 0 {
			continue
		}
		for _, v := range f.Values {
			named[v] = len(out)
		}
		out = append(out, Alt{Values: append([]string(nil), f.Values...), Optional: f.Optional})
	}
	for _, f := range t.Slots[SlotHumTargetDesc] {
		if len(f.Values) == 0 {
			continue
		}
		i, ok := -1, false
		for _, r := range f.Refs {
			if i, ok = named[r]; ok {
				break
			}
		}
		if ok {
			out[i].Values = append(out[i].Values, f.Values...)
			continue
		}
		out = append(out, Alt{Values: f.Values, Optional: f.Optional})
	}
	for _, f := range t.Slots[SlotPhysTargetID] {
		if len(f.Values) > 0 {
			out = append(out, Alt{Values: f.Values, Optional: f.Optional})
		}
	}
	return out
}

// effectCount adds up the HUM TGT: NUMBER of the targets whose effect is
// want; a template that gives only one of the none effects counts 0, and
// one that gives neither has no count.
func effectCount(t *Template, want string, none ...string) *Count {
	var (
		c     Count
		found bool
		zero  bool
		opt   = true
		texts []string
	)
	for _, f := range t.Slots[SlotHumTargetEffect] {
		has := false
		for _, v := range f.Values {
			if v == want {
				has = true
			}
			for _, n := range none {
				if v == n {
					zero = true
				}
			}
		}
		if !has {
			continue
		}
		found = true
		lo, hi := targetNumber(t, f.Refs)
		if !f.Optional {
			opt = false
			c.Min += lo
		}
		if c.Max != math.MaxInt {
			if hi == math.MaxInt {
				c.Max = math.MaxInt
			} else {
				c.Max += hi
			}
		}
		texts = append(texts, f.Raw)
	}
	switch {
	case found:
		c.Optional = opt
		c.Text = strings.Join(texts, "; ")
		return &c
	case zero:
		return &Count{Text: "none (" + want + " denied)"}
	}
	return nil
}

// targetNumber returns the bounds of HUM TGT: NUMBER for the target refs
// name: the number given ("5", "~40", "6-8", "6-", "PLURAL", several
// alternatives), else 1 for a named target and at least 1 for a target
// the key does not describe (a dummy "-" reference).
func targetNumber(t *Template, refs []string) (int, int) {
	isRef := func(rs []string) bool {
		for _, r := range rs {
			for _, x := range refs {
				if r == x {
					return true
				}
			}
		}
		return false
	}
	for _, f := range t.Slots[SlotHumTargetNum] {
		if len(refs) == 0 || !isRef(f.Refs) {
			continue
		}
		lo, hi := math.MaxInt, 0
		for _, v := range f.Values {
			a, b, ok := parseNumber(v)
			if !ok {
				continue
			}
			lo, hi = min(lo, a), max(hi, b)
		}
		if lo != math.MaxInt {
			return lo, hi
		}
	}
	for _, f := range t.Slots[SlotHumTargetName] {
		if isRef(f.Values) {
			return 1, 1
		}
	}
	return 1, math.MaxInt
}

// parseNumber reads a number filler: "5", "~40" (about 40, taken as 40),
// "6-8", "6-" (at least 6), "- 15" (up to 15), "PLURAL" (2 or more).
func parseNumber(s string) (int, int, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "PLURAL" {
		return 2, math.MaxInt, true
	}
	s = strings.TrimPrefix(s, "~")
	if a, b, ok := strings.Cut(s, "-"); ok {
		switch {
		case a == "" && b != "":
			n, err := strconv.Atoi(strings.TrimPrefix(b, "~"))
			return 1, n, err == nil && n >= 1
		case b == "":
			n, err := strconv.Atoi(a)
			return n, math.MaxInt, err == nil
		}
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(strings.TrimPrefix(b, "~"))
		return x, y, err1 == nil && err2 == nil && x <= y
	}
	n, err := strconv.Atoi(s)
	return n, n, err == nil
}

// keyDate matches one date of a key: day, month and year, each optional
// but the month ("30 DEC 89", "30 DEC", "DEC 89").
var keyDate = regexp.MustCompile(`^(\d{1,2})?\s*([A-Za-z]{3,9})\.?\s*(\d{2}|\d{4})?$`)

// parseDateRange reads one date alternative of a key: "21 JAN 89", "15
// JAN 89 - 21 JAN 89", "- 21 JAN 89". A date without a year takes the
// latest year that does not put it after published (or published's year).
func parseDateRange(s string, published sitrep.Date) (DateRange, bool) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		_, to, ok := parseKeyDate(strings.TrimSpace(rest), published)
		if !ok {
			return DateRange{}, false
		}
		return DateRange{From: to.AddDate(0, 0, -BeforeWindow), To: to, Before: true}, true
	}
	if a, b, ok := strings.Cut(s, " - "); ok {
		from, _, ok1 := parseKeyDate(strings.TrimSpace(a), published)
		_, to, ok2 := parseKeyDate(strings.TrimSpace(b), published)
		if !ok1 || !ok2 || to.Before(from) {
			return DateRange{}, false
		}
		return DateRange{From: from, To: to}, true
	}
	from, to, ok := parseKeyDate(s, published)
	return DateRange{From: from, To: to}, ok
}

// parseKeyDate reads one date into the first and last day it covers.
func parseKeyDate(s string, published sitrep.Date) (time.Time, time.Time, bool) {
	m := keyDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, time.Time{}, false
	}
	mon, ok := monthNumber(m[2])
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	year := 0
	if m[3] != "" {
		year, _ = strconv.Atoi(m[3])
		if year < 100 {
			year += 1900
		}
	} else {
		if published.IsZero() {
			return time.Time{}, time.Time{}, false
		}
		year = published.Year
		if mon > published.Month {
			year--
		}
	}
	if m[1] == "" {
		from := time.Date(year, mon, 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(0, 1, -1), true
	}
	day, _ := strconv.Atoi(m[1])
	d := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day {
		return time.Time{}, time.Time{}, false
	}
	return d, d, true
}

// parseLocation reads one location alternative: levels separated by
// colons (outside parentheses), each a name with its kind in parentheses,
// or two names joined by " - " (between two places).
func parseLocation(s string) Location {
	var l Location
	for _, level := range splitTop(s, ':') {
		var names []string
		for _, part := range strings.Split(unwrap(level), " - ") {
			if n := placeName(part); n != "" {
				names = append(names, n)
			}
		}
		if len(names) > 0 {
			l.Levels = append(l.Levels, names)
		}
	}
	return l
}

// placeName removes a place's kind in parentheses: "LIMA (CITY)" is
// "LIMA".
func placeName(s string) string {
	s = unwrap(s)
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.Trim(s, "()"))
}

// splitTop splits s at sep outside parentheses.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
