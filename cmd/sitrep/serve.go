package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/ingest"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/server"
	"github.com/sitrep-project/sitrep/ui"
	"github.com/sitrep-project/sitrep/worker"
)

// ServeCommand runs "sitrep serve".
type ServeCommand struct {
	*Main
}

const serveUsage = `Usage: sitrep serve [flags]

Serves the store over HTTP: a web interface for analysts at / and the JSON
API under /api/v1 for tools (search, documents, entities and dossiers,
quotes, incidents, the claims matrix, contradictions, timelines, and POST
/api/v1/documents to ingest), described by /api/v1/openapi.json and in
docs/api.md. Nothing is loaded from the internet.

It listens on 127.0.0.1:8080 (loopback only) unless --addr says otherwise.
With --token or --token-file, every request but GET /healthz needs the token:
"Authorization: Bearer TOKEN", or in a browser the address once with
?token=TOKEN (a cookie keeps it). Binding another address without a token
is allowed but warned about. One access log line (JSON) per request goes to
standard error. Ctrl-C (or SIGTERM) stops it, finishing the requests under
way.

Examples:
  sitrep serve
  sitrep serve --addr 0.0.0.0:8080 --token-file ~/.config/sitrep/token
  curl -H "Authorization: Bearer $TOKEN" 'http://127.0.0.1:8080/api/v1/search?q=Taliban'`

// serveOptions are how a store is served.
type serveOptions struct {
	db, addr, token string
	kbFiles         []string
	readOnly        bool
	// ready, when set, is called with the address served once listening.
	ready func(addr string)
}

// Run implements the command.
func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("serve", serveUsage)
	var o serveOptions
	fs.StringVar(&o.db, "db", "", dbHelp)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen on this `host:port`")
	fs.StringVar(&o.token, "token", "", "want this `token` of every request but /healthz")
	tokenFile := fs.String("token-file", "", "read the token from this `file` (kept out of the process list)")
	var kbFiles stringList
	fs.Var(&kbFiles, "kb", "a knowledge-base `file` of your own, added to the built-in one (repeatable)")
	fs.BoolVar(&o.readOnly, "read-only", false, "refuse POST /api/v1/documents")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments", ErrUsage)
	}
	if *tokenFile != "" {
		if o.token != "" {
			return fmt.Errorf("%w: give --token or --token-file, not both", ErrUsage)
		}
		b, err := os.ReadFile(*tokenFile)
		if err != nil {
			return fmt.Errorf("--token-file: %w", err)
		}
		if o.token = strings.TrimSpace(string(b)); o.token == "" {
			return fmt.Errorf("--token-file: %s is empty", *tokenFile)
		}
	}
	if strings.TrimSpace(o.token) != o.token || strings.ContainsAny(o.token, " \t\r\n") {
		return fmt.Errorf("%w: --token must not hold white space", ErrUsage)
	}
	o.kbFiles = kbFiles
	return c.serveStore(ctx, o)
}

// serveStore serves the store at o.db on o.addr until ctx is done (an
// interrupt), then shuts down gracefully. "sitrep demo" ends with it.
func (m *Main) serveStore(ctx context.Context, o serveOptions) error {
	db, err := openStore(ctx, o.db, false)
	if err != nil {
		return err
	}
	defer db.Close()
	k, err := kb.Default()
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	for _, f := range o.kbFiles {
		if err := k.Load(f); err != nil {
			return fmt.Errorf("knowledge base: %w", err)
		}
	}
	opt := connect.Options{Relations: connect.RelationsOfKB(k)}
	logger := slog.New(slog.NewJSONHandler(m.Stderr, nil))
	web, err := ui.New(ui.Config{Store: db, Options: opt, Logger: logger})
	if err != nil {
		return err
	}
	cfg := server.Config{
		Store:   db,
		Connect: opt,
		KB:      k,
		Token:   o.token,
		Logger:  logger,
		UI:      web,
	}
	if !o.readOnly {
		a, err := extract.NewAnalyzerWith(extract.Config{KBFiles: o.kbFiles})
		if err != nil {
			return err
		}
		cfg.Ingest = ingestBody(&worker.Ingester{Store: db, Analyzer: a}, server.DefaultMaxBodyBytes)
	}
	srv := server.New(cfg)
	if o.addr == "" {
		o.addr = "127.0.0.1:8080"
	}
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	if !server.IsLoopback(o.addr) && o.token == "" {
		fmt.Fprintf(m.Stderr, "sitrep: warning: serving %s beyond this machine with no token: anyone who can reach it can read and add to the store (give --token-file)\n", o.addr)
	}
	url := "http://" + l.Addr().String() + "/"
	fmt.Fprintf(m.Stdout, "sitrep: serving %s on %s (API: %sapi/v1/openapi.json); Ctrl-C stops\n", db.Path(), url, url)
	if o.ready != nil {
		o.ready(l.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	<-done
	fmt.Fprintln(m.Stderr, "sitrep: server stopped")
	return nil
}

// ingestBody returns the ingest of a POST body: its JSON records (an
// array or JSON Lines), read as "sitrep ingest" reads a file, analysed
// and stored, each named "request:LINE".
func ingestBody(g *worker.Ingester, maxSize int64) server.IngestFunc {
	return func(ctx context.Context, body io.Reader) ([]sitrep.InputOutcome, error) {
		r := &ingest.Reader{MaxSize: maxSize, Stdin: body}
		return g.Each(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
			return r.Walk(ctx, []string{"-"}, func(in ingest.Input) error {
				return emit(&sitrep.Input{Source: requestSource(in.Source), Format: in.Format, Body: in.Body, URL: in.URL,
					Title: in.Title, Published: in.Published, Authors: in.Authors, Outlet: in.Outlet})
			}, func(err error) {
				var ie *sitrep.InputError
				if errors.As(err, &ie) {
					ie.Source = requestSource(ie.Source)
				}
				fail(err)
			})
		})
	}
}

// requestSource names an input of a request body: "-:3" is "request:3".
func requestSource(src string) string {
	if rest, ok := strings.CutPrefix(src, "-"); ok {
		return "request" + rest
	}
	return src
}
