package connect

import (
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in       string
		from, to string
		prec     string
	}{
		{"2017-06-23", "2017-06-23", "2017-06-23", "day"},
		{"2024-W23", "2024-06-03", "2024-06-09", "week"},
		{"2021-W01", "2021-01-04", "2021-01-10", "week"},
		{"2020-W53", "2020-12-28", "2021-01-03", "week"},
		{"2017-02", "2017-02-01", "2017-02-28", "month"},
		{"2016", "2016-01-01", "2016-12-31", "year"},
		{"2017-02-30", "", "", ""},
		{"2017-13", "", "", ""},
		{"June", "", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		p, prec := parsePeriod(tt.in)
		var from, to string
		if p.known {
			from, to = dateString(p.lo), dateString(p.hi)
		}
		if from != tt.from || to != tt.to || prec != tt.prec {
			t.Errorf("parsePeriod(%q) = %s..%s %s, want %s..%s %s", tt.in, from, to, prec, tt.from, tt.to, tt.prec)
		}
	}
}

func TestCompareWhen(t *testing.T) {
	// In chronology order.
	order := []When{
		{Date: "2017", Precision: "year", Basis: BasisStated},
		{Date: "2017-06", Precision: "month", Basis: BasisStated},
		{Date: "2017-06-01", Precision: "day", Basis: BasisStated},
		{Date: "2017-06-01", Precision: "day", Basis: BasisPublished},
		{Date: "2017-W23", Precision: "week", Basis: BasisStated}, // June 5-11
		{Date: "2017-06-05", Precision: "day", Basis: BasisStated},
		{},
	}
	for i := range order {
		for j := range order {
			got := compareWhen(order[i], order[j])
			want := cmpInt(i, j)
			if i == len(order)-1 && j == len(order)-1 {
				want = 0
			}
			if got != want {
				t.Errorf("compareWhen(%v, %v) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
}

func TestPlaceRelation(t *testing.T) {
	town := func(name, a2 string, lat, lon float64) *sitrep.IncidentPlace {
		return &sitrep.IncidentPlace{Name: name, Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Admin2: a2, Lat: lat, Lon: lon, Precision: "town"}
	}
	parachinar := town("Parachinar", "Kurram", 33.8997, 70.1001)
	turi := town("Turi Market", "Kurram", 33.9010, 70.0950)
	sadda := town("Sadda", "Kurram", 33.7032, 70.3225)
	peshawar := town("Peshawar", "Peshawar", 34.008, 71.5785)
	kurram := &sitrep.IncidentPlace{Name: "Kurram", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Precision: "district"}
	kp := &sitrep.IncidentPlace{Name: "Khyber Pakhtunkhwa", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Precision: "province"}
	balochistan := &sitrep.IncidentPlace{Name: "Balochistan", Country: "Pakistan", Admin1: "Balochistan", Precision: "province"}
	pk := &sitrep.IncidentPlace{Name: "Pakistan", Country: "Pakistan", Precision: "country"}
	kabul := &sitrep.IncidentPlace{Name: "Kabul", Country: "Afghanistan", Admin1: "Kabul", Admin2: "Kabul", Precision: "town"}
	tests := []struct {
		name string
		a, b *sitrep.IncidentPlace
		want int
	}{
		{"same town", parachinar, parachinar, placeSame},
		{"a town in its district", parachinar, kurram, placeNested},
		{"a town in its province", parachinar, kp, placeNested},
		{"a town in its country", parachinar, pk, placeNested},
		{"a market in the town", parachinar, turi, placeNearby},
		{"two towns 30 km apart", parachinar, sadda, placeConflict},
		{"two districts", parachinar, peshawar, placeConflict},
		{"two provinces", kp, balochistan, placeConflict},
		{"two countries", parachinar, kabul, placeConflict},
		{"unknown", parachinar, nil, placeUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			la, lb := 0, 0
			if tt.a != nil {
				la = placeLevel(tt.a)
			}
			if tt.b != nil {
				lb = placeLevel(tt.b)
			}
			if got := placeRelation(tt.a, tt.b, la, lb); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
			if got := placeRelation(tt.b, tt.a, lb, la); got != tt.want {
				t.Errorf("reversed: got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestCivilDays(t *testing.T) {
	for _, d := range []sitrep.Date{{Year: 1970, Month: 1, Day: 1}, {Year: 2000, Month: 2, Day: 29}, {Year: 2017, Month: 6, Day: 23},
		{Year: 1900, Month: 3, Day: 1}, {Year: 2100, Month: 12, Day: 31}, {Year: 1, Month: 1, Day: 1}} {
		if got, want := dayOf(d), dayNumber(d.Time()); got != want {
			t.Errorf("dayOf(%s) = %d, want %d", d, got, want)
		}
	}
}

// dateString formats a day number as YYYY-MM-DD.
func dateString(day int) string {
	return time.Unix(int64(day)*86400, 0).UTC().Format("2006-01-02")
}
