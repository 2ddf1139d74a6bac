package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/ingest"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/server"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
	"github.com/sitrep-project/sitrep/worker"
)

// hostileID is the ID of a document whose every field tries to inject
// markup.
const hostileID = "e5000000000000000000000000000005"

var longWord = strings.Repeat("A", 10000)

// hostile returns a document with script tags, attributes and a 10,000
// character word in its title, text, outlet, entity names and quote.
func hostile() sitrep.Analysed {
	text := `<script>alert("text")</script> The TTP said "<img src=x onerror=alert(1)>" in Peshawar. ` + longWord + ` end.`
	quoteStart := strings.Index(text, `"<img`)
	d := &sitrep.Document{
		ID: hostileID, Source: "<svg onload=alert(1)>.txt", Format: sitrep.FormatText,
		Title:     `<script>alert("title")</script>`,
		Outlet:    `<b onmouseover="alert('outlet')">Outlet</b>`,
		URL:       `javascript:alert(1)`,
		Published: sitrep.Date{Year: 2024, Month: 8, Day: 1},
		Text:      text,
		Entities: []sitrep.Entity{{ID: "kb:ttp", Name: "Tehrik-i-Taliban Pakistan", Type: "organization", Subtype: "armed_group",
			Aliases: []string{"<i>TTP</i>"}, Mentions: []sitrep.EntityMention{{Start: 36, End: 39, Text: "TTP"}}}},
		Quotes: []sitrep.Quote{{Speaker: sitrep.Speaker{Actor: sitrep.Actor{Name: "<script>x</script>", Entity: "kb:ttp"}, Text: "<script>x</script>"},
			Text: `<img src=x onerror=alert(1)>`, Start: quoteStart + 1, End: quoteStart + 29}},
	}
	in := &sitrep.Input{Source: d.Source, Format: d.Format, Body: text, Title: d.Title, Outlet: d.Outlet, Published: d.Published}
	return sitrep.Analysed{Input: in, Key: in.Key(), Document: d}
}

var analyzer = sync.OnceValue(func() *extract.Analyzer { return extract.NewAnalyzer() })

// newStore returns a store holding storetest.Corpus() and the hostile
// document.
func newStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	storetest.MustPut(t, db, append(storetest.Corpus(), hostile()))
	return db
}

// ingestFunc is the ingest "sitrep serve" wires: the body read as
// "sitrep ingest" reads JSON, analysed and stored.
func ingestFunc(db sitrep.Store) server.IngestFunc {
	g := &worker.Ingester{Store: db, Analyzer: analyzer()}
	return func(ctx context.Context, body io.Reader) ([]sitrep.InputOutcome, error) {
		r := &ingest.Reader{Stdin: body}
		return g.Each(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
			return r.Walk(ctx, []string{"-"}, func(in ingest.Input) error {
				return emit(&sitrep.Input{Source: in.Source, Format: in.Format, Body: in.Body, Title: in.Title,
					Published: in.Published, Outlet: in.Outlet})
			}, fail)
		})
	}
}

func newServer(t testing.TB, edit func(*server.Config)) *server.Server {
	t.Helper()
	db := newStore(t)
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{Store: db, Connect: connect.Options{Relations: connect.RelationsOfKB(k)}, KB: k}
	if edit != nil {
		edit(&cfg)
	}
	return server.New(cfg)
}

