package muc

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

const fixtures = "testdata/CORPORA"

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name, text string
		year       int
		want       Dateline
	}{
		{"plain", "   SAN SALVADOR, 3 JAN 90 -- [TEXT] X", 0, Dateline{Place: "SAN SALVADOR", Date: sitrep.Date{Year: 1990, Month: 1, Day: 3}, End: 28}},
		{"outlet", "   BOGOTA, 18 APRIL 89 (AFP) -- [TEXT]", 0, Dateline{Place: "BOGOTA", Date: sitrep.Date{Year: 1989, Month: 4, Day: 18}, Outlet: "AFP", End: 31}},
		{"month first", "PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- X", 0, Dateline{Place: "PERTH (AUSTRALIA)", Date: sitrep.Date{Year: 1989, Month: 6, Day: 11}, Outlet: "AFP", End: 38}},
		{"cut month", "TAIPEI (TAIWAN), 4 SEPT 89 (CNA) -- X", 0, Dateline{Place: "TAIPEI (TAIWAN)", Date: sitrep.Date{Year: 1989, Month: 9, Day: 4}, Outlet: "CNA", End: 35}},
		{"no year", "TEGUCIGALPA, 7 FEB (REUTER) -- X", 1990, Dateline{Place: "TEGUCIGALPA", Date: sitrep.Date{Year: 1990, Month: 2, Day: 7}, Outlet: "REUTER", End: 30}},
		{"no year, none known", "TEGUCIGALPA, 7 FEB (REUTER) -- X", 0, Dateline{Place: "TEGUCIGALPA", Outlet: "REUTER", End: 30}},
		{"no date", "   SAN SALVADOR, NO DATE (RADIO CADENA YSU) -- [X]", 0, Dateline{Place: "SAN SALVADOR", Outlet: "RADIO CADENA YSU", End: 46}},
		{"bad day", "LIMA, 31 NOV 89 -- X", 0, Dateline{Place: "LIMA", End: 18}},
		{"none", "THE TEXT BEGINS HERE.", 0, Dateline{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseDateline(tt.text, tt.year); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseMessages(t *testing.T) {
	b, err := os.ReadFile(fixtures + "/dev/dev-muc3-0001-0003")
	if err != nil {
		t.Fatal(err)
	}
	ms := ParseMessages(string(b))
	if len(ms) != 3 {
		t.Fatalf("got %d messages, want 3", len(ms))
	}
	for i, want := range []struct {
		id   string
		date string
	}{{"DEV-MUC3-0001", "1990-01-03"}, {"DEV-MUC3-0002", "1990-02-07"}, {"DEV-MUC3-0003", ""}} {
		if ms[i].ID != want.id || ms[i].Dateline.Date.String() != want.date {
			t.Errorf("message %d: %s dated %q, want %s dated %q", i, ms[i].ID, ms[i].Dateline.Date, want.id, want.date)
		}
	}
	if !strings.HasPrefix(ms[0].Text, "\n   SAN SALVADOR, 3 JAN 90") || strings.Contains(ms[0].Text, "DEV-MUC3-0002") {
		t.Errorf("text of the first message: %q", ms[0].Text)
	}
}

func TestParseKeys(t *testing.T) {
	b, err := os.ReadFile(fixtures + "/dev/key-dev-0001.muc4")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ParseKeys(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 4 {
		t.Fatalf("got %d templates, want 4", len(ts))
	}
	t1, t2, irr, t3 := ts[0], ts[1], ts[2], ts[3]
	if t1.Message != "DEV-MUC3-0001" || t1.Number != 1 || t1.Optional || t1.Irrelevant || t1.Line != 1 {
		t.Errorf("template 1: %+v", t1)
	}
	if !t2.Optional || t2.Number != 2 {
		t.Errorf("template 2: number %d, optional %v", t2.Number, t2.Optional)
	}
	if !irr.Irrelevant || irr.Message != "DEV-MUC3-0002" {
		t.Errorf("irrelevant template: %+v", irr)
	}
	if got := t1.Slots[SlotPerpOrg]; len(got) != 1 || !reflect.DeepEqual(got[0].Values, []string{"FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"}) {
		t.Errorf("perpetrator: %+v", got)
	}
	conf := t1.Slots[SlotPerpConfidence][0]
	if !reflect.DeepEqual(conf.Values, []string{"REPORTED AS FACT"}) || !reflect.DeepEqual(conf.Refs, []string{"FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"}) {
		t.Errorf("confidence with cross-reference: %+v", conf)
	}
	if got := t1.Slots[SlotHumTargetEffect]; len(got) != 2 || got[1].Values[0] != "INJURY" || got[1].Refs[0] != "SOLDIERS" {
		t.Errorf("effects over two lines: %+v", got)
	}
	if got := t1.Slots[SlotHumTargetName]; got != nil {
		t.Errorf("a null slot has fillers: %+v", got)
	}
	// Slots out of order (18 after 19), an optional filler.
	if got := t2.Slots[SlotHumTargetName]; len(got) != 1 || got[0].Values[0] != "JOSE PEREZ" {
		t.Errorf("name after description: %+v", got)
	}
	if got := t2.Slots[SlotHumTargetEffect][0]; !got.Optional || got.Values[0] != "REGAINED FREEDOM" {
		t.Errorf("optional effect: %+v", got)
	}
	if got := t3.Slots[SlotType][0].Values; !reflect.DeepEqual(got, []string{"ATTACK", "ARSON"}) {
		t.Errorf("type alternatives: %v", got)
	}
	if got := t3.Slots[SlotPhysTargetID][0]; !got.Optional || got.Values[0] != "TOWN" {
		t.Errorf("optional string filler: %+v", got)
	}
}

func TestParseKeysErrors(t *testing.T) {
	for _, tt := range []struct{ name, key, want string }{
		{"starts late", "1.  MESSAGE: TEMPLATE               1\n", "line 1: template starts with slot 1, not 0"},
		{"slot twice", "0.  MESSAGE: ID                     DEV-MUC3-0001\n0.  MESSAGE: ID   X\n", ""},
		{"stray", "0.  MESSAGE: ID                     DEV-MUC3-0001\nHELLO\n", `line 2: unexpected line "HELLO"`},
		{"bad number", "0.  MESSAGE: ID                     DEV-MUC3-0001\n1.  MESSAGE: TEMPLATE               ONE\n", `line 2: template number "ONE"`},
		{"repeated slot", "0.  MESSAGE: ID                     DEV-MUC3-0001\n2.  INCIDENT: DATE   -\n2.  INCIDENT: DATE   -\n", "line 3: slot 2 given twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseKeys(tt.key)
			var ke *KeyError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.want != "" && (!errors.As(err, &ke) || err.Error() != tt.want):
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	c, err := Load(fixtures, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Messages) != 3 || len(c.Keys["DEV-MUC3-0001"]) != 2 || len(c.Keys["DEV-MUC3-0002"]) != 1 {
		t.Errorf("loaded %d messages, keys %v", len(c.Messages), c.Keys)
	}
	if _, err := Load(t.TempDir(), "dev"); !errors.Is(err, ErrNoCorpus) {
		t.Errorf("empty folder: %v", err)
	}
	if _, err := Load(fixtures, "tst9"); err == nil || !strings.Contains(err.Error(), "unknown split") {
		t.Errorf("unknown split: %v", err)
	}
	if _, err := Load(fixtures, "tst3"); err == nil {
		t.Error("a split with no files loads")
	}
}

func TestGold(t *testing.T) {
	c, err := Load(fixtures, "dev")
	if err != nil {
		t.Fatal(err)
	}
	pub := c.Messages[0].Dateline.Date
	g1 := c.Keys["DEV-MUC3-0001"][0].Gold(pub)
	if !reflect.DeepEqual(g1.Types, []string{"BOMBING"}) {
		t.Errorf("types %v", g1.Types)
	}
	if len(g1.Dates) != 1 || !g1.Dates[0].From.Equal(day("1990-01-02")) || !g1.Dates[0].To.Equal(day("1990-01-02")) {
		t.Errorf("dates %+v", g1.Dates)
	}
	if len(g1.Locations) != 1 || !reflect.DeepEqual(g1.Locations[0].Levels, [][]string{{"EL SALVADOR"}, {"USULUTAN"}, {"USULUTAN"}}) {
		t.Errorf("locations %+v", g1.Locations)
	}
	if len(g1.Targets) != 3 || g1.Targets[0].Values[0] != "PEASANTS" || g1.Targets[2].Values[0] != "BUS STATION" {
		t.Errorf("targets %+v", g1.Targets)
	}
	if g1.Deaths == nil || g1.Deaths.Min != 5 || g1.Deaths.Max != 5 || g1.Injuries == nil || g1.Injuries.Min != 2 {
		t.Errorf("deaths %+v, injuries %+v", g1.Deaths, g1.Injuries)
	}
	g2 := c.Keys["DEV-MUC3-0001"][1].Gold(pub)
	if len(g2.Locations) != 2 || len(g2.Locations[1].Levels) != 1 {
		t.Errorf("location alternatives %+v", g2.Locations)
	}
	if len(g2.Targets) != 1 || !reflect.DeepEqual(g2.Targets[0].Values, []string{"JOSE PEREZ", "MAYOR OF SANTA ELENA"}) {
		t.Errorf("named target with its description: %+v", g2.Targets)
	}
	if g2.Deaths != nil {
		t.Errorf("deaths %+v, want none", g2.Deaths)
	}
	if d := g2.Dates[0]; !d.From.Equal(day("1989-12-30")) {
		t.Errorf("date %+v", d)
	}
}

func TestParseDateRange(t *testing.T) {
	pub := sitrep.Date{Year: 1990, Month: 1, Day: 10}
	for _, tt := range []struct {
		in       string
		from, to string
		before   bool
		ok       bool
	}{
		{"21 JAN 89", "1989-01-21", "1989-01-21", false, true},
		{"15 JAN 89 - 21 JAN 89", "1989-01-15", "1989-01-21", false, true},
		{"- 10 JAN 90", "1990-01-03", "1990-01-10", true, true},
		{"-10 JAN 90", "1990-01-03", "1990-01-10", true, true},
		{"30 DEC", "1989-12-30", "1989-12-30", false, true},
		{"05 JAN", "1990-01-05", "1990-01-05", false, true},
		{"DEC 89", "1989-12-01", "1989-12-31", false, true},
		{"31 NOV 89", "", "", false, false},
		{"21 JAN 89 - 15 JAN 89", "", "", false, false},
		{"SOMETIME", "", "", false, false},
	} {
		r, ok := parseDateRange(tt.in, pub)
		if ok != tt.ok {
			t.Errorf("%q: ok %v", tt.in, ok)
			continue
		}
		if ok && (!r.From.Equal(day(tt.from)) || !r.To.Equal(day(tt.to)) || r.Before != tt.before) {
			t.Errorf("%q: got %s..%s before %v, want %s..%s", tt.in, r.From.Format(time.DateOnly), r.To.Format(time.DateOnly), r.Before, tt.from, tt.to)
		}
	}
}

func TestParseNumber(t *testing.T) {
	inf := math.MaxInt
	for _, tt := range []struct {
		in     string
		lo, hi int
		ok     bool
	}{
		{"5", 5, 5, true}, {"~40", 40, 40, true}, {"6-8", 6, 8, true}, {"6-", 6, inf, true},
		{"- 15", 1, 15, true}, {"PLURAL", 2, inf, true}, {"8-6", 0, 0, false}, {"MANY", 0, 0, false},
	} {
		lo, hi, ok := parseNumber(tt.in)
		if ok != tt.ok || ok && (lo != tt.lo || hi != tt.hi) {
			t.Errorf("%q: got %d..%d %v", tt.in, lo, hi, ok)
		}
	}
}

func TestDeathCounts(t *testing.T) {
	key := `0.  MESSAGE: ID                     DEV-MUC3-0009
1.  MESSAGE: TEMPLATE               1
18. HUM TGT: NAME                   "ANA LOPEZ"
19. HUM TGT: DESCRIPTION            "PEOPLE"
                                    "GUARDS"
                                    "DRIVER"
21. HUM TGT: NUMBER                 PLURAL: "PEOPLE"
                                    ? 3: "GUARDS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "ANA LOPEZ"
                                    DEATH: "PEOPLE"
                                    ? DEATH: "GUARDS"
                                    NO INJURY: "DRIVER"
`
	ts, err := ParseKeys(key)
	if err != nil {
		t.Fatal(err)
	}
	g := ts[0].Gold(sitrep.Date{})
	// ANA LOPEZ 1 + PEOPLE 2.. + GUARDS (optional) 0..3.
	if g.Deaths == nil || g.Deaths.Min != 3 || g.Deaths.Max != math.MaxInt || g.Deaths.Optional {
		t.Errorf("deaths %+v", g.Deaths)
	}
	if g.Injuries == nil || g.Injuries.Min != 0 || g.Injuries.Max != 0 {
		t.Errorf("injuries %+v, want 0", g.Injuries)
	}
}

func TestMatchers(t *testing.T) {
	g := &Gold{
		Dates:     []DateRange{{From: day("1990-01-03"), To: day("1990-01-10"), Before: true}},
		Locations: []Location{{Levels: [][]string{{"EL SALVADOR"}, {"SAN MIGUEL"}, {"SAN LUIS DE LA REINA"}}}},
	}
	for _, tt := range []struct {
		date string
		want bool
	}{{"1990-01-10", true}, {"1990-01-04", true}, {"1990-01-02", false}, {"1990-01", false}, {"1990-W02", false}, {"1990", false}, {"", false}} {
		if got := dateMatches(g, tt.date); got != tt.want {
			t.Errorf("date %q: %v", tt.date, got)
		}
	}
	week := &Gold{Dates: []DateRange{{From: day("1990-01-01"), To: day("1990-01-31")}}}
	if !dateMatches(week, "1990-W02") || !dateMatches(week, "1990-01") {
		t.Error("week or month inside a month range")
	}

	for _, tt := range []struct {
		name string
		p    *sitrep.IncidentPlace
		want bool
	}{
		{"town", &sitrep.IncidentPlace{Name: "San Luis de la Reina", Country: "El Salvador", Precision: "town"}, true},
		{"text", &sitrep.IncidentPlace{Name: "San Luís", Text: "SAN LUIS DE LA REINA", Precision: "town"}, true},
		{"inside the place", &sitrep.IncidentPlace{Name: "El Ojo", Admin2: "San Luis de la Reina", Precision: "town"}, true},
		{"department only", &sitrep.IncidentPlace{Name: "San Miguel", Country: "El Salvador", Precision: "province"}, false},
		{"country", &sitrep.IncidentPlace{Name: "El Salvador", Country: "El Salvador", Precision: "country"}, false},
		{"nil", nil, false},
	} {
		if got := locationMatches(g, tt.p); got != tt.want {
			t.Errorf("location %s: %v", tt.name, got)
		}
	}
	country := &Gold{Locations: []Location{{Levels: [][]string{{"EL SALVADOR"}}}}}
	if !locationMatches(country, &sitrep.IncidentPlace{Name: "Apopa", Country: "El Salvador", Precision: "town"}) ||
		!locationMatches(country, &sitrep.IncidentPlace{Name: "El Salvador", Precision: "country"}) ||
		locationMatches(country, &sitrep.IncidentPlace{Name: "Lima", Country: "Peru", Precision: "town"}) {
		t.Error("country-only key")
	}

	for _, tt := range []struct {
		alts  []string
		names []string
		want  bool
	}{
		{[]string{"ARMY OF NATIONAL LIBERATION", "ELN"}, []string{"National Liberation Army"}, true},
		{[]string{"FMLN"}, []string{"Farabundo Martí National Liberation Front", "FMLN"}, true},
		{[]string{"PEASANTS"}, []string{"50 peasants of various ages"}, true},
		{[]string{"SOLDIER"}, []string{"two soldiers"}, true},
		{[]string{"SHINING PATH"}, []string{"Tupac Amaru Revolutionary Movement"}, false},
		{[]string{"THE"}, []string{"the"}, false},
	} {
		if got := nameMatches(tt.alts, tt.names); got != tt.want {
			t.Errorf("names %v vs %v: %v", tt.alts, tt.names, got)
		}
	}

	for _, tt := range []struct {
		name string
		c    Count
		f    sitrep.Figure
		want bool
	}{
		{"exact", Count{Min: 5, Max: 5}, sitrep.Figure{Min: 5, Max: ptr(5), Estimate: 5}, true},
		{"range holds", Count{Min: 5, Max: 5}, sitrep.Figure{Min: 4, Max: ptr(6), Estimate: 4}, true},
		{"open figure", Count{Min: 5, Max: 5}, sitrep.Figure{Min: 3, Estimate: 3}, true},
		{"plural", Count{Min: 2, Max: math.MaxInt}, sitrep.Figure{Min: 12, Max: ptr(12), Estimate: 12}, true},
		{"wrong", Count{Min: 5, Max: 5}, sitrep.Figure{Min: 3, Max: ptr(3), Estimate: 3}, false},
		{"zero", Count{}, sitrep.Figure{}, true},
	} {
		if got := countMatches(&tt.c, &tt.f); got != tt.want {
			t.Errorf("count %s: %v", tt.name, got)
		}
	}
}

func ptr(n int) *int { return &n }

func TestPeriod(t *testing.T) {
	for _, tt := range []struct{ in, from, to string }{
		{"1990-01-03", "1990-01-03", "1990-01-03"},
		{"1990-02", "1990-02-01", "1990-02-28"},
		{"1989", "1989-01-01", "1989-12-31"},
		{"2024-W23", "2024-06-03", "2024-06-09"},
		{"2021-W01", "2021-01-04", "2021-01-10"},
	} {
		f, to, ok := period(tt.in)
		if !ok || !f.Equal(day(tt.from)) || !to.Equal(day(tt.to)) {
			t.Errorf("%s: %s..%s %v", tt.in, f.Format(time.DateOnly), to.Format(time.DateOnly), ok)
		}
	}
	if _, _, ok := period("soon"); ok {
		t.Error("period of a non-date")
	}
}

// TestAssign compares the Hungarian method with brute force on random
// matrices.
func TestAssign(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		rows, cols := 1+rng.IntN(5), rng.IntN(6)
		w := make([][]int, rows)
		for i := range w {
			w[i] = make([]int, cols)
			for j := range w[i] {
				if rng.IntN(3) > 0 {
					w[i][j] = rng.IntN(9)
				}
			}
		}
		got := assign(w)
		used := map[int]bool{}
		total := 0
		for i, j := range got {
			if j < 0 {
				continue
			}
			if used[j] || w[i][j] <= 0 {
				t.Fatalf("%v: bad assignment %v", w, got)
			}
			used[j] = true
			total += w[i][j]
		}
		if best := bruteForce(w, 0, map[int]bool{}); total != best {
			t.Fatalf("%v: assignment %v weighs %d, best %d", w, got, total, best)
		}
	}
}

func bruteForce(w [][]int, i int, used map[int]bool) int {
	if i == len(w) {
		return 0
	}
	best := bruteForce(w, i+1, used)
	for j, x := range w[i] {
		if x > 0 && !used[j] {
			used[j] = true
			best = max(best, x+bruteForce(w, i+1, used))
			used[j] = false
		}
	}
	return best
}

// fakeFinder plays an extractor: it returns the incidents given for each
// message, their spans pointing into the message's text.
func fakeFinder(byID map[string][]sitrep.Incident) AnalyzeFunc {
	return func(_ context.Context, m *Message) (*sitrep.Document, error) {
		if m.ID == "DEV-MUC3-0003" {
			return nil, errors.New("analysis failed")
		}
		return &sitrep.Document{Text: m.Text, Published: m.Dateline.Date, Incidents: byID[m.ID]}, nil
	}
}

func TestRun(t *testing.T) {
	c, err := Load(fixtures, "dev")
	if err != nil {
		t.Fatal(err)
	}
	text := c.Messages[0].Text
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the fixture", s)
		}
		return i, i + len(s)
	}
	fs, fe := at("FARABUNDO MARTI NATIONAL LIBERATION FRONT")
	ss, se := at("BUS STATION")
	bomb := sitrep.Incident{
		Type: sitrep.IncidentBombing, Cue: "SET OFF A BOMB", Date: "1990-01-02",
		Place:        &sitrep.IncidentPlace{Name: "Usulután", Country: "El Salvador", Admin1: "Usulután", Precision: "town", Text: "USULUTAN"},
		Killed:       &sitrep.Figure{Min: 5, Max: ptr(5), Estimate: 5, Text: "FIVE"},
		Injured:      &sitrep.Figure{Min: 3, Max: ptr(3), Estimate: 3, Text: "THREE"},
		Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: "Farabundo Marti National Liberation Front", Start: fs, End: fe}, Basis: sitrep.BasisAttributed}},
		Targets:      []sitrep.Actor{{Name: "bus station", Start: ss, End: se}, {Name: "the authorities"}},
		Start:        0, End: len(text),
	}
	kidnap := sitrep.Incident{Type: sitrep.IncidentKidnapping, Date: "1989-12-30", Targets: []sitrep.Actor{{Name: "José Pérez"}}}
	arrest := sitrep.Incident{Type: sitrep.IncidentArrest, Date: "1990-01-03"}
	spurious := sitrep.Incident{Type: sitrep.IncidentArmedClash, Date: "1990-02-07", Place: &sitrep.IncidentPlace{Name: "Lima", Country: "Peru", Precision: "town"}}
	find := fakeFinder(map[string][]sitrep.Incident{
		"DEV-MUC3-0001": {bomb, kidnap, arrest},
		"DEV-MUC3-0002": {spurious},
	})
	var failed []string
	s, err := Run(context.Background(), c, find, Options{}, 2, func(id string, err error) { failed = append(failed, id) })
	if err != nil {
		t.Fatal(err)
	}
	if s.Messages != 3 || s.Relevant != 2 || s.Failed != 1 || !reflect.DeepEqual(failed, []string{"DEV-MUC3-0003"}) {
		t.Errorf("messages %d, relevant %d, failed %d %v", s.Messages, s.Relevant, s.Failed, failed)
	}
	// Keys: bombing (matched), optional kidnapping (matched), attack in
	// message 3 (missed). Predictions: bombing, kidnapping, the clash in
	// the irrelevant message 2 (spurious); the arrest is outside MUC.
	if want := (Counts{TP: 2, Gold: 3, Pred: 3}); s.Templates != want {
		t.Errorf("templates %+v, want %+v", s.Templates, want)
	}
	if s.RelevantPred != 2 || s.Outside[sitrep.IncidentArrest] != 1 || s.Optional != 1 || s.Unsupported != 0 {
		t.Errorf("relevant pred %d, outside %v, optional %d, unsupported %d", s.RelevantPred, s.Outside, s.Optional, s.Unsupported)
	}
	want := map[string]Counts{
		// bombing right, kidnapping right, clash spurious; message 3's key has no date.
		SlotNameDate: {TP: 2, Gold: 2, Pred: 3},
		// bombing right; kidnapping gives none (optional template, key
		// has one: missed); clash spurious; message 3 missed.
		SlotNameLocation: {TP: 1, Gold: 3, Pred: 2},
		// FMLN found.
		SlotNamePerpetrator: {TP: 1, Gold: 1, Pred: 1},
		// bombing: bus station found, peasants and soldiers missed, "the
		// authorities" spurious; kidnapping: the mayor found; message 3:
		// optional town.
		SlotNameTarget:   {TP: 2, Gold: 4, Pred: 3},
		SlotNameDeaths:   {TP: 1, Gold: 1, Pred: 1},
		SlotNameInjuries: {TP: 0, Gold: 1, Pred: 1},
	}
	for _, n := range ScoredSlots {
		if s.Slots[n] != want[n] {
			t.Errorf("slot %s: %+v, want %+v", n, s.Slots[n], want[n])
		}
	}
	if kt := s.KeyTypes["BOMBING"]; kt != (Counts{TP: 1, Gold: 1}) {
		t.Errorf("key type BOMBING: %+v", kt)
	}
	if kt := s.KeyTypes["ATTACK"]; kt != (Counts{Gold: 1}) {
		t.Errorf("key type ATTACK: %+v", kt)
	}
	kinds := map[string]int{}
	for _, e := range s.Errors {
		kinds[e.Slot+" "+e.Kind]++
	}
	if kinds["template missed"] != 1 || kinds["template spurious"] != 1 || kinds["injuries wrong"] != 1 {
		t.Errorf("errors %v", kinds)
	}
	// A wrong type does not match, but does when type is ignored.
	if s.AnyType != s.Templates {
		t.Errorf("any type %+v, typed %+v", s.AnyType, s.Templates)
	}
}

