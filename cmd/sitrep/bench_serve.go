package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/server"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/ui"
)

const benchServeUsage = `Usage: sitrep bench serve [flags] [--paths PATH]...

Measures "sitrep serve" under load. It builds a store of --docs documents as
"sitrep bench store" does (copies of Reuters-21578), or with --db uses an
existing store, starts the server in this process on 127.0.0.1 (a random
port), and runs --clients concurrent clients over loopback for --duration
after a --warmup: each sends its next request as soon as the last is
answered (the server saturated: latency is then clients / throughput), or
with --think about that long after it, as analysts reading answers would. Requests are a mix of searches (one or two title words, a phrase,
some with a year or an entity filter; 20 hits) and entity dossiers (entities
drawn by mention), or with --ui the web UI's search and dossier pages for
the same queries and entities, plus the --paths given (other pages or API
routes), in turn. The load generator shares the machine with the server.

It prints, per kind of request, requests/s and latency p50, p99 and max.

Examples:
  sitrep bench serve --docs 10000
  sitrep bench serve --db /tmp/s100k.db --ui --think 1s
  sitrep bench serve --db /tmp/s100k.db --clients 50 --duration 20s --paths /api/v1/stats`

// runServe runs "sitrep bench serve".
func (c *BenchCommand) runServe(ctx context.Context, args []string) error {
	fs := c.newFlagSet("bench serve", benchServeUsage)
	docs := fs.Int("docs", 10000, "documents in the store built")
	data := fs.String("data", "../shared/datasets/reuters21578/json-data", "the Reuters-21578 JSON `directory`")
	dbPath := fs.String("db", "", "use this store `file`; built first when missing (default: a temporary one)")
	clients := fs.Int("clients", 50, "concurrent clients")
	duration := fs.Duration("duration", 20*time.Second, "how long to measure")
	warmup := fs.Duration("warmup", 3*time.Second, "load before measuring, not counted")
	think := fs.Duration("think", 0, "each client waits this long between an answer and its next request (an analyst reading; 0: none, the server saturated)")
	verbose := fs.Bool("v", false, "list the slowest requests")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured load to `file`")
	pages := fs.Bool("ui", false, "request the web UI's search and dossier pages instead of the API's")
	var paths stringList
	fs.Var(&paths, "paths", "also request this `path` (with its query) in turn (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: bench serve takes no arguments (paths go with --paths)", ErrUsage)
	}
	if *clients < 1 || *docs < 1 || *duration <= 0 {
		return fmt.Errorf("%w: --clients, --docs and --duration must be positive", ErrUsage)
	}
	for _, p := range paths {
		if !strings.HasPrefix(p, "/") {
			return fmt.Errorf("%w: --paths %q: want a path starting with /", ErrUsage, p)
		}
	}
	out := c.Stdout
	path := *dbPath
	if path == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "sitrep.db")
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := buildBenchStore(ctx, out, *data, path, *docs); err != nil {
			return err
		}
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "store: %s, %s documents, %.1f MB; %d core(s)\n", path, thousands(st.Documents), float64(st.Bytes)/1e6, runtime.GOMAXPROCS(0))

	mix, err := benchRequests(ctx, db, *pages)
	if err != nil {
		return err
	}
	k, err := kb.Default()
	if err != nil {
		return err
	}
	opt := connect.Options{Relations: connect.RelationsOfKB(k)}
	web, err := ui.New(ui.Config{Store: db, Options: opt})
	if err != nil {
		return err
	}
	srv := server.New(server.Config{Store: db, Connect: opt, KB: k, UI: web})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go srv.Serve(l)
	defer srv.Shutdown(context.WithoutCancel(ctx))
	base := "http://" + l.Addr().String()
	fmt.Fprintf(out, "server: %s; %d clients for %s after a %s warm-up\n", base, *clients, *duration, *warmup)

	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	res, cpu, err := loadServer(ctx, base, mix, paths, *clients, *think, *warmup, *duration)
	if err != nil {
		return err
	}
	if *verbose {
		var slow []benchSample
		for _, r := range res {
			slow = append(slow, r.slow...)
		}
		slices.SortFunc(slow, func(a, b benchSample) int { return int(b.d - a.d) })
		for _, x := range slow[:min(len(slow), 12)] {
			fmt.Fprintf(out, "  slow: %s at +%s: %s\n", ms(x.d), x.at.Round(time.Millisecond), x.path)
		}
	}
	var all []time.Duration
	errs := 0
	for _, r := range res {
		all = append(all, r.lat...)
		errs += r.errors
	}
	kinds := slices.Sorted(func(yield func(string) bool) {
		for k := range res {
			if !yield(k) {
				return
			}
		}
	})
	fmt.Fprintf(out, "%-28s %9s %9s  %s\n", "request", "requests", "per s", "latency")
	for _, kind := range kinds {
		r := res[kind]
		if len(r.lat) == 0 {
			fmt.Fprintf(out, "%-28s %9d %9s  all %d failed\n", kind, 0, "-", r.errors)
			continue
		}
		fmt.Fprintf(out, "%-28s %9d %9.0f  %s", kind, len(r.lat), float64(len(r.lat))/duration.Seconds(), percentiles(r.lat))
		if r.errors > 0 {
			fmt.Fprintf(out, "; %d failed", r.errors)
		}
		fmt.Fprintln(out)
	}
	if len(all) > 0 {
		fmt.Fprintf(out, "%-28s %9d %9.0f  %s\n", "all", len(all), float64(len(all))/duration.Seconds(), percentiles(all))
		// CPU time per request does not depend on what else the machine
		// runs, unlike latency: the figure to compare changes by.
		fmt.Fprintf(out, "CPU time %s per request (server and load generator; %.2f of %d cores busy)\n",
			ms(cpu/time.Duration(len(all))), cpu.Seconds()/duration.Seconds(), runtime.NumCPU())
	}
	if errs > 0 {
		return fmt.Errorf("%d requests failed", errs)
	}
	return nil
}

