package entity

// Cross-document linking: the entities of many analysed documents grouped
// into canonical entities, with every automatic merge recorded.
//
// Per-document ids stay as they are ("kb:<id>", "auto:<type>:<slug>"):
// they do not depend on which other documents are analysed. Link works on
// top of them and returns the merge map, which a store can persist.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// Corpus is the cross-document view of a set of documents' entities.
type Corpus struct {
	Entities []Canonical `json:"entities"`
	Merges   []Merge     `json:"merges"`
}

// Canonical is one actor, place or group across documents.
type Canonical struct {
	ID      string `json:"id"` // the id of the canonical member
	Name    string `json:"name"`
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
	// Aliases are every other form the documents use, in order of first use.
	Aliases   []string `json:"aliases"`
	Mentions  int      `json:"mentions"`  // mentions in all documents
	Documents []string `json:"documents"` // document ids, in input order
	// Merged are the ids merged into this one (see Corpus.Merges).
	Merged []string      `json:"merged"`
	Place  *sitrep.Place `json:"place,omitempty"`
}

// Merge records one id merged into a canonical entity and why.
type Merge struct {
	From string `json:"from"`
	Into string `json:"into"`
	// Reason is "spelling" (transliteration or spelling variants of the
	// same full name), "middle_initial" (the same full name with and
	// without a middle initial), "acronym" (the same acronym defined by
	// the same expansion, or an acronym that one expansion defines
	// across the documents), "same_place" (locations the gazetteer puts
	// at the same place) or "decision" (a "same" line of the decisions
	// file).
	Reason string `json:"reason"`
	// Via is the member From was matched with, when that is not Into.
	Via string `json:"via,omitempty"`
	// Evidence are the documents and forms the merge rests on.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is a form used in a document.
type Evidence struct {
	Document string `json:"document"`
	Form     string `json:"form"`
}

// Link groups the entities of docs across documents. Entities outside
// the knowledge base are merged when they are the same actor:
// transliteration and spelling variants of the same full name ("Sadiq
// Shinwary", "Sadiq Shinwari"), the same full name with a middle initial
// in one document only, the same acronym defined by the same (or a
// variant) expansion, a bare acronym that exactly one expansion defines
// in the documents, names the gazetteer puts at the same place. Guards:
// never two types; never two knowledge-base entities (a branch and its
// parent are two entries); never locations at different places (one id
// for two places is split, as "ID@PLACE"); a person's name must match in
// full, so that two people who share a surname stay apart, and a name
// with two different middle initials in the documents keeps all three
// forms apart; a name must match word for word, so that a branch
// ("Jamaat-ul-Ahrar Khorasan") is not its parent. The decisions d (may
// be nil) force merges ("same"), and undo them ("apart A B"; "not FORM
// ID": no entity using FORM joins ID). Documents with an id already seen
// are skipped.
func Link(docs []*sitrep.Document, d *Decisions) *Corpus {
	l := &linker{d: d, byID: map[string]int{}, docOrder: map[string]int{}}
	l.collect(docs)
	for i, n := range l.nodes {
		l.groups[i].place = n.place
	}
	l.decided()
	l.samePlace()
	l.acronyms()
	l.spelling()
	l.bareAcronyms()
	return l.result()
}

// node is one entity id across the documents.
type node struct {
	id, typ, subtype string
	kb               bool
	forms            []string            // forms in order of first use
	formDocs         map[string][]string // form → documents using it
	names            map[string]int      // the entity's name → documents
	mentions         int
	docs             []string
	place            *sitrep.Place
	defs             map[string][]Evidence // acronym → its definitions {document, expansion}
	decidedEv        []Evidence            // mentions a decision tied to it
}

type edge struct {
	a, b     int
	reason   string
	evidence []Evidence
}

type linker struct {
	d        *Decisions
	docOrder map[string]int // document id → input position
	nodes    []*node
	byID     map[string]int
	parent   []int
	groups   []*group // by root
	edges    []edge
}

// group is what union needs to know of a set of merged nodes.
type group struct {
	members []int
	kb      bool
	place   *sitrep.Place
}

// acronymLike reports whether a form is written as an acronym: one word
// of 2 to 8 characters with at least two capitals, as many as the other
// letters ("CTD", "JuA", "ISIS-K", "TTP").
func acronymLike(s string) bool {
	if len(s) < 2 || len(s) > 8 || strings.ContainsAny(s, " \u00a0") {
		return false
	}
	up, low := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			low++
		}
	}
	return up >= 2 && up >= low
}

