// Command sitrep turns raw news into an evidence-linked record.
//
// Usage:
//
//	sitrep <command> [flags] [arguments]
//
// Run "sitrep help" for the list of commands. Each command lives in a file
// of its own in this package; wiring happens here and nowhere else.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

// ErrUsage is returned for a command line that cannot be run.
var ErrUsage = errors.New("usage")

// errFailed reports that some inputs failed; their errors were printed.
var errFailed = errors.New("some inputs failed")

// Main holds the process's streams so that tests can run commands in
// process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// NewMain returns a Main on the process's standard streams.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	err := m.Run(ctx, os.Args[1:])
	os.Exit(m.exitCode(err))
}

func (m *Main) exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, ErrUsage):
		if err != ErrUsage { // a bare ErrUsage comes after its message
			fmt.Fprintf(m.Stderr, "sitrep: %v\n", err)
		}
		return 2
	case errors.Is(err, errFailed):
		return 1
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(m.Stderr, "sitrep: interrupted")
		return 130
	default:
		fmt.Fprintf(m.Stderr, "sitrep: %v\n", err)
		return 1
	}
}

// Run runs the command named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		m.usage(m.Stderr)
		return ErrUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "analyze", "analyse":
		return (&AnalyzeCommand{Main: m}).Run(ctx, rest)
	case "entities":
		return (&EntitiesCommand{Main: m}).Run(ctx, rest)
	case "incidents":
		return (&IncidentsCommand{Main: m}).Run(ctx, rest)
	case "claims":
		return (&ClaimsCommand{Main: m}).Run(ctx, rest)
	case "contradictions":
		return (&ContradictionsCommand{Main: m}).Run(ctx, rest)
	case "timeline":
		return (&TimelineCommand{Main: m}).Run(ctx, rest)
	case "demo":
		return (&DemoCommand{Main: m}).Run(ctx, rest)
	case "eval":
		return (&EvalCommand{Main: m}).Run(ctx, rest)
	case "kb":
		return (&KBCommand{Main: m}).Run(ctx, rest)
	case "bench":
		return (&BenchCommand{Main: m}).Run(ctx, rest)
	case "ingest":
		return (&IngestCommand{Main: m}).Run(ctx, rest)
	case "reanalyze", "reanalyse":
		return (&ReanalyzeCommand{Main: m}).Run(ctx, rest)
	case "search":
		return (&SearchCommand{Main: m}).Run(ctx, rest)
	case "entity":
		return (&EntityCommand{Main: m}).Run(ctx, rest)
	case "quotes":
		return (&QuotesCommand{Main: m}).Run(ctx, rest)
	case "show":
		return (&ShowCommand{Main: m}).Run(ctx, rest)
	case "serve":
		return (&ServeCommand{Main: m}).Run(ctx, rest)
	case "version", "--version", "-version":
		fmt.Fprintln(m.Stdout, "sitrep", Version)
		return nil
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			return m.Run(ctx, []string{rest[0], "-h"})
		}
		m.usage(m.Stdout)
		return nil
	default:
		fmt.Fprintf(m.Stderr, "sitrep: unknown command %q\n\n", cmd)
		m.usage(m.Stderr)
		return ErrUsage
	}
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprint(w, `sitrep turns raw news into an evidence-linked intelligence record.

Usage:

	sitrep <command> [flags] [arguments]

Commands:

	analyze         clean and analyse articles, print one JSON document per article
	entities        analyse articles and list their entities across documents, with the merges made
	incidents       analyse articles and merge their incidents across documents, with figures and flags
	claims          analyse articles and show the claims matrix: who affirmed and who denied what, when
	contradictions  analyse articles and list contradictions, strongest first
	timeline        analyse articles and put what happened and was said about an entity in order
	demo            analyse the built-in sample corpus and show what was found
	ingest          analyse articles and keep them in the store (idempotent, resumable)
	reanalyze       run the current analysis again over the stored inputs
	search          find stored documents by full text and filters
	entity          the dossier of an entity: aliases, mentions by month, quotes, claims, incidents
	quotes          list stored quotes by speaker, date and words
	show            print stored documents by ID
	serve           serve the store: web interface and JSON API (127.0.0.1:8080)
	kb              list, show and check the knowledge base of actors
	eval            score sitrep against gold data (eval extract)
	bench           measure throughput and memory on a corpus (bench store: the store; bench serve: the server)
	version         print the version

Run "sitrep <command> -h" for a command's flags.
`)
}

// newFlagSet returns a flag set that reports errors instead of exiting,
// with a usage text made of synopsis and the flags.
func (m *Main) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "%s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a flag error into ErrUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", ErrUsage, err)
	}
	return nil
}
