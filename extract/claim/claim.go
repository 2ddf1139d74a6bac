// Package claim turns statements and reported assertions into normalised
// propositions with stance: presence, threat, responsibility, support,
// cooperation, affiliation and strength.
//
// Claims are read from units of text: the words of each quote, asserted
// by the quote's speaker, and the article's own sentences outside quotes,
// asserted by the article (speaker name "", entity "") except where the
// sentence itself names who claims (a group claiming responsibility).
// In each unit a trigger word ("presence", "threat", "claimed
// responsibility", "backed", "loyal to", "fighters") fixes the
// predicate; the subject is the armed group or actor the trigger is
// about (before it, or after "of"), the object the place or actor it
// points to. Negation in the unit, or a denying cue ("denied",
// "rejected"), makes a denial; hedging words make the claim hedged.
package claim

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Finder finds claims. The zero Finder is ready to use.
type Finder struct {
	// Country returns the knowledge base's entity for a country name, so
	// that "on its soil" said by the government of Pakistan is Pakistan
	// even when the document never names it. Optional.
	Country func(name string) (sitrep.Actor, bool)
	// Government returns the government entity of a country (by the
	// country's name and the publication year, 0 when unknown), so that
	// "Islamabad blamed the attack on the TTP" is an attribution by the
	// government of Pakistan. Optional.
	Government func(country string, year int) (sitrep.Actor, bool)
}

// Find returns the claims of doc with the zero Finder.
func Find(doc *sitrep.Document) []sitrep.Claim { return Finder{}.Find(doc) }

// Find returns the claims of doc, in text order. It needs doc.Quotes,
// doc.Entities and doc.Dates filled.
func (fd Finder) Find(doc *sitrep.Document) []sitrep.Claim {
	f := &finder{Finder: fd, doc: doc, text: doc.Text, byID: make(map[string]*sitrep.Entity, len(doc.Entities))}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		f.byID[e.ID] = e
		for _, m := range e.Mentions {
			f.ments = append(f.ments, mention{m.Start, m.End, e})
		}
	}
	sort.Slice(f.ments, func(a, b int) bool { return f.ments[a].s < f.ments[b].s })
	f.armedByContext()
	// Units: quotes first, then sentences outside any quote's words.
	covered := make([]sitrep.Span, 0, len(doc.Quotes))
	for qi := range doc.Quotes {
		q := &doc.Quotes[qi]
		parts := q.Parts
		if len(parts) == 0 {
			parts = []sitrep.Span{{Start: q.Start, End: q.End}}
		}
		for _, p := range parts {
			f.unit(p.Start, p.End, qi)
			covered = append(covered, p)
		}
		// The attribution itself may hold the claim: "X denied the
		// presence of IS" has its object in the quote's words already.
	}
	covered = sortedSpans(covered)
	for _, s := range doc.Sentences {
		// "..., reports The Hindu": the outlet speaks for the sentence's
		// own words
		f.attr = f.attribution(s.Start, s.End)
		// the parts of the sentence outside quotes
		lo := s.Start
		for _, c := range covered {
			if c.End <= lo || c.Start >= s.End {
				continue
			}
			if c.Start > lo {
				f.unit(lo, c.Start, -1)
			}
			lo = max(lo, c.End)
		}
		if lo < s.End {
			f.unit(lo, s.End, -1)
		}
	}
	f.attr = nil
	sort.SliceStable(f.out, func(a, b int) bool { return f.out[a].Start < f.out[b].Start })
	return dedupe(f.out)
}

