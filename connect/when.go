package connect

import (
	"strconv"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Date bases: where a date comes from.
const (
	BasisStated    = "stated"    // a date expression of the text
	BasisPublished = "published" // the publication date: it happened, or was said, by then
)

// When is when something happened or was said, at the precision known.
type When struct {
	// Date is ISO 8601 at Precision ("2017-06-23", "2017-W25",
	// "2017-06", "2017"); "" when unknown.
	Date string `json:"date"`
	// Precision is "day", "week", "month" or "year"; "" when unknown.
	Precision string `json:"precision"`
	// Basis is "stated" (the text gives the date) or "published" (only
	// the publication date is known: an upper bound); "" when unknown.
	Basis string `json:"basis"`
}

// IsZero reports whether the date is unknown.
func (w When) IsZero() bool { return w.Date == "" }

// period is a date as an inclusive range of days (days since 1970-01-01).
type period struct {
	lo, hi int
	known  bool
}

const unknownDay = 1 << 30

func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

func dayOf(d sitrep.Date) int { return civilDays(d.Year, int(d.Month), d.Day) }

// civilDays returns the days since 1970-01-01 of a proleptic Gregorian
// date (H. Hinnant's days_from_civil), without the time package's cost.
func civilDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// parsePeriod reads an ISO date at any of the contract's precisions:
// "2024-06-04", "2024-W23", "2024-06", "2024". It returns the days it
// covers and its precision.
func parsePeriod(v string) (period, string) {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) > 0 && s[0] != '-' && s[0] != '+'
	}
	switch {
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		y, ok1 := num(v[:4])
		m, ok2 := num(v[5:7])
		d, ok3 := num(v[8:])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
			break
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			break
		}
		n := dayNumber(t)
		return period{n, n, true}, "day"
	case len(v) == 8 && v[4] == '-' && v[5] == 'W':
		y, ok1 := num(v[:4])
		w, ok2 := num(v[6:])
		if !ok1 || !ok2 || w < 1 || w > 53 {
			break
		}
		// ISO week 1 holds January 4; weeks start on Monday.
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
		monday := dayNumber(jan4) - (int(jan4.Weekday())+6)%7
		lo := monday + (w-1)*7
		return period{lo, lo + 6, true}, "week"
	case len(v) == 7 && v[4] == '-':
		y, ok1 := num(v[:4])
		m, ok2 := num(v[5:])
		if !ok1 || !ok2 || m < 1 || m > 12 {
			break
		}
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return period{dayNumber(first), dayNumber(first.AddDate(0, 1, -1)), true}, "month"
	case len(v) == 4:
		y, ok := num(v)
		if !ok {
			break
		}
		first := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
		return period{dayNumber(first), dayNumber(first.AddDate(1, 0, -1)), true}, "year"
	}
	return period{}, ""
}

// statementWhen is when a quote or claim was said: its own date, else its
// document's publication date.
func statementWhen(date, basis string, doc Doc) When {
	if date != "" {
		if _, prec := parsePeriod(date); prec != "" {
			if basis == "" {
				basis = BasisStated
			}
			return When{Date: date, Precision: prec, Basis: basis}
		}
	}
	if !doc.Published.IsZero() {
		return When{Date: doc.Published.String(), Precision: "day", Basis: BasisPublished}
	}
	return When{}
}

// compareWhen orders dates for chronologies: by the first day they can
// stand for, unknown dates last; on the same first day the coarser date
// first ("2017-06" before "2017-06-01", a month before its days), then a
// stated date before a publication date.
func compareWhen(a, b When) int {
	pa, _ := parsePeriod(a.Date)
	pb, _ := parsePeriod(b.Date)
	return comparePeriods(pa, pb, a.Basis, b.Basis)
}

// comparePeriods is compareWhen over parsed dates.
func comparePeriods(pa, pb period, basisA, basisB string) int {
	switch {
	case !pa.known && !pb.known:
		return 0
	case !pa.known:
		return 1
	case !pb.known:
		return -1
	case pa.lo != pb.lo:
		return cmpInt(pa.lo, pb.lo)
	case pa.hi != pb.hi:
		return cmpInt(pb.hi, pa.hi)
	case basisA != basisB:
		if basisA == BasisStated {
			return -1
		}
		if basisB == BasisStated {
			return 1
		}
	}
	return 0
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