func TestScoreMessageType(t *testing.T) {
	c, err := Load(fixtures, "dev")
	if err != nil {
		t.Fatal(err)
	}
	m := &c.Messages[0]
	kidnapAsAttack := sitrep.Incident{Type: sitrep.IncidentArmedAttack, Date: "1990-01-02", Place: &sitrep.IncidentPlace{Name: "Usulután", Precision: "town"}}
	r := ScoreMessage(m, c.Keys[m.ID], []sitrep.Incident{kidnapAsAttack}, m.Text, Options{})
	if r.Templates != (Counts{Gold: 1, Pred: 1}) || r.AnyType != (Counts{TP: 1, Gold: 1, Pred: 1}) {
		t.Errorf("typed %+v, any type %+v", r.Templates, r.AnyType)
	}
	// Aliases let a knowledge-base name match the key's.
	perp := sitrep.Incident{Type: sitrep.IncidentBombing, Date: "1990-01-02", Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: "Frente", Entity: "kb:x"}}}}
	aliases := func(id string) []string { return []string{"FMLN"} }
	r = ScoreMessage(m, c.Keys[m.ID], []sitrep.Incident{perp}, m.Text, Options{Aliases: aliases})
	if r.Slots[SlotNamePerpetrator] != (Counts{1, 1, 1}) {
		t.Errorf("perpetrator by alias: %+v", r.Slots[SlotNamePerpetrator])
	}
	// A strike's actors are its perpetrators; an operation's are not.
	strike := sitrep.Incident{Type: sitrep.IncidentShelling, Date: "1990-01-02", Actors: []sitrep.Actor{{Name: "FMLN"}}}
	r = ScoreMessage(m, c.Keys[m.ID], []sitrep.Incident{strike}, m.Text, Options{})
	if r.Templates.TP != 0 || r.Slots[SlotNamePerpetrator].Pred != 1 {
		t.Errorf("shelling: templates %+v, perpetrator %+v", r.Templates, r.Slots[SlotNamePerpetrator])
	}
	bombing := strike
	bombing.Type = sitrep.IncidentBombing
	r = ScoreMessage(m, c.Keys[m.ID], []sitrep.Incident{bombing}, m.Text, Options{})
	if r.Slots[SlotNamePerpetrator] != (Counts{Gold: 1}) {
		t.Errorf("a bombing's actors count as perpetrators: %+v", r.Slots[SlotNamePerpetrator])
	}
}

