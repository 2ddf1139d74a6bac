package entity_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/entity"
	"github.com/sitrep-project/sitrep/geo"
	"github.com/sitrep-project/sitrep/kb"
)

// listTagger tags every occurrence of its names, as a statistical tagger
// would, so that the tests do not depend on a trained model.
type listTagger map[string]string // name → type

func (l listTagger) Tag(text string) []entity.Mention {
	var out []entity.Mention
	for name, typ := range l {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			out = append(out, entity.Mention{Start: s, End: s + len(name), Text: name, Type: typ})
			off = s + len(name)
		}
	}
	// Longest first at a position, then by position, without overlaps.
	var keep []entity.Mention
	for _, m := range out {
		ok := true
		for j, k := range keep {
			if m.Start < k.End && k.Start < m.End {
				if m.End-m.Start > k.End-k.Start {
					keep[j] = m
				}
				ok = false
				break
			}
		}
		if ok {
			keep = append(keep, m)
		}
	}
	return keep
}

func placeResolver(t testing.TB, tags listTagger) *entity.Resolver {
	t.Helper()
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	return entity.New(k, tags, g)
}

// placeOf returns the place of the entity holding a mention with text.
func placeOf(doc *sitrep.Document, text string) (*sitrep.Entity, *sitrep.Place) {
	for i, e := range doc.Entities {
		for _, m := range e.Mentions {
			if m.Text == text {
				return &doc.Entities[i], e.Place
			}
		}
	}
	return nil, nil
}

