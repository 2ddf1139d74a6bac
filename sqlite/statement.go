package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// list runs a list query over table (as t): first the keys of the rows
// that pass w, the latest first, a page of them, from the indexes alone
// where they can; then the page's rows with their documents. add is
// called with each row's document, index and data, and with the row's
// evidence (the bytes of the document's text in the row's span) when
// evidence is true, else "".
func (db *DB) list(ctx context.Context, table string, w *where, p sitrep.Page, evidence bool, add func(sitrep.DocumentRef, int, []byte, string) error) error {
	return db.listFrom(ctx, table, table+" t", "t", w, p, evidence, add)
}

// listFrom is list with the rows chosen from another FROM clause: from,
// in which key names the table whose doc, idx and date_to columns order
// the rows (the table itself, or an index-like table that holds them).
func (db *DB) listFrom(ctx context.Context, table, from, key string, w *where, p sitrep.Page, evidence bool, add func(sitrep.DocumentRef, int, []byte, string) error) error {
	limit, err := page(p)
	if err != nil {
		return err
	}
	// The documents' references from the narrow doc_refs: the documents
	// table is read only for evidence excerpts, from the text.
	excerpt, text := "''", ""
	if evidence {
		// substr counts characters in text but bytes in a blob; spans
		// are byte offsets.
		excerpt = `CAST(substr(CAST(x.text AS BLOB), r.start + 1, r."end" - r.start) AS TEXT)`
		text = " JOIN documents x ON x.n = k.doc"
	}
	query := "SELECT " + docColumns + ", r.idx, r.data, " + excerpt + " FROM (SELECT " + key + ".doc, " + key + ".idx, " + key + ".date_to FROM " + from + " " + w.String() +
		" ORDER BY " + key + ".date_to DESC, " + key + ".doc DESC, " + key + ".idx" + limit + ") k JOIN " + table + " r ON r.doc = k.doc AND r.idx = k.idx" +
		" JOIN doc_refs d ON d.n = k.doc" + text + " ORDER BY k.date_to DESC, k.doc DESC, k.idx"
	rows, err := db.read.QueryContext(ctx, query, w.args...)
	if err != nil {
		return db.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r docRef
		var idx int
		var data []byte
		var ex string
		if err := rows.Scan(append(r.dest(), &idx, &data, &ex)...); err != nil {
			return db.fail(err)
		}
		if err := add(r.value(), idx, data, ex); err != nil {
			return sitrep.Errorf(sitrep.EINTERNAL, "store %s: a row of document %s cannot be read: %v", db.path, r.ref.ID, err)
		}
	}
	return db.fail(rows.Err())
}

