package geo

import (
	"bytes"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDefaultLoads(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := loadEmbedded()
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("loaded %d entries in %v, heap %.1f MiB", g.Len(), took, float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	if took > time.Second {
		t.Errorf("load took %v, want under 1s", took)
	}
	if g.Len() < 100000 {
		t.Errorf("%d entries, want over 100,000", g.Len())
	}
	runtime.KeepAlive(g)
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	const (
		town     = sitrep.PrecisionTown
		district = sitrep.PrecisionDistrict
		province = sitrep.PrecisionProvince
		country  = sitrep.PrecisionCountry
	)
	tests := []struct {
		name                                 string
		kind, place, country, admin1, admin2 string
		precision                            string
	}{
		{"Parachinar", City, "Parachinar", "Pakistan", "Khyber Pakhtunkhwa", "Kurram", town},
		{"Kurram", District, "Kurram", "Pakistan", "Khyber Pakhtunkhwa", "Kurram", district},
		{"Kurram Agency", District, "Kurram", "Pakistan", "Khyber Pakhtunkhwa", "Kurram", district},
		{"Peshawar", City, "Peshawar", "Pakistan", "Khyber Pakhtunkhwa", "Peshawar", town},
		{"Balochistan", Province, "Balochistan", "Pakistan", "Balochistan", "", province},
		{"Baluchistan", Province, "Balochistan", "Pakistan", "Balochistan", "", province},
		{"Quetta", City, "Quetta", "Pakistan", "Balochistan", "Quetta", town},
		{"Khyber Pakhtunkhwa", Province, "Khyber Pakhtunkhwa", "Pakistan", "Khyber Pakhtunkhwa", "", province},
		{"NWFP", Province, "Khyber Pakhtunkhwa", "Pakistan", "Khyber Pakhtunkhwa", "", province},
		{"North-West Frontier Province", Province, "Khyber Pakhtunkhwa", "Pakistan", "Khyber Pakhtunkhwa", "", province},
		{"Sindh", Province, "Sindh", "Pakistan", "Sindh", "", province},
		{"Kabul", City, "Kabul", "Afghanistan", "Kabul", "Kabul", town},
		{"Karachi", City, "Karachi", "Pakistan", "Sindh", "", town},
		{"Jalalabad", City, "Jalalabad", "Afghanistan", "Nangarhar", "Jalalabad", town},
		{"Jalālābād", City, "Jalalabad", "Afghanistan", "Nangarhar", "Jalalabad", town},
		{"Nangarhar", Province, "Nangarhar", "Afghanistan", "Nangarhar", "", province},
		{"Kunar", Province, "Kunar", "Afghanistan", "Kunar", "", province},
		{"Ghor", Province, "Ghor", "Afghanistan", "Ghor", "", province},
		{"Waziristan", Region, "Waziristan", "Pakistan", "Khyber Pakhtunkhwa", "", district},
		{"North Waziristan", District, "North Waziristan", "Pakistan", "Khyber Pakhtunkhwa", "North Waziristan", district},
		{"South Waziristan", District, "South Waziristan", "Pakistan", "Khyber Pakhtunkhwa", "South Waziristan", district},
		{"Bajaur Agency", District, "Bajaur", "Pakistan", "Khyber Pakhtunkhwa", "Bajaur", district},
		{"FATA", Region, "Federally Administered Tribal Areas", "Pakistan", "Khyber Pakhtunkhwa", "", province},
		{"the Durand Line", Region, "Durand Line", "", "", "", province},
		{"Kabul airport", Facility, "Hamid Karzai International Airport", "Afghanistan", "Kabul", "Kabul", town},
		{"Torkham", Facility, "Torkham border crossing", "Pakistan", "Khyber Pakhtunkhwa", "Khyber", town},
		{"Washington", City, "Washington, D.C.", "United States", "District of Columbia", "", town},
		{"Paris", City, "Paris", "France", "Île-de-France", "", town},
		{"PARIS", City, "Paris", "France", "Île-de-France", "", town},
		{"Pakistan", Country, "Pakistan", "Pakistan", "", "", country},
		{"Afghanistan", Country, "Afghanistan", "Afghanistan", "", "", country},
		{"Turkey", Country, "Türkiye", "Türkiye", "", "", country},
		{"USA", Country, "United States", "United States", "", "", country},
	}
	for _, tt := range tests {
		ps := g.Lookup(tt.name)
		if len(ps) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.name)
			continue
		}
		p := ps[0]
		if p.Kind != tt.kind || p.Name != tt.place || p.Country != tt.country || p.Admin1 != tt.admin1 || (tt.admin2 != "" && p.Admin2 != tt.admin2) {
			t.Errorf("Lookup(%q)[0] = %+v, want %s %s, %s, %s, %s", tt.name, p, tt.kind, tt.place, tt.admin2, tt.admin1, tt.country)
		}
		if p.Precision != tt.precision || p.GeoPrecision != sitrep.GeoPrecision(tt.precision) {
			t.Errorf("Lookup(%q)[0] precision %q (%d), want %q (%d)", tt.name, p.Precision, p.GeoPrecision, tt.precision, sitrep.GeoPrecision(tt.precision))
		}
		if p.Lat == 0 && p.Lon == 0 {
			t.Errorf("Lookup(%q)[0] has no coordinates", tt.name)
		}
		if !g.Contains(tt.name) {
			t.Errorf("Contains(%q) = false", tt.name)
		}
	}
	if g.Contains("Xyzzyville") || g.Lookup("Xyzzyville") != nil {
		t.Error("Xyzzyville found")
	}
	if ps := g.Lookup("Hyderabad"); len(ps) < 2 {
		t.Errorf("Lookup(Hyderabad) = %d entries, want India's and Pakistan's", len(ps))
	}
}

