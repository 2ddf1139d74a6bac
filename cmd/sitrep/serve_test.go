package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer written by the server's goroutines and read by
// the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	write(t, dir, map[string]string{"in/a.txt": "PESHAWAR: Militants attacked a police post in Peshawar on Tuesday, killing two officers, police said.\n"})
	if _, stderr, err := run(t, "", "ingest", "--db", db, filepath.Join(dir, "in")); err != nil {
		t.Fatalf("ingest: %v %s", err, stderr)
	}
	tokenFile := filepath.Join(dir, "token")
	os.WriteFile(tokenFile, []byte("  tok3n\n"), 0o600)

	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- m.serveStore(ctx, serveOptions{db: db, addr: "127.0.0.1:0", token: "tok3n", ready: func(a string) { addr <- a }})
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	get := func(path, token string) (int, string) {
		req, _ := http.NewRequest("GET", base+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/healthz", ""); code != 200 {
		t.Errorf("healthz: %d", code)
	}
	if code, _ := get("/api/v1/stats", ""); code != 401 {
		t.Errorf("stats without token: %d", code)
	}
	code, body := get("/api/v1/stats", "tok3n")
	var st struct{ Documents int }
	if code != 200 || json.Unmarshal([]byte(body), &st) != nil || st.Documents != 1 {
		t.Errorf("stats: %d %s", code, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	if !strings.Contains(out.String(), "serving") || !strings.Contains(errOut.String(), `"path":"/api/v1/stats"`) {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}

	// Bad command lines.
	os.WriteFile(filepath.Join(dir, "empty"), []byte(" \n"), 0o600)
	for _, args := range [][]string{
		{"serve", "--db", db, "--token-file", filepath.Join(dir, "empty")},
		{"serve", "--db", db, "--token-file", filepath.Join(dir, "missing")},
		{"serve", "--db", db, "--token", "a", "--token-file", tokenFile},
		{"serve", "--db", db, "--token", "a b"},
		{"serve", "--db", filepath.Join(dir, "none.db")},
		{"serve", "--db", db, "--addr", "nonsense"},
		{"serve", "extra"},
	} {
		if _, _, err := run(t, "", args...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
