// Package incident finds the violent and security events a document
// reports (bombings, attacks, clashes, strikes, kidnappings, operations,
// arrests) with their place, date, casualty figures, perpetrators and
// targets, each tied to its evidence span.
//
// The method, sentence by sentence:
//
//  1. Cues: a table of words and phrases ("suicide attack", "opened
//     fire", "drone strike", "abducted") gives candidate events and
//     their type. Weak cues ("attack", "killed") need other evidence.
//  2. Filters: an event under a modal or a plan ("could launch attacks",
//     "vowed to attack"), a negated one, and a generic plural without
//     anything specific ("U.S. drone strikes", "several attacks in recent
//     months") is not an incident.
//  3. Arguments are read from the sentence: casualty figures (numbers in
//     digits and words, bounds, vague quantities), the place (a location
//     entity, preferring "in X" after the cue and the finest gazetteer
//     level), the date (a resolved date expression not tied to a speech
//     verb), perpetrators (claims of responsibility, agents of the cue,
//     "by X", blame and suspicion), targets and state actors.
//  4. Coreference: a definite mention ("the attack", "the blast") or a
//     mention with compatible arguments continues an incident told
//     before; sentences with only figures or a claim of responsibility
//     ("The death toll rose to 25", "TTP claimed responsibility") add to
//     the incident being told.
//  5. An incident of the lead with no stated date or place takes the
//     publication date (basis "published") and the dateline's place.
package incident

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Finder finds incidents in analysed documents. It needs the sentences,
// dates, entities and quotes stages to have run. The zero Finder works.
type Finder struct {
	// Geocode resolves a place name to a gazetteer entry, given the
	// names of the document's other places as context: for the dateline
	// ("PESHAWAR, Pakistan") and for places the entity layer left out
	// ("in Turbat District"). Optional.
	Geocode func(name string, context []string) (sitrep.Place, bool)
}

// Find returns the incidents doc reports, in text order.
func (fd Finder) Find(doc *sitrep.Document) []sitrep.Incident {
	f := &finder{Finder: fd, doc: doc, byID: map[string]*sitrep.Entity{}}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		f.byID[e.ID] = e
		for _, m := range e.Mentions {
			f.ments = append(f.ments, mention{m.Start, m.End, e})
		}
	}
	sort.Slice(f.ments, func(a, b int) bool { return f.ments[a].s < f.ments[b].s })
	f.dates = make([]*sitrep.DateMention, len(doc.Dates))
	for i := range doc.Dates {
		f.dates[i] = &doc.Dates[i]
	}
	sort.SliceStable(f.dates, func(a, b int) bool { return f.dates[a].Start < f.dates[b].Start })
	f.quotes = make([]int, len(doc.Quotes))
	for i := range doc.Quotes {
		f.quotes[i] = i
	}
	sort.SliceStable(f.quotes, func(a, b int) bool { return doc.Quotes[f.quotes[a]].Start < doc.Quotes[f.quotes[b]].Start })
	f.quoteEnd = make([]int, len(f.quotes))
	for k, qi := range f.quotes {
		f.quoteEnd[k] = doc.Quotes[qi].End
		if k > 0 {
			f.quoteEnd[k] = max(f.quoteEnd[k], f.quoteEnd[k-1])
		}
	}
	for i := range doc.Entities {
		if e := &doc.Entities[i]; e.Place != nil {
			f.context = append(f.context, e.Name)
		}
	}
	para := 0
	for si, sp := range doc.Sentences {
		if si > 0 && strings.Contains(doc.Text[doc.Sentences[si-1].End:sp.Start], "\n\n") {
			para++
		}
		s := f.sentence(sp, si, para)
		f.process(s)
	}
	return f.finish()
}

type mention struct {
	s, e int
	ent  *sitrep.Entity
}

type tok struct {
	s, e int
	w, l string
}

type finder struct {
	Finder
	doc   *sitrep.Document
	ments []mention
	byID  map[string]*sitrep.Entity
	incs  []*inc
	// context are the names of the document's places, for Geocode.
	context []string
	// dates are doc.Dates by start; quotes are the indices of doc.Quotes
	// by start, quoteEnd the largest end of quotes[:k+1].
	dates    []*sitrep.DateMention
	quotes   []int
	quoteEnd []int
	// geoMemo holds the names geocode resolved
	geoMemo map[string]geoResult
}

