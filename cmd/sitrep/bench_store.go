package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
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
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/sqlite"
)

const benchStoreUsage = `Usage: sitrep bench store [flags]

Builds a store of --docs documents from Reuters-21578 and measures it. The
corpus is analysed once (all stages); a store larger than the corpus holds
copies of it with distinct IDs and publication dates moved on by one year
per copy. At 10,000 documents and at --docs, it reports the database size
per document and the latency (p50, p99, max) of searches (--queries of them:
one or two words, or a phrase, drawn from titles; some with a date range or
an entity filter; 20 hits with snippets and the total) and of entity dossiers
(profile, aliases, months, co-occurring entities, latest quotes, claims and
incidents) for entities drawn by mention, so that frequent ones come up as
often as an analyst would look at them. Store writes are timed alone
(documents/s of Put, without the analysis).

The end-to-end ingest rate (reading, analysing, storing) is measured by
"sitrep ingest" itself on the same corpus; see docs/measurements.md.

Example: sitrep bench store --docs 100000 --data ../shared/datasets/reuters21578/json-data`

// runStore runs "sitrep bench store".
func (c *BenchCommand) runStore(ctx context.Context, args []string) error {
	fs := c.newFlagSet("bench store", benchStoreUsage)
	docs := fs.Int("docs", 100000, "documents in the store at the end")
	data := fs.String("data", "../shared/datasets/reuters21578/json-data", "the Reuters-21578 JSON `directory`")
	dbPath := fs.String("db", "", "build the store in this `file` (default: a temporary one, removed at the end)")
	queries := fs.Int("queries", 300, "searches and dossiers timed at each size")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the store writes to `file`")
	verbose := fs.Bool("v", false, "list the slowest queries")
	reuse := fs.Bool("reuse", false, "with --db, time the queries of an existing store built by bench store, without building it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: bench store takes no arguments", ErrUsage)
	}
	if *queries < 1 || *docs < 1 {
		return fmt.Errorf("%w: --docs and --queries must be 1 or more", ErrUsage)
	}
	out := c.Stdout
	inputs, err := reutersInputs(*data)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "corpus: %d Reuters-21578 records with a body (%s); %d core(s)\n", len(inputs), *data, runtime.GOMAXPROCS(0))

	start := time.Now()
	base, err := analyseAll(ctx, inputs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "analysis (all stages, %d workers): %d documents in %s: %.0f documents/s\n",
		runtime.GOMAXPROCS(0), len(base), time.Since(start).Round(time.Millisecond), float64(len(base))/time.Since(start).Seconds())

	path := *dbPath
	if path == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench-store-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "sitrep.db")
	} else if _, err := os.Stat(path); err == nil && !*reuse {
		return fmt.Errorf("%s exists: bench store builds a new store (--reuse times an existing one)", path)
	}
	if *reuse {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			return err
		}
		defer db.Close()
		st, err := db.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n== store of %s documents: %.1f MB, %.1f KB a document\n", thousands(st.Documents), float64(st.Bytes)/1e6, float64(st.Bytes)/float64(st.Documents)/1e3)
		return benchQueries(ctx, out, db, base[:min(st.Documents, len(base))], *queries, rand.New(rand.NewPCG(1, 2)), *verbose)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer func() { db.Close() }()

	checkpoints := []int{}
	for _, n := range []int{10000, *docs} {
		if n <= *docs && !slices.Contains(checkpoints, n) {
			checkpoints = append(checkpoints, n)
		}
	}
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	stored := 0
	var putTime time.Duration
	const batchSize = 200
	rng := rand.New(rand.NewPCG(1, 2))
	for _, target := range checkpoints {
		batch := make([]sitrep.Analysed, 0, batchSize)
		for stored < target {
			batch = append(batch, replica(base[stored%len(base)], stored/len(base)))
			stored++
			if len(batch) == batchSize || stored == target {
				t := time.Now()
				if _, err := db.Put(ctx, batch); err != nil {
					return err
				}
				putTime += time.Since(t)
				batch = batch[:0]
			}
		}
		// Reopen, so that the write-ahead log is checkpointed into the file
		// and the caches are cold.
		if err := db.Close(); err != nil {
			return err
		}
		if db, err = sqlite.Open(ctx, path); err != nil {
			return err
		}
		st, err := db.Stats(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n== store of %s documents: %.1f MB, %.1f KB a document; %s entities, %s mentions, %s quotes, %s claims\n",
			thousands(st.Documents), float64(st.Bytes)/1e6, float64(st.Bytes)/float64(st.Documents)/1e3,
			thousands(st.Entities), thousands(st.Mentions), thousands(st.Quotes), thousands(st.Claims))
		fmt.Fprintf(out, "store writes (Put, batches of %d, analysis excluded): %.0f documents/s\n", batchSize, float64(stored)/putTime.Seconds())
		if err := benchQueries(ctx, out, db, base[:min(stored, len(base))], *queries, rng, *verbose); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "\npeak memory (max RSS, the analysed corpus held in memory): %.0f MB\n", float64(maxRSS())/1e6)
	return nil
}

