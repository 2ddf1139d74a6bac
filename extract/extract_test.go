package extract_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/eval"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/webpage"
)

func readFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// checkDoc checks the invariants of every analysed document: valid UTF-8,
// sentences ordered and within the text, paragraphs one blank line apart,
// every list present.
func checkDoc(t testing.TB, d *sitrep.Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not valid UTF-8: %q", d.Text)
	}
	if strings.TrimSpace(d.Text) == "" {
		t.Fatalf("empty text without an error")
	}
	if d.ID != extract.ContentID(d.Text) {
		t.Errorf("id %s is not the content id of the text", d.ID)
	}
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(d.Text) {
			t.Fatalf("sentence %d [%d,%d) out of order or out of text (len %d, previous end %d)", i, s.Start, s.End, len(d.Text), prev)
		}
		prev = s.End
	}
	if d.Authors == nil || d.Removed == nil || d.Sentences == nil || d.Entities == nil || d.Quotes == nil || d.Incidents == nil || d.Claims == nil {
		t.Errorf("a list is nil (would encode as null)")
	}
	for _, a := range d.Authors {
		if !utf8.ValidString(a) || strings.TrimSpace(a) != a || a == "" {
			t.Errorf("bad author %q", a)
		}
	}
	for _, s := range []string{d.Title, d.Outlet, d.Dateline} {
		if !utf8.ValidString(s) {
			t.Errorf("metadata not valid UTF-8: %q", s)
		}
	}
}

func paragraphs(text string) []string { return strings.Split(text, "\n\n") }

