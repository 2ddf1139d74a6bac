package connect_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// groups returns the merged incidents as sorted lists of "docID#index".
func groups(ms []connect.MergedIncident) [][]string {
	var out [][]string
	for _, m := range ms {
		var g []string
		for _, r := range m.Reports {
			g = append(g, fmt.Sprintf("%s#%d", r.Doc.ID, r.Index))
		}
		sort.Strings(g)
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// report builds a one-incident document.
func report(id, published, text, typ, cue string, opts ...incOpt) *sitrep.Document {
	d := newDoc(id, "Outlet "+id, published, text)
	addIncident(d, typ, cue, opts...)
	return d
}

func TestMergeIncidentsDecisions(t *testing.T) {
	bomb := "A suicide bomber struck a market in the town, killing people, officials said."
	blast := "A bomb blast hit the town, killing people, officials said."
	tests := []struct {
		name string
		docs []*sitrep.Document
		want [][]string
	}{
		{"same bombing, two outlets, toll grows", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
			report("b", "2017-06-24", blast, sitrep.IncidentBombing, "bomb blast", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 45, "people", "")),
		}, [][]string{{"a#0", "b#0"}}},
		{"two bombings in one city on one day, different figures and targets", []*sitrep.Document{
			report("a", "2017-08-08", "A suicide bomber attacked a police training centre, killing recruits.", sitrep.IncidentSuicideBombing, "suicide bomber",
				at(quetta, "police"), on("2017-08-08", "stated", ""), figure("killed", 3, "recruits", ""), target("police training centre", "a police training centre")),
			report("b", "2017-08-08", "A bomb ripped through a vegetable market, killing shoppers.", sitrep.IncidentBombing, "bomb ripped",
				at(quetta, "market"), on("2017-08-08", "stated", ""), figure("killed", 40, "shoppers", ""), target("vegetable market", "a vegetable market")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"two suicide bombings in one city on one day, 3 and 40 killed, published the same day", []*sitrep.Document{
			report("a", "2017-08-08", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(quetta, "town"), on("2017-08-08", "stated", ""), figure("killed", 3, "people", "")),
			report("b", "2017-08-08", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(quetta, "town"), on("2017-08-08", "stated", ""), figure("killed", 40, "people", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"a toll from 5 to 70 a day later: the same bombing", []*sitrep.Document{
			report("a", "2017-08-08", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(quetta, "town"), on("2017-08-08", "stated", ""), figure("killed", 5, "people", "")),
			report("b", "2017-08-09", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(quetta, "town"), on("2017-08-08", "stated", ""), figure("killed", 70, "people", "")),
		}, [][]string{{"a#0", "b#0"}}},
		{"town and its district, publication date only, same figures", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
			report("b", "2017-06-24", blast, sitrep.IncidentBombing, "bomb blast", at(kurram, "town"), on("2017-06-24", "published", ""), figure("killed", 26, "people", "")),
		}, [][]string{{"a#0", "b#0"}}},
		{"town and its district, publication date only, no figures: not enough", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", "")),
			report("b", "2017-06-24", blast, sitrep.IncidentBombing, "bomb blast", at(kurram, "town"), on("2017-06-24", "published", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"arrest and bombing never", []*sitrep.Document{
			report("a", "2017-08-08", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(quetta, "town"), on("2017-08-08", "stated", "")),
			report("b", "2017-08-08", "Police arrested suspects in the town.", sitrep.IncidentArrest, "arrested", at(quetta, "town"), on("2017-08-08", "stated", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"two towns of one district, 30 km apart", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
			report("b", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(sadda, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"two towns through their district: the chain is refused", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
			report("b", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(kurram, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
			report("c", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(sadda, "town"), on("2017-06-23", "stated", ""), figure("killed", 24, "people", "")),
		}, [][]string{{"a#0", "b#0"}, {"c#0"}}},
		{"dates five days apart", []*sitrep.Document{
			report("a", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-18", "stated", ""), figure("killed", 25, "people", "")),
			report("b", "2017-06-23", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(parachinar, "town"), on("2017-06-23", "stated", ""), figure("killed", 25, "people", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"different countries", []*sitrep.Document{
			report("a", "2019-03-05", bomb, sitrep.IncidentBombing, "suicide bomber", at(jalalabad, "town"), on("2019-03-05", "stated", ""), figure("killed", 7, "people", "")),
			report("b", "2019-03-05", bomb, sitrep.IncidentBombing, "suicide bomber", at(peshawar, "town"), on("2019-03-05", "stated", ""), figure("killed", 7, "people", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"no place, but same day, figures and perpetrator", []*sitrep.Document{
			report("a", "2019-03-05", "ISKP said its bomber killed seven people.", sitrep.IncidentSuicideBombing, "bomber", on("2019-03-05", "stated", ""), figure("killed", 7, "seven people", ""), perp(iskp, "ISKP", sitrep.BasisClaimed, nil)),
			report("b", "2019-03-05", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(jalalabad, "town"), on("2019-03-05", "stated", ""), figure("killed", 7, "people", ""), perp(iskp, "officials", sitrep.BasisAttributed, nil)),
		}, [][]string{{"a#0", "b#0"}}},
		{"no place, same type and day only: not enough", []*sitrep.Document{
			report("a", "2019-03-05", "A bomber killed people.", sitrep.IncidentSuicideBombing, "bomber", on("2019-03-05", "stated", "")),
			report("b", "2019-03-05", bomb, sitrep.IncidentSuicideBombing, "suicide bomber", at(jalalabad, "town"), on("2019-03-05", "stated", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
		{"two incidents of one document stay apart", func() []*sitrep.Document {
			d := newDoc("a", "Dawn", "2017-08-08", "A suicide bomber struck in Quetta. Hours later a second suicide bomber struck in Quetta.")
			addIncident(d, sitrep.IncidentSuicideBombing, "A suicide bomber", at(quetta, "Quetta"), on("2017-08-08", "stated", ""))
			addIncident(d, sitrep.IncidentSuicideBombing, "second suicide bomber", at(quetta, "Quetta"), on("2017-08-08", "stated", ""))
			return []*sitrep.Document{d}
		}(), [][]string{{"a#0"}, {"a#1"}}},
		{"a syndicated copy joins without place or date", func() []*sitrep.Document {
			a := report("a", "", "Gunmen attacked a checkpoint, killing four officers.", sitrep.IncidentArmedAttack, "Gunmen attacked", figure("killed", 4, "four officers", ""))
			b := report("b", "", "Gunmen attacked a checkpoint, killing four officers.", sitrep.IncidentArmedAttack, "Gunmen attacked", figure("killed", 4, "four officers", ""))
			b.NearDuplicates = []sitrep.NearDuplicate{{ID: "a", Similarity: 0.9}}
			return []*sitrep.Document{a, b}
		}(), [][]string{{"a#0", "b#0"}}},
		{"undated reports that are not copies stay apart", []*sitrep.Document{
			report("a", "", "Gunmen attacked a checkpoint, killing four officers.", sitrep.IncidentArmedAttack, "Gunmen attacked", at(peshawar, "checkpoint"), figure("killed", 4, "four officers", "")),
			report("b", "", "Gunmen attacked a checkpoint, killing four officers.", sitrep.IncidentArmedAttack, "Gunmen attacked", at(peshawar, "checkpoint"), figure("killed", 4, "four officers", "")),
		}, [][]string{{"a#0"}, {"b#0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := groups(connect.MergeIncidents(connect.IncidentReports(tt.docs), connect.Options{Relations: relations}))
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMergeIncidentsGolden(t *testing.T) {
	docs := incidentDocs()
	reports := connect.IncidentReports(docs)
	got := connect.MergeIncidents(reports, connect.Options{Relations: relations})
	golden(t, "incidents/merged.json", mustJSON(t, got))

	// The order of the input does not matter.
	rev := slices.Clone(reports)
	slices.Reverse(rev)
	again := connect.MergeIncidents(rev, connect.Options{Relations: relations})
	if a, b := string(mustJSON(t, got)), string(mustJSON(t, again)); a != b {
		t.Errorf("merging reversed input differs:\n%s", firstDiff(a, b))
	}
}

func TestMergeIncidentsFields(t *testing.T) {
	ms := connect.MergeIncidents(connect.IncidentReports(incidentDocs()), connect.Options{Relations: relations})
	byPlace := func(name, typ string) *connect.MergedIncident {
		for i := range ms {
			if ms[i].Place != nil && ms[i].Place.Name == name && ms[i].Type == typ {
				return &ms[i]
			}
		}
		t.Fatalf("no %s in %s among %v", typ, name, groups(ms))
		return nil
	}

	p := byPlace("Parachinar", sitrep.IncidentSuicideBombing)
	if len(p.Reports) != 4 {
		t.Errorf("Parachinar: %d reports, want 4 (%v)", len(p.Reports), groups(ms))
	}
	if p.Date != "2017-06-23" || p.DateBasis != "stated" {
		t.Errorf("Parachinar date %s (%s), want 2017-06-23 stated", p.Date, p.DateBasis)
	}
	// Latest well-sourced: 67 (06-26); the claimant's 100 is left out of
	// the best estimate but in the spread.
	if k := p.Killed; k == nil || k.Best != 67 || k.Low != 25 || k.High != 100 || k.Figures != 4 {
		t.Errorf("Parachinar killed %+v, want best 67, 25..100, 4 figures", k)
	}
	if !slices.Contains(p.Flags, connect.FlagConflictingFigures) || !slices.Contains(p.Flags, connect.FlagCompetingClaims) {
		t.Errorf("Parachinar flags %v, want conflicting_figures and competing_claims", p.Flags)
	}
	if p.ID != ms[slices.IndexFunc(ms, func(m connect.MergedIncident) bool { return m.ID == p.ID })].ID || !strings.HasPrefix(p.ID, "incident:") {
		t.Errorf("bad id %q", p.ID)
	}

	j := byPlace("Jalalabad", sitrep.IncidentBombing)
	if len(j.Reports) != 2 || slices.Contains(j.Flags, connect.FlagCompetingClaims) {
		t.Errorf("Jalalabad: %d reports, flags %v; want 2 and no competing claims (ISKP is a branch of the Islamic State)", len(j.Reports), j.Flags)
	}

	pe := byPlace("Peshawar", sitrep.IncidentArmedAttack)
	if len(pe.Reports) != 2 || !slices.Contains(pe.Flags, connect.FlagCompetingClaims) {
		t.Errorf("Peshawar: %d reports, flags %v; want 2 (a syndicated copy) and competing claims", len(pe.Reports), pe.Flags)
	}
	if j := pe.Reports[1].Join; j == nil || j.Report != 0 || !slices.Contains(j.Evidence, "same_story") {
		t.Errorf("Peshawar copy joined by %+v, want report 0 with same_story", j)
	}

	var quettaBombs int
	for _, m := range ms {
		if m.Place != nil && m.Place.Name == "Quetta" && (m.Type == sitrep.IncidentBombing || m.Type == sitrep.IncidentSuicideBombing) {
			quettaBombs++
		}
	}
	if quettaBombs != 2 {
		t.Errorf("Quetta: %d bombings, want 2 (a training centre and a market)", quettaBombs)
	}
}

func TestEstimateRule(t *testing.T) {
	mk := func(id, pub string, n int, src string) *sitrep.Document {
		return report(id, pub, "A bomb killed people in the town.", sitrep.IncidentBombing, "bomb", at(quetta, "town"), on("2020-01-01", "stated", ""), figure("killed", n, "people", src))
	}
	tests := []struct {
		name            string
		docs            []*sitrep.Document
		best, low, high int
		conflicting     bool
	}{
		{"one figure", []*sitrep.Document{mk("a", "2020-01-01", 7, "")}, 7, 7, 7, false},
		{"a close spread is no conflict", []*sitrep.Document{mk("a", "2020-01-01", 70, "police"), mk("b", "2020-01-01", 80, "")}, 70, 70, 80, false},
		{"the latest day wins", []*sitrep.Document{mk("a", "2020-01-01", 5, "police"), mk("b", "2020-01-02", 9, ""), mk("c", "2020-01-02", 11, "hospital")}, 9, 5, 11, true},
		{"a toll that grew overnight", []*sitrep.Document{mk("a", "2020-01-01", 25, "police"), mk("b", "2020-01-02", 45, "")}, 45, 25, 45, true},
		{"undated reports only count when none is dated", []*sitrep.Document{mk("a", "", 3, ""), mk("b", "", 4, "")}, 3, 3, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reports []connect.IncidentReport
			for _, d := range tt.docs {
				d.NearDuplicates = nil
				for _, o := range tt.docs {
					if o != d {
						d.NearDuplicates = append(d.NearDuplicates, sitrep.NearDuplicate{ID: o.ID})
					}
				}
			}
			reports = connect.IncidentReports(tt.docs)
			ms := connect.MergeIncidents(reports, connect.Options{})
			if len(ms) != 1 {
				t.Fatalf("%d incidents, want 1: %v", len(ms), groups(ms))
			}
			k := ms[0].Killed
			if k.Best != tt.best || k.Low != tt.low || k.High != tt.high {
				t.Errorf("got best %d [%d, %d], want %d [%d, %d]", k.Best, k.Low, k.High, tt.best, tt.low, tt.high)
			}
			if got := slices.Contains(ms[0].Flags, connect.FlagConflictingFigures); got != tt.conflicting {
				t.Errorf("conflicting_figures %v, want %v", got, tt.conflicting)
			}
		})
	}
}

// TestMergeSynthetic scores merging on generated reports of known
// incidents: pairwise precision and recall over same-incident pairs, on a
// sparse set (two years, 96 districts) and a dense one (two months, 12
// districts: several incidents a day in each province).
func TestMergeSynthetic(t *testing.T) {
	for _, tt := range []struct {
		name            string
		days, provinces int
		minP, minR      float64
	}{
		{"sparse", 730, 8, 0.98, 0.7},
		{"dense", 60, 2, 0.88, 0.7},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reports, truth := syntheticReports(2000, 7, tt.days, tt.provinces)
			ms := connect.MergeIncidents(reports, connect.Options{})
			p, r := pairScores(ms, truth)
			t.Logf("%d reports of %d incidents -> %d merged; pairwise precision %.3f recall %.3f", len(reports), countDistinct(truth), len(ms), p, r)
			if p < tt.minP || r < tt.minR {
				t.Errorf("pairwise precision %.3f recall %.3f, want at least %.2f and %.2f", p, r, tt.minP, tt.minR)
			}
		})
	}
}

func countDistinct(truth map[string]int) int {
	seen := map[int]bool{}
	for _, v := range truth {
		seen[v] = true
	}
	return len(seen)
}

// pairScores compares the merged groups with the true incident of each
// report (by "docID#index").
func pairScores(ms []connect.MergedIncident, truth map[string]int) (precision, recall float64) {
	var tp, predicted int
	group := map[string]int{}
	for g, m := range ms {
		n := len(m.Reports)
		predicted += n * (n - 1) / 2
		for _, r := range m.Reports {
			group[fmt.Sprintf("%s#%d", r.Doc.ID, r.Index)] = g
		}
		for i := range m.Reports {
			for j := i + 1; j < n; j++ {
				a := fmt.Sprintf("%s#%d", m.Reports[i].Doc.ID, m.Reports[i].Index)
				b := fmt.Sprintf("%s#%d", m.Reports[j].Doc.ID, m.Reports[j].Index)
				if truth[a] == truth[b] {
					tp++
				}
			}
		}
	}
	byTrue := map[int]int{}
	for _, v := range truth {
		byTrue[v]++
	}
	var gold int
	for _, n := range byTrue {
		gold += n * (n - 1) / 2
	}
	precision, recall = 1, 1
	if predicted > 0 {
		precision = float64(tp) / float64(predicted)
	}
	if gold > 0 {
		recall = float64(tp) / float64(gold)
	}
	return precision, recall
}

// syntheticReports generates n reports of about n/3 incidents over days
// days in two countries of provinces provinces of 6 districts of 5 towns
// each, with the noise real reports have: a generic type for a suicide
// bombing, the district or province instead of the town, no place, the
// publication date instead of the event date, a toll that grows, no
// figure, the perpetrator named or not, one of three cue words. truth maps "docID#index" to the
// incident.
func syntheticReports(n int, seed uint64, days, provinces int) ([]connect.IncidentReport, map[string]int) {
	rng := rand.New(rand.NewPCG(seed, seed*7919+1))
	type district struct {
		country, admin1, admin2 string
		lat, lon                float64
	}
	var districts []district
	for c, country := range []string{"Pakistan", "Afghanistan"} {
		for p := range provinces {
			for d := range 6 {
				districts = append(districts, district{country, fmt.Sprintf("Province %d-%d", c, p), fmt.Sprintf("District %d-%d-%d", c, p, d),
					30 + float64(c*provinces+p), 65 + float64(d)})
			}
		}
	}
	groups := []sitrep.Actor{iskp, ttp, jua, lej, {Name: "Baloch Liberation Army", Entity: "kb:bla"}, {Name: "Hafiz Gul Bahadur group", Entity: "kb:hafiz-gul-bahadur"}}
	types := sitrep.IncidentTypes
	base := dayNumber(2023, 1, 1)
	var reports []connect.IncidentReport
	truth := map[string]int{}
	for inc := 0; len(reports) < n; inc++ {
		ds := districts[rng.IntN(len(districts))]
		town := rng.IntN(5)
		typ := types[rng.IntN(len(types))]
		day := base + rng.IntN(days)
		killed := rng.IntN(60)
		group := groups[rng.IntN(len(groups))]
		nrep := 1 + rng.IntN(5)
		for k := 0; k < nrep && len(reports) < n; k++ {
			pub := day + rng.IntN(3)
			doc := connect.Doc{ID: fmt.Sprintf("d%06d", len(reports)), Source: "synthetic", Outlet: fmt.Sprintf("Outlet %d", rng.IntN(40)), Published: dateOf(pub)}
			r := connect.IncidentReport{Doc: doc, Incident: sitrep.Incident{Type: typ, Cue: fmt.Sprintf("cue %d", rng.IntN(3))}}
			if typ == sitrep.IncidentSuicideBombing && rng.IntN(3) == 0 {
				r.Incident.Type = sitrep.IncidentBombing
			}
			switch x := rng.IntN(10); {
			case x < 6:
				r.Incident.Place = &sitrep.IncidentPlace{Name: fmt.Sprintf("Town %d of %s", town, ds.admin2), Country: ds.country, Admin1: ds.admin1, Admin2: ds.admin2,
					Precision: "town", Lat: ds.lat + float64(town)*0.2, Lon: ds.lon}
			case x < 8:
				r.Incident.Place = &sitrep.IncidentPlace{Name: ds.admin2, Country: ds.country, Admin1: ds.admin1, Admin2: ds.admin2, Precision: "district"}
			case x < 9:
				r.Incident.Place = &sitrep.IncidentPlace{Name: ds.admin1, Country: ds.country, Admin1: ds.admin1, Precision: "province"}
			}
			if rng.IntN(3) == 0 {
				r.Incident.Date, r.Incident.DatePrecision, r.Incident.DateBasis = dateOf(pub).String(), "day", "published"
			} else {
				r.Incident.Date, r.Incident.DatePrecision, r.Incident.DateBasis = dateOf(day).String(), "day", "stated"
			}
			if rng.IntN(5) != 0 {
				v := killed + (pub-day)*rng.IntN(1+killed/4)
				r.Incident.Killed = &sitrep.Figure{Min: v, Estimate: v}
			}
			if rng.IntN(5) < 2 {
				r.Incident.Perpetrators = []sitrep.Perpetrator{{Actor: group, Basis: sitrep.BasisAttributed}}
			}
			reports = append(reports, r)
			truth[doc.ID+"#0"] = inc
		}
	}
	return reports, truth
}

func dayNumber(y, m, d int) int {
	return int(sitrep.Date{Year: y, Month: 1, Day: 1}.Time().AddDate(0, m-1, d-1).Unix() / 86400)
}

func dateOf(day int) sitrep.Date {
	return sitrep.DateOf(sitrep.Date{Year: 1970, Month: 1, Day: 1}.Time().AddDate(0, 0, day))
}

// BenchmarkMergeIncidents merges synthetic reports: over a fixed two
// years (more reports, denser days) and at a fixed density (about 14
// reports a day, the period growing with the reports).
func BenchmarkMergeIncidents(b *testing.B) {
	for _, bc := range []struct {
		name    string
		n, days int
	}{
		{"2y/1000", 1000, 730}, {"2y/10000", 10000, 730},
		{"14perday/1000", 1000, 73}, {"14perday/10000", 10000, 730}, {"14perday/100000", 100000, 7300},
	} {
		reports, _ := syntheticReports(bc.n, 1, bc.days, 8)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				connect.MergeIncidents(reports, connect.Options{})
			}
		})
	}
}
