package ui_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
	"github.com/sitrep-project/sitrep/ui"
)

// payload is hostile markup put in every text field of the hostile
// document; none of it may reach a page unescaped.
const payload = `<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">`

// hostile returns a document whose every field carries markup, with a
// 10,000-character word, and spans around the markup.
func hostile() sitrep.Analysed {
	long := strings.Repeat("W", 10000)
	text := "The group " + payload + " attacked Quetta.\n\n" + long + " said the spokesman of " + payload + "."
	at := strings.Index(text, payload)
	second := strings.LastIndex(text, payload)
	quetta := strings.Index(text, "Quetta")
	killed := 2
	d := &sitrep.Document{
		ID: "hostile" + payload, Source: "hostile.txt" + payload, Format: sitrep.FormatText, URL: "javascript:alert(3)",
		Title: "Hostile " + payload, Authors: []string{payload}, Outlet: "Outlet" + payload, Dateline: payload,
		Published: sitrep.Date{Year: 2024, Month: 8, Day: 1}, Text: text,
		Removed:   []sitrep.Removed{{Text: payload, Reason: "widget" + payload}},
		Sentences: []sitrep.Span{{Start: 0, End: quetta + 7}},
		Entities: []sitrep.Entity{
			{ID: "auto:organization:" + payload, Name: "Group" + payload, Type: "organization" + payload, Subtype: payload,
				Mentions: []sitrep.EntityMention{{Start: at, End: at + len(payload), Text: payload, Via: payload}, {Start: second, End: second + len(payload), Text: payload}}},
			{ID: "auto:location:quetta", Name: "Quetta", Type: "location", Mentions: []sitrep.EntityMention{{Start: quetta, End: quetta + 6, Text: "Quetta"}}},
		},
		Quotes: []sitrep.Quote{{Speaker: sitrep.Speaker{Actor: sitrep.Actor{Name: payload}, Text: payload, Kind: "named", Role: payload},
			Text: long, Cue: "said" + payload, Start: strings.Index(text, long), End: strings.Index(text, long) + len(long), Date: "2024-08-01", DateBasis: "published"}},
		Claims: []sitrep.Claim{{Subject: sitrep.Actor{Name: payload, Entity: "auto:organization:" + payload}, Predicate: "presence",
			Object: sitrep.Actor{Name: "Quetta", Entity: "auto:location:quetta"}, Polarity: "deny", Speaker: sitrep.Actor{Name: payload},
			Date: "2024-08-01", DateBasis: "published", Quote: -1, Start: 0, End: quetta + 7}},
		Incidents: []sitrep.Incident{{Type: sitrep.IncidentArmedAttack, Cue: "attacked", CueStart: quetta - 9, CueEnd: quetta - 1,
			Place: &sitrep.IncidentPlace{Name: "Quetta" + payload, Entity: "auto:location:quetta", Country: "Pakistan", Lat: 30.18, Lon: 66.99, Text: "Quetta", Start: quetta, End: quetta + 6},
			Date:  "2024-07-31", DatePrecision: "day", Killed: &sitrep.Figure{Min: 2, Estimate: killed, Text: payload},
			Perpetrators: []sitrep.Perpetrator{{Actor: sitrep.Actor{Name: payload, Entity: "auto:organization:" + payload}, Basis: "claimed"}},
			Targets:      []sitrep.Actor{{Name: payload}},
			Start:        0, End: quetta + 7}},
		Dates: []sitrep.DateMention{{Start: 1, End: 20, Text: payload, Value: payload, Precision: "day"}, {Start: -5, End: 1 << 30}},
	}
	d.Normalize()
	in := &sitrep.Input{Source: d.Source, Format: d.Format, Body: d.Text, Title: d.Title, Outlet: d.Outlet, Published: d.Published}
	return sitrep.Analysed{Input: in, Key: in.Key(), Document: d}
}

