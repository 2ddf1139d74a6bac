package connect

// Counting merged incidents by month, place, perpetrator and type: the
// monthly figures an analyst keeps, with conservative totals and the
// spread of what was reported.

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Dimensions Aggregate groups by.
const (
	ByMonth       = "month"       // the incident's month: "2024-03"
	ByYear        = "year"        // the incident's year: "2024"
	ByPlace       = "place"       // the incident's place as given: a town, district, province or country
	ByProvince    = "province"    // the province (first-level division) the place lies in
	ByCountry     = "country"     // the country the place lies in
	ByPerpetrator = "perpetrator" // each group named as perpetrator
	ByType        = "type"        // the incident's type
)

// Unknown is the group of incidents whose month, place or perpetrator is
// not known.
const Unknown = "unknown"

// AggregateDimensions are the dimensions Aggregate accepts.
var AggregateDimensions = []string{ByMonth, ByYear, ByPlace, ByProvince, ByCountry, ByPerpetrator, ByType}

// IncidentGroup is one group of incidents: the values of the dimensions
// grouped by (the others empty), and the counts.
type IncidentGroup struct {
	Month       string `json:"month,omitempty"`
	Year        string `json:"year,omitempty"`
	Place       string `json:"place,omitempty"`
	Province    string `json:"province,omitempty"`
	Country     string `json:"country,omitempty"`
	Perpetrator string `json:"perpetrator,omitempty"`
	// PerpetratorEntity is the perpetrator's entity id, when it has one.
	PerpetratorEntity string `json:"perpetrator_entity,omitempty"`
	Type              string `json:"type,omitempty"`
	// Incidents is how many merged incidents the group holds; Reports how
	// many documents' reports they merge.
	Incidents int `json:"incidents"`
	Reports   int `json:"reports"`
	// DatedByPublication is how many of the incidents are dated only by
	// the publication of their earliest report (they happened by then).
	DatedByPublication int `json:"dated_by_publication"`
	// Killed and Injured add up the incidents' figures.
	Killed  Total `json:"killed"`
	Injured Total `json:"injured"`
}

// Total adds up one kind of figure over a group's incidents.
type Total struct {
	// Best is the sum of each incident's best estimate: the conservative
	// total.
	Best int `json:"best"`
	// Low and High are the sums of each incident's lowest and highest
	// reported figure: the spread of what was reported.
	Low  int `json:"low"`
	High int `json:"high"`
	// Incidents is how many of the group's incidents report a figure of
	// this kind; the others add nothing.
	Incidents int `json:"incidents"`
}

func (t *Total) add(e *Estimate) {
	if e == nil {
		return
	}
	t.Best += e.Best
	t.Low += e.Low
	t.High += e.High
	t.Incidents++
}

// CheckDimensions reports a dimension Aggregate does not know, or one
// given twice.
func CheckDimensions(by []string) error {
	seen := map[string]bool{}
	for _, d := range by {
		if !slices.Contains(AggregateDimensions, d) {
			return fmt.Errorf("cannot group incidents by %q: want %s", d, strings.Join(AggregateDimensions, ", "))
		}
		if seen[d] {
			return fmt.Errorf("%q is given twice", d)
		}
		seen[d] = true
	}
	return nil
}

