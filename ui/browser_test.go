package ui_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/sample"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/ui"
	"github.com/sitrep-project/sitrep/worker"
)

// chromium finds the browser: $SITREP_CHROMIUM, else chromium or
// chromium-browser on the PATH.
func chromium() string {
	if p := os.Getenv("SITREP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// sampleServer serves the UI over a temporary store into which the
// built-in sample corpus is ingested.
func sampleServer(t *testing.T) *httptest.Server {
	t.Helper()
	ctx := t.Context()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sample.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	arts, err := sample.Articles()
	if err != nil {
		t.Fatal(err)
	}
	g := worker.Ingester{Store: s, Analyzer: extract.NewAnalyzer(), Report: func(err error) { t.Log(err) }}
	c, err := g.Run(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		for _, a := range arts {
			if err := emit(&sitrep.Input{Source: a.URL, Format: sitrep.FormatText, Body: a.Text, URL: a.URL, Title: a.Title, Outlet: a.Outlet}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.New == 0 {
		t.Fatalf("ingest stored no document: %+v", c)
	}
	u, err := ui.New(ui.Config{Store: s, Logger: slog.New(slog.NewTextHandler(t.Output(), nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(u) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv
}

// TestBrowser drives headless Chromium through the UI over the sample
// corpus: the dashboard, a search, an article, an evidence link from the
// claims matrix, a dossier, the incidents and contradictions pages. It
// saves a PNG of each page to $SITREP_SCREENSHOTS when set. It skips when
// no Chromium is installed (Debian: apt-get install chromium), unless
// $SITREP_REQUIRE_BROWSER is set, as CI sets it.
func TestBrowser(t *testing.T) {
	path := chromium()
	if path == "" && os.Getenv("SITREP_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found and SITREP_REQUIRE_BROWSER is set: install Debian's chromium package, or set SITREP_CHROMIUM")
	}
	if path == "" {
		t.Skip("no Chromium found (install Debian's chromium package, or set SITREP_CHROMIUM): browser test skipped")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	shots := os.Getenv("SITREP_SCREENSHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	srv := sampleServer(t)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	}
	ctx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(ctx, chromedp.WithLogf(t.Logf))
	defer cancelTab()
	// The first run starts the browser; it must not have a deadline, the
	// steps after it have one each.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	step := func(name string) context.Context {
		ctx, cancel := context.WithTimeout(tab, 20*time.Second)
		t.Cleanup(cancel)
		return ctx
	}
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(step(name), actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(name, sel string) string {
		t.Helper()
		s, err := chromedp.Run(step(name), chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: text of %s: %v", name, sel, err)
		}
		return s
	}
	eval := func(name, js string) any {
		t.Helper()
		v, err := chromedp.Run(step(name), chromedp.Evaluate[any](js))
		if err != nil {
			t.Fatalf("%s: %s: %v", name, js, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		if shots == "" {
			return
		}
		png, err := chromedp.Run(step(name), chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	contains := func(name, got, want string) {
		t.Helper()
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q not in %q", name, want, clip(got))
		}
	}
	visible := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.WaitVisible(chromedp.CSS(sel)) }

	do("dashboard", chromedp.Navigate(srv.URL+"/"), visible("section.stats"))
	contains("dashboard", text("dashboard", "section.stats"), "documents")
	shot("01-dashboard")

	do("search",
		chromedp.SendKeys(chromedp.CSS("header .quick input[name=q]"), "Daesh attack"),
		chromedp.Submit(chromedp.CSS("header .quick input[name=q]")),
		visible("ol.hits li.hit"))
	contains("search", text("search", "section.results"), "document")
	if n, _ := eval("search", `document.querySelectorAll(".snippet mark").length`).(float64); n == 0 {
		t.Error("search: no highlighted words in the snippets")
	}
	shot("02-search")

	do("article", chromedp.Click(chromedp.CSS("ol.hits li.hit a.title")), visible("#text"))
	if h1, body := text("article", "article.doc h1"), text("article", "#text"); h1 == "" || len(body) < 100 {
		t.Errorf("article: title %q, %d bytes of text", h1, len(body))
	}
	shot("03-article")
	do("popover", chromedp.Click(chromedp.CSS("#text .a.k-entity")), visible("#pop"))
	contains("popover", strings.ToLower(text("popover", "#pop")), "entity")
	shot("04-popover")

	do("claims matrix", chromedp.Navigate(srv.URL+"/claims"), visible("table.matrix"))
	shot("05-claims")
	do("evidence link", chromedp.Click(chromedp.CSS("table.matrix a.mark")), visible("#text .a.target"))
	url, err := chromedp.Run(step("evidence link"), chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(url, "/documents/") || !strings.Contains(url, "#s") {
		t.Errorf("evidence link: landed on %s, want an article span", url)
	}
	target := text("evidence link", "#text .a.target")
	inView := eval("evidence link", `(function(){var r=document.querySelector("#text .a.target").getBoundingClientRect();return r.bottom>0&&r.top<innerHeight;})()`)
	claim := eval("evidence link", `document.querySelector("#text .a.target").classList.contains("k-claim")`)
	if target == "" || inView != true || claim != true {
		t.Errorf("evidence link: target %q, in view %v, a claim %v", target, inView, claim)
	}
	shot("06-evidence")

	do("dossier", chromedp.Click(chromedp.CSS(`.ents a[href^="/entities/"]`)), visible(".ent-head h1"))
	dossier := text("dossier", "main")
	for _, w := range []string{"Profile", "Aliases", "Timeline", "Claims stance table", "Incidents"} {
		contains("dossier", dossier, w)
	}
	shot("07-dossier")

	do("incidents", chromedp.Navigate(srv.URL+"/incidents"), visible("svg.map"))
	contains("incidents", text("incidents", "figure.mapfig figcaption"), "Natural Earth")
	t.Logf("incidents map: %v circles", eval("incidents", `document.querySelectorAll("svg.map circle").length`))
	shot("08-incidents")

	do("contradictions", chromedp.Navigate(srv.URL+"/contradictions"), visible("main h1"))
	contains("contradictions", text("contradictions", "main"), "ontradiction")
	shot("09-contradictions")
	if shots != "" {
		fmt.Fprintf(t.Output(), "screenshots in %s\n", shots)
	}
}
