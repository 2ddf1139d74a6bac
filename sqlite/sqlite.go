// Package sqlite implements sitrep.Store on one SQLite file, with the pure
// Go driver modernc.org/sqlite: WAL journal, FTS5 full-text search, schema
// migrations embedded from migration/*.sql. See docs/store.md for the
// schema and the guarantees.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep"
	"modernc.org/sqlite"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// applicationID marks a SQLite file as a sitrep store ("sitr").
const applicationID = 0x73697472

// SQLite result codes (the low byte of an extended code) that get their
// own message.
const (
	codeBusy     = 5
	codeReadOnly = 8
	codeCorrupt  = 11
	codeFull     = 13
	codeCantOpen = 14
	codeNotADB   = 26
)

// DB is a sitrep store in one SQLite file. It implements sitrep.Store.
//
// It holds two connection pools: one connection for writes, so that
// transactions never wait on one another inside the process, and a pool
// of read-only connections, which in WAL mode read a consistent snapshot
// while a write goes on.
type DB struct {
	path  string
	write *sql.DB
	read  *reader

	// entities caches entity IDs to their row keys. Entity rows are never
	// deleted, so a key once committed stays valid.
	mu       sync.Mutex
	entities map[string]int64
	// stats are the last counts (Stats), valid while the files on disk
	// are as statsKey describes them.
	stats    *sitrep.StoreStats
	statsKey string

	// answers keeps costly answers while the store is unchanged
	// (cache.go); writes counts the transactions this handle committed.
	answers answers
	writes  atomic.Int64
	// noCache turns answers off (SITREP_STORE_CACHE=off), to measure
	// the reads themselves.
	noCache bool

	// now returns the time stamps of ingest; tests may set it.
	now func() time.Time
	// rankWindow bounds the work of a search (search.go).
	rankWindow int
}

var _ sitrep.Store = (*DB)(nil)

// Open opens the store at path, creating the file (not its directory)
// when it does not exist, and brings its schema up to date. A file that
// is not a SQLite database, or a SQLite database of another program, is
// refused with a message that says so.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open store: no path given")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open store %s: is a directory", path)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, sitrep.Errorf(sitrep.EINVALID, "open store %s: %v", path, err)
	} else if err != nil {
		if _, err := os.Stat(filepath.Dir(path)); err != nil {
			return nil, sitrep.Errorf(sitrep.ENOTFOUND, "open store %s: directory %s does not exist", path, filepath.Dir(path))
		}
	}
	db := &DB{path: path, entities: map[string]int64{}, now: time.Now, rankWindow: defaultRankWindow,
		noCache: os.Getenv("SITREP_STORE_CACHE") == "off"}
	var err error
	// synchronous=NORMAL in WAL mode loses no committed transaction when
	// the process dies (only, possibly, the last ones on a power cut) and
	// never corrupts the file.
	common := "_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(0)&_pragma=temp_store(MEMORY)"
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath()
	if db.write, err = sql.Open("sqlite", dsn+"?_txlock=immediate&_pragma=journal_mode(WAL)&_pragma=cache_size(-32768)&"+common); err != nil {
		return nil, db.fail(err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetConnMaxIdleTime(0)
	if err := db.init(ctx); err != nil {
		db.write.Close()
		return nil, err
	}
	// Readers map the file (up to 1 GiB) rather than read it page by page:
	// a loaded server spent 13 % of its time in pread system calls.
	var rdb *sql.DB
	if rdb, err = sql.Open("sqlite", dsn+"?_pragma=query_only(1)&_pragma=cache_size(-16384)&_pragma=mmap_size(1073741824)&"+common); err != nil {
		db.write.Close()
		return nil, db.fail(err)
	}
	rdb.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	rdb.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	db.read = &reader{DB: rdb, stmts: map[string]*sql.Stmt{}}
	return db, nil
}

// reader is the pool of read-only connections, with its statements
// prepared once and kept: database/sql prepares a query anew at each call
// otherwise, 7 % of a loaded server's time at 100,000 documents. The
// queries built from filters have many shapes: at most maxStmts are kept.
type reader struct {
	*sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

const maxStmts = 512

func (r *reader) stmt(ctx context.Context, query string) *sql.Stmt {
	r.mu.Lock()
	defer r.mu.Unlock()
	if st, ok := r.stmts[query]; ok {
		return st
	}
	if len(r.stmts) >= maxStmts {
		return nil
	}
	st, err := r.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil // the query itself reports the error
	}
	r.stmts[query] = st
	return st
}

// QueryContext runs query with a kept statement.
func (r *reader) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return r.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query with a kept statement.
func (r *reader) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := r.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return r.DB.QueryRowContext(ctx, query, args...)
}

