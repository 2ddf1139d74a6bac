package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep"
)

// cand is a cue of indirect speech with its speaker phrase.
type cand struct {
	c, ce     int // cue tokens [c, ce)
	ns, ne    int // speaker phrase
	inverted  bool
	according bool
	detached  bool // the speaker is the clause's subject, away from the cue
	asPut     bool // "as X put it": "as" is the token before the speaker
}

// indirect finds indirect speech in the paragraph's sentences.
func (f *finder) indirect(ts []tok, rs []region, used []bool, para int) {
	for a := 0; a < len(ts); {
		b := a
		for b < len(ts) && ts[b].sent == ts[a].sent {
			b++
		}
		f.sentence(ts, a, b, rs, used, para)
		a = b
	}
}

func (f *finder) sentence(ts []tok, a, b int, rs []region, used []bool, para int) {
	var cs []cand
	for c := a; c < b; c++ {
		t := ts[c]
		if used[c] || t.reg >= 0 || t.punct {
			continue
		}
		if t.l == "according" && c+1 < b && ts[c+1].l == "to" {
			ns, ne := accordingNP(ts, c+2, b)
			if ne > ns {
				cs = append(cs, cand{c: c, ce: c + 2, ns: ns, ne: ne, according: true})
			}
			continue
		}
		if cd, ok := f.putIt(ts, a, b, c); ok {
			cs = append(cs, cd)
			continue
		}
		if cd, ok := f.progressive(ts, a, c); ok {
			cs = append(cs, cd)
			continue
		}
		if cd, ok := f.thatVerb(ts, a, b, c); ok {
			cs = append(cs, cd)
			continue
		}
		lemma, ok := cueForm[t.l]
		if !ok || isNounUse(ts, c) || !cueCase(ts, c) {
			continue
		}
		if lemma == "report" && c+1 < b && ts[c+1].l == "from" {
			continue // a contributor line: "X reported from Kabul"
		}
		if c > a && passiveAux[ts[c-1].l] {
			continue
		}
		if strings.HasSuffix(t.l, "ing") && c > a && (ts[c-1].l == "by" || ts[c-1].l == "after" || ts[c-1].l == "while") {
			continue
		}
		if c > a && (strings.HasSuffix(t.l, "ing") && ts[c-1].w == "," || ts[c-1].l == "and" && !strings.HasSuffix(t.l, "ing")) {
			// "X attacked Y, saying ...", "X exhorted Y and said ...": the
			// clause's subject speaks
			if ns, ne := subjectAt(ts, a, c); ne > ns {
				cs = append(cs, cand{c: c, ce: c + 1, ns: ns, ne: ne, detached: true})
			} else if ns, ne := f.frameSpeaker(ts, a, c); ne > ns {
				// `"...," the mayor said, adding that ...`: the speaker
				// of the quote framed earlier in the sentence
				cs = append(cs, cand{c: c, ce: c + 1, ns: ns, ne: ne, detached: true})
			}
			continue
		}
		ce := c + 1
		if lemma == "call" && c+1 < b && (ts[c+1].l == "for" || ts[c+1].l == "on") {
			ce++ // "called for", "called on"
		}
		if lemma == "point" {
			if ce < b && ts[ce].l == "out" {
				ce++
			} else {
				continue
			}
		}
		ns, ne := leftNP(ts, a, c, f)
		if ne > ns {
			if !agrees(ts, c, ns, ne) {
				continue
			}
			if ts[c].l == "reads" || ts[c].l == "read" || lemma == "show" || lemma == "find" {
				if !docPhrase(ts, ns, ne) {
					continue
				}
			}
			cs = append(cs, cand{c: c, ce: ce, ns: ns, ne: ne})
			continue
		}
		// inverted: "..., said X."
		if c > a && ts[c-1].w == "," && invertible[lemma] && !baseForm[t.l] && !nounForm[t.l] {
			ns, ne := invertedNP(ts, ce, b)
			if ne > ns && f.onlyTail(ts, ne, b) {
				cs = append(cs, cand{c: c, ce: ce, ns: ns, ne: ne, inverted: true})
			}
		}
	}
	for k, cd := range cs {
		parts, after := f.content(ts, a, b, cd, cs, k)
		if len(parts) == 0 {
			continue
		}
		words := 0
		for _, p := range parts {
			for i := p[0]; i < p[1]; i++ {
				if !ts[i].punct {
					words++
				}
			}
		}
		if words < 3 {
			continue
		}
		if cueForm[ts[cd.c].l] == "call" && cd.ce == cd.c+1 && f.quotedShare(ts, parts) == 0 && words > 6 && parts[0][0]+2 < parts[0][1] && ts[parts[0][0]+2].l == "on" {
			continue // "called Alicia Machado on Friday to ...": a telephone call
		}
		first := ts[parts[0][0]].l
		second := ""
		if parts[0][0]+1 < parts[0][1] {
			second = ts[parts[0][0]+1].l
		}
		if first == "responsibility" || first == "credit" || second == "responsibility" || second == "credit" || (first == "him" || first == "her" && !possessiveHer(ts[cd.c].l) || first == "them" && !cd.inverted) && !objectCues[cueForm[ts[cd.c].l]] {
			continue // "claimed (the) responsibility" is a claim, not a quote
		}
		if cueForm[ts[cd.c].l] == "claim" && ((first == "the" || first == "a" || first == "an") && incidentNouns[second] ||
			first == "lives" || second == "lives" || second == "life") {
			continue // "claimed the attack": responsibility; "claimed the lives of": a toll; not speech
		}
		end := b
		d := f.newDraft(ts, cd.c, cd.ce, cd.ns, cd.ne, end)
		if cd.inverted || cd.according {
			d.q.Venue = ""
		}
		// the addressee is what content() read between the cue and the
		// reported words ("told Express Tribune that")
		d.q.Addressee = nil
		if after > cd.ce && !cd.inverted && !cd.according {
			a := f.actor(ts, cd.ce, after)
			d.q.Addressee = &a
		}
		d.para = para
		for _, p := range parts {
			d.parts = append(d.parts, sitrep.Span{Start: ts[p[0]].s, End: ts[p[1]-1].e})
		}
		// mostly quoted words (at least half of the characters): a
		// direct quote with its frame before it
		d.q.Direct = f.quotedShare(ts, parts) >= 0.5
		mark(used, cd.c, cd.ce)
		f.drafts = append(f.drafts, d)
	}
}