func (l *linker) collect(docs []*sitrep.Document) {
	// Auto locations whose id stands for different places in different
	// documents are split by place.
	places := map[string]map[string]bool{}
	seen := map[string]bool{}
	for _, doc := range docs {
		if seen[doc.ID] {
			continue
		}
		seen[doc.ID] = true
		l.docOrder[doc.ID] = len(l.docOrder)
		for _, e := range doc.Entities {
			if e.Type == kb.Location && e.Place != nil && strings.HasPrefix(e.ID, "auto:") {
				if places[e.ID] == nil {
					places[e.ID] = map[string]bool{}
				}
				places[e.ID][e.Place.ID] = true
			}
		}
	}
	seen = map[string]bool{}
	for _, doc := range docs {
		if seen[doc.ID] {
			continue
		}
		seen[doc.ID] = true
		for _, e := range doc.Entities {
			id := e.ID
			if e.Place != nil && len(places[id]) > 1 {
				id += "@" + e.Place.ID
			}
			n := l.node(id, e.Type)
			if !contains(n.docs, doc.ID) {
				n.docs = append(n.docs, doc.ID)
			}
			n.names[e.Name]++
			if n.subtype == "" {
				n.subtype = e.Subtype
			}
			if n.place == nil && e.Place != nil {
				p := *e.Place
				n.place = &p
			}
			n.mentions += len(e.Mentions)
			for _, m := range e.Mentions {
				switch m.Via {
				case "title", "short":
					continue
				case "decision":
					n.decidedEv = append(n.decidedEv, Evidence{doc.ID, m.Text})
				case "defined":
					if acronymLike(m.Text) && !strings.HasPrefix(e.ID, "kb:") {
						ev := Evidence{doc.ID, e.Name}
						if !containsEv(n.defs[m.Text], ev) {
							n.defs[m.Text] = append(n.defs[m.Text], ev)
						}
					}
				}
				if _, ok := n.formDocs[m.Text]; !ok {
					n.forms = append(n.forms, m.Text)
				}
				if !contains(n.formDocs[m.Text], doc.ID) {
					n.formDocs[m.Text] = append(n.formDocs[m.Text], doc.ID)
				}
			}
		}
	}
}

func (l *linker) node(id, typ string) *node {
	if i, ok := l.byID[id]; ok {
		return l.nodes[i]
	}
	n := &node{id: id, typ: typ, kb: strings.HasPrefix(id, "kb:"), formDocs: map[string][]string{},
		names: map[string]int{}, defs: map[string][]Evidence{}}
	l.byID[id] = len(l.nodes)
	l.groups = append(l.groups, &group{members: []int{len(l.nodes)}, kb: n.kb})
	l.nodes = append(l.nodes, n)
	l.parent = append(l.parent, len(l.parent))
	return n
}

func containsEv(l []Evidence, e Evidence) bool {
	for _, x := range l {
		if x == e {
			return true
		}
	}
	return false
}

