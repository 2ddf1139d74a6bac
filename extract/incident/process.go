package incident

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// event is what one sentence tells of one incident.
type event struct {
	typ      string
	cue      cueAt
	definite bool
	fresh    bool
	weak     bool
	place    *sitrep.IncidentPlace
	pscore   int
	date     *sitrep.DateMention
	figs     []figureOf
	perps    []sitrep.Perpetrator
	targets  []sitrep.Actor
	actors   []sitrep.Actor
	hedged   bool
}

func (e *event) anchored() bool {
	return e.place != nil || e.date != nil || len(e.figs) > 0 || len(e.perps) > 0 || len(e.targets) > 0
}

// process reads one sentence.
func (f *finder) process(s *sent) {
	if len(s.ts) == 0 {
		return
	}
	cs := s.findCues()
	figs := s.figures()
	claims := s.claimed()
	// group cues into events: one per family, the most specific type
	var evs []*event
	strong := false
	for _, c := range cs {
		if c.kind != kindWeak && family(c.typ) == 0 {
			strong = true
		}
	}
	for _, c := range cs {
		if c.kind == kindWeak && strong {
			continue
		}
		var ev *event
		for _, e := range evs {
			if family(e.typ) == family(c.typ) {
				ev = e
			}
		}
		if ev == nil {
			ev = &event{typ: c.typ, cue: c, definite: c.definite, fresh: c.fresh, weak: c.kind == kindWeak}
			evs = append(evs, ev)
			continue
		}
		if ev.cue.words[0] == "gunmen" && c.typ == ev.typ {
			ev.cue = c // "Gunmen attacked": the verb tells the event
		}
		if rank[c.typ] < rank[ev.typ] {
			ev.typ = c.typ
			if !ev.weak && ev.cue.kind == kindNoun || c.kind == kindNoun || ev.weak {
				ev.cue = c
			}
		}
		ev.fresh = ev.fresh || c.fresh
		ev.definite = ev.definite && c.definite
	}
	for _, ev := range evs {
		f.fill(s, ev, figs, claims, len(evs))
	}
	// weak events need evidence: a killed count, with a place or a date
	kept := evs[:0]
	for _, ev := range evs {
		if ev.weak {
			hasCount := false
			for _, fg := range ev.figs {
				if (fg.what == casKilled || fg.what == casInjured) && !fg.zero {
					hasCount = true
				}
			}
			for _, fg := range ev.figs {
				if fg.what == casKilled && fg.fig.Max == nil && fg.fig.Min >= 100 {
					hasCount = false // "hundreds of thousands have been killed": a war's toll
				}
			}
			anchor := ev.place != nil || ev.date != nil || len(ev.perps) > 0 || s.militantSubject(ev.cue, ev.perps) || s.hasDateText()
			if !(hasCount && anchor) && !(ev.definite && f.current(s) != nil) {
				continue
			}
			// "the three villagers were killed": victims told before, so
			// the figures add to the incident being told
			if s.definiteVictims(ev.figs) && f.current(s) != nil {
				continue
			}
			if ev.cue.words[0] == "killed" || ev.cue.words[0] == "killing" || ev.cue.words[0] == "killings" || ev.cue.words[0] == "slain" || ev.cue.words[0] == "shot" || ev.cue.words[0] == "murdered" || ev.cue.words[0] == "murder" {
				if len(ev.actors) > 0 && len(ev.perps) == 0 && !ev.cue.backref {
					ev.typ = sitrep.IncidentSecurityOperation
				}
			}
		}
		kept = append(kept, ev)
	}
	evs = kept
	// "Maoists raided the village and abducted a teacher": armed men's
	// raid without casualties is the abduction's way in, not an incident
	// of its own
	kidnap := false
	for _, ev := range evs {
		if ev.typ == sitrep.IncidentKidnapping {
			kidnap = true
		}
	}
	if kidnap {
		kept = evs[:0]
		for _, ev := range evs {
			w := ev.cue.words[0]
			if ev.typ == sitrep.IncidentArmedAttack && (w == "raided" || w == "raid" || w == "stormed") && !hasCasualties(ev.figs) {
				continue
			}
			kept = append(kept, ev)
		}
		evs = kept
	}
	if len(evs) == 0 {
		// figures or a claim with no cue add to the incident being told
		cur := f.current(s)
		if cur == nil {
			return
		}
		ev := &event{typ: cur.Type, definite: true}
		f.fill(s, ev, figs, claims, 1)
		if len(ev.figs) == 0 && len(ev.perps) == 0 {
			return
		}
		ev.place, ev.date, ev.targets, ev.actors = nil, nil, nil, nil
		f.merge(cur, ev, s)
		return
	}
	for _, ev := range evs {
		if ev.typ == sitrep.IncidentArrest && !s.arrestee(ev) {
			continue
		}
		if ev.cue.kind != kindWeak && !ev.anchored() && !ev.definite && s.para > 1 && !s.lead() {
			// an indefinite bare mention deep in the text with nothing
			// about it: "a suicide attack is always possible"
			if f.coref(s, ev) == nil {
				continue
			}
		}
		if cur := f.coref(s, ev); cur != nil {
			f.merge(cur, ev, s)
			continue
		}
		f.add(s, ev)
	}
}