// accordingNP reads the source after "according to": a phrase up to a
// comma or the end of the sentence, however long ("early results of exit
// polls conducted by Edison Research for the networks"), naming a
// speaker, a document or data, or a pronoun.
func accordingNP(ts []tok, i, end int) (int, int) {
	j := i
	for j < end && j < i+30 {
		t := ts[j]
		if t.reg >= 0 || t.punct && t.w != "’" && t.w != "'" && t.w != "-" && t.w != "." && t.w != "(" && t.w != ")" || t.w == "." && j+1 >= end {
			break
		}
		if j > i && (t.l == "that" || t.l == "who" || t.l == "which" || t.l == "while" || t.l == "when") {
			break
		}
		j++
	}
	for j > i && (npInner[ts[j-1].l] || ts[j-1].punct && ts[j-1].w != ")") {
		j--
	}
	if j == i {
		return 0, 0
	}
	if j-i == 1 {
		if _, ok := pronouns[ts[i].l]; ok {
			return i, j
		}
	}
	for k := i; k < j; k++ {
		if speakerHead(ts[k].l) || unicode.IsUpper(firstRune(ts[k].w)) || strings.HasSuffix(ts[k].l, "s") && k == j-1 {
			return i, j
		}
	}
	return 0, 0
}

// frameSpeaker returns the tokens of the speaker of the quote whose cue
// lies earlier in the sentence [a, c), for a participle cue (", adding
// that") that continues its frame.
func (f *finder) frameSpeaker(ts []tok, a, c int) (int, int) {
	d := f.mainSpeaker(ts, c)
	if d == nil || d.q.Speaker.End <= d.q.Speaker.Start || d.q.CueStart < ts[a].s {
		return 0, 0
	}
	ns, ne := -1, -1
	for k := a; k < c; k++ {
		if ts[k].s == d.q.Speaker.Start {
			ns = k
		}
		if ts[k].e == d.q.Speaker.End {
			ne = k + 1
		}
	}
	if ns < 0 || ne <= ns {
		return 0, 0
	}
	return ns, ne
}