// TestDataset reads every split of the MUC-4 data set when it is present
// beside the repository.
func TestDataset(t *testing.T) {
	dir := "../../../shared/datasets/muc4"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found; skipping the MUC-4 data set test", dir)
	}
	want := map[string][2]int{"dev": {1300, 1114}, "tst1": {100, 85}, "tst2": {100, 106}, "tst3": {100, 123}, "tst4": {100, 86}, "test": {200, 209}}
	for _, split := range Splits {
		c, err := Load(dir, split)
		if err != nil {
			t.Fatalf("%s: %v", split, err)
		}
		templates, dated := 0, 0
		for _, m := range c.Messages {
			if !m.Dateline.Date.IsZero() {
				dated++
			}
			for _, k := range c.Keys[m.ID] {
				if k.Irrelevant {
					continue
				}
				templates++
				g := k.Gold(m.Dateline.Date)
				if len(g.Types) == 0 || len(g.Locations) == 0 && len(k.Slots[SlotLocation]) > 0 {
					t.Errorf("%s #%d: types %v, locations %v", m.ID, k.Number, g.Types, k.Slots[SlotLocation])
				}
			}
		}
		if w := want[split]; len(c.Messages) != w[0] || templates != w[1] {
			t.Errorf("%s: %d messages, %d templates; want %v", split, len(c.Messages), templates, w)
		}
		if dated < len(c.Messages)*9/10 {
			t.Errorf("%s: only %d of %d datelines dated", split, dated, len(c.Messages))
		}
	}
}