// reutersInputs reads the Reuters-21578 JSON files of dir as inputs, with
// their publication dates ("26-FEB-1987 15:01:01.79").
func reutersInputs(dir string) ([]*sitrep.Input, error) {
	files, err := filepath.Glob(filepath.Join(dir, "reut2-*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no Reuters-21578 files (reut2-*.json) in %s: the shared data sets sit beside the repository (--data)", dir)
	}
	var out []*sitrep.Input
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var recs []struct {
			Title, Body, Date string
		}
		if err := json.Unmarshal(b, &recs); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		for i, r := range recs {
			if strings.TrimSpace(r.Body) == "" {
				continue
			}
			in := &sitrep.Input{Source: fmt.Sprintf("%s:%d", filepath.Base(f), i+1), Format: sitrep.FormatText, Body: r.Body,
				Title: html.UnescapeString(strings.TrimSpace(r.Title)), Outlet: "Reuters"}
			if t, err := time.Parse("2-Jan-2006 15:04:05", strings.SplitN(strings.TrimSpace(r.Date), ".", 2)[0]); err == nil {
				in.Published = sitrep.DateOf(t)
			}
			out = append(out, in)
		}
	}
	return out, nil
}

// benchDoc is an input with its document.
type benchDoc struct {
	in  *sitrep.Input
	doc *sitrep.Document
}

// analyseAll analyses the inputs on GOMAXPROCS workers and returns those
// with an article, one per document ID, in input order.
func analyseAll(ctx context.Context, inputs []*sitrep.Input) ([]benchDoc, error) {
	a := extract.NewAnalyzer()
	docs := make([]*sitrep.Document, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := inputs[i]
				d, err := a.Analyze(ctx, extract.Source{Name: in.Source, Format: in.Format, Body: in.Body, Title: in.Title,
					Published: in.Published, Outlet: in.Outlet})
				if err == nil {
					docs[i] = d
				}
			}
		}()
	}
	for i := range inputs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []benchDoc
	seen := map[string]bool{}
	for i, d := range docs {
		if d != nil && !seen[d.ID] {
			seen[d.ID] = true
			out = append(out, benchDoc{inputs[i], d})
		}
	}
	return out, nil
}

// replica returns copy r of an analysed input: r = 0 is the input itself;
// later copies have distinct IDs and keys, and their dates moved on by r
// years.
func replica(a benchDoc, r int) sitrep.Analysed {
	if r == 0 {
		return sitrep.Analysed{Input: a.in, Key: a.in.Key(), Document: a.doc}
	}
	in := *a.in
	in.Source = fmt.Sprintf("%s#%d", a.in.Source, r)
	in.URL = fmt.Sprintf("replica:%d", r)
	d := *a.doc
	d.ID = fmt.Sprintf("%s-%d", a.doc.ID, r)
	d.Source = in.Source
	shift := func(s string) string {
		if len(s) < 4 {
			return s
		}
		var y int
		if _, err := fmt.Sscanf(s[:4], "%d", &y); err != nil {
			return s
		}
		return fmt.Sprintf("%04d", y+r) + s[4:]
	}
	if !d.Published.IsZero() {
		d.Published.Year += r
		in.Published.Year += r
	}
	d.Quotes = slices.Clone(d.Quotes)
	for i := range d.Quotes {
		d.Quotes[i].Date = shift(d.Quotes[i].Date)
	}
	d.Claims = slices.Clone(d.Claims)
	for i := range d.Claims {
		d.Claims[i].Date = shift(d.Claims[i].Date)
	}
	return sitrep.Analysed{Input: &in, Key: in.Key(), Document: &d}
}

