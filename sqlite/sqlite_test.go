package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
)

// MustOpen opens a new store in a temporary directory, closed when the
// test ends.
func MustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "sitrep.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(tb testing.TB) sitrep.Store { return MustOpen(tb) })
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("not a database\n"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(ctx, garbage)
	if err == nil || !strings.Contains(err.Error(), "not a database") || !strings.Contains(err.Error(), garbage) {
		t.Errorf("open a text file: %v", err)
	}

	// A SQLite database of another program.
	other := filepath.Join(dir, "other.db")
	conn, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	_, err = sqlite.Open(ctx, other)
	if err == nil || !strings.Contains(err.Error(), "another program") {
		t.Errorf("open another program's database: %v", err)
	}

	_, err = sqlite.Open(ctx, dir)
	if sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("open a directory: %v", err)
	}
	_, err = sqlite.Open(ctx, filepath.Join(dir, "no", "such", "dir", "x.db"))
	if sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("open in a missing directory: %v", err)
	}
}

// TestCorrupt damages a store's pages: opening or reading it gives an
// error that says the file is corrupt, never a panic.
func TestCorrupt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		batch := storetest.Corpus()
		for _, a := range batch {
			a.Document.ID = fmt.Sprintf("%s-%d", a.Document.ID, i)
			a.Input.Body += fmt.Sprint(i)
			a.Key = a.Input.Key()
		}
		storetest.MustPut(t, db, batch)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite every page but the first (the header and the schema).
	const pageSize = 4096
	for off := pageSize; off+64 < len(data); off += pageSize {
		copy(data[off+16:off+64], bytes.Repeat([]byte{0xA5}, 48))
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		if !strings.Contains(err.Error(), "corrupt") {
			t.Errorf("open a corrupt store: %v", err)
		}
		return
	}
	defer db.Close()
	_, err = db.Stats(ctx)
	if err == nil || !strings.Contains(err.Error(), "corrupt") || !strings.Contains(err.Error(), path) {
		t.Errorf("stats of a corrupt store: %v", err)
	}
	_, err = db.Search(ctx, sitrep.SearchQuery{Query: "Pakistan"})
	if err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Errorf("search a corrupt store: %v", err)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustPut(t, db, storetest.Corpus())
	db.Close()
	// Reopening runs nothing again and keeps the data.
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Documents != 3 {
		t.Errorf("reopened: %v, %+v", err, st)
	}
	db.Close()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var names string
	if err := conn.QueryRow("SELECT group_concat(name) FROM migrations").Scan(&names); err != nil || names != "0001_init.sql,0002_doc_dates.sql,0003_quote_mentions.sql,0004_narrow_tables.sql,0005_incident_places.sql" {
		t.Errorf("migrations recorded: %q, %v", names, err)
	}
	if _, err := conn.Exec("INSERT INTO migrations VALUES ('9999_future.sql', '2030-01-01T00:00:00Z')"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	_, err = sqlite.Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "newer sitrep") {
		t.Errorf("open a store of a newer sitrep: %v", err)
	}
}

