package ui

import (
	"net/http"
	"sort"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

type dashboardView struct {
	Stats          *sitrep.StoreStats
	Latest         []sitrep.SearchHit
	Incidents      []incidentItem
	Contradictions []contradictionItem
	Actors         []actorCount
	Window         int // rows of each kind read
}

// actorCount is how often an entity acts in the latest rows.
type actorCount struct {
	ID, Name, Type                string
	Statements, Claims, Incidents int
}

func (a actorCount) total() int { return a.Statements + a.Claims + a.Incidents }

func (u *UI) handleDashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := dashboardView{Window: dashboardRows}
	var err error
	if v.Stats, err = u.store.Stats(ctx); err != nil {
		u.fail(w, r, err)
		return
	}
	res, err := u.store.Search(ctx, sitrep.SearchQuery{Page: sitrep.Page{Limit: 8}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	v.Latest = res.Hits
	l, err := connect.Load(ctx, u.store, connect.Scope{Limit: dashboardRows, Evidence: true}, connect.LoadAll)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	merged := connect.MergeIncidents(l.Incidents, u.opt)
	sortIncidents(merged)
	for i := range merged[:min(8, len(merged))] {
		v.Incidents = append(v.Incidents, incidentItemOf(&merged[i]))
	}
	props := connect.ClaimMatrix(l.Claims, u.opt)
	cs := connect.Contradictions(props, merged)
	sortNewest(cs)
	byID := mergedByID(merged)
	for i := range cs[:min(6, len(cs))] {
		v.Contradictions = append(v.Contradictions, contradictionItemOf(&cs[i], byID))
	}
	v.Actors = activeActors(l, u.opt, 12)
	u.render(w, r, http.StatusOK, "dashboard", page{Title: "Dashboard", Nav: "dashboard", Data: v})
}

// activeActors counts, by entity, the statements made, claims asserted
// and incidents taken part in (as perpetrator or acting force) among the
// loaded rows; the most active first.
func activeActors(l *connect.Loaded, opt connect.Options, n int) []actorCount {
	by := map[string]*actorCount{}
	get := func(id, name string) *actorCount {
		if c, ok := opt.Canonical[id]; ok {
			id = c
		}
		a := by[id]
		if a == nil {
			a = &actorCount{ID: id, Name: name}
			by[id] = a
		}
		return a
	}
	for _, q := range l.Quotes {
		if q.Quote.Speaker.Entity != "" {
			get(q.Quote.Speaker.Entity, q.Quote.Speaker.Name).Statements++
		}
	}
	for _, c := range l.Claims {
		if c.Claim.Speaker.Entity != "" {
			get(c.Claim.Speaker.Entity, c.Claim.Speaker.Name).Claims++
		}
	}
	for _, r := range l.Incidents {
		seen := map[string]bool{}
		for _, p := range r.Incident.Perpetrators {
			if p.Entity != "" && !seen[p.Entity] {
				seen[p.Entity] = true
				get(p.Entity, p.Name).Incidents++
			}
		}
		for _, a := range r.Incident.Actors {
			if a.Entity != "" && !seen[a.Entity] {
				seen[a.Entity] = true
				get(a.Entity, a.Name).Incidents++
			}
		}
	}
	out := make([]actorCount, 0, len(by))
	for _, a := range by {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].total() != out[j].total() {
			return out[i].total() > out[j].total()
		}
		return out[i].Name < out[j].Name
	})
	return out[:min(n, len(out))]
}