// putIt reads the idiom "as X put it": `As The Post's Dana Milbank puts
// it, "..."`, `..., as one aide put it.` The cue is "put"; what X said is
// the rest of the sentence, before or after the as-clause.
func (f *finder) putIt(ts []tok, a, b, c int) (cand, bool) {
	if (ts[c].l != "put" && ts[c].l != "puts") || c+1 >= b || ts[c+1].l != "it" {
		return cand{}, false
	}
	as := -1
	for k := c - 1; k >= a && k >= c-12; k-- {
		if ts[k].l == "as" {
			as = k
			break
		}
		if ts[k].punct && ts[k].w != "’" && ts[k].w != "'" && ts[k].w != "." && ts[k].w != "," {
			break
		}
	}
	if as < 0 {
		return cand{}, false
	}
	ns, ne := leftNP(ts, as+1, c, f)
	if ne <= ns || ns != as+1 {
		return cand{}, false
	}
	return cand{c: c, ce: c + 2, ns: ns, ne: ne, asPut: true}, true
}

// progressive reads a cue in the progressive, "X is saying", "X has
// been warning", "He’s claiming": a participle of a cue lemma after a
// form of "be" (adverbs may come between), its speaker the phrase before
// the auxiliary.
func (f *finder) progressive(ts []tok, a, c int) (cand, bool) {
	t := ts[c]
	if !strings.HasSuffix(t.l, "ing") || c == a {
		return cand{}, false
	}
	lemma := ingLemma(t.l)
	if lemma == "" {
		return cand{}, false
	}
	j := c - 1
	for j > a && preverbs[ts[j].l] && ts[j].l != "had" && ts[j].l != "has" && ts[j].l != "have" || j > a && (ts[j].l == "again" || ts[j].l == "now" || ts[j].l == "still") {
		j--
	}
	aux := ts[j].l
	switch {
	case progAux[aux]:
		if aux == "been" && j > a && (ts[j-1].l == "has" || ts[j-1].l == "have" || ts[j-1].l == "had") {
			j--
		}
		ns, ne := leftNP(ts, a, j, f)
		if ne <= ns {
			return cand{}, false
		}
		return cand{c: c, ce: c + 1, ns: ns, ne: ne}, true
	case contracted(aux):
		// "He’s claiming": the pronoun and its auxiliary are one token
		if j == a || ts[j-1].punct || ts[j-1].sent != ts[j].sent {
			return cand{c: c, ce: c + 1, ns: j, ne: j + 1}, true
		}
	}
	return cand{}, false
}

// thatVerb reads a verb outside the cue lexicon that reports a clause
// opened by "that", with a speaker before it: "Twelve percent indicated
// that", "The court ruled that", "Investigators discovered that". The
// verb is a past or third-person form written in lower case.
func (f *finder) thatVerb(ts []tok, a, b, c int) (cand, bool) {
	t := ts[c]
	if c == a || c+2 >= b || ts[c+1].l != "that" || t.punct || t.reg >= 0 || len(t.l) < 4 || !unicode.IsLower(firstRune(t.w)) {
		return cand{}, false
	}
	if _, ok := cueForm[t.l]; ok || notThatVerbs[t.l] {
		return cand{}, false
	}
	if !strings.HasSuffix(t.l, "ed") && !(strings.HasSuffix(t.l, "s") && !strings.HasSuffix(t.l, "ss") && !strings.HasSuffix(t.l, "us")) {
		return cand{}, false
	}
	if isNounUse(ts, c) || passiveAux[ts[c-1].l] || ts[c-1].l == "so" || ts[c-1].l == "such" {
		return cand{}, false
	}
	ns, ne := leftNP(ts, a, c, f)
	if ne <= ns {
		return cand{}, false
	}
	if strings.HasSuffix(t.l, "s") && !strings.HasSuffix(t.l, "ed") && pluralSubject(ts, ns, ne) {
		return cand{}, false // "the results" that ...: a noun, not a verb
	}
	return cand{c: c, ce: c + 1, ns: ns, ne: ne}, true
}

// notThatVerbs are verbs before "that" that report no one's words or
// thoughts: "this means that", "it seems that" (an impersonal frame).
var notThatVerbs = set("means", "meant", "ensures", "ensured", "requires", "required", "makes", "made", "needs", "needed", "seems", "seemed", "appears", "appeared", "happens", "happened", "is", "was", "has", "does", "remains", "remained", "proves", "proved", "implies", "implied", "illustrates", "demonstrates", "reflects", "reflected", "underscores", "underscored")

var progAux = set("is", "are", "was", "were", "been")