// TestNarrowTablesMigration opens a store made before
// 0004_narrow_tables.sql: the migration fills doc_refs and entity_months
// from the documents, and the triggers keep them in step with later
// writes.
func TestNarrowTablesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustPut(t, db, storetest.Corpus())
	db.Close()
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Back to the schema of migration 0003.
	for _, q := range []string{"DROP TRIGGER documents_refs_insert", "DROP TRIGGER documents_refs_update", "DROP TRIGGER documents_refs_delete",
		"DROP TABLE doc_refs", "DROP TRIGGER doc_entities_months_insert", "DROP TRIGGER doc_entities_months_delete",
		"DROP TRIGGER doc_entities_months_update", "DROP TABLE entity_months", "DELETE FROM migrations WHERE name = '0004_narrow_tables.sql'"} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile("migration/0002_doc_dates.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(string(old)); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		var missing, extra, months, wrongMonths int
		err := conn.QueryRow(`SELECT
			(SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_refs x WHERE x.n = d.n AND x.id = d.id AND x.title = d.title
				AND x.outlet = d.outlet AND x.published IS d.published AND x.quotes = d.quotes AND x.incidents = d.incidents)),
			(SELECT count(*) FROM doc_refs x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.n = x.n)),
			(SELECT count(*) FROM entity_months),
			(SELECT count(*) FROM (SELECT * FROM (SELECT entity, coalesce(substr(published, 1, 7), ''), count(*), sum(mentions), min(published), max(published)
				FROM doc_entities GROUP BY 1, 2) EXCEPT SELECT entity, month, documents, mentions, first, last FROM entity_months))
			+ (SELECT count(*) FROM (SELECT entity, month, documents, mentions, first, last FROM entity_months EXCEPT
				SELECT * FROM (SELECT entity, coalesce(substr(published, 1, 7), ''), count(*), sum(mentions), min(published), max(published)
				FROM doc_entities GROUP BY 1, 2)))`).
			Scan(&missing, &extra, &months, &wrongMonths)
		if err != nil || missing != 0 || extra != 0 || months == 0 || wrongMonths != 0 {
			t.Errorf("%s: %d documents without their row in doc_refs, %d rows of no document; %d entity months, %d wrong (%v)",
				when, missing, extra, months, wrongMonths, err)
		}
	}
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check("migrated")
	// A new analysis of a document replaces its rows: the months it
	// leaves lose it, the month it moves to gains it.
	docs := storetest.Corpus()
	docs[0].Document.Title += " (updated)"
	docs[0].Document.Published = sitrep.Date{Year: 2020, Month: 1, Day: 2}
	storetest.MustPut(t, db, docs[:1])
	check("after a new analysis")
	docs[1].Document.Published = sitrep.Date{}
	storetest.MustPut(t, db, docs[1:2])
	check("after a date removed")
}

// Stats are kept between calls while the files are unchanged, and
// counted again after a write, from this process or from another.
func TestStatsAfterWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	corpus := storetest.Corpus()
	storetest.MustPut(t, db, corpus[:1])
	for range 2 {
		if st, err := db.Stats(ctx); err != nil || st.Documents != 1 {
			t.Fatalf("after one put: %v, %+v", err, st)
		}
	}
	other, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.MustPut(t, other, corpus[1:2])
	if st, err := db.Stats(ctx); err != nil || st.Documents != 2 {
		t.Fatalf("after a put by another handle: %v, %+v", err, st)
	}
	storetest.MustPut(t, db, corpus[2:])
	if st, err := db.Stats(ctx); err != nil || st.Documents != 3 || st.Quotes != 3 {
		t.Fatalf("after a third put: %v, %+v", err, st)
	}
}

// Answers kept by the store (searches, profiles) are read again after
// any write, from this handle or from another.
func TestAnswersAfterWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	corpus := storetest.Corpus()
	storetest.MustPut(t, db, corpus[:1])
	total := func(when string) int {
		t.Helper()
		res, err := db.Search(ctx, sitrep.SearchQuery{})
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		return res.Total
	}
	if a, b := total("first"), total("again"); a != 1 || b != 1 {
		t.Fatalf("one document: %d, then %d", a, b)
	}
	res, _ := db.Search(ctx, sitrep.SearchQuery{})
	res.Total = 99 // a caller's change stays its own
	if n := total("after a caller's change"); n != 1 {
		t.Fatalf("after a caller changed its answer: %d", n)
	}
	storetest.MustPut(t, db, corpus[1:2])
	if n := total("after a put"); n != 2 {
		t.Fatalf("after a put by this handle: %d documents", n)
	}
	other, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	storetest.MustPut(t, other, corpus[2:])
	if n := total("after another's put"); n != 3 {
		t.Fatalf("after a put by another handle: %d documents", n)
	}
}