// keyOf resolves an entity ID to its row key; ok is false for an entity
// the store does not know, which no row can match.
func (db *DB) keyOf(ctx context.Context, id string) (n int64, ok bool, err error) {
	err = db.read.QueryRowContext(ctx, "SELECT n FROM entities WHERE id = ?", id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return n, err == nil, db.fail(err)
}

// entityCond adds cond (with one or more "?" for the entity key) for the
// entity id; it returns false when the entity is unknown, so that the
// list is empty.
func (db *DB) entityCond(ctx context.Context, w *where, id, cond string) (bool, error) {
	n, ok, err := db.keyOf(ctx, id)
	if err != nil || !ok {
		return false, err
	}
	args := make([]any, strings.Count(cond, "?"))
	for i := range args {
		args[i] = n
	}
	w.add(cond, args...)
	return true, nil
}

// entityConds adds the conditions of several entity filters; it returns
// false when one names an unknown entity.
func (db *DB) entityConds(ctx context.Context, w *where, conds ...string) (bool, error) {
	for i := 0; i < len(conds); i += 2 {
		if conds[i] == "" {
			continue
		}
		if ok, err := db.entityCond(ctx, w, conds[i], conds[i+1]); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// Quotes implements sitrep.Store.
func (db *DB) Quotes(ctx context.Context, f sitrep.QuoteFilter) ([]sitrep.QuoteRow, error) {
	var w where
	out := []sitrep.QuoteRow{}
	// Quotes about an entity are walked in quote_mentions' own order
	// (entity, date_to, doc, idx), latest first, which stops after a page
	// whatever the number of quotes naming it (15,000 for a country at
	// 100,000 documents: reading and sorting them took 100 ms).
	from, key := "quotes t", "t"
	if f.About != "" {
		n, ok, err := db.keyOf(ctx, f.About)
		if err != nil || !ok {
			return out, err
		}
		from, key = "quote_mentions a CROSS JOIN quotes t ON t.n = a.quote", "a"
		w.add("a.entity = ?", n)
	}
	if ok, err := db.entityConds(ctx, &w, f.Speaker, "t.speaker_entity = ?"); err != nil || !ok {
		return out, err
	}
	if f.Document != "" {
		w.add("t.doc = (SELECT n FROM documents WHERE id = ?)", f.Document)
	}
	if f.Query != "" {
		match, err := ftsQuery(f.Query)
		if err != nil {
			return nil, err
		}
		if match == "" {
			return []sitrep.QuoteRow{}, nil
		}
		w.add("t.n IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", match)
	}
	if err := w.dateRange("t", f.DateRange); err != nil {
		return nil, err
	}
	err := db.listFrom(ctx, "quotes", from, key, &w, f.Page, false, func(d sitrep.DocumentRef, i int, data []byte, _ string) error {
		row := sitrep.QuoteRow{Document: d, Index: i}
		out = append(out, row)
		return json.Unmarshal(data, &out[len(out)-1].Quote)
	})
	if err != nil {
		return nil, db.queryError(err, f.Query)
	}
	return out, nil
}

// Claims implements sitrep.Store.
func (db *DB) Claims(ctx context.Context, f sitrep.ClaimFilter) ([]sitrep.ClaimRow, error) {
	var w where
	out := []sitrep.ClaimRow{}
	if ok, err := db.entityConds(ctx, &w,
		f.Entity, "(t.subject_entity = ? OR t.object_entity = ?)",
		f.Subject, "t.subject_entity = ?",
		f.Object, "t.object_entity = ?",
		f.Speaker, "t.speaker_entity = ?"); err != nil || !ok {
		return out, err
	}
	if f.Predicate != "" {
		all := []string{sitrep.PredicatePresence, sitrep.PredicateThreat, sitrep.PredicateResponsibility, sitrep.PredicateSupport,
			sitrep.PredicateCooperation, sitrep.PredicateAffiliation, sitrep.PredicateStrength}
		if !slices.Contains(all, f.Predicate) {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown claim predicate %q (one of %s)", f.Predicate, strings.Join(all, ", "))
		}
		w.add("t.predicate = ?", f.Predicate)
	}
	if f.Polarity != "" {
		if f.Polarity != sitrep.PolarityAffirm && f.Polarity != sitrep.PolarityDeny {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown polarity %q (affirm or deny)", f.Polarity)
		}
		w.add("t.polarity = ?", f.Polarity)
	}
	if f.Document != "" {
		w.add("t.doc = (SELECT n FROM documents WHERE id = ?)", f.Document)
	}
	if err := w.dateRange("t", f.DateRange); err != nil {
		return nil, err
	}
	err := db.list(ctx, "claims", &w, f.Page, f.Evidence, func(d sitrep.DocumentRef, i int, data []byte, ex string) error {
		out = append(out, sitrep.ClaimRow{Document: d, Index: i, Excerpt: ex})
		return json.Unmarshal(data, &out[len(out)-1].Claim)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Incidents implements sitrep.Store.
func (db *DB) Incidents(ctx context.Context, f sitrep.IncidentFilter) ([]sitrep.IncidentRow, error) {
	var w where
	out := []sitrep.IncidentRow{}
	// The incidents of an entity are read from the parties' index (and
	// the place index), then sorted: walking every incident latest first
	// and probing each for the entity was most of a dossier's time for an
	// entity in few incidents of a large store.
	party := func(role string) string {
		cond := "(t.doc, t.idx) IN (SELECT doc, incident FROM incident_parties WHERE entity = ?"
		if role != "" {
			cond += " AND role = '" + role + "'"
		}
		return cond + ")"
	}
	if ok, err := db.entityConds(ctx, &w,
		f.Entity, "(t.doc, t.idx) IN (SELECT doc, incident FROM incident_parties WHERE entity = ? UNION ALL SELECT doc, idx FROM incidents WHERE place_entity = ?)",
		f.Perpetrator, party("perpetrator"),
		f.Target, party("target")); err != nil || !ok {
		return out, err
	}
	if f.Type != "" {
		if !slices.Contains(sitrep.IncidentTypes, f.Type) {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown incident type %q (one of %s)", f.Type, strings.Join(sitrep.IncidentTypes, ", "))
		}
		w.add("t.type = ?", f.Type)
	}
	if f.Place != "" {
		if strings.Contains(f.Place, ":") {
			if ok, err := db.entityCond(ctx, &w, f.Place, "t.place_entity = ?"); err != nil || !ok {
				return out, err
			}
		} else {
			// A set from the four name indexes (migration 0005), then
			// checked on each incident of the walk latest first: from
			// the date index alone, no row read but the page's.
			w.add(`(t.doc, t.idx) IN (SELECT doc, idx FROM incidents WHERE place_name = ? COLLATE NOCASE UNION ALL SELECT doc, idx FROM incidents WHERE admin2 = ? COLLATE NOCASE
				UNION ALL SELECT doc, idx FROM incidents WHERE admin1 = ? COLLATE NOCASE UNION ALL SELECT doc, idx FROM incidents WHERE country = ? COLLATE NOCASE)`,
				f.Place, f.Place, f.Place, f.Place)
		}
	}
	if f.Document != "" {
		w.add("t.doc = (SELECT n FROM documents WHERE id = ?)", f.Document)
	}
	if err := w.dateRange("t", f.DateRange); err != nil {
		return nil, err
	}
	err := db.list(ctx, "incidents", &w, f.Page, f.Evidence, func(d sitrep.DocumentRef, i int, data []byte, ex string) error {
		out = append(out, sitrep.IncidentRow{Document: d, Index: i, Excerpt: ex})
		return json.Unmarshal(data, &out[len(out)-1].Incident)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
