package ui

import (
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// predicates are the claim predicates, in the order the filter offers
// them.
var predicates = []string{
	sitrep.PredicatePresence, sitrep.PredicateThreat, sitrep.PredicateResponsibility, sitrep.PredicateSupport,
	sitrep.PredicateCooperation, sitrep.PredicateAffiliation, sitrep.PredicateStrength,
}

// stanceItem is one stance as a mark of the matrix, or a line of a
// contradiction.
type stanceItem struct {
	Speaker  actorLink
	Kind     string // connect.SpeakerEntity, SpeakerWords, SpeakerArticle
	Polarity string
	Hedged   bool
	Value    string
	When     string
	URL      string // the first evidence
	Excerpt  string
	Source   string // outlet or title of the first evidence
	More     int    // further evidence
}

func stanceItemOf(s *connect.Stance) stanceItem {
	it := stanceItem{Speaker: linkOf(s.Speaker.Name, s.Speaker.Entity), Kind: s.SpeakerKind, Polarity: s.Polarity,
		Hedged: s.Hedged, Value: s.Value, When: whenText(s.When)}
	if s.SpeakerKind == connect.SpeakerArticle {
		it.Speaker.Name = "article: " + it.Speaker.Name
	}
	if len(s.Evidence) > 0 {
		e := s.Evidence[0]
		it.URL = evidenceURL(e.DocID, e.Start, e.End)
		it.Excerpt = clip(e.Excerpt, 300)
		it.Source = e.Outlet
		if it.Source == "" {
			it.Source = e.Source
		}
		it.More = len(s.Evidence) - 1
	}
	return it
}

// matrixRow is one speaker's stances on one proposition, by period.
type matrixRow struct {
	Speaker actorLink
	Kind    string
	Cells   [][]stanceItem // one per column of the matrix
}

type propositionItem struct {
	Text      string
	Predicate string
	Subject   actorLink
	Object    actorLink
	Contested bool
	Relations []sitrep.EntityRelation
	Rows      []matrixRow
	Affirmed  int
	Denied    int
}

type claimsView struct {
	Query        claimsQuery
	Predicates   []string
	Columns      []string
	Propositions []propositionItem
	Total        int
	Claims       int
	Truncated    bool
	Window       int
	Page         pager
}

type claimsQuery struct {
	Name, Predicate string
	Contested       bool
}

// Claims matrix bounds: propositions per page, and the most period
// columns (older stances share the first, "earlier", column).
const (
	propositionsPage = 40
	matrixColumns    = 12
)

func (u *UI) handleClaims(w http.ResponseWriter, r *http.Request) {
	q := claimsQuery{Name: strings.TrimSpace(r.FormValue("name")), Predicate: r.FormValue("predicate"), Contested: r.FormValue("contested") != ""}
	if q.Predicate != "" && !slices.Contains(predicates, q.Predicate) {
		u.fail(w, r, sitrep.Errorf(sitrep.EINVALID, "Unknown claim predicate %q.", clip(q.Predicate, 40)))
		return
	}
	pg, err := pageParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	props, l, err := u.propositions(r, q.Name)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	f := connect.PropositionFilter{Predicate: q.Predicate, Contested: q.Contested}
	props = f.Filter(props)
	// Contested first, then the most stances.
	sort.SliceStable(props, func(i, j int) bool {
		a, b := &props[i], &props[j]
		if a.Contested != b.Contested {
			return a.Contested
		}
		return len(a.Affirmed)+len(a.Denied) > len(b.Affirmed)+len(b.Denied)
	})
	v := claimsView{Query: q, Predicates: predicates, Total: len(props), Claims: len(l.Claims), Truncated: l.Truncated, Window: connectRows}
	v.Page = newPager(r, pg, len(props), propositionsPage)
	shown := props[min(len(props), v.Page.From-1):min(len(props), v.Page.To)]
	v.Columns = matrixPeriods(shown)
	for i := range shown {
		v.Propositions = append(v.Propositions, propositionItemOf(&shown[i], v.Columns))
	}
	u.render(w, r, http.StatusOK, "claims", page{Title: "Claims", Nav: "claims", Data: v})
}

// propositions loads the latest claims (those of the entities a name
// resolves to, when given) and builds their matrix.
func (u *UI) propositions(r *http.Request, name string) ([]connect.Proposition, *connect.Loaded, error) {
	sc := connect.Scope{Limit: connectRows, Evidence: true}
	var ids []string
	if name != "" {
		sel, err := connect.ResolveNames(r.Context(), u.store, []string{name})
		if err != nil {
			return nil, nil, err
		}
		if len(sel.Entities) == 0 {
			return nil, &connect.Loaded{}, nil
		}
		sc.Entities, ids = sel.Entities, sel.Entities
	}
	l, err := connect.Load(r.Context(), u.store, sc, connect.LoadClaims)
	if err != nil {
		return nil, nil, err
	}
	props := connect.ClaimMatrix(l.Claims, u.opt)
	if len(ids) > 0 {
		props = slices.DeleteFunc(props, func(p connect.Proposition) bool {
			return !slices.Contains(ids, p.Subject.Entity) && !slices.Contains(ids, p.Object.Entity) && !spokenBy(&p, ids)
		})
	}
	return props, l, nil
}

func spokenBy(p *connect.Proposition, ids []string) bool {
	for _, ss := range [][]connect.Stance{p.Affirmed, p.Denied} {
		for _, s := range ss {
			if slices.Contains(ids, s.Speaker.Entity) {
				return true
			}
		}
	}
	return false
}

// period is the column of a stance: its month, its year when that is all
// that is known, "undated" without a date.
func period(w connect.When) string {
	if m := monthOf(w.Date); m != "" {
		return m
	}
	if len(w.Date) >= 4 {
		return w.Date[:4]
	}
	return "undated"
}

// matrixPeriods returns the columns of the matrix: the periods of the
// stances in time order, undated last, at most matrixColumns (the oldest
// merged into the first, "earlier").
func matrixPeriods(props []connect.Proposition) []string {
	seen := map[string]bool{}
	var ps []string
	undated := false
	for i := range props {
		for _, ss := range [][]connect.Stance{props[i].Affirmed, props[i].Denied} {
			for _, s := range ss {
				p := period(s.When)
				if p == "undated" {
					undated = true
				} else if !seen[p] {
					seen[p] = true
					ps = append(ps, p)
				}
			}
		}
	}
	sort.Strings(ps)
	if len(ps) > matrixColumns {
		ps = append([]string{"earlier"}, ps[len(ps)-matrixColumns+1:]...)
	}
	if undated {
		ps = append(ps, "undated")
	}
	return ps
}

func column(cols []string, w connect.When) int {
	p := period(w)
	if i := slices.Index(cols, p); i >= 0 {
		return i
	}
	if len(cols) > 0 && cols[0] == "earlier" {
		return 0
	}
	return len(cols) - 1
}

func propositionItemOf(p *connect.Proposition, cols []string) propositionItem {
	it := propositionItem{Text: connect.PropositionText(p.Predicate, p.Subject, p.Object), Predicate: p.Predicate,
		Subject: linkOf(p.Subject.Name, p.Subject.Entity), Object: linkOf(p.Object.Name, p.Object.Entity),
		Contested: p.Contested, Relations: p.SubjectRelations, Affirmed: len(p.Affirmed), Denied: len(p.Denied)}
	rows := map[string]int{}
	var order []string
	add := func(s *connect.Stance) {
		i, ok := rows[s.SpeakerKey]
		if !ok {
			i = len(it.Rows)
			rows[s.SpeakerKey] = i
			order = append(order, s.SpeakerKey)
			st := stanceItemOf(s)
			it.Rows = append(it.Rows, matrixRow{Speaker: st.Speaker, Kind: s.SpeakerKind, Cells: make([][]stanceItem, len(cols))})
		}
		c := column(cols, s.When)
		if c >= 0 {
			it.Rows[i].Cells[c] = append(it.Rows[i].Cells[c], stanceItemOf(s))
		}
	}
	for i := range p.Affirmed {
		add(&p.Affirmed[i])
	}
	for i := range p.Denied {
		add(&p.Denied[i])
	}
	return it
}

// contradictionItem is a contradiction as pages show it.
type contradictionItem struct {
	Kind, Summary string
	Score         float64
	Hedged        bool
	Latest        string
	Proposition   string
	Affirmed      []stanceItem
	Denied        []stanceItem
	Incident      *incidentItem
	FigureKind    string
	Figures       []figureItem
	Perpetrators  []perpetratorItem
}

type figureItem struct {
	Value, Text, By string
	Claimant        bool
	URL             string
	Published       string
}

func contradictionItemOf(c *connect.Contradiction, merged map[string]*connect.MergedIncident) contradictionItem {
	it := contradictionItem{Kind: c.Kind, Summary: c.Summary, Score: c.Score, Hedged: c.Hedged, Latest: latestOf(c), FigureKind: c.FigureKind}
	if c.Proposition != nil {
		it.Proposition = connect.PropositionText(c.Proposition.Predicate, c.Proposition.Subject, c.Proposition.Object)
	}
	for i := range c.Affirmed {
		it.Affirmed = append(it.Affirmed, stanceItemOf(&c.Affirmed[i]))
	}
	for i := range c.Denied {
		it.Denied = append(it.Denied, stanceItemOf(&c.Denied[i]))
	}
	if c.Incident != nil {
		if m := merged[c.Incident.ID]; m != nil {
			inc := incidentItemOf(m)
			it.Incident = &inc
		}
	}
	for _, f := range c.Figures {
		it.Figures = append(it.Figures, figureItem{Value: num(f.Estimate), Text: f.Text, By: f.By.Name, Claimant: f.Claimant,
			URL: evidenceURL(f.DocID, f.Start, f.End), Published: f.Published.String()})
	}
	for _, p := range c.Perpetrators {
		it.Perpetrators = append(it.Perpetrators, perpetratorItem{linkOf(p.Name, p.Entity), p.Basis})
	}
	return it
}

// latestOf is the latest date of a contradiction's stances or incident.
func latestOf(c *connect.Contradiction) string {
	latest := ""
	for _, ss := range [][]connect.Stance{c.Affirmed, c.Denied} {
		for _, s := range ss {
			latest = max(latest, s.When.Date)
		}
	}
	if c.Incident != nil {
		latest = max(latest, c.Incident.Date)
	}
	return latest
}

// sortNewest puts the contradictions with the latest dates first, keeping
// the strongest first among equally recent ones.
func sortNewest(cs []connect.Contradiction) {
	sort.SliceStable(cs, func(i, j int) bool { return latestOf(&cs[i]) > latestOf(&cs[j]) })
}

type contradictionsView struct {
	Kind           string
	Kinds          []string
	Contradictions []contradictionItem
	Total          int
	Truncated      bool
	Window         int
	Page           pager
}

var contradictionKinds = []string{connect.KindSpeakersDisagree, connect.KindStanceChanged, connect.KindConflictingFigures, connect.KindCompetingClaims}

const contradictionsPage = 50

func (u *UI) handleContradictions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	kind := r.FormValue("kind")
	if kind != "" && !slices.Contains(contradictionKinds, kind) {
		u.fail(w, r, sitrep.Errorf(sitrep.EINVALID, "Unknown contradiction kind %q.", clip(kind, 40)))
		return
	}
	pg, err := pageParam(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	l, err := connect.Load(ctx, u.store, connect.Scope{Limit: connectRows, Evidence: true}, connect.LoadIncidents|connect.LoadClaims)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	merged := connect.MergeIncidents(l.Incidents, u.opt)
	cs := connect.Contradictions(connect.ClaimMatrix(l.Claims, u.opt), merged)
	if kind != "" {
		cs = slices.DeleteFunc(cs, func(c connect.Contradiction) bool { return c.Kind != kind })
	}
	v := contradictionsView{Kind: kind, Kinds: contradictionKinds, Total: len(cs), Truncated: l.Truncated, Window: connectRows}
	v.Page = newPager(r, pg, len(cs), contradictionsPage)
	byID := mergedByID(merged)
	for i := v.Page.From - 1; i >= 0 && i < v.Page.To; i++ {
		v.Contradictions = append(v.Contradictions, contradictionItemOf(&cs[i], byID))
	}
	u.render(w, r, http.StatusOK, "contradictions", page{Title: "Contradictions", Nav: "contradictions", Data: v})
}