// TestOracle scores predictions made from the keys themselves: every
// supported template must be found and almost every slot right, which
// checks the readers and the matchers against the real keys.
func TestOracle(t *testing.T) {
	dir := "../../../shared/datasets/muc4"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found; skipping the oracle test", dir)
	}
	for _, split := range []string{"dev", "test"} {
		c, err := Load(dir, split)
		if err != nil {
			t.Fatal(err)
		}
		oracle := func(_ context.Context, m *Message) (*sitrep.Document, error) {
			doc := &sitrep.Document{Text: m.Text}
			for _, k := range c.Keys[m.ID] {
				if k.Irrelevant {
					continue
				}
				doc.Incidents = append(doc.Incidents, fromKey(k.Gold(m.Dateline.Date)))
			}
			return doc, nil
		}
		s, err := Run(context.Background(), c, oracle, Options{}, 2, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s oracle: templates P %.3f R %.3f; slots micro P %.3f R %.3f", split, s.Templates.P(), s.Templates.R(), s.Micro().P(), s.Micro().R())
		for _, n := range ScoredSlots {
			t.Logf("  %-12s P %.3f R %.3f", n, s.Slots[n].P(), s.Slots[n].R())
		}
		// Unsupported types cannot be found; the oracle's other
		// templates all should.
		if missed := s.Templates.Gold - s.Templates.TP; missed > s.Unsupported+s.Templates.Gold/50 {
			t.Errorf("%s: %d templates missed (%d of unsupported types)", split, missed, s.Unsupported)
		}
		if p := s.Micro().P(); p < 0.95 {
			t.Errorf("%s: slot precision %.3f", split, p)
		}
	}
}

