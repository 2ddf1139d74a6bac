package incident

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// fill reads an event's arguments from its sentence. n is the number of
// events the sentence tells.
func (f *finder) fill(s *sent, ev *event, figs []figureOf, claims []sitrep.Perpetrator, n int) {
	fam := family(ev.typ)
	for _, fg := range figs {
		switch {
		case fg.what == casKidnapped && fam != 1 && n > 1, fg.what == casArrested && fam != 2 && n > 1:
			continue
		case (fg.what == casKilled || fg.what == casInjured) && fam != 0 && n > 1:
			continue
		case fg.what == casArrested && fam != 2 && ev.typ != sitrep.IncidentSecurityOperation:
			continue
		case fg.what == casKidnapped && fam != 1:
			continue
		}
		fg.fig.Source = f.figureSource(s, fg.fig.Start)
		if fg.victims == "" && !fg.zero {
			fg.victims, fg.vs, fg.ve = singleVictim(fg.fig)
		}
		ev.figs = append(ev.figs, fg)
		if fg.victims != "" && fam == 0 && !(ev.typ == sitrep.IncidentSecurityOperation || ev.typ == sitrep.IncidentArmedClash) {
			ev.targets = append(ev.targets, f.actorFor(fg.victims, fg.vs, fg.ve))
		}
		if fg.victims != "" && fam == 1 {
			ev.targets = append(ev.targets, f.actorFor(fg.victims, fg.vs, fg.ve))
		}
	}
	ev.place, ev.pscore = f.place(s, ev)
	ev.date = f.date(s, ev)
	ev.perps = append(ev.perps, claims...)
	if fam != 2 && ev.typ != sitrep.IncidentSecurityOperation && ev.typ != sitrep.IncidentAirstrike {
		ev.perps = append(ev.perps, f.agents(s, ev)...)
	}
	ev.targets = append(ev.targets, f.targets(s, ev)...)
	// a raid by militants is an attack
	if ev.typ == sitrep.IncidentSecurityOperation && s.militantSubject(ev.cue, ev.perps) {
		ev.typ = sitrep.IncidentArmedAttack
	}
	switch ev.typ {
	case sitrep.IncidentSecurityOperation, sitrep.IncidentArrest, sitrep.IncidentAirstrike, sitrep.IncidentShelling, sitrep.IncidentArmedClash:
		ev.actors = f.stateActors(s, ev)
	default:
		if ev.weak {
			ev.actors = s.actingActors(ev.cue, f.stateActors(s, ev))
		}
	}
	// victims of an operation are its targets: "killing a dozen suspected
	// Daesh fighters during a security operation"
	if ev.typ == sitrep.IncidentSecurityOperation || ev.typ == sitrep.IncidentArmedClash || ev.typ == sitrep.IncidentAirstrike {
		for _, fg := range ev.figs {
			if fg.victims != "" {
				ev.targets = append(ev.targets, f.actorFor(fg.victims, fg.vs, fg.ve))
			}
		}
		// groups named in the sentence fight the state forces
		if len(ev.actors) > 0 {
			kept := ev.perps[:0]
			for _, p := range ev.perps {
				if p.Basis == sitrep.BasisClaimed {
					kept = append(kept, p)
				} else {
					ev.targets = append(ev.targets, p.Actor)
				}
			}
			ev.perps = kept
		}
	}
	for k := 0; k < ev.cue.i && k < len(s.ts); k++ {
		if hedgeWords[s.ts[k].l] {
			ev.hedged = true
		}
	}
}

// singleVictim is the one person a figure of one names, as a target:
// "Malik Gul Khan", "a tribal elder" (the article left out); not a
// pronoun or a word that names no one ("a person").
func singleVictim(fg sitrep.Figure) (string, int, int) {
	if fg.Min != 1 || fg.Max == nil || *fg.Max != 1 {
		return "", 0, 0
	}
	t, st := fg.Text, fg.Start
	for _, a := range []string{"a ", "an ", "A ", "An ", "one ", "One ", "the ", "The "} {
		if r, ok := strings.CutPrefix(t, a); ok {
			t, st = r, st+len(a)
			break
		}
	}
	switch strings.ToLower(t) {
	case "", "him", "her", "person", "one", "man", "woman", "individual", "other", "another":
		return "", 0, 0
	}
	if strings.ContainsAny(t, ",;()") || len(strings.Fields(t)) > 5 || strings.HasPrefix(t, "of ") {
		return "", 0, 0
	}
	return t, st, st + len(t)
}

// figureSource is who gave a figure: the speaker of the quote it is in.
func (f *finder) figureSource(s *sent, off int) *sitrep.Actor {
	for _, qi := range f.quotesOver(off, off+1) {
		q := &f.doc.Quotes[qi]
		if off >= q.Start && off < q.End && !strings.HasPrefix(q.Cue, "claim") {
			a := q.Speaker.Actor
			if a.Name == "" {
				a.Name = q.Speaker.Text
			}
			if a.Name == "" {
				return nil
			}
			return &a
		}
	}
	return s.attribution()
}

// attribution reads who a sentence's report comes from when the quote
// layer has no quote for it: "..., police said.", "Police said ...",
// "according to officials".
func (s *sent) attribution() *sitrep.Actor {
	ts := s.ts
	for k := 0; k < len(ts); k++ {
		l := ts[k].l
		switch {
		case l == "said" || l == "say" || l == "says" || l == "told" || l == "added" || l == "confirmed":
			// the speaker: the words before the verb back to a comma or
			// the sentence start, at most five
			e := k
			b := k - 1
			for b >= 0 && b >= k-5 && !clauseBreak(ts[b].l) && ts[b].l != "and" {
				b--
			}
			b++
			if b >= e || !(b == 0 || ts[b-1].l == ",") {
				continue
			}
			return s.speakerActor(b, e)
		case l == "according" && k+1 < len(ts) && ts[k+1].l == "to":
			b := k + 2
			e := b
			for e < len(ts) && e < b+6 && !clauseBreak(ts[e].l) {
				e++
			}
			if e > b {
				return s.speakerActor(b, e)
			}
		}
	}
	return nil
}

