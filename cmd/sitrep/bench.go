package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/webpage"
	"github.com/sitrep-project/sitrep/ingest"
)

// BenchCommand runs "sitrep bench".
type BenchCommand struct {
	*Main
}

const benchUsage = `Usage: sitrep bench [flags] PATH...

Reads the inputs into memory, then analyses them (cleaning, metadata,
sentences) on --cpu cores, repeating the corpus until --time has passed, and
prints documents/s, MB/s and peak memory. With --baseline, HTML pages are also
run through go-trafilatura alone, the yardstick for HTML throughput.

Example: sitrep bench ../shared/datasets/reuters21578/json-data`

// Run implements the command.
func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("bench", benchUsage)
	cpu := fs.Int("cpu", 1, "cores to use (GOMAXPROCS and workers)")
	minTime := fs.Duration("time", 3*time.Second, "least time to run")
	baseline := fs.Bool("baseline", false, "also time go-trafilatura alone on the HTML inputs")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the analysis to `file`")
	layer := fs.String("layer", "all", "what to time: all (the whole analysis) or clean (cleaning, metadata and sentences: the foundation)")
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
	a := extract.NewAnalyzer()
	if *layer == "clean" {
		a.Stages = []extract.Stage{extract.SentenceStage{}}
	}
	runtime.GC()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	docs, errs, elapsed := timeRuns(ctx, *minTime, len(inputs), *cpu, func(i int) error {
		in := inputs[i]
		_, err := a.Analyze(ctx, extract.Source{Name: in.Source, Format: in.Format, Body: in.Body, URL: in.URL, Title: in.Title, Published: in.Published})
		return err
	})
	passes := float64(docs) / float64(len(inputs))
	fmt.Fprintf(c.Stdout, "sitrep analyze (%s): %d documents in %s: %.0f documents/s, %.2f MB/s (%d without article text)\n",
		*layer, docs, elapsed.Round(time.Millisecond), float64(docs)/elapsed.Seconds(), passes*float64(bytes)/1e6/elapsed.Seconds(), errs)
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
	fmt.Fprintf(c.Stdout, "peak memory (max RSS): %.0f MB\n", float64(maxRSS())/1e6)
	return nil
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

// maxRSS returns the process's peak resident set size in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024
}
