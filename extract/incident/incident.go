// Package incident finds the violent and security events a document
// reports (bombings, attacks, clashes, strikes, kidnappings, operations,
// arrests) with their place, date, casualty figures, perpetrators and
// targets, each tied to its evidence span.
package incident

import "github.com/sitrep-project/sitrep"

// Finder finds incidents in analysed documents. It needs the sentences,
// dates, entities and quotes stages to have run.
type Finder struct{}

// Find returns the incidents doc reports, in text order.
func (f Finder) Find(doc *sitrep.Document) []sitrep.Incident {
	return nil
}
