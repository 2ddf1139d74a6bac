package main

// The second half of "sitrep demo": the sample corpus ingested into a
// store, and what the store answers.

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/sample"
	"github.com/sitrep-project/sitrep/worker"
)

// How much of each answer the demo prints.
const (
	demoTimeline       = 15
	demoPropositions   = 8
	demoContradictions = 10
)

// demoStore ingests the sample articles into the store at path (a new one
// in a temporary directory when path is "") as "sitrep ingest" does, then
// prints on w what the store answers about the most documented armed
// group or person among candidates (entity ids by the documents that name
// them). It returns the store's path, and cleanup, which removes a
// temporary store: the caller calls it when done with the store.
func demoStore(ctx context.Context, w io.Writer, path string, candidates map[string]int) (storePath string, cleanup func(), err error) {
	cleanup = func() {}
	temporary := path == ""
	if temporary {
		dir, err := os.MkdirTemp("", "sitrep-demo-")
		if err != nil {
			return "", cleanup, err
		}
		cleanup = func() { os.RemoveAll(dir) }
		path = filepath.Join(dir, "sitrep.db")
	}
	fail := func(err error) (string, func(), error) { return path, cleanup, err }
	s, err := openStore(ctx, path, true)
	if err != nil {
		return fail(err)
	}
	defer s.Close()
	arts, err := sample.Articles()
	if err != nil {
		return fail(err)
	}
	start := time.Now()
	g := &worker.Ingester{Store: s, Analyzer: extract.NewAnalyzer(), Report: func(err error) { fmt.Fprintf(w, "sitrep: %v\n", err) }}
	n, err := g.Run(ctx, func(ctx context.Context, emit func(*sitrep.Input) error, fail func(error)) error {
		for _, a := range arts {
			if err := emit(&sitrep.Input{Source: a.URL, Format: sitrep.FormatText, Body: a.Text, URL: a.URL, Title: a.Title, Outlet: a.Outlet}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	where := path + " (temporary: removed at the end; --db FILE keeps it)"
	if !temporary {
		where = path
	}
	fmt.Fprintf(w, "\n=== The store\n\nIngested the %d statements into a store as \"sitrep ingest\" does, in %s: %d new, %d unchanged.\nStore: %s\n",
		len(arts), time.Since(start).Round(time.Millisecond), n.New, n.Unchanged+n.Duplicates, where)
	st, err := s.Stats(ctx)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(w, "It holds %s, %s, %s, %s, %s and %s (%.1f MB).\n", count(st.Documents, "document"), count(st.Entities, "entity"),
		count(st.Mentions, "mention"), count(st.Quotes, "quote"), count(st.Claims, "claim"), count(st.Incidents, "incident report"),
		float64(st.Bytes)/1e6)

	k, err := kb.Default()
	if err != nil {
		return fail(err)
	}
	opt := connect.Options{Relations: connect.RelationsOfKB(k)}
	all, err := connect.Load(ctx, s, connect.Scope{Evidence: true}, connect.LoadAll)
	if err != nil {
		return fail(err)
	}
	merged := connect.MergeIncidents(all.Incidents, opt)
	props := connect.ClaimMatrix(all.Claims, opt)

	// The dossier and timeline of the most documented armed group or person.
	if id := demoSubject(ctx, s, candidates); id != "" {
		d, err := sitrep.BuildDossier(ctx, s, id, sitrep.DossierOptions{Limit: 3})
		if err != nil {
			return fail(err)
		}
		fmt.Fprintf(w, "\n=== Dossier of the most documented armed group or person (sitrep entity %s)\n\n", id)
		d.Months = nil // the sample statements carry no publication dates
		writeDossier(w, d)
		sel, err := connect.ResolveNames(ctx, s, []string{id})
		if err != nil {
			return fail(err)
		}
		l, err := connect.Load(ctx, s, connect.Scope{Entities: sel.Entities, Places: sel.Places, Evidence: true}, connect.LoadAll)
		if err != nil {
			return fail(err)
		}
		es := connect.Timeline(sel, connect.MergeIncidents(l.Incidents, opt), l.Quotes, l.Claims, opt)
		fmt.Fprintf(w, "\n=== Timeline of %s: %s, by when things happened or were said (sitrep timeline --entity %s)\n\n",
			d.Name, count(len(es), "entry"), id)
		writeTimelineTable(w, es[:min(len(es), demoTimeline)], []string{d.Name})
		if len(es) > demoTimeline {
			fmt.Fprintf(w, "… and %d more.\n", len(es)-demoTimeline)
		}
	}

	// The propositions most spoken about: contested ones first.
	top := slices.Clone(props)
	slices.SortStableFunc(top, func(a, b connect.Proposition) int {
		if a.Contested != b.Contested {
			if a.Contested {
				return -1
			}
			return 1
		}
		return cmp.Compare(len(b.Affirmed)+len(b.Denied), len(a.Affirmed)+len(a.Denied))
	})
	fmt.Fprintf(w, "\n=== Claims matrix: %s from %s, the most argued over (sitrep claims)\n\n", count(len(props), "proposition"), count(len(all.Claims), "claim"))
	writeClaimsTable(w, top[:min(len(top), demoPropositions)])

	cs := connect.Contradictions(props, merged)
	fmt.Fprintf(w, "\n=== Contradictions: %d, strongest first (sitrep contradictions)\n\n", len(cs))
	writeContradictionsTable(w, cs[:min(len(cs), demoContradictions)])

	db := ""
	if !temporary {
		db = " --db " + path
	}
	fmt.Fprintf(w, "\nNext: sitrep ingest%s PATH... (your own articles), then sitrep search%s WORDS, sitrep entity%s NAME, "+
		"sitrep timeline%s --entity NAME, sitrep incidents%s --by month,perpetrator.\n", db, db, db, db, db)
	return path, cleanup, nil
}

// demoSubject returns the entity of the store, among the candidates,
// that most documents name and that is a person or an armed group; ""
// when none is.
func demoSubject(ctx context.Context, s sitrep.Store, candidates map[string]int) string {
	ids := make([]string, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(candidates[b], candidates[a]), cmp.Compare(a, b))
	})
	for _, id := range ids {
		found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: id, Page: sitrep.Page{Limit: 1}})
		if err == nil && len(found) > 0 && found[0].ID == id {
			return id
		}
	}
	return ""
}
