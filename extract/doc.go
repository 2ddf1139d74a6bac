// Package extract turns one input (plain text scraped from a web page, an
// HTML page, a JSON record) into a sitrep.Document: it cleans the body and
// reads its metadata (package clean for text, package webpage for HTML),
// gives the document its content ID, then runs the analysis stages over
// the one canonical text, each adding annotations as byte-offset spans.
//
// The stages are small and single-purpose, in the manner of bleve's
// analysis pipeline: sentences now; entities, quotes, incidents and
// claims as later issues add them.
package extract
