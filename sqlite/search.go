package sqlite

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Snippet markers: control characters that clean text never holds.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// snippetTokens is the number of tokens of a snippet.
const snippetTokens = 24

// Search tuning. Ranking costs 4 to 8 µs a match (BM25 reads each
// match's position lists and column sizes), so a word in every other
// document of a large store cannot be ranked whole in the time an analyst
// waits: the latest rankWindow matches are ranked. Counting is cheaper
// (about 0.1 µs a match) and exact. Filters work on sets of keys
// (filtered.go).
const defaultRankWindow = 3000

// Search implements sitrep.Store. Its answers are kept while the store is
// unchanged (cache.go).
func (db *DB) Search(ctx context.Context, q sitrep.SearchQuery) (*sitrep.SearchResult, error) {
	res, err := cachedRead(db, answerKey("search", q), func() (*sitrep.SearchResult, error) { return db.search(ctx, q) })
	if err != nil {
		return nil, err
	}
	c := *res // the caller may set fields, not change the shared slices
	return &c, nil
}

func (db *DB) search(ctx context.Context, q sitrep.SearchQuery) (*sitrep.SearchResult, error) {
	if q.Type != "" && !slices.Contains(sitrep.IncidentTypes, q.Type) {
		return nil, sitrep.Errorf(sitrep.EINVALID, "unknown incident type %q (one of %s)", q.Type, strings.Join(sitrep.IncidentTypes, ", "))
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Time().Before(q.Since.Time()) {
		return nil, sitrep.Errorf(sitrep.EINVALID, "the range ends (%s) before it starts (%s)", q.Until, q.Since)
	}
	limit, err := page(q.Page)
	if err != nil {
		return nil, err
	}
	match, err := ftsQuery(q.Query)
	if err != nil {
		return nil, err
	}
	res := &sitrep.SearchResult{Hits: []sitrep.SearchHit{}}
	if match == "" {
		if strings.TrimSpace(q.Query) != "" {
			return res, nil // only punctuation: nothing to find
		}
		if err := db.latest(ctx, q, limit, res); err != nil {
			return nil, err
		}
		if q.Facets {
			w := latestWhere(q)
			set := "SELECT n FROM doc_refs ORDER BY n DESC" // the narrow table: no document rows to read
			if len(w.conds) > 0 {
				set = "SELECT d.n FROM doc_refs d " + w.String() + " ORDER BY d.n DESC"
			}
			return res, db.facets(ctx, set, w.args, facetCap, res)
		}
		return res, nil
	}

	var top []rankedKey
	if q.Entity != "" || q.Type != "" || q.Outlet != "" || !q.Since.IsZero() || !q.Until.IsZero() || q.HasQuote || q.HasIncident {
		top, err = db.searchFiltered(ctx, q, match, limit, res) // filtered.go
	} else {
		top, err = db.searchWords(ctx, q, match, limit, res)
	}
	if err != nil {
		return nil, err
	}

	// The snippets of that page only (a snippet reads and tokenizes the
	// text), in one statement: FTS5 walks the matches between the page's
	// first and last key and makes a snippet for the page's hits alone
	// (one statement a hit cost 5 ms a page at 100,000 documents).
	if len(top) == 0 {
		return res, nil
	}
	keys := make([]int64, len(top))
	for i, r := range top {
		keys[i] = r.n
	}
	lo, hi := slices.Min(keys), slices.Max(keys)
	rows, err := db.read.QueryContext(ctx, "SELECT "+docColumns+", f.rowid, snippet(documents_fts, -1, char(1), char(2), '…', "+
		strconv.Itoa(snippetTokens)+") FROM documents_fts f CROSS JOIN doc_refs d ON d.n = f.rowid WHERE documents_fts MATCH ? AND f.rowid BETWEEN ? AND ?"+
		" AND +f.rowid IN (SELECT value FROM json_each(?))", match, lo, hi, keyList(keys))
	if err != nil {
		return nil, db.queryError(err, q.Query)
	}
	defer rows.Close()
	hits := make(map[int64]sitrep.SearchHit, len(top))
	for rows.Next() {
		var d docRef
		var n int64
		var snippet string
		if err := rows.Scan(append(d.dest(), &n, &snippet)...); err != nil {
			return nil, db.queryError(err, q.Query)
		}
		h := sitrep.SearchHit{Document: d.value()}
		h.Snippet, h.Highlights = highlights(snippet)
		hits[n] = h
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryError(err, q.Query)
	}
	for _, r := range top {
		h, ok := hits[r.n]
		if !ok {
			return nil, sitrep.Errorf(sitrep.EINTERNAL, "store %s: search hit %d has no snippet", db.path, r.n)
		}
		h.Score = r.score
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// rankedKey is a document's key and its BM25 score.
type rankedKey struct {
	n     int64
	score float64
}

// scanRanked reads rows of a key and a score, and closes them.
func scanRanked(rows *sql.Rows) ([]rankedKey, error) {
	defer rows.Close()
	var top []rankedKey
	for rows.Next() {
		var r rankedKey
		if err := rows.Scan(&r.n, &r.score); err != nil {
			return nil, err
		}
		top = append(top, r)
	}
	return top, rows.Err()
}

// searchWords fills res with the documents that match the full-text query
// match (no filters), and returns the keys of the page's hits with their
// scores.
func (db *DB) searchWords(ctx context.Context, q sitrep.SearchQuery, match, limit string, res *sitrep.SearchResult) ([]rankedKey, error) {
	// How many match the words: FTS5 counts them quickly.
	const col = "documents_fts.rowid"
	var matches int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", match).Scan(&matches); err != nil {
		return nil, db.queryError(err, q.Query)
	}
	if matches == 0 {
		return nil, nil
	}
	// The newest rankWindow matches are ranked.
	res.Total = matches
	res.Ranked = min(res.Total, db.rankWindow)
	window, args := "", []any{match}
	if matches > db.rankWindow {
		var bound int64
		if err := db.read.QueryRowContext(ctx, "SELECT "+col+" FROM documents_fts WHERE documents_fts MATCH ? ORDER BY "+col+
			" DESC LIMIT 1 OFFSET ?", match, db.rankWindow-1).Scan(&bound); err != nil {
			return nil, db.queryError(err, q.Query)
		}
		window, args = " AND "+col+" >= ?", append(args, bound)
	}
	if q.Facets {
		if err := db.facets(ctx, "SELECT "+col+" AS n FROM documents_fts WHERE documents_fts MATCH ? ORDER BY "+col+" DESC", []any{match}, facetCap, res); err != nil {
			return nil, db.queryError(err, q.Query)
		}
	}
	// "rank + 0" keeps FTS5 from ranking every match of the words
	// itself: SQLite ranks those in the window only.
	rows, err := db.read.QueryContext(ctx, "SELECT "+col+", -documents_fts.rank FROM documents_fts WHERE documents_fts MATCH ?"+
		window+" ORDER BY documents_fts.rank + 0, "+col+" DESC"+limit, args...)
	if err != nil {
		return nil, db.queryError(err, q.Query)
	}
	top, err := scanRanked(rows)
	return top, db.queryError(err, q.Query)
}

// facetCap is how many of the documents found (the latest) facets count:
// a look-up per document in the narrow doc_refs table, and in the
// incidents index for those with incidents, ~1 ms a thousand documents on
// this project's 2-core machine.
const facetCap = 1000

// facets fills res.Facets from the documents the query set (a SELECT of
// document keys, the latest first, with its args) gives, the latest
// countCap of them: one statement over them, reading the narrow doc_refs
// rows (the documents' rows hold their text: a page read each) and the
// incidents of those that have any.
func (db *DB) facets(ctx context.Context, set string, args []any, countCap int, res *sitrep.SearchResult) error {
	f := &sitrep.SearchFacets{Types: map[string]int{}, Outlets: []sitrep.FacetCount{}}
	rows, err := db.read.QueryContext(ctx, "WITH m AS MATERIALIZED ("+set+" LIMIT "+strconv.Itoa(countCap)+`),
		r AS MATERIALIZED (SELECT d.n, d.outlet, d.quotes, d.incidents FROM m JOIN doc_refs d ON d.n = m.n)
		SELECT 'of', '', count(*) FROM r
		UNION ALL SELECT 'quote', '', count(*) FROM r WHERE quotes > 0
		UNION ALL SELECT 'incident', '', count(*) FROM r WHERE incidents > 0
		UNION ALL SELECT 'type', type, count(DISTINCT doc) FROM incidents WHERE doc IN (SELECT n FROM r WHERE incidents > 0) GROUP BY type
		UNION ALL SELECT * FROM (SELECT 'outlet', min(outlet), count(*) FROM r
			WHERE outlet != '' GROUP BY outlet COLLATE NOCASE ORDER BY 3 DESC, 2 LIMIT 10)`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, value string
		var n int
		if err := rows.Scan(&kind, &value, &n); err != nil {
			return err
		}
		switch kind {
		case "of":
			f.Of = n
		case "type":
			f.Types[value] = n
		case "quote":
			f.HasQuote = n
		case "incident":
			f.HasIncident = n
		case "outlet":
			f.Outlets = append(f.Outlets, sitrep.FacetCount{Value: value, Documents: n})
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	res.Facets = f
	return nil
}

// latestWhere is the filter of a search with no words.
func latestWhere(q sitrep.SearchQuery) *where {
	var w where
	if q.Entity != "" {
		w.add("d.n IN (SELECT doc FROM doc_entities WHERE entity = "+entityKey+")", q.Entity)
	}
	if q.Type != "" {
		w.add("d.n IN (SELECT doc FROM incidents WHERE type = ?)", q.Type)
	}
	if q.Outlet != "" {
		w.add("d.outlet = ? COLLATE NOCASE", q.Outlet)
	}
	if !q.Since.IsZero() {
		w.add("d.published >= ?", q.Since.String())
	}
	if !q.Until.IsZero() {
		w.add("d.published <= ?", q.Until.String())
	}
	if q.HasQuote {
		w.add("d.quotes > 0")
	}
	if q.HasIncident {
		w.add("d.incidents > 0")
	}
	return &w
}

// latest fills res with the documents that pass q's filters, the latest
// first.
func (db *DB) latest(ctx context.Context, q sitrep.SearchQuery, limit string, res *sitrep.SearchResult) error {
	w := latestWhere(q)
	rows, err := db.read.QueryContext(ctx, "SELECT "+docColumns+", substr(d.text, 1, 240) FROM documents d "+w.String()+
		" ORDER BY d.published DESC, d.n DESC"+limit, w.args...)
	if err != nil {
		return db.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r docRef
		var h sitrep.SearchHit
		if err := rows.Scan(append(r.dest(), &h.Snippet)...); err != nil {
			return db.fail(err)
		}
		h.Document = r.value()
		h.Snippet = leadSnippet(h.Snippet)
		h.Highlights = []sitrep.Span{}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return db.fail(err)
	}
	res.Ranked = 0
	return db.fail(db.read.QueryRowContext(ctx, "SELECT count(*) FROM doc_refs d "+w.String(), w.args...).Scan(&res.Total))
}

// queryError reports FTS5's complaints about a query as EINVALID.
func (db *DB) queryError(err error, query string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if strings.Contains(msg, "fts5:") || strings.Contains(msg, "syntax error") {
		return sitrep.Errorf(sitrep.EINVALID, "invalid search %q: %s", query, msg)
	}
	return db.fail(err)
}

// highlights takes the markers out of an FTS5 snippet, with its white
// space runs made single spaces, and returns it and the spans the markers
// marked.
func highlights(s string) (string, []sitrep.Span) {
	var b strings.Builder
	spans := []sitrep.Span{}
	start, space := -1, false
	flush := func() {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case markOpen[0]:
			flush()
			start = b.Len()
		case markClose[0]:
			if start >= 0 {
				spans = append(spans, sitrep.Span{Start: start, End: b.Len()})
				start = -1
			}
		case ' ', '\n', '\t', '\r':
			space = true
		default:
			flush()
			b.WriteByte(c)
		}
	}
	return b.String(), spans
}

// leadSnippet is the start of a text, cut at a word.
func leadSnippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < 200 {
		return s
	}
	cut := strings.LastIndexByte(s[:200], ' ')
	if cut < 100 {
		cut = 200
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}
