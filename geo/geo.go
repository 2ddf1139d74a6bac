// Package geo is sitrep's gazetteer: countries, first-level divisions
// and towns of the whole world from GeoNames, the districts of Pakistan,
// Afghanistan and their neighbours, and hand-written border areas and
// facilities of the region. It maps a place name found in a document to
// sitrep.Place entries.
//
// The data is embedded in the binary (gazetteer.tsv.gz, built by
// "go run ./geo/gen"; see README.md); nothing is downloaded at run time.
//
// Contains data from GeoNames, geonames.org, CC BY 4.0.
package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/geo/internal/fold"
)

//go:embed gazetteer.tsv.gz
var embedded []byte

// Kinds of place, from the largest to the smallest.
const (
	Country  = "country"
	Province = "province"
	District = "district"
	City     = "city"
	Facility = "facility"
	Region   = "region"
)

// multi marks an index value that points into Gazetteer.multi.
const multi = 1 << 31

// Gazetteer is an immutable set of places indexed by name. It is safe for
// concurrent use.
type Gazetteer struct {
	recs  []record
	index map[string]uint32 // key → record number, or multi|n for multi[n]
	multi [][]int32         // record numbers of a shared key, best first

	idOnce sync.Once
	byID   map[string]int32 // built on the first ByID call
}

type record struct {
	id, name, kind, country, admin1, admin2 string
	precision                               string
	lat, lon                                float64
	pop                                     int
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer embedded in the binary, loading it on the
// first call.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultG, defaultErr = loadEmbedded()
	})
	return defaultG, defaultErr
}

// loadEmbedded loads the embedded file, sizing its buffer from the gzip
// trailer, which holds the uncompressed size modulo 2^32.
func loadEmbedded() (*Gazetteer, error) {
	size := 0
	if n := len(embedded); n > 4 {
		size = int(binary.LittleEndian.Uint32(embedded[n-4:]))
	}
	return load(bytes.NewReader(embedded), size)
}

// Load reads a gazetteer in the format that geo/gen writes: gzip'd
// tab-separated rows id, name, kind, country code, admin1, admin2, lat,
// lon, population, precision, aliases (separated by "|"), best reading
// first, with "#" comment lines and one header line.
func Load(r io.Reader) (*Gazetteer, error) {
	return load(r, 0)
}

// load is Load with a hint of the uncompressed size.
func load(r io.Reader, size int) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	var buf bytes.Buffer
	if size > 0 && size < 1<<30 {
		buf.Grow(size + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	data := buf.String()
	buf = bytes.Buffer{}

	n := strings.Count(data, "\n")
	g := &Gazetteer{
		recs:  make([]record, 0, n),
		index: make(map[string]uint32, n+n/8),
	}
	countries := map[string]string{}
	header := false
	line := 0
	for len(data) > 0 {
		line++
		var row string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			row, data = data[:i], data[i+1:]
		} else {
			row, data = data, ""
		}
		if row == "" || row[0] == '#' {
			continue
		}
		if !header {
			header = true
			if !strings.HasPrefix(row, "id\tname\tkind\t") {
				return nil, errors.New("geo: not a gazetteer file")
			}
			continue
		}
		var f [11]string
		k := 0
		for k < 10 {
			i := strings.IndexByte(row, '\t')
			if i < 0 {
				break
			}
			f[k], row = row[:i], row[i+1:]
			k++
		}
		f[k] = row
		if k != 10 {
			return nil, fmt.Errorf("geo: line %d: %d fields, want 11", line, k+1)
		}
		lat, err1 := strconv.ParseFloat(f[6], 64)
		lon, err2 := strconv.ParseFloat(f[7], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("geo: line %d: bad coordinates", line)
		}
		pop := 0
		if f[8] != "" {
			pop, _ = strconv.Atoi(f[8])
		}
		rec := record{id: f[0], name: f[1], kind: f[2], admin1: f[4], admin2: f[5], precision: f[9], lat: lat, lon: lon, pop: pop}
		if rec.kind == Country {
			countries[f[3]] = rec.name
		}
		rec.country = countries[f[3]]
		if rec.country == "" && f[3] != "" {
			rec.country = f[3]
		}
		num := int32(len(g.recs))
		g.recs = append(g.recs, rec)
		g.add(fold.Key(rec.name), num)
		for aliases := f[10]; aliases != ""; {
			var a string
			if i := strings.IndexByte(aliases, '|'); i >= 0 {
				a, aliases = aliases[:i], aliases[i+1:]
			} else {
				a, aliases = aliases, ""
			}
			g.add(fold.Key(a), num)
		}
	}
	if len(g.recs) == 0 {
		return nil, errors.New("geo: empty gazetteer")
	}
	return g, nil
}

