package sitrep

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// Store is the persistent record of analysed documents: the raw inputs
// they were analysed from, the documents in full, and indexed rows of
// their entities, mentions, quotes, claims and incidents for search and
// lists. Package sqlite implements it; package storetest checks any
// implementation against this contract.
//
// Every method is safe for concurrent use. Writes are serialised; readers
// see each Put or Replace whole or not at all. Errors carry the codes of
// error.go: ENOTFOUND for an unknown document or entity, EINVALID for a
// bad filter or search query, EINTERNAL for anything else (a corrupt or
// unreadable database among them).
type Store interface {
	// HasInput reports whether an input with the key (Input.Key) is
	// stored, so that ingest can skip it without analysing it again.
	HasInput(ctx context.Context, key string) (bool, error)

	// Put stores a batch of analysed inputs in one transaction and returns
	// the outcome of each, in order. An input whose key is stored already
	// is PutUnchanged; a document whose ID is stored already (the same
	// article text from another input) is PutDuplicate: its input is kept
	// as another source of the stored document, which is not changed. On
	// error nothing of the batch is stored.
	Put(ctx context.Context, batch []Analysed) ([]PutOutcome, error)

	// StoredInputs returns up to limit documents with the input each was
	// first analysed from, in storage order, after the position after
	// (0 to start; pass the Seq of the last one returned to go on) and at
	// or before the position upTo (0: no bound). It is how reanalysis
	// walks the store.
	StoredInputs(ctx context.Context, after, upTo int64, limit int) ([]StoredInput, error)

	// Replace stores new analyses of stored documents (reanalysis) in one
	// transaction: each replaces the document OldID and every row derived
	// from it; the document's inputs then point to the new analysis, whose
	// ID differs from OldID when the article text cleans differently now.
	// It returns, for each, whether anything changed; an analysis identical
	// to the stored one is not written. An unknown OldID is ENOTFOUND and
	// nothing of the batch is stored.
	Replace(ctx context.Context, batch []Replacement) ([]bool, error)

	// Document returns the stored document with the ID, analysed in full,
	// or ENOTFOUND.
	Document(ctx context.Context, id string) (*Document, error)

	// Search finds documents by full text (title and text, BM25 ranked,
	// the title weighted up) and filters. With no query it lists the
	// documents that pass the filters, the latest published first.
	// A malformed query is EINVALID.
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)

	// Quotes, Claims and Incidents list the rows that pass the filter,
	// the latest first (by the item's date, else the document's
	// publication date), each with its document's metadata.
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteRow, error)
	Claims(ctx context.Context, f ClaimFilter) ([]ClaimRow, error)
	Incidents(ctx context.Context, f IncidentFilter) ([]IncidentRow, error)

	// FindEntities lists the entities whose ID, canonical name or a name
	// seen for them (an alias) is the Name of the filter, ignoring case;
	// when none is, those whose canonical name holds Name as whole words
	// ("Mujahid" finds Zabihullah Mujahid). Those in the most documents
	// come first; entities no stored document mentions any longer are
	// left out.
	FindEntities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)

	// Entity returns the profile of an entity: ref is an entity ID, else
	// a name or alias, resolved to the matching entity in the most
	// documents. It is ENOTFOUND when nothing matches.
	Entity(ctx context.Context, ref string, opt EntityOptions) (*EntityProfile, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (*StoreStats, error)

	// Close releases the store.
	Close() error
}