// benchQueries times searches and dossiers on db and prints their
// latencies.
func benchQueries(ctx context.Context, w io.Writer, db *sqlite.DB, base []benchDoc, n int, rng *rand.Rand, verbose bool) error {
	// Searches: words of titles, as an analyst would type them.
	var titles [][]string
	for _, a := range base {
		var words []string
		for _, f := range strings.FieldsFunc(strings.ToLower(a.doc.Title), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(f) >= 4 {
				words = append(words, f)
			}
		}
		if len(words) >= 2 {
			titles = append(titles, words)
		}
	}
	var entities []string
	for _, a := range base {
		for _, e := range a.doc.Entities {
			entities = append(entities, e.ID)
		}
	}
	if len(titles) == 0 || len(entities) == 0 {
		return fmt.Errorf("no titles or entities to query")
	}
	var search, filtered, dossier, timeline, recent []time.Duration
	type slow struct {
		d    time.Duration
		what string
	}
	var slowest []slow
	note := func(d time.Duration, what string) {
		slowest = append(slowest, slow{d, what})
		slices.SortFunc(slowest, func(a, b slow) int { return int(b.d - a.d) })
		if len(slowest) > 8 {
			slowest = slowest[:8]
		}
	}
	var hits int
	for i := range n {
		words := titles[rng.IntN(len(titles))]
		j := rng.IntN(len(words) - 1)
		q := sitrep.SearchQuery{Page: sitrep.Page{Limit: 20}}
		switch i % 4 {
		case 0, 1:
			q.Query = words[j]
		case 2:
			q.Query = words[j] + " " + words[j+1]
		case 3:
			q.Query = `"` + words[j] + " " + words[j+1] + `"`
		}
		t := time.Now()
		res, err := db.Search(ctx, q)
		if err != nil {
			return fmt.Errorf("search %q: %w", q.Query, err)
		}
		search = append(search, time.Since(t))
		note(time.Since(t), fmt.Sprintf("search %s (%d found)", q.Query, res.Total))
		hits += res.Total

		// The same with filters: a year of publication, or an entity.
		if i%2 == 0 {
			q.Since = sitrep.Date{Year: 1987 + rng.IntN(3), Month: 1, Day: 1}
			q.Until = sitrep.Date{Year: q.Since.Year, Month: 12, Day: 31}
		} else {
			q.Entity = entities[rng.IntN(len(entities))]
		}
		t = time.Now()
		res, err = db.Search(ctx, q)
		if err != nil {
			return fmt.Errorf("search %q: %w", q.Query, err)
		}
		filtered = append(filtered, time.Since(t))
		note(time.Since(t), fmt.Sprintf("search %s since %s entity %s (%d found)", q.Query, q.Since, q.Entity, res.Total))

		t = time.Now()
		d, err := sitrep.BuildDossier(ctx, db, entities[rng.IntN(len(entities))], sitrep.DossierOptions{})
		if err != nil {
			return fmt.Errorf("dossier: %w", err)
		}
		dossier = append(dossier, time.Since(t))
		note(time.Since(t), fmt.Sprintf("dossier %s (%d documents)", d.ID, d.Documents))

		// A timeline as "sitrep timeline --entity" makes it over the
		// store: every incident, quote and claim about the entity, the
		// incidents merged, in the order things happened.
		id := entities[rng.IntN(len(entities))]
		t = time.Now()
		es, err := benchTimeline(ctx, db, id, 0)
		if err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
		timeline = append(timeline, time.Since(t))
		note(time.Since(t), fmt.Sprintf("timeline %s (%d entries)", id, es))
		t = time.Now()
		if _, err := benchTimeline(ctx, db, id, 1000); err != nil {
			return fmt.Errorf("timeline: %w", err)
		}
		recent = append(recent, time.Since(t))
	}
	// The entity mentioned most, the slowest dossier.
	count := map[string]int{}
	for _, e := range entities {
		count[e]++
	}
	top := entities[0]
	for e, k := range count {
		if k > count[top] {
			top = e
		}
	}
	t := time.Now()
	d, err := sitrep.BuildDossier(ctx, db, top, sitrep.DossierOptions{})
	if err != nil {
		return err
	}
	worst := time.Since(t)
	t = time.Now()
	es, err := benchTimeline(ctx, db, top, 0)
	if err != nil {
		return err
	}
	worstTimeline := time.Since(t)
	fmt.Fprintf(w, "search, %d queries (20 hits, snippets, total; %.0f documents found on average): %s\n", n, float64(hits)/float64(n), percentiles(search))
	fmt.Fprintf(w, "search with a date range or an entity filter: %s\n", percentiles(filtered))
	fmt.Fprintf(w, "entity dossier, %d entities drawn by mention: %s\n", n, percentiles(dossier))
	fmt.Fprintf(w, "entity dossier of the most mentioned entity (%s, %s documents): %s\n", d.Name, thousands(d.Documents), ms(worst))
	fmt.Fprintf(w, "entity timeline, %d entities drawn by mention: %s\n", n, percentiles(timeline))
	fmt.Fprintf(w, "entity timeline of the most mentioned entity (%s, %s entries): %s\n", d.Name, thousands(es), ms(worstTimeline))
	fmt.Fprintf(w, "entity timeline, the latest 1,000 records of each kind (sitrep timeline's default --recent): %s\n", percentiles(recent))
	if verbose {
		for _, s := range slowest {
			fmt.Fprintf(w, "  slow: %s %s\n", ms(s.d), s.what)
		}
	}
	return nil
}

// benchTimeline makes the timeline of the entity id over db as "sitrep
// timeline --entity" does, and returns its number of entries.
// limit > 0 reads only the latest limit records of each kind (a page of
// the chronology's recent end, as the UI's dossier page shows it).
func benchTimeline(ctx context.Context, db sitrep.Store, id string, limit int) (int, error) {
	sel := connect.Selector{Entities: []string{id}}
	l, err := connect.Load(ctx, db, connect.Scope{Entities: sel.Entities, Evidence: true, Limit: limit}, connect.LoadAll)
	if err != nil {
		return 0, err
	}
	return len(connect.Timeline(sel, connect.MergeIncidents(l.Incidents, connect.Options{}), l.Quotes, l.Claims, connect.Options{})), nil
}

// percentiles formats the p50, p99 and maximum of durations.
func percentiles(ds []time.Duration) string {
	slices.Sort(ds)
	p := func(q float64) time.Duration { return ds[min(len(ds)-1, int(q*float64(len(ds))))] }
	return fmt.Sprintf("p50 %s, p99 %s, max %s", ms(p(0.50)), ms(p(0.99)), ms(ds[len(ds)-1]))
}
