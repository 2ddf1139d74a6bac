package main

import (
	"context"
	"os"
	"strings"
	"testing"
)

func TestTmpEvalNER(t *testing.T) {
	args := os.Getenv("TMP_EVALNER_ARGS")
	if args == "" {
		t.Skip()
	}
	m := NewMain()
	if err := (&EvalCommand{Main: m}).evalNER(context.Background(), strings.Fields(args)); err != nil {
		t.Fatal(err)
	}
}
