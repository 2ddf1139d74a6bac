package sqlite

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
)

// HasInput implements sitrep.Store.
func (db *DB) HasInput(ctx context.Context, key string) (bool, error) {
	var one int
	err := db.read.QueryRowContext(ctx, "SELECT 1 FROM inputs WHERE key = ?", key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, db.fail(err)
}

// Put implements sitrep.Store.
func (db *DB) Put(ctx context.Context, batch []sitrep.Analysed) ([]sitrep.PutOutcome, error) {
	for i, a := range batch {
		if a.Input == nil || a.Document == nil || a.Document.ID == "" {
			return nil, sitrep.Errorf(sitrep.EINVALID, "put: item %d has no input, document or document ID", i)
		}
	}
	// Encoding is the costly part of a write; it is done before the
	// transaction, so that the write lock is held for inserts only.
	enc := make([]*encoded, len(batch))
	for i, a := range batch {
		if p, ok := a.Prepared.(*encoded); ok && p.doc == a.Document && p.in == a.Input {
			enc[i] = p
			continue
		}
		var err error
		if enc[i], err = encode(a.Input, a.Document); err != nil {
			return nil, fmt.Errorf("put %s: %w", a.Input.Source, err)
		}
	}
	w, err := db.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer w.rollback()
	now := db.now().UTC().Format(time.RFC3339)
	out := make([]sitrep.PutOutcome, len(batch))
	for i, a := range batch {
		key := a.Key
		if key == "" {
			key = a.Input.Key()
		}
		if ok, err := w.exists(ctx, "SELECT 1 FROM inputs WHERE key = ?", key); err != nil {
			return nil, err
		} else if ok {
			out[i] = sitrep.PutUnchanged
			continue
		}
		var n int64
		err := w.tx.QueryRowContext(ctx, "SELECT n FROM documents WHERE id = ?", a.Document.ID).Scan(&n)
		switch {
		case err == nil:
			out[i] = sitrep.PutDuplicate
		case errors.Is(err, sql.ErrNoRows):
			if n, err = w.insertDocument(ctx, a.Document, enc[i], now, now); err != nil {
				return nil, fmt.Errorf("put %s: %w", a.Input.Source, err)
			}
			out[i] = sitrep.PutNew
		default:
			return nil, db.fail(err)
		}
		if _, err := w.stmt(ctx, "INSERT INTO inputs (key, doc, source, raw, ingested) VALUES (?, ?, ?, ?, ?)").
			ExecContext(ctx, key, n, a.Input.Source, enc[i].raw, now); err != nil {
			return nil, db.fail(err)
		}
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	return out, nil
}

// Prepare implements sitrep.Preparer: it encodes and compresses the
// input and the document for Put.
func (db *DB) Prepare(a *sitrep.Analysed) error {
	if a.Input == nil || a.Document == nil {
		return sitrep.Errorf(sitrep.EINVALID, "prepare: no input or document")
	}
	e, err := encode(a.Input, a.Document)
	if err != nil {
		return err
	}
	a.Prepared = e
	return nil
}

var _ sitrep.Preparer = (*DB)(nil)

// Replace implements sitrep.Store.
func (db *DB) Replace(ctx context.Context, batch []sitrep.Replacement) ([]bool, error) {
	enc := make([]*encoded, len(batch))
	for i, r := range batch {
		if r.Document == nil || r.Document.ID == "" {
			return nil, sitrep.Errorf(sitrep.EINVALID, "replace %s: no document or document ID", r.OldID)
		}
		var err error
		if enc[i], err = encode(nil, r.Document); err != nil {
			return nil, fmt.Errorf("replace %s: %w", r.OldID, err)
		}
	}
	w, err := db.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer w.rollback()
	now := db.now().UTC().Format(time.RFC3339)
	changed := make([]bool, len(batch))
	for i, r := range batch {
		var n int64
		var hash, ingested string
		err := w.tx.QueryRowContext(ctx, "SELECT n, analysis_hash, ingested FROM documents WHERE id = ?", r.OldID).Scan(&n, &hash, &ingested)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, sitrep.Errorf(sitrep.ENOTFOUND, "replace: no document %s in the store", r.OldID)
		} else if err != nil {
			return nil, db.fail(err)
		}
		if hash == enc[i].hash && r.Document.ID == r.OldID {
			continue
		}
		changed[i] = true
		if err := w.deleteDocument(ctx, n); err != nil {
			return nil, err
		}
		// The new analysis may have the ID of another stored document
		// (its text now cleans to the same article): the inputs join it.
		var to int64
		err = w.tx.QueryRowContext(ctx, "SELECT n FROM documents WHERE id = ?", r.Document.ID).Scan(&to)
		if errors.Is(err, sql.ErrNoRows) {
			if to, err = w.insertDocument(ctx, r.Document, enc[i], ingested, now); err != nil {
				return nil, fmt.Errorf("replace %s: %w", r.OldID, err)
			}
		} else if err != nil {
			return nil, db.fail(err)
		}
		if _, err := w.tx.ExecContext(ctx, "UPDATE inputs SET doc = ? WHERE doc = ?", to, n); err != nil {
			return nil, db.fail(err)
		}
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	return changed, nil
}

// StoredInputs implements sitrep.Store.
func (db *DB) StoredInputs(ctx context.Context, after, upTo int64, limit int) ([]sitrep.StoredInput, error) {
	if limit <= 0 {
		limit = 1000
	}
	if upTo <= 0 {
		upTo = 1<<63 - 1
	}
	rows, err := db.read.QueryContext(ctx, `
		SELECT d.n, d.id, i.source, i.raw
		FROM documents d JOIN inputs i ON i.n = (SELECT min(n) FROM inputs WHERE doc = d.n)
		WHERE d.n > ? AND d.n <= ?
		ORDER BY d.n LIMIT ?`, after, upTo, limit)
	if err != nil {
		return nil, db.fail(err)
	}
	defer rows.Close()
	var out []sitrep.StoredInput
	for rows.Next() {
		var s sitrep.StoredInput
		var source string
		var raw []byte
		if err := rows.Scan(&s.Seq, &s.DocumentID, &source, &raw); err != nil {
			return nil, db.fail(err)
		}
		s.Input = new(sitrep.Input)
		if err := gunzipJSON(raw, s.Input); err != nil {
			return nil, sitrep.Errorf(sitrep.EINTERNAL, "store %s: input of document %s cannot be read: %v", db.path, s.DocumentID, err)
		}
		s.Input.Source = source
		out = append(out, s)
	}
	return out, db.fail(rows.Err())
}

// Document implements sitrep.Store.
func (db *DB) Document(ctx context.Context, id string) (*sitrep.Document, error) {
	var text string
	var analysis []byte
	err := db.read.QueryRowContext(ctx, "SELECT text, analysis FROM documents WHERE id = ?", id).Scan(&text, &analysis)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "no document %s in the store", id)
	} else if err != nil {
		return nil, db.fail(err)
	}
	doc := new(sitrep.Document)
	if err := gunzipJSON(analysis, doc); err != nil {
		return nil, sitrep.Errorf(sitrep.EINTERNAL, "store %s: document %s cannot be read: %v", db.path, id, err)
	}
	doc.Text = text
	return doc.Normalize(), nil
}