// newServer serves a UI over a temporary store holding the conformance
// corpus and the hostile document.
func newServer(t *testing.T) (*httptest.Server, []sitrep.Analysed) {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "ui.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	corpus := append(storetest.Corpus(), hostile())
	storetest.MustPut(t, s, corpus)
	u, err := ui.New(ui.Config{Store: s, Logger: slog.New(slog.NewTextHandler(t.Output(), nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(u)
	t.Cleanup(srv.Close)
	return srv, corpus
}

func get(t *testing.T, srv *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(b)
}

var scriptTag = regexp.MustCompile(`(?i)<script`)

func TestRoutes(t *testing.T) {
	srv, corpus := newServer(t)
	bombing, hostileDoc := corpus[0].Document, corpus[3].Document
	tests := []struct {
		Name   string
		Path   string
		Status int
		Want   []string // must appear in the body
	}{
		{"Dashboard", "/", 200, []string{"Dashboard", "4</b> documents", "Recent incidents", "Most active actors", "Tehrik-i-Taliban Pakistan"}},
		{"Search", "/search?q=suicide", 200, []string{"<mark>", "1 document", bombing.Title}},
		{"SearchEmpty", "/search", 200, []string{"4 documents"}},
		{"SearchFacets", "/search?type=suicide_bombing&quote=1", 200, []string{"Incident type", "suicide bombing"}},
		{"SearchEntity", "/search?entity=TTP", 200, []string{"Tehrik-i-Taliban Pakistan", "2 documents"}},
		{"SearchUnknownEntity", "/search?entity=nobody-at-all", 200, []string{"No stored entity"}},
		{"SearchBadDate", "/search?since=yesterday", 400, []string{"YYYY-MM-DD"}},
		{"SearchBadQuery", "/search?q=%22open", 400, []string{"not closed"}},
		{"SearchBadPage", "/search?page=-1", 400, []string{"not a page number"}},
		{"Document", "/documents/" + url.PathEscape(bombing.ID), 200, []string{bombing.Title, `class="a k-incident"`, `id="s`, "Removed from the input", "<details"}},
		{"DocumentHostile", "/documents/" + url.PathEscape(hostileDoc.ID), 200, []string{"Hostile &lt;script&gt;"}},
		{"DocumentUnknown", "/documents/no-such-document", 404, []string{"404"}},
		{"Entity", "/entities/kb:ttp", 200, []string{"Tehrik-i-Taliban Pakistan", "Timeline", "Claims stance table", "Quotes by"}},
		{"EntityByName", "/entities/TTP", 200, []string{"Tehrik-i-Taliban Pakistan"}},
		{"EntityHostile", "/entities/" + url.PathEscape("auto:organization:"+payload), 200, []string{"Group&lt;script&gt;"}},
		{"EntityUnknown", "/entities/kb:nobody", 404, []string{"404"}},
		{"Incidents", "/incidents", 200, []string{"<svg class=\"map\"", "Natural Earth", "Peshawar", "<circle", "suicide bombing"}},
		{"IncidentsByActor", "/incidents?name=TTP", 200, []string{"Peshawar"}},
		{"IncidentsBadType", "/incidents?type=picnic", 400, []string{"Unknown incident type"}},
		{"Claims", "/claims", 200, []string{"Claims matrix", "presence", "✗"}},
		{"ClaimsContested", "/claims?contested=1", 200, []string{"Claims matrix"}},
		{"ClaimsBadPredicate", "/claims?predicate=x", 400, []string{"Unknown claim predicate"}},
		{"Contradictions", "/contradictions", 200, []string{"Contradictions"}},
		{"ContradictionsBadKind", "/contradictions?kind=x", 400, []string{"Unknown contradiction kind"}},
		{"UnknownPath", "/no/such/page", 404, []string{"No page at"}},
		{"UnknownAsset", "/static/style.css", 404, nil},
		{"PostRefused", "", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.Name, func(t *testing.T) {
			if tt.Path == "" {
				res, err := srv.Client().Post(srv.URL+"/search", "text/plain", strings.NewReader("x"))
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != http.StatusMethodNotAllowed {
					t.Errorf("POST /search: got %d, want 405", res.StatusCode)
				}
				return
			}
			status, h, body := get(t, srv, tt.Path)
			if status != tt.Status {
				t.Fatalf("GET %s: got status %d, want %d\n%s", tt.Path, status, tt.Status, clip(body))
			}
			for _, w := range tt.Want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: no %q in the page\n%s", tt.Path, w, clip(body))
				}
			}
			if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				if n := len(scriptTag.FindAllString(body, -1)); n != 1 {
					t.Errorf("GET %s: %d <script tags, want only the page's own", tt.Path, n)
				}
				for _, bad := range []string{`onerror="alert`, `href="javascript:`, "<img"} {
					if strings.Contains(body, bad) {
						t.Errorf("GET %s: unescaped %q in the page", tt.Path, bad)
					}
				}
				if h.Get("Content-Security-Policy") == "" {
					t.Errorf("GET %s: no Content-Security-Policy", tt.Path)
				}
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// TestHostileArticle checks the article page of the hostile document in
// detail: the markup is escaped, the long word can wrap, the spans out of
// the text are left out.
func TestHostileArticle(t *testing.T) {
	srv, corpus := newServer(t)
	d := corpus[3].Document
	_, _, body := get(t, srv, "/documents/"+url.PathEscape(d.ID))
	if !strings.Contains(body, strings.Repeat("W", 10000)) {
		t.Error("the 10,000-character word is not on the page")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("the script in the text is not shown escaped")
	}
	// The stylesheet lets long words wrap in the text and the lists.
	css := regexp.MustCompile(`href="(/static/style\.[0-9a-f]+\.css)"`).FindStringSubmatch(body)
	if css == nil {
		t.Fatal("no hashed stylesheet link")
	}
	status, h, sheet := get(t, srv, css[1])
	if status != 200 || !strings.Contains(h.Get("Cache-Control"), "immutable") || !strings.HasPrefix(h.Get("Content-Type"), "text/css") {
		t.Errorf("GET %s: %d %q %q", css[1], status, h.Get("Cache-Control"), h.Get("Content-Type"))
	}
	if !strings.Contains(sheet, "overflow-wrap: anywhere") {
		t.Error("the stylesheet does not wrap long words")
	}
	js := regexp.MustCompile(`src="(/static/app\.[0-9a-f]+\.js)"`).FindStringSubmatch(body)
	if js == nil {
		t.Fatal("no hashed script")
	}
	if status, _, _ := get(t, srv, js[1]); status != 200 {
		t.Errorf("GET %s: %d", js[1], status)
	}
}

// TestMounted checks the UI answers under another mux at "/", beside
// routes it does not own.
func TestMounted(t *testing.T) {
	srv, _ := newServer(t)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	mux.Handle("/", srv.Config.Handler)
	outer := httptest.NewServer(mux)
	defer outer.Close()
	for path, want := range map[string]string{"/healthz": "ok", "/": "Dashboard", "/incidents": "Natural Earth"} {
		res, err := outer.Client().Get(outer.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %d, no %q", path, res.StatusCode, want)
		}
	}
}

func TestNewNeedsStore(t *testing.T) {
	if _, err := ui.New(ui.Config{}); sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Errorf("New without a store: got %v, want EINVALID", err)
	}
}

// BenchmarkPages measures each page's handler over the test store.
func BenchmarkPages(b *testing.B) {
	s, err := sqlite.Open(b.Context(), filepath.Join(b.TempDir(), "ui.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	corpus := append(storetest.Corpus(), hostile())
	storetest.MustPut(b, s, corpus)
	u, err := ui.New(ui.Config{Store: s})
	if err != nil {
		b.Fatal(err)
	}
	pages := []struct{ name, path string }{
		{"Dashboard", "/"}, {"Search", "/search?q=attack"}, {"Document", "/documents/" + url.PathEscape(corpus[0].Document.ID)},
		{"Entity", "/entities/kb:ttp"}, {"Incidents", "/incidents"}, {"Claims", "/claims"}, {"Contradictions", "/contradictions"},
	}
	for _, p := range pages {
		path := p.path
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				u.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
				if w.Code != 200 {
					b.Fatalf("GET %s: %d", path, w.Code)
				}
			}
		})
	}
}
