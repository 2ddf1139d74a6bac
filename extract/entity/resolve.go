package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// defined finds acronyms and aliases introduced in brackets after a name,
// "Islamic State Khorasan (ISIS-K)" or "Counter Terrorism Department
// (CTD)", and returns the bracketed form and its later occurrences as
// mentions of the name's entity.
func defined(text string, toks []token, ms []found) []found {
	var out []found
	taken := func(s, e int) bool { return overlaps(ms, s, e) || overlaps(out, s, e) }
	for ti := 0; ti < len(toks); ti++ {
		t := toks[ti]
		if t.start == 0 {
			continue
		}
		open := text[t.start-1]
		if open != '(' && open != '[' {
			continue
		}
		closing := byte(')')
		if open == '[' {
			closing = ']'
		}
		// The bracket holds one to four tokens and nothing else.
		j := ti
		for j < len(toks) && j < ti+4 && toks[j].end < len(text) && text[toks[j].end] != closing {
			if j+1 >= len(toks) || !joins(text[toks[j].end:toks[j+1].start]) {
				j = -1
				break
			}
			j++
		}
		if j < 0 || j >= len(toks) || toks[j].end >= len(text) || text[toks[j].end] != closing {
			continue
		}
		form := text[t.start:toks[j].end]
		if !capitalised(form) {
			continue
		}
		// What the bracket defines: the mention just before it.
		before := strings.TrimRight(text[:t.start-1], " ")
		var def *found
		for k := range ms {
			if ms[k].end == len(before) {
				def = &ms[k]
			}
		}
		var name found
		if def != nil {
			name = *def
		} else if n, ok := initialsRun(text, toks, ti, form); ok {
			name = n
			out = append(out, name)
		} else {
			continue
		}
		if taken(t.start, toks[j].end) {
			continue
		}
		n := j - ti + 1
		mk := func(s, e int) found {
			f := name
			f.ref = name.key()
			f.start, f.end, f.text, f.via = s, e, text[s:e], "defined"
			return f
		}
		out = append(out, mk(t.start, toks[j].end))
		// Later occurrences, as written.
		for k := j + 1; k+n <= len(toks); k++ {
			same := true
			for x := 0; x < n; x++ {
				if toks[k+x].text != toks[ti+x].text || (x > 0 && !joins(text[toks[k+x-1].end:toks[k+x].start])) {
					same = false
					break
				}
			}
			if same && !taken(toks[k].start, toks[k+n-1].end) {
				out = append(out, mk(toks[k].start, toks[k+n-1].end))
			}
		}
		ti = j
	}
	return out
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// initialsRun finds the capitalised words before a bracketed acronym whose
// initials spell it: "Counter Terrorism Department (CTD)".
func initialsRun(text string, toks []token, ti int, acr string) (found, bool) {
	letters := []rune{}
	for _, r := range acr {
		if unicode.IsUpper(r) {
			letters = append(letters, r)
		}
	}
	if len(letters) < 2 || len(letters) > 8 || ti < len(letters) {
		return found{}, false
	}
	// Walk back over words, skipping small connecting words.
	k := ti - 1
	need := len(letters) - 1
	end := toks[k].end
	for k >= 0 && need >= 0 {
		w := toks[k].text
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) && r == letters[need]:
			need--
		case strings.ToLower(w) == w && len(w) <= 3: // of, the, and, e, i
		default:
			return found{}, false
		}
		if need < 0 {
			break
		}
		if k == 0 || !joins(text[toks[k-1].end:toks[k].start]) {
			return found{}, false
		}
		k--
	}
	if need >= 0 {
		return found{}, false
	}
	s := toks[k].start
	return found{start: s, end: end, text: text[s:end], typ: kb.Organization, via: "name"}, true
}

// key returns the document-level identity of a mention.
func (f found) key() string {
	if f.entry != nil {
		return "kb:" + f.entry.ID
	}
	if f.ref != "" {
		return f.ref
	}
	return "auto:" + f.typ + ":" + slug(f.text)
}

func (f found) kind() string {
	if f.entry != nil {
		return f.entry.Type
	}
	return f.typ
}

// nameParticles are not short forms of a name on their own.
var nameParticles = map[string]bool{
	"al": true, "bin": true, "ibn": true, "abu": true, "ul": true, "ur": true, "e": true, "i": true,
	"de": true, "van": true, "von": true, "el": true, "mullah": true, "maulana": true, "general": true,
	"gen": true, "mr": true, "dr": true, "sheikh": true, "haji": true, "mufti": true, "syed": true,
}