// Input is one input as it was read, before analysis: what is needed to
// analyse it again. Stores keep it (compressed) beside its analysis.
type Input struct {
	Source    string   `json:"source"` // path, URL or "-", with ":LINE" for a record
	Format    string   `json:"format"` // FormatText or FormatHTML
	Body      string   `json:"body"`   // the text or HTML, valid UTF-8
	URL       string   `json:"url,omitempty"`
	Title     string   `json:"title,omitempty"`
	Published Date     `json:"published"`
	Authors   []string `json:"authors,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
}

// Key returns the input's content key: a hash of everything analysis
// reads (format, body and the record's metadata), not of its Source, so
// that the same input read again from anywhere has the same key.
func (in *Input) Key() string {
	h := sha256.New()
	var n [8]byte
	field := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(in.Format)
	field(in.Body)
	field(in.URL)
	field(in.Title)
	field(in.Published.String())
	field(in.Outlet)
	for _, a := range in.Authors {
		field(a)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Analysed is an input with the document analysed from it.
type Analysed struct {
	Input    *Input
	Key      string // Input.Key(), computed once by the caller
	Document *Document
	// Prepared is what the store's Prepare made of it, or nil.
	Prepared any
}

// Preparer is implemented by a Store that can do part of Put's work
// (encoding, compression) ahead of it and on any goroutine: ingest calls
// Prepare in its analysis workers, so that its one writer has less to do.
// Prepare sets a.Prepared; a Put given a stale or foreign Prepared value
// must not trust it blindly (a store checks it is its own).
type Preparer interface {
	Prepare(a *Analysed) error
}

// PutOutcome is what Put did with one analysed input.
type PutOutcome int

// Outcomes of Put.
const (
	PutNew       PutOutcome = iota // a new document was stored
	PutUnchanged                   // the input was stored already
	PutDuplicate                   // the document was stored already, from another input
)

// String returns "new", "unchanged" or "duplicate".
func (o PutOutcome) String() string {
	switch o {
	case PutNew:
		return "new"
	case PutUnchanged:
		return "unchanged"
	case PutDuplicate:
		return "duplicate"
	}
	return "unknown"
}

// StoredInput is a stored document with the input it was analysed from.
type StoredInput struct {
	Seq        int64  // the document's storage position
	DocumentID string // Document.ID
	Input      *Input
}

// Replacement is a new analysis of the stored document OldID.
type Replacement struct {
	OldID    string
	Document *Document
}

// DocumentRef is a document's metadata as lists and search hits carry it.
type DocumentRef struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published Date   `json:"published"`
	Dateline  string `json:"dateline,omitempty"`
}

// Page bounds a list: at most Limit rows (0: no limit) after skipping
// Offset.
type Page struct {
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// SearchQuery is a full-text search with filters. Its zero value lists
// every document, the latest first.
type SearchQuery struct {
	// Query is the text to find, in the title or the text, ranked by
	// relevance (BM25; see SearchResult.Ranked for the limit). Words must
	// all be there (any form of the word: "attacks" finds "attacked");
	// "double quotes" find a phrase; OR, NOT and parentheses combine;
	// word* finds a prefix. Other punctuation is taken as part of a
	// phrase ("U.S.-backed", "Tehrik-i-Taliban").
	Query string
	// Entity keeps documents that mention the entity (an entity ID).
	Entity string
	// Type keeps documents that report an incident of the type (one of
	// IncidentTypes).
	Type string
	// Outlet keeps documents of the outlet (ignoring case).
	Outlet string
	// Since and Until keep documents published in the range (inclusive);
	// a zero date leaves that end open. Documents with no publication date
	// pass only when both are zero.
	Since, Until Date
	// HasQuote and HasIncident keep documents with at least one quote or
	// incident.
	HasQuote, HasIncident bool
	// Facets asks for SearchResult.Facets: what the documents found hold.
	Facets bool
	Page
}

// SearchResult is a page of search hits and the number of all hits.
type SearchResult struct {
	Hits []SearchHit `json:"hits"`
	// Total is the number of documents found; with TotalAtLeast, at
	// least that many (a store may stop counting a filtered search at
	// 10,000).
	Total        int  `json:"total"`
	TotalAtLeast bool `json:"total_at_least,omitempty"`
	// Ranked is how many of them are ranked by relevance, and so how far
	// pages go: all of them, or the latest stored few thousand when more
	// match (a store's documented limit; 3,000 for package sqlite).
	// Narrow the query or the dates to reach older matches. 0 without a
	// query: documents are listed by date, all of them.
	Ranked int `json:"ranked"`
	// Facets, when the query asked for them, count what the documents
	// found hold, so that a user sees how far each filter would narrow
	// the search.
	Facets *SearchFacets `json:"facets,omitempty"`
}

// SearchFacets count, among the documents a search finds (the latest of
// them, up to a store's cap, 1,000 for package sqlite: Of says how many
// were counted), those that
// report an incident of each type, hold a quote or an incident, and come
// from each outlet (the most frequent ten).
type SearchFacets struct {
	Of          int            `json:"of"`
	Types       map[string]int `json:"types"`
	HasQuote    int            `json:"has_quote"`
	HasIncident int            `json:"has_incident"`
	Outlets     []FacetCount   `json:"outlets"`
}

// FacetCount is a value and the number of documents that have it.
type FacetCount struct {
	Value     string `json:"value"`
	Documents int    `json:"documents"`
}

// SearchHit is one document found.
type SearchHit struct {
	Document DocumentRef `json:"document"`
	// Score is the BM25 relevance (higher is better); 0 without a query.
	Score float64 `json:"score"`
	// Snippet is a short passage of the title or text around the words
	// found ("…" where it is cut); Highlights are the byte spans of the
	// words found in Snippet. Without a query, the start of the text.
	Snippet    string `json:"snippet"`
	Highlights []Span `json:"highlights"`
}

// DateRange keeps the rows whose date falls in [Since, Until] (inclusive;
// a zero end is open). A row's date is the item's own (when the words
// were said, when the incident happened), else its document's
// publication date; a coarse date ("2024-06", "2024-W23") passes when its
// period overlaps the range. Rows with no date pass only an open range.
type DateRange struct {
	Since, Until Date
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker  string // the speaker's entity ID
	About    string // an entity ID mentioned inside the quoted words
	Query    string // words of the quote (as SearchQuery.Query)
	Document string // quotes of one document
	DateRange
	Page
}

// QuoteRow is a quote with its document.
type QuoteRow struct {
	Document DocumentRef `json:"document"`
	Index    int         `json:"index"` // in Document.Quotes
	Quote    Quote       `json:"quote"`
}

// ClaimFilter selects claims. Entity fields are entity IDs.
type ClaimFilter struct {
	Entity    string // the subject or the object
	Subject   string
	Object    string
	Speaker   string // who asserts the claim
	Predicate string // one of the Predicate* constants
	Polarity  string // PolarityAffirm or PolarityDeny
	Document  string
	// Evidence asks for each row's Excerpt (reading the documents' text).
	Evidence bool
	DateRange
	Page
}

// ClaimRow is a claim with its document.
type ClaimRow struct {
	Document DocumentRef `json:"document"`
	Index    int         `json:"index"` // in Document.Claims
	Claim    Claim       `json:"claim"`
	// Excerpt is the evidence, Text[Claim.Start:Claim.End], when the
	// filter asked for it.
	Excerpt string `json:"excerpt,omitempty"`
}

// IncidentFilter selects incidents. Entity fields are entity IDs.
type IncidentFilter struct {
	Entity      string // a perpetrator, target or acting force, or the place
	Perpetrator string
	Target      string
	Type        string // one of IncidentTypes
	// Place is a location entity ID, or a name matched (ignoring case)
	// against the place's name, district, province and country.
	Place    string
	Document string
	// Evidence asks for each row's Excerpt (reading the documents' text).
	Evidence bool
	DateRange
	Page
}

// IncidentRow is an incident with its document.
type IncidentRow struct {
	Document DocumentRef `json:"document"`
	Index    int         `json:"index"` // in Document.Incidents
	Incident Incident    `json:"incident"`
	// Excerpt is the evidence, Text[Incident.Start:Incident.End], when
	// the filter asked for it.
	Excerpt string `json:"excerpt,omitempty"`
}

// EntityFilter selects entities by name.
type EntityFilter struct {
	Name string // an entity ID, canonical name or alias, ignoring case
	Type string // person, organization, location, norp; "" for any
	Page
}

// EntitySummary is an entity with how much the store says of it.
type EntitySummary struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Subtype   string `json:"subtype"`
	Documents int    `json:"documents"`
	Mentions  int    `json:"mentions"`
}

// EntityOptions shape an entity profile.
type EntityOptions struct {
	// CoOccurring is how many co-occurring entities to return (0: 10).
	CoOccurring int
	// CoOccurringWithin bounds the documents co-occurrences are counted
	// in: the entity's latest stored ones, at most this many (0: 500;
	// -1: all), so that a profile of an entity in tens of thousands of
	// documents stays quick (counting over 2,000 documents was a quarter
	// of a dossier's time in a 100,000-document store).
	CoOccurringWithin int
	// AliasDocuments is how many documents to list for each alias (0: 5);
	// Alias.Documents counts them all.
	AliasDocuments int
}

// EntityProfile is what the store knows of one entity.
type EntityProfile struct {
	EntitySummary
	Relations []EntityRelation `json:"relations,omitempty"`
	Place     *Place           `json:"place,omitempty"`
	// Aliases are the names the entity was seen under (its canonical name
	// among them when the text uses it), the most documents first.
	Aliases []Alias `json:"aliases"`
	// First and Last are the earliest and latest publication dates of the
	// documents that mention it.
	First Date `json:"first"`
	Last  Date `json:"last"`
	// Months counts mentions and documents by month of publication, in
	// order; documents with no publication date are not in it.
	Months []MonthCount `json:"months"`
	// CoOccurring are the entities that share the most documents with it,
	// among the CoOccurringIn latest of its documents (all of them, unless
	// there are more than EntityOptions.CoOccurringWithin).
	CoOccurring   []CoOccurrence `json:"co_occurring"`
	CoOccurringIn int            `json:"co_occurring_in"`
}

// Alias is a name an entity was seen under.
type Alias struct {
	Name string `json:"name"`
	// Documents is the number of documents that use the name; Seen lists
	// the first of them (EntityOptions.AliasDocuments).
	Documents int           `json:"documents"`
	Seen      []DocumentRef `json:"seen"`
}

// MonthCount is the mentions of an entity in one month ("2024-06").
type MonthCount struct {
	Month     string `json:"month"`
	Mentions  int    `json:"mentions"`
	Documents int    `json:"documents"`
}

// CoOccurrence is an entity mentioned in the same documents as another.
type CoOccurrence struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
	// Documents is the number of documents the two share.
	Documents int `json:"documents"`
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Documents int `json:"documents"`
	Inputs    int `json:"inputs"` // inputs stored, duplicates included
	Entities  int `json:"entities"`
	Mentions  int `json:"mentions"`
	Quotes    int `json:"quotes"`
	Claims    int `json:"claims"`
	Incidents int `json:"incidents"`
	// First and Last are the earliest and latest publication dates.
	First Date `json:"first"`
	Last  Date `json:"last"`
	// LastIngested is when a document was last stored.
	LastIngested time.Time `json:"last_ingested"`
	// LastSeq is the storage position (StoredInput.Seq) of the document
	// stored last, 0 when there is none.
	LastSeq int64 `json:"last_seq"`
	// Bytes is the size of the store on disk.
	Bytes int64 `json:"bytes"`
}