// do sends a request to h and returns the answer.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// checkJSON checks the headers and the safety of a JSON answer and
// decodes it into v (when not nil).
func checkJSON(t *testing.T, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if w.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("no X-Content-Type-Options: nosniff")
	}
	body := w.Body.Bytes()
	if !json.Valid(body) {
		t.Fatalf("invalid JSON: %.300s", body)
	}
	for _, bad := range []string{"<", ">"} {
		if bytes.Contains(body, []byte(bad)) {
			t.Errorf("answer holds a raw %q: %.300s", bad, body[bytes.Index(body, []byte(bad)):])
		}
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRoutes(t *testing.T) {
	s := newServer(t, nil)
	h := s.Handler()
	tests := []struct {
		target string
		want   []string // JSON the answer must hold, HTML unescaped
	}{
		{"/healthz", []string{`"ok"`}},
		{"/api/v1/openapi.json", []string{`"openapi"`}},
		{"/api/v1/stats", []string{`"documents":4`}},
		{"/api/v1/search?q=Peshawar", []string{"Suicide bombing kills 12 in Peshawar"}},
		{"/api/v1/search?q=alert", []string{`<script>alert(\"title\")</script>`}},
		{"/api/v1/search?entity=TTP&since=2024-06&until=2024&has_incident=true&type=suicide_bombing&outlet=dawn", []string{"a1000000000000000000000000000001"}},
		{"/api/v1/search", []string{`"total":4`}},
		{"/api/v1/documents/" + hostileID, []string{longWord, `<b onmouseover=\"alert('outlet')\">Outlet</b>`}},
		{"/api/v1/documents/a1000000000000000000000000000001", []string{`"dateline":"PESHAWAR"`}},
		{"/api/v1/entities?name=TTP", []string{`"id":"kb:ttp"`}},
		{"/api/v1/entities?name=Taliban&type=organization", []string{`"id":"kb:ttp"`}},
		{"/api/v1/entities/kb:ttp", []string{`"claims_by"`, `"name":"Tehrik-i-Taliban Pakistan"`}},
		{"/api/v1/entities/" + url.PathEscape("Tehrik-i-Taliban Pakistan") + "?limit=1&co=2", []string{`"id":"kb:ttp"`}},
		{"/api/v1/quotes?speaker=kb:ttp", []string{`<img src=x onerror=alert(1)>`}},
		{"/api/v1/quotes?q=presence&since=2024", []string{`"quotes":[`}},
		{"/api/v1/incidents", []string{`"type":"suicide_bombing"`, `"killed":{"best":12`}},
		{"/api/v1/incidents?entity=TTP&sort=killed&evidence=true", []string{`"type":"suicide_bombing"`}},
		{"/api/v1/incidents?place=Khyber+Pakhtunkhwa&sort=reports", []string{`"type":"suicide_bombing"`}},
		{"/api/v1/incidents/reports?perpetrator=TTP&evidence=true", []string{`"excerpt":`}},
		{"/api/v1/claims", []string{`"propositions":[`, `"predicate":"responsibility"`}},
		{"/api/v1/claims?subject=TTP&contested=false", []string{`"predicate":"responsibility"`}},
		{"/api/v1/contradictions", []string{`"contradictions":[`}},
		{"/api/v1/contradictions?entity=Pakistan&kind=speakers_disagree", []string{`"contradictions":[`}},
		{"/api/v1/timeline?entity=TTP", []string{`"kind":"incident"`, `"selector":`}},
		{"/api/v1/timeline?entity=Peshawar&order=desc", []string{`"entries":[`}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := do(t, h, "GET", tt.target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			var v any
			checkJSON(t, w, &v)
			plain, _ := json.Marshal(v)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.Encode(v)
			for _, s := range tt.want {
				if !strings.Contains(buf.String(), s) {
					t.Errorf("answer lacks %s: %.600s", s, plain)
				}
			}
		})
	}
	// Every route is tried above, but for POST (TestIngest).
	for _, r := range s.Routes() {
		method, path, _ := strings.Cut(r, " ")
		prefix := strings.Split(path, "{")[0]
		if method == "POST" {
			continue
		}
		if !slices.ContainsFunc(tests, func(tt struct {
			target string
			want   []string
		}) bool {
			p := strings.SplitN(tt.target, "?", 2)[0]
			return p == path || strings.Contains(path, "{") && strings.HasPrefix(p, prefix) && p != strings.TrimSuffix(prefix, "/")
		}) {
			t.Errorf("route %s is not tested", r)
		}
	}
}

func TestErrors(t *testing.T) {
	h := newServer(t, nil).Handler()
	tests := []struct {
		method, target string
		status         int
		code           string
	}{
		{"GET", "/api/v1/search?since=yesterday", 400, "invalid"},
		{"GET", "/api/v1/search?since=2024-07-01&until=2024-06-01", 400, "invalid"},
		{"GET", "/api/v1/search?limit=0", 400, "invalid"},
		{"GET", "/api/v1/search?limit=100000", 400, "invalid"},
		{"GET", "/api/v1/search?type=picnic", 400, "invalid"},
		{"GET", "/api/v1/search?has_quote=maybe", 400, "invalid"},
		{"GET", "/api/v1/search?q=%22unclosed", 400, "invalid"},
		{"GET", "/api/v1/search?cursor=garbage", 400, "invalid"},
		{"GET", "/api/v1/search?entity=Nobody+At+All", 404, "not_found"},
		{"GET", "/api/v1/search?entity=kb:nobody-at-all", 404, "not_found"},
		{"GET", "/api/v1/documents/nope", 404, "not_found"},
		{"GET", "/api/v1/entities", 400, "invalid"},
		{"GET", "/api/v1/entities/nobody-at-all", 404, "not_found"},
		{"GET", "/api/v1/entities/kb:ttp?co=1000", 400, "invalid"},
		{"GET", "/api/v1/quotes?speaker=nobody-at-all", 404, "not_found"},
		{"GET", "/api/v1/incidents?sort=color", 400, "invalid"},
		{"GET", "/api/v1/incidents/reports?target=nobody-at-all", 404, "not_found"},
		{"GET", "/api/v1/contradictions?kind=rumour", 400, "invalid"},
		{"GET", "/api/v1/timeline", 400, "invalid"},
		{"GET", "/api/v1/timeline?entity=nobody-at-all", 404, "not_found"},
		{"GET", "/api/v1/nothing-here", 404, "not_found"},
		{"GET", "/api/v2/search", 404, "not_found"},
		{"DELETE", "/api/v1/search", 405, "method_not_allowed"},
		{"PUT", "/api/v1/documents/" + hostileID, 405, "method_not_allowed"},
		{"POST", "/api/v1/documents", 405, "method_not_allowed"}, // read-only
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := do(t, h, tt.method, tt.target, strings.NewReader("[]"))
			var e struct {
				Error struct{ Code, Message string }
			}
			checkJSON(t, w, &e)
			if w.Code != tt.status || e.Error.Code != tt.code || e.Error.Message == "" {
				t.Errorf("got %d %+v, want %d %s", w.Code, e.Error, tt.status, tt.code)
			}
			if tt.status == 405 && w.Header().Get("Allow") == "" && tt.method != "POST" {
				t.Errorf("405 without Allow")
			}
		})
	}
	// Outside the API, the page that names it.
	if w := do(t, h, "GET", "/", nil); w.Code != 200 || !strings.Contains(w.Body.String(), "/api/v1/openapi.json") {
		t.Errorf("/: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "GET", "/elsewhere", nil); w.Code != 404 {
		t.Errorf("/elsewhere: %d", w.Code)
	}
}