// quotesOver returns the indices of the quotes that overlap [lo, hi), in
// the order of doc.Quotes.
func (f *finder) quotesOver(lo, hi int) []int {
	k := sort.Search(len(f.quotes), func(k int) bool { return f.doc.Quotes[f.quotes[k]].Start >= hi })
	var out []int
	for k--; k >= 0 && f.quoteEnd[k] > lo; k-- {
		if f.doc.Quotes[f.quotes[k]].End > lo {
			out = append(out, f.quotes[k])
		}
	}
	sort.Ints(out)
	return out
}

// datesOver returns the date expressions that overlap [lo, hi), by start.
func (f *finder) datesOver(lo, hi int) []*sitrep.DateMention {
	i := sort.Search(len(f.dates), func(i int) bool { return f.dates[i].Start >= lo })
	for i > 0 && f.dates[i-1].End > lo {
		i--
	}
	j := i
	for j < len(f.dates) && f.dates[j].Start < hi {
		j++
	}
	return f.dates[i:j]
}

// inc is an incident being built, with what its mentions told.
type inc struct {
	sitrep.Incident
	firstSent, lastSent int
	firstPara, lastPara int
	placeScore          int
	dateStated          bool
	killedToll          bool
}

type sent struct {
	f        *finder
	doc      *sitrep.Document
	sp       sitrep.Span
	idx      int
	para     int
	ts       []tok
	quoteSrc *sitrep.Actor // the speaker when the sentence lies in a quote
	// dates are the date expressions overlapping the sentence.
	dates []*sitrep.DateMention
	// figs caches figures(); figsDone tells whether it is filled.
	figs     []figureOf
	figsDone bool
}

func (s *sent) text(i, j int) string { return s.doc.Text[s.ts[i].s:s.ts[j-1].e] }

func (f *finder) sentence(sp sitrep.Span, idx, para int) *sent {
	s := &sent{f: f, doc: f.doc, sp: sp, idx: idx, para: para}
	t := f.doc.Text
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(t[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < sp.End {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '.' && j+n2 < sp.End && isUpperAbbrev(t, i, j) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < sp.End {
					r3, _ := utf8.DecodeRuneInString(t[j+n2:])
					if unicode.IsLetter(r3) || r2 == '-' && unicode.IsDigit(r3) && !unicode.IsDigit(r) {
						j += n2
						continue
					}
				}
				break
			}
			w := t[i:j]
			l := strings.ToLower(w)
			// "Friday's": split the possessive off
			if k := strings.LastIndexAny(l, "'’"); k > 0 && (l[k:] == "'s" || l[k:] == "’s") {
				s.ts = append(s.ts, tok{i, i + k, w[:k], l[:k]}, tok{i + k, j, w[k:], "'s"})
			} else {
				s.ts = append(s.ts, tok{i, j, w, l})
			}
			i = j
			continue
		}
		if !unicode.IsSpace(r) {
			s.ts = append(s.ts, tok{i, i + n, t[i : i+n], t[i : i+n]})
		}
		i += n
	}
	s.dates = f.datesOver(sp.Start, sp.End)
	// a sentence inside a quote's words is the speaker's
	for _, qi := range f.quotesOver(sp.Start, sp.End) {
		q := &f.doc.Quotes[qi]
		if q.Start <= sp.Start+2 && q.End >= sp.End-2 || sp.Start <= q.Start && q.End <= sp.End && q.End-q.Start > (sp.End-sp.Start)/2 {
			a := q.Speaker.Actor
			if a.Name == "" {
				a.Name = q.Speaker.Text
			}
			s.quoteSrc = &a
			break
		}
	}
	return s
}

// isUpperAbbrev keeps "U.S." together.
func isUpperAbbrev(t string, i, j int) bool {
	return j-i <= 3 && j+1 < len(t) && t[j+1] >= 'A' && t[j+1] <= 'Z' && t[i] >= 'A' && t[i] <= 'Z'
}

// cueAt is a cue found in a sentence.
type cueAt struct {
	cueWord
	i, j     int // tokens [i, j)
	plural   bool
	definite bool
	fresh    bool // "another", "a separate"
	// backref: a weak cue tied to an event told before ("killed in the
	// incident")
	backref bool
}