// shortForms links a capitalised word that is part of a person's name
// used earlier in the document ("Mujahid", "Chaudhry") to the most recent
// such person. A word that starts or continues another name ("Chaudhry
// Shujaat") is not a short form.
func (r *Resolver) shortForms(text string, toks []token, ms []found) []found {
	var out []found
	type person struct {
		f     found
		words []token // the name's words, tokenised once
	}
	var persons []person // in order of their start
	for _, m := range ms {
		if m.kind() == kb.Person {
			if words := tokenize(m.text); len(words) >= 2 {
				persons = append(persons, person{m, words})
			}
		}
	}
	has := func(p person, w string) bool {
		for _, nt := range p.words {
			if nt.text == w {
				return true
			}
		}
		return false
	}
	for ti := 0; ti < len(toks); ti++ {
		t := toks[ti]
		if !capitalised(t.text) || nameParticles[strings.ToLower(t.text)] || len(t.text) < 3 {
			continue
		}
		// A one-word name the tagger found is a candidate short form
		// too, whatever type it gave ("Tinubu" taken for a place);
		// anything else already found is not.
		k := covering(ms, t.start, t.end)
		tagged := k >= 0 && ms[k].via == "tagger" && ms[k].start == t.start && ms[k].end == t.end
		if k >= 0 && !tagged {
			continue
		}
		// A place the tagger found and the gazetteer knows stays a place.
		if tagged && ms[k].typ == kb.Location && r.Geo != nil {
			if _, ok := r.Geo.Resolve(t.text, nil); ok {
				continue
			}
		}
		if ti+1 < len(toks) && capitalised(toks[ti+1].text) && joins(text[t.end:toks[ti+1].start]) && !strings.ContainsAny(text[t.end:toks[ti+1].start], ".") {
			continue
		}
		if ti > 0 && capitalised(toks[ti-1].text) && joins(text[toks[ti-1].end:t.start]) && !strings.ContainsAny(text[toks[ti-1].end:t.start], ".") {
			continue
		}
		// The most recent person before; for a name the tagger found,
		// else the first person named after it ("Tinubu ... Bola
		// Tinubu", as in a headline or lead).
		var hit *person
		for p := len(persons) - 1; p >= 0; p-- {
			if persons[p].f.end <= t.start && has(persons[p], t.text) {
				hit = &persons[p]
				break
			}
		}
		if hit == nil && tagged {
			for p := range persons {
				if persons[p].f.start >= t.end && has(persons[p], t.text) {
					hit = &persons[p]
					break
				}
			}
		}
		if hit != nil {
			f := hit.f
			f.ref = f.key()
			f.start, f.end, f.text, f.via = t.start, t.end, t.text, "short"
			out = append(out, f)
		}
	}
	return out
}

// titlePhrases are the role phrases of the knowledge base, longest first.
func (r *Resolver) titlePhrases() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range r.KB.Entries {
		for _, t := range e.Titles {
			if !seen[t.Phrase] {
				seen[t.Phrase] = true
				out = append(out, t.Phrase)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// titles resolves role phrases introduced by "the" or a country's name
// ("the army chief", "Pakistan's army chief") to the person holding the
// role: the closest person in the document with that title (before the
// phrase, else after it), or, when the document is dated and names the
// country, the one person the knowledge base gives that title in that
// year. A phrase right before a name ("Foreign Secretary Aizaz Ahmad
// Chaudhry") is part of the name's sentence, not a reference.
func (r *Resolver) titles(text string, toks []token, ms []found, year int) []found {
	// A phrase found at word boundaries begins with a word of the text:
	// look only for the phrases whose first word the text has.
	maybe := make([]bool, len(r.phrases))
	for _, i := range r.byFirstWord[""] {
		maybe[i] = true
	}
	hit := false
	var buf [32]byte
	for _, t := range toks {
		if is, ok := r.byFirstWord[string(appendASCIILower(buf[:0], t.text))]; ok {
			for _, i := range is {
				maybe[i] = true
			}
			hit = true
		}
	}
	if !hit && len(r.byFirstWord[""]) == 0 {
		return nil
	}
	low := asciiLower(text) // same byte offsets as text
	var out []found
	// The countries the document names, directly or by nationality.
	countries := map[string]bool{}
	for _, m := range ms {
		if m.entry == nil {
			continue
		}
		if m.entry.Type == kb.Location && m.entry.Subtype == "country" {
			countries[m.entry.Name] = true
		}
		if m.entry.Type == kb.NORP {
			for _, c := range m.entry.Country {
				countries[c] = true
			}
		}
	}
	for pi, ph := range r.phrases {
		if !maybe[pi] {
			continue
		}
		for off := 0; ; {
			i := strings.Index(low[off:], ph)
			if i < 0 {
				break
			}
			s := off + i
			e := s + len(ph)
			off = e
			if !wordBoundary(text, s, e) || overlaps(ms, s, e) || overlaps(out, s, e) {
				continue
			}
			before := strings.TrimRight(low[:s], " ")
			if !(strings.HasSuffix(before, "the") || strings.HasSuffix(before, "’s") || strings.HasSuffix(before, "'s")) {
				continue
			}
			// Followed by a name: a title in front of a name.
			rest := strings.TrimLeft(text[e:], " ")
			if r0, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r0) {
				continue
			}
			if p := r.holder(ph, s, ms, year, countries); p != nil {
				f := *p
				f.ref = f.key()
				f.start, f.end, f.text, f.via = s, e, text[s:e], "title"
				out = append(out, f)
			}
		}
	}
	return out
}

func wordBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if isWord(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if isWord(r) {
			return false
		}
	}
	return true
}

// holder finds who a role phrase at offset at refers to.
func (r *Resolver) holder(phrase string, at int, ms []found, year int, countries map[string]bool) *found {
	has := func(m found) bool {
		if m.entry == nil || m.entry.Type != kb.Person {
			return false
		}
		for _, t := range m.entry.Titles {
			if t.Phrase == phrase && t.Holds(year) {
				return true
			}
		}
		return false
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].end <= at && has(ms[i]) {
			return &ms[i]
		}
	}
	for i := range ms {
		if ms[i].start >= at && has(ms[i]) {
			return &ms[i]
		}
	}
	if year == 0 {
		return nil // never resolve by the calendar without a date
	}
	var only *kb.Entry
	for _, e := range r.KB.Entries {
		if e.Type != kb.Person {
			continue
		}
		for _, t := range e.Titles {
			if t.Phrase == phrase && t.From != 0 && t.Holds(year) && inCountries(e, countries) {
				if only != nil && only != e {
					return nil // ambiguous
				}
				only = e
			}
		}
	}
	if only == nil {
		return nil
	}
	return &found{entry: only}
}

