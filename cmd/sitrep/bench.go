package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/webpage"
	"github.com/sitrep-project/sitrep/geo"
	"github.com/sitrep-project/sitrep/ingest"
)

// BenchCommand runs "sitrep bench".
type BenchCommand struct {
	*Main
}

const benchUsage = `Usage: sitrep bench [flags] PATH...
       sitrep bench store [flags]
       sitrep bench serve [flags]

Reads the inputs into memory, then analyses them on --cpu cores, repeating
the corpus until --time has passed, and prints documents/s, tokens/s, MB/s
and peak memory. --layer all (the default) times the whole analysis:
cleaning, metadata, sentences, dates and entities with the knowledge base,
the tagger and the gazetteer; --layer clean times the foundation alone
(cleaning, metadata and sentences). With --baseline, HTML pages are also run
through go-trafilatura alone, the yardstick for HTML throughput.

Tokens are the words of each document's clean text: runs of characters
other than white space, as strings.Fields splits them, so "U.S.-backed"
and "5.93" count one each. Documents with no article text count none.
The MB/s figure is of the input bytes.

Start-up is measured twice, before the timed runs. In process: from a cold
start to the first document analysed, with the knowledge base, the tagger
model and the gazetteer loaded, each part timed. In a new process (--startup
runs, median): the wall time of "sitrep analyze -" on the first input that
names a place, so that the gazetteer loads; this includes what the Go
runtime does before main, such as initialising the packages linked in.

"sitrep bench store" measures the store instead (sitrep bench store -h);
"sitrep bench serve" the HTTP server under load (sitrep bench serve -h).

Example: sitrep bench --time 4s ../shared/datasets/reuters21578/json-data/reut2-000.json`

// Run implements the command.
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "serve" {
		return c.runServe(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "store" {
		return c.runStore(ctx, args[1:])
	}
	fs := c.newFlagSet("bench", benchUsage)
	cpu := fs.Int("cpu", 1, "cores to use (GOMAXPROCS and workers)")
	minTime := fs.Duration("time", 3*time.Second, "least time to run")
	baseline := fs.Bool("baseline", false, "also time go-trafilatura alone on the HTML inputs")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the analysis to `file`")
	layer := fs.String("layer", "all", "what to time: all (the whole analysis) or clean (cleaning, metadata and sentences: the foundation)")
	startups := fs.Int("startup", 3, "fresh processes to time for the start-up figure (0: none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no PATH given", ErrUsage)
	}
	if *cpu < 1 {
		return fmt.Errorf("%w: --cpu must be 1 or more", ErrUsage)
	}
	prev := runtime.GOMAXPROCS(*cpu)
	defer runtime.GOMAXPROCS(prev)

	var inputs []ingest.Input
	var failed int
	r := &ingest.Reader{Stdin: c.Stdin}
	if err := r.Walk(ctx, fs.Args(), func(in ingest.Input) error {
		inputs = append(inputs, in)
		return nil
	}, func(err error) {
		failed++
		fmt.Fprintf(c.Stderr, "sitrep: %v\n", err)
	}); err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("no inputs to measure")
	}
	var bytes int64
	var nHTML int
	for _, in := range inputs {
		bytes += int64(len(in.Body))
		if in.Format == sitrep.FormatHTML {
			nHTML++
		}
	}
	fmt.Fprintf(c.Stdout, "corpus: %d inputs (%d HTML, %d text), %.1f MB, %d unreadable; %d core(s)\n",
		len(inputs), nHTML, len(inputs)-nHTML, float64(bytes)/1e6, failed, *cpu)

	if *layer != "all" && *layer != "clean" {
		return fmt.Errorf("%w: --layer must be all or clean", ErrUsage)
	}
	src := func(in ingest.Input) extract.Source {
		return extract.Source{Name: in.Source, Format: in.Format, Body: in.Body, URL: in.URL, Title: in.Title, Published: in.Published}
	}

	// Start-up in process: everything the analysis loads, then the first
	// document. Parts already loaded (by an earlier run in the same
	// process) take no time.
	t0 := time.Now()
	a := extract.NewAnalyzer()
	if *layer == "clean" {
		a.Stages = []extract.Stage{extract.SentenceStage{}}
	}
	t1 := time.Now()
	if *layer == "all" {
		if _, err := geo.Default(); err != nil {
			return err
		}
	}
	t2 := time.Now()
	_, _ = a.Analyze(ctx, src(inputs[0]))
	t3 := time.Now()
	fmt.Fprintf(c.Stdout, "start-up in process: %s to the first document analysed (analyzer with knowledge base and tagger model %s, gazetteer %s, first document %s)\n",
		ms(t3.Sub(t0)), ms(t1.Sub(t0)), ms(t2.Sub(t1)), ms(t3.Sub(t2)))

	// One untimed pass counts the tokens and finds a document that names
	// a place.
	tokens := make([]int, len(inputs))
	var totalTokens int64
	placed := -1
	for i, in := range inputs {
		doc, err := a.Analyze(ctx, src(in))
		if err != nil {
			continue
		}
		tokens[i] = countWords(doc.Text)
		totalTokens += int64(tokens[i])
		if placed < 0 {
			for _, e := range doc.Entities {
				if e.Place != nil {
					placed = i
					break
				}
			}
		}
	}
	if *startups > 0 {
		if placed < 0 {
			placed = 0
		}
		d, err := timeStartup(ctx, inputs[placed].Body, *startups, *cpu)
		if err != nil {
			return fmt.Errorf("start-up: %w", err)
		}
		fmt.Fprintf(c.Stdout, "start-up in a new process: %s (sitrep analyze - on %s, median of %d)\n", ms(d), inputs[placed].Source, *startups)
	}

	runtime.GC()
	stop, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stop()
	docs, errs, elapsed := timeRuns(ctx, *minTime, len(inputs), *cpu, func(i int) error {
		_, err := a.Analyze(ctx, src(inputs[i]))
		return err
	})
	passes := float64(docs) / float64(len(inputs))
	fmt.Fprintf(c.Stdout, "sitrep analyze (%s): %d documents in %s: %.0f documents/s, %.0f tokens/s, %.2f MB/s (%d without article text; %.1f tokens a document)\n",
		*layer, docs, elapsed.Round(time.Millisecond), float64(docs)/elapsed.Seconds(), passes*float64(totalTokens)/elapsed.Seconds(),
		passes*float64(bytes)/1e6/elapsed.Seconds(), errs, float64(totalTokens)/float64(len(inputs)))
	if *baseline && nHTML > 0 {
		var pages [][]byte
		var pageBytes int64
		for _, in := range inputs {
			if in.Format == sitrep.FormatHTML {
				pages = append(pages, []byte(in.Body))
				pageBytes += int64(len(in.Body))
			}
		}
		docs, _, elapsed := timeRuns(ctx, *minTime, len(pages), *cpu, func(i int) error {
			return webpage.Baseline(pages[i])
		})
		fmt.Fprintf(c.Stdout, "go-trafilatura alone: %d pages in %s: %.0f pages/s, %.2f MB/s\n",
			docs, elapsed.Round(time.Millisecond), float64(docs)/elapsed.Seconds(),
			float64(docs)/float64(len(pages))*float64(pageBytes)/1e6/elapsed.Seconds())
	}
	if *layer == "all" {
		stageTimes(ctx, c.Stdout, a, inputs, src)
	}
	fmt.Fprintf(c.Stdout, "peak memory (max RSS): %.0f MB\n", float64(maxRSS())/1e6)
	return nil
}