// encoded is what a write stores of an input and its document, encoded
// outside the transaction.
type encoded struct {
	in       *sitrep.Input // what was encoded
	doc      *sitrep.Document
	raw      []byte // the input, gzip JSON (Source left out: it is a column)
	analysis []byte // the document without its text, gzip JSON
	hash     string // SHA-256 of the document's JSON
	authors  string
	items    [][]byte // JSON of each quote, claim and incident, in that order
}

func encode(in *sitrep.Input, doc *sitrep.Document) (*encoded, error) {
	e := &encoded{in: in, doc: doc}
	var err error
	if in != nil {
		c := *in
		c.Source = ""
		if e.raw, err = gzipJSON(&c); err != nil {
			return e, err
		}
	}
	c := *doc
	c.Text = ""
	c.NearDuplicates = nil // relative to one run, not to the store
	c.Normalize()
	js, err := json.Marshal(&c)
	if err != nil {
		return e, err
	}
	sum := sha256.Sum256(append(js, doc.Text...))
	e.hash = hex.EncodeToString(sum[:])
	if e.analysis, err = gzipBytes(js); err != nil {
		return e, err
	}
	a, _ := json.Marshal(c.Authors)
	e.authors = string(a)
	for _, q := range doc.Quotes {
		b, _ := json.Marshal(q)
		e.items = append(e.items, b)
	}
	for _, cl := range doc.Claims {
		b, _ := json.Marshal(cl)
		e.items = append(e.items, b)
	}
	for _, inc := range doc.Incidents {
		b, err := json.Marshal(inc)
		if err != nil {
			return e, err
		}
		e.items = append(e.items, b)
	}
	return e, nil
}

