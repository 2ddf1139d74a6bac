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
	if err := conn.QueryRow("SELECT group_concat(name) FROM migrations").Scan(&names); err != nil || names != "0001_init.sql,0002_doc_dates.sql,0003_quote_mentions.sql" {
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

// TestDocDatesMigration opens a store made before 0002_doc_dates.sql:
// the migration fills the table from the documents, and the triggers
// keep it in step with later writes.
func TestDocDatesMigration(t *testing.T) {
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
	for _, q := range []string{"DROP TRIGGER documents_dates_insert", "DROP TRIGGER documents_dates_update", "DROP TRIGGER documents_dates_delete",
		"DROP TABLE doc_dates", "DELETE FROM migrations WHERE name = '0002_doc_dates.sql'"} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		var missing, extra int
		err := conn.QueryRow(`SELECT
			(SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM doc_dates x WHERE x.n = d.n AND x.published IS d.published)),
			(SELECT count(*) FROM doc_dates x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.n = x.n))`).Scan(&missing, &extra)
		if err != nil || missing != 0 || extra != 0 {
			t.Errorf("%s: %d documents without their date in doc_dates, %d rows of no document (%v)", when, missing, extra, err)
		}
	}
	if db, err = sqlite.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	check("migrated")
	// A new analysis of a document replaces its rows.
	docs := storetest.Corpus()
	docs[0].Document.Title += " (updated)"
	docs[0].Document.Published = sitrep.Date{Year: 2020, Month: 1, Day: 2}
	storetest.MustPut(t, db, docs[:1])
	check("after a new analysis")
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