func (l *linker) find(i int) int {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

func (l *linker) members(root int) []int { return l.groups[root].members }

// union merges the groups of a and b unless a guard or a decision keeps
// them apart. Forced merges (decisions) skip the guards but not "apart".
func (l *linker) union(a, b int, reason string, ev []Evidence, forced bool) bool {
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return false
	}
	ga, gb := l.groups[ra], l.groups[rb]
	if !forced {
		if l.nodes[a].typ != l.nodes[b].typ || ga.kb && gb.kb {
			return false
		}
		if ga.place != nil && gb.place != nil && ga.place.ID != gb.place.ID {
			return false
		}
	}
	if l.d != nil && (len(l.d.apart) > 0 || len(l.d.not) > 0) {
		for _, i := range ga.members {
			for _, j := range gb.members {
				if l.apart(l.nodes[i], l.nodes[j]) {
					return false
				}
			}
		}
	}
	if len(ga.members) < len(gb.members) {
		ra, rb, ga, gb = rb, ra, gb, ga
	}
	l.parent[rb] = ra
	ga.members = append(ga.members, gb.members...)
	ga.kb = ga.kb || gb.kb
	if ga.place == nil {
		ga.place = gb.place
	}
	l.groups[rb] = nil
	l.edges = append(l.edges, edge{a, b, reason, ev})
	return true
}

// apart reports whether the decisions keep two entities apart: an
// "apart" line, or a "not FORM ID" line where one uses FORM and the
// other is ID.
func (l *linker) apart(x, y *node) bool {
	if l.d == nil {
		return false
	}
	if l.d.apart[x.id][y.id] {
		return true
	}
	for _, p := range [][2]*node{{x, y}, {y, x}} {
		for _, f := range p[0].forms {
			if l.d.not[strings.ToLower(f)][p[1].id] {
				return true
			}
		}
	}
	return false
}

// evidence lists the documents and forms of a node (at most six).
func (n *node) evidence(forms ...string) []Evidence {
	if len(forms) == 0 {
		forms = n.forms
	}
	var out []Evidence
	for _, f := range forms {
		for _, d := range n.formDocs[f] {
			if len(out) == 6 {
				return out
			}
			out = append(out, Evidence{d, f})
		}
	}
	return out
}

// decided adds the merges the decisions force ("same A B").
func (l *linker) decided() {
	if l.d == nil {
		return
	}
	for i := 0; i < len(l.nodes); i++ {
		n := l.nodes[i]
		to := l.d.target(n.id)
		if to == n.id {
			continue
		}
		j, ok := l.byID[to]
		if !ok {
			l.node(to, n.typ)
			j = l.byID[to]
			l.nodes[j].names[bestName(n)]++
			l.nodes[j].subtype = n.subtype
		}
		l.union(j, i, "decision", n.evidence(), true)
	}
}

// samePlace merges locations the gazetteer puts at the same place: auto
// entities with each other, and into the knowledge-base location there.
func (l *linker) samePlace() {
	byPlace := map[string][]int{}
	var keys []string
	for i, n := range l.nodes {
		if n.typ != kb.Location || n.place == nil {
			continue
		}
		if _, ok := byPlace[n.place.ID]; !ok {
			keys = append(keys, n.place.ID)
		}
		byPlace[n.place.ID] = append(byPlace[n.place.ID], i)
	}
	for _, k := range keys {
		is := byPlace[k]
		// The knowledge-base entity, if any, first.
		sort.SliceStable(is, func(a, b int) bool { return l.nodes[is[a]].kb && !l.nodes[is[b]].kb })
		for _, j := range is[1:] {
			if l.nodes[j].kb {
				continue
			}
			ev := append(l.nodes[is[0]].evidence(), l.nodes[j].evidence()...)
			l.union(is[0], j, "same_place", ev, false)
		}
	}
}

// acronyms merges entities outside the knowledge base that define the
// same acronym by the same expansion, up to spelling.
func (l *linker) acronyms() {
	type def struct {
		node int
		key  string
	}
	byAcr := map[string][]def{}
	var acrs []string
	for i, n := range l.nodes {
		if n.kb {
			continue
		}
		for _, a := range sortedKeys(n.defs) {
			if _, ok := byAcr[a]; !ok {
				acrs = append(acrs, a)
			}
			for _, ev := range n.defs[a] {
				byAcr[a] = append(byAcr[a], def{i, spellKey(ev.Form)})
			}
		}
	}
	for _, a := range acrs {
		ds := byAcr[a]
		for x := 0; x < len(ds); x++ {
			for y := x + 1; y < len(ds); y++ {
				if ds[x].node == ds[y].node || ds[x].key != ds[y].key || ds[x].key == "" {
					continue
				}
				nx, ny := l.nodes[ds[x].node], l.nodes[ds[y].node]
				ev := append(append([]Evidence{}, nx.defs[a]...), ny.defs[a]...)
				for i := range ev {
					ev[i].Form += " (" + a + ")"
				}
				l.union(ds[x].node, ds[y].node, "acronym", ev, false)
			}
		}
	}
}

