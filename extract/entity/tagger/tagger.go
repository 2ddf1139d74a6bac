// Package tagger finds names of people, organisations, places and
// nationality, religious or political groups (NORP) in English news text
// with a linear sequence model: a structured averaged perceptron over
// lexical, shape, context and word-list features, decoded with Viterbi
// under BIO constraints. The model is trained by ./train on openly
// licensed data and embedded in the package (see README.md).
package tagger

import (
	"sync"
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
		sc := s.scores[i*nL : i*nL+nL]
		for _, h := range s.feats {
			if r := m.lookup(h); r >= 0 {
				w := m.w[int(r)*nL : int(r)*nL+nL]
				for l := range nL {
					sc[l] += w[l]
				}
			}
		}
	}
	s.labels = viterbi(s.scores, &m.trans, s.labels, s.back)
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
			start, end := sent[i].Start, sent[j-1].End
			out = append(out, Mention{Start: start, End: end, Text: text[start:end], Type: typeNames[Labels[l][2:]]})
			i = j
		}
	}
	return out
}
