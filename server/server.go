// Package server serves a store over HTTP: a JSON API under /api/v1 for
// tools (search, documents, entities and dossiers, quotes, incidents,
// the claims matrix, contradictions, timelines, ingest), described by an
// OpenAPI document it serves itself, and a web interface for analysts
// mounted at "/" (package ui provides it; Config.UI).
//
// Every answer of the API is JSON, errors included
// ({"error": {"code": "invalid", "message": "..."}}), with the codes of
// the root package mapped to HTTP statuses in one place (error.go).
// Optional token authentication covers everything but /healthz. The
// routes, parameters and fields are documented in docs/api.md.
package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/kb"
)

// Defaults of Config.
const (
	DefaultMaxBodyBytes   = 32 << 20
	DefaultRequestTimeout = 30 * time.Second
	DefaultIngestTimeout  = 5 * time.Minute
	DefaultMaxRecords     = 5000
)

// IngestFunc analyses and stores the documents of a request body (a JSON
// array of records or JSON Lines, as "sitrep ingest" reads them) and
// says what became of each one, in order. A body over the size limit
// reads as an error of type *http.MaxBytesError.
type IngestFunc func(ctx context.Context, body io.Reader) ([]sitrep.InputOutcome, error)

// Config is what a Server serves and how.
type Config struct {
	// Store is read by every route and written by ingest.
	Store sitrep.Store
	// Ingest stores posted documents; nil answers POST /api/v1/documents
	// with 405 (a read-only server).
	Ingest IngestFunc
	// Connect are the options of the functions across documents
	// (incidents merged, the claims matrix, contradictions, timelines):
	// Relations from connect.RelationsOfKB.
	Connect connect.Options
	// KB, when set, resolves names it knows (acronyms such as "BLA") to
	// the entities the store holds under other names.
	KB *kb.KB
	// Token, when not empty, is wanted for everything but /healthz: as
	// "Authorization: Bearer TOKEN", or once as ?token=TOKEN, which sets
	// a cookie for browsers.
	Token string
	// Logger takes the access log and errors; nil discards them.
	Logger *slog.Logger
	// UI is mounted at "/"; nil serves a small page that points to the
	// API.
	UI http.Handler
	// MaxBodyBytes bounds a POST body (0: DefaultMaxBodyBytes).
	MaxBodyBytes int64
	// RequestTimeout bounds the work of a request (0:
	// DefaultRequestTimeout); IngestTimeout that of a POST of documents
	// (0: DefaultIngestTimeout).
	RequestTimeout time.Duration
	IngestTimeout  time.Duration
	// MaxConcurrent is the most requests worked on at once (0: twice
	// GOMAXPROCS; /healthz and ingest aside, which has its own limit of
	// one); the others wait their turn, first come first served, within
	// their RequestTimeout. Working on fewer requests at once finishes
	// each sooner: the store's work is CPU-bound.
	MaxConcurrent int
	// MaxRecords is the most incidents, claims or quotes the routes
	// across documents read per entity or place (0: DefaultMaxRecords);
	// answers say "truncated" when a list stopped there.
	MaxRecords int
}

// Server is the HTTP server of a store.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	routes  []route
	ingest  chan struct{} // one ingest at a time
	work    chan struct{} // MaxConcurrent requests at a time
	srv     atomic.Pointer[http.Server]
}

// route is one API route: a method and a Go 1.22 pattern path.
type route struct {
	method, path string
	handle       func(w http.ResponseWriter, r *http.Request) error
}