// pronBase drops a contracted auxiliary from a pronoun: "he’s" -> "he".
func pronBase(w string) string {
	if contracted(w) {
		if i := strings.IndexAny(w, "’'"); i > 0 {
			return w[:i]
		}
	}
	return w
}

// contracted reports whether w is a pronoun with a contracted "is" or
// "are": "he’s", "they're".
func contracted(w string) bool {
	for _, c := range contractions {
		if strings.HasSuffix(w, c) {
			return contractedPronouns[w[:len(w)-len(c)]]
		}
	}
	return false
}

var contractions = []string{"’s", "'s", "’re", "'re"}

var contractedPronouns = set("he", "she", "it", "they", "we")

// ingLemma returns the cue lemma of a present participle ("saying",
// "confirming", "stressing", "urging", "admitting"), or "".
func ingLemma(w string) string {
	if l, ok := cueForm[w]; ok {
		return l
	}
	stem := strings.TrimSuffix(w, "ing")
	if len(stem) < 2 {
		return ""
	}
	for _, c := range []string{stem, stem + "e", stem[:len(stem)-1]} {
		if l, ok := cueForm[c]; ok && l == c {
			return l
		}
	}
	return ""
}

// possessiveHer reports whether "her" right after the cue form w is a
// possessive ("said her colleague had not worked"): the cue takes a
// clause, never a person as its object.
func possessiveHer(w string) bool {
	l := cueForm[w]
	return invertible[l] && !addresseeVerbs[l] && l != "report" && l != "announce"
}

var passiveAux = set("was", "were", "is", "are", "be", "been", "being", "get", "got")

// onlyTail reports whether [i, b) holds only what may close an
// attribution: punctuation, an apposition, a date, a venue.
func (f *finder) onlyTail(ts []tok, i, b int) bool {
	for k := i; k < b; k++ {
		t := ts[k]
		if t.punct || f.inDate(t.s) || preverbs[t.l] {
			continue
		}
		if t.l == "while" || t.l == "when" || t.l == "during" || (t.l == "at" || t.l == "in") && k+1 < b && hasVenueNoun(ts, k+1, min(b, k+5)) {
			return true // a venue closes the frame
		}
		if k > i && ts[k-1].w == "," && (t.l == "who" || t.l == "a" || t.l == "an" || t.l == "the") {
			return true // an apposition or relative clause
		}
		if k > i && ts[k-1].w == "," {
			return true
		}
		return false
	}
	return true
}

