package sitrep

import "encoding/json"

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
