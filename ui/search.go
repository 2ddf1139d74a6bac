package ui

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

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
	Outlets  []facetValue // the most frequent outlets of the documents found
	// FacetsOf is how many documents the counts cover (the latest matches).
	FacetsOf int
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
	if sq.Since, err = parseDate("since", q.Since, false); err != nil {
		return q, sq, err
	}
	if sq.Until, err = parseDate("until", q.Until, true); err != nil {
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
	sq.Facets = true
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
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, searchHit{SearchHit: h, Snippet: highlight(h.Snippet, h.Highlights), URL: docURL(h.Document.ID)})
	}
	if f := res.Facets; f != nil {
		v.FacetsOf = f.Of
		for _, o := range f.Outlets {
			v.Outlets = append(v.Outlets, facetValue{Label: o.Value, Count: o.Documents, URL: withParam(r, "outlet", o.Value), Active: strings.EqualFold(o.Value, q.Outlet)})
		}
		v.Facets = facetsOf(r, sq, f)
	}
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

// facetsOf turns the store's counts into the filters shown beside the
// hits: for each incident type and for "has a quote" and "has an
// incident", how many of the documents found would stay with that filter
// added (counted in the same query as the search, over its latest
// matches: SearchFacets.Of).
func facetsOf(r *http.Request, sq sitrep.SearchQuery, f *sitrep.SearchFacets) []facet {
	var out []facet
	add := func(name, param, value, label string, count int, active bool) {
		if count <= 0 && !active {
			return
		}
		if len(out) == 0 || out[len(out)-1].Name != name {
			out = append(out, facet{Name: name})
		}
		if active {
			value = ""
		}
		out[len(out)-1].Values = append(out[len(out)-1].Values, facetValue{Label: label, Count: count, Active: active, URL: withParam(r, param, value)})
	}
	for _, t := range sitrep.IncidentTypes {
		add("Incident type", "type", t, human(t), f.Types[t], sq.Type == t)
	}
	add("Has", "quote", "1", "a quote", f.HasQuote, sq.HasQuote)
	add("Has", "incident", "1", "an incident", f.HasIncident, sq.HasIncident)
	return out
}
