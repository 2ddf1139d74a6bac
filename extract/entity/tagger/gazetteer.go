package tagger

import (
	"sync"

	"github.com/sitrep-project/sitrep/geo"
)

// placeIndex gives the tagger's features the place names of the
// gazetteer (package geo): whether a run of capitalised words names a
// place, of what kind and size. Words that are common in lower case
// ("Mobile", "Reading") still match; the model weighs the feature
// against the others.
type placeIndex struct{ g *geo.Gazetteer }

// places is the gazetteer the features use; nil leaves the features out.
var places *placeIndex

var placesOnce sync.Once

var errPlaces error

// UsePlaces loads the embedded gazetteer for the place features, once.
// Default calls it; a program that trains a model must call it first,
// so that training and tagging see the same features.
func UsePlaces() error {
	placesOnce.Do(func() {
		var g *geo.Gazetteer
		if g, errPlaces = geo.Default(); errPlaces == nil {
			places = &placeIndex{g: g}
		}
	})
	return errPlaces
}

// class returns the place class of a name, or 0: 'c' a country, 'p' a
// province, 'd' a district or region, a city by population 'M' (a
// million or more), 'H' (100,000 or more), 'T' (15,000 or more) or 't'
// (smaller), 'f' a facility.
func (p *placeIndex) class(name string) byte {
	kind, pop, ok := p.g.Best(name)
	switch {
	case !ok:
		return 0
	case kind == geo.Country:
		return 'c'
	case kind == geo.Province:
		return 'p'
	case kind == geo.District || kind == geo.Region:
		return 'd'
	case kind == geo.Facility:
		return 'f'
	case pop >= 1000000:
		return 'M'
	case pop >= 100000:
		return 'H'
	case pop >= 15000:
		return 'T'
	}
	return 't'
}