// km is the great-circle distance between two points.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// TestRepresentativePoints checks that countries and provinces are not
// placed at their capital (the old defect) but near their middle.
func TestRepresentativePoints(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name, capital string
		lat, lon      float64 // approximate geographic centre
		within        float64 // km from it
		away          float64 // km at least from the capital
	}{
		{"Pakistan", "Islamabad", 30.0, 69.5, 250, 300},
		{"Afghanistan", "Kabul", 33.9, 66.5, 250, 200},
		{"India", "New Delhi", 22.5, 79.0, 400, 500},
		{"Iran", "Tehran", 32.5, 54.0, 350, 300},
		{"United States", "Washington", 39.0, -98.0, 500, 1500},
		{"Balochistan", "Quetta", 28.5, 65.5, 250, 100},
		{"Sindh", "Karachi", 26.0, 68.5, 200, 100},
		{"Nangarhar", "Jalalabad", 34.2, 70.5, 60, 10},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, nil)
		c, ok2 := g.Resolve(tt.capital, nil)
		if !ok || !ok2 {
			t.Errorf("%s or %s not found", tt.name, tt.capital)
			continue
		}
		if d := km(p.Lat, p.Lon, tt.lat, tt.lon); d > tt.within {
			t.Errorf("%s at %.2f,%.2f: %.0f km from its centre, want under %.0f", tt.name, p.Lat, p.Lon, d, tt.within)
		}
		if d := km(p.Lat, p.Lon, c.Lat, c.Lon); d < tt.away {
			t.Errorf("%s at %.2f,%.2f: %.0f km from %s, want %.0f or more", tt.name, p.Lat, p.Lon, d, tt.capital, tt.away)
		}
	}
}