// Close closes the kept statements and the pool.
func (r *reader) Close() error {
	r.mu.Lock()
	for _, st := range r.stmts {
		st.Close()
	}
	r.stmts = nil
	r.mu.Unlock()
	return r.DB.Close()
}

// Path returns the file the store is in.
func (db *DB) Path() string { return db.path }

// Close closes the store. It checkpoints the write-ahead log into the
// database file, so that a closed store is one file.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		_, _ = db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, db.write.Close())
	}
	return errors.Join(errs...)
}

// init checks that the file is a sitrep store (or empty) and runs the
// migrations it lacks.
func (db *DB) init(ctx context.Context) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return db.fail(err)
	}
	defer conn.Close()
	var appID, tables int
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return db.fail(err)
	}
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return db.fail(err)
	}
	switch {
	case appID == 0 && tables == 0:
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return db.fail(err)
		}
	case appID != applicationID:
		return sitrep.Errorf(sitrep.EINVALID, "open store %s: a SQLite database of another program, not a sitrep store", db.path)
	}
	return db.migrate(ctx, conn)
}

// migrate runs, in name order, each embedded migration not yet recorded
// in the migrations table, each in its own transaction with its record.
// A store with a migration this program does not know was written by a
// newer sitrep and is refused.
func (db *DB) migrate(ctx context.Context, conn *sql.Conn) error {
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return db.fail(err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	known := map[string]bool{}
	for _, n := range names {
		known[filepath.Base(n)] = true
	}
	rows, err := conn.QueryContext(ctx, "SELECT name FROM migrations")
	if err != nil {
		return db.fail(err)
	}
	applied := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return db.fail(err)
		}
		applied[n] = true
		if !known[n] {
			rows.Close()
			return sitrep.Errorf(sitrep.EINVALID, "open store %s: written by a newer sitrep (schema migration %s is unknown to this one)", db.path, n)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return db.fail(err)
	}
	for _, n := range names {
		name := filepath.Base(n)
		if applied[name] {
			continue
		}
		if err := db.migrateFile(ctx, conn, n, name); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) migrateFile(ctx context.Context, conn *sql.Conn, path, name string) error {
	body, err := migrationFS.ReadFile(path)
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return db.fail(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("migration %s: %w", name, db.fail(err))
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO migrations (name, applied) VALUES (?, ?)", name, db.now().UTC().Format(time.RFC3339)); err != nil {
		return db.fail(err)
	}
	return db.fail(tx.Commit())
}

// fail turns a driver error into an error fit for users: a corrupt file,
// a file that is not a database, a locked or full one get a message that
// names the file and says what to do; a cancelled context stays
// context.Canceled.
func (db *DB) fail(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		if strings.Contains(err.Error(), "interrupted") {
			return context.Canceled
		}
		return err
	}
	switch se.Code() & 0xff {
	case codeNotADB:
		return sitrep.Errorf(sitrep.EINVALID, "store %s: not a database file, or its header is corrupt (SQLite: %v)", db.path, se)
	case codeCorrupt:
		return sitrep.Errorf(sitrep.EINTERNAL, "store %s: the database file is corrupt (SQLite: %v); restore it from a copy, or move it aside and ingest again", db.path, se)
	case codeBusy:
		return sitrep.Errorf(sitrep.EINTERNAL, "store %s: locked by another process for too long (SQLite: %v)", db.path, se)
	case codeFull:
		return sitrep.Errorf(sitrep.EINTERNAL, "store %s: disk full (SQLite: %v)", db.path, se)
	case codeReadOnly, codeCantOpen:
		return sitrep.Errorf(sitrep.EINVALID, "store %s: cannot open or write the file (SQLite: %v)", db.path, se)
	}
	return fmt.Errorf("store %s: %w", db.path, err)
}
