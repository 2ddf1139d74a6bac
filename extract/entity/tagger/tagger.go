// Package tagger finds names of people, organisations, places and
// nationality, religious or political groups (NORP) in English news text
// with a linear sequence model: a structured averaged perceptron over
// lexical, shape, context and word-list features, decoded with Viterbi
// under BIO constraints. The model is trained by ./train on openly
// licensed data and embedded in the package (see README.md).
package tagger

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mention types.
const (
	Person       = "person"
	Organization = "organization"
	Location     = "location"
	NORP         = "norp"
)

// Mention is a name found in a text: the half-open byte range
// [Start, End) of the text, the text itself and its type.
type Mention struct {
	Start, End int
	Text, Type string
}

// Tagger tags texts with a model. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool
}

type scratch struct {
	words  []string
	infos  []wordInfo
	feats  []uint32
	lookup lookupBuf
	scores []float32
	back   []int8
	labels []int
}

// New returns a tagger for a model.
func New(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return new(scratch) }
	return t
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// label runs the model on one sentence of normalised words.
func (m *Model) label(s *scratch, words []string) []int {
	s.infos = analyse(words, s.infos)
	n := len(words)
	if cap(s.scores) < n*nL {
		s.scores = make([]float32, n*nL)
		s.back = make([]int8, n*nL)
	}
	s.scores = s.scores[:n*nL]
	clear(s.scores)
	for i := range n {
		s.feats = tokenFeatures(s.feats[:0], s.infos, i, m.lowerSeen)
		m.addWeights((*[nL]float32)(s.scores[i*nL:]), s.feats, &s.lookup)
	}
	s.labels = viterbi(s.scores, &m.trans, s.labels, s.back)
	applyRules(s.infos, s.labels)
	return s.labels
}

// LabelWords returns the BIO labels (indices into Labels) of one
// sentence of words.
func (m *Model) LabelWords(words []string) []int {
	s := new(scratch)
	for _, w := range words {
		s.words = append(s.words, normWord(w))
	}
	return append([]int(nil), m.label(s, s.words)...)
}

// Tag returns the mentions of text in order. Offsets are byte offsets
// into text.
func (t *Tagger) Tag(text string) []Mention {
	toks := Tokenize(text)
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	var out []Mention
	for _, sent := range splitSentences(text, toks) {
		s.words = s.words[:0]
		for _, tk := range sent {
			s.words = append(s.words, normWord(text[tk.Start:tk.End]))
		}
		labels := t.m.label(s, s.words)
		for i := 0; i < len(labels); {
			l := labels[i]
			if l == 0 || l%2 == 0 { // O, or a stray I- (cannot happen under Viterbi)
				i++
				continue
			}
			j := i + 1
			for j < len(labels) && labels[j] == l+1 {
				j++
			}
			if m, ok := tidy(text, sent[i:j], typeNames[Labels[l][2:]]); ok {
				out = append(out, m)
			}
			i = j
		}
	}
	return out
}

// honorifics are titles that only ever precede a person's name.
var honorifics = map[string]bool{}

// titleWords make up honorific phrases with pronouns and titles ("His
// Highness", "Her Majesty", "First Lady").
var titleWords = map[string]bool{"highness": true, "majesty": true, "excellency": true, "holiness": true,
	"first": true, "lady": true, "honourable": true, "honorable": true, "royal": true}

// notNames are words that are capitalised in news text (at the start of
// a sentence, in headlines, as acronyms) but are not names on their own:
// function words, generic institution nouns and common acronyms of
// roles, documents and things.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mr. mrs mrs. ms ms. dr dr. gen gen. lt lt. col col. maj maj. capt capt.
		sgt sgt. brig brig. adm adm. gov gov. sen sen. rep rep. rev rev. prof prof. sheikh shaikh sheik
		mullah mulla maulana maulvi mufti hazrat syed sayed ayatollah sir dame lord lady madam mrs`) {
		honorifics[w] = true
	}
	for _, w := range strings.Fields(`i my me mine we our us's this that these those there here it its he his she
		her they their them you your nobody everybody somebody anybody everyone someone anyone none all both
		each every either neither some many most much more few other another such what which who whom whose
		when where why how if then than but and or nor so yet also too very moreover however meanwhile
		furthermore therefore thus hence hopefully obviously clearly indeed instead otherwise nevertheless
		nonetheless accordingly additionally besides finally firstly secondly lastly consequently similarly
		likewise still already now today tomorrow yesterday tonight please thanks yes no not
		government state states opposition office agency party republic city country nation province
		district region capital ministry department authority authorities police army court committee
		commission council president minister chairman director secretary senator governor mayor
		ceo cfo coo cto md mp mps mla mlas mna mpa pm dg dig igp sho ssp dsp fir ngo ngos ai covid covid-19
		sms gdp mou mous ipo ict hiv vip vips ev evs nft nfts atm atms tv pc ok gst vat usd pdf faq
		ceos q&a tb pcr dna rna icu ppe hh hrh`) {
		notNames[w] = true
	}
}

// tidy applies the conventions of names to a span of tokens labelled typ:
// leading honorifics and titles are not part of a person's name ("Mr
// [Kato]", "Gen [Prawit]", "President [Ruto]"), and a name after an
// honorific is a person; a single word that is not a name on its own
// ("Government", "CEO", "Moreover") is dropped; so is a span that, once
// its titles are gone, starts in lower case ("Minister of Health").
func tidy(text string, toks []Token, typ string) (Mention, bool) {
	k := 0
	for k < len(toks)-1 {
		w := strings.ToLower(text[toks[k].Start:toks[k].End])
		if honorifics[w] {
			typ = Person
		} else if typ != Person || lexicon[w]&lexTitle == 0 {
			break
		}
		k++
	}
	toks = toks[k:]
	first, _ := utf8.DecodeRuneInString(text[toks[0].Start:])
	if k > 0 && !unicode.IsUpper(first) {
		return Mention{}, false
	}
	// Titles, honorifics and pronouns alone are not names: "Imam",
	// "His Highness", "First Lady".
	allTitles := true
	for _, tk := range toks {
		w := strings.ToLower(normWord(text[tk.Start:tk.End]))
		if !(honorifics[w] || lexicon[w]&lexTitle != 0 || notNames[w] || titleWords[w]) {
			allTitles = false
			break
		}
	}
	if allTitles {
		return Mention{}, false
	}
	start, end := toks[0].Start, toks[len(toks)-1].End
	return Mention{Start: start, End: end, Text: text[start:end], Type: typ}, true
}