var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return w
}}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/3 + 64)
	zw := gzipWriters.Get().(*gzip.Writer)
	defer gzipWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func gzipJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return gzipBytes(b)
}

func gunzipJSON(b []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return err
	}
	js, err := io.ReadAll(zr)
	if err != nil {
		return err
	}
	return json.Unmarshal(js, v)
}

// writer is one write transaction with its prepared statements.
type writer struct {
	db    *DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// entities are the entity keys inserted by this transaction, added to
	// the DB's cache once it commits.
	entities map[string]int64
	// indexed are the documents inserted by this transaction, whose words
	// index writes into the full-text indexes before the commit.
	indexed map[int64]bool
	// actors are the keys of entities known only as the actors of quotes,
	// claims or incidents so far, for this transaction.
	actors map[string]int64
	done   bool
}

func (db *DB) begin(ctx context.Context) (*writer, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.fail(err)
	}
	return &writer{db: db, tx: tx, stmts: map[string]*sql.Stmt{}, entities: map[string]int64{}, indexed: map[int64]bool{}, actors: map[string]int64{}}, nil
}

// statement is a prepared statement, or a query run unprepared.
type statement interface {
	ExecContext(ctx context.Context, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, args ...any) *sql.Row
}

// stmt returns the transaction's prepared statement for query. When it
// cannot be prepared (a damaged file, a closed store), the query runs
// unprepared, so that its error comes back from Exec or Scan.
func (w *writer) stmt(ctx context.Context, query string) statement {
	if s, ok := w.stmts[query]; ok {
		return s
	}
	s, err := w.tx.PrepareContext(ctx, query)
	if err != nil {
		return unprepared{w.tx, query}
	}
	w.stmts[query] = s
	return s
}

// unprepared runs a query on a transaction without preparing it.
type unprepared struct {
	tx    *sql.Tx
	query string
}

func (u unprepared) ExecContext(ctx context.Context, args ...any) (sql.Result, error) {
	return u.tx.ExecContext(ctx, u.query, args...)
}

func (u unprepared) QueryRowContext(ctx context.Context, args ...any) *sql.Row {
	return u.tx.QueryRowContext(ctx, u.query, args...)
}

