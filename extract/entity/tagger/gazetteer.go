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
	var c byte
	if ps := p.g.Lookup(name); len(ps) > 0 {
		switch best := ps[0]; {
		case best.Kind == geo.Country:
			c = 'c'
		case best.Kind == geo.Province:
			c = 'p'
		case best.Kind == geo.District || best.Kind == geo.Region:
			c = 'd'
		case best.Kind == geo.Facility:
			c = 'f'
		case best.Population >= 1000000:
			c = 'M'
		case best.Population >= 100000:
			c = 'H'
		case best.Population >= 15000:
			c = 'T'
		default:
			c = 't'
		}
	}
	return c
}