func TestResolve(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name             string
		context          []string
		id, country, adm string
	}{
		{"Hyderabad", []string{"Pakistan"}, "geonames:1176734", "Pakistan", "Sindh"},
		{"Hyderabad", []string{"India"}, "geonames:1269843", "India", "Telangana"},
		{"Hyderabad", []string{"Sindh"}, "", "Pakistan", "Sindh"},
		{"Hyderabad", []string{"Karachi"}, "", "Pakistan", "Sindh"},                // a town's province is a clue
		{"Hyderabad", []string{"Telangana", "Pakistan"}, "", "India", "Telangana"}, // province beats country
		{"Hyderabad", []string{"India", "Karachi", "Sindh"}, "", "Pakistan", "Sindh"},
		{"Hyderabad", []string{"Hyderabad"}, "geonames:1176734", "Pakistan", "Sindh"}, // no clue from itself: domain tie-break
		{"Hyderabad", nil, "geonames:1176734", "Pakistan", "Sindh"},
		{"Punjab", []string{"India"}, "", "India", "Punjab"},
		{"Punjab", []string{"Amritsar"}, "", "India", "Punjab"},
		{"Punjab", []string{"Pakistan"}, "", "Pakistan", "Punjab"},
		{"Punjab", nil, "", "Pakistan", "Punjab"},
		{"Kabul", []string{"Pakistan"}, "geonames:1138958", "Afghanistan", "Kabul"},
		{"Washington", nil, "geonames:4140963", "United States", "District of Columbia"},
		{"London", []string{"Pakistan"}, "", "United Kingdom", "England"},
		{"London", []string{"Ontario"}, "", "Canada", "Ontario"},
		{"Afghanistan", []string{"Pakistan"}, "", "Afghanistan", ""},
		{"Khyber", []string{"Pakistan", "Khyber Pakhtunkhwa"}, "", "Pakistan", "Khyber Pakhtunkhwa"},
		{"Asia", []string{"Philippines", "Iloilo"}, "", "Philippines", "Western Visayas"},
		{"Diyala Province", []string{"Iraq"}, "", "Iraq", "Diyala"},        // division word the gazetteer lacks
		{"Raqqah", []string{"Syria"}, "geonames:172955", "Syria", "Raqqa"}, // Arabic article dropped
		{"Kunar province", nil, "geonames:AF.34", "Afghanistan", "Kunar"},
		{"Gumla District", nil, "", "India", "Jharkhand"},                 // a district named with its word stands alone
		{"Latehar", []string{"Gumla District"}, "", "India", "Jharkhand"}, // and is a clue to its province
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, tt.context)
		if !ok {
			t.Errorf("Resolve(%q, %q): not found", tt.name, tt.context)
			continue
		}
		if (tt.id != "" && p.ID != tt.id) || p.Country != tt.country || p.Admin1 != tt.adm {
			t.Errorf("Resolve(%q, %q) = %+v, want %s %s %s", tt.name, tt.context, p, tt.id, tt.adm, tt.country)
		}
	}
	// Names that must not be placed: unknown, only compass words, or
	// known only as small places far from anything the document names.
	for _, tt := range []struct {
		name    string
		context []string
	}{
		{"Xyzzyville", nil},
		{"Asia", []string{"Pakistan"}},   // a village in the Philippines
		{"South Asia", nil},              // not in the gazetteer
		{"the West", []string{"Kabul"}},  // provinces of Cameroon and Iceland
		{"Central", nil},                 // a generic word
		{"Police", []string{"Peshawar"}}, // a town in Poland
		{"Said", nil},                    // a village in Yemen
		{"Gumla", nil},                   // an Indian district without its word or a clue
	} {
		if p, ok := g.Resolve(tt.name, tt.context); ok {
			t.Errorf("Resolve(%q, %q) = %+v, want nothing", tt.name, tt.context, p)
		}
	}
}