// buildBenchStore builds a store of n documents at path as "sitrep bench
// store" does.
func buildBenchStore(ctx context.Context, out io.Writer, data, path string, n int) error {
	inputs, err := reutersInputs(data)
	if err != nil {
		return err
	}
	if n < len(inputs) {
		// Enough for n distinct documents (a few inputs repeat a text).
		inputs = inputs[:min(len(inputs), n+n/10+100)]
	}
	start := time.Now()
	base, err := analyseAll(ctx, inputs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "analysed %d Reuters-21578 documents in %s\n", len(base), time.Since(start).Round(time.Millisecond))
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	const batchSize = 200
	batch := make([]sitrep.Analysed, 0, batchSize)
	for i := range n {
		batch = append(batch, replica(base[i%len(base)], i/len(base)))
		if len(batch) == batchSize || i == n-1 {
			if _, err := db.Put(ctx, batch); err != nil {
				db.Close()
				return err
			}
			batch = batch[:0]
		}
	}
	fmt.Fprintf(out, "stored %s documents in %s\n", thousands(n), time.Since(start).Round(time.Millisecond))
	return db.Close()
}

// benchRequest is one request of the mix: its kind (for the figures) and
// its path.
type benchRequest struct{ kind, path string }

// benchRequests draws the mix of searches and dossiers from the store:
// words of its latest titles, and entities of a sample of its documents
// weighted by mention. With pages, the requests are the web UI's search
// and dossier pages, else the API's.
func benchRequests(ctx context.Context, db *sqlite.DB, pages bool) ([]benchRequest, error) {
	res, err := db.Search(ctx, sitrep.SearchQuery{Page: sitrep.Page{Limit: 3000}})
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var titles [][]string
	var ids []string
	for _, h := range res.Hits {
		var words []string
		for _, f := range strings.FieldsFunc(strings.ToLower(h.Document.Title), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(f) >= 4 {
				words = append(words, f)
			}
		}
		if len(words) >= 2 {
			titles = append(titles, words)
		}
		ids = append(ids, h.Document.ID)
	}
	var entities []string
	for i := 0; i < 300 && len(ids) > 0; i++ {
		d, err := db.Document(ctx, ids[rng.IntN(len(ids))])
		if err != nil {
			return nil, err
		}
		for _, e := range d.Entities {
			for range e.Mentions {
				entities = append(entities, e.ID)
			}
		}
	}
	if len(titles) == 0 || len(entities) == 0 {
		return nil, fmt.Errorf("the store has no titles or entities to query")
	}
	var mix []benchRequest
	for i := range 2000 {
		words := titles[rng.IntN(len(titles))]
		j := rng.IntN(len(words) - 1)
		v := url.Values{"limit": {"20"}}
		kind := "search"
		switch i % 8 {
		case 0, 1, 4:
			v.Set("q", words[j])
		case 2, 5:
			v.Set("q", words[j]+" "+words[j+1])
		case 3:
			v.Set("q", `"`+words[j]+" "+words[j+1]+`"`)
		case 6:
			v.Set("q", words[j])
			v.Set("since", fmt.Sprint(1987+rng.IntN(3)))
			v.Set("until", v.Get("since"))
			kind = "search, year"
		case 7:
			v.Set("q", words[j])
			v.Set("entity", entities[rng.IntN(len(entities))])
			kind = "search, entity"
		}
		entity := url.PathEscape(entities[rng.IntN(len(entities))])
		if pages {
			v.Del("limit") // a page shows its own number of hits
			mix = append(mix, benchRequest{kind + " page", "/search?" + v.Encode()})
			mix = append(mix, benchRequest{"dossier page", "/entities/" + entity})
			continue
		}
		mix = append(mix, benchRequest{kind, "/api/v1/search?" + v.Encode()})
		mix = append(mix, benchRequest{"dossier", "/api/v1/entities/" + entity})
	}
	rng.Shuffle(len(mix), func(i, j int) { mix[i], mix[j] = mix[j], mix[i] })
	return mix, nil
}

