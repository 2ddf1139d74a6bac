package sitrep

import "context"

// Dossier is what a store holds on one entity, for an analyst: its
// profile (aliases and where each was seen, mentions by month,
// co-occurring entities) and the latest quotes by it, claims by it and
// about it, and incidents it is part of.
type Dossier struct {
	*EntityProfile
	Quotes      []QuoteRow    `json:"quotes"`       // by the entity
	ClaimsBy    []ClaimRow    `json:"claims_by"`    // the entity asserts
	ClaimsAbout []ClaimRow    `json:"claims_about"` // the entity is the subject or the object of
	Incidents   []IncidentRow `json:"incidents"`    // as perpetrator, target, acting force or place
	// More says which lists hold only the latest DossierOptions.Limit
	// rows of more: "quotes", "claims_by", "claims_about", "incidents".
	More []string `json:"more,omitempty"`
}

// DossierOptions shape a dossier.
type DossierOptions struct {
	EntityOptions
	// Limit is the most rows of each list (0: 10).
	Limit int
}

// BuildDossier gathers the dossier of the entity ref (an ID, else a name
// or alias, as Store.Entity resolves it). It is ENOTFOUND when no entity
// matches.
func BuildDossier(ctx context.Context, s Store, ref string, opt DossierOptions) (*Dossier, error) {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	p, err := s.Entity(ctx, ref, opt.EntityOptions)
	if err != nil {
		return nil, err
	}
	d := &Dossier{EntityProfile: p}
	page := Page{Limit: opt.Limit + 1}
	more := func(name string, n int) bool {
		if n > opt.Limit {
			d.More = append(d.More, name)
			return true
		}
		return false
	}
	if d.Quotes, err = s.Quotes(ctx, QuoteFilter{Speaker: p.ID, Page: page}); err != nil {
		return nil, err
	}
	if more("quotes", len(d.Quotes)) {
		d.Quotes = d.Quotes[:opt.Limit]
	}
	if d.ClaimsBy, err = s.Claims(ctx, ClaimFilter{Speaker: p.ID, Page: page}); err != nil {
		return nil, err
	}
	if more("claims_by", len(d.ClaimsBy)) {
		d.ClaimsBy = d.ClaimsBy[:opt.Limit]
	}
	if d.ClaimsAbout, err = s.Claims(ctx, ClaimFilter{Entity: p.ID, Page: page}); err != nil {
		return nil, err
	}
	if more("claims_about", len(d.ClaimsAbout)) {
		d.ClaimsAbout = d.ClaimsAbout[:opt.Limit]
	}
	if d.Incidents, err = s.Incidents(ctx, IncidentFilter{Entity: p.ID, Page: page}); err != nil {
		return nil, err
	}
	if more("incidents", len(d.Incidents)) {
		d.Incidents = d.Incidents[:opt.Limit]
	}
	return d, nil
}