// fromKey makes the incident a perfect extractor would report for a key
// template.
func fromKey(g *Gold) sitrep.Incident {
	inc := sitrep.Incident{Type: sitrep.IncidentArmedAttack}
	for _, t := range g.Types {
		switch t {
		case TypeBombing:
			inc.Type = sitrep.IncidentBombing
		case TypeKidnapping:
			inc.Type = sitrep.IncidentKidnapping
		case TypeArson, TypeRobbery, TypeHijacking, TypeStoppage:
			inc.Type = sitrep.IncidentArrest // no MUC type: not scored
		default:
			continue
		}
		break
	}
	if len(g.Dates) > 0 {
		inc.Date = g.Dates[0].To.Format("2006-01-02")
	}
	if len(g.Locations) > 0 {
		l := g.Locations[0]
		p := &sitrep.IncidentPlace{Name: l.Specific()[0], Country: l.Levels[0][0], Precision: "town"}
		if len(l.Levels) == 1 {
			p.Precision = "country"
		}
		inc.Place = p
	}
	for _, a := range g.Perps {
		inc.Perpetrators = append(inc.Perpetrators, sitrep.Perpetrator{Actor: sitrep.Actor{Name: a.Values[0]}})
	}
	for _, a := range g.Targets {
		inc.Targets = append(inc.Targets, sitrep.Actor{Name: a.Values[0]})
	}
	figure := func(c *Count) *sitrep.Figure {
		if c == nil {
			return nil
		}
		return &sitrep.Figure{Min: c.Min, Estimate: c.Min}
	}
	inc.Killed, inc.Injured = figure(g.Deaths), figure(g.Injuries)
	return inc
}