func (s *sent) speakerActor(b, e int) *sitrep.Actor {
	ts := s.ts
	for b < e && (ts[b].l == "the" || ts[b].l == "a") {
		b++
	}
	if b >= e {
		return nil
	}
	a := sitrep.Actor{Name: s.doc.Text[ts[b].s:ts[e-1].e], Start: ts[b].s, End: ts[e-1].e}
	for _, m := range s.f.mentionsIn(a.Start, a.End) {
		if m.ent.Type == "person" || m.ent.Type == "organization" {
			a.Entity = m.ent.ID
			a.Name = m.ent.Name
		}
	}
	if a.Entity == "" && (isCapital(ts[b].w) && b > 0 && e-b > 3 || e-b > 4) {
		return nil
	}
	return &a
}

// actorFor returns an actor for words of the text, tied to the entity
// whose mention they contain.
func (f *finder) actorFor(name string, s, e int) sitrep.Actor {
	a := sitrep.Actor{Name: name, Start: s, End: e}
	for _, m := range f.mentionsIn(s, e) {
		if m.ent.Type == "norp" || m.ent.Type == "organization" || m.ent.Type == "person" {
			if m.e == e || m.s == s && m.e-m.s > (e-s)/2 {
				a.Entity = m.ent.ID
			}
		}
	}
	return a
}

// place picks the event's place among the sentence's locations.
func (f *finder) place(s *sent, ev *event) (*sitrep.IncidentPlace, int) {
	var best *sitrep.IncidentPlace
	bestScore := -1
	cueOff := s.ts[min(ev.cue.i, len(s.ts)-1)].s
	for _, m := range f.mentionsIn(s.sp.Start, s.sp.End) {
		if m.ent.Type != "location" || m.ent.Place == nil {
			continue
		}
		k := s.tokAt(m.s)
		if k >= len(s.ts) {
			continue
		}
		prev := ""
		if k > 0 {
			prev = s.ts[k-1].l
		}
		// "said in Islamabad", "told reporters in Kabul": the venue of a
		// statement, not the event's place
		venue := false
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if speechWords[s.ts[j].l] {
				venue = true
			}
		}
		if venue {
			continue
		}
		// a place word used as a modifier ("Pakistani", "Afghan border")
		// is not where; "from Afghanistan" and "to Kabul" neither, but
		// one is abducted from where it happened
		if prev == "from" && !(ev.typ == sitrep.IncidentKidnapping && m.s > cueOff) || prev == "to" || prev == "into" || prev == "towards" {
			continue
		}
		score := 0
		switch prev {
		case "in", "at", "near", "outside", "inside", "of", "on", "along", "across", "within", "around", "from":
			score += 4
		}
		// a place before the cue without a preposition is where only when
		// it names the event ("the Peshawar bombing", "Kabul's attack");
		// otherwise it is a subject or a modifier ("The United States
		// condemns the attack", "Pakistani troops")
		mk := s.tokAt(m.e)
		adjacent := mk <= ev.cue.i && ev.cue.i-mk <= 3 && m.s < cueOff
		if score == 0 && !adjacent && !(k >= 2 && (ts2(s, k-1) == "," || ts2(s, k-1) == "and") && m.s > cueOff) {
			// "in the town of X", "in Jabla, Latakia": handled below by
			// the preposition a few words back
			ok := false
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				l := s.ts[j].l
				if l == "in" || l == "at" || l == "near" || l == "of" {
					ok = true
					break
				}
				if l == "," || l == "and" || l == "." {
					break
				}
			}
			if !ok {
				continue
			}
		}
		// words between a preposition and the name: "in southwestern
		// Balochistan province", "in the Khyber district"
		if score == 0 && k >= 2 {
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				l := s.ts[j].l
				if l == "in" || l == "at" || l == "near" || l == "of" {
					score += 3
					break
				}
				if l == "," || l == "and" {
					break
				}
			}
		}
		if m.s >= cueOff {
			score += 2
			if m.s-cueOff < 120 {
				score++
			}
		}
		score += 3 - precisionRank[m.ent.Place.Precision]
		if m.ent.Place.Kind == "country" && len(s.ts) > k+1 && (s.ts[k+1].l == "'s" || s.ts[k+1].l == "’s") {
			continue
		}
		if score > bestScore {
			bestScore = score
			best = placeOf(*m.ent.Place, m.ent.ID, s.doc.Text[m.s:m.e], m.s, m.e)
		}
	}
	if best == nil || precisionRank[best.Precision] >= precisionRank[sitrep.PrecisionProvince] {
		if p, sc := f.namedPlace(s, ev); p != nil && (best == nil || finer(p, best)) {
			best, bestScore = p, sc
		}
	}
	// a village or area the gazetteer lacks, inside the division found
	// ("in the Kanak area of Mastung District"), is the finer place
	if p, sc := f.localPlace(s, ev); p != nil && (best == nil || within(p, best)) {
		return p, max(sc, bestScore)
	}
	if best == nil {
		if p, sc := f.unknownDivision(s, ev); p != nil {
			return p, sc
		}
	}
	return best, bestScore
}

// within reports whether local place p lies in place b, or b says
// nothing against it: b is p's enclosing division, or in the same one.
func within(p, b *sitrep.IncidentPlace) bool {
	if b.Precision == sitrep.PrecisionTown && b.GeoPrecision == 1 {
		return false // a gazetteer town is as fine
	}
	if p.Country != b.Country {
		return false
	}
	return b.Name == p.Admin2 || b.Name == p.Admin1 || b.Admin2 != "" && b.Admin2 == p.Admin2 || b.Precision == sitrep.PrecisionProvince && b.Admin1 == p.Admin1 || b.Precision == sitrep.PrecisionCountry
}