func TestPagination(t *testing.T) {
	h := newServer(t, nil).Handler()
	var seen []string
	target := "/api/v1/search?limit=1&since=2024"
	for range 10 {
		var page struct {
			Hits       []sitrep.SearchHit
			NextCursor string `json:"next_cursor"`
		}
		w := do(t, h, "GET", target, nil)
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", target, w.Code, w.Body)
		}
		checkJSON(t, w, &page)
		for _, hit := range page.Hits {
			seen = append(seen, hit.Document.ID)
		}
		if page.NextCursor == "" {
			break
		}
		target = "/api/v1/search?limit=1&since=2024&cursor=" + page.NextCursor
		// The cursor goes with its filters only.
		if w := do(t, h, "GET", "/api/v1/search?limit=1&since=2023&cursor="+page.NextCursor, nil); w.Code != 400 {
			t.Errorf("cursor with other filters: %d", w.Code)
		}
		if w := do(t, h, "GET", "/api/v1/quotes?limit=1&since=2024&cursor="+page.NextCursor, nil); w.Code != 400 {
			t.Errorf("cursor on another route: %d", w.Code)
		}
	}
	// Three documents are dated 2024 and later: each once, latest first.
	want := []string{hostileID, "b2000000000000000000000000000002", "a1000000000000000000000000000001"}
	if !slices.Equal(seen, want) {
		t.Errorf("pages gave %v, want %v", seen, want)
	}
	// Merged incidents and lists held whole page the same way.
	w := do(t, h, "GET", "/api/v1/claims?limit=1", nil)
	var claims struct {
		Propositions []json.RawMessage
		NextCursor   string `json:"next_cursor"`
	}
	checkJSON(t, w, &claims)
	if len(claims.Propositions) != 1 || claims.NextCursor == "" {
		t.Fatalf("claims page 1: %s", w.Body)
	}
	w = do(t, h, "GET", "/api/v1/claims?limit=50&cursor="+claims.NextCursor, nil)
	var rest struct{ Propositions []json.RawMessage }
	checkJSON(t, w, &rest)
	if len(rest.Propositions) == 0 || string(rest.Propositions[0]) == string(claims.Propositions[0]) {
		t.Errorf("claims page 2: %s", w.Body)
	}
}