func TestAnalyzeText(t *testing.T) {
	a := extract.NewAnalyzer()
	d, err := a.Analyze(context.Background(), extract.Source{Name: "x.txt", Format: sitrep.FormatText, Body: readFile(t, "scraped_article.txt")})
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Source != "x.txt" || d.Format != sitrep.FormatText {
		t.Errorf("source %q format %q", d.Source, d.Format)
	}
	if d.Title != "Suicide bomber strikes market in northwest, killing nine" {
		t.Errorf("title %q", d.Title)
	}
	if strings.Join(d.Authors, "; ") != "Sara Khan; Omar Aziz" {
		t.Errorf("authors %q", d.Authors)
	}
	if d.Published.String() != "2024-06-25" {
		t.Errorf("published %q, want the stated 2024-06-25", d.Published)
	}
	if d.Dateline != "PESHAWAR, Pakistan" {
		t.Errorf("dateline %q", d.Dateline)
	}
	ps := paragraphs(d.Text)
	if !strings.HasPrefix(ps[0], "A suicide bomber blew himself up") {
		t.Errorf("first paragraph %q", ps[0])
	}
	if len(ps) < 12 || len(ps) > 14 {
		t.Errorf("%d paragraphs, want 13 (give or take the reporting credit line)", len(ps))
	}
	for _, junk := range []string{"Share on", "Related Stories", "Leave a Comment", "Copyright", "Subscribe", "Skip to main"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	if len(d.Sentences) < 20 {
		t.Errorf("%d sentences", len(d.Sentences))
	}
}

func TestAnalyzePublishedPrecedence(t *testing.T) {
	body := "Gunmen attacked a police checkpoint late on Tuesday, killing four officers, officials said.\n\nNo group claimed the attack."
	given := sitrep.Date{Year: 2024, Month: time.June, Day: 26}
	a := extract.NewAnalyzer()
	d, err := a.Analyze(context.Background(), extract.Source{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Published.IsZero() {
		t.Errorf("published %v for a text that states no date: dates are never guessed", d.Published)
	}
	if d.Format != sitrep.FormatText {
		t.Errorf("format %q, want text by default", d.Format)
	}
	a.Published = given
	if d, err = a.Analyze(context.Background(), extract.Source{Body: body}); err != nil || d.Published != given {
		t.Errorf("Analyzer.Published not used: %v %v", d.Published, err)
	}
	// A date the input states wins over the one given.
	own := sitrep.Date{Year: 2023, Month: time.January, Day: 2}
	if d, err = a.Analyze(context.Background(), extract.Source{Body: body, Published: own}); err != nil || d.Published != own {
		t.Errorf("the source's own date lost: %v %v", d.Published, err)
	}
	if d, err = a.Analyze(context.Background(), extract.Source{Body: "Published June 25, 2024\n\n" + body}); err != nil || d.Published.String() != "2024-06-25" {
		t.Errorf("the text's own date lost: %v %v", d.Published, err)
	}
}

func TestAnalyzeHTML(t *testing.T) {
	a := extract.NewAnalyzer()
	d, err := a.Analyze(context.Background(), extract.Source{Name: "page.html", Format: sitrep.FormatHTML, Body: readFile(t, "article.html")})
	if err != nil {
		t.Fatal(err)
	}
	checkDoc(t, d)
	if d.Format != sitrep.FormatHTML {
		t.Errorf("format %q", d.Format)
	}
	if d.Title != "Police post attacked in Nangarhar" {
		t.Errorf("title %q, want og:title", d.Title)
	}
	if strings.Join(d.Authors, ";") != "Jane Doe" {
		t.Errorf("authors %q", d.Authors)
	}
	if d.Published.String() != "2024-06-25" {
		t.Errorf("published %q, want 2024-06-25 from article:published_time", d.Published)
	}
	if d.Outlet != "Frontier Daily" {
		t.Errorf("outlet %q", d.Outlet)
	}
	want := []string{
		"Gunmen attacked a police checkpoint in the eastern province of Nangarhar late on Tuesday, killing four officers and wounding two others, provincial officials said.",
		"The attack began shortly before midnight when a group of armed men opened fire from a nearby orchard, a spokesman for the provincial governor told reporters. Security forces returned fire and the fighting lasted for about an hour.",
		"Rising violence",
		"No group immediately claimed responsibility for the attack. The district has seen several similar raids in recent months, and local elders have called for more patrols along the main road.",
		"Four police officers were killed in the attack.",
		"Two officers were taken to hospital in Jalalabad.",
		"Officials said an investigation had been opened and that reinforcements had been sent to the district from the provincial capital.",
	}
	if got := paragraphs(d.Text); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%q\nwant:\n%q", got, want)
	}
	for _, junk := range []string{"Home", "Sport", "Copyright", "Privacy", "analytics", "font-family", "By Jane Doe"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
}

// TestAnalyzeHTMLNoDate checks that a page whose metadata states no date
// gets none, even with dates in its running text and footer.
func TestAnalyzeHTMLNoDate(t *testing.T) {
	page := strings.NewReplacer(
		`<meta property="article:published_time" content="2024-06-25T08:30:00Z">`, "",
		"<p>Officials said", "<p>On 12 March 2021, officials said",
		"Copyright 2024", "© 2023",
	).Replace(readFile(t, "article.html"))
	d, err := extract.NewAnalyzer().Analyze(context.Background(), extract.Source{Format: sitrep.FormatHTML, Body: page})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Published.IsZero() {
		t.Errorf("published %v, want none: the page states no publication date", d.Published)
	}
}

// TestAnalyzeHTMLDecoded checks that a page already decoded to UTF-8 (as
// package ingest hands it over) is not decoded a second time because of
// the charset its <meta> declares.
func TestAnalyzeHTMLDecoded(t *testing.T) {
	page := strings.Replace(readFile(t, "article.html"), `<meta charset="utf-8">`, `<meta charset="windows-1252">`, 1)
	page = strings.Replace(page, "Gunmen attacked", "Gunmen — some of them on motorbikes — attacked", 1)
	d, err := extract.NewAnalyzer().Analyze(context.Background(), extract.Source{Format: sitrep.FormatHTML, Body: page})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "Gunmen — some of them on motorbikes — attacked") {
		t.Errorf("text garbled: %q", paragraphs(d.Text)[0])
	}
}

func TestAnalyzeErrors(t *testing.T) {
	a := extract.NewAnalyzer()
	ctx := context.Background()
	for _, src := range []extract.Source{
		{Format: sitrep.FormatText, Body: ""},
		{Format: sitrep.FormatText, Body: " \n\n\t \n"},
		{Format: sitrep.FormatHTML, Body: ""},
		{Format: sitrep.FormatHTML, Body: "<html><head><title>x</title></head><body></body></html>"},
		{Format: sitrep.FormatHTML, Body: "<html><body><script>var a = 'Gunmen attacked a checkpoint on Tuesday, officials said.';</script><style>p { color: red }</style></body></html>"},
	} {
		d, err := a.Analyze(ctx, src)
		if !errors.Is(err, extract.ErrNoText) || d != nil {
			t.Errorf("%s %q: got %v, %v; want ErrNoText", src.Format, src.Body, d, err)
		}
		if sitrep.ErrorCode(err) != sitrep.EEMPTY {
			t.Errorf("%q: error code %q, want %q", src.Body, sitrep.ErrorCode(err), sitrep.EEMPTY)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.Analyze(cancelled, extract.Source{Body: "Gunmen attacked a police checkpoint late on Tuesday, officials said."}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: %v", err)
	}
}

type failStage struct{}

func (failStage) Name() string { return "fail" }
func (failStage) Process(context.Context, *sitrep.Document) error {
	return errors.New("boom")
}

type countStage struct{ n *int }

func (countStage) Name() string { return "count" }
func (s countStage) Process(_ context.Context, d *sitrep.Document) error {
	*s.n += len(d.Sentences)
	return nil
}

func TestStages(t *testing.T) {
	n := 0
	a := extract.NewAnalyzer()
	a.Stages = append(a.Stages, countStage{&n})
	src := extract.Source{Body: "Gunmen attacked a checkpoint. Four officers were killed."}
	if _, err := a.Analyze(context.Background(), src); err != nil || n != 2 {
		t.Errorf("stage saw %d sentences (%v), want 2 after the sentence stage", n, err)
	}
	a.Stages = append(a.Stages, failStage{})
	if _, err := a.Analyze(context.Background(), src); err == nil || err.Error() != "fail: boom" {
		t.Errorf("stage error %v, want it named after the stage", err)
	}
	// Clean runs no stage.
	d, err := a.Clean(src)
	if err != nil || d.Sentences != nil {
		t.Errorf("Clean: %v, sentences %v", err, d.Sentences)
	}
}

// Run analyses a document as given: no cleaning, so the caller's text
// (and any span into it) is kept byte for byte.
func TestRun(t *testing.T) {
	n := 0
	a := extract.NewAnalyzer()
	a.Stages = append(a.Stages, countStage{&n})
	text := "Share\nGunmen  attacked a checkpoint.\n\nFour officers were killed, police said."
	doc := &sitrep.Document{Text: text, Published: sitrep.Date{Year: 2024, Month: 3, Day: 5}}
	if err := a.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if doc.Text != text {
		t.Errorf("Run changed the text to %q", doc.Text)
	}
	if doc.ID != extract.ContentID(text) {
		t.Errorf("ID %q, want ContentID of the text", doc.ID)
	}
	if n == 0 || len(doc.Sentences) == 0 || doc.Quotes == nil {
		t.Errorf("stages not run or document not normalised: %d sentences seen, quotes %v", n, doc.Quotes)
	}
	a.Stages = append(a.Stages, failStage{})
	if err := a.Run(context.Background(), &sitrep.Document{Text: text}); err == nil || err.Error() != "fail: boom" {
		t.Errorf("stage error %v, want it named after the stage", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx, &sitrep.Document{Text: text}); err == nil {
		t.Error("Run on a cancelled context: no error")
	}
}

func TestContentID(t *testing.T) {
	base := extract.ContentID("Gunmen attacked a checkpoint.\n\nFour officers were killed.")
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(base) {
		t.Fatalf("id %q, want 32 lower-case hex digits", base)
	}
	for _, same := range []string{
		"Gunmen attacked a checkpoint. Four officers were killed.",
		"  Gunmen   attacked a\tcheckpoint.\r\n\r\n\r\nFour officers were killed.\n",
		"Gunmen\nattacked\na\ncheckpoint.\nFour\nofficers\nwere\nkilled.",
	} {
		if id := extract.ContentID(same); id != base {
			t.Errorf("ContentID(%q) = %s, want %s: white space must not change it", same, id, base)
		}
	}
	seen := map[string]string{base: "base"}
	for _, diff := range []string{
		"Gunmen attacked a checkpoint. Five officers were killed.",
		"gunmen attacked a checkpoint. Four officers were killed.",
		"Gunmen attacked a checkpoint. Four officers were killed",
		"Gunmenattacked a checkpoint. Four officers were killed.",
		"",
	} {
		id := extract.ContentID(diff)
		if prev, dup := seen[id]; dup {
			t.Errorf("ContentID(%q) = ContentID(%q)", diff, prev)
		}
		seen[id] = diff
	}
	// The definition: SHA-256 of the words joined by single spaces.
	for _, text := range []string{"", "   ", "one", " a  b\u00a0c\u2003d\u200be \xff\xfe f\u3000", "\n\nlast\t"} {
		sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
		if got, want := extract.ContentID(text), hex.EncodeToString(sum[:16]); got != want {
			t.Errorf("ContentID(%q) = %s, want %s", text, got, want)
		}
	}
	// Two documents with the same content get the same id from any format.
	a := extract.NewAnalyzer()
	d1, err1 := a.Analyze(context.Background(), extract.Source{Body: "Gunmen attacked a checkpoint.\n\nFour officers were killed."})
	d2, err2 := a.Analyze(context.Background(), extract.Source{Format: sitrep.FormatHTML, Body: "<html><body><article><p>Gunmen attacked a checkpoint.</p><p>Four officers were killed.</p></article></body></html>"})
	if err1 != nil || err2 != nil || d1.ID != d2.ID || d1.ID != base {
		t.Errorf("ids %v %v (%v, %v), want %s", d1, d2, err1, err2, base)
	}
}

// fuzzCheck is the shared invariant of the fuzz tests: Analyze never
// panics, and what it returns is a well-formed document or an error.
func fuzzCheck(t *testing.T, format, body string) {
	d, err := extract.NewAnalyzer().Analyze(context.Background(), extract.Source{Name: "fuzz", Format: format, Body: body})
	if err != nil {
		if d != nil {
			t.Fatalf("both a document and an error: %v", err)
		}
		return
	}
	checkDoc(t, d)
	if _, err := json.Marshal(d); err != nil {
		t.Fatalf("document does not encode: %v", err)
	}
}

func FuzzAnalyzeHTML(f *testing.F) {
	f.Add(readFile(f, "article.html"))
	f.Add("<p>Gunmen attacked a checkpoint.</p><p>Four officers were killed.</p>")
	f.Add("<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article><h1>T</h1><ul><li>One item here.</li><li>Two</li></ul><table><tr><td>a</td><td>b</td></tr></table><br>text<br></article></body></html>")
	f.Add("<html><body>" + strings.Repeat("<div>", 600) + "deep text")
	f.Add(`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-25","author":{"name":"Jane Doe"},"articleBody":"Gunmen attacked a checkpoint on Tuesday, killing four officers, officials said. No group claimed responsibility."}</script>`)
	f.Add("<p>caf\xe9 \xff\xfe</p>")
	f.Add("")
	f.Fuzz(func(t *testing.T, page string) {
		// Analyze is given valid UTF-8, as package ingest delivers it.
		fuzzCheck(t, sitrep.FormatHTML, strings.ToValidUTF8(page, "\uFFFD"))
	})
}

func FuzzAnalyzeText(f *testing.F) {
	f.Add(readFile(f, "scraped_article.txt"))
	f.Add("By Jane Doe\n\nKABUL, Afghanistan\n\nGunmen attacked a checkpoint. Four officers were killed.\n\nShare\nTweet\n")
	f.Add("Title\n\nPublished June 25, 2024\n\n\"Quote,\" he said. Mr. Khan (left) said: \"No.\"\n\n1. One\n2. Two\n")
	f.Add("\u00a0\u200b\ufeff\t\r\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		fuzzCheck(t, sitrep.FormatText, strings.ToValidUTF8(text, "\uFFFD"))
	})
}

// BenchmarkNewAnalyzer times what each new Analyzer builds: the
// knowledge base and its name index. The tagger model and the gazetteer
// are loaded once a process (see the Default benchmarks of packages
// tagger and geo, and BenchmarkStartup of cmd/sitrep).
func BenchmarkNewAnalyzer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.NewAnalyzerKB(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAnalyzeText(b *testing.B) {
	body := readFile(b, "scraped_article.txt")
	a := extract.NewAnalyzer()
	ctx := context.Background()
	src := extract.Source{Name: "bench.txt", Format: sitrep.FormatText, Body: body}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Analyze(ctx, src); err != nil {
			b.Fatal(err)
		}
	}
}

// aeb is the article-extraction benchmark, read in place.
const aeb = "../../shared/datasets/aeb"

// aebPages returns the first n pages of the benchmark, decoded as the
// eval command decodes them.
func aebPages(b *testing.B, n int) []string {
	pages, err := eval.LoadAEB(aeb)
	if err != nil {
		b.Skipf("article-extraction benchmark not found at %s (the shared data sets sit beside the repository): %v", aeb, err)
	}
	var out []string
	for _, p := range pages[:min(n, len(pages))] {
		page, err := eval.ReadAEBPage(aeb, p.ID)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, strings.ToValidUTF8(string(page), "\uFFFD"))
	}
	return out
}

func totalLen(pages []string) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	return n
}

func BenchmarkAnalyzeHTML(b *testing.B) {
	pages := aebPages(b, 10)
	a := extract.NewAnalyzer()
	ctx := context.Background()
	b.SetBytes(totalLen(pages) / int64(len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// A page may have no article text; that is a result too.
		_, _ = a.Analyze(ctx, extract.Source{Format: sitrep.FormatHTML, Body: pages[i%len(pages)]})
		i++
	}
}

func BenchmarkTrafilaturaAlone(b *testing.B) {
	pages := aebPages(b, 10)
	raw := make([][]byte, len(pages))
	for i, p := range pages {
		raw[i] = []byte(p)
	}
	b.SetBytes(totalLen(pages) / int64(len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = webpage.Baseline(raw[i%len(raw)])
		i++
	}
}

// reutersBodies returns the first n non-empty bodies of reut2-000.json,
// skipping the benchmark when the shared data sets are absent.
func reutersBodies(b *testing.B, n int) []string {
	const path = "../../shared/datasets/reuters21578/json-data/reut2-000.json"
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("Reuters-21578 not found at %s (the shared data sets sit beside the repository): %v", path, err)
	}
	var recs []struct {
		Body string `json:"body"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		b.Fatal(err)
	}
	var bodies []string
	for _, r := range recs[:min(n, len(recs))] {
		if r.Body != "" {
			bodies = append(bodies, r.Body)
		}
	}
	return bodies
}

func BenchmarkAnalyzeReuters(b *testing.B) {
	bodies := reutersBodies(b, 1000)
	var size int64
	for _, body := range bodies {
		size += int64(len(body))
	}
	a := extract.NewAnalyzer()
	ctx := context.Background()
	// Tokens as sitrep bench counts them: the words of the clean texts.
	words := 0
	for _, body := range bodies {
		if doc, err := a.Analyze(ctx, extract.Source{Format: sitrep.FormatText, Body: body}); err == nil {
			words += len(strings.Fields(doc.Text))
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, body := range bodies {
			// A body may have no article text left; that is a result too.
			_, _ = a.Analyze(ctx, extract.Source{Format: sitrep.FormatText, Body: body})
		}
	}
	b.ReportMetric(float64(b.N*len(bodies))/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(b.N)*float64(words)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStages times each analysis stage alone over the first 1,000
// Reuters-21578 bodies, cleaned beforehand: the quote and claim stages'
// cost against the entity stage's (issue 4 allows them 25% of it).
func BenchmarkStages(b *testing.B) {
	bodies := reutersBodies(b, 1000)
	a := extract.NewAnalyzer()
	ctx := context.Background()
	var docs []*sitrep.Document
	for _, body := range bodies {
		if doc, err := a.Analyze(ctx, extract.Source{Format: sitrep.FormatText, Body: body}); err == nil {
			docs = append(docs, doc)
		}
	}
	for _, st := range a.Stages {
		b.Run(st.Name(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					_ = st.Process(ctx, d)
				}
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