// findCues returns the cues of the sentence, filtered.
func (s *sent) findCues() []cueAt {
	ts := s.ts
	var out []cueAt
	for i := 0; i < len(ts); i++ {
		for _, c := range cues[ts[i].l] {
			if i+len(c.words) > len(ts) {
				continue
			}
			ok := true
			for k, w := range c.words {
				if ts[i+k].l != w {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			ca := cueAt{cueWord: c, i: i, j: i + len(c.words)}
			if s.keep(&ca) {
				out = append(out, ca)
			}
			i += len(c.words) - 1
			break
		}
	}
	return out
}

// keep decides whether a cue reports a real, specific event.
func (s *sent) keep(c *cueAt) bool {
	ts := s.ts
	last := ts[c.j-1].l
	c.plural = c.kind != kindVerb && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && last != "gunmen" && last != "rockets" && last != "missiles" && last != "mortars" && last != "shells"
	if c.kind == kindNoun || c.kind == kindWeak || c.kind == kindOperation {
		// the noun's determiner, past its modifiers
		k := c.i - 1
		for k >= 0 && k >= c.i-4 && modifierWord(ts[k]) {
			k--
		}
		if k >= 0 {
			l := ts[k].l
			c.definite = definiteWords[l] || l == "'s" || l == "’s"
			c.fresh = newEventWords[l] || l == "a" && k > 0 && ts[k-1].l == "in" && k+1 < len(ts) && ts[k+1].l == "separate"
			if aggregateWords[l] && c.plural {
				return false
			}
			if l == "of" && k > 0 && aggregateWords[ts[k-1].l] {
				return false
			}
			// "involved in incidents of targeted killing", "cases of
			// abduction": a kind of event, counted over many
			if l == "of" && k > 0 && (ts[k-1].l == "incidents" || ts[k-1].l == "cases" || ts[k-1].l == "acts") {
				// but "in two separate incidents of firing" counts them
				counted := false
				if k > 1 {
					_, counted = cardinal(ts[k-2].l)
					counted = counted || ts[k-2].l == "separate"
				}
				if !counted {
					return false
				}
			}
		}
	}
	// hypothetical or negated: a modal or plan word shortly before, in
	// the same clause
	for k := c.i - 1; k >= 0 && k >= c.i-5; k-- {
		l := ts[k].l
		if l == "," || l == ";" || l == ":" || l == "." || l == "that" && k < c.i-1 || l == "which" || l == "who" {
			break
		}
		if hypothetical[l] {
			// "killed in an attack against a checkpoint": "against" only
			// counts as a plan word right before the cue ("fight
			// against terrorism" is no event either way)
			if (l == "against" || l == "any") && k != c.i-1 {
				continue
			}
			if l == "to" {
				// "to attack", "to carry out attacks": an infinitive; but
				// "a couple to recover ... kidnapped" and "led to the
				// blast" report events
				// "a search to arrest them": a noun cue that is also a
				// verb's bare form, right after "to", is the verb
				bare := k+1 == c.i && c.j == c.i+1 && bareVerbNouns[c.words[0]]
				if !(k+1 == c.i && (c.kind != kindNoun || bare) || k+2 == c.i && infinitiveVerbs[ts[k+1].l] || k+3 == c.i && infinitiveVerbs[ts[k+1].l] && ts[k+2].l == "out") {
					continue
				}
			}
			if l == "threat" && c.kind != kindNoun {
				continue
			}
			return false
		}
	}
	// "the threat of attacks", "fear of attacks", "the risk of kidnapping"
	if c.i >= 2 && ts[c.i-1].l == "of" && (hypothetical[ts[c.i-2].l] || ts[c.i-2].l == "wave" || ts[c.i-2].l == "number") {
		return false
	}
	// a cue noun used as a modifier: "assault ship", "bombing campaign",
	// "terror attack planners", "IED facilities"
	if c.kind != kindVerb && c.j < len(ts) && modifiedNouns[ts[c.j].l] {
		return false
	}
	// a named operation: "Operation Inherent Resolve"
	if c.words[0] == "operation" && isCapital(ts[c.i].w) && c.j < len(ts) && isCapital(ts[c.j].w) {
		return false
	}
	// weapons handled, not used: "destroyed an IED", "seized grenades"
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		if handledWords[ts[k].l] && c.typ != sitrep.IncidentArrest && c.kind != kindVerb {
			return false
		}
		if clauseBreak(ts[k].l) {
			break
		}
	}
	// a count of many events: "265 bombing raids", "over 40 attacks"
	if c.plural && c.i > 0 {
		for k := c.i - 1; k >= 0 && k >= c.i-3; k-- {
			if n, ok := cardinal(ts[k].l); ok && n >= 10 {
				return false
			}
		}
	}
	switch c.kind {
	case kindOperation:
	case kindNoun:
		if c.words[0] == "operation" || c.words[0] == "raid" || c.words[0] == "raids" || c.words[0] == "offensive" || c.words[0] == "crackdown" {
			// a bare "operation" is a military one only after "launched",
			// "during" or the like, or with "against" after it
			ok := false
			for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
				if operationVerbs[ts[k].l] {
					ok = true
				}
			}
			if c.j < len(ts) && (ts[c.j].l == "against" || ts[c.j].l == "in" && c.words[0] != "operation" || ts[c.j].l == "on" && c.words[0] != "operation") {
				ok = true
			}
			if !ok && c.words[0] == "operation" {
				return false
			}
			if c.plural && !ok {
				return false
			}
		}
		if c.words[0] == "drone" && len(c.words) == 1 {
			return false
		}
		if c.typ == sitrep.IncidentBombing && (c.words[0] == "ied" || c.words[0] == "ieds" || c.words[0] == "improvised" || c.words[0] == "explosive") {
			if !s.nearWord(c.i, c.j, 6, "blast", "explosion", "exploded", "went", "detonated", "killed", "injured", "wounded", "killing", "injuring", "wounding", "attack", "struck", "hit", "planted", "triggered", "targeted", "died", "hurt") {
				return false
			}
		}
		if len(c.words) == 1 && (c.words[0] == "rocket" || c.words[0] == "rockets" || c.words[0] == "missiles" || c.words[0] == "shells" || c.words[0] == "mortar" || c.words[0] == "mortars" || c.words[0] == "artillery" || c.words[0] == "grenade" || c.words[0] == "bomb" || c.words[0] == "dynamite" || c.words[0] == "firing") {
			// a weapon is an event when fired, hit or exploded
			if !s.nearWord(c.i, c.j, 4, "fired", "fire", "hit", "landed", "struck", "exploded", "lobbed", "hurled", "threw", "thrown", "attack", "planted", "detonated", "went", "blast", "explosion", "killed", "injured", "killing", "injuring", "wounded", "shell", "shells", "opened", "resorted", "indiscriminate", "heavy", "unprovoked", "exchanged") {
				return false
			}
		}
		if c.words[0] == "gunmen" {
			// "gunmen" report an attack only with a violent verb
			if !s.nearWord(c.i, c.j, 5, "killed", "shot", "opened", "attacked", "stormed", "ambushed", "injured", "wounded", "gunned", "fired") {
				return false
			}
		}
		if c.words[0] == "encounter" && !s.nearWord(c.i, c.j, 8, "killed", "forces", "police", "security", "militants", "maoists", "militant", "troops", "injured", "shot", "gunned", "soldiers", "jawans", "personnel", "terrorists", "cadres", "insurgents", "army") {
			return false
		}
		if c.words[0] == "explosion" || c.words[0] == "explosions" || c.words[0] == "blast" || c.words[0] == "blasts" {
			// "a population explosion", "gas cylinder blast" stay bombings
			// only without a cause word before
			if c.i > 0 && (ts[c.i-1].l == "population" || ts[c.i-1].l == "cylinder" || ts[c.i-1].l == "gas" || ts[c.i-1].l == "boiler" || ts[c.i-1].l == "transformer") {
				return false
			}
		}
		if c.plural && !c.definite {
			// a plural noun is one incident only with something specific
			// about it: a count of victims, a day or a place below country
			// level in the same sentence
			if !s.specific(c) {
				return false
			}
		}
	case kindVerb:
		// "the detained militants", "three abducted workers": a
		// participle used as an adjective
		if len(c.words) == 1 && c.i > 0 && c.j < len(ts) && (ts[c.i-1].l == "the" || ts[c.i-1].l == "a" || ts[c.i-1].l == "an" || ts[c.i-1].l == "two" || ts[c.i-1].l == "three" || isDigit(ts[c.i-1].l) || ts[c.i-1].l == "four" || ts[c.i-1].l == "five") && !objectStart(ts[c.j].l) && ts[c.j].l != "by" && ts[c.j].l != "in" && ts[c.j].l != "on" {
			if c.typ == sitrep.IncidentArrest || c.typ == sitrep.IncidentKidnapping {
				return false
			}
		}
		// "attacked" as criticism: needs a physical object or context
		if c.words[0] == "attacked" && !s.nearWord(c.i, c.j, 8, "killed", "killing", "injured", "injuring", "wounded", "checkpoint", "post", "convoy", "camp", "station", "police", "soldiers", "troops", "forces", "base", "village", "house", "home", "vehicle", "bus", "mosque", "shrine", "school", "patrol", "guards", "office", "market", "militants", "gunmen", "armed", "fire", "weapons", "grenades", "rockets") {
			return false
		}
	case kindWeak:
		if c.plural && !c.definite && !s.specific(c) {
			return false
		}
		// "three militants were killed in the incident": the event
		// told before
		if c.j+2 < len(ts) && ts[c.j].l == "in" && (ts[c.j+1].l == "the" || ts[c.j+1].l == "that" || ts[c.j+1].l == "this") && (ts[c.j+2].l == "incident" || len(cues[ts[c.j+2].l]) > 0) {
			c.definite, c.backref = true, true
		}
	}
	return true
}