// Aggregate groups merged incidents by the dimensions by (see
// AggregateDimensions; at least one, each once) and counts each group:
// incidents, reports, and the killed and injured as totals of the best
// estimates with the spread of the reported figures.
//
// An incident with several perpetrators counts under each of them (so the
// groups of --by perpetrator add up to more than the incidents); an
// incident whose month, place or perpetrator is unknown counts in the
// group Unknown. An incident known only to the week counts in the month
// of the week's Thursday; one dated only by publication counts in that
// month, and DatedByPublication says how many did.
//
// Groups come ordered dimension by dimension: months and years in
// chronological order, other values by their incidents over all groups,
// most first, then by name; Unknown comes last.
func Aggregate(incidents []MergedIncident, by []string) ([]IncidentGroup, error) {
	if len(by) == 0 {
		return nil, fmt.Errorf("no dimension to group incidents by: want one or more of %s", strings.Join(AggregateDimensions, ", "))
	}
	if err := CheckDimensions(by); err != nil {
		return nil, err
	}
	groups := map[string]*IncidentGroup{}
	var order []string
	// weight counts incidents per dimension value, for the order.
	weight := map[string]int{}
	for i := range incidents {
		m := &incidents[i]
		for _, g := range groupsOf(m, by) {
			key := groupKey(&g, by)
			p := groups[key]
			if p == nil {
				p = &g
				groups[key] = p
				order = append(order, key)
			}
			p.Incidents++
			p.Reports += len(m.Reports)
			if m.DateBasis == BasisPublished {
				p.DatedByPublication++
			}
			p.Killed.add(m.Killed)
			p.Injured.add(m.Injured)
		}
		// Weights count each incident once per value.
		seen := map[string]bool{}
		for _, g := range groupsOf(m, by) {
			for _, d := range by {
				k := d + "\x00" + dimValue(&g, d)
				if !seen[k] {
					seen[k] = true
					weight[k]++
				}
			}
		}
	}
	out := make([]IncidentGroup, 0, len(order))
	for _, k := range order {
		out = append(out, *groups[k])
	}
	slices.SortStableFunc(out, func(a, b IncidentGroup) int {
		for _, d := range by {
			va, vb := dimValue(&a, d), dimValue(&b, d)
			if va == vb {
				continue
			}
			if (va == Unknown) != (vb == Unknown) {
				if va == Unknown {
					return 1
				}
				return -1
			}
			if d != ByMonth && d != ByYear {
				if c := cmp.Compare(weight[d+"\x00"+vb], weight[d+"\x00"+va]); c != 0 {
					return c
				}
			}
			if d == ByPerpetrator {
				return strings.Compare(a.Perpetrator, b.Perpetrator)
			}
			return strings.Compare(va, vb)
		}
		return 0
	})
	return out, nil
}

// groupsOf returns the groups an incident counts in: one, or one per
// perpetrator when grouping by perpetrator.
func groupsOf(m *MergedIncident, by []string) []IncidentGroup {
	var g IncidentGroup
	perps := false
	for _, d := range by {
		switch d {
		case ByMonth:
			g.Month = incidentMonth(m)
		case ByYear:
			g.Year = Unknown
			if len(m.Date) >= 4 {
				if _, err := strconv.Atoi(m.Date[:4]); err == nil {
					g.Year = m.Date[:4]
				}
			}
		case ByPlace:
			g.Place = Unknown
			if m.Place != nil && m.Place.Name != "" {
				g.Place = m.Place.Name
			}
		case ByProvince:
			g.Province = Unknown
			if p := m.Place; p != nil {
				switch {
				case p.Admin1 != "":
					g.Province = p.Admin1
				case p.Precision == "province":
					g.Province = p.Name
				}
			}
		case ByCountry:
			g.Country = Unknown
			if p := m.Place; p != nil {
				switch {
				case p.Country != "":
					g.Country = p.Country
				case p.Precision == "country":
					g.Country = p.Name
				}
			}
		case ByPerpetrator:
			perps = true
		case ByType:
			g.Type = cmp.Or(m.Type, Unknown)
		}
	}
	if !perps {
		return []IncidentGroup{g}
	}
	if len(m.Perpetrators) == 0 {
		g.Perpetrator = Unknown
		return []IncidentGroup{g}
	}
	out := make([]IncidentGroup, 0, len(m.Perpetrators))
	seen := map[string]bool{}
	for _, p := range m.Perpetrators {
		k := p.key()
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		h := g
		h.Perpetrator, h.PerpetratorEntity = p.Name, p.Entity
		out = append(out, h)
	}
	if len(out) == 0 {
		g.Perpetrator = Unknown
		out = append(out, g)
	}
	return out
}