// lead reports whether the sentence is in the lead: the first two
// paragraphs.
func (s *sent) lead() bool { return s.para <= 1 }

// current returns the incident being told: the last one, told in this
// or the previous paragraph.
func (f *finder) current(s *sent) *inc {
	if len(f.incs) == 0 {
		return nil
	}
	c := f.incs[len(f.incs)-1]
	if s.para-c.lastPara > 1 {
		return nil
	}
	return c
}

// coref returns the incident an event continues, or nil for a new one.
func (f *finder) coref(s *sent, ev *event) *inc {
	if ev.fresh {
		return nil
	}
	for k := len(f.incs) - 1; k >= 0; k-- {
		c := f.incs[k]
		if !compatible(c.Type, ev.typ) {
			continue
		}
		if ev.place != nil && c.Place != nil && !samePlace(c.Place, ev.place) {
			if ev.definite {
				continue
			}
			return nil
		}
		if ev.date != nil && ev.date.Value != "" && c.dateStated && ev.date.Value != c.Date && !datesClose(ev.date.Value, c.Date) {
			continue
		}
		near := s.para-c.lastPara <= 1
		switch {
		case ev.definite:
			return c
		case ev.cue.kind == kindVerb && near && (ev.place == nil || c.Place != nil):
			// "Militants stormed the post ... The attackers opened fire"
			if ev.place == nil && ev.date == nil || ev.place != nil {
				return c
			}
		case near && ev.place != nil && c.Place != nil && (ev.date == nil || c.dateStated):
			return c
		case near && ev.place == nil && ev.date == nil && s.idx-c.lastSent <= 1:
			return c
		}
		if !ev.definite {
			return nil
		}
	}
	return nil
}

func compatible(a, b string) bool {
	if a == b {
		return true
	}
	if family(a) != family(b) {
		return false
	}
	bomb := func(t string) bool { return t == sitrep.IncidentBombing || t == sitrep.IncidentSuicideBombing }
	if bomb(a) && bomb(b) {
		return true
	}
	// a generic attack continues any violent event
	return a == sitrep.IncidentArmedAttack || b == sitrep.IncidentArmedAttack || a == sitrep.IncidentArmedClash && b == sitrep.IncidentSecurityOperation || b == sitrep.IncidentArmedClash && a == sitrep.IncidentSecurityOperation
}

