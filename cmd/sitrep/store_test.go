package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/sqlite"
)

// storyTemplate is a short report with a dateline, a place, an armed
// group, a named speaker and a direct quote; %d makes each copy a
// distinct article.
const storyTemplate = `KABUL, Afghanistan

Taliban fighters attacked a police checkpoint in Kunar province on Monday, killing %d officers, provincial officials said.

"We will not stop until the foreign forces leave," Taliban spokesman Zabihullah Mujahid told reporters in Kabul.

The Afghan interior ministry said %d suspects had been arrested near the border with Pakistan.
`

// writeStories writes n distinct stories as files below dir and returns
// dir.
func writeStories(t *testing.T, dir string, n int) string {
	t.Helper()
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("s%04d.txt", i)] = fmt.Sprintf(storyTemplate, i+1, 1000+i)
	}
	write(t, dir, files)
	return dir
}

// summaryRE matches the counts of an ingest summary.
var summaryRE = regexp.MustCompile(`sitrep: ([\d,]+) inputs read in .*: ([\d,]+) new, ([\d,]+) unchanged`)

// summaryCounts reads the inputs read, new and unchanged from an ingest
// summary.
func summaryCounts(t *testing.T, stderr string) (read, fresh, unchanged int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary in %q", stderr)
	}
	n := func(s string) int {
		v, _ := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		return v
	}
	return n(m[1]), n(m[2]), n(m[3])
}

