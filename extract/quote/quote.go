// Package quote finds who said what in a document: direct quotes and
// indirect speech, attributed to speakers resolved against the document's
// entities.
package quote

import "github.com/sitrep-project/sitrep"

// Find returns the quotes of doc, in text order. It needs doc.Sentences,
// doc.Dates and doc.Entities filled.
func Find(doc *sitrep.Document) []sitrep.Quote {
	return nil
}