func sortedSpans(ss []sitrep.Span) []sitrep.Span {
	out := append([]sitrep.Span(nil), ss...)
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

type mention struct {
	s, e int
	ent  *sitrep.Entity
}

type finder struct {
	Finder
	doc   *sitrep.Document
	text  string
	ments []mention
	byID  map[string]*sitrep.Entity
	out   []sitrep.Claim
	buf   []tok // reused token buffer
	// armedCtx holds the organisations the document treats as armed
	// groups (armedByContext).
	armedCtx map[string]bool
	// attr is who the sentence being read is attributed to ("reports
	// The Hindu", "according to X"), or nil: its words outside quotes
	// are then that source's, not the article's.
	attr *sitrep.Actor
}

type tok struct {
	s, e int
	w, l string
}

func (f *finder) tokens(lo, hi int) []tok {
	ts := f.buf[:0]
	defer func() { f.buf = ts[:0] }()
	t := f.text
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(t[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < hi {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '-') && j+n2 < hi {
					r3, _ := utf8.DecodeRuneInString(t[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			ts = append(ts, tok{i, j, t[i:j], strings.ToLower(t[i:j])})
			i = j
			continue
		}
		if !unicode.IsSpace(r) {
			ts = append(ts, tok{i, i + n, t[i : i+n], t[i : i+n]})
		}
		i += n
	}
	return ts
}

// unit finds the claims of text[lo:hi], a quote's words (qi >= 0) or a
// stretch of the article's own text (qi = -1).
func (f *finder) unit(lo, hi, qi int) {
	ts := f.tokens(lo, hi)
	if len(ts) < 3 {
		return
	}
	u := &unit{f: f, ts: ts, qi: qi, lo: lo, hi: hi}
	if qi >= 0 {
		u.q = &f.doc.Quotes[qi]
	}
	for i := range ts {
		l := ts[i].l
		for _, tr := range byFirst[l] {
			if n := tr.match(ts, i); n > 0 {
				u.trigger(tr, i, i+n)
			}
		}
		if len(l) >= 4 {
			for _, tr := range byPrefix[l[:4]] {
				if n := tr.match(ts, i); n > 0 {
					u.trigger(tr, i, i+n)
				}
			}
		}
	}
}

// unit is a stretch of text being read for claims.
type unit struct {
	f      *finder
	ts     []tok
	qi     int
	q      *sitrep.Quote
	lo, hi int
}

// trigger is a word or phrase that fixes a predicate, with where its
// subject and object are found.
type trigger struct {
	pred  string
	words []string // lower-case tokens; "*" matches any one word
	// subj: "before" (the group before the trigger), "of" (after "of"
	// following the trigger, else before), "self" (the claimant before
	// the trigger).
	subj string
	// obj: "place" (a place after the trigger), "actor" (an actor after
	// the trigger), "incident" (the words after the trigger), "value"
	// (a number before the trigger).
	obj string
}

func (tr trigger) match(ts []tok, i int) int {
	if i+len(tr.words) > len(ts) {
		return 0
	}
	for k, w := range tr.words {
		if w == "*" {
			continue
		}
		if strings.HasSuffix(w, "*") {
			if !strings.HasPrefix(ts[i+k].l, w[:len(w)-1]) {
				return 0
			}
			continue
		}
		if ts[i+k].l != w {
			return 0
		}
	}
	return len(tr.words)
}

func tw(pred, words, subj, obj string) trigger {
	return trigger{pred: pred, words: strings.Fields(words), subj: subj, obj: obj}
}

var triggers = []trigger{
	tw(sitrep.PredicatePresence, "presence", "of", "place"),
	tw(sitrep.PredicatePresence, "present", "before", "place"),
	tw(sitrep.PredicatePresence, "exists", "before", "place"),
	tw(sitrep.PredicatePresence, "exist", "before", "place"),
	tw(sitrep.PredicatePresence, "based", "before", "place"),
	tw(sitrep.PredicatePresence, "sanctuaries", "of", "place"),
	tw(sitrep.PredicatePresence, "sanctuary", "of", "place"),
	tw(sitrep.PredicatePresence, "hideouts", "of", "place"),
	tw(sitrep.PredicatePresence, "bases", "of", "place"),
	tw(sitrep.PredicatePresence, "foothold", "before", "place"),
	tw(sitrep.PredicatePresence, "roots", "before", "place"),
	tw(sitrep.PredicatePresence, "there is", "next", "place"),
	tw(sitrep.PredicatePresence, "there are", "next", "place"),
	tw(sitrep.PredicatePresence, "there is no", "next", "place"),
	tw(sitrep.PredicatePresence, "there are no", "next", "place"),
	tw(sitrep.PredicatePresence, "operating", "before", "place"),
	tw(sitrep.PredicatePresence, "active", "before", "place"),
	tw(sitrep.PredicatePresence, "sneaked into", "before", "place"),
	tw(sitrep.PredicatePresence, "infiltrated", "before", "place"),
	tw(sitrep.PredicatePresence, "infiltrated into", "before", "place"),
	tw(sitrep.PredicatePresence, "hiding in", "before", "place"),
	tw(sitrep.PredicatePresence, "holed up", "before", "place"),
	tw(sitrep.PredicatePresence, "stronghold", "of", "place"),
	tw(sitrep.PredicatePresence, "strongholds", "of", "place"),
	tw(sitrep.PredicateThreat, "threat", "of", "target"),
	tw(sitrep.PredicateThreat, "threats", "of", "target"),
	tw(sitrep.PredicateThreat, "threaten*", "before", "target"),
	tw(sitrep.PredicateThreat, "menace", "of", "target"),
	tw(sitrep.PredicateResponsibility, "claimed responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claims responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claiming responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claimed credit", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "accepted responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claimed the responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claiming the responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claims the responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "claimed full responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "accepted the responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "involvement", "of", "incident"),
	tw(sitrep.PredicateResponsibility, "involved in", "before", "incident-after"),
	tw(sitrep.PredicateResponsibility, "detonated by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "triggered by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "abducted by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "kidnapped by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "perpetrated by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "launched by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "ambushed by", "after", "incident-before"),
	tw(sitrep.PredicateResponsibility, "planted by", "after", "incident-before"),
	// "two villagers were abducted and later killed by cadres of the
	// PLFI": any passive incident verb, or a chain of them, before "by"
	tw(sitrep.PredicateResponsibility, "by", "after", "incident-passive"),
	tw(sitrep.PredicateResponsibility, "attacked", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "ambushed", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "abducted", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "kidnapped", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "executed", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "beheaded", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "torched", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "vandalised", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "vandalized", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "detonated", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "triggered", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "stormed", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "assassinated", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "gunned down", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "shot dead", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "killed", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "murdered", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "hacked", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "blew up", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "blown up", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "set ablaze", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "set fire", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "ransacked", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "assaulted", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "opened fire", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "opened firing", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "opened indiscriminate fire", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "opened indiscriminate firing", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "started firing", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "resorted to firing", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "resorted to indiscriminate firing", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "fired at", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "fired upon", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "hurled", "before", "incident-verb"),
	tw(sitrep.PredicateResponsibility, "took responsibility", "self", "incident"),
	// "claimed the attack on the convoy": the claim without the word
	// responsibility, for words that can only name an incident
	tw(sitrep.PredicateResponsibility, "claimed the attack", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the attacks", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the bombing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the bombings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the blast", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the killing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the killings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the assassination", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the kidnapping", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the abduction", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the ambush", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the explosion", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claimed the massacre", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the attack", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the attacks", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the bombing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the bombings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the blast", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the killing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the killings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the assassination", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the kidnapping", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the abduction", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the ambush", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the explosion", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claims the massacre", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the attack", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the attacks", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the bombing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the bombings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the blast", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the killing", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the killings", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the assassination", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the kidnapping", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the abduction", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the ambush", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the explosion", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "claiming the massacre", "self", "incident-noun"),
	tw(sitrep.PredicateResponsibility, "owned responsibility", "self", "incident"),
	tw(sitrep.PredicateResponsibility, "was behind", "before", "incident"),
	tw(sitrep.PredicateResponsibility, "were behind", "before", "incident"),
	tw(sitrep.PredicateResponsibility, "is behind", "before", "incident"),
	tw(sitrep.PredicateResponsibility, "carried out by", "after", "incident-before"),
	// "officials suspect a terror group named X behind the explosion"
	tw(sitrep.PredicateResponsibility, "behind", "before", "incident-behind"),
	tw(sitrep.PredicateResponsibility, "blamed", "after", "incident-for"),
	tw(sitrep.PredicateResponsibility, "blames", "after", "incident-for"),
	tw(sitrep.PredicateSupport, "support*", "before", "actor"),
	tw(sitrep.PredicateSupport, "back", "before", "actor"),
	tw(sitrep.PredicateSupport, "backs", "before", "actor"),
	tw(sitrep.PredicateSupport, "backed", "before", "actor"),
	tw(sitrep.PredicateSupport, "backing", "before", "actor"),
	tw(sitrep.PredicateSupport, "funded", "before", "actor"),
	tw(sitrep.PredicateSupport, "funding", "before", "actor"),
	tw(sitrep.PredicateSupport, "financed", "before", "actor"),
	tw(sitrep.PredicateSupport, "financing", "before", "actor"),
	tw(sitrep.PredicateSupport, "sponsor*", "before", "actor"),
	tw(sitrep.PredicateSupport, "harbo*", "before", "actor"),
	tw(sitrep.PredicateSupport, "shelter*", "before", "actor"),
	tw(sitrep.PredicateCooperation, "cooperation", "before", "actor"),
	tw(sitrep.PredicateCooperation, "co-operation", "before", "actor"),
	tw(sitrep.PredicateCooperation, "cooperate", "before", "actor"),
	tw(sitrep.PredicateCooperation, "cooperating", "before", "actor"),
	tw(sitrep.PredicateCooperation, "work with", "before", "actor"),
	tw(sitrep.PredicateCooperation, "working with", "before", "actor"),
	// "a joint team of CoBRA, CRPF and District Police", "Assam Police
	// and the Army ... in a joint operation": the forces listed work
	// together, one claim per pair
	tw(sitrep.PredicateCooperation, "joint", "list", "list"),
	tw(sitrep.PredicateCooperation, "collaborat*", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "loyal to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "allegiance to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "affiliated with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "affiliated to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "linked to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "linked with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "links to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "links with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "ties to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "ties with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "allied with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "allied to", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "alliance with", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "branch of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "faction of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "wing of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "part of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "splinter group of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "offshoot of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "affiliate of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "proxy of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "umbrella group of", "before", "actor"),
	tw(sitrep.PredicateAffiliation, "joined", "before", "actor"),
	tw(sitrep.PredicateStrength, "fighters", "value", "value"),
	tw(sitrep.PredicateStrength, "members", "value", "value"),
	tw(sitrep.PredicateStrength, "militants", "value", "value"),
	tw(sitrep.PredicateStrength, "men", "value", "value"),
	tw(sitrep.PredicateStrength, "people", "value", "value"),
	tw(sitrep.PredicateStrength, "strong", "value", "value"),
}

// byFirst indexes the triggers by their first word; byPrefix those whose
// first word is a prefix ("support*") by its first four letters.
var byFirst, byPrefix = map[string][]trigger{}, map[string][]trigger{}

func init() {
	for _, tr := range triggers {
		w := tr.words[0]
		if strings.HasSuffix(w, "*") {
			byPrefix[w[:4]] = append(byPrefix[w[:4]], tr)
		} else {
			byFirst[w] = append(byFirst[w], tr)
		}
	}
}

// negators deny the clause they stand in.
var negators = map[string]bool{"no": true, "not": true, "n't": true, "never": true, "none": true, "nor": true, "neither": true, "without": true, "nothing": true, "cannot": true}

// denyCues are quote cues whose words are denied: "denied the presence".
var denyCues = map[string]bool{"denied": true, "denies": true, "deny": true, "denying": true, "rejected": true, "rejects": true, "reject": true, "dismissed": true, "dismisses": true, "refuted": true, "refutes": true, "ruled out": true, "quashed": true}

// denyWords deny what follows them within the clause.
var denyWords = map[string]bool{"denied": true, "denies": true, "deny": true, "denying": true, "rejected": true, "rejecting": true, "dismissed": true, "refuted": true, "eliminated": true, "wiped": true, "uprooted": true, "destroyed": true, "dismantled": true, "quashed": true}

// hedges mark a claim made with reserve.
var hedges = map[string]bool{"believed": true, "believe": true, "believes": true, "reportedly": true, "likely": true, "unlikely": true, "could": true, "may": true, "might": true, "possibly": true, "possible": true, "suspected": true, "alleged": true, "allegedly": true, "apparently": true, "appears": true, "seems": true, "estimated": true, "probably": true, "perhaps": true, "feared": true, "thought": true, "purportedly": true, "suspect": true, "suspects": true}

// clause returns the token range of the clause around [i, j).
func (u *unit) clause(i, j int) (int, int) {
	a := i
	for a > 0 {
		p := u.ts[a-1].l
		if p == ";" || p == "." || p == "but" || p == "however" || p == "whereas" || p == "?" || p == "!" ||
			(p == "that" && a-2 >= 0 && u.ts[a-2].l == "and") || (p == "and" && a-2 >= 0 && u.ts[a-2].l == ",") {
			break
		}
		a--
	}
	b := j
	for b < len(u.ts) {
		p := u.ts[b].l
		if p == ";" || p == "." || p == "but" || p == "however" || p == "whereas" || p == "?" || p == "!" ||
			(p == "and" && b+1 < len(u.ts) && u.ts[b+1].l == "that") || (p == "," && b+1 < len(u.ts) && (u.ts[b+1].l == "and" || u.ts[b+1].l == "but" || u.ts[b+1].l == "which")) {
			break
		}
		b++
	}
	return a, b
}

// mentionsIn returns the mentions inside [s, e) in order.
func (f *finder) mentionsIn(s, e int) []mention {
	i := sort.Search(len(f.ments), func(k int) bool { return f.ments[k].s >= s })
	var out []mention
	for ; i < len(f.ments) && f.ments[i].s < e; i++ {
		if f.ments[i].e <= e {
			out = append(out, f.ments[i])
		}
	}
	return out
}

// isGroup reports whether e is an armed group: the subject of presence,
// threat, responsibility and strength claims.
func isGroup(e *sitrep.Entity) bool {
	if e.Type != "organization" {
		return false
	}
	if e.Subtype == "armed_group" {
		return true
	}
	if e.Subtype != "" {
		return false
	}
	// A name outside the knowledge base that reads as an armed group's:
	// "United Liberation Front of Asom", "Karbi Peoples Liberation Tigers".
	for _, w := range strings.Fields(strings.ToLower(e.Name)) {
		if groupNameWords[w] {
			return true
		}
	}
	return false
}

// groupNameWords are words of armed groups' names.
var groupNameWords = map[string]bool{"front": true, "liberation": true, "tigers": true, "mujahideen": true, "mujahidin": true, "lashkar": true, "jaish": true, "tehreek": true, "tehrik": true, "taliban": true, "militia": true, "militias": true, "brigade": true, "brigades": true, "maoist": true, "maoists": true, "insurgents": true, "rebels": true, "jihad": true, "jihadi": true, "harkat": true, "ansar": true, "ansarul": true, "jamaat-ul": true, "sena": true, "guerrillas": true, "guerrilla": true, "resistance": true, "revolutionary": true, "underground": true, "islamic": true, "jamaat": true, "army": true}

// group reports whether e is an armed group: by its kind or name
// (isGroup), or because the document calls its members militants or
// cadres ("militants of the Hmar Peoples Convention", "NSCN cadres").
func (f *finder) group(e *sitrep.Entity) bool {
	return isGroup(e) || f.armedCtx[e.ID]
}

// memberNouns name the members of an armed group: "cadres of X", "X
// militants".
var memberNouns = map[string]bool{"militants": true, "militant": true, "cadres": true, "cadre": true, "ultras": true, "rebels": true,
	"insurgents": true, "guerrillas": true, "terrorists": true, "extremists": true, "jihadists": true}

// armedByContext finds the organisations of unknown kind the document
// treats as armed groups: their members are militants or cadres
// ("militants of X", "cadres of the X", "X militants", "X (Y)
// cadres"), or they are called a terror or militant group or outfit
// ("a terror group named X", "the militant outfit X").
func (f *finder) armedByContext() {
	t := f.text
	for _, m := range f.ments {
		e := m.ent
		if e.Type != "organization" || e.Subtype != "" || f.armedCtx[e.ID] || isGroup(e) {
			continue
		}
		if n := strings.Fields(e.Name); len(n) == 1 && strings.ToUpper(n[0]) != n[0] {
			continue // "People" of a name cut short: only acronyms stand alone
		}
		// before: "militants of (the) X", "terror group named X"
		before := strings.ToLower(t[max(0, m.s-40):m.s])
		before = strings.TrimSuffix(strings.TrimSuffix(before, " "), " the")
		words := strings.Fields(before)
		armed := false
		if n := len(words); n >= 2 && words[n-1] == "of" && memberNouns[words[n-2]] {
			armed = true
		}
		if n := len(words); n >= 2 && (words[n-1] == "named" || words[n-1] == "called" || words[n-1] == "outfit" || words[n-1] == "group") &&
			(words[n-2] == "terror" || words[n-2] == "militant" || words[n-2] == "terrorist" || words[n-2] == "insurgent" ||
				n >= 3 && (words[n-3] == "terror" || words[n-3] == "militant" || words[n-3] == "terrorist")) {
			armed = true
		}
		// after: "X militants", "X (XM) cadres", "X K cadres"
		after := t[m.e:min(len(t), m.e+40)]
		for strings.HasPrefix(strings.TrimLeft(after, " "), "(") {
			after = strings.TrimLeft(after, " ")
			c := strings.IndexByte(after, ')')
			if c < 0 {
				break
			}
			after = after[c+1:]
		}
		aw := strings.Fields(strings.ToLower(after))
		if len(aw) > 0 && memberNouns[strings.Trim(aw[0], ",.;")] {
			armed = true
		}
		if armed {
			if f.armedCtx == nil {
				f.armedCtx = map[string]bool{}
			}
			f.armedCtx[e.ID] = true
		}
	}
}

func isActor(e *sitrep.Entity) bool {
	return e.Type == "organization" || e.Type == "person" || e.Type == "location" && e.Subtype == "country" || e.Type == "norp"
}

// groupWords refer back to an armed group: "the group", "the network".
var groupWords = map[string]bool{"group": true, "network": true, "outfit": true, "organisation": true, "organization": true, "it": true, "its": true}

// reportNouns introduce someone else's claim: "Afghan claims that ...".
var reportNouns = map[string]bool{"claims": true, "claim": true, "reports": true, "report": true, "allegations": true, "allegation": true, "assertions": true, "accusations": true, "suggestions": true, "statements": true, "statement": true, "assessment": true, "assessments": true}

// hostileMatters are the predicates whose subject cannot be the target
// of a hostile word ("to defeat Daesh we need to work with ...").
var hostileMatters = map[string]bool{sitrep.PredicateCooperation: true, sitrep.PredicateSupport: true, sitrep.PredicatePresence: true}

// hostile words before an actor make it a target, not a partner:
// "cooperation ... in fighting against Daesh".
var hostile = map[string]bool{"against": true, "contain": true, "fight": true, "fighting": true, "counter": true, "countering": true, "combat": true, "combating": true, "combatting": true, "curb": true, "curbing": true, "eradicate": true, "defeat": true, "destroy": true, "eliminate": true, "target": true, "targeting": true}

func (u *unit) trigger(tr trigger, i, j int) {
	f := u.f
	if tr.pred == sitrep.PredicateSupport && !u.supportStated(i, j) {
		return
	}
	if u.ts[i].l == "faction" && i > 0 && u.nameEndsAt(i-1) {
		// "the Military Council faction of the KCP", "Isak Muivah faction
		// of NSCN": a faction's name, not a claim
		return
	}
	a, b := u.clause(i, j)
	// "in response to Afghan claims that ...": the claim is the claimants'
	var nominal *sitrep.Actor
	for k := i - 2; k >= a; k-- {
		if reportNouns[u.ts[k].l] && u.ts[k+1].l == "that" {
			// the claimants: named before the noun ("Afghan claims"),
			// else the noun itself ("reports")
			who := sitrep.Actor{Name: u.ts[k].w, Start: u.ts[k].s, End: u.ts[k].e}
			if k > a {
				if ms := f.mentionsIn(u.ts[max(a, k-3)].s, u.ts[k-1].e); len(ms) > 0 {
					who = actorOf(ms[len(ms)-1])
				}
			}
			nominal = &who
			a = k + 2
			break
		}
	}
	cs, ce := u.ts[a].s, u.ts[b-1].e
	var subjects []sitrep.Actor
	var pairs [][2]sitrep.Actor // actors paired by a joint action
	var coopWith *sitrep.Actor  // a cooperation partner named before the trigger
	groupsBefore := func(want func(*sitrep.Entity) bool) []sitrep.Actor {
		var out []sitrep.Actor
		ms := f.mentionsIn(cs, u.ts[i].s)
		for k := len(ms) - 1; k >= 0; k-- {
			if h := u.appositiveHead(ms, k, want); h >= 0 {
				// "Jundullah, a splinter group of the TTP, claimed": the
				// group of the apposition's head, not the one inside it
				k = h
			}
			if want(ms[k].ent) && !(hostileMatters[tr.pred] && u.hostileNear(ms[k].s, a)) {
				out = append(out, actorOf(ms[k]))
				if tr.subj != "self" {
					break
				}
			}
		}
		return out
	}
	after := func(from int, want func(*sitrep.Entity) bool) []sitrep.Actor {
		var out []sitrep.Actor
		for _, m := range f.mentionsIn(from, ce) {
			if want(m.ent) {
				out = append(out, actorOf(m))
			}
		}
		return out
	}
	// "the tribal area, a Taliban and al Qaeda stronghold": presupposed
	// presence of the groups in the place the apposition describes
	var preset *sitrep.Actor
	if tr.pred == sitrep.PredicatePresence && (u.ts[i].l == "stronghold" || u.ts[i].l == "strongholds" || u.ts[i].l == "bastion") {
		if gs, place, ok := u.strongholdOf(i, a); ok {
			subjects, preset = gs, &place
		}
	}
	// "the threat posed by IS to Pakistan"
	if j+2 < b && (u.ts[j].l == "posed" || u.ts[j].l == "presented") && u.ts[j+1].l == "by" {
		subjects = firstN(after(u.ts[j+1].e, f.group), 1)
		if len(subjects) > 0 {
			j += 2
			for j < b && u.ts[j].e <= subjects[0].End {
				j++
			}
		}
	}
	sw := tr.subj
	if len(subjects) > 0 {
		sw = "found"
	}
	switch sw {
	case "of":
		if j < b && u.ts[j].l == "of" {
			subjects = firstN(after(u.ts[j].e, f.group), 1)
			if len(subjects) == 1 && tr.pred == sitrep.PredicatePresence && u.onePerson(subjects[0].End, b) {
				return // "the presence of wanted LeT militant Qasim": a person, not the group
			}
			if len(subjects) == 1 && tr.pred == sitrep.PredicateResponsibility {
				// "the involvement of the TTP in collaboration with the
				// LeJ": both groups share it
				subjects = append(subjects, u.jointlyWith(subjects[0].End, b)...)
			}
		}
		if len(subjects) == 0 {
			subjects = groupsBefore(f.group)
		}
	case "before", "self":
		want := f.group
		if tr.pred == sitrep.PredicateSupport || tr.pred == sitrep.PredicateCooperation {
			want = isActor
		}
		subjects = groupsBefore(want)
		if tr.pred == sitrep.PredicateCooperation {
			// the clause's first actor works with the others
			var all []sitrep.Actor
			for _, m := range f.mentionsIn(cs, u.ts[i].s) {
				if isActor(m.ent) && !u.hostileNear(m.s, a) {
					all = append(all, actorOf(m))
				}
			}
			subjects = nil
			switch {
			case len(all) > 0 && u.partnerAfter(j, b):
				// "X in collaboration with Y": the actor right before the
				// trigger works with the one after it; an actor earlier
				// in the clause ("The IGP suspected X in collaboration
				// with Y") is who says so
				subjects = all[len(all)-1:]
			case len(all) > 0:
				subjects = all[:1]
				if len(all) > 1 && all[len(all)-1].Entity != all[0].Entity {
					coopWith = &all[len(all)-1]
				}
			}
		}
		if len(subjects) == 0 && (tr.pred == sitrep.PredicateSupport || tr.pred == sitrep.PredicateCooperation) {
			// "Pakistan denied that it supports the Afghan Taliban": the
			// pronoun is the reported speaker
			if p := u.pronounSpeaker(i, a); p != nil {
				subjects = []sitrep.Actor{*p}
			}
		}
		if tr.subj == "self" && len(subjects) > 1 {
			// "Three different militant groups, including Daesh, claimed":
			// each named group claims.
			sort.Slice(subjects, func(x, y int) bool { return subjects[x].Start < subjects[y].Start })
		}
	case "after":
		subjects = firstN(after(u.ts[j-1].e, f.group), 1)
	case "next":
		// "there is Daesh in Afghanistan": the group right after
		if j < b {
			for _, m := range f.mentionsIn(u.ts[j].s, u.ts[min(b-1, j+1)].e) {
				if f.group(m.ent) && m.s == u.ts[j].s {
					subjects = []sitrep.Actor{actorOf(m)}
					break
				}
			}
		}
		if len(subjects) == 0 {
			return
		}
	case "value":
		subjects = u.strengthSubject(i, j, a, b)
	case "list":
		pairs = u.jointPairs(i, j, a, b)
		if len(pairs) == 0 {
			return
		}
		subjects = []sitrep.Actor{pairs[0][0]}
	}
	if len(subjects) == 0 && tr.subj == "of" && j+1 < b && u.ts[j].l == "of" {
		// "the presence of the militant group": a back-reference
		for k := j + 1; k < b && k < j+5; k++ {
			if groupWords[u.ts[k].l] && u.ts[k].l != "it" && u.definite(k, a) {
				subjects = u.backReference(k)
				break
			}
		}
	}
	if len(subjects) == 0 {
		// "the group", "it": the last armed group before
		for k := i - 1; k >= a; k-- {
			if groupWords[u.ts[k].l] && u.definite(k, a) {
				subjects = u.backReference(k)
				break
			}
		}
	}
	if len(subjects) == 0 {
		return
	}
	// object
	var objects []sitrep.Actor
	value := ""
	switch tr.obj {
	case "place":
		if preset != nil {
			objects = []sitrep.Actor{*preset}
			break
		}
		objects = after(u.ts[j-1].e, func(e *sitrep.Entity) bool { return e.Type == "location" })
		if len(objects) == 0 {
			objects = u.ownSoil(j, b)
		}
		if len(objects) == 0 {
			objects = u.thePlace(j, b)
		}
		if len(objects) == 0 {
			return
		}
	case "target":
		objects = after(u.ts[j-1].e, func(e *sitrep.Entity) bool { return e.Type != "person" })
		if len(objects) > 1 {
			objects = objects[:1]
		}
		if len(objects) == 0 {
			objects = []sitrep.Actor{u.phraseAfter(j, b, "to", "for", "in", "against")}
		}
	case "actor":
		if coopWith != nil {
			objects = []sitrep.Actor{*coopWith}
			break
		}
		for _, o := range after(u.ts[j-1].e, isActor) {
			if !u.hostileBefore(o.Start, j) {
				objects = []sitrep.Actor{o}
				break
			}
		}
		preps := []string{"of", "with", "to", "from", "by"}
		if tr.pred == sitrep.PredicateCooperation {
			preps = []string{"of", "with", "between"}
		}
		if len(objects) == 0 {
			if ph := u.phraseAfter(j, b, preps...); ph.Name != "" {
				objects = []sitrep.Actor{ph}
			}
		}
		if len(objects) == 0 {
			return
		}
	case "incident", "incident-for":
		objects = []sitrep.Actor{u.phraseAfter(j, b, "for", "in", "on", "of")}
		if o := objects[0]; tr.subj == "of" && o.End > 0 && subjects[0].Start >= o.Start && subjects[0].Start < o.End {
			// "the involvement of the TTP" names the actor, not the
			// incident: the incident is an "in" phrase after it, if any
			objects = []sitrep.Actor{{}}
			for k := j + 1; k+1 < b; k++ {
				if u.ts[k].s >= subjects[0].End && u.ts[k].l == "in" {
					if ph := u.phraseAfter(k, b, "in"); hasIncidentWord(ph.Name) {
						objects = []sitrep.Actor{ph}
					}
					break
				}
			}
		}
		// "blamed the attack on the TTP": the incident is what comes
		// between the verb and the "on" that names the group
		if tr.obj == "incident-for" && len(subjects) > 0 && subjects[0].Start > u.ts[j].s {
			for k := j + 1; k < b && u.ts[k].s < subjects[0].Start; k++ {
				if u.ts[k].l == "on" {
					s0 := u.ts[j].s
					objects = []sitrep.Actor{{Name: f.text[s0:u.ts[k-1].e], Start: s0, End: u.ts[k-1].e}}
					break
				}
			}
		}
	case "incident-noun":
		// the incident named by the trigger's last word and what follows
		// it up to the clause's end: "the attack on the Chinese convoy"
		k := j - 2 // "the"
		e := j
		for e < b && e < j+8 && u.ts[e].l != "," && u.ts[e].l != "that" && u.ts[e].l != "which" && u.ts[e].l != "—" &&
			!(phraseEnd[u.ts[e].l] && u.ts[e].l != "on" && u.ts[e].l != "in" && u.ts[e].l != "at" && u.ts[e].l != "near") {
			e++
		}
		objects = []sitrep.Actor{{Name: f.text[u.ts[k].s:u.ts[e-1].e], Start: u.ts[k].s, End: u.ts[e-1].e}}
	case "incident-behind":
		// "X behind the explosion" (a form of "be" before it has triggers
		// of its own): the group right before, the incident after
		if i == 0 || beForms[u.ts[i-1].l] || j >= b || !u.subjectNextTo(subjects, i, a) {
			return
		}
		e := j
		for e < b && e < j+6 && u.ts[e].l != "," && !(e > j+1 && phraseEnd[u.ts[e].l] && !u.placeAt(e, b)) {
			e++
		}
		ph := sitrep.Actor{Name: f.text[u.ts[j].s:u.ts[e-1].e], Start: u.ts[j].s, End: u.ts[e-1].e}
		if !hasIncidentWord(ph.Name) {
			return
		}
		objects = []sitrep.Actor{ph}
	case "incident-after":
		ph := u.phraseAfter(j-1, b, "in")
		if !hasIncidentWord(ph.Name) {
			return
		}
		objects = []sitrep.Actor{ph}
	case "incident-verb":
		// "the militants attacked a police post": the group must be the
		// verb's subject, right before it
		if !u.subjectNextTo(subjects, i, a) {
			return
		}
		if !u.activeVerb(i, j, b) {
			return
		}
		e := j
		if l := u.ts[j-1].l; (l == "fire" || l == "firing") && e+1 < b && (u.ts[e].l == "on" || u.ts[e].l == "at" || u.ts[e].l == "upon") {
			e++ // "opened fire on a convoy": the target belongs to the incident
		}
		for e < b && e < j+7 && u.ts[e].l != "," && (!phraseEnd[u.ts[e].l] || u.chainedVerb(e, b)) {
			e++
		}
		objects = []sitrep.Actor{{Name: f.text[u.ts[i].s:u.ts[e-1].e], Start: u.ts[i].s, End: u.ts[e-1].e}}
	case "incident-passive":
		k := u.passiveChain(i, a)
		if k < 0 || u.stateForce(subjects[0]) || subjects[0].Start > u.ts[min(b-1, j+4)].s {
			return
		}
		// the incident's words: the verbs and the victim before them
		for n := 0; k > a && n < 5 && u.ts[k-1].l != "," && u.ts[k-1].l != "that" && u.ts[k-1].l != "which" && u.ts[k-1].l != "who" && !phraseEnd[u.ts[k-1].l]; n++ {
			k--
		}
		objects = []sitrep.Actor{{Name: f.text[u.ts[k].s:u.ts[i-1].e], Start: u.ts[k].s, End: u.ts[i-1].e}}
	case "incident-before":
		end := i
		if end-1 > a && (u.ts[end-1].l == "was" || u.ts[end-1].l == "were") {
			end-- // "the ambush was carried out by": the subject of the passive
		}
		k := end
		for k > a && k > end-6 && u.ts[k-1].l != "," && !phraseEnd[u.ts[k-1].l] && u.ts[k-1].l != "was" && u.ts[k-1].l != "were" &&
			u.ts[k-1].l != "that" && u.ts[k-1].l != "which" {
			k--
		}
		if k == end {
			return
		}
		objects = []sitrep.Actor{{Name: f.text[u.ts[k].s:u.ts[end-1].e], Start: u.ts[k].s, End: u.ts[end-1].e}}
	case "value":
		value = u.value(i, a)
		if value == "" {
			return
		}
		for k := a; k < b; k++ {
			if violence[u.ts[k].l] {
				return // "four members ... were shot": victims or attackers of an incident, not a size
			}
		}
		objects = []sitrep.Actor{{}}
	}
	pol := sitrep.PolarityAffirm
	neg := 0
	// A negation before a subject named before the trigger governs
	// another verb: "will not allow ISIL to maintain capabilities that
	// threaten ...".
	from := a
	if s0 := subjects[0]; s0.End > 0 && s0.End <= u.ts[i].s && tr.subj != "next" {
		for from < i && u.ts[from].s < s0.Start {
			from++
		}
	}
	for k := a; k < b; k++ {
		l := u.ts[k].l
		if k >= from && k < j+2 && (negators[l] || strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t")) {
			neg++
		}
		if denyWords[l] {
			neg++
		}
	}
	if u.q != nil && denyCues[strings.ToLower(u.q.Cue)] && !u.q.Direct {
		neg++
	}
	if neg%2 == 1 {
		pol = sitrep.PolarityDeny
	}
	hedged := false
	for k := a; k < b; k++ {
		if hedges[u.ts[k].l] && !u.monthMay(k, b) {
			hedged = true
		}
	}
	if u.q != nil && hedges[strings.ToLower(u.q.Cue)] {
		hedged = true
	}
	var speaker sitrep.Actor
	date, basis := "", ""
	if u.q != nil {
		speaker = u.q.Speaker.Actor
		date, basis = u.q.Date, u.q.DateBasis
	} else {
		if f.attr != nil {
			speaker = *f.attr
		}
		if !f.doc.Published.IsZero() {
			date, basis = f.doc.Published.String(), "published"
		}
	}
	// denier: the quote's speaker rejecting what the claimants assert
	// ("Mujahid rejected reports that Daesh fighters were present"): a
	// claim each, the claimants' and the speaker's, of opposite stance.
	var denier *sitrep.Actor
	denierPol := pol
	if nominal != nil {
		speaker = *nominal
		if u.q != nil && denyCues[strings.ToLower(u.q.Cue)] && !u.q.Direct {
			denierPol = pol
			neg-- // the quote's speaker denies, the claimants affirm
			if neg%2 == 0 {
				pol = sitrep.PolarityAffirm
			} else {
				pol = sitrep.PolarityDeny
			}
			if u.q.Speaker.Name != "" || u.q.Speaker.Entity != "" {
				d := u.q.Speaker.Actor
				denier = &d
			}
		}
	}
	if pairs != nil {
		subjects, objects = nil, nil
		for _, p := range pairs {
			subjects = append(subjects, p[0])
			objects = append(objects, p[1])
		}
	}
	for si, s := range subjects {
		for oi, o := range objects {
			if pairs != nil && si != oi {
				continue
			}
			if o.Entity != "" && o.Entity == s.Entity {
				continue
			}
			if tr.pred == sitrep.PredicateSupport && !f.armed(s.Entity) && !f.armed(o.Entity) {
				continue // "supporting operations": only backing of armed groups is tracked
			}
			sp := speaker
			if tr.subj == "self" && u.q == nil {
				sp = s // a group claiming responsibility asserts it
			}
			if u.q == nil && tr.subj != "self" {
				if b, ok := u.believer(i, a); ok {
					sp = b // "The investigation officials suspect X behind the explosion"
				}
			}
			if tr.obj == "incident-for" && u.q == nil {
				if b, ok := u.blamer(i, a); ok {
					sp = b // "Islamabad blamed the attack on the TTP"
				}
			}
			f.out = append(f.out, sitrep.Claim{
				Subject: s, Predicate: tr.pred, Object: o, Polarity: pol, Value: value,
				Hedged: hedged, Speaker: sp, Date: date, DateBasis: basis, Quote: u.qi,
				Start: cs, End: ce,
			})
			if denier != nil {
				f.out = append(f.out, sitrep.Claim{
					Subject: s, Predicate: tr.pred, Object: o, Polarity: denierPol, Value: value,
					Speaker: *denier, Date: date, DateBasis: basis, Quote: u.qi,
					Start: cs, End: ce,
				})
			}
		}
	}
}

// monthMay reports whether the word at k is the month May, not the
// modal: capitalised next to a day's number ("on May 27", "27 May").
func (u *unit) monthMay(k, b int) bool {
	if u.ts[k].l != "may" || u.ts[k].w != "May" {
		return false
	}
	if k+1 < b && isNumber(u.ts[k+1].l) {
		return true
	}
	return k > 0 && isNumber(u.ts[k-1].l) || k > 0 && u.ts[k-1].l == "in" || k > 0 && u.ts[k-1].l == "of"
}

// violence words mark a clause as an incident's account.
// Words of a security operation ("cordoned off", "a tip off about",
// "search") are here too: the militants it targets are counted, not
// their group's size.
var violence = map[string]bool{"cordoned": true, "cordon": true, "tip": true, "search": true, "raided": true, "raid": true, "killed": true, "died": true, "dead": true, "wounded": true, "injured": true, "shot": true, "arrested": true, "attacked": true, "clash": true, "encounter": true, "abducted": true, "kidnapped": true, "executed": true, "gunned": true, "surrendered": true, "captured": true, "detained": true, "killing": true, "exchange": true}

// incidentWords name incidents.
var incidentWords = []string{"attack", "killing", "murder", "blast", "bomb", "explosion", "abduction", "kidnap", "assassination", "ambush", "strike", "massacre", "shooting", "violence", "raid", "incident", "clash", "beheading", "arson", "extortion"}

func hasIncidentWord(s string) bool {
	s = strings.ToLower(s)
	for _, w := range incidentWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// phraseEnd words end a phrase read after a trigger.
var phraseEnd = map[string]bool{"in": true, "for": true, "against": true, "to": true, "during": true, "at": true, "on": true, "by": true, "and": true, "while": true, "when": true, "after": true, "because": true}

// backReference resolves the back-reference word at k ("the group", "it")
// to the last armed group named before it, the word's span kept.
func (u *unit) backReference(k int) []sitrep.Actor {
	m := u.f.lastGroupBefore(u.ts[k].s)
	if m == nil {
		return nil
	}
	s := actorOf(*m)
	s.Start, s.End = u.ts[k].s, u.ts[k].e
	return []sitrep.Actor{s}
}

// definite reports whether the back-reference word at k is definite:
// a pronoun, or a noun after "the", "this", "that", "its" within two
// words ("the militant group"; not "a group of militants").
func (u *unit) definite(k, a int) bool {
	if l := u.ts[k].l; l == "it" || l == "its" {
		return true
	}
	for x := k - 1; x >= a && x >= k-3; x-- {
		switch u.ts[x].l {
		case "the", "this", "that", "its":
			return true
		case "a", "an", "one", "another", "any", "some":
			return false
		}
	}
	return false
}

// seekWords make support an aim, not a fact: "to garner support of".
var seekWords = map[string]bool{"garner": true, "garnering": true, "seek": true, "seeking": true, "sought": true, "mobilise": true,
	"mobilize": true, "mobilising": true, "mobilizing": true, "win": true, "gain": true, "enlist": true, "rally": true, "solicit": true}

// supportStated reports whether the support word at [i, j) states that
// someone backs someone: not an aim ("to garner support of"), and for
// the noun "supporter(s)", only with "of" after it ("supporters of the
// LTTE"), since "one of their supporters" names people, not a backing.
func (u *unit) supportStated(i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if seekWords[u.ts[k].l] {
			return false
		}
	}
	if l := u.ts[i].l; l == "supporter" || l == "supporters" {
		return j < len(u.ts) && u.ts[j].l == "of"
	}
	return true
}

// appositiveHead returns the index of the mention ms[k] stands in an
// apposition to ("Jundullah, a splinter group of the TTP": the TTP is
// inside the apposition of Jundullah), or -1: the words between the
// two are a comma, an article and at most five words ending in "of".
func (u *unit) appositiveHead(ms []mention, k int, want func(*sitrep.Entity) bool) int {
	if k == 0 || !want(ms[k-1].ent) {
		return -1
	}
	x := sort.Search(len(u.ts), func(t int) bool { return u.ts[t].s >= ms[k-1].e })
	// skip a bracketed short name after the head: "Jundullah (JD), a ..."
	if x < len(u.ts) && u.ts[x].l == "(" {
		for x < len(u.ts) && u.ts[x].l != ")" {
			x++
		}
		x++
	}
	if x+2 >= len(u.ts) || u.ts[x].l != "," || (u.ts[x+1].l != "a" && u.ts[x+1].l != "an" && u.ts[x+1].l != "the") {
		return -1
	}
	for y := x + 2; y < len(u.ts) && y <= x+7; y++ {
		if u.ts[y].l == "of" {
			if y+1 < len(u.ts) && u.ts[y+1].s <= ms[k].s && ms[k].s-u.ts[y].e <= 5 {
				return k - 1
			}
			return -1
		}
		if u.ts[y].l == "," {
			return -1
		}
	}
	return -1
}

// subjectNextTo reports whether the subject found before the verb at i
// stands right before it: what stands between may only be words that
// leave it the verb's subject (a noun for its members, "cadres",
// "militants"; an auxiliary or adverb, "have", "also", "allegedly"; a
// bracketed short name; a time phrase, "on July 6 night", "last
// night"), at most three other words.
func (u *unit) subjectNextTo(subjects []sitrep.Actor, i, a int) bool {
	if len(subjects) == 0 {
		return false
	}
	end := subjects[0].End
	n, depth := 0, 0
	for k := i - 1; k >= a && u.ts[k].s >= end; k-- {
		l := u.ts[k].l
		switch {
		case l == ")":
			depth++
			continue
		case l == "(":
			depth--
			continue
		case depth > 0:
			continue
		case l == "," || l == "and" || l == "who" || l == "which" || l == "that":
			return false
		case betweenSubjectVerb[l] || months[l] || weekdays[l] || isNumber(l):
			continue
		}
		n++
	}
	return n <= 3
}

// betweenSubjectVerb are words that may stand between a group's name and
// its verb without taking the verb from it: its members, auxiliaries,
// adverbs, and the words of a time phrase.
var betweenSubjectVerb = map[string]bool{
	"cadres": true, "cadre": true, "militants": true, "members": true, "activists": true, "rebels": true, "guerrillas": true,
	"fighters": true, "terrorists": true, "insurgents": true, "ultras": true, "extremists": true, "men": true, "operatives": true,
	"have": true, "has": true, "had": true, "also": true, "allegedly": true, "reportedly": true, "then": true, "later": true,
	"on": true, "in": true, "the": true, "night": true, "morning": true, "evening": true, "afternoon": true, "last": true,
	"early": true, "late": true, "today": true, "yesterday": true,
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// beForms make a participle passive: "a cadre was killed".
var beForms = map[string]bool{"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true, "got": true, "get": true}

// activeVerb reports whether the incident verb at [i, j) is active with
// an object: not after a form of "be" ("a cadre was killed"), and, for
// a verb that needs an object, followed by one, not by a preposition
// ("the cadre killed in an exchange of fire" is a passive participle).
func (u *unit) activeVerb(i, j, b int) bool {
	if i > 0 && beForms[u.ts[i-1].l] {
		return false
	}
	if j-i > 1 {
		return true // "shot dead", "blew up", "opened fire": the phrase is active
	}
	if j >= b {
		return false
	}
	next := u.ts[j].l
	if u.chainedVerb(j, b) {
		return true
	}
	return !phraseEnd[next] && next != "," && next != "." && next != "during" && next != "near" && next != "with"
}

// passiveVerbs are the incident participles "by" may follow.
var passiveVerbs = map[string]bool{"killed": true, "murdered": true, "shot": true, "attacked": true, "torched": true, "hurled": true,
	"beheaded": true, "executed": true, "assaulted": true, "thrashed": true, "beaten": true, "hacked": true, "lynched": true,
	"abducted": true, "kidnapped": true, "ambushed": true, "triggered": true, "detonated": true, "planted": true, "looted": true, "ransacked": true}

// byTriggers are the participles with a trigger of their own ("abducted
// by"): passiveChain leaves them alone when they stand by themselves.
var byTriggers = map[string]bool{"abducted": true, "kidnapped": true, "ambushed": true, "triggered": true, "detonated": true, "planted": true}

// passiveChain returns the first token of the passive incident verbs
// ending right before "by" at i ("were abducted and subsequently
// killed", "shot dead", "blown up"), a form of "be" before them
// included, or -1 when there are none.
func (u *unit) passiveChain(i, a int) int {
	k := i - 1
	if k >= a && (u.ts[k].l == "dead" || u.ts[k].l == "up" || u.ts[k].l == "down" || u.ts[k].l == "ablaze") {
		k--
	}
	if k < a || !(passiveVerbs[u.ts[k].l] || u.ts[k].l == "gunned" || u.ts[k].l == "blown" || u.ts[k].l == "set") {
		return -1
	}
	if byTriggers[u.ts[k].l] && k == i-1 && (k == a || u.ts[k-1].l != "and" && !strings.HasSuffix(u.ts[k-1].l, "ly")) {
		return -1 // "abducted by": its own trigger
	}
	first := k
	for k--; k >= a; k-- {
		l := u.ts[k].l
		switch {
		case passiveVerbs[l]:
			first = k
		case l == "and" || strings.HasSuffix(l, "ly") || l == "later" || l == "then":
		case beForms[l]:
			return k
		default:
			return first
		}
	}
	return first
}

// stateForce reports whether an actor is a state's force (police,
// army, paramilitary): what it kills or arrests is a security
// operation, not a hostile incident.
func (u *unit) stateForce(a sitrep.Actor) bool {
	name := strings.ToLower(a.Name)
	for _, w := range strings.Fields(name) {
		switch strings.Trim(w, "()") {
		case "liberation", "revolutionary", "people", "peoples", "people's", "mujahideen", "islamic", "maoist", "red":
			return false
		}
	}
	for _, w := range strings.Fields(name) {
		switch strings.Trim(w, "()") {
		case "police", "army", "rifles", "forces", "force", "security", "battalion", "rangers", "corps", "guard", "guards", "commandos", "military", "troops":
			return true
		}
	}
	return false
}

// chainedVerb reports whether the "and" at e joins a second incident verb
// to the first ("abducted and killed", "abducted and later killed").
func (u *unit) chainedVerb(e, b int) bool {
	if u.ts[e].l != "and" {
		return false
	}
	for k := e + 1; k < b && k <= e+2; k++ {
		if chainVerbs[u.ts[k].l] {
			return true
		}
	}
	return false
}

var chainVerbs = map[string]bool{"killed": true, "murdered": true, "abducted": true, "kidnapped": true, "shot": true, "beheaded": true,
	"executed": true, "torched": true, "ransacked": true, "looted": true, "assaulted": true, "thrashed": true, "injured": true, "wounded": true}

// hostileNear reports whether a hostile word stands within three words
// before the byte offset off (and not before token a).
func (u *unit) hostileNear(off, a int) bool {
	k := a
	for k < len(u.ts) && u.ts[k].s < off {
		k++
	}
	for x := k - 1; x >= a && x >= k-3; x-- {
		if hostile[u.ts[x].l] {
			return true
		}
	}
	return false
}

// hostileBefore reports whether a hostile word stands between the
// trigger ending at token j and the byte offset off.
func (u *unit) hostileBefore(off, j int) bool {
	k := j
	for k < len(u.ts) && u.ts[k].s < off {
		k++
	}
	for x := k - 1; x >= j; x-- {
		if hostile[u.ts[x].l] {
			return true
		}
	}
	return false
}

// armed reports whether the entity id is an armed group of the document.
func (f *finder) armed(id string) bool {
	e := f.byID[id]
	return e != nil && f.group(e)
}

func firstN(a []sitrep.Actor, n int) []sitrep.Actor {
	if len(a) > n {
		return a[:n]
	}
	return a
}

func actorOf(m mention) sitrep.Actor {
	return sitrep.Actor{Name: m.ent.Name, Entity: m.ent.ID, Start: m.s, End: m.e}
}

// lastGroupBefore returns the last armed-group mention before off within
// about two paragraphs.
func (f *finder) lastGroupBefore(off int) *mention {
	for k := len(f.ments) - 1; k >= 0; k-- {
		m := &f.ments[k]
		if m.e > off {
			continue
		}
		if off-m.e > 1200 {
			return nil
		}
		if isGroup(m.ent) && m.ent.Subtype == "armed_group" {
			return m
		}
	}
	return nil
}

// phraseAfter returns the words after the trigger, from one of the given
// prepositions to the clause end (at most eight words), as an actor.
func (u *unit) phraseAfter(j, b int, preps ...string) sitrep.Actor {
	for k := j; k < b && k < j+3; k++ {
		for _, p := range preps {
			if u.ts[k].l != p {
				continue
			}
			e := k + 1
			for e < b && e < k+9 && u.ts[e].l != "," && u.ts[e].l != "that" && u.ts[e].l != "which" && u.ts[e].l != "—" && !(e > k+1 && phraseEnd[u.ts[e].l] && !u.placeAt(e, b)) {
				e++
			}
			if e == k+1 {
				return sitrep.Actor{}
			}
			s := u.ts[k+1].s
			a := sitrep.Actor{Name: u.f.text[s:u.ts[e-1].e], Start: s, End: u.ts[e-1].e}
			if ms := u.f.mentionsIn(s, a.End); len(ms) == 1 && ms[0].s == s && ms[0].e == a.End {
				a = actorOf(ms[0])
			}
			return a
		}
	}
	return sitrep.Actor{}
}

// beliefVerbs make their subject the speaker of the clause after them:
// "The IGP suspected the involvement of X".
var beliefVerbs = map[string]bool{"suspect": true, "suspects": true, "suspected": true, "believe": true, "believes": true,
	"believed": true, "fear": true, "fears": true, "feared": true, "alleged": true, "allege": true, "alleges": true}

// believer returns who holds the belief a claim at token i is stated
// in, in the article's voice: the words from the clause's start to a
// belief verb before the trigger ("The investigation officials suspect
// ...", "The IGP suspected ..."), at most five words, not a passive
// ("are suspected to be") nor an adjective opening the clause
// ("Suspected cadres").
func (u *unit) believer(i, a int) (sitrep.Actor, bool) {
	for k := a + 1; k < i && k <= a+5; k++ {
		if !beliefVerbs[u.ts[k].l] {
			continue
		}
		if beForms[u.ts[k-1].l] {
			return sitrep.Actor{}, false
		}
		s := a
		if u.ts[s].l == "the" {
			s++
		}
		if s >= k {
			return sitrep.Actor{}, false
		}
		for x := s; x < k; x++ {
			if l := u.ts[x].l; l == "," || phraseEnd[l] || l == "that" || !unicode.IsLetter(rune(l[0])) {
				return sitrep.Actor{}, false
			}
		}
		act := sitrep.Actor{Name: u.f.text[u.ts[s].s:u.ts[k-1].e], Start: u.ts[s].s, End: u.ts[k-1].e}
		if ms := u.f.mentionsIn(act.Start, act.End); len(ms) == 1 && ms[0].s == act.Start && ms[0].e == act.End {
			// a known entity keeps its id; the text's words stay its name
			// unless the knowledge base has it
			act.Entity = ms[0].ent.ID
			if strings.HasPrefix(act.Entity, "kb:") {
				act.Name = ms[0].ent.Name
			}
		}
		return act, true
	}
	return sitrep.Actor{}, false
}

// blamer is who blames, in the article's voice: the entity named right
// before the verb at i ("Islamabad blamed", "Afghan officials blamed"),
// a capital or country standing for its government.
func (u *unit) blamer(i, a int) (sitrep.Actor, bool) {
	f := u.f
	if i > a && u.ts[i-1].l == "government" && f.Government != nil {
		// "the government blamed": the government of the country the
		// document names most
		if c := f.doc.MainCountry(); c != "" {
			if g, ok := f.Government(c, f.doc.Published.Year); ok {
				g.Start, g.End = u.ts[i-1].s, u.ts[i-1].e
				return g, true
			}
		}
	}
	lo := u.ts[max(a, i-4)].s
	ms := f.mentionsIn(lo, u.ts[i].s)
	if len(ms) == 0 {
		return sitrep.Actor{}, false
	}
	m := ms[len(ms)-1]
	if m.e+2 < u.ts[i].s {
		return sitrep.Actor{}, false // not right before the verb
	}
	if m.ent.Type == "location" && f.Government != nil {
		// a capital or a country speaks for its government
		country := m.ent.Name
		if m.ent.Place != nil && m.ent.Place.Country != "" {
			country = m.ent.Place.Country
		}
		if g, ok := f.Government(country, f.doc.Published.Year); ok {
			g.Start, g.End = m.s, m.e
			return g, true
		}
	}
	return actorOf(m), true
}

// placeAt reports whether the preposition at k opens a named place
// ("attack in Parachinar", "blast at Kabul airport"), which belongs to
// an incident's description.
func (u *unit) placeAt(k, b int) bool {
	if k+1 >= b {
		return false
	}
	switch u.ts[k].l {
	case "in", "at", "on", "near":
	default:
		return false
	}
	j := k + 1
	if j+1 < b && u.ts[j].l == "the" {
		j++
	}
	for _, m := range u.f.mentionsIn(u.ts[j].s, u.ts[min(j+4, b-1)].e) {
		if m.s == u.ts[j].s && m.ent.Type == "location" {
			return true
		}
	}
	return false
}

// ownSoil reads "on its soil", "on our soil", "in our country" as the
// speaker's own country.
func (u *unit) ownSoil(j, b int) []sitrep.Actor {
	if u.q == nil {
		return nil
	}
	for k := j; k+1 < b && k < j+6; k++ {
		if (u.ts[k].l == "its" || u.ts[k].l == "our" || u.ts[k].l == "their") && (u.ts[k+1].l == "soil" || u.ts[k+1].l == "territory" || u.ts[k+1].l == "country") {
			sp := u.q.Speaker
			for _, m := range u.f.mentionsIn(sp.Start, sp.End) {
				if m.ent.Type == "location" {
					country := m.ent.Name
					if m.ent.Place != nil && m.ent.Place.Country != "" {
						country = m.ent.Place.Country
					}
					for x := range u.f.doc.Entities {
						e := &u.f.doc.Entities[x]
						if e.Type == "location" && e.Name == country {
							return []sitrep.Actor{{Name: e.Name, Entity: e.ID, Start: u.ts[k].s, End: u.ts[k+1].e}}
						}
					}
					a := sitrep.Actor{Name: country, Start: u.ts[k].s, End: u.ts[k+1].e}
					if u.f.Country != nil {
						if c, ok := u.f.Country(country); ok {
							a.Name, a.Entity = c.Name, c.Entity
						}
					}
					return []sitrep.Actor{a}
				}
			}
		}
	}
	return nil
}

// thePlace reads "in the country" as the country the document names
// most, and "in the province" / "in the district" as the last province
// or district named before.
func (u *unit) thePlace(j, b int) []sitrep.Actor {
	f := u.f
	for k := j - 1; k+2 < b && k < j+6; k++ {
		if (u.ts[k].l != "in" && u.ts[k].l != "on" && u.ts[k].l != "across" && u.ts[k].l != "into") || u.ts[k+1].l != "the" {
			continue
		}
		kind := u.ts[k+2].l
		span := sitrep.Actor{Start: u.ts[k+1].s, End: u.ts[k+2].e}
		switch kind {
		case "country":
			best, n := (*sitrep.Entity)(nil), 0
			for x := range f.doc.Entities {
				e := &f.doc.Entities[x]
				if e.Type == "location" && e.Subtype == "country" && len(e.Mentions) > n {
					best, n = e, len(e.Mentions)
				}
			}
			if best != nil {
				span.Name, span.Entity = best.Name, best.ID
				return []sitrep.Actor{span}
			}
		case "province", "district", "state":
			for x := len(f.ments) - 1; x >= 0; x-- {
				m := f.ments[x]
				if m.e <= u.ts[k].s && m.ent.Type == "location" && m.ent.Subtype == kind {
					span.Name, span.Entity = m.ent.Name, m.ent.ID
					return []sitrep.Actor{span}
				}
			}
		}
		return nil
	}
	return nil
}

// numberWords are the words of a size estimate.
var numberWords = map[string]bool{"between": true, "to": true, "and": true, "over": true, "about": true, "around": true, "nearly": true, "some": true, "up": true, "more": true, "than": true, "less": true, "fewer": true, "at": true, "least": true, "approximately": true, "roughly": true, "estimated": true, "hundreds": true, "thousands": true, "dozens": true, "hundred": true, "thousand": true, "dozen": true, "a": true, "few": true, "several": true, "-": true, "–": true}

var cardinals = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true, "hundred": true, "thousand": true, "hundreds": true, "thousands": true, "dozens": true, "million": true}

func isNumber(l string) bool {
	if cardinals[l] {
		return true
	}
	for _, r := range l {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// value reads the size estimate before the trigger at i ("between 70 to
// 80 Daesh members" -> "70 to 80"), skipping a group name between them.
func (u *unit) value(i, a int) string {
	k := i - 1
	// skip the group's name: "70 to 80 Daesh members"
	for k >= a && !isNumber(u.ts[k].l) && k > i-5 && !numberWords[u.ts[k].l] {
		k--
	}
	if k < a || !isNumber(u.ts[k].l) {
		return ""
	}
	e := k
	s := k
	for s > a && (isNumber(u.ts[s-1].l) || numberWords[u.ts[s-1].l] && u.ts[s-1].l != "a" ||
		// a thousands separator: "2,000" is three tokens here
		u.ts[s-1].l == "," && s-2 >= a && isNumber(u.ts[s-2].l) && len(u.ts[s].l) == 3 && u.ts[s-1].s == u.ts[s-2].e && u.ts[s].s == u.ts[s-1].e) {
		s--
	}
	for s < e && !isNumber(u.ts[s].l) && (u.ts[s].l == "between" || u.ts[s].l == "some" || u.ts[s].l == "estimated") {
		s++
	}
	return u.f.text[u.ts[s].s:u.ts[e].e]
}

// strengthSubject finds the group a size estimate is about: named
// between the number and the trigger ("80 Daesh members"), after "of"
// ("fighters of the TTP"), or before ("IS has 3,000 fighters").
func (u *unit) strengthSubject(i, j, a, b int) []sitrep.Actor {
	f := u.f
	lo := u.ts[max(a, i-4)].s
	for _, m := range f.mentionsIn(lo, u.ts[i].s) {
		if f.group(m.ent) {
			return []sitrep.Actor{actorOf(m)}
		}
	}
	if j+1 < b && u.ts[j].l == "of" {
		for _, m := range f.mentionsIn(u.ts[j+1].s, u.ts[min(b-1, j+5)].e) {
			if f.group(m.ent) {
				return []sitrep.Actor{actorOf(m)}
			}
		}
	}
	for k := i - 1; k >= a; k-- {
		if u.ts[k].l == "has" || u.ts[k].l == "have" || u.ts[k].l == "had" {
			for _, m := range f.mentionsIn(u.ts[a].s, u.ts[k].s) {
				if f.group(m.ent) {
					return []sitrep.Actor{actorOf(m)}
				}
			}
		}
	}
	return nil
}

// dedupe drops repeats of the same claim from the same evidence.
func dedupe(cs []sitrep.Claim) []sitrep.Claim {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		k := strings.Join([]string{c.Subject.Entity, c.Subject.Name, c.Predicate, c.Object.Entity, c.Object.Name, c.Polarity, c.Speaker.Entity, c.Speaker.Name}, "|") + "|" + strconv.Itoa(c.Start)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, c)
	}
	if out == nil {
		return []sitrep.Claim{}
	}
	return out
}

// reportVerbs attribute a sentence to a source named after them at its
// end ("..., reports The Times of India") or before them ("..., The
// Hindu reported").
var reportVerbs = map[string]bool{"reports": true, "reported": true, "report": true}

// attribution returns the source a sentence is attributed to by a
// closing attribution, "..., reports X", "..., reported X", "..., X
// reports", "..., according to X", or an opening "According to X, ...":
// a news outlet or report the snippet relays. X is the organisation
// named there, else its words up to a date or the sentence's end.
func (f *finder) attribution(lo, hi int) *sitrep.Actor {
	if t := f.text[lo:hi]; !strings.Contains(t, "eport") && !strings.Contains(t, "ccording") && !strings.Contains(t, "EPORT") && !strings.Contains(t, "CCORDING") {
		return nil // no cue: most sentences are passed over without tokenizing
	}
	ts := f.tokens(lo, hi)
	n := len(ts)
	for n > 0 && (ts[n-1].l == "." || ts[n-1].l == "!" || ts[n-1].l == ")" || ts[n-1].l == "”" || ts[n-1].l == "\"") {
		n--
	}
	if n < 4 {
		return nil
	}
	// the closing clause: after the last comma
	c := n - 1
	for c > 0 && ts[c].l != "," {
		c--
	}
	var from, to int // the source's words
	switch {
	case c > 0 && c+2 < n && reportVerbs[ts[c+1].l]:
		from, to = c+2, n
	case c > 0 && c+3 < n && ts[c+1].l == "according" && ts[c+2].l == "to":
		from, to = c+3, n
	case c > 0 && c+2 < n && reportVerbs[ts[n-1].l] && n-1-c <= 6:
		from, to = c+1, n-1
	case n > 4 && ts[0].l == "according" && ts[1].l == "to":
		e := 2
		for e < n && ts[e].l != "," && e < 10 {
			e++
		}
		if e >= n || ts[e].l != "," {
			return nil
		}
		from, to = 2, e
	default:
		return nil
	}
	// the source's name ends at a date or place phrase: "reports Nagaland
	// Post on February 16"
	for k := from + 1; k < to; k++ {
		if l := ts[k].l; l == "on" || l == "dated" || l == "," || l == "(" || l == "that" {
			to = k
			break
		}
	}
	if from >= to {
		return nil
	}
	s, e := ts[from].s, ts[to-1].e
	ms := f.mentionsIn(s, e)
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].ent.Type == "organization" {
			a := actorOf(ms[i])
			return &a
		}
	}
	if ts[from].l == "a" || ts[from].l == "an" {
		if len(ms) > 0 {
			return nil // "according to a local resident of Kabul": not a source this reads
		}
	}
	a := sitrep.Actor{Name: f.text[s:e], Start: s, End: e}
	return &a
}

// togetherWords join a second actor to a first one: "X in collaboration
// with Y", "X along with Y".
var togetherWords = [][]string{{"in", "collaboration", "with"}, {"in", "league", "with"}, {"along", "with"}, {"together", "with"}, {"in", "association", "with"}, {"and"}}

// jointlyWith returns the armed group joined to the one ending at byte
// off by "in collaboration with", "along with" or "and".
func (u *unit) jointlyWith(off, b int) []sitrep.Actor {
	k := sort.Search(len(u.ts), func(x int) bool { return u.ts[x].s >= off })
	if k < b && u.ts[k].l == "(" { // a bracketed short name
		for k < b && u.ts[k].l != ")" {
			k++
		}
		k++
	}
	for _, tw := range togetherWords {
		if k+len(tw) >= b {
			continue
		}
		ok := true
		for x, w := range tw {
			if u.ts[k+x].l != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		x := k + len(tw)
		if u.ts[x].l == "the" && x+1 < b {
			x++
		}
		for _, m := range u.f.mentionsIn(u.ts[x].s, u.ts[min(b-1, x+6)].e) {
			if m.s == u.ts[x].s && u.f.group(m.ent) {
				return []sitrep.Actor{actorOf(m)}
			}
		}
		return nil
	}
	return nil
}

// nameEndsAt reports whether the token at k ends a name: a mention, or
// a capitalised word ("Isak Muivah faction").
func (u *unit) nameEndsAt(k int) bool {
	w := u.ts[k].w
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
		return true
	}
	for _, m := range u.f.mentionsIn(u.ts[max(0, k-6)].s, u.ts[k].e) {
		if m.e == u.ts[k].e {
			return true
		}
	}
	return false
}

// placeNouns end a description of a place: "the tribal area".
var placeNouns = map[string]bool{"area": true, "areas": true, "region": true, "district": true, "province": true, "valley": true, "town": true,
	"village": true, "city": true, "belt": true, "state": true, "country": true, "border": true, "forest": true, "forests": true, "hills": true}

// strongholdOf reads "PLACE, a G1 and G2 stronghold" at the trigger i:
// the groups named right before the trigger (joined by "and" or
// commas) after "a", and the place the apposition stands to, a named
// location or a description ("the tribal area") before the comma.
func (u *unit) strongholdOf(i, a int) ([]sitrep.Actor, sitrep.Actor, bool) {
	f := u.f
	var gs []sitrep.Actor
	k := i // the first token of the groups
	ms := f.mentionsIn(u.ts[max(a, i-10)].s, u.ts[i].s)
	for x := len(ms) - 1; x >= 0; x-- {
		m := ms[x]
		end := k - 1
		if end < a {
			break
		}
		if len(gs) > 0 && (u.ts[end].l == "and" || u.ts[end].l == ",") {
			end--
		}
		if end < a || m.e != u.ts[end].e || !f.group(m.ent) {
			break
		}
		gs = append([]sitrep.Actor{actorOf(m)}, gs...)
		for k > a && u.ts[k-1].s >= m.s {
			k--
		}
	}
	if len(gs) == 0 || k-2 < a || (u.ts[k-1].l != "a" && u.ts[k-1].l != "an") || u.ts[k-2].l != "," {
		return nil, sitrep.Actor{}, false
	}
	c := k - 2 // the comma
	if c == a {
		return nil, sitrep.Actor{}, false
	}
	for _, m := range f.mentionsIn(u.ts[max(a, c-6)].s, u.ts[c-1].e) {
		if m.e == u.ts[c-1].e && m.ent.Type == "location" {
			return gs, actorOf(m), true
		}
	}
	if !placeNouns[u.ts[c-1].l] {
		return nil, sitrep.Actor{}, false
	}
	s := c - 1
	for s > a && s > c-4 && u.ts[s-1].l != "," && !phraseEnd[u.ts[s-1].l] && u.ts[s-1].l != "of" && unicode.IsLetter(rune(u.ts[s-1].l[0])) {
		s--
	}
	if u.ts[s].l == "the" && s+1 < c {
		s++
	}
	return gs, sitrep.Actor{Name: f.text[u.ts[s].s:u.ts[c-1].e], Start: u.ts[s].s, End: u.ts[c-1].e}, true
}

// pronounSpeaker resolves a pronoun subject right before the trigger at
// i ("it supports", "they do not support") in an indirect quote to the
// quote's speaker, when the speaker is an organisation, a country or a
// people ("it" and "they" do not stand for a person here); the span is
// the pronoun's. Else nil.
func (u *unit) pronounSpeaker(i, a int) *sitrep.Actor {
	if u.q == nil || u.q.Direct {
		return nil
	}
	k := i - 1
	for k > a && k > i-4 && (u.ts[k].l == "not" || u.ts[k].l == "does" || u.ts[k].l == "do" || u.ts[k].l == "did" || u.ts[k].l == "never" ||
		u.ts[k].l == "n't" || u.ts[k].l == "would" || u.ts[k].l == "will" || u.ts[k].l == "had" || u.ts[k].l == "has" || u.ts[k].l == "have" || u.ts[k].l == "still") {
		k--
	}
	if k < a || (u.ts[k].l != "it" && u.ts[k].l != "they") || k != a && u.ts[k-1].l != "that" {
		return nil
	}
	sp := u.q.Speaker
	for _, m := range u.f.mentionsIn(sp.Start, sp.End) {
		if m.ent.Type == "organization" || m.ent.Type == "norp" || m.ent.Type == "location" && m.ent.Subtype == "country" {
			act := sp.Actor
			act.Start, act.End = u.ts[k].s, u.ts[k].e
			return &act
		}
	}
	return nil
}

// personNouns name one member of a group: "LeT militant Qasim".
var personNouns = map[string]bool{"militant": true, "commander": true, "cadre": true, "leader": true, "chief": true, "member": true,
	"operative": true, "terrorist": true, "activist": true, "rebel": true, "insurgent": true, "guerrilla": true, "kingpin": true, "ultra": true}

// onePerson reports whether the group ending at byte off is followed by
// a noun for one of its members ("militant", "commander"): the phrase
// is then about that person.
func (u *unit) onePerson(off, b int) bool {
	k := sort.Search(len(u.ts), func(x int) bool { return u.ts[x].s >= off })
	if k < b && u.ts[k].l == "(" {
		for k < b && u.ts[k].l != ")" {
			k++
		}
		k++
	}
	return k < b && personNouns[u.ts[k].l]
}

// partnerAfter reports whether the cooperation trigger ending at token j
// is followed by "with" and an actor: "in collaboration with the LeJ".
func (u *unit) partnerAfter(j, b int) bool {
	if j+1 >= b || u.ts[j].l != "with" {
		return false
	}
	k := j + 1
	if u.ts[k].l == "the" && k+1 < b {
		k++
	}
	for _, m := range u.f.mentionsIn(u.ts[k].s, u.ts[min(b-1, k+6)].e) {
		if m.s == u.ts[k].s && isActor(m.ent) {
			return true
		}
	}
	return false
}

// jointNouns are what "joint" qualifies when forces act together: "a
// joint team", "a joint anti Maoist operation", "a joint encounter".
var jointNouns = map[string]bool{"team": true, "teams": true, "operation": true, "operations": true, "encounter": true, "party": true,
	"patrol": true, "patrolling": true, "raid": true, "raids": true, "search": true, "drive": true, "combing": true, "exercise": true,
	"offensive": true, "campaign": true, "force": true, "forces": true, "squad": true, "action": true, "ambush": true, "attack": true,
	"attacks": true, "cordon": true, "mission": true}

// forceHeads end a force's description when it is not a named entity:
// "the Army", "District Police", "district force".
var forceHeads = map[string]bool{"police": true, "army": true, "force": true, "forces": true, "rifles": true, "guard": true, "guards": true,
	"battalion": true, "commandos": true, "troops": true, "paramilitary": true, "navy": true}

// jointPairs reads the actors of a joint action at the word "joint"
// (token i): the list after it ("a joint team of personnel from A, B
// and C", "a joint encounter by Police and Army"), else the last list
// of two or more actors before it in the clause ("A and B killed a
// militant in a joint operation"). With "with" after the noun ("a
// joint operation with B"), the actor before works with those after.
// It returns one pair per two actors listed.
func (u *unit) jointPairs(i, j, a, b int) [][2]sitrep.Actor {
	n := -1
	for k := j; k < b && k < j+4; k++ {
		if jointNouns[u.ts[k].l] {
			n = k
		}
		if u.ts[k].l == "," || u.ts[k].l == "of" || u.ts[k].l == "by" {
			break
		}
	}
	if n < 0 {
		return nil
	}
	k := n + 1
	if k < b && u.ts[k].l == "(" {
		for k < b && u.ts[k].l != ")" {
			k++
		}
		k++
	}
	var list []sitrep.Actor
	with := false
	if k+1 < b {
		switch u.ts[k].l {
		case "of", "by", "from", "comprising", "involving", "between", "with":
			with = u.ts[k].l == "with"
			k++
			// "of personnel from", "of the"
			for k+1 < b && (u.ts[k].l == "personnel" || u.ts[k].l == "the" || u.ts[k].l == "from" || u.ts[k].l == "of" || u.ts[k].l == "men" || u.ts[k].l == "jawans") {
				k++
			}
			list = u.coordination(k, b)
		}
	}
	if with {
		var before []sitrep.Actor
		for _, l := range u.listsBefore(a, i) {
			before = l
		}
		if len(before) == 0 || len(list) == 0 {
			return nil
		}
		list = append(before[len(before)-1:], list...)
	} else if len(list) < 2 {
		list = nil
		for _, l := range u.listsBefore(a, i) {
			if len(l) >= 2 {
				list = l
			}
		}
	}
	var out [][2]sitrep.Actor
	for x := range list {
		for y := x + 1; y < len(list); y++ {
			if list[x].Entity != "" && list[x].Entity == list[y].Entity || NormSame(list[x].Name, list[y].Name) {
				continue
			}
			out = append(out, [2]sitrep.Actor{list[x], list[y]})
		}
	}
	return out
}

// NormSame reports whether two names are the same but for case.
func NormSame(x, y string) bool { return strings.EqualFold(x, y) }

// item reads an actor of a list at token k: a named organisation,
// country or people, or a force's description ("the Army", "District
// Police"), and returns it with the token after it (a bracketed short
// name and "personnel" after it skipped), or k when there is none.
func (u *unit) item(k0, b int) (sitrep.Actor, int) {
	k := k0
	if k < b && u.ts[k].l == "the" {
		k++
	}
	if k >= b {
		return sitrep.Actor{}, k0
	}
	var act sitrep.Actor
	e := k
	for _, m := range u.f.mentionsIn(u.ts[k].s, u.ts[min(b-1, k+8)].e) {
		if m.s == u.ts[k].s && isActor(m.ent) && m.ent.Type != "person" {
			act = actorOf(m)
			for e < b && u.ts[e].s < m.e {
				e++
			}
			break
		}
	}
	if e == k {
		// a force's description: up to two words and a force noun
		for x := k; x < b && x < k+3; x++ {
			l := u.ts[x].l
			if forceHeads[l] {
				act = sitrep.Actor{Name: u.f.text[u.ts[k].s:u.ts[x].e], Start: u.ts[k].s, End: u.ts[x].e}
				e = x + 1
				break
			}
			if !unicode.IsLetter(rune(l[0])) || listStop[l] {
				break
			}
		}
	}
	if e == k {
		return sitrep.Actor{}, k0
	}
	if e < b && u.ts[e].l == "(" {
		x := e
		for x < b && x < e+6 && u.ts[x].l != ")" {
			x++
		}
		if x < b && u.ts[x].l == ")" {
			e = x + 1
		}
	}
	for e < b && (u.ts[e].l == "personnel" || u.ts[e].l == "jawans") {
		e++
	}
	return act, e
}

// listStop words cannot be inside a force's description.
var listStop = map[string]bool{"the": true, "a": true, "an": true, "and": true, "of": true, "in": true, "by": true, "with": true, "from": true,
	"to": true, "on": true, "at": true, "for": true, "against": true, "were": true, "was": true, "killed": true, "arrested": true}

// coordination reads a list of actors joined by commas and "and" from
// token k: "CoBRA, CRPF, STF and District Police".
func (u *unit) coordination(k, b int) []sitrep.Actor {
	var out []sitrep.Actor
	for k < b {
		act, e := u.item(k, b)
		if e == k {
			break
		}
		out = append(out, act)
		k = e
		if k < b && u.ts[k].l == "," {
			k++
		}
		if k < b && (u.ts[k].l == "and" || u.ts[k].l == "&") {
			k++
		} else if k > 0 && u.ts[k-1].l != "," {
			break
		}
	}
	return out
}

// listsBefore returns the lists of actors in the clause's tokens [a, i).
func (u *unit) listsBefore(a, i int) [][]sitrep.Actor {
	var out [][]sitrep.Actor
	for k := a; k < i; {
		l := u.coordination(k, i)
		if len(l) == 0 {
			k++
			continue
		}
		out = append(out, l)
		k = max(k+1, sort.Search(len(u.ts), func(x int) bool { return u.ts[x].s >= l[len(l)-1].End }))
	}
	return out
}
