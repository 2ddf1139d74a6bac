// Package geo is sitrep's gazetteer: countries, first-level divisions
// and towns of the whole world from GeoNames, the districts of Pakistan,
// Afghanistan and their neighbours, and hand-written border areas and
// facilities of the region. It maps a place name found in a document to
// sitrep.Place entries.
//
// The data is embedded in the binary (gazetteer.bin.gz, built by
// "go run ./geo/gen"; see README.md); nothing is downloaded at run time.
//
// Contains data from GeoNames, geonames.org, CC BY 4.0.
package geo

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/geo/internal/fold"
	"github.com/sitrep-project/sitrep/geo/internal/gazfile"
)

//go:embed gazetteer.bin.gz
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

// Gazetteer is an immutable set of places indexed by name. It is safe for
// concurrent use.
type Gazetteer struct {
	d     *gazfile.Data
	slots []uint32 // open addressing over d's keys: key number + 1, or 0
	mask  uint32

	idOnce sync.Once
	byNum  map[uint32]int32 // built on the first ByID call: GeoNames number → entry
	byText map[string]int32 // and the other IDs

	skelOnce sync.Once
	bySkel   map[string][]skelRow // built on the first spelling fallback: skeleton → divisions
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

// loadEmbedded loads the embedded file.
func loadEmbedded() (*Gazetteer, error) { return Load(bytes.NewReader(embedded)) }

// Load reads a gazetteer in the format that geo/gen writes (see
// README.md).
func Load(r io.Reader) (*Gazetteer, error) {
	d, err := gazfile.Read(r)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	if d.Len() == 0 {
		return nil, errors.New("geo: empty gazetteer")
	}
	return newGazetteer(d), nil
}

// newGazetteer indexes d's keys by their hash.
func newGazetteer(d *gazfile.Data) *Gazetteer {
	n := len(d.KeyEnd)
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	g := &Gazetteer{d: d, slots: make([]uint32, size), mask: uint32(size - 1)}
	for k := range n {
		i := hashKey(d.Key(k)) & g.mask
		for g.slots[i] != 0 {
			i = (i + 1) & g.mask
		}
		g.slots[i] = uint32(k + 1)
	}
	return g
}

// hashKey is FNV-1a.
func hashKey[S string | []byte](s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// find returns the record numbers filed under name's key, best first.
func (g *Gazetteer) find(name string) []int32 {
	var arr [96]byte
	return keyRows(g, fold.AppendKey(arr[:0], name))
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return g.d.Len() }

// Contains reports whether name is the name or an alias of an entry,
// ignoring case, diacritics and punctuation.
func (g *Gazetteer) Contains(name string) bool {
	return len(g.find(name)) > 0
}

// The columns of entry n.
func (g *Gazetteer) kind(n int32) string    { return g.d.Kinds[g.d.Kind[n]] }
func (g *Gazetteer) country(n int32) string { return g.d.Countries[g.d.Country[n]] }
func (g *Gazetteer) admin1(n int32) string  { return g.d.Admin1s[g.d.Admin1[n]] }
func (g *Gazetteer) pop(n int32) int        { return int(g.d.Pop[n]) }

// handWritten reports whether entry n is a hand-written place (its ID
// is "sitrep:<slug>").
func (g *Gazetteer) handWritten(n int32) bool {
	return g.d.GeoNum[n] == 0 && strings.HasPrefix(g.d.TextIDs[n], "sitrep:")
}

// Best returns the kind and population of the best reading of name (the
// first entry Lookup would return), without building places: for hot
// paths such as the tagger's place features.
func (g *Gazetteer) Best(name string) (kind string, population int, ok bool) {
	nums := g.find(name)
	if len(nums) == 0 {
		return "", 0, false
	}
	return g.kind(nums[0]), g.pop(nums[0]), true
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
		out[i] = g.place(n)
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
		nums, stated := g.candidatesKind(k)
		if len(nums) == 0 {
			continue
		}
		best := nums[0]
		if !c.standalone(best) && !stated {
			continue
		}
		bestCountry := g.country(best)
		ambiguous := false
		for _, m := range nums[1:] {
			if g.country(m) != bestCountry && g.rank(m) >= g.rank(best) && c.standalone(m) {
				ambiguous = true
				break
			}
		}
		if ambiguous || bestCountry == "" {
			continue
		}
		cl := clue{key: k, country: bestCountry}
		if g.kind(best) != Country {
			cl.admin1 = g.admin1(best)
		}
		c.clues = append(c.clues, cl)
	}
	return c
}

// rank orders places by how much they are talked about: countries,
// provinces, cities of 100,000 or more, districts, regions and
// facilities, smaller towns.
func (g *Gazetteer) rank(n int32) int {
	switch g.kind(n) {
	case Country:
		return 5
	case Province:
		return 4
	case City:
		if g.pop(n) >= 100000 {
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
func (c *Context) standalone(n int32) bool {
	g := c.g
	kind := g.kind(n)
	return kind == Country || kind == Province || (kind == City && g.pop(n) >= 100000) ||
		c.domain[g.country(n)] || g.handWritten(n)
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
//     name none of whose readings does is not placed. A name that says
//     its kind ("Gumla District", found as a district named Gumla) stands
//     alone as a division of that kind.
//  4. Among readings of equal support, one in a domain country wins
//     over one of the same rank elsewhere; then the gazetteer's order
//     (rank, then population).
func (c *Context) Resolve(name string) (sitrep.Place, bool) {
	g := c.g
	k := fold.Key(name)
	if generic(k) {
		return sitrep.Place{}, false
	}
	nums, stated := g.candidatesKind(k)
	if len(nums) == 0 {
		return sitrep.Place{}, false
	}
	top := nums[0]
	topKind, topPop := g.kind(top), g.pop(top)
	if topKind == Country {
		return g.place(top), true
	}
	bestN, bestScore, bestRank, bestDomain := int32(-1), -1, 0, false
	for _, n := range nums {
		country, admin1 := g.country(n), g.admin1(n)
		prov, ctry := 0, 0
		for _, cl := range c.clues {
			if cl.key == k || cl.country != country {
				continue
			}
			if cl.admin1 != "" && cl.admin1 == admin1 {
				prov++
			} else {
				ctry++
			}
		}
		if prov == 0 && g.kind(n) == City && topKind == City && topPop >= 100000 && g.pop(n)*20 < topPop {
			ctry = 0 // dwarfed
		}
		score := 3*prov + ctry
		// a name that states its kind ("Gumla District") stands alone
		// as a division of that kind: the gazetteer holds districts
		// only for the region's countries
		if score == 0 && !c.standalone(n) && !stated {
			continue
		}
		dom := c.domain[country]
		better := false
		switch {
		case bestN < 0 || score > bestScore:
			better = true
		case score < bestScore:
		case dom && !bestDomain && g.rank(n) >= bestRank:
			better = true
		}
		if better {
			bestN, bestScore, bestRank, bestDomain = n, score, g.rank(n), dom
		}
	}
	if bestN < 0 {
		return sitrep.Place{}, false
	}
	return g.place(bestN), true
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
	nums, _ := g.candidatesKind(key)
	return nums
}

// candidatesKind is candidates, and whether the entries were found by the
// division word the name ends with ("Gumla District": districts named
// Gumla), so that the name itself says what kind of place it is.
func (g *Gazetteer) candidatesKind(key string) ([]int32, bool) {
	if nums := g.lookupKey(key); len(nums) > 0 {
		// an alias with its division word ("Dima Hasao District") says
		// its kind as much as the word looked up apart
		i := strings.LastIndexByte(key, ' ')
		return nums, i > 0 && divisionWords[key[i+1:]] != "" && divisionWords[key[i+1:]] == g.kind(nums[0])
	}
	if i := strings.LastIndexByte(key, ' '); i > 0 {
		if kind, ok := divisionWords[key[i+1:]]; ok {
			var out []int32
			for _, n := range g.lookupKey(key[:i]) {
				if g.kind(n) == kind {
					out = append(out, n)
				}
			}
			if len(out) > 0 {
				return out, true
			}
		}
	}
	for _, a := range arabicArticles {
		if nums := g.lookupKey(a + key); len(nums) > 0 {
			return nums, false
		}
	}
	// a division named with its division word in another spelling
	// ("Baramulla District" for Baramula, "Naseerabad District" for
	// Nasirabad): divisions of that kind with the same skeleton
	if i := strings.LastIndexByte(key, ' '); i > 0 {
		if kind, ok := divisionWords[key[i+1:]]; ok {
			if nums := g.skeletonRows(key[:i], kind); len(nums) > 0 {
				return nums, true
			}
		}
	}
	return nil, false
}

// skeletonRows returns the divisions of a kind whose name or alias has
// the skeleton of key (see Skeleton), best first.
func (g *Gazetteer) skeletonRows(key, kind string) []int32 {
	sk := Skeleton(key)
	if len(sk) < 3 {
		return nil
	}
	g.skelOnce.Do(func() {
		g.bySkel = map[string][]skelRow{}
		for k := range len(g.d.KeyEnd) {
			var s string
			for _, n := range g.d.KeyRows(k) {
				if kd := g.kind(n); kd != District && kd != Province {
					continue
				}
				if s == "" {
					s = Skeleton(g.d.Key(k))
				}
				g.bySkel[s] = append(g.bySkel[s], skelRow{int32(k), n})
			}
		}
	})
	// the closest spellings only, and none far from the name
	var out []int32
	best := len(key)/3 + 1
	for _, r := range g.bySkel[sk] {
		if g.kind(r.n) != kind {
			continue
		}
		d := editDistance(key, g.d.Key(int(r.key)))
		switch {
		case d < best:
			best, out = d, append(out[:0], r.n)
		case d == best && !slices.Contains(out, r.n):
			out = append(out, r.n)
		}
	}
	slices.Sort(out)
	return out
}

// skelRow is an entry filed under a key.
type skelRow struct{ key, n int32 }

// editDistance is the Levenshtein distance between two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = min(c, prev[j], cur[j-1]) + 1
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Skeleton returns a folded name's consonant skeleton, which South Asian
// names keep across their romanisations: per word, "x" is "ks", "q" "k"
// and "w" "v", an "h" after a consonant or ending the word is dropped
// ("Hazaribagh" = "Hazaribag", "Khammam" = "Kammam"), vowels after the
// first letter are dropped ("Budgam" = "Badgam", "Rajouri" = "Rajauri")
// and doubled letters are one ("Baramulla" = "Baramula", "Jaffarabad" =
// "Jafarabad").
func Skeleton(key string) string {
	var b []byte
	for w := range strings.FieldsSeq(key) {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		start := len(b)
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch c {
			case 'x':
				b = append(b, 'k', 's')
				continue
			case 'q':
				c = 'k'
			case 'w':
				c = 'v'
			case 'h':
				if i > 0 && !isVowel(w[i-1]) || i == len(w)-1 {
					continue
				}
			case 'a', 'e', 'i', 'o', 'u', 'y':
				if i > 0 {
					continue
				}
			}
			if len(b) > start && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
	}
	return string(b)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// lookupKey is find for a key already folded.
func (g *Gazetteer) lookupKey(key string) []int32 { return keyRows(g, key) }

// keyRows returns the record numbers filed under a folded key, best
// first.
func keyRows[S string | []byte](g *Gazetteer, key S) []int32 {
	if len(key) == 0 {
		return nil
	}
	for i := hashKey(key) & g.mask; g.slots[i] != 0; i = (i + 1) & g.mask {
		if k := int(g.slots[i] - 1); g.d.Key(k) == string(key) {
			return g.d.KeyRows(k)
		}
	}
	return nil
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
	d := g.d
	g.idOnce.Do(func() {
		g.byNum = make(map[uint32]int32, d.Len())
		g.byText = make(map[string]int32, len(d.TextIDs))
		for i, num := range d.GeoNum {
			if num != 0 {
				g.byNum[num] = int32(i)
			} else {
				g.byText[d.TextIDs[int32(i)]] = int32(i)
			}
		}
	})
	n, ok := g.byText[id]
	if !ok {
		// A GeoNames number is stored as a number only when the ID is
		// "geonames:" and its canonical decimal form, so an ID that
		// parses to one is that entry's.
		var num uint32
		num, ok = geoNum(id)
		if ok {
			n, ok = g.byNum[num]
		}
	}
	if !ok {
		return sitrep.Place{}, false
	}
	return g.place(n), true
}

// geoNum returns n for an ID "geonames:<n>", n written in the canonical
// form (no sign, no leading zero) and from 1 to 2^32-1.
func geoNum(id string) (uint32, bool) {
	digits, ok := strings.CutPrefix(id, "geonames:")
	if !ok || digits == "" || len(digits) > 10 || digits[0] == '0' {
		return 0, false
	}
	v := uint64(0)
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	if v > 1<<32-1 {
		return 0, false
	}
	return uint32(v), true
}

func (g *Gazetteer) place(n int32) sitrep.Place {
	d := g.d
	kind := g.kind(n)
	prec := d.Precisions[d.Precision[n]]
	if prec == "" {
		prec = Level(kind)
	}
	return sitrep.Place{
		ID: d.ID(n), Name: d.Name(n), Kind: kind, Country: g.country(n),
		Admin1: g.admin1(n), Admin2: d.Admin2s[d.Admin2[n]],
		Lat: float64(d.Lat[n]) / gazfile.Scale, Lon: float64(d.Lon[n]) / gazfile.Scale,
		Precision: prec, GeoPrecision: sitrep.GeoPrecision(prec), Population: g.pop(n),
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