// stageTimes times each stage alone, on one core, over the cleaned
// inputs (each stage after the ones before it), and prints each stage's
// time per document and its share of the entity stage's.
func stageTimes(ctx context.Context, w io.Writer, a *extract.Analyzer, inputs []ingest.Input, src func(ingest.Input) extract.Source) {
	var docs []*sitrep.Document
	for _, in := range inputs {
		if d, err := a.Clean(src(in)); err == nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return
	}
	took := make([]time.Duration, len(a.Stages))
	for _, d := range docs {
		for i, st := range a.Stages {
			t := time.Now()
			_ = st.Process(ctx, d)
			took[i] += time.Since(t)
		}
	}
	var ent time.Duration
	for i, st := range a.Stages {
		if st.Name() == "entities" {
			ent = took[i]
		}
	}
	fmt.Fprintf(w, "stages (one core, %d documents, per document):", len(docs))
	for i, st := range a.Stages {
		per := float64(took[i].Microseconds()) / float64(len(docs))
		if ent > 0 && st.Name() != "entities" && i > 0 {
			fmt.Fprintf(w, " %s %.0f µs (%.0f%% of entities);", st.Name(), per, 100*float64(took[i])/float64(ent))
		} else {
			fmt.Fprintf(w, " %s %.0f µs;", st.Name(), per)
		}
	}
	fmt.Fprintln(w)
}

// timeRuns calls fn over 0..n-1, repeatedly, on workers goroutines, until
// at least min has passed and every input ran once. It returns the calls
// made and how many returned an error.
func timeRuns(ctx context.Context, min time.Duration, n, workers int, fn func(int) error) (calls, errs int, elapsed time.Duration) {
	start := time.Now()
	for pass := 0; pass == 0 || time.Since(start) < min; pass++ {
		if ctx.Err() != nil {
			break
		}
		next := make(chan int)
		done := make(chan [2]int)
		for w := 0; w < workers; w++ {
			go func() {
				c, e := 0, 0
				for i := range next {
					c++
					if fn(i) != nil {
						e++
					}
				}
				done <- [2]int{c, e}
			}()
		}
		for i := 0; i < n; i++ {
			next <- i
		}
		close(next)
		for w := 0; w < workers; w++ {
			r := <-done
			calls += r[0]
			errs += r[1]
		}
	}
	return calls, errs, time.Since(start)
}

// countWords returns the number of runs of characters other than white
// space in s: len(strings.Fields(s)), without the slice.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// timeStartup runs "sitrep analyze -" on body in n new processes of this
// executable, limited to cpu cores, and returns the median wall time.
func timeStartup(ctx context.Context, body string, n, cpu int) (time.Duration, error) {
	if testing.Testing() {
		// A test binary would run the tests again, not sitrep.
		return 0, errors.New("cannot start sitrep from a test binary; use --startup 0")
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	times := make([]time.Duration, 0, n)
	for range n {
		cmd := exec.CommandContext(ctx, exe, "analyze", "--quiet", "--workers", "1", "-")
		cmd.Stdin = strings.NewReader(body)
		cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", cpu))
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			return 0, fmt.Errorf("%s analyze -: %v: %.200s", exe, err, out)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}

// ms formats d in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

// maxRSS returns the process's peak resident set size in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// startCPUProfile writes a CPU profile to path until stop is called; an
// empty path profiles nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