// New returns a server of cfg. It does not listen; see Serve and Handler.
func New(cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	if cfg.IngestTimeout <= 0 {
		cfg.IngestTimeout = DefaultIngestTimeout
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if cfg.MaxRecords <= 0 {
		cfg.MaxRecords = DefaultMaxRecords
	}
	s := &Server{cfg: cfg, log: cfg.Logger, ingest: make(chan struct{}, 1), work: make(chan struct{}, cfg.MaxConcurrent)}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	s.routes = []route{
		{"GET", "/healthz", s.health},
		{"GET", "/api/v1/openapi.json", s.openAPI},
		{"GET", "/api/v1/stats", s.stats},
		{"GET", "/api/v1/search", s.search},
		{"POST", "/api/v1/documents", s.postDocuments},
		{"GET", "/api/v1/documents/{id}", s.document},
		{"GET", "/api/v1/entities", s.entities},
		{"GET", "/api/v1/entities/{id}", s.dossier},
		{"GET", "/api/v1/quotes", s.quotes},
		{"GET", "/api/v1/incidents", s.incidents},
		{"GET", "/api/v1/incidents/reports", s.incidentReports},
		{"GET", "/api/v1/claims", s.claims},
		{"GET", "/api/v1/contradictions", s.contradictions},
		{"GET", "/api/v1/timeline", s.timeline},
	}
	s.handler = s.buildHandler()
	return s
}

// Routes returns the method and path of every route the server answers
// besides "/", as "GET /api/v1/search": what the OpenAPI document must
// describe.
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, rt := range s.routes {
		out[i] = rt.method + " " + rt.path
	}
	return out
}

// Handler returns the server's handler: routes, authentication, limits
// and access log.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) buildHandler() http.Handler {
	mux := http.NewServeMux()
	allowed := map[string][]string{}
	for _, rt := range s.routes {
		h := rt.handle
		timeout := s.cfg.RequestTimeout
		if rt.method == "POST" {
			timeout = s.cfg.IngestTimeout
		}
		limited := rt.method != "POST" && rt.path != "/healthz"
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), timeout)
			defer cancel()
			r = r.WithContext(ctx)
			if limited {
				if err := s.acquire(ctx); err != nil {
					s.writeError(w, r, err)
					return
				}
				defer s.release()
			}
			if err := h(w, r); err != nil {
				s.writeError(w, r, err)
			}
		})
		allowed[rt.path] = append(allowed[rt.path], rt.method)
	}
	// The same paths with another method: 405 as JSON, naming the allowed.
	for path, methods := range allowed {
		allow := strings.Join(methods, ", ")
		if strings.Contains(allow, "GET") {
			allow += ", HEAD"
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			s.writeError(w, r, sitrep.Errorf(codeMethod, "%s is not allowed on %s: use %s", r.Method, r.URL.Path, allow))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, sitrep.Errorf(sitrep.ENOTFOUND, "no route %s %s: the routes are listed at /api/v1/openapi.json", r.Method, r.URL.Path))
	})
	if s.cfg.UI != nil {
		ui := s.cfg.UI
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
			defer cancel()
			r = r.WithContext(ctx)
			if err := s.acquire(ctx); err != nil {
				http.Error(w, "the server is too busy: try again", http.StatusServiceUnavailable)
				return
			}
			defer s.release()
			ui.ServeHTTP(w, r)
		})
	} else {
		mux.HandleFunc("GET /{$}", s.index)
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, "404 not found: the API is under /api/v1 (see /api/v1/openapi.json)\n")
		})
	}
	return s.logged(s.secured(s.authorized(mux)))
}

// acquire waits for a turn to work on a request, until ctx is done.
func (s *Server) acquire(ctx context.Context) error {
	select {
	case s.work <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Server) release() { <-s.work }

// Serve answers the connections of l until Shutdown or a failure of l.
// It returns nil after Shutdown.
func (s *Server) Serve(l net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      max(s.cfg.RequestTimeout, s.cfg.IngestTimeout) + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if !s.srv.CompareAndSwap(nil, srv) {
		return errors.New("server: Serve called twice")
	}
	if err := srv.Serve(l); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown stops accepting connections and waits, until ctx is done, for
// the requests under way to finish.
func (s *Server) Shutdown(ctx context.Context) error {
	srv := s.srv.Load()
	if srv == nil {
		return nil
	}
	return srv.Shutdown(ctx)
}

// IsLoopback reports whether addr (host:port) listens on loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