// content returns the token ranges of what the cue cd reports, and the
// index after the cue's addressee.
func (f *finder) content(ts []tok, a, b int, cd cand, cs []cand, k int) ([][2]int, int) {
	end := b
	for end > a && ts[end-1].punct && strings.Contains(".!?;", ts[end-1].w) {
		end--
	}
	if cd.according {
		// According to X, CONTENT.  /  CONTENT, according to X.
		if f.onlyLead(ts, a, cd.c) {
			i := cd.ne
			for i < end && ts[i].punct {
				i++
			}
			if i < end {
				return [][2]int{{i, end}}, cd.ne
			}
			return nil, 0
		}
		e := cd.c
		for e > a && ts[e-1].punct {
			e--
		}
		if e > a {
			// and a tail after the source: "..., according to X, who ..."
			return [][2]int{{f.afterLead(ts, a, e), e}}, cd.ne
		}
		return nil, 0
	}
	if cd.asPut {
		// As X put it, CONTENT.  /  CONTENT, as X put it.
		as := cd.ns - 1
		if f.onlyLead(ts, a, as) {
			i := cd.ce
			for i < end && ts[i].w != "," && ts[i].w != ":" && ts[i].reg < 0 {
				i++
			}
			for i < end && ts[i].punct && ts[i].mark == 0 {
				i++
			}
			if i < end {
				return [][2]int{{i, end}}, cd.ne
			}
			return nil, 0
		}
		e := as
		for e > a && ts[e-1].punct && ts[e-1].mark == 0 {
			e--
		}
		if e > a {
			return [][2]int{{f.afterLead(ts, a, e), e}}, cd.ne
		}
		return nil, 0
	}
	if cd.inverted {
		e := cd.c - 1
		if e > a {
			return [][2]int{{f.afterLead(ts, a, e), e}}, cd.ne
		}
		return nil, 0
	}
	// after the cue: addressee, date, "that"
	i := cd.ce
	lemma := cueForm[ts[cd.c].l]
	after := i
	if addresseeVerbs[lemma] && i < end && ts[i].l != "that" && ts[i].l != "of" {
		as, ae := rightNP(ts, i, end)
		if ae > as && (ae >= end || ts[ae].l == "that" || ts[ae].w == ":" || ts[ae].w == "," || ts[ae].l == "on" || ts[ae].l == "the" || ts[ae].l == "about" || ts[ae].l == "to" || whWords[ts[ae].l] || ts[ae].reg >= 0) {
			i, after = ae, ae
		}
	}
	for i < end && (f.inDate(ts[i].s) || ts[i].l == "on" && i+1 < end && f.inDate(ts[i+1].s) || ts[i].l == "in" && i+1 < end && f.inDate(ts[i+1].s) || ts[i].w == "," || ts[i].w == ":" || ts[i].l == "out") {
		i++
	}
	// a venue before the clause: "said in a statement that", "told a
	// news conference in Kabul that"
	if i < end && (ts[i].l == "in" || ts[i].l == "at" || ts[i].l == "during") {
		for k := i + 1; k < end && k <= i+8; k++ {
			if ts[k].l == "that" {
				if hasVenueNoun(ts, i, k) {
					i = k
				}
				break
			}
			if ts[k].punct || ts[k].reg >= 0 {
				break
			}
		}
	}
	if i < end && f.titleBeforeClause(ts, i) {
		// a title in quotation marks before the clause: `told ABC’s
		// “Good Morning America” on Friday that ...`
		for i < end && ts[i].l != "that" {
			i++
		}
	}
	clause := false
	if i < end && ts[i].l == "that" {
		i++
		clause = true
	}
	if i < end && (ts[i].w == ":" || ts[i].mark != 0) {
		clause = true
	}
	if i < end && whWords[ts[i].l] && (lemma == "ask" || lemma == "wonder" || lemma == "question") {
		clause = true // an indirect question: "asked Sanders whether ..."
	}
	// Content before the speaker: "CONTENT, X said." or the parenthetical
	// "A, X said, B."
	if !cd.detached && cd.ns > a && ts[cd.ns-1].w == "," && !clause {
		if f.onlyTail(ts, i, end) || i >= end {
			return [][2]int{{f.afterLead(ts, a, cd.ns-1), cd.ns - 1}}, after
		}
		if ts[i-1].w == "," || (i < end && ts[i].w == ",") {
			j := i
			if ts[j].w == "," {
				j++
			}
			return [][2]int{{f.afterLead(ts, a, cd.ns-1), cd.ns - 1}, {j, end}}, after
		}
	}
	if needClause[lemma] && !objectCues[lemma] && !clause && !((lemma == "find" || lemma == "show") && docPhrase(ts, cd.ns, cd.ne)) && !quotedSoon(ts, i, end) {
		return nil, 0
	}
	// "X criticized Y and said Z": a coordinated cue ends the object.
	for _, o := range cs[k+1:] {
		if o.detached && o.c > i+1 && o.c-1 < end && ts[o.c-1].l == "and" {
			end = o.c - 1
			break
		}
	}
	// A sibling attribution later in the sentence ends the content:
	// "Days after X denied A, Y said B".
	// So does a coordinated one: "X said A — and he noted B", "X said
	// A, but officials insisted B".
	for _, o := range cs[k+1:] {
		if o.ns <= i || o.inverted {
			continue
		}
		if ts[o.ns-1].w == "," && (o.ns < 2 || ts[o.ns-2].l != "that") || breaks[ts[o.ns-1].w] {
			end = o.ns - 1
			break
		}
		if (ts[o.ns-1].l == "and" || ts[o.ns-1].l == "but") && o.ns-2 > i && (ts[o.ns-2].w == "," || breaks[ts[o.ns-2].w]) {
			end = o.ns - 2
			break
		}
	}
	// "X said on Monday, while briefing ..." leaves no content.
	if i >= end {
		return nil, 0
	}
	return [][2]int{{i, end}}, after
}

// docPhrase reports whether the speaker phrase [ns, ne) is headed by a
// document, a study or data: its last word, or a word near its start
// followed by a modifier ("A Quinnipiac University poll released in
// late August", "a 2014 study by Harvard").
func docPhrase(ts []tok, ns, ne int) bool {
	if isDocumentHead(ts[ne-1].l) {
		return true
	}
	for k := ns; k < ne-1 && k < ns+5; k++ {
		if isDocumentHead(ts[k].l) && !unicode.IsUpper(firstRune(ts[k].w)) {
			n := ts[k+1].l
			return n == "by" || n == "of" || n == "from" || n == "on" || strings.HasSuffix(n, "ed")
		}
	}
	return false
}

