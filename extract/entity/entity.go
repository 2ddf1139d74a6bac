// Package entity finds the actors, places and groups of people a document
// mentions and resolves them to canonical identities.
//
// Mentions come from three sources: the knowledge base's names, aliases
// and acronyms (package kb), a statistical tagger for names no list holds
// (an optional Tagger), and the document itself: acronyms and aliases it
// introduces in brackets ("Islamic State Khorasan (ISIS-K)"), short forms
// of names it has used ("Mujahid" after "Zabihullah Mujahid"), role
// phrases ("the army chief") and spelling variants or typos of names it or
// the knowledge base holds ("Zabiullah", "T0LOnews").
//
// Guards against false merges: two full names are never merged with each
// other, so two people who share a surname stay apart and a short form
// goes to the most recent of them; a branch and its parent (ISKP and IS)
// and the Pakistani and Afghan Taliban are distinct entries whose aliases
// are matched longest first ("Pakistani Taliban" is the TTP, not
// "Pakistani" + "Taliban").
//
// Locations are placed with the gazetteer (see Geocoder): the other place
// names of the document and its dateline resolve ambiguous names.
//
// Link groups the entities of many documents: names outside the
// knowledge base that are the same actor in different documents are
// merged, each merge recorded with its reason and evidence, and
// Decisions undo or force merges.
package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// Mention is a name a Tagger found.
type Mention struct {
	Start, End int
	Text, Type string // Type: person, organization, location, norp
}

// Tagger finds names in text.
type Tagger interface {
	Tag(text string) []Mention
}

// Geocoder places location names.
type Geocoder interface {
	// Resolve places a name given the names of the other places,
	// countries and provinces of its document.
	Resolve(name string, context []string) (sitrep.Place, bool)
	// Context prepares one document's context (its place names and
	// dateline) for placing many names.
	Context(names []string) func(name string) (sitrep.Place, bool)
	// ByID returns a gazetteer entry by id (knowledge-base place keys).
	ByID(id string) (sitrep.Place, bool)
}

// Resolver fills Document.Entities.
type Resolver struct {
	KB     *kb.KB
	Tagger Tagger   // optional
	Geo    Geocoder // optional
	// Decisions are the analyst's corrections (optional).
	Decisions *Decisions
	names     *matcher
	phrases   []string // role phrases of the knowledge base, longest first
	// byFirstWord lists the phrases (indices into phrases) by their
	// first word, the leading run of word characters; phrases that
	// start otherwise are under "".
	byFirstWord map[string][]int
}

// New returns a resolver over the knowledge base k.
func New(k *kb.KB, t Tagger, g Geocoder) *Resolver {
	r := &Resolver{KB: k, Tagger: t, Geo: g, names: newMatcher(k)}
	r.phrases = r.titlePhrases()
	r.byFirstWord = map[string][]int{}
	for i, ph := range r.phrases {
		w := ph
		for j, c := range ph {
			if !isWord(c) {
				w = ph[:j]
				break
			}
		}
		r.byFirstWord[w] = append(r.byFirstWord[w], i)
	}
	return r
}

// found is a mention on its way to an entity.
type found struct {
	start, end int
	text       string
	entry      *kb.Entry // knowledge-base entity, or nil
	typ        string    // for entities outside the knowledge base
	ref        string    // entity key within the document, for short forms and titles
	via        string
}