// add files record num under key, after the records already there.
func (g *Gazetteer) add(key string, num int32) {
	if key == "" {
		return
	}
	v, ok := g.index[key]
	switch {
	case !ok:
		g.index[key] = uint32(num)
	case v&multi == 0:
		if int32(v) == num {
			return
		}
		g.multi = append(g.multi, []int32{int32(v), num})
		g.index[key] = multi | uint32(len(g.multi)-1)
	default:
		l := g.multi[v&^multi]
		if l[len(l)-1] != num {
			g.multi[v&^multi] = append(l, num)
		}
	}
}

// find returns the record numbers filed under name's key, best first.
func (g *Gazetteer) find(name string) []int32 { return g.lookupKey(fold.Key(name)) }

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.recs) }

// Contains reports whether name is the name or an alias of an entry,
// ignoring case, diacritics and punctuation.
func (g *Gazetteer) Contains(name string) bool {
	_, ok := g.index[fold.Key(name)]
	return ok
}

// Lookup returns every entry whose name or alias matches name, ignoring
// case, diacritics and punctuation, best reading first: countries, then
// national capitals, provinces, cities of 100,000 or more, districts,
// regions and facilities, smaller towns, and by population within each
// of these; a division's seat that bears its name comes just before it.
func (g *Gazetteer) Lookup(name string) []sitrep.Place {
	nums := g.find(name)
	if len(nums) == 0 {
		return nil
	}
	out := make([]sitrep.Place, len(nums))
	for i, n := range nums {
		out[i] = g.recs[n].place()
	}
	return out
}

// Domain lists the countries that sitrep reports on first. A name that
// the document's context leaves ambiguous between places of the same
// rank goes to the one in these countries (a tie-break only: a city of
// 100,000 elsewhere is not given up for a village here).
var Domain = []string{"Pakistan", "Afghanistan"}

// Context is what a document says about where its places are: the
// countries and provinces its unambiguous place names point to
// ("Karachi" points to Sindh, Pakistan; "Hyderabad" points nowhere, as
// India and Pakistan both have a large one).
type Context struct {
	g      *Gazetteer
	clues  []clue
	domain map[string]bool
}

type clue struct {
	key             string // the folded name the clue comes from
	country, admin1 string // admin1 empty for a country
}

