package main

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestTmpEvalDates(t *testing.T) {
	a := os.Getenv("EVALDATES")
	if a == "" {
		t.Skip()
	}
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	if err := (&EvalCommand{Main: m}).evalDates(context.Background(), strings.Fields(a)); err != nil {
		t.Fatal(err)
	}
}
