package geo

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"time"
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
	tests := []struct {
		name                                 string
		kind, place, country, admin1, admin2 string
	}{
		{"Parachinar", City, "Parachinar", "Pakistan", "Khyber Pakhtunkhwa", "Kurram"},
		{"Kurram", District, "Kurram", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"Kurram Agency", District, "Kurram", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"Balochistan", Province, "Balochistan", "Pakistan", "", ""},
		{"Baluchistan", Province, "Balochistan", "Pakistan", "", ""},
		{"Khyber Pakhtunkhwa", Province, "Khyber Pakhtunkhwa", "Pakistan", "", ""},
		{"NWFP", Province, "Khyber Pakhtunkhwa", "Pakistan", "", ""},
		{"North-West Frontier Province", Province, "Khyber Pakhtunkhwa", "Pakistan", "", ""},
		{"Sindh", Province, "Sindh", "Pakistan", "", ""},
		{"Kabul", City, "Kabul", "Afghanistan", "Kabul", ""},
		{"Quetta", City, "Quetta", "Pakistan", "Balochistan", ""},
		{"Peshawar", City, "Peshawar", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"Karachi", City, "Karachi", "Pakistan", "Sindh", ""},
		{"Jalalabad", City, "Jalalabad", "Afghanistan", "Nangarhar", ""},
		{"Jalālābād", City, "Jalalabad", "Afghanistan", "Nangarhar", ""},
		{"Nangarhar", Province, "Nangarhar", "Afghanistan", "", ""},
		{"Kunar", Province, "Kunar", "Afghanistan", "", ""},
		{"Waziristan", Region, "Waziristan", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"North Waziristan", District, "North Waziristan", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"South Waziristan", District, "South Waziristan", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"Bajaur Agency", District, "Bajaur", "Pakistan", "Khyber Pakhtunkhwa", ""},
		{"the Durand Line", Region, "Durand Line", "", "", ""},
		{"Kabul airport", Facility, "Hamid Karzai International Airport", "Afghanistan", "Kabul", "Kabul"},
		{"Torkham", Facility, "Torkham border crossing", "Pakistan", "Khyber Pakhtunkhwa", "Khyber"},
		{"Washington", City, "Washington, D.C.", "United States", "District of Columbia", ""},
		{"Paris", City, "Paris", "France", "Île-de-France", ""},
		{"PARIS", City, "Paris", "France", "Île-de-France", ""},
		{"Pakistan", Country, "Pakistan", "Pakistan", "", ""},
		{"Turkey", Country, "Türkiye", "Türkiye", "", ""},
		{"USA", Country, "United States", "United States", "", ""},
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

func TestResolve(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name             string
		context          []string
		id, country, adm string
	}{
		{"Hyderabad", []string{"Pakistan"}, "", "Pakistan", "Sindh"},
		{"Hyderabad", []string{"India"}, "", "India", "Telangana"},
		{"Hyderabad", []string{"Sindh"}, "", "Pakistan", "Sindh"},
		{"Punjab", []string{"India"}, "", "India", ""},
		{"Punjab", []string{"Pakistan"}, "", "Pakistan", ""},
		{"Kabul", []string{"Pakistan"}, "geonames:1138958", "Afghanistan", "Kabul"},
		{"Washington", nil, "geonames:4140963", "United States", "District of Columbia"},
		{"Afghanistan", []string{"Pakistan"}, "", "Afghanistan", ""},
		{"Khyber", []string{"Pakistan", "Khyber Pakhtunkhwa"}, "", "Pakistan", "Khyber Pakhtunkhwa"},
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
	if _, ok := g.Resolve("Xyzzyville", nil); ok {
		t.Error("Resolve(Xyzzyville) found")
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
