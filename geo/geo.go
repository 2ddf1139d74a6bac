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
}

type record struct {
	id, name, kind, country, admin1, admin2 string
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
// lon, population, aliases (separated by "|"), best reading first, with
// "#" comment lines and one header line.
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
		var f [10]string
		k := 0
		for k < 9 {
			i := strings.IndexByte(row, '\t')
			if i < 0 {
				break
			}
			f[k], row = row[:i], row[i+1:]
			k++
		}
		f[k] = row
		if k != 9 {
			return nil, fmt.Errorf("geo: line %d: %d fields, want 10", line, k+1)
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
		rec := record{id: f[0], name: f[1], kind: f[2], admin1: f[4], admin2: f[5], lat: lat, lon: lon, pop: pop}
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
		for aliases := f[9]; aliases != ""; {
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
func (g *Gazetteer) find(name string) []int32 {
	v, ok := g.index[fold.Key(name)]
	switch {
	case !ok:
		return nil
	case v&multi == 0:
		return []int32{int32(v)}
	default:
		return g.multi[v&^multi]
	}
}

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

// Resolve returns the best entry for name given the names of countries
// and provinces already seen in the document: an entry in one of those
// provinces is preferred, then one in one of those countries, then the
// best reading. "Hyderabad" with context ["Pakistan"] is Hyderabad,
// Sindh. A name whose best reading is a country stays that country.
func (g *Gazetteer) Resolve(name string, context []string) (sitrep.Place, bool) {
	nums := g.find(name)
	if len(nums) == 0 {
		return sitrep.Place{}, false
	}
	best := nums[0]
	if len(nums) == 1 || len(context) == 0 || g.recs[best].kind == Country {
		return g.recs[best].place(), true
	}
	countries := map[string]bool{}
	provinces := map[string]bool{}
	for _, c := range context {
		for _, n := range g.find(c) {
			switch r := &g.recs[n]; r.kind {
			case Country:
				countries[r.country] = true
			case Province:
				countries[r.country] = true
				provinces[r.country+"\x00"+r.name] = true
			}
		}
	}
	bestScore := 0
	for _, n := range nums {
		r := &g.recs[n]
		s := 0
		switch {
		case r.kind == Province && provinces[r.country+"\x00"+r.name],
			r.admin1 != "" && provinces[r.country+"\x00"+r.admin1]:
			s = 2
		case r.country != "" && countries[r.country]:
			s = 1
		}
		if s > bestScore {
			best, bestScore = n, s
			if s == 2 {
				break
			}
		}
	}
	return g.recs[best].place(), true
}

func (r *record) place() sitrep.Place {
	return sitrep.Place{
		ID: r.id, Name: r.name, Kind: r.kind, Country: r.country,
		Admin1: r.admin1, Admin2: r.admin2, Lat: r.lat, Lon: r.lon, Population: r.pop,
	}
}

// Precision returns the ACLED geo-precision code for a place of the
// given kind: 1 for a town or a facility, 2 for a district or a region
// near a known point, 3 for a province or a country.
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