func TestIngestAndQuery(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store", "sitrep.db")
	in := writeStories(t, filepath.Join(dir, "in"), 5)
	write(t, in, map[string]string{"empty.txt": "", "report.pdf": "%PDF-1.4 binary"})

	_, stderr, err := run(t, "", "ingest", "--db", db, in)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if read, fresh, unchanged := summaryCounts(t, stderr); read != 7 || fresh != 5 || unchanged != 0 {
		t.Errorf("first ingest: read %d, new %d, unchanged %d; want 7, 5, 0\n%s", read, fresh, unchanged, stderr)
	}
	for _, want := range []string{"empty.txt: ", "report.pdf: ", "2 skipped (1 binary, 1 empty)", "0 failed", "the store holds 5 documents"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("ingest stderr lacks %q:\n%s", want, stderr)
		}
	}
	// Again, flags after the path: nothing new.
	_, stderr, err = run(t, "", "ingest", in, "--db", db)
	if err != nil {
		t.Fatalf("second ingest: %v\n%s", err, stderr)
	}
	if _, fresh, unchanged := summaryCounts(t, stderr); fresh != 0 || unchanged != 5 {
		t.Errorf("second ingest: new %d, unchanged %d; want 0, 5\n%s", fresh, unchanged, stderr)
	}

	out, _, err := run(t, "", "search", "--db", db, "checkpoint", "--limit", "2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "«checkpoint»") || !strings.Contains(out, "1–2 of 5 documents (next: --offset 2)") {
		t.Errorf("search table:\n%s", out)
	}
	out, _, err = run(t, "", "search", "--db", db, "--format", "csv", "Mujahid", "--entity", "Taliban")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 6 || recs[0][0] != "id" {
		t.Errorf("search csv: %d records, %v:\n%s", len(recs), err, out)
	}
	out, _, err = run(t, "", "search", "--db", db, "--format", "json", "--until", "2020")
	if err != nil {
		t.Fatal(err)
	}
	var res sitrep.SearchResult
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != 0 {
		t.Errorf("search json, undated stories until 2020: %v, total %d", err, res.Total)
	}
	_, _, err = run(t, "", "search", "--db", db, `"unclosed`)
	if err == nil || !strings.Contains(err.Error(), "not closed") {
		t.Errorf("search with a bad query: %v", err)
	}

	out, _, err = run(t, "", "quotes", "--db", db, "--speaker", "Zabihullah Mujahid")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "We will not stop until the foreign forces leave") != 5 || !strings.Contains(out, "5 quotes") {
		t.Errorf("quotes by Mujahid:\n%s", out)
	}
	out, _, err = run(t, "", "quotes", "--db", db, "--format", "json", "--query", "foreign forces", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	var qs struct{ Quotes []sitrep.QuoteRow }
	if err := json.Unmarshal([]byte(out), &qs); err != nil || len(qs.Quotes) != 1 || qs.Quotes[0].Document.Source == "" {
		t.Errorf("quotes json: %v %+v", err, qs)
	}
	_, _, err = run(t, "", "quotes", "--db", db, "--speaker", "Nobody At All")
	if sitrep.ErrorCode(err) != sitrep.ENOTFOUND {
		t.Errorf("quotes by an unknown speaker: %v", err)
	}

	out, _, err = run(t, "", "entity", "--db", db, "mujahid")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Zabihullah Mujahid  (person", "Seen as:", "Quotes by Zabihullah Mujahid", "Mentioned with:"} {
		if !strings.Contains(out, want) {
			t.Errorf("entity dossier lacks %q:\n%s", want, out)
		}
	}
	// A name only the knowledge base knows (the stories say "Taliban").
	out, _, err = run(t, "", "entity", "--db", db, "Islamic Emirate")
	if err != nil || !strings.HasPrefix(out, "Afghan Taliban  (organization, armed_group)  kb:afghan-taliban") {
		t.Errorf("entity by a knowledge-base alias: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "entity", "--db", db, "--format", "json", "Taliban")
	if err != nil {
		t.Fatal(err)
	}
	var d sitrep.Dossier
	if err := json.Unmarshal([]byte(out), &d); err != nil || d.EntityProfile == nil || d.Documents != 5 {
		t.Errorf("entity json: %v %s", err, out)
	}

	id := res.Hits
	out, _, err = run(t, "", "search", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal([]byte(out), &res)
	id = res.Hits
	out, _, err = run(t, "", "show", "--db", db, id[0].Document.ID)
	if err != nil || !strings.Contains(out, `"text":"Taliban fighters attacked`) {
		t.Errorf("show: %v\n%s", err, out)
	}

	_, stderr, err = run(t, "", "reanalyze", "--db", db)
	if err != nil || !strings.Contains(stderr, "5 of 5 documents reanalysed") || !strings.Contains(stderr, "0 changed, 5 unchanged") {
		t.Errorf("reanalyze: %v\n%s", err, stderr)
	}
	// A knowledge-base file that makes "Kunar" an armed group (for the
	// test's sake) changes every analysis, once.
	kbFile := filepath.Join(dir, "mine.kb")
	write(t, dir, map[string]string{"mine.kb": "[kunar-front]\nname = Kunar Front\ntype = organization\nsubtype = armed_group\naliases = Kunar\n"})
	_, stderr, err = run(t, "", "reanalyze", "--db", db, "--kb", kbFile)
	if err != nil || !strings.Contains(stderr, "5 changed, 0 unchanged") {
		t.Errorf("reanalyze with a new KB: %v\n%s", err, stderr)
	}
	_, stderr, err = run(t, "", "reanalyze", "--db", db, "--kb", kbFile)
	if err != nil || !strings.Contains(stderr, "0 changed, 5 unchanged") {
		t.Errorf("reanalyze again: %v\n%s", err, stderr)
	}
}

func TestStoreCommandErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	for _, args := range [][]string{
		{"search", "--db", missing, "x"},
		{"entity", "--db", missing, "x"},
		{"quotes", "--db", missing},
		{"reanalyze", "--db", missing},
	} {
		_, _, err := run(t, "", args...)
		if err == nil || !strings.Contains(err.Error(), "no store at") || !strings.Contains(err.Error(), "sitrep ingest") {
			t.Errorf("%v: %v, want a missing-store error", args, err)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created the store", args)
		}
	}
	bad := filepath.Join(dir, "bad.db")
	write(t, dir, map[string]string{"bad.db": strings.Repeat("not a database at all\n", 400)})
	_, _, err := run(t, "", "search", "--db", bad, "x")
	if err == nil || !strings.Contains(err.Error(), "not a database") {
		t.Errorf("search on a corrupt store: %v", err)
	}
	for _, args := range [][]string{
		{"search", "--db", bad, "--format", "xml"},
		{"search", "--db", bad, "--since", "June"},
		{"ingest", "--db", bad},
		{"quotes", "--db", bad, "stray"},
		{"entity", "--db", bad},
	} {
		if _, _, err := run(t, "", args...); exitCode(err) != 2 {
			t.Errorf("%v: %v (exit %d), want a usage error", args, err, exitCode(err))
		}
	}
}

func TestDefaultDBPath(t *testing.T) {
	t.Setenv("SITREP_DB", "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if p, _ := defaultDBPath(); p != "/data/sitrep/sitrep.db" {
		t.Errorf("with XDG_DATA_HOME: %s", p)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/analyst")
	if p, _ := defaultDBPath(); p != "/home/analyst/.local/share/sitrep/sitrep.db" {
		t.Errorf("without XDG_DATA_HOME: %s", p)
	}
	t.Setenv("SITREP_DB", "/tmp/x.db")
	if p, _ := defaultDBPath(); p != "/tmp/x.db" {
		t.Errorf("with SITREP_DB: %s", p)
	}
}

// TestIngestCrash kills an ingest with SIGKILL half way, in a child
// process, and checks that the store holds whole documents only and that
// the same ingest run again stores the rest, each document once.
func TestIngestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	const n = 150
	in := writeStories(t, filepath.Join(dir, "in"), n)
	cmd := exec.Command(exe, "ingest", "--db", db, "--batch", "7", "--workers", "1", in)
	cmd.Env = append(os.Environ(), "SITREP_TEST_MAIN=1", "GOMAXPROCS=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Kill it once it has stored some documents.
	deadline := time.Now().Add(30 * time.Second)
	killed := false
	for !killed && time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Logf("the ingest ended (%v) before it could be killed; checking the resume only", err)
			deadline = time.Now()
			continue
		case <-time.After(10 * time.Millisecond):
		}
		if stored := countRows(t, db, "documents"); stored >= 20 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			<-exited
			killed = true
		}
	}
	checkWhole(t, db)
	before := countRows(t, db, "documents")
	if killed && before >= n {
		t.Errorf("killed after all %d documents were stored", n)
	}
	t.Logf("killed: %v, with %d of %d documents stored", killed, before, n)

	_, stderr, err := run(t, "", "ingest", "--db", db, in)
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stderr)
	}
	read, fresh, unchanged := summaryCounts(t, stderr)
	if read != n || fresh != n-before || unchanged != before {
		t.Errorf("resume: read %d, new %d, unchanged %d; want %d, %d, %d", read, fresh, unchanged, n, n-before, before)
	}
	if got := countRows(t, db, "documents"); got != n {
		t.Errorf("%d documents after the resume, want %d", got, n)
	}
	checkWhole(t, db)
}

