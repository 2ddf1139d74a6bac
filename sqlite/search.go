package sqlite

import (
	"context"
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

// Search implements sitrep.Store.
func (db *DB) Search(ctx context.Context, q sitrep.SearchQuery) (*sitrep.SearchResult, error) {
	var w where
	if q.Entity != "" {
		w.add("d.n IN (SELECT doc FROM doc_entities WHERE entity = "+entityKey+")", q.Entity)
	}
	if q.Type != "" {
		if !slices.Contains(sitrep.IncidentTypes, q.Type) {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown incident type %q (one of %s)", q.Type, strings.Join(sitrep.IncidentTypes, ", "))
		}
		w.add("d.n IN (SELECT doc FROM incidents WHERE type = ?)", q.Type)
	}
	if q.Outlet != "" {
		w.add("d.outlet = ? COLLATE NOCASE", q.Outlet)
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Time().Before(q.Since.Time()) {
		return nil, sitrep.Errorf(sitrep.EINVALID, "the range ends (%s) before it starts (%s)", q.Until, q.Since)
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
		return res, db.latest(ctx, w, limit, res)
	}

	// First the page of hits, ranked (BM25 over every match), then the
	// snippets of that page only: a snippet reads and tokenizes the text.
	w.conds = append([]string{"documents_fts MATCH ?"}, w.conds...)
	w.args = append([]any{match}, w.args...)
	from := "FROM documents_fts"
	if len(w.conds) > 1 {
		from += " JOIN documents d ON d.n = documents_fts.rowid"
	}
	from += " " + w.String()
	rows, err := db.read.QueryContext(ctx, "SELECT documents_fts.rowid, -documents_fts.rank "+from+" ORDER BY documents_fts.rank"+limit, w.args...)
	if err != nil {
		return nil, db.queryError(err, q.Query)
	}
	type ranked struct {
		n     int64
		score float64
	}
	var top []ranked
	for rows.Next() {
		var r ranked
		if err := rows.Scan(&r.n, &r.score); err != nil {
			rows.Close()
			return nil, db.queryError(err, q.Query)
		}
		top = append(top, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryError(err, q.Query)
	}
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
	if len(res.Hits) < q.Limit || q.Limit == 0 {
		res.Total = q.Offset + len(res.Hits)
		if len(res.Hits) > 0 || q.Offset == 0 {
			return res, nil
		}
	}
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) "+from, w.args...).Scan(&res.Total); err != nil {
		return nil, db.queryError(err, q.Query)
	}
	return res, nil
}

// latest fills res with the documents that pass w, the latest first.
func (db *DB) latest(ctx context.Context, w where, limit string, res *sitrep.SearchResult) error {
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
	return db.fail(db.read.QueryRowContext(ctx, "SELECT count(*) FROM documents d "+w.String(), w.args...).Scan(&res.Total))
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
