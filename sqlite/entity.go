package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// maxAliases is the most aliases an entity profile lists.
const maxAliases = 40

// FindEntities implements sitrep.Store.
func (db *DB) FindEntities(ctx context.Context, f sitrep.EntityFilter) ([]sitrep.EntitySummary, error) {
	name := strings.Join(strings.Fields(f.Name), " ")
	if name == "" {
		return nil, sitrep.Errorf(sitrep.EINVALID, "no entity name given")
	}
	if f.Limit < 0 || f.Offset < 0 {
		return nil, sitrep.Errorf(sitrep.EINVALID, "limit and offset must not be negative")
	}
	rows, err := db.read.QueryContext(ctx, `
		SELECT n FROM entities WHERE id = ?1 OR name = ?1 COLLATE NOCASE
		UNION SELECT entity FROM entity_names WHERE name = ?1 COLLATE NOCASE`, name)
	if err != nil {
		return nil, db.fail(err)
	}
	var keys []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, db.fail(err)
		}
		keys = append(keys, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.fail(err)
	}
	if len(keys) == 0 {
		if keys, err = db.entitiesNamed(ctx, name); err != nil {
			return nil, err
		}
	}
	out := []sitrep.EntitySummary{}
	for _, n := range keys {
		s, err := db.summary(ctx, n)
		if err != nil {
			return nil, err
		}
		if s.Documents == 0 || f.Type != "" && s.Type != f.Type {
			continue
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Documents != out[j].Documents {
			return out[i].Documents > out[j].Documents
		}
		return out[i].ID < out[j].ID
	})
	if f.Offset >= len(out) {
		return []sitrep.EntitySummary{}, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && f.Limit < len(out) {
		out = out[:f.Limit]
	}
	return out, nil
}

// maxNamed is the most entities a search by words of their names
// considers.
const maxNamed = 200

// entitiesNamed returns the entities whose canonical name holds name as
// whole words, ignoring case.
func (db *DB) entitiesNamed(ctx context.Context, name string) ([]int64, error) {
	like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(name) + "%"
	rows, err := db.read.QueryContext(ctx, `SELECT n, name FROM entities WHERE name LIKE ? ESCAPE '\'`, like)
	if err != nil {
		return nil, db.fail(err)
	}
	defer rows.Close()
	var keys []int64
	lower := strings.ToLower(name)
	for rows.Next() && len(keys) < maxNamed {
		var n int64
		var full string
		if err := rows.Scan(&n, &full); err != nil {
			return nil, db.fail(err)
		}
		if hasWords(strings.ToLower(full), lower) {
			keys = append(keys, n)
		}
	}
	return keys, db.fail(rows.Err())
}

