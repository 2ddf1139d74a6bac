package muc

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/geo"
)

// MUC incident types (slot 4).
const (
	TypeArson      = "ARSON"
	TypeAttack     = "ATTACK"
	TypeBombing    = "BOMBING"
	TypeKidnapping = "KIDNAPPING"
	TypeHijacking  = "HIJACKING"
	TypeRobbery    = "ROBBERY"
	TypeStoppage   = "FORCED WORK STOPPAGE"
)

// TypeOf returns the MUC incident type of a sitrep incident type, or ""
// for the types MUC has no place for (security operations, arrests).
func TypeOf(t string) string {
	switch t {
	case sitrep.IncidentSuicideBombing, sitrep.IncidentBombing:
		return TypeBombing
	case sitrep.IncidentArmedAttack, sitrep.IncidentArmedClash, sitrep.IncidentAssassination,
		sitrep.IncidentShelling, sitrep.IncidentAirstrike:
		return TypeAttack
	case sitrep.IncidentKidnapping:
		return TypeKidnapping
	}
	return ""
}

// Supported reports whether sitrep has an incident type that maps to the
// MUC type t.
func Supported(t string) bool {
	return t == TypeBombing || t == TypeAttack || t == TypeKidnapping
}

// typeMatches reports whether the MUC type of a prediction is one the key
// allows.
func typeMatches(g *Gold, mucType string) bool {
	for _, t := range g.Types {
		if t == mucType {
			return true
		}
	}
	return false
}

// period returns the days a sitrep incident date covers: a day
// ("2024-06-04"), an ISO week ("2024-W23"), a month ("2024-06") or a year.
func period(date string) (time.Time, time.Time, bool) {
	if t, err := time.Parse("2006-01-02", date); err == nil {
		return t, t, true
	}
	if t, err := time.Parse("2006-01", date); err == nil {
		return t, t.AddDate(0, 1, -1), true
	}
	if t, err := time.Parse("2006", date); err == nil {
		return t, t.AddDate(1, 0, -1), true
	}
	var y, w int
	if n, _ := fmt.Sscanf(date, "%d-W%d", &y, &w); n == 2 && w >= 1 && w <= 53 {
		// ISO week w of year y: the week holding y's 4 January, moved on.
		jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return monday, monday.AddDate(0, 0, 6), true
	}
	return time.Time{}, time.Time{}, false
}

// dateMatches reports whether the predicted date lies within one of the
// key's date alternatives.
func dateMatches(g *Gold, date string) bool {
	from, to, ok := period(date)
	if !ok {
		return false
	}
	for _, r := range g.Dates {
		if !from.Before(r.From) && !to.After(r.To) {
			return true
		}
	}
	return false
}

// locationMatches reports whether a predicted place is one of the key's
// location alternatives. A key that gives only a country is matched by
// any place in that country; otherwise the key's most specific place must
// match (as a whole word sequence, either way) the place's name, its
// words in the text, or its first or second-level division, and a
// country-level place never matches.
func locationMatches(g *Gold, p *sitrep.IncidentPlace) bool {
	if p == nil {
		return false
	}
	for _, l := range g.Locations {
		spec := l.Specific()
		if len(l.Levels) == 1 {
			for _, n := range spec {
				if sameWords(n, p.Country) || p.Precision == "country" && sameWords(n, p.Name) {
					return true
				}
			}
			continue
		}
		if p.Precision == "country" {
			continue
		}
		for _, n := range spec {
			for _, c := range []string{p.Name, p.Text, p.Admin1, p.Admin2} {
				if c != "" && containsWords(n, c) {
					return true
				}
			}
		}
	}
	return false
}

// countMatches reports whether a predicted figure agrees with a key's
// count: the figure's estimate lies within the key's bounds, or the key
// gives one number and the figure's range holds it.
func countMatches(c *Count, f *sitrep.Figure) bool {
	if c == nil || f == nil {
		return false
	}
	if c.Min <= f.Estimate && f.Estimate <= c.Max {
		return true
	}
	hi := math.MaxInt
	if f.Max != nil {
		hi = *f.Max
	}
	return c.Exact() && f.Min <= c.Min && c.Min <= hi
}

// nameMatches reports whether any of the key's alternatives matches any of
// the names: their words, once folded (case, diacritics, punctuation) and
// without function words, numbers and plural endings, are one a subset of
// the other.
func nameMatches(alts []string, names []string) bool {
	for _, a := range alts {
		ka := words(a)
		if len(ka) == 0 {
			continue
		}
		for _, n := range names {
			if kn := words(n); len(kn) > 0 && (subset(ka, kn) || subset(kn, ka)) {
				return true
			}
		}
	}
	return false
}

// stop are the words nameMatches leaves out: English and Spanish function
// words and number words.
var stop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "on": true, "at": true,
	"for": true, "to": true, "by": true, "from": true, "with": true, "its": true, "his": true, "her": true,
	"their": true, "de": true, "del": true, "la": true, "el": true, "los": true, "las": true, "y": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "several": true, "some": true, "other": true, "others": true,
}

// words folds s with geo.Key and returns its content words, a plural "s"
// taken off.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(geo.Key(s)) {
		if stop[w] || isNumber(w) {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameWords reports whether a and b fold to the same key.
func sameWords(a, b string) bool {
	ka := geo.Key(a)
	return ka != "" && ka == geo.Key(b)
}

// containsWords reports whether the folded words of one of a and b are a
// contiguous run of the other's.
func containsWords(a, b string) bool {
	ka, kb := " "+geo.Key(a)+" ", " "+geo.Key(b)+" "
	if strings.TrimSpace(ka) == "" || strings.TrimSpace(kb) == "" {
		return false
	}
	return strings.Contains(ka, kb) || strings.Contains(kb, ka)
}

// assign returns a maximum-weight one-to-one assignment of rows to columns
// (the Hungarian method): out[i] is row i's column, or -1. Pairs of weight
// 0 or less are never assigned.
func assign(w [][]int) []int {
	rows := len(w)
	if rows == 0 {
		return nil
	}
	cols := len(w[0])
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	if cols == 0 {
		return out
	}
	n := max(rows, cols)
	big := 0
	for _, r := range w {
		for _, x := range r {
			big = max(big, x)
		}
	}
	// cost[i][j] = big - weight, on an n×n matrix padded with big.
	cost := func(i, j int) int {
		if i < rows && j < cols && w[i][j] > 0 {
			return big - w[i][j]
		}
		return big
	}
	// The O(n³) potentials method; rows and columns numbered from 1.
	u, v := make([]int, n+1), make([]int, n+1)
	p, way := make([]int, n+1), make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = math.MaxInt
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], math.MaxInt, 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= n; j++ {
		i := p[j] - 1
		if i < rows && j-1 < cols && w[i][j-1] > 0 {
			out[i] = j - 1
		}
	}
	return out
}