// benchResult is the latencies of one kind of request.
type benchResult struct {
	lat    []time.Duration
	errors int
	slow   []benchSample // the slowest few
}

// benchSample is one request timed: its path, when it was sent (from the
// end of the warm-up) and how long it took.
type benchSample struct {
	path string
	at   time.Duration
	d    time.Duration
}

// loadServer runs clients clients against base for warmup and then
// duration, each sending its next request when the last is answered (and
// about think later), and returns the latencies measured after the
// warm-up, by kind, and the CPU time the process used while measuring.
func loadServer(ctx context.Context, base string, mix []benchRequest, paths []string, clients int, think, warmup, duration time.Duration) (map[string]*benchResult, time.Duration, error) {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	var reqs []benchRequest
	for i, r := range mix {
		reqs = append(reqs, r)
		if len(paths) > 0 && i%2 == 1 {
			p := paths[(i/2)%len(paths)]
			reqs = append(reqs, benchRequest{"path " + strings.SplitN(p, "?", 2)[0], p})
		}
	}
	start := time.Now()
	measureFrom, end := start.Add(warmup), start.Add(warmup+duration)
	var mu sync.Mutex
	res := map[string]*benchResult{}
	var failed error
	var wg sync.WaitGroup
	var cpu time.Duration
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(time.Until(measureFrom))
		from := cpuTime()
		time.Sleep(time.Until(end))
		cpu = cpuTime() - from
	}()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[string]*benchResult{}
			// Each client walks its own stretch of the mix, so that no
			// client asks what another asked a moment before (answers
			// the store keeps would flatter the figures): the mix
			// repeats only what its drawing repeats (frequent words,
			// entities named often).
			for i := c * len(reqs) / clients; ; i++ {
				if ctx.Err() != nil || time.Now().After(end) {
					break
				}
				r := reqs[i%len(reqs)]
				t := time.Now()
				status, err := get(ctx, client, base+r.path)
				d := time.Since(t)
				if !t.Before(measureFrom) {
					b := local[r.kind]
					if b == nil {
						b = &benchResult{}
						local[r.kind] = b
					}
					if err != nil || status != http.StatusOK {
						b.errors++
						mu.Lock()
						if failed == nil {
							failed = fmt.Errorf("GET %s: status %d, %v", r.path, status, err)
						}
						mu.Unlock()
					} else {
						b.lat = append(b.lat, d)
						b.slow = append(b.slow, benchSample{r.path, t.Sub(measureFrom), d})
						if len(b.slow) > 64 {
							slices.SortFunc(b.slow, func(x, y benchSample) int { return int(y.d - x.d) })
							b.slow = b.slow[:12]
						}
					}
				}
				if think > 0 {
					// Jittered, so that clients do not move in step.
					time.Sleep(think/2 + rand.N(think))
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for k, b := range local {
				if res[k] == nil {
					res[k] = &benchResult{}
				}
				res[k].lat = append(res[k].lat, b.lat...)
				res[k].errors += b.errors
				res[k].slow = append(res[k].slow, b.slow...)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	if failed != nil {
		fmt.Fprintf(os.Stderr, "sitrep: bench serve: first failure: %v\n", failed)
	}
	return res, cpu, nil
}

// get requests u and reads the answer whole.
func get(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}