// modifiedNouns after a cue noun make the cue a modifier.
var modifiedNouns = map[string]bool{"ship": true, "ships": true, "rifle": true, "rifles": true, "weapon": true, "weapons": true, "team": true, "teams": true, "squad": true, "force": true, "vehicle": true, "vehicles": true, "helicopter": true, "helicopters": true, "aircraft": true, "campaign": true, "capability": true, "capabilities": true, "planners": true, "planner": true, "cell": true, "cells": true, "facilities": true, "facility": true, "factory": true, "factories": true, "training": true, "course": true, "survivors": true, "survivor": true, "threat": true, "threats": true, "risk": true, "warning": true, "warnings": true, "plot": true, "plots": true, "suspect": true, "suspects": true, "materials": true, "material": true, "components": true, "disposal": true, "squads": true, "launcher": true, "launchers": true, "unit": true, "units": true, "dog": true, "dogs": true, "detector": true, "detectors": true, "proof": true, "shelter": true, "shelters": true, "drill": true, "drills": true}

// handledWords before a weapon make it a thing handled, not an event.
var handledWords = map[string]bool{"destroyed": true, "destroying": true, "seized": true, "recovered": true, "defused": true, "found": true, "cleared": true, "confiscated": true, "counter": true, "counter-ied": true, "dismantled": true, "manufacturing": true, "making": true, "carrying": true, "smuggling": true, "possession": true, "stockpile": true, "cache": true, "caches": true, "haul": true}