// incidentMonth is the month an incident happened in ("2024-03"), or
// Unknown.
func incidentMonth(m *MergedIncident) string {
	d := m.Date
	switch m.DatePrecision {
	case "day", "month", "":
		if len(d) >= 7 && d[4] == '-' {
			if t, err := time.Parse("2006-01", d[:7]); err == nil {
				return t.Format("2006-01")
			}
		}
	case "week":
		// "2024-W10": the month of the week's Thursday (ISO 8601).
		var y, w int
		if _, err := fmt.Sscanf(d, "%4d-W%2d", &y, &w); err == nil && w >= 1 && w <= 53 {
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
			return monday.AddDate(0, 0, 3).Format("2006-01")
		}
	}
	return Unknown
}

// dimValue returns a group's value for a dimension; for a perpetrator its
// entity id when it has one, so that two groups of one name stay apart.
func dimValue(g *IncidentGroup, d string) string {
	switch d {
	case ByMonth:
		return g.Month
	case ByYear:
		return g.Year
	case ByPlace:
		return g.Place
	case ByProvince:
		return g.Province
	case ByCountry:
		return g.Country
	case ByPerpetrator:
		if g.PerpetratorEntity != "" {
			return g.PerpetratorEntity
		}
		return g.Perpetrator
	case ByType:
		return g.Type
	}
	return ""
}

func groupKey(g *IncidentGroup, by []string) string {
	parts := make([]string, len(by))
	for i, d := range by {
		parts[i] = dimValue(g, d)
	}
	return strings.Join(parts, "\x00")
}

// IncidentMatch chooses merged incidents; its zero value keeps them all.
// Every field set must hold.
type IncidentMatch struct {
	// Entity selects the incidents any report of which names a selected
	// perpetrator, target or acting force, or whose place (or a district,
	// province or country it lies in) is selected (as Timeline selects).
	Entity *Selector
	// Perpetrator selects the incidents one of whose merged perpetrators
	// is selected (by entity id or name).
	Perpetrator *Selector
	// Type is an incident type (sitrep.IncidentTypes).
	Type string
	// Places are place names: the incident's place or a district,
	// province or country it lies in, ignoring case.
	Places []string
	// DateRange keeps the incidents whose date (a day, week, month or
	// year) overlaps it; undated incidents are dropped when it is set.
	sitrep.DateRange
}

// Filter returns the incidents m chooses, in order.
func (f IncidentMatch) Filter(incidents []MergedIncident, opt Options) []MergedIncident {
	var ent, perp *selection
	if f.Entity != nil {
		ent = newSelection(*f.Entity, &opt)
	}
	if f.Perpetrator != nil {
		perp = newSelection(*f.Perpetrator, &opt)
	}
	places := map[string]bool{}
	for _, p := range f.Places {
		places[normName(p)] = true
	}
	since, until := -unknownDay, unknownDay
	if !f.Since.IsZero() {
		since = dayOf(f.Since)
	}
	if !f.Until.IsZero() {
		until = dayOf(f.Until)
	}
	var out []MergedIncident
	for i := range incidents {
		m := &incidents[i]
		if f.Type != "" && m.Type != f.Type {
			continue
		}
		if ent != nil && !ent.incident(m) {
			continue
		}
		if perp != nil && !slices.ContainsFunc(m.Perpetrators, func(p MergedPerpetrator) bool {
			return (p.Entity != "" && perp.ids[opt.canon(p.Entity)]) || (p.Name != "" && perp.names[normName(p.Name)])
		}) {
			continue
		}
		if len(places) > 0 {
			p := m.Place
			if p == nil || !slices.ContainsFunc([]string{p.Name, p.Admin2, p.Admin1, p.Country}, func(n string) bool {
				return n != "" && places[normName(n)]
			}) {
				continue
			}
		}
		if !f.Since.IsZero() || !f.Until.IsZero() {
			pd, _ := parsePeriod(m.Date)
			if !pd.known || pd.hi < since || pd.lo > until {
				continue
			}
		}
		out = append(out, *m)
	}
	return out
}
