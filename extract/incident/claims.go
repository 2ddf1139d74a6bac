package incident

import (
	"sort"

	"github.com/sitrep-project/sitrep"
)

// ResponsibilityClaims returns the responsibility claims the incidents of
// doc carry and doc.Claims lacks: a group that claimed an incident
// asserts its own responsibility; a group blamed or suspected is said
// responsible by whoever blamed it (the article when nobody is named),
// hedged when only suspected. The object is the incident as the text
// names it ("suicide attack in Parachinar").
func ResponsibilityClaims(doc *sitrep.Document) []sitrep.Claim {
	var out []sitrep.Claim
	for _, in := range doc.Incidents {
		for _, p := range in.Perpetrators {
			if p.Entity == "" || p.Start >= p.End {
				continue
			}
			c := sitrep.Claim{
				Subject:   sitrep.Actor{Name: p.Name, Entity: p.Entity, Start: p.Start, End: p.End},
				Predicate: sitrep.PredicateResponsibility,
				Object:    incidentObject(doc, in),
				Polarity:  sitrep.PolarityAffirm,
				Hedged:    p.Basis == sitrep.BasisSuspected,
				Quote:     -1,
				Start:     in.Start,
				End:       in.End,
			}
			// the evidence is the sentence naming the group
			for _, s := range doc.Sentences {
				if s.Start <= p.Start && p.End <= s.End {
					c.Start, c.End = s.Start, s.End
				}
			}
			switch {
			case p.Basis == sitrep.BasisClaimed:
				c.Speaker = sitrep.Actor{Name: p.Name, Entity: p.Entity}
			case p.Speaker != nil:
				c.Speaker = *p.Speaker
			}
			for qi, q := range doc.Quotes {
				if q.Start <= p.Start && p.End <= q.End {
					c.Quote = qi
					c.Date, c.DateBasis = q.Date, q.DateBasis
				}
			}
			if c.Date == "" && !doc.Published.IsZero() {
				c.Date, c.DateBasis = doc.Published.String(), "published"
			}
			if !hasClaim(doc.Claims, c) && !hasClaim(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// incidentObject names an incident by its words: from the cue to its
// place when the place follows in the same sentence, else the cue.
func incidentObject(doc *sitrep.Document, in sitrep.Incident) sitrep.Actor {
	a := sitrep.Actor{Name: in.Cue, Start: in.CueStart, End: in.CueEnd}
	if p := in.Place; p != nil && p.Start > in.CueEnd && p.End <= in.End && p.Start-in.CueEnd < 60 {
		a.End = p.End
		a.Name = doc.Text[a.Start:a.End]
	}
	return a
}

func hasClaim(cs []sitrep.Claim, c sitrep.Claim) bool {
	for _, o := range cs {
		if o.Predicate == c.Predicate && o.Subject.Entity == c.Subject.Entity && o.Start < c.End && c.Start < o.End {
			return true
		}
	}
	return false
}

// MergeClaims adds extra claims to doc.Claims in text order.
func MergeClaims(doc *sitrep.Document, extra []sitrep.Claim) {
	if len(extra) == 0 {
		return
	}
	doc.Claims = append(doc.Claims, extra...)
	sort.SliceStable(doc.Claims, func(a, b int) bool { return doc.Claims[a].Start < doc.Claims[b].Start })
}