// Resolve finds and resolves the entities of doc.
func (r *Resolver) Resolve(doc *sitrep.Document) {
	text := doc.Text
	year := doc.Published.Year
	toks := tokenize(text)

	// 1. Knowledge-base names, longest first.
	ms := r.names.find(text, toks)

	// A state body known by a generic name ("Foreign Office",
	// "Interior Ministry") is the knowledge base's only when the
	// document is about its country.
	ms = foreignGeneric(ms)

	// 2. Acronyms and aliases the text introduces in brackets.
	ms = append(ms, defined(text, toks, ms)...)

	// 3. Tagger names outside what the knowledge base matched.
	if r.Tagger != nil {
		for _, m := range r.Tagger.Tag(text) {
			if !plausibleName(m.Text) {
				continue
			}
			if overlaps(ms, m.Start, m.End) {
				// A longer name that holds only place or group names of
				// the knowledge base is its own entity: "United States
				// Institute of Peace" is not "United States", "Latin
				// America" is not America, the "US Navy" not the US.
				if !onlyPlacesInside(text, ms, m.Start, m.End, m.Type) {
					continue
				}
				keep := ms[:0]
				for _, x := range ms {
					if !(x.start >= m.Start && x.end <= m.End) {
						keep = append(keep, x)
					}
				}
				ms = keep
			}
			// A one-word "organisation" the gazetteer knows as a country,
			// province or city is the place ("Lahore, Quetta and Karachi");
			// so is an airport or a border crossing it knows by that name,
			// and a name ending in a word such as "Agency" or "District" that
			// it knows ("Kurram Agency").
			if m.Type == kb.Organization && r.Geo != nil {
				if p, ok := r.Geo.Resolve(m.Text, nil); ok {
					last := m.Text[strings.LastIndexAny(m.Text, " -")+1:]
					switch {
					case p.Kind == "facility", placeWords[strings.ToLower(last)],
						!strings.ContainsAny(m.Text, " -") && (p.Kind == "country" || p.Kind == "province" || p.Kind == "city" && p.Population >= 100000):
						m.Type = kb.Location
					}
				}
			}
			f := found{start: m.Start, end: m.End, text: m.Text, typ: m.Type, via: "tagger"}
			if e := r.names.variant(m.Text, m.Type); e != nil {
				f.entry, f.via = e, "variant"
			}
			ms = append(ms, f)
		}
	}
	voteTypes(ms)
	// Spelling variants and typos of knowledge-base names among the
	// remaining capitalised words ("T0LOnews", "Zabiullah Mujahed").
	ms = append(ms, r.variants(text, toks, ms)...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	// Facilities and areas named after a place ("Kabul airport",
	// "Torkham border", "Kurram Agency").
	ms = r.extendPlaces(text, toks, ms)

	// 4. Short forms and role phrases, against what precedes them.
	if sf := r.shortForms(text, toks, ms); len(sf) > 0 {
		keep := ms[:0]
		for _, m := range ms {
			if m.via != "tagger" || !overlaps(sf, m.start, m.end) {
				keep = append(keep, m)
			}
		}
		ms = append(keep, sf...)
	}
	ms = append(ms, r.titles(text, toks, ms, year)...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })

	placeNamesAsPlaces(ms)
	for i := range ms {
		ms[i] = r.Decisions.apply(ms[i])
	}
	doc.Entities = r.group(doc, ms)
}

// foreignGeneric unlinks the knowledge-base state bodies of one country
// (an entry with a country, not a place) matched by a name that does not
// say the country ("Foreign Office", not "Pakistan Foreign Office") in a
// document that names countries, none of them that one: the UK's Foreign
// Office in a British statement on Syria is not Pakistan's. The mention
// stays, as an organisation outside the knowledge base.
func foreignGeneric(ms []found) []found {
	countries := map[string]bool{}
	for _, m := range ms {
		if m.entry == nil {
			continue
		}
		switch {
		case m.entry.Type == kb.Location && m.entry.Subtype == "country":
			countries[m.entry.Name] = true
		case m.entry.Type == kb.Location || m.entry.Type == kb.NORP:
			for _, c := range m.entry.Country {
				countries[c] = true
			}
		}
	}
	if len(countries) == 0 {
		return ms
	}
	for i := range ms {
		e := ms[i].entry
		if e == nil || e.Type != kb.Organization || len(e.Country) == 0 || e.Subtype == "armed_group" || e.Subtype == "media" || e.Subtype == "party" {
			continue
		}
		low := strings.ToLower(ms[i].text)
		own := false
		for _, c := range e.Country {
			if countries[c] || strings.Contains(low, strings.ToLower(c)) {
				own = true
			}
		}
		if !own {
			ms[i].entry, ms[i].typ, ms[i].via = nil, kb.Organization, "name"
		}
	}
	return ms
}

func overlaps(ms []found, s, e int) bool {
	for _, m := range ms {
		if m.start < e && s < m.end {
			return true
		}
	}
	return false
}

// token is a word of the text: a maximal run of letters and digits.
type token struct {
	start, end int
	text       string
}