// quotedSoon reports whether the speaker's own words, in quotation
// marks, come early in [i, end): "described Clinton as “a lifetime
// politician”", "branded North Korea an “outlaw nation”". A cue that
// needs a clause takes such an object as what it reports.
func quotedSoon(ts []tok, i, end int) bool {
	for k := i; k < end && k < i+6; k++ {
		if ts[k].reg >= 0 {
			return true
		}
		if ts[k].punct && ts[k].mark == 0 && ts[k].w != "-" && ts[k].w != "’" && ts[k].w != "'" {
			return false
		}
	}
	return false
}

// incidentNouns name an act of violence: "claimed the attack" claims it.
var incidentNouns = set("attack", "attacks", "bombing", "bombings", "blast", "blasts", "killing", "killings", "assassination",
	"kidnapping", "abduction", "ambush", "explosion", "massacre", "beheading", "shooting", "raid", "strike", "strikes")

// objectCues are cues of judgement whose object is what they report:
// "criticized the president's foreign policy", "accused him of sexism",
// "described himself as her 'Obama whisperer'".
var objectCues = set("criticise", "condemn", "welcome", "hail", "describe", "dismiss", "praise", "defend", "accuse", "question", "demand", "promise", "pledge", "threaten")

// whWords open an indirect question.
var whWords = set("whether", "if", "how", "what", "who", "why", "when", "where", "which")

// breaks are marks that end a clause: a dash or a semicolon.
var breaks = map[string]bool{"—": true, "–": true, ";": true}

// onlyLead reports whether [a, c) is a lead-in before an attribution:
// nothing, or a short adverbial ending in a comma ("Earlier,").
func (f *finder) onlyLead(ts []tok, a, c int) bool {
	if c == a {
		return true
	}
	return c-a <= 4 && ts[c-1].w == ","
}

// afterLead skips a short adverbial lead-in ("However,") at the start of
// a content stretch [a, e).
func (f *finder) afterLead(ts []tok, a, e int) int {
	for a < e && ts[a].punct && ts[a].mark == 0 {
		a++
	}
	return a
}