// NewContext returns the context given by names (the other places,
// countries and provinces a document mentions, its dateline's parts),
// with domain as the tie-break countries (English names, as Domain).
func (g *Gazetteer) NewContext(names []string, domain []string) *Context {
	c := &Context{g: g, domain: map[string]bool{}}
	for _, d := range domain {
		c.domain[d] = true
	}
	seen := map[string]bool{}
	for _, n := range names {
		k := fold.Key(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		if generic(k) {
			continue
		}
		nums := g.candidates(k)
		if len(nums) == 0 {
			continue
		}
		best := &g.recs[nums[0]]
		if !c.standalone(best) {
			continue
		}
		ambiguous := false
		for _, m := range nums[1:] {
			r := &g.recs[m]
			if r.country != best.country && rank(r) >= rank(best) && c.standalone(r) {
				ambiguous = true
				break
			}
		}
		if ambiguous || best.country == "" {
			continue
		}
		cl := clue{key: k, country: best.country}
		if best.kind != Country {
			cl.admin1 = best.admin1
		}
		c.clues = append(c.clues, cl)
	}
	return c
}

// rank orders places by how much they are talked about: countries,
// provinces, cities of 100,000 or more, districts, regions and
// facilities, smaller towns.
func rank(r *record) int {
	switch r.kind {
	case Country:
		return 5
	case Province:
		return 4
	case City:
		if r.pop >= 100000 {
			return 3
		}
		return 1
	default:
		return 2
	}
}

// standalone reports whether a place may be taken without support from
// the context: a country, a province, a city of 100,000 or more, a place
// in a domain country or a hand-written place of the region. A village
// in Peru called "Asia" is not.
func (c *Context) standalone(r *record) bool {
	return r.kind == Country || r.kind == Province || (r.kind == City && r.pop >= 100000) ||
		c.domain[r.country] || strings.HasPrefix(r.id, "sitrep:")
}

// generic reports whether a folded name is only compass or position
// words ("West", "the North", "Central"): such names are regions of
// speech, not places, whatever province bears them.
func generic(key string) bool {
	for _, w := range strings.Fields(key) {
		switch w {
		case "north", "south", "east", "west", "northern", "southern", "eastern", "western",
			"central", "centre", "center", "middle", "upper", "lower", "northeast", "northwest",
			"southeast", "southwest":
		default:
			return false
		}
	}
	return true
}

// Resolve returns the best entry for name in this context:
//
//  1. A name whose best reading is a country stays that country.
//  2. Each reading is supported by the clues of other names: 3 for a
//     clue in its province, 1 for a clue in its country only. A smaller
//     town gets no country-only support against a city twenty times its
//     size ("Kabul" beside "Pakistan" stays the Afghan capital).
//  3. Readings without support must stand alone (see standalone): a
//     name none of whose readings does is not placed.
//  4. Among readings of equal support, one in a domain country wins
//     over one of the same rank elsewhere; then the gazetteer's order
//     (rank, then population).
func (c *Context) Resolve(name string) (sitrep.Place, bool) {
	g := c.g
	k := fold.Key(name)
	if generic(k) {
		return sitrep.Place{}, false
	}
	nums := g.candidates(k)
	if len(nums) == 0 {
		return sitrep.Place{}, false
	}
	top := &g.recs[nums[0]]
	if top.kind == Country {
		return top.place(), true
	}
	bestN, bestScore, bestRank, bestDomain := int32(-1), -1, 0, false
	for _, n := range nums {
		r := &g.recs[n]
		prov, ctry := 0, 0
		for _, cl := range c.clues {
			if cl.key == k || cl.country != r.country {
				continue
			}
			if cl.admin1 != "" && cl.admin1 == r.admin1 {
				prov++
			} else {
				ctry++
			}
		}
		if prov == 0 && r.kind == City && top.kind == City && top.pop >= 100000 && r.pop*20 < top.pop {
			ctry = 0 // dwarfed
		}
		score := 3*prov + ctry
		if score == 0 && !c.standalone(r) {
			continue
		}
		dom := c.domain[r.country]
		better := false
		switch {
		case bestN < 0 || score > bestScore:
			better = true
		case score < bestScore:
		case dom && !bestDomain && rank(r) >= bestRank:
			better = true
		}
		if better {
			bestN, bestScore, bestRank, bestDomain = n, score, rank(r), dom
		}
	}
	if bestN < 0 {
		return sitrep.Place{}, false
	}
	return g.recs[bestN].place(), true
}

// divisionWords end names of divisions that the gazetteer may hold
// without them ("Diyala Province", "Anbar Governorate").
var divisionWords = map[string]string{
	"province": Province, "governorate": Province, "state": Province, "region": Province,
	"district": District, "agency": District, "division": District,
}

// arabicArticles begin Arabic place names that reports often drop ("Ar
// Raqqah" is "Raqqah").
var arabicArticles = []string{"al ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "el "}

// candidates returns the entries for a folded name: those filed under it,
// else those filed under it less a trailing division word (of that kind
// only), else under it with an Arabic article.
func (g *Gazetteer) candidates(key string) []int32 {
	if nums := g.lookupKey(key); len(nums) > 0 {
		return nums
	}
	if i := strings.LastIndexByte(key, ' '); i > 0 {
		if kind, ok := divisionWords[key[i+1:]]; ok {
			var out []int32
			for _, n := range g.lookupKey(key[:i]) {
				if g.recs[n].kind == kind {
					out = append(out, n)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	for _, a := range arabicArticles {
		if nums := g.lookupKey(a + key); len(nums) > 0 {
			return nums
		}
	}
	return nil
}

// lookupKey is find for a key already folded.
func (g *Gazetteer) lookupKey(key string) []int32 {
	v, ok := g.index[key]
	switch {
	case !ok:
		return nil
	case v&multi == 0:
		return []int32{int32(v)}
	default:
		return g.multi[v&^multi]
	}
}

// Resolve returns the best entry for name given the names of the other
// places, countries and provinces of the document, with Domain as the
// tie-break (see Context.Resolve). "Hyderabad" with context ["Pakistan"]
// is Hyderabad, Sindh; with ["India"], Hyderabad, Telangana.
func (g *Gazetteer) Resolve(name string, context []string) (sitrep.Place, bool) {
	return g.NewContext(context, Domain).Resolve(name)
}

// Context returns the resolver of one document whose place names (and
// dateline parts) are names, with Domain as the tie-break:
// NewContext(names, Domain).Resolve.
func (g *Gazetteer) Context(names []string) func(name string) (sitrep.Place, bool) {
	return g.NewContext(names, Domain).Resolve
}

// ByID returns the entry with the id ("geonames:1168394",
// "sitrep:kabul-airport").
func (g *Gazetteer) ByID(id string) (sitrep.Place, bool) {
	g.idOnce.Do(func() {
		g.byID = make(map[string]int32, len(g.recs))
		for i := range g.recs {
			g.byID[g.recs[i].id] = int32(i)
		}
	})
	n, ok := g.byID[id]
	if !ok {
		return sitrep.Place{}, false
	}
	return g.recs[n].place(), true
}

func (r *record) place() sitrep.Place {
	prec := r.precision
	if prec == "" {
		prec = Level(r.kind)
	}
	return sitrep.Place{
		ID: r.id, Name: r.name, Kind: r.kind, Country: r.country,
		Admin1: r.admin1, Admin2: r.admin2, Lat: r.lat, Lon: r.lon,
		Precision: prec, GeoPrecision: sitrep.GeoPrecision(prec), Population: r.pop,
	}
}

// Level returns the precision level of a place of the given kind when
// the gazetteer states none: "town" for a city or a facility, "district"
// for a district or a region, "province", "country".
func Level(kind string) string {
	switch kind {
	case Country:
		return sitrep.PrecisionCountry
	case Province:
		return sitrep.PrecisionProvince
	case District, Region:
		return sitrep.PrecisionDistrict
	default:
		return sitrep.PrecisionTown
	}
}

// Precision returns the ACLED geo-precision code for a place of the
// given kind: 1 for a town or a facility, 2 for a district or a region
// near a known point, 3 for a province or a country. A Place's own
// GeoPrecision is better: a region may state a coarser level (the
// Durand Line is 3).
func Precision(kind string) int {
	switch kind {
	case City, Facility:
		return 1
	case District, Region:
		return 2
	default:
		return 3
	}
}

// Key returns the normalised form under which names are indexed: lower
// case, no diacritics or apostrophes, other punctuation as single spaces,
// no leading "the".
func Key(name string) string { return fold.Key(name) }
