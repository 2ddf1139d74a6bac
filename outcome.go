package sitrep

// Statuses of an InputOutcome.
const (
	OutcomeNew       = "new"       // a new document was stored
	OutcomeUnchanged = "unchanged" // the input was stored already
	OutcomeDuplicate = "duplicate" // its document was stored already, from another input
	OutcomeSkipped   = "skipped"   // bad input (Reason says why): nothing to store
	OutcomeFailed    = "failed"    // could not be read or analysed for another reason
)

// InputOutcome is what ingest did with one input, for callers that need
// to know input by input (the HTTP API's POST of documents).
type InputOutcome struct {
	// Source names the input ("request:3" for the record on line 3).
	Source string `json:"source"`
	// Status is one of the Outcome* constants.
	Status string `json:"status"`
	// Document is the ID of the stored document (new, unchanged or
	// duplicate).
	Document string `json:"document,omitempty"`
	// Title is the stored document's title.
	Title string `json:"title,omitempty"`
	// Reason is why a skipped input was refused: no_text, empty, binary,
	// too_large or invalid (the worker.Skipped* reasons).
	Reason string `json:"reason,omitempty"`
	// Message says what went wrong with a skipped or failed input.
	Message string `json:"message,omitempty"`
}
