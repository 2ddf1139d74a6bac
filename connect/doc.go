// Package connect connects what single documents report: reports of one
// incident in several articles are merged into one incident with every
// figure and perpetrator and who gave it (issue 5, "Across documents");
// claims become a matrix of propositions with who affirmed and who denied
// each one and when; contradictions are listed and ranked; and incidents
// and statements about an entity or place are put on one chronology
// (issue 6).
//
// Everything here is a pure function over analysed documents, or over
// per-document records that carry their document's metadata (Doc), so that
// a store can call the same functions on the rows it loads. Nothing is
// read, written or cached: the same input always gives the same output,
// in the same order, whatever the order of the input.
//
// Entities are told apart by their ids (Document.Entities): a claim about
// the Islamic State Khorasan Province is not a claim about the Islamic
// State, even though the knowledge base makes one a branch of the other.
// Options.Relations exposes such links for display, and Options.Canonical
// applies the cross-document merges of entities outside the knowledge base
// (entity.Link) without this package depending on how they were made.
//
// The JSON forms are documented in docs/incidents.md ("Across documents")
// and docs/connect.md.
package connect
