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
// (about 0.1 µs a match), but with filters it reads rows, so it stops at
// countCap. A filter on a set of documents (an entity, an incident type,
// a date range, an outlet) is checked against the set, built once, when
// the set is at most smallSet documents; a larger one is checked on each
// match's document row.
const (
	defaultRankWindow = 3000
	defaultCountCap   = 10000
	smallSet          = 20000
)

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
	rankWindow, countCap := db.rankWindow, db.countCap
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

	// How many match the words: FTS5 counts them quickly.
	const col = "documents_fts.rowid"
	var matches int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", match).Scan(&matches); err != nil {
		return nil, db.queryError(err, q.Query)
	}
	if matches == 0 {
		return res, nil
	}

	// The filters, as conditions on each match (col is its document's
	// key): membership of a set of documents built once, when the set is
	// smaller than the matches, else a look-up for each match.
	var w, joined where
	w.add("documents_fts MATCH ?", match)
	filter := func(size string, sizeArgs []any, set, probe string, join bool, args ...any) error {
		var n int
		if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM "+size+" LIMIT "+strconv.Itoa(min(matches, smallSet)+1)+")",
			sizeArgs...).Scan(&n); err != nil {
			return db.fail(err)
		}
		switch {
		case n <= min(matches, smallSet):
			w.add("+"+col+" IN ("+set+")", args...)
		case join:
			joined.add(probe, args...)
		default:
			w.add(probe, args...)
		}
		return nil
	}
	if q.Entity != "" {
		n, ok, err := db.keyOf(ctx, q.Entity)
		if err != nil {
			return nil, err
		}
		if !ok {
			return res, nil
		}
		if err := filter("doc_entities WHERE entity = ?", []any{n}, "SELECT doc FROM doc_entities WHERE entity = ?",
			"EXISTS (SELECT 1 FROM doc_entities WHERE entity = ? AND doc = "+col+")", false, n); err != nil {
			return nil, err
		}
	}
	if q.Type != "" {
		if err := filter("incidents WHERE type = ?", []any{q.Type}, "SELECT doc FROM incidents WHERE type = ?",
			"EXISTS (SELECT 1 FROM incidents WHERE doc = "+col+" AND type = ?)", false, q.Type); err != nil {
			return nil, err
		}
	}
	docFilter := func(cond string, args ...any) error {
		return filter("documents WHERE "+cond, args, "SELECT n FROM documents WHERE "+cond, "d."+cond, true, args...)
	}
	if q.Outlet != "" {
		if err := docFilter("outlet = ? COLLATE NOCASE", q.Outlet); err != nil {
			return nil, err
		}
	}
	var dates string
	var dateArgs []any
	switch {
	case !q.Since.IsZero() && !q.Until.IsZero():
		dates, dateArgs = "published BETWEEN ? AND ?", []any{q.Since.String(), q.Until.String()}
	case !q.Since.IsZero():
		dates, dateArgs = "published >= ?", []any{q.Since.String()}
	case !q.Until.IsZero():
		dates, dateArgs = "published <= ?", []any{q.Until.String()}
	}
	if dates != "" {
		// Documents are mostly stored in the order they were published,
		// so those of a date range mostly sit in one run of keys: the
		// run bounds the matches to walk, and when it holds only those
		// documents it is the whole filter. Finding the run reads the
		// range's dates (from the narrow doc_refs table): done for a
		// range of at most smallSet documents; a wider one is checked on
		// each match.
		var size int
		var first, last sql.NullInt64
		if err := db.read.QueryRowContext(ctx, "SELECT count(*), min(n), max(n) FROM (SELECT n FROM doc_refs WHERE "+dates+
			" LIMIT "+strconv.Itoa(smallSet+1)+")", dateArgs...).Scan(&size, &first, &last); err != nil {
			return nil, db.fail(err)
		}
		if size == 0 {
			return res, nil
		}
		probe := "EXISTS (SELECT 1 FROM doc_refs WHERE n = " + col + " AND " + dates + ")"
		if size > smallSet {
			w.add(probe, dateArgs...)
		} else {
			w.add(col+" BETWEEN ? AND ?", first.Int64, last.Int64)
			switch gaps := last.Int64 - first.Int64 + 1 - int64(size); {
			case gaps == 0:
			case matches <= size:
				// Fewer matches than documents in the range: check each.
				w.add(probe, dateArgs...)
			case gaps <= int64(size):
				// Fewer documents of the run lie outside the range
				// than inside: leave those out.
				w.add("+"+col+" NOT IN (SELECT n FROM doc_refs WHERE n BETWEEN ? AND ? AND NOT coalesce("+dates+", 0))",
					append([]any{first.Int64, last.Int64}, dateArgs...)...)
			default:
				w.add("+"+col+" IN (SELECT n FROM doc_refs WHERE "+dates+")", dateArgs...)
			}
		}
	}
	if q.HasQuote {
		joined.add("d.quotes > 0")
	}
	if q.HasIncident {
		joined.add("d.incidents > 0")
	}
	from := "FROM documents_fts"
	if len(joined.conds) > 0 {
		// CROSS JOIN: the matches drive, never the documents table.
		from += " CROSS JOIN doc_refs d ON d.n = " + col
		w.conds = append(w.conds, joined.conds...)
		w.args = append(w.args, joined.args...)
	}
	from += " " + w.String()

	var rows *sql.Rows
	if len(w.conds) == 1 {
		// No filter: the words' count is the total; the newest rankWindow
		// matches are ranked.
		res.Total = matches
		window, args := "", []any{match}
		if matches > rankWindow {
			var bound int64
			if err := db.read.QueryRowContext(ctx, "SELECT "+col+" FROM documents_fts WHERE documents_fts MATCH ? ORDER BY "+col+
				" DESC LIMIT 1 OFFSET ?", match, rankWindow-1).Scan(&bound); err != nil {
				return nil, db.queryError(err, q.Query)
			}
			window, args = " AND "+col+" >= ?", append(args, bound)
		}
		// "rank + 0" keeps FTS5 from ranking every match of the words
		// itself: SQLite ranks those in the window only.
		rows, err = db.read.QueryContext(ctx, "SELECT -1, "+col+", -documents_fts.rank FROM documents_fts WHERE documents_fts MATCH ?"+
			window+" ORDER BY documents_fts.rank + 0, "+col+" DESC"+limit, args...)
	} else {
		// Filters: one statement, so that their sets are built once. m
		// holds the latest matches that pass them (up to countCap;
		// counting them is the total); the newest rankWindow of them are
		// ranked.
		args := append(slices.Clone(w.args), match, rankWindow-1)
		rows, err = db.read.QueryContext(ctx, "WITH m AS MATERIALIZED (SELECT "+col+" AS n "+from+" ORDER BY "+col+" DESC LIMIT "+
			strconv.Itoa(countCap)+") SELECT (SELECT count(*) FROM m), "+col+", -documents_fts.rank FROM documents_fts"+
			" WHERE documents_fts MATCH ? AND "+col+" >= coalesce((SELECT n FROM m LIMIT 1 OFFSET ?), 0) AND +"+col+" IN (SELECT n FROM m)"+
			" ORDER BY documents_fts.rank + 0, "+col+" DESC"+limit, args...)
	}
	if err != nil {
		return nil, db.queryError(err, q.Query)
	}
	type ranked struct {
		n     int64
		score float64
	}
	var top []ranked
	counted := -1
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&counted, &r.n, &r.score); err != nil {
			rows.Close()
			return nil, db.queryError(err, q.Query)
		}
		top = append(top, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryError(err, q.Query)
	}
	if len(w.conds) > 1 {
		if counted < 0 {
			// An empty page: count apart.
			if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 "+from+" LIMIT "+strconv.Itoa(countCap)+")",
				w.args...).Scan(&counted); err != nil {
				return nil, db.queryError(err, q.Query)
			}
		}
		res.Total, res.TotalAtLeast = counted, counted == countCap
	}
	res.Ranked = min(res.Total, rankWindow)
	if q.Facets {
		if err := db.facets(ctx, "SELECT "+col+" AS n "+from+" ORDER BY "+col+" DESC", w.args, facetCap, res); err != nil {
			return nil, db.queryError(err, q.Query)
		}
	}

	// The snippets of that page only: a snippet reads and tokenizes the
	// text.
	for _, r := range top {
		var d docRef
		h := sitrep.SearchHit{Score: r.score}
		var snippet string
		err := db.read.QueryRowContext(ctx, "SELECT "+docColumns+", snippet(documents_fts, -1, char(1), char(2), '…', "+
			strconv.Itoa(snippetTokens)+") FROM documents_fts JOIN documents d ON d.n = documents_fts.rowid WHERE documents_fts MATCH ? AND documents_fts.rowid = ?",
			match, r.n).Scan(append(d.dest(), &snippet)...)
		if err != nil {
			return nil, db.queryError(err, q.Query)
		}
		h.Document = d.value()
		h.Snippet, h.Highlights = highlights(snippet)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
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
