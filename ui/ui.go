package ui

//go:generate go run ./gen/worldmap -out worldmap.txt

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

//go:embed views/*.html
var viewFS embed.FS

//go:embed static
var staticFS embed.FS

// Pages are the views New parses, one file each under views/ beside the
// shared layout.
var pages = []string{"dashboard", "search", "document", "entity", "incidents", "claims", "contradictions", "error"}

// Limits that keep every page's queries bounded, however large the store.
const (
	// dashboardRows is how many of the latest incident, claim and quote
	// rows the dashboard reads.
	dashboardRows = 300
	// connectRows is how many of the latest rows of each kind the
	// incidents, claims and contradictions pages read (per entity or
	// place when filtered).
	connectRows = 1000
	// dossierRows is how many rows of each kind an entity page lists, and
	// timelineRows how many of each kind its timeline and stance table
	// read: as many as the timeline shows (timelineShown), since the
	// latest entries of the timeline are among the latest of their kind.
	dossierRows  = 25
	timelineRows = timelineShown
	// searchPage is the number of hits per search page; searchPages the
	// furthest page offered.
	searchPage  = 20
	searchPages = 50
)

// Config is what a UI needs.
type Config struct {
	// Store is read for every page; the UI never writes to it.
	Store sitrep.Store
	// Options are passed to the functions of package connect (entity
	// merges, knowledge-base relations).
	Options connect.Options
	// Logger receives render and store errors; nil discards them.
	Logger *slog.Logger
}

// UI is the web interface: server-rendered pages over a store, with
// embedded, content-hashed static assets. It is an http.Handler meant to
// be mounted at "/" of a server's mux; it registers only its own routes
// (see docs/ui.md) and answers 404 for other paths.
type UI struct {
	store  sitrep.Store
	opt    connect.Options
	log    *slog.Logger
	mux    *http.ServeMux
	views  map[string]*template.Template
	assets *assets
	world  *worldMap
}

// New parses the views and prepares the assets; it fails when a view is
// missing or does not parse, or when Store is nil.
func New(cfg Config) (*UI, error) {
	if cfg.Store == nil {
		return nil, sitrep.Errorf(sitrep.EINVALID, "ui: no store")
	}
	u := &UI{store: cfg.Store, opt: cfg.Options, log: cfg.Logger, views: map[string]*template.Template{}}
	if u.log == nil {
		u.log = slog.New(slog.DiscardHandler)
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	if u.assets, err = newAssets(static); err != nil {
		return nil, err
	}
	if u.world, err = loadWorldMap(); err != nil {
		return nil, err
	}
	funcs := u.funcs()
	for _, p := range pages {
		t, err := template.New(p).Funcs(funcs).ParseFS(viewFS, "views/layout.html", "views/"+p+".html")
		if err != nil {
			return nil, fmt.Errorf("ui: view %s: %w", p, err)
		}
		for _, name := range []string{"layout", "content"} {
			if t.Lookup(name) == nil {
				return nil, fmt.Errorf("ui: view %s: no %q template", p, name)
			}
		}
		u.views[p] = t
	}
	u.routes()
	return u, nil
}

func (u *UI) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", u.handleDashboard)
	m.HandleFunc("GET /search", u.handleSearch)
	m.HandleFunc("GET /documents/{id}", u.handleDocument)
	m.HandleFunc("GET /entities/{id}", u.handleEntity)
	m.HandleFunc("GET /incidents", u.handleIncidents)
	m.HandleFunc("GET /claims", u.handleClaims)
	m.HandleFunc("GET /contradictions", u.handleContradictions)
	m.HandleFunc("GET /static/{name}", u.assets.serve)
	m.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, sitrep.Errorf(sitrep.ENOTFOUND, "No page at %s.", r.URL.Path))
	})
	u.mux = m
}

// ServeHTTP implements http.Handler.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	u.mux.ServeHTTP(w, r)
}

// page is what the layout renders around a view's content.
type page struct {
	Title string
	Nav   string // the navigation entry to mark current
	Data  any
}

// render executes a view into a buffer first, so that a failing template
// becomes an error page rather than half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, view string, p page) {
	t, ok := u.views[view]
	if !ok {
		u.fail(w, r, fmt.Errorf("ui: no view %q", view))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		if view == "error" {
			u.log.Error("ui: render error page", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		u.fail(w, r, fmt.Errorf("ui: render %s: %w", view, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorView is the data of the error page.
type errorView struct {
	Status  int
	Message string
}

// fail answers with the error page: ENOTFOUND is 404, EINVALID 400 with
// the error's message; anything else is logged and shown as 500 without
// its details.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "Something went wrong on our side; the error is logged."
	switch sitrep.ErrorCode(err) {
	case sitrep.ENOTFOUND:
		status, msg = http.StatusNotFound, err.Error()
	case sitrep.EINVALID:
		status, msg = http.StatusBadRequest, err.Error()
	default:
		if errors.Is(err, context.Canceled) {
			return
		}
		if errors.Is(err, context.DeadlineExceeded) {
			status, msg = http.StatusServiceUnavailable, "The page took too long to build; narrow the query."
		}
		u.log.Error("ui: request failed", "path", r.URL.Path, "err", err)
	}
	u.render(w, r, status, "error", page{Title: http.StatusText(status), Data: errorView{status, msg}})
}

// since returns how long ago t was, for people.
func since(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := time.Since(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	}
	return t.UTC().Format("2006-01-02")
}