func tokenize(text string) []token {
	out := make([]token, 0, len(text)/6+1)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isWord(r2) {
				break
			}
			j += n2
		}
		out = append(out, token{i, j, text[i:j]})
		i = j
	}
	return out
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joins reports whether the characters between two tokens may sit inside
// a name: spaces, hyphens, apostrophes, full stops of initials.
func joins(gap string) bool {
	if gap == "" {
		return true
	}
	spaces := 0
	for _, r := range gap {
		switch r {
		case ' ', '\u00a0':
			spaces++
		case '-', '\'', '’', '.', '‐', '–':
		default:
			return false
		}
	}
	return spaces <= 1
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	return b.String()
}

// variants finds runs of one to four capitalised words, outside the
// mentions found so far, that fold to a knowledge-base name (see fold).
func (r *Resolver) variants(text string, toks []token, ms []found) []found {
	var out []found
	for i := 0; i < len(toks); i++ {
		if !capitalised(toks[i].text) || overlaps(ms, toks[i].start, toks[i].end) {
			continue
		}
		for n := 4; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k := i; k < i+n; k++ {
				if !capitalised(toks[k].text) || overlaps(ms, toks[k].start, toks[k].end) ||
					(k > i && !joins(text[toks[k-1].end:toks[k].start])) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			s, e := toks[i].start, toks[i+n-1].end
			if len(text[s:e]) < 6 {
				continue
			}
			var arr [64]byte
			if ent, hit := r.names.folded[string(appendFold(arr[:0], text[s:e]))]; hit {
				out = append(out, found{start: s, end: e, text: text[s:e], entry: ent, via: "variant"})
				i += n - 1
				break
			}
		}
	}
	return out
}

// pronouns and other words a tagger may take for names at the start of a
// sentence.
var notNames = map[string]bool{
	"we": true, "he": true, "she": true, "they": true, "it": true, "i": true, "you": true, "the": true,
	"this": true, "that": true, "our": true, "their": true, "his": true, "her": true, "its": true,
	"these": true, "those": true, "there": true, "here": true, "who": true, "what": true, "a": true,
	"an": true, "mr": true, "mrs": true, "ms": true, "dr": true, "sir": true,
}

// plausibleName rejects tagger output that cannot be a name: no capital
// letter at the start, or a pronoun.
func plausibleName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	return !notNames[strings.ToLower(strings.TrimRight(s, "."))]
}

// onlyPlacesInside reports whether the mentions overlapping [s, e) lie
// inside it, are all locations or groups of people from the knowledge
// base (or outlets, inside a person's name), and leave a capitalised
// word of it uncovered.
func onlyPlacesInside(text string, ms []found, s, e int, typ string) bool {
	n := 0
	covered := make([]bool, e-s)
	for _, m := range ms {
		if m.start < e && s < m.end {
			if m.start < s || m.end > e || m.entry == nil {
				return false
			}
			// An outlet named by a common word is part of a person's
			// name the tagger found: "Dawn Walker" is not Dawn.
			outlet := typ == kb.Person && m.entry.Subtype == "media"
			if m.entry.Type != kb.Location && m.entry.Type != kb.NORP && !outlet {
				return false
			}
			for i := m.start; i < m.end; i++ {
				covered[i-s] = true
			}
			n++
		}
	}
	if n == 0 {
		return false
	}
	for _, t := range tokenize(text[s:e]) {
		if !covered[t.start] && len(t.text) >= 2 && capitalised(t.text) {
			return true
		}
	}
	return false
}

// voteTypes gives every tagger name written the same way in a document
// the type the tagger gave it most often (the first on a tie): a name
// is one thing throughout an article.
func voteTypes(ms []found) {
	votes := map[string]map[string]int{}
	first := map[string]string{}
	for _, m := range ms {
		if m.via != "tagger" {
			continue
		}
		if votes[m.text] == nil {
			votes[m.text] = map[string]int{}
			first[m.text] = m.typ
		}
		votes[m.text][m.typ]++
	}
	for i, m := range ms {
		v := votes[m.text]
		if m.via != "tagger" || len(v) < 2 {
			continue
		}
		best := first[m.text]
		for _, typ := range []string{kb.Person, kb.Organization, kb.Location, kb.NORP} {
			if v[typ] > v[best] {
				best = typ
			}
		}
		ms[i].typ = best
	}
}