// countRows counts the rows of a table of the store at path (0 before
// the store exists).
func countRows(t *testing.T, path, table string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0
		}
		t.Fatal(err)
	}
	return n
}

// checkWhole checks that the store is sound and that every document has
// all its rows: as many quotes, claims, mentions and inputs as its
// analysis says.
func checkWhole(t *testing.T, path string) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity check: %s %v", ok, err)
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := conn.Query(`SELECT id, quotes, claims,
		(SELECT count(*) FROM quotes q WHERE q.doc = d.n), (SELECT count(*) FROM claims c WHERE c.doc = d.n),
		(SELECT count(*) FROM mentions m WHERE m.doc = d.n), (SELECT count(*) FROM inputs i WHERE i.doc = d.n)
		FROM documents d`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var nq, nc, rq, rc, rm, ri int
		if err := rows.Scan(&id, &nq, &nc, &rq, &rc, &rm, &ri); err != nil {
			t.Fatal(err)
		}
		d, err := s.Document(context.Background(), id)
		if err != nil {
			t.Fatalf("document %s: %v", id, err)
		}
		mentions := 0
		for _, e := range d.Entities {
			mentions += len(e.Mentions)
		}
		if rq != len(d.Quotes) || rc != len(d.Claims) || nq != rq || nc != rc || rm != mentions || ri != 1 || mentions == 0 || rq == 0 {
			t.Errorf("document %s is not whole: %d/%d quotes, %d/%d claims, %d/%d mentions, %d inputs", id, rq, len(d.Quotes), rc, len(d.Claims), rm, mentions, ri)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var orphans int
	if err := conn.QueryRow(`SELECT (SELECT count(*) FROM inputs WHERE doc NOT IN (SELECT n FROM documents))
		+ (SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT n FROM documents))
		+ (SELECT count(*) FROM quotes WHERE doc NOT IN (SELECT n FROM documents))`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("%d rows of no document (%v)", orphans, err)
	}
}