// localNouns follow the name of a place smaller than a district: a
// village, an area, a sub-district.
var localNouns = map[string]bool{"village": true, "area": true, "locality": true, "hamlet": true, "tehsil": true, "block": true, "subdivision": true, "sub-division": true, "taluka": true, "mandal": true}

// enclosingWords introduce the division a local place lies in.
var enclosingWords = map[string]bool{"of": true, "in": true, "under": true, "near": true, "within": true, ",": true}

// localPlace finds a place the gazetteer lacks, named with a local noun
// ("Kanak area", "Dhabi village", "Bara tehsil") and followed within
// the clause by the division it lies in ("of Mastung District", "under
// Dhibra Police Station limits in Aurangabad District"). The place is
// its name, with the division's country, province and district, and
// the division's coordinates and precision: the coordinates stand for
// the division, never for a guessed point of the village. A local place
// of a city is the city (the city's place is found without it).
func (f *finder) localPlace(s *sent, ev *event) (*sitrep.IncidentPlace, int) {
	if f.Geocode == nil {
		return nil, 0
	}
	ts := s.ts
	for k := 1; k < len(ts)-1; k++ {
		if !localNouns[ts[k].l] || !enclosingWords[ts[k+1].l] {
			continue
		}
		i := k
		for i > 0 && i > k-4 && isCapital(ts[i-1].w) && !definiteWords[ts[i-1].l] && casualtyWords[ts[i-1].l] == 0 && placeNouns[ts[i-1].l] == "" {
			i--
		}
		b := i - 1 // the preposition, before an article ("in the Kanak area")
		if b > 0 && ts[b].l == "the" {
			b--
		}
		if i == k || b < 0 || !(ts[b].l == "in" || ts[b].l == "at" || ts[b].l == "near" || ts[b].l == "of" || ts[b].l == "from") {
			continue
		}
		lo, hi := ts[i].s, ts[k-1].e
		if f.namedEntityIn(lo, hi) {
			continue
		}
		name := s.doc.Text[lo:hi]
		enc := f.enclosing(s, k+1)
		if enc == nil || enc.Precision == sitrep.PrecisionTown || enc.Precision == sitrep.PrecisionCountry {
			continue
		}
		if _, ok := f.geocode(name); ok {
			continue // the gazetteer's place is found as such
		}
		p := *enc
		p.Name, p.Entity, p.Text, p.Start, p.End = name, "", s.doc.Text[lo:ts[k].e], lo, ts[k].e
		if enc.Precision == sitrep.PrecisionDistrict || enc.Admin2 == "" {
			p.Admin2 = enc.Name
		}
		if p.Admin2 == p.Admin1 {
			p.Admin2 = ""
		}
		score := 8
		if k >= ev.cue.j {
			score += 2
		}
		return &p, score
	}
	return nil, 0
}

// enclosing returns the division named from token j to the clause's end:
// a location entity the gazetteer placed, or capitalised words before a
// division noun ("Mastung District") that it knows.
func (f *finder) enclosing(s *sent, j int) *sitrep.IncidentPlace {
	ts := s.ts
	for k := j; k < len(ts) && k < j+12; k++ {
		l := ts[k].l
		if l == "." || l == ";" || l == "when" || l == "and" && k > j+1 {
			return nil
		}
		if d := placeNouns[l]; (d == sitrep.PrecisionDistrict || d == sitrep.PrecisionProvince) && k > j && isCapital(ts[k-1].w) {
			i := k
			for i > j && i > k-4 && isCapital(ts[i-1].w) && !definiteWords[ts[i-1].l] {
				i--
			}
			if p, ok := f.geocode(s.doc.Text[ts[i].s:ts[k].e]); ok {
				return placeOf(p, "", s.doc.Text[ts[i].s:ts[k].e], ts[i].s, ts[k].e)
			}
		}
		for _, m := range f.mentionsIn(ts[k].s, ts[k].e) {
			if m.s == ts[k].s && m.ent.Type == "location" && m.ent.Place != nil {
				return placeOf(*m.ent.Place, m.ent.ID, s.doc.Text[m.s:m.e], m.s, m.e)
			}
		}
	}
	return nil
}

// geocode is Geocode with the document's places as context, each name
// resolved once per document.
func (f *finder) geocode(name string) (sitrep.Place, bool) {
	if r, ok := f.geoMemo[name]; ok {
		return r.p, r.ok
	}
	p, ok := f.Geocode(name, f.context)
	if f.geoMemo == nil {
		f.geoMemo = map[string]geoResult{}
	}
	f.geoMemo[name] = geoResult{p, ok}
	return p, ok
}

type geoResult struct {
	p  sitrep.Place
	ok bool
}

// namedEntityIn reports whether a person or organisation is named in
// [lo, hi).
func (f *finder) namedEntityIn(lo, hi int) bool {
	for _, m := range f.mentionsIn(lo, hi) {
		if m.ent.Type != "location" {
			return true
		}
	}
	return false
}

// unknownDivision is a district the gazetteer lacks, named with its
// division word ("in Nuh District"): the name, the level, and the
// document's country when its places agree on one; no coordinates.
func (f *finder) unknownDivision(s *sent, ev *event) (*sitrep.IncidentPlace, int) {
	if f.Geocode == nil {
		return nil, 0
	}
	ts := s.ts
	for k := 2; k < len(ts); k++ {
		if placeNouns[ts[k].l] != sitrep.PrecisionDistrict || ts[k].l == "area" || !isCapital(ts[k-1].w) {
			continue
		}
		i := k
		for i > 0 && i > k-4 && isCapital(ts[i-1].w) && !definiteWords[ts[i-1].l] && casualtyWords[ts[i-1].l] == 0 {
			i--
		}
		if i == 0 || !(ts[i-1].l == "in" || ts[i-1].l == "of" || ts[i-1].l == "at") {
			continue
		}
		lo, hi := ts[i].s, ts[k-1].e
		if f.namedEntityIn(lo, hi) {
			continue
		}
		name := s.doc.Text[lo:hi]
		if _, ok := f.geocode(name + " " + ts[k].w); ok {
			continue
		}
		p := &sitrep.IncidentPlace{Name: name, Country: f.docCountry(), Precision: sitrep.PrecisionDistrict, Text: s.doc.Text[lo:ts[k].e], Start: lo, End: ts[k].e}
		score := 4
		if k >= ev.cue.j {
			score += 2
		}
		return p, score
	}
	return nil, 0
}