func TestByID(t *testing.T) {
	g := gaz(t)
	for id, name := range map[string]string{
		"geonames:1168394":     "Parachinar",
		"sitrep:kabul-airport": "Hamid Karzai International Airport",
		"geonames:PK":          "Pakistan",
	} {
		if p, ok := g.ByID(id); !ok || p.Name != name {
			t.Errorf("ByID(%s) = %+v, %v; want %s", id, p, ok, name)
		}
	}
	if _, ok := g.ByID("geonames:0"); ok {
		t.Error("ByID(geonames:0) found")
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Jalālābād":              "jalalabad",
		"  The Durand  Line ":    "durand line",
		"Khyber-Pakhtunkhwa":     "khyber pakhtunkhwa",
		"Washington, D.C.":       "washington d c",
		"La‘lpūr":                "lalpur",
		"Sar-e Pol":              "sar e pol",
		"Ḩişārak":                "hisarak",
		"Łódź":                   "lodz",
		"North Wazīristān":       "north waziristan",
		"People's Republic":      "peoples republic",
		"KURRAM":                 "kurram",
		"São Paulo":              "sao paulo",
		"Île-de-France":          "ile de france",
		"Islamabad (capital)":    "islamabad capital",
		"North–West Frontier":    "north west frontier",
		"Quetta\u00a0city":       "quetta city",
		"ﻛﺎﺑﻞ":                   "ﻛﺎﺑﻞ",
		"thessaloniki":           "thessaloniki",
		"Theatre of Marcellus":   "theatre of marcellus",
		"Dera Ismail Khan, D.I.": "dera ismail khan d i",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrecision(t *testing.T) {
	for kind, want := range map[string]int{City: 1, Facility: 1, District: 2, Region: 2, Province: 3, Country: 3} {
		if got := Precision(kind); got != want {
			t.Errorf("Precision(%s) = %d, want %d", kind, got, want)
		}
		if got := sitrep.GeoPrecision(Level(kind)); got != want {
			t.Errorf("GeoPrecision(Level(%s)) = %d, want %d", kind, got, want)
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := gaz(b)
	names := []string{"Parachinar", "Kabul", "Hyderabad", "Kurram Agency", "Jalālābād", "Paris", "Xyzzyville", "Washington"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Lookup(names[i%len(names)])
		i++
	}
}

func BenchmarkContains(b *testing.B) {
	g := gaz(b)
	names := []string{"Parachinar", "Kabul", "said", "Kurram Agency", "Peshawar", "Xyzzyville"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Contains(names[i%len(names)])
		i++
	}
}

func TestLoadReader(t *testing.T) {
	g, err := Load(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	if !g.Contains("Parachinar") {
		t.Error("Load: no Parachinar")
	}
	if _, err := Load(strings.NewReader("not gzip")); err == nil {
		t.Error("Load(garbage): no error")
	}
}

// TestIndexFindsEveryKey checks the hash table over the file's keys:
// every key leads to its own rows.
func TestIndexFindsEveryKey(t *testing.T) {
	g := gaz(t)
	for k := range len(g.d.KeyEnd) {
		got, want := g.find(g.d.Key(k)), g.d.KeyRows(k)
		if len(got) == 0 || &got[0] != &want[0] || len(got) != len(want) {
			t.Fatalf("find(%q) = %v, want %v", g.d.Key(k), got, want)
		}
	}
}

func TestSkeleton(t *testing.T) {
	tests := []struct{ a, b string }{
		{"baramulla", "baramula"},
		{"budgam", "badgam"},
		{"jaffarabad", "jafarabad"},
		{"naseerabad", "nasirabad"},
		{"hazaribagh", "hazaribag"},
		{"laxmipur", "lakshmipur"},
		{"qilla abdullah", "killa abdullah"},
		{"shopian", "shupiyan"},
	}
	for _, tt := range tests {
		if a, b := Skeleton(tt.a), Skeleton(tt.b); a != b {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q", tt.a, a, tt.b, b)
		}
	}
	if Skeleton("kabul") == Skeleton("kunduz") {
		t.Error("kabul and kunduz share a skeleton")
	}
}

// TestResolveDistricts: districts named with their division word in the
// spellings of South Asian reports, districts without a town in the
// data (placed at their province), and English compass words.
func TestResolveDistricts(t *testing.T) {
	g := gaz(t)
	tests := []struct{ name, want, admin1, precision string }{
		{"Baramulla District", "Baramula", "Jammu and Kashmir", sitrep.PrecisionDistrict},
		{"Naseerabad District", "Nasirabad", "Balochistan", sitrep.PrecisionDistrict},
		{"Dantewada District", "Dantewada", "Chhattisgarh", sitrep.PrecisionDistrict},
		{"Changlang District", "Changlang", "Arunachal Pradesh", sitrep.PrecisionProvince},
		{"East Singhbhum District", "Purba Singhbhum", "Jharkhand", sitrep.PrecisionDistrict},
		{"Bolan District", "Kachhi", "Balochistan", sitrep.PrecisionDistrict},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, nil)
		if !ok || p.Name != tt.want || p.Admin1 != tt.admin1 || p.Precision != tt.precision {
			t.Errorf("Resolve(%q) = %q, %q, %q, %v; want %q, %q, %q", tt.name, p.Name, p.Admin1, p.Precision, ok, tt.want, tt.admin1, tt.precision)
		}
	}
}
