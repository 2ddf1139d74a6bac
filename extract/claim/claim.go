// Package claim turns statements and reported assertions into normalised
// propositions with stance (presence, threat, responsibility, support,
// cooperation, affiliation, strength).
package claim

import "github.com/sitrep-project/sitrep"

// Find returns the claims of doc, in text order. It needs doc.Quotes,
// doc.Entities and doc.Dates filled.
func Find(doc *sitrep.Document) []sitrep.Claim {
	return nil
}
