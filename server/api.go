package server

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) error {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.Write(openAPIDoc)
	return nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// resolve turns an entity named by a user (an ID, a name or an alias,
// or a name the knowledge base knows) into the ID of the matching stored
// entity in the most documents.
func (s *Server) resolve(ctx context.Context, param, ref string) (string, error) {
	found, err := s.cfg.Store.FindEntities(ctx, sitrep.EntityFilter{Name: ref, Page: sitrep.Page{Limit: 1}})
	if err != nil {
		return "", err
	}
	if len(found) == 0 {
		if id := s.kbEntity(ref); id != "" {
			if found, err = s.cfg.Store.FindEntities(ctx, sitrep.EntityFilter{Name: id, Page: sitrep.Page{Limit: 1}}); err != nil {
				return "", err
			}
		}
	}
	if len(found) == 0 {
		return "", sitrep.Errorf(sitrep.ENOTFOUND, "%s: no entity %q in the store (try a name, an alias or an ID such as kb:ttp)", param, ref)
	}
	return found[0].ID, nil
}

// isEntityID reports whether ref has the form of an entity ID
// ("kb:ttp", "auto:person:zabihullah-mujahid") rather than of a name.
func isEntityID(ref string) bool {
	return (strings.HasPrefix(ref, "kb:") || strings.HasPrefix(ref, "auto:")) && !strings.ContainsAny(ref, " \t")
}

// kbEntity returns the entity ID of the knowledge-base entry with the
// name, alias or acronym ref (ignoring case), or "".
func (s *Server) kbEntity(ref string) string {
	if s.cfg.KB == nil {
		return ""
	}
	ref = strings.Join(strings.Fields(ref), " ")
	for _, e := range s.cfg.KB.Entries {
		for _, n := range append(append([]string{e.Name}, e.Aliases...), e.Acronyms...) {
			if strings.EqualFold(n, ref) {
				return "kb:" + e.ID
			}
		}
	}
	return ""
}

// selector resolves the names of a repeatable parameter for the routes
// across documents. Names that match no stored entity are kept as names
// (actors outside the entity list: "police").
func (s *Server) selector(ctx context.Context, names []string) (connect.Selector, error) {
	sel, err := connect.ResolveNames(ctx, s.cfg.Store, names)
	if err != nil {
		return sel, err
	}
	seen := map[string]bool{}
	for _, id := range sel.Entities {
		seen[id] = true
	}
	for _, n := range names {
		if id := s.kbEntity(n); id != "" && !seen[id] {
			found, err := s.cfg.Store.FindEntities(ctx, sitrep.EntityFilter{Name: id, Page: sitrep.Page{Limit: 1}})
			if err != nil {
				return sel, err
			}
			if len(found) > 0 {
				seen[id] = true
				sel.Entities = append(sel.Entities, found[0].ID)
			}
		}
	}
	return sel, nil
}

// searchAnswer is the answer of GET /api/v1/search.
type searchAnswer struct {
	*sitrep.SearchResult
	NextCursor string `json:"next_cursor,omitempty"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	q := sitrep.SearchQuery{
		Query:       p.str("q"),
		Type:        p.oneOf("type", "", sitrep.IncidentTypes...),
		Outlet:      p.str("outlet"),
		HasQuote:    p.boolean("has_quote"),
		HasIncident: p.boolean("has_incident"),
		Facets:      p.boolean("facets"),
		Page:        p.page(defaultLimit),
	}
	dr := p.dates()
	q.Since, q.Until = dr.Since, dr.Until
	if err := p.Err(); err != nil {
		return err
	}
	e := p.str("entity")
	if e != "" && !isEntityID(e) {
		id, err := s.resolve(r.Context(), "entity", e)
		if err != nil {
			return err
		}
		q.Entity = id
	} else {
		// An entity ID is used as it is: resolving it costs as much as
		// the search (the store counts the entity's documents). Only when
		// nothing is found is it checked, to tell an unknown entity.
		q.Entity = e
	}
	res, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	if e != "" && isEntityID(e) && len(res.Hits) == 0 && q.Offset == 0 {
		id, err := s.resolve(r.Context(), "entity", e)
		if err != nil {
			return err
		}
		if id != e {
			q.Entity = id
			if res, err = s.cfg.Store.Search(r.Context(), q); err != nil {
				return err
			}
		}
	}
	reach := res.Total
	if q.Query != "" {
		reach = res.Ranked
	}
	if res.Hits == nil {
		res.Hits = []sitrep.SearchHit{}
	}
	writeJSON(w, http.StatusOK, searchAnswer{res, p.next(q.Page, len(res.Hits), q.Offset+len(res.Hits) < reach)})
	return nil
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) error {
	d, err := s.cfg.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// entitiesAnswer is the answer of GET /api/v1/entities.
type entitiesAnswer struct {
	Entities   []sitrep.EntitySummary `json:"entities"`
	NextCursor string                 `json:"next_cursor,omitempty"`
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := sitrep.EntityFilter{Name: p.str("name"), Type: p.oneOf("type", "", "person", "organization", "location", "norp"), Page: p.page(defaultLimit)}
	if f.Name == "" {
		p.fail("name is required: an entity ID, name or alias")
	}
	if err := p.Err(); err != nil {
		return err
	}
	pg := f.Page
	f.Limit++
	found, err := s.cfg.Store.FindEntities(r.Context(), f)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		if id := s.kbEntity(f.Name); id != "" {
			f.Name = id
			if found, err = s.cfg.Store.FindEntities(r.Context(), f); err != nil {
				return err
			}
		}
	}
	found, more := pageOf(found, pg)
	if found == nil {
		found = []sitrep.EntitySummary{}
	}
	writeJSON(w, http.StatusOK, entitiesAnswer{found, p.next(pg, len(found), more)})
	return nil
}

func (s *Server) dossier(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	opt := sitrep.DossierOptions{
		Limit:         p.integer("limit", 10, 1, maxLimit),
		EntityOptions: sitrep.EntityOptions{CoOccurring: p.integer("co", 10, 1, 100)},
	}
	if err := p.Err(); err != nil {
		return err
	}
	ref := r.PathValue("id")
	d, err := sitrep.BuildDossier(r.Context(), s.cfg.Store, ref, opt)
	if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
		if id := s.kbEntity(ref); id != "" {
			d, err = sitrep.BuildDossier(r.Context(), s.cfg.Store, id, opt)
		}
	}
	if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
		return sitrep.Errorf(sitrep.ENOTFOUND, "no entity %q in the store (try a name, an alias or an ID such as kb:ttp)", ref)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, d)
	return nil
}

// listAnswer is the answer of the list routes: the rows under the name
// of the route, and the cursor of the next page.
type listAnswer[T any] struct {
	Items      []T
	Name       string
	NextCursor string
	Truncated  bool
}

// MarshalJSON writes {"NAME": [...], "next_cursor": "...", "truncated": true}.
func (a listAnswer[T]) MarshalJSON() ([]byte, error) {
	m := map[string]any{a.Name: a.Items}
	if a.Items == nil {
		m[a.Name] = []T{}
	}
	if a.NextCursor != "" {
		m["next_cursor"] = a.NextCursor
	}
	if a.Truncated {
		m["truncated"] = true
	}
	return marshal(m)
}

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := sitrep.QuoteFilter{Query: p.str("q"), Document: p.str("document"), DateRange: p.dates(), Page: p.page(50)}
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.resolveParams(r.Context(), p, entityParam{"speaker", &f.Speaker}, entityParam{"about", &f.About}); err != nil {
		return err
	}
	pg := f.Page
	f.Limit++ // one more row tells whether there is a next page
	rows, err := s.cfg.Store.Quotes(r.Context(), f)
	if err != nil {
		return err
	}
	rows, more := pageOf(rows, pg)
	writeJSON(w, http.StatusOK, listAnswer[sitrep.QuoteRow]{Items: rows, Name: "quotes", NextCursor: p.next(pg, len(rows), more)})
	return nil
}

// entityParam is a query parameter naming an entity and the filter field
// its ID goes into.
type entityParam struct {
	param string
	to    *string
}

// resolveParams resolves the entity parameters given (a name, alias or
// ID each) into their filter fields.
func (s *Server) resolveParams(ctx context.Context, p *params, eps ...entityParam) error {
	for _, e := range eps {
		if v := p.str(e.param); v != "" {
			id, err := s.resolve(ctx, e.param, v)
			if err != nil {
				return err
			}
			*e.to = id
		}
	}
	return nil
}

// pageOf cuts rows read with one row more than the page's limit to the
// page, and says whether there was more.
func pageOf[T any](rows []T, pg sitrep.Page) ([]T, bool) {
	if len(rows) > pg.Limit {
		return rows[:pg.Limit], true
	}
	return rows, false
}

func (s *Server) incidentReports(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	f := sitrep.IncidentFilter{Type: p.oneOf("type", "", sitrep.IncidentTypes...), Place: p.str("place"), Document: p.str("document"),
		Evidence: p.boolean("evidence"), DateRange: p.dates(), Page: p.page(50)}
	if err := p.Err(); err != nil {
		return err
	}
	if err := s.resolveParams(r.Context(), p, entityParam{"entity", &f.Entity}, entityParam{"perpetrator", &f.Perpetrator},
		entityParam{"target", &f.Target}); err != nil {
		return err
	}
	pg := f.Page
	f.Limit++
	rows, err := s.cfg.Store.Incidents(r.Context(), f)
	if err != nil {
		return err
	}
	rows, more := pageOf(rows, pg)
	writeJSON(w, http.StatusOK, listAnswer[sitrep.IncidentRow]{Items: rows, Name: "reports", NextCursor: p.next(pg, len(rows), more)})
	return nil
}

// load reads the records of the routes across documents: those of the
// selected entities and places, or all of them when none is (names
// outside the entity list select among them afterwards).
func (s *Server) load(ctx context.Context, sel connect.Selector, dr sitrep.DateRange, evidence bool, kinds int) (*connect.Loaded, error) {
	sc := connect.Scope{Entities: sel.Entities, Places: sel.Places, DateRange: dr, Evidence: evidence, Limit: s.cfg.MaxRecords}
	return connect.Load(ctx, s.cfg.Store, sc, kinds)
}

func (s *Server) incidents(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	names, places := p.list("entity"), p.list("place")
	typ := p.oneOf("type", "", sitrep.IncidentTypes...)
	sortBy := p.oneOf("sort", "date", "date", "killed", "reports")
	evidence := p.boolean("evidence")
	dr := p.dates()
	pg := p.page(50)
	if err := p.Err(); err != nil {
		return err
	}
	sel, err := s.selector(r.Context(), names)
	if err != nil {
		return err
	}
	sel.Places = append(sel.Places, places...)
	l, err := s.load(r.Context(), sel, dr, evidence, connect.LoadIncidents)
	if err != nil {
		return err
	}
	merged := connect.MergeIncidents(l.Incidents, s.cfg.Connect)
	if len(names) > 0 || len(places) > 0 {
		// Keep the incidents the selection is party to (Load read them by
		// entity; merging brought no others, but names select too).
		merged = selectIncidents(sel, merged, s.cfg.Connect)
	}
	if typ != "" {
		merged = slices.DeleteFunc(merged, func(m connect.MergedIncident) bool { return m.Type != typ })
	}
	sortIncidents(merged, sortBy)
	page, more := paginate(merged, pg)
	writeJSON(w, http.StatusOK, listAnswer[connect.MergedIncident]{Items: page, Name: "incidents", NextCursor: p.next(pg, len(page), more), Truncated: l.Truncated})
	return nil
}

// selectIncidents keeps the merged incidents a timeline of sel would
// show.
func selectIncidents(sel connect.Selector, merged []connect.MergedIncident, opt connect.Options) []connect.MergedIncident {
	entries := connect.Timeline(sel, merged, nil, nil, opt)
	keep := map[string]bool{}
	for _, e := range entries {
		if e.Incident != nil {
			keep[e.Incident.ID] = true
		}
	}
	return slices.DeleteFunc(merged, func(m connect.MergedIncident) bool { return !keep[m.ID] })
}

// sortIncidents orders merged incidents: by date (latest first, unknown
// last), by the best estimate of the killed (most first) or by the
// number of reports (most first); ties by date, then ID.
func sortIncidents(ms []connect.MergedIncident, by string) {
	killed := func(m *connect.MergedIncident) int {
		if m.Killed == nil {
			return -1
		}
		return m.Killed.Best
	}
	slices.SortStableFunc(ms, func(a, b connect.MergedIncident) int {
		switch by {
		case "killed":
			if c := cmp.Compare(killed(&b), killed(&a)); c != 0 {
				return c
			}
		case "reports":
			if c := cmp.Compare(len(b.Reports), len(a.Reports)); c != 0 {
				return c
			}
		}
		da, db := firstDay(a.Date), firstDay(b.Date)
		if c := db.Compare(da); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// firstDay is the first day of an ISO 8601 date of any precision
// ("2017", "2017-06", "2017-W25", "2017-06-23"); the zero time when it is
// unknown.
func firstDay(s string) time.Time {
	if len(s) < 4 {
		return time.Time{}
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil {
		return time.Time{}
	}
	switch {
	case len(s) == 4:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case len(s) >= 8 && s[5] == 'W':
		wk, _ := strconv.Atoi(s[6:8])
		// ISO week 1 holds January 4; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(wk-1))
	case len(s) == 7:
		t, _ := time.Parse("2006-01", s)
		return t
	}
	t, _ := time.Parse("2006-01-02", s[:min(len(s), 10)])
	return t
}

func (s *Server) claims(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	subjects, objects := p.list("subject"), p.list("object")
	f := connect.PropositionFilter{Predicate: p.str("predicate"), Contested: p.boolean("contested")}
	evidence := p.boolean("evidence")
	dr := p.dates()
	pg := p.page(50)
	if err := p.Err(); err != nil {
		return err
	}
	var l *connect.Loaded
	var err error
	if f.Subject, f.Object, l, err = s.loadActors(r.Context(), subjects, objects, dr, evidence, connect.LoadClaims); err != nil {
		return err
	}
	props := f.Filter(connect.ClaimMatrix(l.Claims, s.cfg.Connect))
	page, more := paginate(props, pg)
	writeJSON(w, http.StatusOK, listAnswer[connect.Proposition]{Items: page, Name: "propositions", NextCursor: p.next(pg, len(page), more), Truncated: l.Truncated})
	return nil
}

// loadActors loads the records about the subjects and objects named, and
// returns what a PropositionFilter matches them by: the ids found and the
// names as given.
func (s *Server) loadActors(ctx context.Context, subjects, objects []string, dr sitrep.DateRange, evidence bool, kinds int) ([]string, []string, *connect.Loaded, error) {
	subjSel, err := s.selector(ctx, subjects)
	if err != nil {
		return nil, nil, nil, err
	}
	objSel, err := s.selector(ctx, objects)
	if err != nil {
		return nil, nil, nil, err
	}
	var sel connect.Selector
	if len(subjSel.Entities) > 0 && len(objSel.Entities) > 0 {
		// Both sides named: the claims of one side hold the others.
		sel.Entities = subjSel.Entities
	} else {
		sel.Entities = append(subjSel.Entities, objSel.Entities...)
	}
	l, err := s.load(ctx, sel, dr, evidence, kinds)
	if err != nil {
		return nil, nil, nil, err
	}
	var subj, obj []string
	if len(subjects) > 0 {
		subj = append(subjSel.Entities, subjects...)
	}
	if len(objects) > 0 {
		obj = append(objSel.Entities, objects...)
	}
	return subj, obj, l, nil
}

// contradictionKinds are the kinds of connect.Contradiction.
var contradictionKinds = []string{connect.KindSpeakersDisagree, connect.KindStanceChanged, connect.KindConflictingFigures, connect.KindCompetingClaims}

func (s *Server) contradictions(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	names := p.list("entity")
	kind := p.oneOf("kind", "", contradictionKinds...)
	evidence := p.boolean("evidence")
	dr := p.dates()
	pg := p.page(50)
	if err := p.Err(); err != nil {
		return err
	}
	sel, err := s.selector(r.Context(), names)
	if err != nil {
		return err
	}
	l, err := s.load(r.Context(), sel, dr, evidence, connect.LoadIncidents|connect.LoadClaims)
	if err != nil {
		return err
	}
	merged := connect.MergeIncidents(l.Incidents, s.cfg.Connect)
	props := connect.ClaimMatrix(l.Claims, s.cfg.Connect)
	if len(names) > 0 {
		merged = selectIncidents(sel, merged, s.cfg.Connect)
		actors := append(slices.Clone(sel.Entities), names...)
		props = uniqueProps(append(connect.PropositionFilter{Subject: actors}.Filter(props),
			connect.PropositionFilter{Object: actors}.Filter(props)...))
	}
	cs := connect.Contradictions(props, merged)
	if kind != "" {
		cs = slices.DeleteFunc(cs, func(c connect.Contradiction) bool { return c.Kind != kind })
	}
	page, more := paginate(cs, pg)
	writeJSON(w, http.StatusOK, listAnswer[connect.Contradiction]{Items: page, Name: "contradictions", NextCursor: p.next(pg, len(page), more), Truncated: l.Truncated})
	return nil
}

func uniqueProps(ps []connect.Proposition) []connect.Proposition {
	seen := map[string]bool{}
	return slices.DeleteFunc(ps, func(p connect.Proposition) bool {
		if seen[p.Key] {
			return true
		}
		seen[p.Key] = true
		return false
	})
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r)
	names := p.list("entity")
	if len(names) == 0 {
		p.fail("entity is required: the entity, place or group the timeline is about (a name, alias or id; repeatable)")
	}
	order := p.oneOf("order", "asc", "asc", "desc")
	evidence := p.boolean("evidence")
	dr := p.dates()
	pg := p.page(100)
	if err := p.Err(); err != nil {
		return err
	}
	sel, err := s.selector(r.Context(), names)
	if err != nil {
		return err
	}
	if len(sel.Entities) == 0 && len(sel.Places) == 0 {
		return sitrep.Errorf(sitrep.ENOTFOUND, "entity: no entity named %s in the store (try a name, an alias or an ID such as kb:ttp)", strings.Join(names, ", "))
	}
	l, err := s.load(r.Context(), sel, dr, evidence, connect.LoadAll)
	if err != nil {
		return err
	}
	merged := connect.MergeIncidents(l.Incidents, s.cfg.Connect)
	entries := connect.Timeline(sel, merged, l.Quotes, l.Claims, s.cfg.Connect)
	if order == "desc" {
		slices.Reverse(entries)
	}
	page, more := paginate(entries, pg)
	writeJSON(w, http.StatusOK, timelineAnswer{Selector: sel, listAnswer: listAnswer[connect.TimelineEntry]{Items: page, Name: "entries", NextCursor: p.next(pg, len(page), more), Truncated: l.Truncated}})
	return nil
}

// timelineAnswer is the answer of GET /api/v1/timeline: the entries and
// what the names resolved to.
type timelineAnswer struct {
	Selector connect.Selector
	listAnswer[connect.TimelineEntry]
}

// MarshalJSON adds "selector" to the list.
func (a timelineAnswer) MarshalJSON() ([]byte, error) {
	m := map[string]any{"entries": a.Items, "selector": a.Selector}
	if a.Items == nil {
		m["entries"] = []connect.TimelineEntry{}
	}
	if a.NextCursor != "" {
		m["next_cursor"] = a.NextCursor
	}
	if a.Truncated {
		m["truncated"] = true
	}
	return marshal(m)
}

// ingestAnswer is the answer of POST /api/v1/documents.
type ingestAnswer struct {
	Counts    map[string]int        `json:"counts"`
	Documents []sitrep.InputOutcome `json:"documents"`
}

func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingest == nil {
		return sitrep.Errorf(codeMethod, "this server is read-only: it takes no documents")
	}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		return sitrep.Errorf(sitrep.ETOOLARGE, "request body larger than %s: post fewer documents at a time", sizeText(s.cfg.MaxBodyBytes))
	}
	select {
	case s.ingest <- struct{}{}:
		defer func() { <-s.ingest }()
	case <-r.Context().Done():
		return r.Context().Err()
	}
	// The body is read whole before anything is stored, so that a body
	// over the limit stores nothing.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return sitrep.Errorf(sitrep.EINVALID, "empty body: post a JSON array of records or JSON Lines (one record a line)")
	}
	out, err := s.cfg.Ingest(r.Context(), bytes.NewReader(body))
	if err != nil {
		return err
	}
	a := ingestAnswer{Counts: map[string]int{}, Documents: out}
	for _, o := range out {
		a.Counts[o.Status]++
	}
	if a.Documents == nil {
		a.Documents = []sitrep.InputOutcome{}
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}
