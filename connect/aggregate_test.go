package connect_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// aggFixture is five merged incidents: two in Peshawar in March 2024 (one
// claimed by the TTP, one blamed on both the TTP and ISKP), one in Quetta
// in April known only to the week, one in Kabul dated by publication with
// no perpetrator, and one with no place, date or figures.
func aggFixture() []connect.MergedIncident {
	est := func(best, low, high int) *connect.Estimate {
		return &connect.Estimate{Best: best, Low: low, High: high, Figures: 1}
	}
	perp := func(name, id string) connect.MergedPerpetrator {
		return connect.MergedPerpetrator{ActorRef: connect.ActorRef{Name: name, Entity: id}, Basis: "claimed"}
	}
	peshawar := &sitrep.IncidentPlace{Name: "Peshawar", Admin1: "Khyber Pakhtunkhwa", Country: "Pakistan", Precision: "town"}
	reports := func(n int) []connect.IncidentReport { return make([]connect.IncidentReport, n) }
	return []connect.MergedIncident{
		{Type: "bombing", Date: "2024-03-04", DatePrecision: "day", DateBasis: "stated", Place: peshawar,
			Killed: est(10, 8, 12), Injured: est(20, 20, 20), Perpetrators: []connect.MergedPerpetrator{perp("TTP", "kb:ttp")}, Reports: reports(3)},
		{Type: "armed_attack", Date: "2024-03", DatePrecision: "month", DateBasis: "stated", Place: peshawar,
			Killed: est(2, 2, 5), Perpetrators: []connect.MergedPerpetrator{perp("TTP", "kb:ttp"), perp("ISKP", "kb:iskp")}, Reports: reports(1)},
		{Type: "bombing", Date: "2024-W14", DatePrecision: "week", DateBasis: "stated",
			Place:  &sitrep.IncidentPlace{Name: "Quetta", Admin1: "Balochistan", Country: "Pakistan", Precision: "town"},
			Killed: est(5, 5, 5), Perpetrators: []connect.MergedPerpetrator{perp("Islamic State Khorasan Province", "kb:iskp")}, Reports: reports(2)},
		{Type: "bombing", Date: "2024-04-20", DatePrecision: "day", DateBasis: connect.BasisPublished,
			Place:  &sitrep.IncidentPlace{Name: "Afghanistan", Precision: "country"},
			Killed: est(1, 1, 1), Injured: est(4, 3, 6), Reports: reports(1)},
		{Type: "kidnapping", Reports: reports(1)},
	}
}