func TestPlaces(t *testing.T) {
	const (
		loc = kb.Location
		per = kb.Person
		org = kb.Organization
	)
	tags := listTagger{
		"Parachinar": loc, "Peshawar": loc, "Quetta": loc, "Balochistan": loc, "Kurram": loc,
		"Jalalabad": loc, "Nangarhar": loc, "Kabul": loc, "Hyderabad": loc, "Sindh": loc,
		"Telangana": loc, "Karachi": loc, "South Asia": loc, "West": loc, "Asia": loc,
		"Imran Khan": per, "Kurram Agency": org, "Bagram Air Base": org, "Khyber Pakhtunkhwa": loc,
	}
	r := placeResolver(t, tags)
	type want struct {
		mention                        string
		name, country, admin1, admin2  string
		precision                      string
		geoPrecision                   int
		kind                           string // place kind, when it matters
		id                             string // place id, when it matters
		entityType                     string // when it matters
		skipAdmin                      bool   // check admin1 only, when given
		notAt                          string // must not sit at this place's coordinates
		checkBox                       bool   // must lie within these bounds
		latMin, latMax, lonMin, lonMax float64
		sameAs                         string // another mention of the same entity
		none                           bool   // an entity without a place
	}
	tests := []struct {
		name, text, dateline string
		want                 []want
	}{
		{"Kurram", "A blast in Parachinar, the main town of Kurram district, killed 12, officials in Peshawar said. The Kurram Agency has seen clashes.", "", []want{
			{mention: "Parachinar", name: "Parachinar", country: "Pakistan", admin1: "Khyber Pakhtunkhwa", admin2: "Kurram", precision: "town", kind: "city", geoPrecision: 1},
			{mention: "Kurram district", name: "Kurram", country: "Pakistan", admin1: "Khyber Pakhtunkhwa", admin2: "Kurram", precision: "district", kind: "district", geoPrecision: 2,
				sameAs: "Kurram Agency"},
			{mention: "Peshawar", name: "Peshawar", country: "Pakistan", admin1: "Khyber Pakhtunkhwa", admin2: "Peshawar", precision: "town", geoPrecision: 1},
		}},
		{"Balochistan and Quetta", "Gunmen attacked a checkpoint in Quetta, the capital of Balochistan, in Pakistan.", "", []want{
			{mention: "Quetta", name: "Quetta", country: "Pakistan", admin1: "Balochistan", admin2: "Quetta", precision: "town", geoPrecision: 1},
			{mention: "Balochistan", name: "Balochistan", country: "Pakistan", admin1: "Balochistan", precision: "province", geoPrecision: 3, notAt: "Quetta"},
			{mention: "Pakistan", name: "Pakistan", country: "Pakistan", precision: "country", geoPrecision: 3, notAt: "Islamabad",
				checkBox: true, latMin: 27, latMax: 33, lonMin: 66, lonMax: 72},
		}},
		{"Afghanistan", "In Afghanistan, an explosion in Jalalabad, the capital of Nangarhar, wounded three. Flights from Kabul airport resumed and the Taliban ruled Kabul. Tension along the Durand Line stayed high near Bagram Air Base.", "", []want{
			{mention: "Afghanistan", name: "Afghanistan", country: "Afghanistan", precision: "country", geoPrecision: 3, notAt: "Kabul",
				checkBox: true, latMin: 32, latMax: 36, lonMin: 63, lonMax: 68},
			{mention: "Jalalabad", name: "Jalalabad", country: "Afghanistan", admin1: "Nangarhar", admin2: "Jalalabad", precision: "town", geoPrecision: 1},
			{mention: "Nangarhar", name: "Nangarhar", country: "Afghanistan", admin1: "Nangarhar", precision: "province", geoPrecision: 3, notAt: "Jalalabad"},
			{mention: "Kabul airport", name: "Hamid Karzai International Airport", country: "Afghanistan", admin1: "Kabul", admin2: "Kabul", precision: "town", kind: "facility", geoPrecision: 1},
			{mention: "Kabul", name: "Kabul", country: "Afghanistan", admin1: "Kabul", admin2: "Kabul", precision: "town", kind: "city", geoPrecision: 1},
			{mention: "Durand Line", name: "Durand Line", id: "sitrep:durand-line", precision: "province", geoPrecision: 3, skipAdmin: true},
			{mention: "Bagram Air Base", name: "Bagram Airfield", country: "Afghanistan", admin1: "Parwan", precision: "town", kind: "facility", geoPrecision: 1, entityType: loc},
		}},
		{"Hyderabad, Pakistan by its province", "Police in Hyderabad, Sindh, arrested two men.", "", []want{
			{mention: "Hyderabad", name: "Hyderabad", country: "Pakistan", admin1: "Sindh", admin2: "Hyderabad", precision: "town", geoPrecision: 1},
		}},
		{"Hyderabad, India by its state", "Police in Hyderabad arrested two men, Telangana officials said.", "", []want{
			{mention: "Hyderabad", name: "Hyderabad", country: "India", admin1: "Telangana", admin2: "Hyderabad", precision: "town", geoPrecision: 1},
		}},
		{"Hyderabad, India by its country", "Police in Hyderabad arrested two men. India said more.", "", []want{
			{mention: "Hyderabad", name: "Hyderabad", country: "India", admin1: "Telangana", precision: "town", skipAdmin: true, geoPrecision: 1},
		}},
		{"Hyderabad, India by the dateline", "Police arrested two men in Hyderabad on Friday.", "HYDERABAD, India", []want{
			{mention: "Hyderabad", name: "Hyderabad", country: "India", admin1: "Telangana", precision: "town", skipAdmin: true, geoPrecision: 1},
		}},
		{"Hyderabad, Pakistan by a town of its province", "Police in Hyderabad and Karachi arrested two men.", "", []want{
			{mention: "Hyderabad", name: "Hyderabad", country: "Pakistan", admin1: "Sindh", precision: "town", skipAdmin: true, geoPrecision: 1},
		}},
		{"names not to be placed", "Imran Khan spoke of South Asia, of Asia and of the West.", "", []want{
			{mention: "Imran Khan", none: true},
			{mention: "South Asia", none: true},
			{mention: "Asia", none: true},
			{mention: "West", none: true},
		}},
	}
	g, _ := geo.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &sitrep.Document{Text: tt.text, Dateline: tt.dateline}
			r.Resolve(doc)
			for _, w := range tt.want {
				e, p := placeOf(doc, w.mention)
				if e == nil {
					t.Errorf("%q: no entity; entities %+v", w.mention, doc.Entities)
					continue
				}
				if w.none {
					if p != nil {
						t.Errorf("%q: placed at %+v, want no place", w.mention, *p)
					}
					continue
				}
				if p == nil {
					t.Errorf("%q (%s): no place", w.mention, e.ID)
					continue
				}
				if p.Name != w.name || p.Country != w.country || p.Precision != w.precision || p.GeoPrecision != w.geoPrecision ||
					(!w.skipAdmin && (p.Admin1 != w.admin1 || p.Admin2 != w.admin2)) || (w.skipAdmin && w.admin1 != "" && p.Admin1 != w.admin1) {
					t.Errorf("%q: place %+v, want %s (%s, %s, %s) precision %s/%d", w.mention, *p, w.name, w.admin2, w.admin1, w.country, w.precision, w.geoPrecision)
				}
				if w.id != "" && p.ID != w.id {
					t.Errorf("%q: place id %s, want %s", w.mention, p.ID, w.id)
				}
				if w.kind != "" && p.Kind != w.kind {
					t.Errorf("%q: kind %s, want %s", w.mention, p.Kind, w.kind)
				}
				if w.entityType != "" && e.Type != w.entityType {
					t.Errorf("%q: entity type %s, want %s", w.mention, e.Type, w.entityType)
				}
				if p.Lat == 0 && p.Lon == 0 {
					t.Errorf("%q: no coordinates", w.mention)
				}
				if w.checkBox && (p.Lat < w.latMin || p.Lat > w.latMax || p.Lon < w.lonMin || p.Lon > w.lonMax) {
					t.Errorf("%q at %.3f,%.3f: outside %v-%v N, %v-%v E", w.mention, p.Lat, p.Lon, w.latMin, w.latMax, w.lonMin, w.lonMax)
				}
				if w.notAt != "" {
					c, _ := g.Resolve(w.notAt, nil)
					if math.Abs(c.Lat-p.Lat) < 0.05 && math.Abs(c.Lon-p.Lon) < 0.05 {
						t.Errorf("%q at %.3f,%.3f: the coordinates of %s", w.mention, p.Lat, p.Lon, w.notAt)
					}
				}
				if w.sameAs != "" {
					e2, _ := placeOf(doc, w.sameAs)
					if e2 == nil || e2.ID != e.ID {
						t.Errorf("%q and %q: not one entity (%v)", w.mention, w.sameAs, e2)
					}
				}
			}
		})
	}
}

func TestPlaceFromKnowledgeBase(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/camps.kb"
	body := "# notes\n[camp-x]\nname = Camp Xyzzy\ntype = location\nsubtype = facility\ncountry = Pakistan\nplace = 33.95, 70.11 town\n" +
		"# notes\n[village-y]\nname = Plughville\ntype = location\ncountry = Pakistan\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := k.Load(path); err != nil {
		t.Fatal(err)
	}
	g, _ := geo.Default()
	r := entity.New(k, nil, g)
	doc := &sitrep.Document{Text: "Troops left Camp Xyzzy for Plughville."}
	r.Resolve(doc)
	_, p := placeOf(doc, "Camp Xyzzy")
	if p == nil || p.Lat != 33.95 || p.Lon != 70.11 || p.Precision != "town" || p.GeoPrecision != 1 || p.Country != "Pakistan" || p.Kind != "facility" {
		t.Errorf("Camp Xyzzy: %+v", p)
	}
	// Only the country is known: the country's place, at country precision.
	_, p = placeOf(doc, "Plughville")
	if p == nil || p.ID != "geonames:PK" || p.Precision != "country" {
		t.Errorf("Plughville: %+v", p)
	}
}
