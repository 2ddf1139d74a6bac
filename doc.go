// Package sitrep holds the domain of the sitrep system: the analysed
// Document and the facts later stages attach to it (entities, quotes,
// incidents, claims), each pointing back to its evidence as a Span of byte
// offsets into Document.Text.
//
// The package imports nothing but the standard library. Every other package
// of the module depends on it; it depends on none of them. See README.md,
// "Project layout", for where each pipeline stage lives.
package sitrep
