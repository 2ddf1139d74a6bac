package sqlite_test

import (
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"
)

func TestProbe(t *testing.T) {
	path := os.Getenv("PROBE_DB")
	if path == "" {
		t.Skip()
	}
	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	ent := `(SELECT n FROM entities WHERE id = 'auto:organization:mitel-datacom-inc')`
	_ = 0
	for _, q := range []string{
		`SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH '"with"' AND +rowid IN (SELECT doc FROM doc_entities WHERE entity = ` + ent + `) ORDER BY rank LIMIT 20`,
		`SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH '"with"' AND +rowid IN (SELECT doc FROM doc_entities WHERE entity = ` + ent + `) ORDER BY rank+0 LIMIT 20`,
		`SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH '"said"' AND rowid >= 92000 ORDER BY rank+0 LIMIT 20`,
		`SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH '"said"' AND rowid >= 92000 ORDER BY rank LIMIT 20`,
		`SELECT snippet(documents_fts, -1, char(1), char(2), '…', 24) FROM documents_fts WHERE documents_fts MATCH '"said"' AND rowid = 97243`,
		`SELECT snippet(documents_fts, -1, char(1), char(2), '…', 24) FROM documents_fts WHERE documents_fts MATCH '"said"' AND rowid IN (97243, 97244, 97245, 97246, 97247, 97248, 97249, 97250, 97251, 97252)`,
		`SELECT count(*) FROM documents WHERE published BETWEEN '1989-01-01' AND '1989-12-31'`,
		`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '"said"' AND +rowid IN (SELECT n FROM documents WHERE published BETWEEN '1989-01-01' AND '1989-12-31')`,
	} {
		for k := 0; k < 2; k++ {
			t0 := time.Now()
			rows, err := conn.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			var first string
			for rows.Next() {
				if n == 0 {
					cols, _ := rows.Columns()
					vals := make([]any, len(cols))
					ptrs := make([]any, len(cols))
					for i := range vals {
						ptrs[i] = &vals[i]
					}
					rows.Scan(ptrs...)
					first = fmtVals(vals)
				}
				n++
			}
			rows.Close()
			if k == 1 {
				t.Logf("%8.2fms %d rows [%s]: %.150s", float64(time.Since(t0).Microseconds())/1000, n, first, q)
			}
		}
	}
}

func fmtVals(v []any) string {
	s := ""
	for _, x := range v {
		switch y := x.(type) {
		case []byte:
			s += string(y) + " "
		default:
			s += fmtAny(y) + " "
		}
	}
	return s
}

func fmtAny(x any) string { return fmt.Sprint(x) }