// bareAcronyms merges an entity known only by an acronym ("JuA claimed
// the attack") into the one group whose documents define it.
func (l *linker) bareAcronyms() {
	definers := map[string]map[int]bool{} // acronym → roots
	for i, n := range l.nodes {
		for a := range n.defs {
			if definers[a] == nil {
				definers[a] = map[int]bool{}
			}
			definers[a][l.find(i)] = true
		}
	}
	for i, n := range l.nodes {
		if n.kb || len(n.defs) > 0 || len(n.forms) == 0 {
			continue
		}
		a := n.forms[0]
		bare := acronymLike(a)
		for _, f := range n.forms {
			bare = bare && f == a
		}
		if !bare || len(definers[a]) != 1 {
			continue
		}
		for root := range definers[a] {
			root = l.find(root)
			// The definer itself, for the record.
			j := root
			for _, m := range l.members(root) {
				if len(l.nodes[m].defs[a]) > 0 {
					j = m
					break
				}
			}
			if n.typ != l.nodes[j].typ && n.typ != kb.Organization {
				continue
			}
			ev := n.evidence()
			for _, d := range l.nodes[j].defs[a] {
				ev = append(ev, Evidence{d.Document, d.Form + " (" + a + ")"})
			}
			// A tagger's type for a bare acronym is a guess: the definer's wins.
			saved := n.typ
			n.typ = l.nodes[j].typ
			if !l.union(j, i, "acronym", ev, false) {
				n.typ = saved
			}
		}
	}
}

// nameKey is a form reduced for comparing spellings: its words, folded.
type nameKey struct {
	form     string
	words    []string // spellKey of each word, connectors dropped
	initials string   // single-letter words (middle initials), in order
}

// fullNames returns the forms of a node that may be compared across
// documents: names of two words or more, or for groups and places one
// word of six letters or more; never acronyms.
func fullNames(n *node) []nameKey {
	var out []nameKey
	for _, f := range n.forms {
		if acronymLike(f) {
			continue
		}
		k := keyOf(f)
		if len(k.words) == 0 {
			continue
		}
		if len(k.words) == 1 && (n.typ == kb.Person || len([]rune(k.words[0])) < 6) {
			continue
		}
		out = append(out, k)
	}
	return out
}

func keyOf(form string) nameKey {
	k := nameKey{form: form}
	toks := tokenize(stripMarks(form))
	for i, t := range toks {
		if r, n := utf8.DecodeRuneInString(t.text); n == len(t.text) && unicode.IsLetter(r) {
			if i > 0 && i+1 < len(toks) && (t.text == "e" || t.text == "i") {
				continue // a connector: "Tehreek-e-Taliban", "Tehrik-i-Taliban"
			}
			k.initials += strings.ToLower(t.text) // a middle initial: "John A. Smith"
			continue
		}
		k.words = append(k.words, spellKey(t.text))
	}
	return k
}

