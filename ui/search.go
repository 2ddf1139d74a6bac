package ui

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
)

// pager is a page of a list: rows From to To (1-based, inclusive) of
// Total, with links to the pages around it.
type pager struct {
	Number, From, To, Total int
	Prev, Next              string
}

// pageParam reads the "page" parameter (1 when absent).
func pageParam(r *http.Request) (int, error) {
	s := r.FormValue("page")
	if s == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100000 {
		return 0, sitrep.Errorf(sitrep.EINVALID, "The page %q is not a page number.", clip(s, 20))
	}
	return n, nil
}

func newPager(r *http.Request, n, total, per int) pager {
	p := pager{Number: n, From: (n-1)*per + 1, To: min(total, n*per), Total: total}
	link := func(k int) string {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(k))
		return r.URL.Path + "?" + q.Encode()
	}
	if n > 1 {
		p.Prev = link(n - 1)
	}
	if n*per < total {
		p.Next = link(n + 1)
	}
	return p
}

type searchQuery struct {
	Q, Type, Outlet, Entity, Since, Until string
	HasQuote, HasIncident                 bool
}

type searchView struct {
	Query    searchQuery
	Searched bool
	Entity   *sitrep.EntitySummary // the entity the entity field resolved to
	NoEntity bool                  // the entity field named no entity
	Hits     []searchHit
	Total    int
	AtLeast  bool
	Ranked   int
	Page     pager
	Facets   []facet
	Outlets  []facetValue // outlets of the hits shown
	Types    []string
}

type searchHit struct {
	sitrep.SearchHit
	Snippet template.HTML
	URL     string
}

// facet is one filter with the number of hits each value would leave.
type facet struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	Label  string
	Count  int
	URL    string // the search with this value set
	Active bool
}

// searchParams reads the form into a store query.
func (u *UI) searchParams(r *http.Request) (searchQuery, sitrep.SearchQuery, error) {
	q := searchQuery{
		Q: strings.TrimSpace(r.FormValue("q")), Type: r.FormValue("type"), Outlet: strings.TrimSpace(r.FormValue("outlet")),
		Entity: strings.TrimSpace(r.FormValue("entity")), Since: r.FormValue("since"), Until: r.FormValue("until"),
		HasQuote: r.FormValue("quote") != "", HasIncident: r.FormValue("incident") != "",
	}
	sq := sitrep.SearchQuery{Query: q.Q, Type: q.Type, Outlet: q.Outlet, HasQuote: q.HasQuote, HasIncident: q.HasIncident}
	if len(q.Q) > 1000 {
		return q, sq, sitrep.Errorf(sitrep.EINVALID, "The query is too long (%d characters; 1,000 at most).", len(q.Q))
	}
	if q.Type != "" && !slices.Contains(sitrep.IncidentTypes, q.Type) {
		return q, sq, sitrep.Errorf(sitrep.EINVALID, "Unknown incident type %q.", clip(q.Type, 40))
	}
	var err error
	if sq.Since, err = parseDate("since", q.Since); err != nil {
		return q, sq, err
	}
	if sq.Until, err = parseDate("until", q.Until); err != nil {
		return q, sq, err
	}
	return q, sq, nil
}

func (u *UI) handleSearch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q, sq, err := u.searchParams(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	pg, err := pageParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if pg > searchPages {
		u.fail(w, r, sitrep.Errorf(sitrep.EINVALID, "Pages stop at %d; narrow the search.", searchPages))
		return
	}
	v := searchView{Query: q, Types: sitrep.IncidentTypes, Searched: len(r.URL.RawQuery) > 0}
	if q.Entity != "" {
		found, err := u.store.FindEntities(ctx, sitrep.EntityFilter{Name: q.Entity, Page: sitrep.Page{Limit: 1}})
		if err != nil {
			u.fail(w, r, err)
			return
		}
		if len(found) == 0 {
			v.NoEntity = true
			u.render(w, r, http.StatusOK, "search", page{Title: "Search", Nav: "search", Data: v})
			return
		}
		v.Entity = &found[0]
		sq.Entity = found[0].ID
	}
	sq.Page = sitrep.Page{Limit: searchPage, Offset: (pg - 1) * searchPage}
	res, err := u.store.Search(ctx, sq)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v.Total, v.AtLeast, v.Ranked = res.Total, res.TotalAtLeast, res.Ranked
	reachable := res.Total
	if res.Ranked > 0 {
		reachable = min(reachable, res.Ranked)
	}
	v.Page = newPager(r, pg, min(reachable, searchPage*searchPages), searchPage)
	outlets := map[string]int{}
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, searchHit{SearchHit: h, Snippet: highlight(h.Snippet, h.Highlights), URL: docURL(h.Document.ID)})
		if h.Document.Outlet != "" {
			outlets[h.Document.Outlet]++
		}
	}
	for o, n := range outlets {
		v.Outlets = append(v.Outlets, facetValue{Label: o, Count: n, URL: withParam(r, "outlet", o), Active: strings.EqualFold(o, q.Outlet)})
	}
	slices.SortFunc(v.Outlets, func(a, b facetValue) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	})
	v.Facets = u.facets(r, sq)
	u.render(w, r, http.StatusOK, "search", page{Title: "Search", Nav: "search", Data: v})
}

// withParam is the current search with one parameter set ("" removes it)
// and the page reset.
func withParam(r *http.Request, name, value string) string {
	q := r.URL.Query()
	q.Del("page")
	if value == "" {
		q.Del(name)
	} else {
		q.Set(name, value)
	}
	return "/search?" + q.Encode()
}

// facets counts, for each incident type and for "has a quote" and "has
// an incident", how many documents the search would find with that filter
// added: one bounded count query each (Limit 1), run side by side.
func (u *UI) facets(r *http.Request, sq sitrep.SearchQuery) []facet {
	type job struct {
		facet, value, label string
		q                   sitrep.SearchQuery
		active              bool
	}
	var jobs []job
	for _, t := range sitrep.IncidentTypes {
		q := sq
		q.Type = t
		jobs = append(jobs, job{"Incident type", t, human(t), q, sq.Type == t})
	}
	q := sq
	q.HasQuote = true
	jobs = append(jobs, job{"Has", "quote", "a quote", q, sq.HasQuote})
	q = sq
	q.HasIncident = true
	jobs = append(jobs, job{"Has", "incident", "an incident", q, sq.HasIncident})
	counts := make([]int, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			jobs[i].q.Page = sitrep.Page{Limit: 1}
			res, err := u.store.Search(r.Context(), jobs[i].q)
			if err != nil {
				counts[i] = -1
				return
			}
			counts[i] = res.Total
		}()
	}
	wg.Wait()
	var out []facet
	for i, j := range jobs {
		if counts[i] <= 0 && !j.active {
			continue
		}
		if len(out) == 0 || out[len(out)-1].Name != j.facet {
			out = append(out, facet{Name: j.facet})
		}
		fv := facetValue{Label: j.label, Count: counts[i], Active: j.active}
		param, value := "type", j.value
		if j.facet == "Has" {
			param, value = j.value, "1"
		}
		if j.active {
			value = ""
		}
		fv.URL = withParam(r, param, value)
		out[len(out)-1].Values = append(out[len(out)-1].Values, fv)
	}
	return out
}
