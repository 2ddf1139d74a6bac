package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for sitrep when
// SITREP_TEST_MAIN=1, so that BenchmarkStartup can time new processes.
func TestMain(m *testing.M) {
	if os.Getenv("SITREP_TEST_MAIN") == "1" {
		mm := NewMain()
		os.Exit(mm.exitCode(mm.Run(context.Background(), os.Args[1:])))
	}
	os.Exit(m.Run())
}

// BenchmarkStartup times "sitrep analyze -" on one short article that
// names places, in a new process: Go's start-up and package
// initialisation, the knowledge base, the tagger model, the gazetteer and
// the analysis of one document.
func BenchmarkStartup(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cmd := exec.Command(exe, "analyze", "--quiet", "--workers", "1", "-")
		cmd.Stdin = strings.NewReader(other)
		cmd.Env = append(os.Environ(), "SITREP_TEST_MAIN=1", "GOMAXPROCS=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		if !strings.Contains(string(out), `"place":`) {
			b.Fatalf("no place resolved, the gazetteer was not loaded:\n%s", out)
		}
	}
}