func TestAggregate(t *testing.T) {
	type row struct {
		key                               string
		incidents, reports, byPublication int
		killed, injured                   connect.Total
	}
	tot := func(best, low, high, n int) connect.Total {
		return connect.Total{Best: best, Low: low, High: high, Incidents: n}
	}
	tests := []struct {
		name string
		by   []string
		want []row
	}{
		{"month", []string{connect.ByMonth}, []row{
			{"2024-03", 2, 4, 0, tot(12, 10, 17, 2), tot(20, 20, 20, 1)},
			// The week 2024-W14 runs from 1 to 7 April.
			{"2024-04", 2, 3, 1, tot(6, 6, 6, 2), tot(4, 3, 6, 1)},
			{"unknown", 1, 1, 0, tot(0, 0, 0, 0), tot(0, 0, 0, 0)},
		}},
		{"perpetrator counts an incident under each", []string{connect.ByPerpetrator}, []row{
			// ISKP and the TTP have two incidents each: by name then.
			{"ISKP", 2, 3, 0, tot(7, 7, 10, 2), tot(0, 0, 0, 0)},
			{"TTP", 2, 4, 0, tot(12, 10, 17, 2), tot(20, 20, 20, 1)},
			{"unknown", 2, 2, 1, tot(1, 1, 1, 1), tot(4, 3, 6, 1)},
		}},
		{"place", []string{connect.ByPlace}, []row{
			{"Peshawar", 2, 4, 0, tot(12, 10, 17, 2), tot(20, 20, 20, 1)},
			{"Afghanistan", 1, 1, 1, tot(1, 1, 1, 1), tot(4, 3, 6, 1)},
			{"Quetta", 1, 2, 0, tot(5, 5, 5, 1), tot(0, 0, 0, 0)},
			{"unknown", 1, 1, 0, tot(0, 0, 0, 0), tot(0, 0, 0, 0)},
		}},
		{"country", []string{connect.ByCountry}, []row{
			{"Pakistan", 3, 6, 0, tot(17, 15, 22, 3), tot(20, 20, 20, 1)},
			{"Afghanistan", 1, 1, 1, tot(1, 1, 1, 1), tot(4, 3, 6, 1)},
			{"unknown", 1, 1, 0, tot(0, 0, 0, 0), tot(0, 0, 0, 0)},
		}},
		{"month and province", []string{connect.ByMonth, connect.ByProvince}, []row{
			{"2024-03/Khyber Pakhtunkhwa", 2, 4, 0, tot(12, 10, 17, 2), tot(20, 20, 20, 1)},
			{"2024-04/Balochistan", 1, 2, 0, tot(5, 5, 5, 1), tot(0, 0, 0, 0)},
			{"2024-04/unknown", 1, 1, 1, tot(1, 1, 1, 1), tot(4, 3, 6, 1)},
			{"unknown/unknown", 1, 1, 0, tot(0, 0, 0, 0), tot(0, 0, 0, 0)},
		}},
		{"type and year", []string{connect.ByType, connect.ByYear}, []row{
			{"bombing/2024", 3, 6, 1, tot(16, 14, 18, 3), tot(24, 23, 26, 2)},
			{"armed_attack/2024", 1, 1, 0, tot(2, 2, 5, 1), tot(0, 0, 0, 0)},
			{"kidnapping/unknown", 1, 1, 0, tot(0, 0, 0, 0), tot(0, 0, 0, 0)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs, err := connect.Aggregate(aggFixture(), tt.by)
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, g := range gs {
				var key []string
				for _, d := range tt.by {
					key = append(key, map[string]string{connect.ByMonth: g.Month, connect.ByYear: g.Year, connect.ByPlace: g.Place,
						connect.ByProvince: g.Province, connect.ByCountry: g.Country, connect.ByPerpetrator: g.Perpetrator, connect.ByType: g.Type}[d])
				}
				got = append(got, row{strings.Join(key, "/"), g.Incidents, g.Reports, g.DatedByPublication, g.Killed, g.Injured})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Aggregate(%v):\n got %+v\nwant %+v", tt.by, got, tt.want)
			}
		})
	}
}

func TestAggregatePerpetratorEntity(t *testing.T) {
	// "ISKP" and "Islamic State Khorasan Province" are one entity: one
	// group, named as first met.
	gs, err := connect.Aggregate(aggFixture(), []string{connect.ByPerpetrator})
	if err != nil {
		t.Fatal(err)
	}
	if gs[0].PerpetratorEntity != "kb:iskp" || gs[0].Incidents != 2 {
		t.Errorf("first group = %+v, want kb:iskp with 2 incidents", gs[0])
	}
}

func TestAggregateErrors(t *testing.T) {
	for _, by := range [][]string{nil, {"week"}, {"month", "month"}, {""}} {
		if _, err := connect.Aggregate(aggFixture(), by); err == nil {
			t.Errorf("Aggregate(%q): no error", by)
		}
	}
	gs, err := connect.Aggregate(nil, []string{connect.ByMonth})
	if err != nil || len(gs) != 0 {
		t.Errorf("Aggregate(nil) = %v, %v; want no groups", gs, err)
	}
}

func TestIncidentMatch(t *testing.T) {
	day := func(s string) sitrep.Date { d, _ := sitrep.ParseDate(s); return d }
	tests := []struct {
		name string
		f    connect.IncidentMatch
		want []string // dates of the incidents kept
	}{
		{"zero keeps all", connect.IncidentMatch{}, []string{"2024-03-04", "2024-03", "2024-W14", "2024-04-20", ""}},
		{"type", connect.IncidentMatch{Type: "bombing"}, []string{"2024-03-04", "2024-W14", "2024-04-20"}},
		{"perpetrator by entity", connect.IncidentMatch{Perpetrator: &connect.Selector{Entities: []string{"kb:iskp"}}},
			[]string{"2024-03", "2024-W14"}},
		{"perpetrator by name", connect.IncidentMatch{Perpetrator: &connect.Selector{Names: []string{"ttp"}}},
			[]string{"2024-03-04", "2024-03"}},
		{"place by province", connect.IncidentMatch{Places: []string{"khyber pakhtunkhwa"}}, []string{"2024-03-04", "2024-03"}},
		{"place by country", connect.IncidentMatch{Places: []string{"Pakistan"}}, []string{"2024-03-04", "2024-03", "2024-W14"}},
		// A month overlaps a range starting inside it; the week of
		// 1-7 April overlaps a range ending on the 2nd.
		{"since", connect.IncidentMatch{DateRange: sitrep.DateRange{Since: day("2024-03-20")}}, []string{"2024-03", "2024-W14", "2024-04-20"}},
		{"until", connect.IncidentMatch{DateRange: sitrep.DateRange{Until: day("2024-04-02")}}, []string{"2024-03-04", "2024-03", "2024-W14"}},
		{"all must hold", connect.IncidentMatch{Type: "bombing", Places: []string{"Pakistan"}, DateRange: sitrep.DateRange{Since: day("2024-04-01")}},
			[]string{"2024-W14"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range tt.f.Filter(aggFixture(), connect.Options{}) {
				got = append(got, m.Date)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