func inCountries(e *kb.Entry, countries map[string]bool) bool {
	for _, c := range e.Country {
		if countries[c] {
			return true
		}
	}
	return false
}

// group turns mentions into entities, in order of first mention.
func (r *Resolver) group(doc *sitrep.Document, ms []found) []sitrep.Entity {
	index := map[string]int{}
	var ents []sitrep.Entity
	for _, m := range ms {
		k := m.key()
		i, ok := index[k]
		if !ok {
			i = len(ents)
			index[k] = i
			e := sitrep.Entity{ID: k, Type: m.kind(), Aliases: []string{}}
			if m.entry == nil && strings.HasPrefix(k, "kb:") {
				m.entry = r.KB.Get(strings.TrimPrefix(k, "kb:"))
			}
			if m.entry != nil {
				e.Type = m.entry.Type
				e.Name, e.Subtype = m.entry.Name, m.entry.Subtype
				for _, rel := range m.entry.Relations {
					t := r.KB.Get(rel.Target)
					name := rel.Target
					if t != nil {
						name = t.Name
					}
					e.Relations = append(e.Relations, sitrep.EntityRelation{Type: rel.Type, Target: "kb:" + rel.Target, Name: name, Years: rel.Years()})
				}
			} else {
				e.Name = m.text
			}
			ents = append(ents, e)
		}
		e := &ents[i]
		if m.entry == nil && m.via == "tagger" && len(m.text) > len(e.Name) {
			e.Name = m.text
		}
		e.Mentions = append(e.Mentions, sitrep.EntityMention{Start: m.start, End: m.end, Text: m.text, Via: m.via})
	}
	for i := range ents {
		e := &ents[i]
		seen := map[string]bool{e.Name: true}
		for _, m := range e.Mentions {
			if m.Via != "title" && !seen[m.Text] {
				seen[m.Text] = true
				e.Aliases = append(e.Aliases, m.Text)
			}
		}
	}
	return r.placeEntities(doc, ents)
}

// placeNamesAsPlaces retypes a one-word person the tagger found as a
// location when the document uses the same word as a location ("Kabul
// said" after "in Kabul").
func placeNamesAsPlaces(ms []found) {
	places := map[string]bool{}
	for _, m := range ms {
		if m.kind() == kb.Location {
			places[m.text] = true
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.entry == nil && m.via == "tagger" && m.typ == kb.Person && places[m.text] && !strings.ContainsAny(m.text, " -") {
			m.typ = kb.Location
		}
	}
}

// appendASCIILower appends s to dst with A-Z lowered.
func appendASCIILower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		dst = append(dst, c)
	}
	return dst
}

// asciiLower lowers A-Z only, so that byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// covering returns the index of the mention overlapping [s, e), or -1.
func covering(ms []found, s, e int) int {
	for i, m := range ms {
		if m.start < e && s < m.end {
			return i
		}
	}
	return -1
}
