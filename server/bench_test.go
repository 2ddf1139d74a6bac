package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/server"
	"github.com/sitrep-project/sitrep/sqlite"
	"github.com/sitrep-project/sitrep/storetest"
)

// benchServer returns the handler of a server over 3,000 documents:
// copies of storetest.Corpus() with distinct IDs.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "sitrep.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	for i := range 1000 {
		batch := storetest.Corpus()
		for _, a := range batch {
			a.Document.ID = fmt.Sprintf("%s-%d", a.Document.ID, i)
			a.Input.Body += fmt.Sprint(i)
			a.Key = a.Input.Key()
		}
		storetest.MustPut(b, db, batch)
	}
	return server.New(server.Config{Store: db}).Handler()
}

func benchGet(b *testing.B, h http.Handler, target string) {
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", target, w.Code, w.Body)
		}
	}
}

// BenchmarkServer times one search and one dossier request through the
// whole handler (routing, auth off, store, JSON).
func BenchmarkServer(b *testing.B) {
	h := benchServer(b)
	for _, bm := range []struct{ name, target string }{
		{"Search", "/api/v1/search?q=Taliban&limit=20"},
		{"SearchFiltered", "/api/v1/search?q=attack&entity=kb:ttp&since=2024&limit=20"},
		{"Dossier", "/api/v1/entities/kb:ttp"},
	} {
		b.Run(bm.name, func(b *testing.B) { benchGet(b, h, bm.target) })
	}
}