// hasWords reports whether s holds sub between word boundaries.
func hasWords(s, sub string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(sub)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		off = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// summary reads an entity and counts its documents and mentions.
func (db *DB) summary(ctx context.Context, n int64) (sitrep.EntitySummary, error) {
	var s sitrep.EntitySummary
	err := db.read.QueryRowContext(ctx, `SELECT id, name, type, subtype,
		(SELECT count(*) FROM doc_entities WHERE entity = ?1), (SELECT coalesce(sum(mentions), 0) FROM doc_entities WHERE entity = ?1)
		FROM entities WHERE n = ?1`, n).Scan(&s.ID, &s.Name, &s.Type, &s.Subtype, &s.Documents, &s.Mentions)
	return s, db.fail(err)
}

// Entity implements sitrep.Store. Its answers are kept while the store is
// unchanged (cache.go).
func (db *DB) Entity(ctx context.Context, ref string, opt sitrep.EntityOptions) (*sitrep.EntityProfile, error) {
	p, err := cachedRead(db, answerKey("entity", ref, opt), func() (*sitrep.EntityProfile, error) { return db.entity(ctx, ref, opt) })
	if err != nil {
		return nil, err
	}
	c := *p // the caller may set fields, not change the shared slices
	return &c, nil
}

// entity reads the profile Entity returns.
func (db *DB) entity(ctx context.Context, ref string, opt sitrep.EntityOptions) (*sitrep.EntityProfile, error) {
	ref = strings.Join(strings.Fields(ref), " ")
	if ref == "" {
		return nil, sitrep.Errorf(sitrep.EINVALID, "no entity name or ID given")
	}
	if opt.CoOccurring <= 0 {
		opt.CoOccurring = 10
	}
	if opt.AliasDocuments <= 0 {
		opt.AliasDocuments = 5
	}
	var n int64
	var rel, place sql.NullString
	p := &sitrep.EntityProfile{}
	err := db.read.QueryRowContext(ctx, "SELECT n, id, name, type, subtype, relations, place FROM entities WHERE id = ?", ref).
		Scan(&n, &p.ID, &p.Name, &p.Type, &p.Subtype, &rel, &place)
	if errors.Is(err, sql.ErrNoRows) {
		found, err := db.FindEntities(ctx, sitrep.EntityFilter{Name: ref, Page: sitrep.Page{Limit: 1}})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, sitrep.Errorf(sitrep.ENOTFOUND, "no entity %q in the store", ref)
		}
		err = db.read.QueryRowContext(ctx, "SELECT n, id, name, type, subtype, relations, place FROM entities WHERE id = ?", found[0].ID).
			Scan(&n, &p.ID, &p.Name, &p.Type, &p.Subtype, &rel, &place)
		if err != nil {
			return nil, db.fail(err)
		}
	} else if err != nil {
		return nil, db.fail(err)
	}
	if rel.Valid {
		if err := json.Unmarshal([]byte(rel.String), &p.Relations); err != nil {
			return nil, sitrep.Errorf(sitrep.EINTERNAL, "store %s: relations of %s cannot be read: %v", db.path, p.ID, err)
		}
	}
	if place.Valid {
		p.Place = new(sitrep.Place)
		if err := json.Unmarshal([]byte(place.String), p.Place); err != nil {
			return nil, sitrep.Errorf(sitrep.EINTERNAL, "store %s: place of %s cannot be read: %v", db.path, p.ID, err)
		}
	}

	// Documents, mentions and months, from the counts kept by month.
	p.Months = []sitrep.MonthCount{}
	rows, err := db.read.QueryContext(ctx, `SELECT month, documents, mentions, first, last
		FROM entity_months WHERE entity = ? ORDER BY month`, n)
	if err != nil {
		return nil, db.fail(err)
	}
	for rows.Next() {
		var month string
		var first, last sql.NullString
		var m sitrep.MonthCount
		if err := rows.Scan(&month, &m.Documents, &m.Mentions, &first, &last); err != nil {
			rows.Close()
			return nil, db.fail(err)
		}
		p.Documents += m.Documents
		p.Mentions += m.Mentions
		if month == "" {
			continue // documents without a date
		}
		m.Month = month
		p.Months = append(p.Months, m)
		if p.First.IsZero() {
			p.First, _ = sitrep.ParseDate(first.String)
		}
		p.Last, _ = sitrep.ParseDate(last.String)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.fail(err)
	}

	if p.Aliases, err = db.aliases(ctx, n, opt.AliasDocuments); err != nil {
		return nil, err
	}
	within := opt.CoOccurringWithin
	switch {
	case within == 0:
		within = 500
	case within < 0:
		within = p.Documents
	}
	p.CoOccurringIn = min(within, p.Documents)
	if p.CoOccurring, err = db.coOccurring(ctx, n, opt.CoOccurring, p.CoOccurringIn); err != nil {
		return nil, err
	}
	return p, nil
}