func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// spellKey folds a word for transliteration variants: fold (doubled
// letters, "h" after a consonant, OCR digits), then, in words of five
// letters or more, a, e, i and a final or inner y as one vowel and o and
// u as another, runs of one vowel counted once: "Shinwary" and
// "Shinwari", "Mohammad", "Muhammad" and "Mohammed", "Tehreek" and
// "Tehrik" fold alike; "Ali" and "Ala" do not.
func spellKey(s string) string {
	var words []string
	for _, t := range tokenize(stripMarks(s)) {
		f := fold(t.text)
		if len(f) < 5 {
			words = append(words, f)
			continue
		}
		var b []byte
		for i := 0; i < len(f); i++ {
			c := f[i]
			switch c {
			case 'a', 'e', 'i':
				c = 'e'
			case 'o', 'u':
				c = 'o'
			case 'y':
				if i > 0 {
					c = 'e'
				}
			}
			if (c == 'e' || c == 'o') && len(b) > 0 && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
		words = append(words, string(b))
	}
	return strings.Join(words, " ")
}

// spelling merges entities outside the knowledge base whose full names
// are spelling variants of each other, word for word: the same keys
// ("spelling"), or the same keys and middle initials in one of them only
// ("middle_initial"), or one long word one letter apart ("spelling").
func (l *linker) spelling() {
	type cand struct {
		node int
		key  nameKey
	}
	byWords := map[string][]cand{} // typ | words without initials
	var order []string
	for i, n := range l.nodes {
		if n.kb {
			continue
		}
		for _, k := range fullNames(n) {
			s := n.typ + "|" + strings.Join(k.words, " ")
			if _, ok := byWords[s]; !ok {
				order = append(order, s)
			}
			byWords[s] = append(byWords[s], cand{i, k})
		}
	}
	for _, s := range order {
		cs := byWords[s]
		// Middle initials: with two different ones, the names are of
		// different people and the form without one could be either.
		inits := map[string]bool{}
		for _, c := range cs {
			if c.key.initials != "" {
				inits[c.key.initials] = true
			}
		}
		for x := 0; x < len(cs); x++ {
			for y := x + 1; y < len(cs); y++ {
				a, b := cs[x], cs[y]
				if a.node == b.node {
					continue
				}
				reason := "spelling"
				if a.key.initials != b.key.initials {
					if a.key.initials != "" && b.key.initials != "" || len(inits) > 1 || l.nodes[a.node].typ != kb.Person {
						continue
					}
					reason = "middle_initial"
				}
				ev := append(l.nodes[a.node].evidence(a.key.form), l.nodes[b.node].evidence(b.key.form)...)
				l.union(a.node, b.node, reason, ev, false)
			}
		}
	}
	// One long word one letter apart ("Zabihullah", "Zabiullah"), for
	// people and places, when it is the only such match.
	for x, sx := range order {
		a := byWords[sx][0]
		na := l.nodes[a.node]
		if na.typ != kb.Person && na.typ != kb.Location {
			continue
		}
		match, count := -1, 0
		for y, sy := range order {
			if y == x {
				continue
			}
			b := byWords[sy][0]
			if l.nodes[b.node].typ != na.typ || a.key.initials != b.key.initials || !oneWordApart(a.key.words, b.key.words) {
				continue
			}
			match, count = y, count+1
		}
		if count != 1 {
			continue
		}
		b := byWords[order[match]][0]
		ev := append(na.evidence(a.key.form), l.nodes[b.node].evidence(b.key.form)...)
		l.union(a.node, b.node, "spelling", ev, false)
	}
}

// oneWordApart reports whether two word lists differ in one word only,
// of six letters or more in both, by one edit.
func oneWordApart(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	x, y := a[diff], b[diff]
	if len(x) < 6 || len(y) < 6 || abs(len(x)-len(y)) > 1 || strings.ContainsAny(x+y, "0123456789") {
		return false
	}
	return within1(x, y)
}

func bestName(n *node) string {
	best, bestN := "", -1
	for _, k := range sortedKeys(n.names) {
		c := n.names[k]
		if c > bestN || c == bestN && len(k) > len(best) {
			best, bestN = k, c
		}
	}
	return best
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// result builds the canonical entities and the merge records.
func (l *linker) result() *Corpus {
	c := &Corpus{Entities: []Canonical{}, Merges: []Merge{}}
	targets := map[string]bool{}
	if l.d != nil {
		for _, to := range l.d.same {
			targets[l.d.target(to)] = true
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range l.nodes {
		r := l.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	adj := map[int][]int{} // node → edges
	for k, e := range l.edges {
		adj[e.a] = append(adj[e.a], k)
		adj[e.b] = append(adj[e.b], k)
	}
	for _, r := range roots {
		ms := groups[r]
		canon := ms[0]
		better := func(i, j int) bool { // is i a better canonical member than j?
			a, b := l.nodes[i], l.nodes[j]
			switch {
			case a.kb != b.kb:
				return a.kb
			case targets[a.id] != targets[b.id]:
				return targets[a.id]
			case len(a.docs) != len(b.docs):
				return len(a.docs) > len(b.docs)
			case a.mentions != b.mentions:
				return a.mentions > b.mentions
			}
			return i < j
		}
		for _, i := range ms[1:] {
			if better(i, canon) {
				canon = i
			}
		}
		cn := l.nodes[canon]
		ce := Canonical{ID: cn.id, Name: bestName(cn), Type: cn.typ, Subtype: cn.subtype,
			Aliases: []string{}, Documents: []string{}, Merged: []string{}, Place: cn.place}
		seenAlias := map[string]bool{ce.Name: true}
		for _, i := range ms {
			n := l.nodes[i]
			ce.Mentions += n.mentions
			for _, d := range n.docs {
				if !contains(ce.Documents, d) {
					ce.Documents = append(ce.Documents, d)
				}
			}
			for _, f := range append(append([]string{}, n.forms...), sortedKeys(n.names)...) {
				if f != "" && !seenAlias[f] {
					seenAlias[f] = true
					ce.Aliases = append(ce.Aliases, f)
				}
			}
			if ce.Place == nil && n.place != nil {
				ce.Place = n.place
			}
			if ce.Subtype == "" {
				ce.Subtype = n.subtype
			}
		}
		// Merge records along the links, from the canonical member out.
		seen := map[int]bool{canon: true}
		queue := []int{canon}
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			for _, k := range adj[i] {
				e := l.edges[k]
				j := e.a
				if j == i {
					j = e.b
				}
				if seen[j] {
					continue
				}
				seen[j] = true
				queue = append(queue, j)
				m := Merge{From: l.nodes[j].id, Into: cn.id, Reason: e.reason, Evidence: e.evidence}
				if i != canon {
					m.Via = l.nodes[i].id
				}
				if m.Evidence == nil {
					m.Evidence = []Evidence{}
				}
				c.Merges = append(c.Merges, m)
				ce.Merged = append(ce.Merged, m.From)
			}
		}
		// "same A B" where A was already rewritten in the documents.
		if l.d != nil {
			for _, from := range sortedKeys(l.d.same) {
				if _, ok := l.byID[from]; ok {
					continue
				}
				to, ok := l.byID[l.d.target(from)]
				if !ok || l.find(to) != r || len(l.nodes[to].decidedEv) == 0 {
					continue
				}
				c.Merges = append(c.Merges, Merge{From: from, Into: cn.id, Reason: "decision", Evidence: l.nodes[to].decidedEv})
				ce.Merged = append(ce.Merged, from)
			}
		}
		if len(ce.Documents) == 0 {
			continue // a decision's target that no document uses
		}
		sort.Strings(ce.Merged)
		sort.SliceStable(ce.Documents, func(i, j int) bool { return l.docOrder[ce.Documents[i]] < l.docOrder[ce.Documents[j]] })
		c.Entities = append(c.Entities, ce)
	}
	sort.SliceStable(c.Entities, func(i, j int) bool {
		a, b := c.Entities[i], c.Entities[j]
		if len(a.Documents) != len(b.Documents) {
			return len(a.Documents) > len(b.Documents)
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.ID < b.ID
	})
	sort.SliceStable(c.Merges, func(i, j int) bool {
		a, b := c.Merges[i], c.Merges[j]
		if a.Into != b.Into {
			return a.Into < b.Into
		}
		return a.From < b.From
	})
	return c
}