func TestAuth(t *testing.T) {
	const token = "s3cret-token"
	var logs bytes.Buffer
	h := newServer(t, func(c *server.Config) {
		c.Token = token
		c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
	}).Handler()
	if w := do(t, h, "GET", "/healthz", nil); w.Code != 200 {
		t.Errorf("healthz without token: %d", w.Code)
	}
	for _, tt := range []struct {
		name   string
		target string
		header []string
		status int
	}{
		{"no token", "/api/v1/stats", nil, 401},
		{"bearer", "/api/v1/stats", []string{"Authorization", "Bearer " + token}, 200},
		{"wrong bearer", "/api/v1/stats", []string{"Authorization", "Bearer nope"}, 401},
		{"basic", "/api/v1/stats", []string{"Authorization", "Basic " + token}, 401},
		{"wrong cookie", "/api/v1/stats", []string{"Cookie", "sitrep_session=" + token}, 401},
		{"openapi", "/api/v1/openapi.json", nil, 401},
	} {
		w := do(t, h, "GET", tt.target, nil, tt.header...)
		if w.Code != tt.status {
			t.Errorf("%s: %d, want %d", tt.name, w.Code, tt.status)
		}
		if tt.status == 401 {
			var e struct{ Error struct{ Code string } }
			checkJSON(t, w, &e)
			if e.Error.Code != "unauthorized" || w.Header().Get("WWW-Authenticate") == "" {
				t.Errorf("%s: %s %v", tt.name, w.Body, w.Header())
			}
		}
	}
	// A browser: the UI asks for the token; ?token= sets the cookie and
	// leads to the same address without it.
	w := do(t, h, "GET", "/", nil)
	if w.Code != 401 || !strings.Contains(w.Header().Get("Content-Type"), "text/html") || !strings.Contains(w.Body.String(), `name="token"`) {
		t.Errorf("UI without token: %d %s", w.Code, w.Body)
	}
	if w := do(t, h, "GET", "/?token=wrong", nil); w.Code != 401 {
		t.Errorf("wrong ?token=: %d", w.Code)
	}
	w = do(t, h, "GET", "/api/v1/search?q=Peshawar&token="+token, nil)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/api/v1/search?q=Peshawar" {
		t.Fatalf("?token=: %d %v", w.Code, w.Header())
	}
	if w := do(t, h, "GET", "//evil.example/x?token="+token, nil); w.Header().Get("Location") != "/evil.example/x" {
		t.Errorf("?token= on //host: Location %q", w.Header().Get("Location"))
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || strings.Contains(cookies[0].Value, token) {
		t.Fatalf("cookie %+v", cookies)
	}
	if w := do(t, h, "GET", "/api/v1/stats", nil, "Cookie", cookies[0].Name+"="+cookies[0].Value); w.Code != 200 {
		t.Errorf("with the cookie: %d", w.Code)
	}
	if strings.Contains(logs.String(), token) {
		t.Errorf("the token is in the log: %s", logs.String())
	}
	// The access log has a line per request with its fields.
	line, _, _ := strings.Cut(logs.String(), "\n")
	var entry map[string]any
	if err := json.Unmarshal([]byte(line), &entry); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"method", "path", "status", "bytes", "duration_ms", "remote"} {
		if _, ok := entry[k]; !ok {
			t.Errorf("access log lacks %s: %s", k, line)
		}
	}
}