// aliases lists the names an entity was seen under, the most documents
// first, each with the latest stored documents that use it.
func (db *DB) aliases(ctx context.Context, n int64, perAlias int) ([]sitrep.Alias, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT name, count(*) AS docs FROM entity_names WHERE entity = ?
		GROUP BY name ORDER BY docs DESC, name LIMIT ?`, n, maxAliases)
	if err != nil {
		return nil, db.fail(err)
	}
	out := []sitrep.Alias{}
	for rows.Next() {
		var a sitrep.Alias
		if err := rows.Scan(&a.Name, &a.Documents); err != nil {
			rows.Close()
			return nil, db.fail(err)
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.fail(err)
	}
	for i := range out {
		out[i].Seen = []sitrep.DocumentRef{}
		rows, err := db.read.QueryContext(ctx, "SELECT "+docColumns+` FROM entity_names en JOIN doc_refs d ON d.n = en.doc
			WHERE en.entity = ? AND en.name = ? ORDER BY en.doc DESC LIMIT ?`, n, out[i].Name, perAlias)
		if err != nil {
			return nil, db.fail(err)
		}
		for rows.Next() {
			var r docRef
			if err := rows.Scan(r.dest()...); err != nil {
				rows.Close()
				return nil, db.fail(err)
			}
			out[i].Seen = append(out[i].Seen, r.value())
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, db.fail(err)
		}
	}
	return out, nil
}

// coOccurring lists the entities that share the most documents with the
// entity n, among its latest stored documents, at most within of them.
func (db *DB) coOccurring(ctx context.Context, n int64, limit, within int) ([]sitrep.CoOccurrence, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT e.id, e.name, e.type, e.subtype, c.docs FROM (
			SELECT b.entity, count(*) AS docs
			FROM (SELECT doc FROM doc_entities WHERE entity = ?1 ORDER BY doc DESC LIMIT ?3) a
			JOIN doc_entities b ON b.doc = a.doc
			WHERE b.entity != ?1 GROUP BY b.entity ORDER BY docs DESC, b.entity LIMIT ?2
		) c JOIN entities e ON e.n = c.entity ORDER BY c.docs DESC, e.id`, n, limit, within)
	if err != nil {
		return nil, db.fail(err)
	}
	defer rows.Close()
	out := []sitrep.CoOccurrence{}
	for rows.Next() {
		var c sitrep.CoOccurrence
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Subtype, &c.Documents); err != nil {
			return nil, db.fail(err)
		}
		out = append(out, c)
	}
	return out, db.fail(rows.Err())
}

// Stats implements sitrep.Store.
//
// Counting every row takes a while in a large store (0.18 s at 100,000
// documents), and a dashboard asks for it on every view: the counts are
// kept and given again while the database and its write-ahead log are
// unchanged on disk (same sizes and modification times), which any
// write, from this process or another, changes.
func (db *DB) Stats(ctx context.Context) (*sitrep.StoreStats, error) {
	key := db.fileState()
	db.mu.Lock()
	if db.stats != nil && key != "" && db.statsKey == key {
		s := *db.stats
		db.mu.Unlock()
		return &s, nil
	}
	db.mu.Unlock()
	s, err := db.countStats(ctx)
	if err != nil {
		return nil, err
	}
	if key != "" && key == db.fileState() {
		db.mu.Lock()
		c := *s
		db.stats, db.statsKey = &c, key
		db.mu.Unlock()
	}
	return s, nil
}

// fileState describes the database files on disk: size and modification
// time of the database and its write-ahead log; "" when unknown.
func (db *DB) fileState() string {
	var b strings.Builder
	for _, suffix := range []string{"", "-wal"} {
		fi, err := os.Stat(db.path + suffix)
		if err != nil {
			if suffix == "" {
				return ""
			}
			b.WriteString("|none")
			continue
		}
		fmt.Fprintf(&b, "|%d:%d", fi.Size(), fi.ModTime().UnixNano())
	}
	return b.String()
}

func (db *DB) countStats(ctx context.Context) (*sitrep.StoreStats, error) {
	s := &sitrep.StoreStats{}
	var first, last, ingested sql.NullString
	err := db.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM inputs),
		(SELECT count(DISTINCT entity) FROM doc_entities), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM claims), (SELECT count(*) FROM incidents),
		(SELECT min(published) FROM documents), (SELECT max(published) FROM documents),
		(SELECT max(ingested) FROM inputs), (SELECT coalesce(max(n), 0) FROM documents)`).Scan(&s.Documents, &s.Inputs, &s.Entities, &s.Mentions,
		&s.Quotes, &s.Claims, &s.Incidents, &first, &last, &ingested, &s.LastSeq)
	if err != nil {
		return nil, db.fail(err)
	}
	if first.Valid {
		s.First, _ = sitrep.ParseDate(first.String)
		s.Last, _ = sitrep.ParseDate(last.String)
	}
	if ingested.Valid {
		s.LastIngested, _ = time.Parse(time.RFC3339, ingested.String)
	}
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(db.path + suffix); err == nil {
			s.Bytes += fi.Size()
		}
	}
	return s, nil
}