// quotedShare returns the share of the content's characters inside
// quotation marks (the marks count as quoted).
func (f *finder) quotedShare(ts []tok, parts [][2]int) float64 {
	in, all := 0, 0
	for _, p := range parts {
		for i := p[0]; i < p[1]; i++ {
			n := ts[i].e - ts[i].s
			all += n
			if ts[i].reg >= 0 {
				in += n
			}
		}
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}

// resolvePronouns gives pronoun speakers the last speaker of their kind,
// and quotes without a frame the speaker of the adjacent quote.
func (f *finder) resolvePronouns() {
	sort.SliceStable(f.drafts, func(a, b int) bool { return f.drafts[a].cueTok < f.drafts[b].cueTok })
	var lastPerson, lastGroup, lastThing *draft
	for _, d := range f.drafts {
		sp := &d.q.Speaker
		switch sp.Kind {
		case "pending":
			continue
		case sitrep.SpeakerPronoun:
			var from *draft
			var want []string
			switch d.pron {
			case "person":
				from, want = lastPerson, []string{"person"}
			case "plural":
				from, want = lastGroup, []string{"organization", "norp"}
			default:
				from, want = lastThing, []string{"organization"}
			}
			if from == nil || d.para-from.para > 1 {
				if later := f.laterNamed(d, want); later != nil {
					from = later
				}
			}
			if from != nil && d.para-from.para <= 3 && (from.q.Speaker.Name != "" || from.q.Speaker.Entity != "") {
				sp.Name, sp.Entity = from.q.Speaker.Name, from.q.Speaker.Entity
				if sp.Role == "" {
					sp.Role = from.q.Speaker.Role
				}
			} else if m := f.mentionBefore(sp.Start, want); m != nil {
				sp.Name, sp.Entity = m.ent.Name, m.ent.ID
			}
		}
		switch {
		case d.pron == "person" || f.entityType(sp.Entity) == "person" || sp.Kind == sitrep.SpeakerAnonymous && sp.Role != "":
			lastPerson = d
		case d.pron == "plural" || sp.Kind == sitrep.SpeakerCollective:
			lastGroup = d
		default:
			lastThing, lastGroup = d, d
		}
	}
	// Quotes with no frame.
	for i, d := range f.drafts {
		if d.q.Speaker.Kind != "pending" {
			continue
		}
		var from *draft
		for j := i - 1; j >= 0; j-- {
			p := f.drafts[j]
			if p.q.Speaker.Kind != "pending" && p.q.Direct && d.para-p.para <= 1 {
				from = p
			}
			break
		}
		if from == nil {
			for j := i + 1; j < len(f.drafts); j++ {
				p := f.drafts[j]
				if p.q.Speaker.Kind == "pending" {
					continue
				}
				if p.q.Direct && p.para-d.para <= 1 {
					from = p
				}
				break
			}
		}
		if from == nil {
			d.q.Speaker = sitrep.Speaker{}
			continue
		}
		if d.open && from.para == d.para+1 && from.parts[0].Start > d.parts[0].Start {
			// a quote over several paragraphs, attributed at its end
			from.parts = append(d.parts, from.parts...)
			d.q.Speaker = sitrep.Speaker{}
			continue
		}
		d.q.Speaker = from.q.Speaker
		if m := f.lastMentionOf(from.q.Speaker.Entity, d.parts[0].Start); m != nil && m.s > from.q.Speaker.End {
			// the speaker's name nearest before the quote, not the
			// adjacent quote's speaker phrase
			d.q.Speaker.Start, d.q.Speaker.End, d.q.Speaker.Text = m.s, m.e, f.text[m.s:m.e]
		}
		d.q.Cue = ""
		d.q.CueStart, d.q.CueEnd = 0, 0
	}
}

// lastMentionOf returns the last mention of entity id ending before off,
// within about two paragraphs.
func (f *finder) lastMentionOf(id string, off int) *mention {
	if id == "" {
		return nil
	}
	for i := len(f.ments) - 1; i >= 0; i-- {
		m := &f.ments[i]
		if m.e > off {
			continue
		}
		if off-m.e > 1500 {
			return nil
		}
		if m.ent.ID == id {
			return m
		}
	}
	return nil
}

// laterNamed returns a quote later in d's paragraph whose speaker is
// named with an entity of one of the types: "'...,' he said. '...,'
// Interior Minister X said" names the speaker after the pronoun.
func (f *finder) laterNamed(d *draft, types []string) *draft {
	for _, o := range f.drafts {
		if o.para != d.para || o.cueTok <= d.cueTok || o.q.Speaker.Kind != sitrep.SpeakerNamed {
			continue
		}
		for _, t := range types {
			if f.entityType(o.q.Speaker.Entity) == t {
				return o
			}
		}
	}
	return nil
}

func (f *finder) entityType(id string) string {
	if e := f.byID[id]; e != nil {
		return e.Type
	}
	return ""
}

// mentionBefore returns the nearest mention before off, within about
// two paragraphs, of one of the given entity types.
func (f *finder) mentionBefore(off int, types []string) *mention {
	for i := len(f.ments) - 1; i >= 0; i-- {
		m := &f.ments[i]
		if m.e > off {
			continue
		}
		if off-m.e > 1500 {
			return nil
		}
		for _, t := range types {
			if m.ent.Type == t {
				return m
			}
		}
	}
	return nil
}

// nest records chains: a quote whose cue lies inside another quote's
// words is reported by that quote's speaker, via its addressee when the
// addressee is an outlet.
func (f *finder) nest() {
	for _, d := range f.drafts {
		if d.q.CueEnd == 0 {
			continue
		}
		for _, o := range f.drafts {
			if o == d || o.q.Direct || len(o.parts) == 0 {
				continue
			}
			if o.parts[0].Start <= d.q.CueStart && d.q.CueEnd <= o.parts[len(o.parts)-1].End {
				a := o.q.Speaker.Actor
				d.q.ReportedBy = &a
				if o.q.Addressee != nil && f.isOutlet(o.q.Addressee.Entity) {
					v := *o.q.Addressee
					d.q.Via = &v
				} else if o.q.Speaker.Kind == sitrep.SpeakerOutlet {
					v := o.q.Speaker.Actor
					d.q.Via = &v
				}
				break
			}
		}
	}
}

func (f *finder) isOutlet(id string) bool {
	e := f.byID[id]
	return e != nil && e.Subtype == "media"
}