func TestIngest(t *testing.T) {
	var s *server.Server
	s = newServer(t, func(c *server.Config) {
		c.Ingest = ingestFunc(c.Store)
		c.MaxBodyBytes = 64 << 10
	})
	h := s.Handler()
	body := `{"title": "<script>alert(1)</script> Attack in Quetta", "published": "2024-09-02", "outlet": "Dawn",` +
		` "text": "QUETTA: Gunmen killed four policemen in Quetta on Monday, officials said. The Balochistan Liberation Army claimed the attack."}
{"title": "empty", "text": "   "}
{not json
[1, 2]
`
	var a struct {
		Counts    map[string]int
		Documents []sitrep.InputOutcome
	}
	w := do(t, h, "POST", "/api/v1/documents", strings.NewReader(body), "Content-Type", "application/x-ndjson")
	if w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	checkJSON(t, w, &a)
	if len(a.Documents) != 4 {
		t.Fatalf("outcomes: %+v", a.Documents)
	}
	if o := a.Documents[0]; o.Status != "new" || o.Document == "" || o.Source != "-:1" {
		t.Errorf("first: %+v", o)
	}
	for i, want := range []string{"empty", "invalid", "invalid"} {
		if o := a.Documents[i+1]; o.Status != "skipped" || o.Reason != want || o.Message == "" {
			t.Errorf("record %d: %+v, want skipped %s", i+2, o, want)
		}
	}
	if a.Counts["new"] != 1 || a.Counts["skipped"] != 3 {
		t.Errorf("counts %v", a.Counts)
	}
	id := a.Documents[0].Document
	// The document is stored and found; its title is escaped in JSON.
	w = do(t, h, "GET", "/api/v1/documents/"+id, nil)
	checkJSON(t, w, nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `\u003cscript\u003e`) {
		t.Errorf("posted document: %d %.300s", w.Code, w.Body)
	}
	// The same again is unchanged; a JSON array works too.
	w = do(t, h, "POST", "/api/v1/documents", strings.NewReader("["+strings.SplitN(body, "\n", 2)[0]+"]"))
	checkJSON(t, w, &a)
	if len(a.Documents) != 1 || a.Documents[0].Status != "unchanged" {
		t.Errorf("again: %s", w.Body)
	}
	// Too large: 413, nothing stored.
	big := `{"text": "` + strings.Repeat("word ", 20000) + `"}`
	w = do(t, h, "POST", "/api/v1/documents", strings.NewReader(big))
	var e struct{ Error struct{ Code string } }
	checkJSON(t, w, &e)
	if w.Code != 413 || e.Error.Code != "too_large" {
		t.Errorf("too large: %d %s", w.Code, w.Body)
	}
	req := httptest.NewRequest("POST", "/api/v1/documents", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Errorf("too large, no Content-Length: %d %s", rec.Code, rec.Body)
	}
	w = do(t, h, "POST", "/api/v1/documents", strings.NewReader("  "))
	if w.Code != 400 {
		t.Errorf("empty body: %d", w.Code)
	}
	w = do(t, h, "GET", "/api/v1/stats", nil)
	var st sitrep.StoreStats
	checkJSON(t, w, &st)
	if st.Documents != 5 {
		t.Errorf("stored %d documents, want 5", st.Documents)
	}
}

func TestOpenAPI(t *testing.T) {
	s := newServer(t, nil)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	w := do(t, s.Handler(), "GET", "/api/v1/openapi.json", nil)
	checkJSON(t, w, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	routes := s.Routes()
	slices.Sort(described)
	slices.Sort(routes)
	for _, r := range routes {
		if !slices.Contains(described, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range described {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json describes %s, which the server does not answer", d)
		}
	}
	// The incident types it lists are the store's.
	b, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(sitrep.IncidentTypes)
	if !bytes.Contains(compact(t, b), want) {
		t.Errorf("openapi.json does not list the incident types %s", want)
	}
}

func compact(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestServeShutdown(t *testing.T) {
	s := newServer(t, nil)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(l) }()
	resp, err := http.Get(fmt.Sprintf("http://%s/healthz", l.Addr()))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	if err := s.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("Serve after Shutdown: %v", err)
	}
}

func TestUI(t *testing.T) {
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ui:"+r.URL.Path) })
	h := newServer(t, func(c *server.Config) { c.UI = ui }).Handler()
	if w := do(t, h, "GET", "/entities/kb:ttp", nil); w.Body.String() != "ui:/entities/kb:ttp" {
		t.Errorf("UI not mounted: %s", w.Body)
	}
	if w := do(t, h, "GET", "/api/v1/nope", nil); w.Code != 404 || !json.Valid(w.Body.Bytes()) {
		t.Errorf("API 404 under a UI: %d %s", w.Code, w.Body)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:80": false, "nonsense": false,
	} {
		if got := server.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestIngestBodies(t *testing.T) {
	h := newServer(t, func(c *server.Config) { c.Ingest = ingestFunc(c.Store) }).Handler()
	for _, tt := range []struct{ name, body, status, reason string }{
		{"plain text", "PESHAWAR: Militants attacked a police post in Peshawar on Tuesday, killing two officers, police said.", "new", ""},
		{"broken array", `[{"text": "a"`, "skipped", "invalid"},
		{"single record", `{"text": "KABUL: The Taliban said on Sunday they had arrested three men in Kabul."}`, "new", ""},
	} {
		w := do(t, h, "POST", "/api/v1/documents", strings.NewReader(tt.body))
		var a struct{ Documents []sitrep.InputOutcome }
		checkJSON(t, w, &a)
		if w.Code != 200 || len(a.Documents) != 1 || a.Documents[0].Status != tt.status || a.Documents[0].Reason != tt.reason {
			t.Errorf("%s: %d %s", tt.name, w.Code, w.Body)
		}
	}
}
