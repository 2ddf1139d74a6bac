package sqlite

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// listRows runs a list query whose columns are docColumns, idx and data,
// and calls add with each row's document, index and data.
func (db *DB) listRows(ctx context.Context, query string, args []any, add func(sitrep.DocumentRef, int, []byte) error) error {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return db.fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r docRef
		var idx int
		var data []byte
		if err := rows.Scan(append(r.dest(), &idx, &data)...); err != nil {
			return db.fail(err)
		}
		if err := add(r.value(), idx, data); err != nil {
			return sitrep.Errorf(sitrep.EINTERNAL, "store %s: a row of document %s cannot be read: %v", db.path, r.ref.ID, err)
		}
	}
	return db.fail(rows.Err())
}

// Quotes implements sitrep.Store.
func (db *DB) Quotes(ctx context.Context, f sitrep.QuoteFilter) ([]sitrep.QuoteRow, error) {
	var w where
	if f.Speaker != "" {
		w.add("q.speaker_entity = "+entityKey, f.Speaker)
	}
	if f.Document != "" {
		w.add("d.id = ?", f.Document)
	}
	if f.Query != "" {
		match, err := ftsQuery(f.Query)
		if err != nil {
			return nil, err
		}
		if match == "" {
			return []sitrep.QuoteRow{}, nil
		}
		w.add("q.n IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", match)
	}
	if err := w.dateRange("q", f.DateRange); err != nil {
		return nil, err
	}
	limit, err := page(f.Page)
	if err != nil {
		return nil, err
	}
	out := []sitrep.QuoteRow{}
	err = db.listRows(ctx, "SELECT "+docColumns+", q.idx, q.data FROM quotes q JOIN documents d ON d.n = q.doc "+w.String()+
		" ORDER BY q.date_to DESC NULLS LAST, q.doc DESC, q.idx"+limit, w.args, func(d sitrep.DocumentRef, i int, data []byte) error {
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
	if f.Entity != "" {
		w.add("(c.subject_entity = "+entityKey+" OR c.object_entity = "+entityKey+")", f.Entity, f.Entity)
	}
	if f.Subject != "" {
		w.add("c.subject_entity = "+entityKey, f.Subject)
	}
	if f.Object != "" {
		w.add("c.object_entity = "+entityKey, f.Object)
	}
	if f.Speaker != "" {
		w.add("c.speaker_entity = "+entityKey, f.Speaker)
	}
	if f.Predicate != "" {
		all := []string{sitrep.PredicatePresence, sitrep.PredicateThreat, sitrep.PredicateResponsibility, sitrep.PredicateSupport,
			sitrep.PredicateCooperation, sitrep.PredicateAffiliation, sitrep.PredicateStrength}
		if !slices.Contains(all, f.Predicate) {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown claim predicate %q (one of %s)", f.Predicate, strings.Join(all, ", "))
		}
		w.add("c.predicate = ?", f.Predicate)
	}
	if f.Polarity != "" {
		if f.Polarity != sitrep.PolarityAffirm && f.Polarity != sitrep.PolarityDeny {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown polarity %q (affirm or deny)", f.Polarity)
		}
		w.add("c.polarity = ?", f.Polarity)
	}
	if f.Document != "" {
		w.add("d.id = ?", f.Document)
	}
	if err := w.dateRange("c", f.DateRange); err != nil {
		return nil, err
	}
	limit, err := page(f.Page)
	if err != nil {
		return nil, err
	}
	out := []sitrep.ClaimRow{}
	err = db.listRows(ctx, "SELECT "+docColumns+", c.idx, c.data FROM claims c JOIN documents d ON d.n = c.doc "+w.String()+
		" ORDER BY c.date_to DESC NULLS LAST, c.doc DESC, c.idx"+limit, w.args, func(d sitrep.DocumentRef, i int, data []byte) error {
		out = append(out, sitrep.ClaimRow{Document: d, Index: i})
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
	party := func(role string) string {
		cond := "EXISTS (SELECT 1 FROM incident_parties p WHERE p.doc = i.doc AND p.incident = i.idx AND p.entity = " + entityKey
		if role != "" {
			cond += " AND p.role = '" + role + "'"
		}
		return cond + ")"
	}
	if f.Entity != "" {
		w.add("("+party("")+" OR i.place_entity = "+entityKey+")", f.Entity, f.Entity)
	}
	if f.Perpetrator != "" {
		w.add(party("perpetrator"), f.Perpetrator)
	}
	if f.Target != "" {
		w.add(party("target"), f.Target)
	}
	if f.Type != "" {
		if !slices.Contains(sitrep.IncidentTypes, f.Type) {
			return nil, sitrep.Errorf(sitrep.EINVALID, "unknown incident type %q (one of %s)", f.Type, strings.Join(sitrep.IncidentTypes, ", "))
		}
		w.add("i.type = ?", f.Type)
	}
	if f.Place != "" {
		if strings.Contains(f.Place, ":") {
			w.add("i.place_entity = "+entityKey, f.Place)
		} else {
			w.add("(i.place_name = ? COLLATE NOCASE OR i.admin2 = ? COLLATE NOCASE OR i.admin1 = ? COLLATE NOCASE OR i.country = ? COLLATE NOCASE)",
				f.Place, f.Place, f.Place, f.Place)
		}
	}
	if f.Document != "" {
		w.add("d.id = ?", f.Document)
	}
	if err := w.dateRange("i", f.DateRange); err != nil {
		return nil, err
	}
	limit, err := page(f.Page)
	if err != nil {
		return nil, err
	}
	out := []sitrep.IncidentRow{}
	err = db.listRows(ctx, "SELECT "+docColumns+", i.idx, i.data FROM incidents i JOIN documents d ON d.n = i.doc "+w.String()+
		" ORDER BY i.date_to DESC NULLS LAST, i.doc DESC, i.idx"+limit, w.args, func(d sitrep.DocumentRef, i int, data []byte) error {
		out = append(out, sitrep.IncidentRow{Document: d, Index: i})
		return json.Unmarshal(data, &out[len(out)-1].Incident)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