// docCountry is the country most of the document's placed locations
// lie in, or "" when none or two lead equally.
func (f *finder) docCountry() string {
	n := map[string]int{}
	best, tie := "", false
	for i := range f.doc.Entities {
		e := &f.doc.Entities[i]
		if e.Type != "location" || e.Place == nil || e.Place.Country == "" {
			continue
		}
		c := e.Place.Country
		n[c]++
		switch {
		case c == best:
			tie = false
		case n[c] > n[best]:
			best, tie = c, false
		case n[c] == n[best]:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// placeNouns follow a place's name: "Turbat District", "Maneri Bala
// village", "Matni area".
var placeNouns = map[string]string{"district": sitrep.PrecisionDistrict, "village": sitrep.PrecisionTown, "town": sitrep.PrecisionTown, "city": sitrep.PrecisionTown, "tehsil": sitrep.PrecisionDistrict, "agency": sitrep.PrecisionDistrict, "subdivision": sitrep.PrecisionDistrict, "sub-division": sitrep.PrecisionDistrict, "block": sitrep.PrecisionDistrict, "area": sitrep.PrecisionTown, "province": sitrep.PrecisionProvince, "state": sitrep.PrecisionProvince, "region": sitrep.PrecisionProvince}

// namedPlace finds a place the entity layer left out: capitalised words
// before a place noun ("in Turbat District") that the gazetteer knows.
func (f *finder) namedPlace(s *sent, ev *event) (*sitrep.IncidentPlace, int) {
	if f.Geocode == nil {
		return nil, 0
	}
	ts := s.ts
	var best *sitrep.IncidentPlace
	bestScore := -1
	for k := 1; k < len(ts); k++ {
		if _, ok := placeNouns[ts[k].l]; !ok {
			continue
		}
		i := k
		for i > 0 && i > k-4 && isCapital(ts[i-1].w) && !definiteWords[ts[i-1].l] && casualtyWords[ts[i-1].l] == 0 {
			i--
		}
		if i == k {
			continue
		}
		// the name alone first ("Turbat"), then with its noun
		name := s.doc.Text[ts[i].s:ts[k-1].e]
		p, ok := f.geocode(name)
		if !ok {
			continue
		}
		score := 3 - precisionRank[p.Precision]
		if i > 0 && (ts[i-1].l == "in" || ts[i-1].l == "at" || ts[i-1].l == "near" || ts[i-1].l == "of") {
			score += 4
		}
		if k >= ev.cue.j {
			score += 2
		}
		if score > bestScore {
			bestScore = score
			best = placeOf(p, "", s.doc.Text[ts[i].s:ts[k].e], ts[i].s, ts[k].e)
		}
	}
	return best, bestScore
}

func ts2(s *sent, k int) string {
	if k < 0 || k >= len(s.ts) {
		return ""
	}
	return s.ts[k].l
}

// date picks the event's date among the sentence's date expressions.
func (f *finder) date(s *sent, ev *event) *sitrep.DateMention {
	var best *sitrep.DateMention
	bestDist := 1 << 30
	cueOff := s.ts[min(ev.cue.i, len(s.ts)-1)].s
	for _, d := range s.dates {
		if d.Start < s.sp.Start || d.End > s.sp.End {
			continue
		}
		k := s.tokAt(d.Start)
		// "said on Monday": the statement's date
		venue := false
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if speechWords[s.ts[j].l] {
				venue = true
			}
		}
		if venue {
			continue
		}
		if k > 0 && (s.ts[k-1].l == "since" || s.ts[k-1].l == "until" || s.ts[k-1].l == "till" || s.ts[k-1].l == "by") {
			continue
		}
		dist := d.Start - cueOff
		if dist < 0 {
			dist = -dist + 20
		}
		if d.Precision == "year" {
			dist += 200
		}
		if d.Value == "" {
			dist += 400 // kept as words only when nothing resolves
		}
		if dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best
}

// claimed returns the groups that claim responsibility in the sentence.
func (s *sent) claimed() []sitrep.Perpetrator {
	ts := s.ts
	var out []sitrep.Perpetrator
	for k := 0; k < len(ts); k++ {
		l := ts[k].l
		isClaim := false
		switch l {
		case "claimed", "claims", "claim", "claiming", "accepted", "owned", "took", "assumed", "admitted":
			// "the attack was claimed by X"
			if l == "claimed" && k+1 < len(ts) && ts[k+1].l == "by" && k >= 2 && (ts[k-1].l == "was" || ts[k-1].l == "were" || ts[k-1].l == "been") {
				if g := s.f.groupAt(s, k+2, 6); g != nil {
					out = append(out, sitrep.Perpetrator{Actor: *g, Basis: sitrep.BasisClaimed})
				}
				continue
			}
			// "claimed responsibility", "claimed the attack", "owned
			// responsibility"
			if k+1 < len(ts) && (ts[k+1].l == "responsibility" || ts[k+1].l == "credit") {
				isClaim = true
			} else if (l == "claimed" || l == "claiming" || l == "claims") && k+1 < len(ts) && (objectStart(ts[k+1].l) || ts[k+1].l == "dual" || ts[k+1].l == "twin") && isAttackNoun(ts, k+1) {
				isClaim = true
			} else if l == "claim" && k+2 < len(ts) && ts[k+1].l == "of" && ts[k+2].l == "responsibility" {
				isClaim = true
			}
		case "responsibility":
			// "responsibility was claimed by X"
			if k+3 < len(ts) && ts[k+1].l == "was" && ts[k+2].l == "claimed" && ts[k+3].l == "by" {
				if g := s.f.groupAt(s, k+4, 6); g != nil {
					out = append(out, sitrep.Perpetrator{Actor: *g, Basis: sitrep.BasisClaimed})
				}
			}
		}
		if !isClaim {
			continue
		}
		// negated: "no group has claimed", "denied responsibility"
		neg := false
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if ts[j].l == "no" || ts[j].l == "not" || ts[j].l == "n't" || ts[j].l == "yet" && ts[j-1].l == "not" {
				neg = true
			}
		}
		if neg {
			continue
		}
		// the claimants: armed groups before the cue in its clause
		groups := s.f.groupsBefore(s, k)
		for _, g := range groups {
			p := sitrep.Perpetrator{Actor: g, Basis: sitrep.BasisClaimed}
			out = append(out, p)
		}
	}
	return out
}

func isAttackNoun(ts []tok, i int) bool {
	for k := i; k < len(ts) && k < i+4; k++ {
		if ts[k].l == "killing" || ts[k].l == "killings" || ts[k].l == "killed" {
			// "claimed the killing of Malik X": responsibility for it
			return k+1 < len(ts) && ts[k+1].l == "of" && ts[k].l != "killed"
		}
		for _, c := range cues[ts[k].l] {
			if c.kind == kindNoun || c.kind == kindWeak {
				return true
			}
		}
	}
	return false
}

// groupsBefore returns the armed groups named before token k in its
// clause, or the group a back-reference points to ("the group claimed").
func (f *finder) groupsBefore(s *sent, k int) []sitrep.Actor {
	ts := s.ts
	lo := s.sp.Start
	for j := k - 1; j >= 0; j-- {
		if ts[j].l == ";" || ts[j].l == "." || ts[j].l == "and" && j+1 < len(ts) && ts[j+1].l != "its" && ts[j+1].l != "the" && !isCapital(ts[j+1].w) || ts[j].l == "while" || ts[j].l == "after" && j < k-8 || ts[j].l == "but" {
			lo = ts[j].e
			break
		}
	}
	var out []sitrep.Actor
	for _, m := range f.mentionsIn(lo, ts[k].s) {
		if isGroup(m.ent) {
			out = addActors(out, []sitrep.Actor{{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}})
		}
	}
	if len(out) > 0 {
		return out
	}
	// a back-reference: "the group", "the network", "the outfit", "it",
	// "the militants"
	for j := k - 1; j >= 0 && ts[j].s >= lo; j-- {
		l := ts[j].l
		if groupRefs[l] || l == "it" || l == "militants" || l == "taliban" {
			if g := f.lastGroupBefore(ts[j].s); g != nil {
				return []sitrep.Actor{{Name: g.ent.Name, Entity: g.ent.ID, Start: ts[j].s, End: ts[j].e}}
			}
		}
	}
	return nil
}

// groupAt returns an armed group named within n tokens from token i.
func (f *finder) groupAt(s *sent, i, n int) *sitrep.Actor {
	if i >= len(s.ts) {
		return nil
	}
	hi := s.ts[min(len(s.ts)-1, i+n-1)].e
	for _, m := range f.mentionsIn(s.ts[i].s, hi) {
		if isGroup(m.ent) {
			return &sitrep.Actor{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}
		}
	}
	for k := i; k < len(s.ts) && k < i+3; k++ {
		if groupRefs[s.ts[k].l] && k > 0 && (definiteWords[s.ts[k-1].l] || k > 1 && definiteWords[s.ts[k-2].l]) {
			if g := f.lastGroupBefore(s.ts[k].s); g != nil {
				return &sitrep.Actor{Name: g.ent.Name, Entity: g.ent.ID, Start: s.ts[k-1].s, End: s.ts[k].e}
			}
		}
	}
	return nil
}

// lastGroupBefore returns the last armed-group mention before off within
// about three paragraphs.
func (f *finder) lastGroupBefore(off int) *mention {
	for k := len(f.ments) - 1; k >= 0; k-- {
		m := &f.ments[k]
		if m.e > off {
			continue
		}
		if off-m.e > 2000 {
			return nil
		}
		if isGroup(m.ent) {
			return m
		}
	}
	return nil
}

// agents returns the groups the sentence names as doing the event: the
// subject of a verb cue ("TTP militants attacked"), "by X" after the cue,
// "X's attack", blame ("blamed X", "X was behind") and suspicion.
func (f *finder) agents(s *sent, ev *event) []sitrep.Perpetrator {
	ts := s.ts
	var out []sitrep.Perpetrator
	basisFor := func(k int) string {
		for j := k - 1; j >= 0 && j >= k-16; j-- {
			if ts[j].l == ";" || ts[j].l == "." {
				break
			}
			switch ts[j].l {
			case "suspected", "suspect", "believed", "likely", "probably", "possibly", "alleged", "allegedly", "presumably", "hallmarks", "hallmark", "suspicion", "suspects":
				return sitrep.BasisSuspected
			}
		}
		return sitrep.BasisAttributed
	}
	speaker := s.quoteSrc
	add := func(g sitrep.Actor, basis string) {
		p := sitrep.Perpetrator{Actor: g, Basis: basis}
		if speaker != nil && basis != sitrep.BasisClaimed {
			sp := *speaker
			p.Speaker = &sp
		}
		out = append(out, p)
	}
	// before the cue: "[suspected] TTP militants attacked", "a TTP
	// attack", "CPI-Maoist cadres, including women, attacked": the
	// nearest group in the cue's clause that is no preposition's object
	for _, m := range reverse(f.mentionsIn(s.sp.Start, s.ts[ev.cue.i].s)) {
		if !isGroup(m.ent) {
			continue
		}
		k := s.tokAt(m.e)
		first := s.tokAt(m.s)
		if ev.cue.i-k > 12 {
			break
		}
		ok := true
		for j := k; j < ev.cue.i; j++ {
			l := ts[j].l
			if l == ";" || l == "." || l == ":" || l == "by" || l == "against" || l == "with" || l == "said" || l == "told" || l == "that" || l == "after" || l == "when" || l == "while" || l == "before" || speechWords[l] {
				ok = false
				break
			}
		}
		if first > 0 {
			p := ts[first-1].l
			if p == "the" && first > 1 {
				p = ts[first-2].l
			}
			if p == "against" || p == "on" || p == "with" || p == "by" || p == "from" || p == "to" || p == "at" || p == "targeting" || p == "killed" || p == "killing" || p == "of" && !(first > 1 && memberNouns[ts[first-2].l]) && !(first > 2 && memberNouns[ts[first-3].l]) {
				ok = false
			}
		}
		if ok {
			add(sitrep.Actor{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}, basisFor(first))
		}
		break
	}
	// no group: a movement's name for its men, capitalised ("Maoists",
	// "Naxals") as the cue's subject
	if len(out) == 0 {
		for k := ev.cue.i - 1; k >= 0 && k >= ev.cue.i-8; k-- {
			l := ts[k].l
			if clauseBreak(l) && l != "," || l == "by" || l == "against" || l == "with" {
				break
			}
			if militantWords[l] && isCapital(ts[k].w) && l != "militants" && l != "terrorists" && l != "gunmen" && (k == 0 || ts[k-1].l != "the" || k > 1) {
				if k > 0 && (ts[k-1].l == "against" || ts[k-1].l == "on" || ts[k-1].l == "killed" || ts[k-1].l == "killing") {
					break
				}
				add(sitrep.Actor{Name: ts[k].w, Start: ts[k].s, End: ts[k].e}, basisFor(k))
				break
			}
		}
	}
	// after the cue: "kidnapped by the terrorist network", "attack by
	// the TTP", "carried out by", "perpetrated by"
	for k := ev.cue.j; k < len(ts) && k < ev.cue.j+8; k++ {
		if ts[k].l == "." || ts[k].l == ";" {
			break
		}
		if ts[k].l == "by" && !(k+1 < len(ts) && (ts[k+1].l == "police" || ts[k+1].l == "security")) {
			if g := f.groupAt(s, k+1, 6); g != nil {
				add(*g, basisFor(k))
			} else {
				for x := k + 1; x < len(ts) && x < k+5; x++ {
					if militantWords[ts[x].l] && isCapital(ts[x].w) && ts[x].l != "militants" && ts[x].l != "terrorists" && ts[x].l != "gunmen" {
						add(sitrep.Actor{Name: ts[x].w, Start: ts[x].s, End: ts[x].e}, basisFor(k))
						break
					}
				}
			}
			break
		}
	}
	// "killed in a Maoist attack", "died in an LeT (Lashkar-e-Taiba)
	// ambush": the group that names the attack the cue's victims died in
	if len(out) == 0 {
		if g, k := f.attackOf(s, ev.cue.j); g != nil {
			add(*g, basisFor(k))
		}
	}
	// blame: "blamed the TTP for", "blamed the attack on X", "X was
	// behind", "attributed to X"
	for k := 0; k < len(ts); k++ {
		switch ts[k].l {
		case "blamed", "blames", "blaming", "accused", "accuses", "accusing", "held":
			if ts[k].l == "held" && !(k+1 < len(ts) && ts[k+1].l == "responsible") {
				continue
			}
			if g := f.groupAt(s, k+1, 10); g != nil {
				b := sitrep.BasisAttributed
				if basisFor(k) == sitrep.BasisSuspected {
					b = sitrep.BasisSuspected
				}
				add(*g, b)
			}
		case "behind":
			// "X was behind the attack", "X is believed to be behind"
			if k == 0 || !(ts[k-1].l == "was" || ts[k-1].l == "were" || ts[k-1].l == "is" || ts[k-1].l == "are" || ts[k-1].l == "be" || ts[k-1].l == "been") {
				continue
			}
			if gs := f.groupsBefore(s, k); len(gs) > 0 {
				add(gs[len(gs)-1], basisFor(k))
			}
		case "attributed", "blamed on":
			if k+1 < len(ts) && ts[k+1].l == "to" {
				if g := f.groupAt(s, k+2, 6); g != nil {
					add(*g, basisFor(k))
				}
			}
		case "suspect", "suspects", "suspected":
			// "Police suspect the ULFA-I behind the attacks"
			if k+1 < len(ts) && ts[k+1].l != "of" && ts[k+1].l != "that" {
				if g := f.groupAt(s, k+1, 12); g != nil && s.nearWord(k, k+1, 14, "behind", "involvement", "hand", "role") {
					add(*g, sitrep.BasisSuspected)
				}
			}
		case "hallmarks", "hallmark":
			if g := f.groupAt(s, k+1, 5); g != nil {
				add(*g, sitrep.BasisSuspected)
			}
		}
	}
	return out
}

// attackOf reads "in a <group> attack" from token i (a few words after a
// cue): the group, or a capitalised name for armed men ("in a Maoist
// ambush"), before an attack noun, with a parenthesised acronym between
// allowed. It returns the group and the index of "in".
func (f *finder) attackOf(s *sent, i int) (*sitrep.Actor, int) {
	ts := s.ts
	for k := i; k < len(ts)-3 && k < i+4; k++ {
		if clauseBreak(ts[k].l) {
			return nil, 0
		}
		if ts[k].l != "in" || ts[k+1].l != "a" && ts[k+1].l != "an" {
			continue
		}
		// the word after the name: an attack noun?
		attackAfter := func(e int) bool {
			if e < len(ts) && ts[e].l == "(" {
				for x := e + 1; x < len(ts) && x < e+6; x++ {
					if ts[x].l == ")" {
						e = x + 1
						break
					}
				}
			}
			if e >= len(ts) {
				return false
			}
			for _, c := range cues[ts[e].l] {
				if family(c.typ) == 0 && c.typ != sitrep.IncidentSecurityOperation && (c.kind == kindNoun || c.kind == kindWeak) {
					return true
				}
			}
			return false
		}
		for _, m := range f.mentionsIn(ts[k+2].s, ts[min(len(ts)-1, k+10)].e) {
			if m.s != ts[k+2].s {
				break
			}
			if isGroup(m.ent) && attackAfter(s.tokAt(m.e)) {
				return &sitrep.Actor{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}, k
			}
		}
		if w := ts[k+2]; militantWords[w.l] && isCapital(w.w) && attackAfter(k+3) {
			return &sitrep.Actor{Name: w.w, Start: w.s, End: w.e}, k
		}
		return nil, 0
	}
	return nil, 0
}

// passiveCue reports whether a verb cue is passive: "was killed", "were
// shot", "has been killed".
func (s *sent) passiveCue(c cueAt) bool {
	k := c.i - 1
	for k >= 0 && (mannerWords[s.ts[k].l] || hedgeWords[s.ts[k].l]) {
		k--
	}
	return k >= 0 && (s.ts[k].l == "was" || s.ts[k].l == "were" || s.ts[k].l == "been" || s.ts[k].l == "being" || s.ts[k].l == "got")
}

// actingActors keeps the state forces that act in a weak cue's event:
// those after it ("killed by police"), or its active subject ("Police
// killed two militants"). A force that is the subject of a passive cue
// is the victim ("a police constable was killed"); one that speaks
// before the cue is the source ("the Superintendent of Police said that
// three villagers were killed").
func (s *sent) actingActors(c cueAt, actors []sitrep.Actor) []sitrep.Actor {
	var out []sitrep.Actor
	cueOff := s.ts[c.i].s
	passive := s.passiveCue(c)
	for _, a := range actors {
		if a.Start >= cueOff {
			out = append(out, a)
			continue
		}
		speaker := false
		for k := s.tokAt(a.End); k < c.i; k++ {
			l := s.ts[k].l
			if speechWords[l] || l == "say" || l == "described" || l == "according" {
				speaker = true
			}
		}
		if !speaker && !passive {
			out = append(out, a)
		}
	}
	return out
}

// targets returns who or what the event hit: the object of the cue
// ("attacked a police checkpoint", "attack on a Sufi shrine",
// "targeting Shia Muslims").
func (f *finder) targets(s *sent, ev *event) []sitrep.Actor {
	ts := s.ts
	var out []sitrep.Actor
	start := -1
	c := ev.cue
	switch {
	case c.j < len(ts) && (ts[c.j].l == "on" || ts[c.j].l == "against" || ts[c.j].l == "targeting" || ts[c.j].l == "at") && c.kind != kindVerb:
		start = c.j + 1
	case c.kind == kindVerb && c.j < len(ts) && (c.words[len(c.words)-1] == "attacked" || c.words[len(c.words)-1] == "ambushed" || c.words[len(c.words)-1] == "stormed" || c.words[len(c.words)-1] == "kidnapped" || c.words[len(c.words)-1] == "abducted" || c.words[len(c.words)-1] == "bombed" || c.words[len(c.words)-1] == "shelled" || c.words[0] == "fired" || c.words[0] == "opened" && c.j+1 < len(ts) && ts[c.j].l == "on"):
		start = c.j
		if ts[start].l == "on" || ts[start].l == "at" || ts[start].l == "upon" || ts[start].l == "into" {
			start++
		}
	}
	for k := 0; k < len(ts)-1; k++ {
		if ts[k].l == "targeting" || ts[k].l == "targeted" && k > 0 && ts[k-1].l != "was" && ts[k-1].l != "were" {
			if start < 0 {
				start = k + 1
			}
		}
	}
	if start >= 0 && start < len(ts) {
		if a, ok := f.phrase(s, start); ok {
			out = append(out, a)
		}
	}
	// "blew himself up at a mosque", "a blast inside a shrine": a target
	// noun after a preposition of place
	for k := c.j; k < len(ts) && k < c.j+6; k++ {
		l := ts[k].l
		if clauseBreak(l) {
			break
		}
		if (l == "at" || l == "inside" || l == "outside" || l == "near") && k+1 < len(ts) && ts[k+1].l != "least" {
			if a, ok := f.phrase(s, k+1); ok && a.Entity == "" {
				out = append(out, a)
			}
			break
		}
	}
	return out
}

// phrase reads a target noun phrase from token i: up to eight words, to a
// preposition or clause boundary, which must end in a target noun or be
// an entity.
func (f *finder) phrase(s *sent, i int) (sitrep.Actor, bool) {
	ts := s.ts
	for i < len(ts) && (ts[i].l == "a" || ts[i].l == "an" || ts[i].l == "the" || ts[i].l == "two" || ts[i].l == "several") {
		i++
	}
	j := i
	head := -1
	for j < len(ts) && j < i+8 {
		l := ts[j].l
		if stopVictims(l) && l != "-" || l == "killing" || l == "injuring" || l == "wounding" || l == "leaving" || l == "of" && head >= 0 || l == "to" || l == "for" || l == "late" || l == "early" || l == "'s" {
			break
		}
		if targetHeads[l] {
			head = j
		}
		j++
	}
	if j == i {
		return sitrep.Actor{}, false
	}
	a := sitrep.Actor{}
	for _, m := range f.mentionsIn(ts[i].s, ts[j-1].e) {
		if m.ent.Type == "location" && m.s == ts[i].s && head < 0 {
			// "attacked Kabul": a place, not a target
			return sitrep.Actor{}, false
		}
		if (m.ent.Type == "norp" || m.ent.Type == "organization" || m.ent.Type == "person") && (head < 0 || m.e >= ts[head].s) {
			a.Entity = m.ent.ID
			if head < 0 {
				head = s.tokAt(m.e) - 1
			}
		}
	}
	if head < 0 {
		return sitrep.Actor{}, false
	}
	a.Start, a.End = ts[i].s, ts[head].e
	a.Name = s.doc.Text[a.Start:a.End]
	return a, true
}

// stateActors returns the state forces named in the event's clause
// before the cue (or after "by"): "security forces", "Pakistani troops",
// "the CTD", an entity of subtype military or police.
func (f *finder) stateActors(s *sent, ev *event) []sitrep.Actor {
	ts := s.ts
	var out []sitrep.Actor
	for _, m := range f.mentionsIn(s.sp.Start, s.sp.End) {
		if m.ent.Type == "organization" && stateSubtypes[m.ent.Subtype] {
			k := s.tokAt(m.s)
			if k >= ev.cue.i && !(k > 0 && (ts[k-1].l == "by" || ts[k-1].l == "with" || k > 1 && (ts[k-2].l == "by" || ts[k-2].l == "with"))) {
				continue
			}
			out = addActors(out, []sitrep.Actor{{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}})
		}
	}
	for k := 0; k < len(ts); k++ {
		l := ts[k].l
		if !(l == "forces" || l == "troops" || l == "police" || l == "army" || l == "soldiers" || l == "policemen" || l == "rangers" || l == "ctd" || l == "personnel" || l == "commandos" || l == "jawans" || l == "military" && k+1 < len(ts) && !stateWords[ts[k+1].l]) {
			continue
		}
		if k > 0 && (ts[k-1].l == "killing" || ts[k-1].l == "killed" || ts[k-1].l == "injuring" || ts[k-1].l == "on" || ts[k-1].l == "targeting") {
			continue // the victims
		}
		// extend left over modifiers: "Pakistan security forces"
		i := k
		for i > 0 && i > k-3 && (stateWords[ts[i-1].l] || isCapital(ts[i-1].w) && ts[i-1].l != "the") {
			if _, ok := cardinal(ts[i-1].l); ok {
				break
			}
			i--
		}
		// victims: "two soldiers were killed" are not the actors
		if i > 0 {
			if _, ok := cardinal(ts[i-1].l); ok || ts[i-1].l == "a" || ts[i-1].l == "an" {
				continue
			}
		}
		// the actors act: before the cue, or "by" / "with" them after it
		if k >= ev.cue.i && !(i > 0 && (ts[i-1].l == "by" || ts[i-1].l == "with" || i > 1 && (ts[i-2].l == "by" || ts[i-2].l == "with"))) {
			continue
		}
		a := sitrep.Actor{Name: s.doc.Text[ts[i].s:ts[k].e], Start: ts[i].s, End: ts[k].e}
		for _, m := range f.mentionsIn(a.Start, a.End) {
			if m.ent.Type == "organization" && stateSubtypes[m.ent.Subtype] {
				a.Entity = m.ent.ID
			}
		}
		overlap := false
		for _, o := range out {
			if o.Start < a.End && a.Start < o.End {
				overlap = true
			}
		}
		if !overlap {
			out = append(out, a)
		}
		if len(out) >= 3 {
			break
		}
	}
	return out
}

func isCapital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// isGroup reports whether e is an armed group.
func isGroup(e *sitrep.Entity) bool {
	if e.Type != "organization" && e.Type != "norp" {
		return false
	}
	if e.Subtype == "armed_group" || e.Type == "norp" && e.Subtype == "movement" {
		return true
	}
	if e.Subtype != "" || e.Type != "organization" {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(e.Name)) {
		if groupNameWords[w] {
			return true
		}
	}
	return false
}

// groupNameWords are words of armed groups' names outside the knowledge
// base: "United Liberation Front of Asom".
var groupNameWords = map[string]bool{"front": true, "liberation": true, "tigers": true, "mujahideen": true, "mujahidin": true, "lashkar": true, "jaish": true, "tehreek": true, "tehrik": true, "taliban": true, "militia": true, "brigade": true, "brigades": true, "maoist": true, "maoists": true, "jihad": true, "harkat": true, "ansar": true, "ansarul": true, "sena": true, "guerrillas": true, "guerrilla": true, "resistance": true, "revolutionary": true, "underground": true, "jamaat": true, "army": true, "farc": true, "eln": true, "fmln": true}

func reverse(ms []mention) []mention {
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	return ms
}

// militantWords name armed men without naming their group.
var militantWords = map[string]bool{"militants": true, "militant": true, "maoists": true, "maoist": true, "naxals": true, "naxal": true, "naxalites": true, "terrorists": true, "terrorist": true, "insurgents": true, "rebels": true, "gunmen": true, "cadres": true, "attackers": true, "assailants": true, "jihadists": true, "extremists": true, "taliban": true, "miscreants": true, "guerrillas": true, "separatists": true, "ultras": true}

// militantSubject reports whether the cue's clause has armed men or a
// group as its subject.
func (s *sent) militantSubject(c cueAt, perps []sitrep.Perpetrator) bool {
	for _, p := range perps {
		if p.Start < s.ts[c.i].s {
			return true
		}
	}
	for k := c.i - 1; k >= 0 && k >= c.i-8; k-- {
		l := s.ts[k].l
		if clauseBreak(l) && l != "," {
			break
		}
		if militantWords[l] {
			// "killed 10 militants", "10 militants were killed in a
			// raid": the victims, not the subject; but "some 40
			// Maoists raided": a counted band right before its verb
			victim := false
			for x := k - 1; x >= 0 && x >= k-3; x-- {
				if _, ok := cardinal(s.ts[x].l); ok && !(k+1 == c.i && c.kind == kindVerb) || casualtyWords[s.ts[x].l] != 0 || activeForms[s.ts[x].l] {
					victim = true
				}
			}
			if !victim {
				return true
			}
		}
	}
	return false
}