func (w *writer) exists(ctx context.Context, query string, args ...any) (bool, error) {
	var one int
	err := w.stmt(ctx, query).QueryRowContext(ctx, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, w.db.fail(err)
}

func (w *writer) rollback() {
	if !w.done {
		for _, s := range w.stmts {
			s.Close()
		}
		_ = w.tx.Rollback()
	}
}

// index adds the words of the documents and quotes inserted by the
// transaction to the full-text indexes, in one statement each (see
// migration/0001_init.sql for why not by triggers).
func (w *writer) index(ctx context.Context) error {
	if len(w.indexed) == 0 {
		return nil
	}
	ns := make([]int64, 0, len(w.indexed))
	for n := range w.indexed {
		ns = append(ns, n)
	}
	list, _ := json.Marshal(ns)
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO documents_fts (rowid, title, text)
		SELECT n, title, text FROM documents WHERE n IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
		return w.db.fail(err)
	}
	if _, err := w.tx.ExecContext(ctx, `INSERT INTO quotes_fts (rowid, text)
		SELECT n, text FROM quotes WHERE doc IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
		return w.db.fail(err)
	}
	return nil
}

func (w *writer) commit() error {
	if err := w.index(context.Background()); err != nil {
		return err
	}
	for _, s := range w.stmts {
		s.Close()
	}
	w.done = true
	// The commit must not be cancelled half way by ctx: the transaction
	// has been built whole, and SQLite commits atomically anyway.
	err := w.tx.Commit()
	// Bumped even when the commit failed: the files may have changed.
	w.db.writes.Add(1)
	if err != nil {
		return w.db.fail(err)
	}
	w.db.mu.Lock()
	for k, v := range w.entities {
		w.db.entities[k] = v
	}
	w.db.mu.Unlock()
	return nil
}

// entity returns the row key of the entity with the ID, inserting or
// refreshing its row the first time this process sees it. A nil e stands
// for an entity known only by ID (an actor's Entity field).
func (w *writer) entity(ctx context.Context, id string, e *sitrep.Entity) (int64, error) {
	if n, ok := w.entities[id]; ok {
		return n, nil
	}
	if n, ok := w.actors[id]; ok && e == nil {
		return n, nil
	}
	w.db.mu.Lock()
	n, ok := w.db.entities[id]
	w.db.mu.Unlock()
	if ok && (e == nil || n > 0) {
		return n, nil
	}
	var err error
	if e == nil {
		// An actor's entity that the document's entity list does not
		// hold: keep its ID with a name from the ID until a document
		// describes it.
		err = w.stmt(ctx, `INSERT INTO entities (id, name, type) VALUES (?, ?, '')
			ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING n`).QueryRowContext(ctx, id, nameFromID(id)).Scan(&n)
	} else {
		var rel, place any
		if len(e.Relations) > 0 {
			b, _ := json.Marshal(e.Relations)
			rel = string(b)
		}
		if e.Place != nil {
			b, _ := json.Marshal(e.Place)
			place = string(b)
		}
		err = w.stmt(ctx, `INSERT INTO entities (id, name, type, subtype, relations, place) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, subtype = excluded.subtype,
				relations = excluded.relations, place = excluded.place RETURNING n`).
			QueryRowContext(ctx, id, e.Name, e.Type, e.Subtype, rel, place).Scan(&n)
	}
	if err != nil {
		return 0, w.db.fail(err)
	}
	if e != nil {
		w.entities[id] = n
	} else {
		w.actors[id] = n
	}
	return n, nil
}

// nameFromID makes a readable name of an entity ID: "auto:person:john-doe"
// gives "john doe".
func nameFromID(id string) string {
	if i := strings.LastIndexByte(id, ':'); i >= 0 {
		id = id[i+1:]
	}
	return strings.ReplaceAll(id, "-", " ")
}

// actor returns the entity key of an actor, or nil.
func (w *writer) actor(ctx context.Context, a sitrep.Actor, known map[string]int64) (any, error) {
	if a.Entity == "" {
		return nil, nil
	}
	if n, ok := known[a.Entity]; ok {
		return n, nil
	}
	n, err := w.entity(ctx, a.Entity, nil)
	if err != nil {
		return nil, err
	}
	known[a.Entity] = n
	return n, nil
}

// insertDocument inserts a document and every row derived from it, and
// returns its row key.
func (w *writer) insertDocument(ctx context.Context, d *sitrep.Document, e *encoded, ingested, analysed string) (int64, error) {
	var published any
	if !d.Published.IsZero() {
		published = d.Published.String()
	}
	var n int64
	err := w.stmt(ctx, `INSERT INTO documents (id, source, format, url, title, outlet, published, dateline, authors, text,
		entities, quotes, claims, incidents, analysis, analysis_hash, ingested, analysed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING n`).QueryRowContext(ctx,
		d.ID, d.Source, d.Format, d.URL, d.Title, d.Outlet, published, d.Dateline, e.authors, d.Text,
		len(d.Entities), len(d.Quotes), len(d.Claims), len(d.Incidents), e.analysis, e.hash, ingested, analysed).Scan(&n)
	if err != nil {
		return 0, w.db.fail(err)
	}
	w.indexed[n] = true

	// Entities, their names in this document and their mentions.
	known := make(map[string]int64, len(d.Entities))
	type nameKey struct {
		entity int64
		name   string
	}
	names := map[nameKey]int{}
	counts := map[int64]int{}
	for i := range d.Entities {
		ent := &d.Entities[i]
		if ent.ID == "" {
			continue
		}
		en, err := w.entity(ctx, ent.ID, ent)
		if err != nil {
			return 0, err
		}
		known[ent.ID] = en
		counts[en] += len(ent.Mentions)
		for _, m := range ent.Mentions {
			names[nameKey{en, strings.Join(strings.Fields(m.Text), " ")}]++
			if _, err := w.stmt(ctx, `INSERT OR IGNORE INTO mentions (doc, start, "end", entity, text, via) VALUES (?, ?, ?, ?, ?, ?)`).
				ExecContext(ctx, n, m.Start, m.End, en, m.Text, m.Via); err != nil {
				return 0, w.db.fail(err)
			}
		}
		for _, a := range ent.Aliases {
			k := nameKey{en, strings.Join(strings.Fields(a), " ")}
			if _, ok := names[k]; !ok {
				names[k] = 0
			}
		}
	}
	for en, c := range counts {
		if _, err := w.stmt(ctx, "INSERT INTO doc_entities (entity, doc, published, mentions) VALUES (?, ?, ?, ?)").
			ExecContext(ctx, en, n, published, c); err != nil {
			return 0, w.db.fail(err)
		}
	}
	for k, c := range names {
		if k.name == "" {
			continue
		}
		if _, err := w.stmt(ctx, "INSERT OR IGNORE INTO entity_names (entity, name, doc, mentions) VALUES (?, ?, ?, ?)").
			ExecContext(ctx, k.entity, k.name, n, c); err != nil {
			return 0, w.db.fail(err)
		}
	}

	item := 0
	for i, q := range d.Quotes {
		sp, err := w.actor(ctx, q.Speaker.Actor, known)
		if err != nil {
			return 0, err
		}
		from, to := period(q.Date, d.Published)
		if _, err := w.stmt(ctx, `INSERT INTO quotes (doc, idx, speaker_entity, speaker_name, speaker_text, speaker_kind, speaker_role,
			text, direct, cue, date, date_from, date_to, start, "end", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).
			ExecContext(ctx, n, i, sp, q.Speaker.Name, q.Speaker.Text, q.Speaker.Kind, q.Speaker.Role,
				q.Text, q.Direct, q.Cue, nullable(q.Date), from, to, q.Start, q.End, e.items[item]); err != nil {
			return 0, w.db.fail(err)
		}
		item++
	}
	if len(d.Quotes) > 0 {
		if _, err := w.stmt(ctx, `INSERT OR IGNORE INTO quote_mentions (entity, quote, doc, idx, date_to)
			SELECT m.entity, q.n, q.doc, q.idx, q.date_to FROM quotes q JOIN mentions m ON m.doc = q.doc AND m.start >= q.start AND m.start < q."end"
			WHERE q.doc = ?`).ExecContext(ctx, n); err != nil {
			return 0, w.db.fail(err)
		}
	}
	for i, c := range d.Claims {
		subj, err := w.actor(ctx, c.Subject, known)
		if err != nil {
			return 0, err
		}
		obj, err := w.actor(ctx, c.Object, known)
		if err != nil {
			return 0, err
		}
		sp, err := w.actor(ctx, c.Speaker, known)
		if err != nil {
			return 0, err
		}
		from, to := period(c.Date, d.Published)
		if _, err := w.stmt(ctx, `INSERT INTO claims (doc, idx, subject_entity, subject_name, predicate, object_entity, object_name,
			polarity, hedged, value, speaker_entity, speaker_name, date, date_from, date_to, quote, start, "end", data)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).
			ExecContext(ctx, n, i, subj, c.Subject.Name, c.Predicate, obj, c.Object.Name, c.Polarity, c.Hedged, c.Value,
				sp, c.Speaker.Name, nullable(c.Date), from, to, c.Quote, c.Start, c.End, e.items[item]); err != nil {
			return 0, w.db.fail(err)
		}
		item++
	}
	for i, inc := range d.Incidents {
		if err := w.insertIncident(ctx, n, i, &inc, d.Published, known, e.items[item]); err != nil {
			return 0, err
		}
		item++
	}
	return n, nil
}

func (w *writer) insertIncident(ctx context.Context, doc int64, i int, inc *sitrep.Incident, published sitrep.Date, known map[string]int64, data []byte) error {
	var place, lat, lon, geo any
	var placeName, country, admin1, admin2 string
	if p := inc.Place; p != nil {
		var err error
		if place, err = w.actor(ctx, sitrep.Actor{Entity: p.Entity}, known); err != nil {
			return err
		}
		placeName, country, admin1, admin2 = p.Name, p.Country, p.Admin1, p.Admin2
		if p.Lat != 0 || p.Lon != 0 {
			lat, lon = p.Lat, p.Lon
		}
		if p.GeoPrecision != 0 {
			geo = p.GeoPrecision
		}
	}
	fig := func(f *sitrep.Figure) (est, lo, hi any) {
		if f == nil {
			return nil, nil, nil
		}
		if f.Max != nil {
			hi = *f.Max
		}
		return f.Estimate, f.Min, hi
	}
	kEst, kMin, kMax := fig(inc.Killed)
	iEst, iMin, iMax := fig(inc.Injured)
	from, to := period(inc.Date, published)
	if _, err := w.stmt(ctx, `INSERT INTO incidents (doc, idx, type, cue, date, date_from, date_to, date_precision,
		place_entity, place_name, country, admin1, admin2, lat, lon, geo_precision,
		killed, killed_min, killed_max, injured, injured_min, injured_max, hedged, start, "end", data)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).
		ExecContext(ctx, doc, i, inc.Type, inc.Cue, nullable(inc.Date), from, to, inc.DatePrecision,
			place, placeName, country, admin1, admin2, lat, lon, geo,
			kEst, kMin, kMax, iEst, iMin, iMax, inc.Hedged, inc.Start, inc.End, data); err != nil {
		return w.db.fail(err)
	}
	party := func(role string, pos int, a sitrep.Actor, basis string, speaker *sitrep.Actor) error {
		en, err := w.actor(ctx, a, known)
		if err != nil {
			return err
		}
		var sp any
		var spName string
		if speaker != nil {
			if sp, err = w.actor(ctx, *speaker, known); err != nil {
				return err
			}
			spName = speaker.Name
		}
		if _, err := w.stmt(ctx, `INSERT OR IGNORE INTO incident_parties (doc, incident, role, pos, entity, name, basis, speaker_entity, speaker_name)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).ExecContext(ctx, doc, i, role, pos, en, a.Name, basis, sp, spName); err != nil {
			return w.db.fail(err)
		}
		return nil
	}
	for j, p := range inc.Perpetrators {
		if err := party("perpetrator", j, p.Actor, p.Basis, p.Speaker); err != nil {
			return err
		}
	}
	for j, t := range inc.Targets {
		if err := party("target", j, t, "", nil); err != nil {
			return err
		}
	}
	for j, a := range inc.Actors {
		if err := party("actor", j, a, "", nil); err != nil {
			return err
		}
	}
	return nil
}

// deleteDocument deletes a document and every row derived from it, not
// its inputs.
func (w *writer) deleteDocument(ctx context.Context, n int64) error {
	if w.indexed[n] {
		delete(w.indexed, n)
	} else {
		for _, q := range []string{
			`INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', n, title, text FROM documents WHERE n = ?`,
			`INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', n, text FROM quotes WHERE doc = ?`,
		} {
			if _, err := w.stmt(ctx, q).ExecContext(ctx, n); err != nil {
				return w.db.fail(err)
			}
		}
	}
	for _, q := range []string{
		"DELETE FROM mentions WHERE doc = ?",
		"DELETE FROM entity_names WHERE doc = ?",
		"DELETE FROM doc_entities WHERE doc = ?", // by the (doc, entity) index
		"DELETE FROM quote_mentions WHERE doc = ?",
		"DELETE FROM quotes WHERE doc = ?",
		"DELETE FROM claims WHERE doc = ?",
		"DELETE FROM incidents WHERE doc = ?",
		"DELETE FROM incident_parties WHERE doc = ?",
		"DELETE FROM documents WHERE n = ?",
	} {
		if _, err := w.stmt(ctx, q).ExecContext(ctx, n); err != nil {
			return w.db.fail(err)
		}
	}
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