// modifierWord is a word between a determiner and its noun: "the latest
// suicide attack", "a deadly bomb blast", "Friday's attack".
func modifierWord(t tok) bool {
	switch t.l {
	case "latest", "recent", "deadly", "deadliest", "massive", "huge", "powerful", "twin", "coordinated", "brazen", "fresh", "major", "big", "small", "fatal", "horrific", "terrorist", "terror", "militant", "suicide", "bomb", "car", "roadside", "suspected", "apparent", "alleged", "first", "second", "third", "last", "previous", "separate", "similar", "another", "new", "bloody", "daring", "cowardly", "heinous", "gruesome", "brutal", "attempted", "failed", "foiled", "audacious", "sectarian", "targeted", "security", "military", "search", "joint", "intelligence-based", "counter-terrorism", "counterterrorism", "us", "u.s.", "american", "pakistani", "afghan", "indian", "israeli", "iranian", "nato", "drone", "air", "cross-border", "two", "three", "four", "five", "multiple", "mortar", "rocket", "grenade", "gun", "armed", "explosive", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "yesterday", "today", "tonight", "morning", "evening", "night", "weekend", "'s", "’s":
		return true
	}
	return false
}

// nearWord reports whether one of words lies within n tokens of [i, j).
func (s *sent) nearWord(i, j, n int, words ...string) bool {
	for k := max(0, i-n); k < len(s.ts) && k < j+n; k++ {
		if k >= i && k < j {
			continue
		}
		for _, w := range words {
			if s.ts[k].l == w {
				return true
			}
		}
	}
	return false
}

// specific reports whether the sentence pins a plural cue down: a
// count of victims, a date of day or week precision, or a place finer
// than a country.
func (s *sent) specific(c *cueAt) bool {
	for _, fg := range s.figures() {
		if fg.what == casKilled || fg.what == casInjured {
			return true
		}
	}
	for _, d := range s.dates {
		if d.Start >= s.sp.Start && d.End <= s.sp.End && (d.Precision == "day" || d.Precision == "week") {
			return true
		}
	}
	for _, m := range s.f.mentionsIn(s.sp.Start, s.sp.End) {
		if m.ent.Place != nil && m.ent.Place.Kind != "country" && m.ent.Type == "location" {
			return true
		}
	}
	return false
}

func (f *finder) mentionsIn(lo, hi int) []mention {
	i := sort.Search(len(f.ments), func(i int) bool { return f.ments[i].s >= lo })
	j := i
	for j < len(f.ments) && f.ments[j].s < hi {
		j++
	}
	var out []mention
	for _, m := range f.ments[i:j] {
		if m.e <= hi {
			out = append(out, m)
		}
	}
	return out
}

// tokAt returns the index of the token starting at or after off.
func (s *sent) tokAt(off int) int {
	return sort.Search(len(s.ts), func(i int) bool { return s.ts[i].s >= off })
}
