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
// area, with the areas that contain it.
type Place struct {
	ID         string  `json:"id"`   // "geonames:1168197" or a project id
	Name       string  `json:"name"` // canonical English name
	Kind       string  `json:"kind"` // country, province, district, city, facility, region
	Country    string  `json:"country,omitempty"`
	Admin1     string  `json:"admin1,omitempty"` // province or state
	Admin2     string  `json:"admin2,omitempty"` // district
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population,omitempty"`
}
