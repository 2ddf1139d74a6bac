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

// Geocoder places a location name, with the names of countries and
// provinces the document mentions as context.
type Geocoder interface {
	Resolve(name string, context []string) (sitrep.Place, bool)
}

// Resolver fills Document.Entities.
type Resolver struct {
	KB     *kb.KB
	Tagger Tagger   // optional
	Geo    Geocoder // optional
	// Decisions are the analyst's corrections (optional).
	Decisions *Decisions
	names     *matcher
}

// New returns a resolver over the knowledge base k.
func New(k *kb.KB, t Tagger, g Geocoder) *Resolver {
	return &Resolver{KB: k, Tagger: t, Geo: g, names: newMatcher(k)}
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

	// 2. Acronyms and aliases the text introduces in brackets.
	ms = append(ms, defined(text, toks, ms)...)

	// 3. Tagger names outside what the knowledge base matched.
	if r.Tagger != nil {
		for _, m := range r.Tagger.Tag(text) {
			if overlaps(ms, m.Start, m.End) {
				continue
			}
			f := found{start: m.Start, end: m.End, text: m.Text, typ: m.Type, via: "tagger"}
			if e := r.names.variant(m.Text, m.Type); e != nil {
				f.entry, f.via = e, "variant"
			}
			ms = append(ms, f)
		}
	}
	// Spelling variants and typos of knowledge-base names among the
	// remaining capitalised words ("T0LOnews", "Zabiullah Mujahed").
	ms = append(ms, r.variants(text, toks, ms)...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })

	// 4. Short forms and role phrases, against what precedes them.
	ms = append(ms, r.shortForms(text, toks, ms)...)
	ms = append(ms, r.titles(text, ms, year)...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })

	for i := range ms {
		ms[i] = r.Decisions.apply(ms[i])
	}
	doc.Entities = r.group(doc, ms)
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
	var out []token
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
			if ent, hit := r.names.folded[fold(text[s:e])]; hit {
				out = append(out, found{start: s, end: e, text: text[s:e], entry: ent, via: "variant"})
				i += n - 1
				break
			}
		}
	}
	return out
}
