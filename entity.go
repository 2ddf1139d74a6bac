package sitrep

import "encoding/json"

// Entity is an actor, place or group of people mentioned in a document,
// resolved to a canonical identity.
type Entity struct {
	// ID is stable across documents and runs: "kb:<id>" for an entry of
	// the knowledge base, "auto:<type>:<slug of the name>" otherwise.
	ID      string `json:"id"`
	Name    string `json:"name"`    // canonical name
	Type    string `json:"type"`    // person, organization, location, norp
	Subtype string `json:"subtype"` // armed_group, government, military, media ...; country, province, city ...
	// Aliases are the other names this document uses for the entity.
	Aliases  []string        `json:"aliases"`
	Mentions []EntityMention `json:"mentions"`
	// Relations are the knowledge base's typed links (branch_of, ...).
	Relations []EntityRelation `json:"relations,omitempty"`
	// Place is the gazetteer entry of a location.
	Place *Place `json:"place,omitempty"`
}

// EntityMention is one mention of an entity: a span of Document.Text.
type EntityMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Via says how the mention was tied to the entity: "name" (a name or
	// alias), "acronym", "defined" (an acronym or alias the text
	// introduces), "short" (a surname or short form of a name mentioned
	// before), "title" ("the army chief"), "variant" (a spelling variant
	// or typo), "tagger" (a name the statistical tagger found).
	Via string `json:"via"`
}

// EntityRelation is a typed link to another entity.
type EntityRelation struct {
	Type   string `json:"type"`
	Target string `json:"target"` // an entity ID
	Name   string `json:"name"`   // the target's name
	Years  string `json:"years,omitempty"`
}

// DateMention is a date expression found in Document.Text and normalised
// against the document's publication date.
type DateMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is the normalised date in ISO 8601 form at the expression's
	// precision: "2024-06-21" (day), "2024-W25" (week), "2024-06"
	// (month), "2024" (year). It is empty (JSON null) when the expression
	// is relative and the document has no reference date.
	Value string `json:"value"`
	// Precision is "day", "week", "month" or "year".
	Precision string `json:"precision"`
}

// MarshalJSON encodes an empty Value as null.
func (d DateMention) MarshalJSON() ([]byte, error) {
	type plain DateMention
	v := struct {
		plain
		Value *string `json:"value"`
	}{plain: plain(d)}
	if d.Value != "" {
		v.Value = &d.Value
	}
	return json.Marshal(v)
}

// Place is a gazetteer entry: a populated place or an administrative
// area, with the areas that contain it, coded as ACLED codes a location.
type Place struct {
	ID      string `json:"id"`   // "geonames:1168197" or a project id
	Name    string `json:"name"` // canonical English name
	Kind    string `json:"kind"` // country, province, district, city, facility, region
	Country string `json:"country,omitempty"`
	// Admin1 is the province or state the place lies in (a province's
	// own name), Admin2 the district (a district's own name), as in
	// ACLED's admin1 and admin2 columns.
	Admin1 string  `json:"admin1,omitempty"`
	Admin2 string  `json:"admin2,omitempty"`
	Lat    float64 `json:"lat"`
	Lon    float64 `json:"lon"`
	// Precision is the smallest unit the coordinates stand for: "town"
	// (a town, village or facility), "district" (a district or a region
	// of about that size, placed at its seat or a representative point),
	// "province" or "country" (placed at a representative point, never at
	// the capital).
	Precision string `json:"precision,omitempty"`
	// GeoPrecision is ACLED's geo_precision code for Precision: 1 town,
	// 2 district, 3 province or country.
	GeoPrecision int `json:"geo_precision,omitempty"`
	Population   int `json:"population,omitempty"`
}

// Precision levels of a Place, from the finest.
const (
	PrecisionTown     = "town"
	PrecisionDistrict = "district"
	PrecisionProvince = "province"
	PrecisionCountry  = "country"
)

// GeoPrecision returns ACLED's geo-precision code for a precision level:
// 1 for a town, 2 for a district, 3 for a province or a country (ACLED
// codes no event at country level; 3 is the coarsest code), 0 for an
// unknown level.
func GeoPrecision(level string) int {
	switch level {
	case PrecisionTown:
		return 1
	case PrecisionDistrict:
		return 2
	case PrecisionProvince, PrecisionCountry:
		return 3
	}
	return 0
}