func samePlace(a, b *sitrep.IncidentPlace) bool {
	if a.Entity != "" && a.Entity == b.Entity || strings.EqualFold(a.Name, b.Name) {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	in := func(x, y *sitrep.IncidentPlace) bool {
		return strings.EqualFold(x.Name, y.Admin1) || strings.EqualFold(x.Name, y.Admin2) || strings.EqualFold(x.Name, y.Country) || x.Precision == sitrep.PrecisionCountry && strings.EqualFold(x.Name, y.Country)
	}
	return in(a, b) || in(b, a)
}

func datesClose(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// add starts a new incident from an event.
func (f *finder) add(s *sent, ev *event) {
	c := &inc{firstSent: s.idx, lastSent: s.idx, firstPara: s.para, lastPara: s.para}
	c.Type = ev.typ
	c.Cue = s.doc.Text[s.ts[ev.cue.i].s:s.ts[ev.cue.j-1].e]
	c.CueStart, c.CueEnd = s.ts[ev.cue.i].s, s.ts[ev.cue.j-1].e
	c.Start, c.End = s.sp.Start, s.sp.End
	f.incs = append(f.incs, c)
	f.merge(c, ev, s)
}

// merge adds what an event tells to an incident.
func (f *finder) merge(c *inc, ev *event, s *sent) {
	c.lastSent, c.lastPara = s.idx, s.para
	if rank[ev.typ] < rank[c.Type] && compatible(ev.typ, c.Type) && ev.cue.j > 0 {
		c.Type = ev.typ
		c.Cue = s.doc.Text[s.ts[ev.cue.i].s:s.ts[ev.cue.j-1].e]
		c.CueStart, c.CueEnd = s.ts[ev.cue.i].s, s.ts[ev.cue.j-1].e
	}
	if ev.place != nil && (c.Place == nil || ev.pscore > c.placeScore && finer(ev.place, c.Place)) {
		c.Place, c.placeScore = ev.place, ev.pscore
	}
	if ev.date != nil && !c.dateStated && (ev.date.Value != "" || c.DateText == "") {
		// a date expression that cannot be resolved (no reference date)
		// is kept as words with a null date
		c.Date, c.DatePrecision, c.DateText = ev.date.Value, ev.date.Precision, ev.date.Text
		c.DateStart, c.DateEnd, c.DateBasis = ev.date.Start, ev.date.End, ""
		if ev.date.Value != "" {
			c.DateBasis, c.dateStated = "stated", true
		} else {
			c.DatePrecision = ""
		}
	}
	toll := false
	for _, fg := range ev.figs {
		toll = toll || fg.toll
	}
	for _, fg := range ev.figs {
		fig := fg.fig
		if fg.later && fg.what == casKilled && !toll {
			// a victim who succumbed adds to the dead told, and leaves
			// the injured when counted among them
			n := fig.Min
			if c.Killed != nil && !isZero(c.Killed) && !c.killedToll && c.Killed.End <= fig.Start {
				k := *c.Killed
				k.Min, k.Estimate = k.Min+n, k.Estimate+n
				if k.Max != nil {
					k.Max = intp(*k.Max + n)
				}
				c.Killed = &k
			} else if c.Killed == nil || isZero(c.Killed) {
				c.Killed = &fig
			}
			if fg.ofInjured && c.Injured != nil && c.Injured.Min >= n && c.Injured.Start <= fig.Start {
				j := *c.Injured
				j.Min, j.Estimate = j.Min-n, max(j.Estimate-n, 0)
				if j.Max != nil {
					j.Max = intp(*j.Max - n)
				}
				c.Injured = &j
				if j.Min == 0 {
					c.Injured = nil // all the injured died
				}
			}
			continue
		}
		switch fg.what {
		case casKilled:
			// a stated zero only where no figure is told; any figure
			// replaces it
			if fg.zero {
				if c.Killed == nil {
					c.Killed = &fig
				}
				continue
			}
			if c.Killed == nil || isZero(c.Killed) || fg.toll && !c.killedToll || fg.toll && fig.Estimate > c.Killed.Estimate {
				c.Killed, c.killedToll = &fig, fg.toll
			}
		case casInjured:
			if c.Injured == nil || isZero(c.Injured) && !fg.zero {
				c.Injured = &fig
			}
		case casKidnapped:
			if c.Kidnapped == nil {
				c.Kidnapped = &fig
			}
		case casArrested:
			if c.Arrested == nil {
				c.Arrested = &fig
			}
		}
	}
	for _, p := range ev.perps {
		dup := false
		for i, q := range c.Perpetrators {
			if q.Entity == p.Entity && q.Name == p.Name {
				dup = true
				if basisRank(p.Basis) < basisRank(q.Basis) {
					c.Perpetrators[i] = p
				}
			}
		}
		if !dup {
			c.Perpetrators = append(c.Perpetrators, p)
		}
	}
	c.Targets = addActors(c.Targets, ev.targets)
	c.Actors = addActors(c.Actors, ev.actors)
	if ev.hedged && len(c.Perpetrators) == 0 && c.lastSent == c.firstSent {
		c.Hedged = true
	}
}

func basisRank(b string) int {
	switch b {
	case sitrep.BasisClaimed:
		return 0
	case sitrep.BasisAttributed:
		return 1
	}
	return 2
}

func addActors(dst, src []sitrep.Actor) []sitrep.Actor {
	for _, a := range src {
		dup := false
		for _, b := range dst {
			if a.Entity != "" && a.Entity == b.Entity || strings.EqualFold(a.Name, b.Name) {
				dup = true
			}
		}
		if !dup {
			dst = append(dst, a)
		}
	}
	return dst
}

var precisionRank = map[string]int{sitrep.PrecisionTown: 0, sitrep.PrecisionDistrict: 1, sitrep.PrecisionProvince: 2, sitrep.PrecisionCountry: 3, "": 4}

func finer(a, b *sitrep.IncidentPlace) bool {
	return precisionRank[a.Precision] < precisionRank[b.Precision]
}

// finish completes the incidents: lead fallbacks, order, clean lists.
func (f *finder) finish() []sitrep.Incident {
	out := make([]sitrep.Incident, 0, len(f.incs))
	var dateline *sitrep.IncidentPlace
	if f.Geocode != nil && f.doc.Dateline != "" {
		name := f.doc.Dateline
		if p, ok := f.Geocode(name, f.context); ok {
			dateline = placeOf(p, "", name, 0, 0)
		} else if i := strings.IndexByte(name, ','); i > 0 {
			if p, ok := f.Geocode(name[:i], append(f.context, strings.TrimSpace(name[i+1:]))); ok {
				dateline = placeOf(p, "", name, 0, 0)
			}
		}
	}
	for _, c := range f.incs {
		if c.firstPara <= 1 {
			if c.Date == "" && !f.doc.Published.IsZero() {
				c.Date, c.DatePrecision, c.DateBasis = f.doc.Published.String(), "day", "published"
			}
			if c.Place == nil && dateline != nil && c.firstPara == 0 {
				c.Place = dateline
			}
		}
		if c.Perpetrators == nil {
			c.Perpetrators = []sitrep.Perpetrator{}
		}
		if c.Targets == nil {
			c.Targets = []sitrep.Actor{}
		}
		if c.Actors == nil {
			c.Actors = []sitrep.Actor{}
		}
		out = append(out, c.Incident)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

func placeOf(p sitrep.Place, entity, text string, start, end int) *sitrep.IncidentPlace {
	return &sitrep.IncidentPlace{Name: p.Name, Entity: entity, Country: p.Country, Admin1: p.Admin1, Admin2: p.Admin2,
		Lat: p.Lat, Lon: p.Lon, Precision: p.Precision, GeoPrecision: p.GeoPrecision, Text: text, Start: start, End: end}
}

// hasDateText reports whether the sentence has a date expression, even
// one that cannot be resolved ("on November 11" with no reference date).
func (s *sent) hasDateText() bool {
	for _, d := range s.dates {
		if d.Start >= s.sp.Start && d.End <= s.sp.End && d.Precision == "day" {
			return true
		}
	}
	return false
}

// arrestee reports whether an arrest has someone arrested: a count ("five
// suspects") or a person or group named after the cue ("arrested Ali
// Khan"), not "equipment captured near Palmyra".
func (s *sent) arrestee(ev *event) bool {
	for _, fg := range ev.figs {
		if fg.what == casArrested {
			return true
		}
	}
	if ev.cue.j >= len(s.ts) {
		return false
	}
	hi := s.ts[min(len(s.ts)-1, ev.cue.j+6)].e
	for _, m := range s.f.mentionsIn(s.ts[ev.cue.j].s, hi) {
		if m.ent.Type == "person" || m.ent.Type == "organization" {
			return true
		}
	}
	for k := ev.cue.j; k < len(s.ts) && k < ev.cue.j+4; k++ {
		switch s.ts[k].l {
		case "him", "her", "them", "suspects", "suspect", "militants", "militant", "terrorists", "accused", "men", "people", "persons", "members", "cadres", "leader", "commander", "man", "woman":
			return true
		}
	}
	return false
}

// isZero reports whether a figure is a stated zero.
func isZero(f *sitrep.Figure) bool { return f.Min == 0 && f.Max != nil && *f.Max == 0 }

// hasCasualties reports whether figures count anyone killed or injured.
func hasCasualties(figs []figureOf) bool {
	for _, fg := range figs {
		if (fg.what == casKilled || fg.what == casInjured) && !fg.zero {
			return true
		}
	}
	return false
}

// definiteVictims reports whether a killed figure counts victims already
// told: "the three villagers", "those two policemen".
func (s *sent) definiteVictims(figs []figureOf) bool {
	for _, fg := range figs {
		if fg.what != casKilled {
			continue
		}
		if k := s.tokAt(fg.fig.Start); k > 0 && (s.ts[k-1].l == "the" || s.ts[k-1].l == "these" || s.ts[k-1].l == "those") {
			return true
		}
	}
	return false
}
