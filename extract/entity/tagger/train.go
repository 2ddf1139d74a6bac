package tagger

import (
	"fmt"
	"io"
	"math/rand"
	"slices"
	"strings"
)

// Example is a training or evaluation sentence: words and BIO labels
// (indices into Labels).
type Example struct {
	Source string
	Words  []string
	Labels []int
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs   int
	Seed     int64
	MinCount int       // features seen fewer times are dropped
	Log      io.Writer // per-epoch progress, may be nil
}

// Train fits a structured averaged perceptron on train and returns the
// averaged model of the epoch with the best dev F1 (the last epoch when
// dev is empty). The result depends only on the data, in order, and the
// options.
func Train(train, dev []Example, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 1
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	// words usually written in lower case
	lc, all := map[string]int{}, map[string]int{}
	for _, ex := range train {
		for i, w := range ex.Words {
			lw := strings.ToLower(normWord(w))
			all[lw]++
			if i > 0 && lw == w {
				lc[lw]++
			}
		}
	}
	seen := map[string]bool{}
	for w, n := range lc {
		if n >= 2 && n*2 >= all[w] && len(w) < 256 {
			seen[w] = true
		}
	}
	// features of every token
	type sent struct {
		feats  [][]uint32
		labels []int
	}
	s := new(scratch)
	extract := func(ex Example) [][]uint32 {
		words := make([]string, len(ex.Words))
		for i, w := range ex.Words {
			words[i] = normWord(w)
		}
		s.infos = analyse(words, s.infos)
		out := make([][]uint32, len(words))
		for i := range words {
			out[i] = slices.Clone(tokenFeatures(s.feats[:0], s.infos, i, seen))
		}
		return out
	}
	count := map[uint32]int{}
	data := make([]sent, len(train))
	for k, ex := range train {
		data[k] = sent{extract(ex), ex.Labels}
		for _, fs := range data[k].feats {
			for _, h := range fs {
				count[fixKey(h)]++
			}
		}
	}
	keys := make([]uint32, 0, len(count))
	for h, n := range count {
		if n >= opt.MinCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	m := newModel(len(keys))
	m.lowerSeen = seen
	for i, h := range keys {
		m.insert(h, int32(i))
	}
	logf("training on %d sentences, %d features (of %d)\n", len(train), len(keys), len(count))
	// rows of features per token
	rows := make([][][]int32, len(data))
	for k, d := range data {
		rows[k] = make([][]int32, len(d.feats))
		for i, fs := range d.feats {
			for _, h := range fs {
				if r := m.lookup(h); r >= 0 {
					rows[k][i] = append(rows[k][i], r)
				}
			}
		}
		data[k].feats = nil
	}
	w := make([]float32, len(keys)*nL)
	u := make([]float64, len(keys)*nL) // sum of c·update, for averaging
	var tw [nL + 1][nL]float32
	var tu [nL + 1][nL]float64
	c := 1.0
	rng := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestF := -1.0
	var scores []float32
	var back []int8
	var pred []int
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, k := range order {
			r := rows[k]
			gold := data[k].labels
			n := len(r)
			if n == 0 {
				continue
			}
			if cap(scores) < n*nL {
				scores = make([]float32, n*nL)
				back = make([]int8, n*nL)
			}
			scores = scores[:n*nL]
			clear(scores)
			for i, fs := range r {
				sc := scores[i*nL : i*nL+nL]
				for _, f := range fs {
					wr := w[int(f)*nL : int(f)*nL+nL]
					for l := range nL {
						sc[l] += wr[l]
					}
				}
			}
			pred = viterbi(scores, &tw, pred, back)
			toks += n
			if slices.Equal(pred, gold) {
				c++
				continue
			}
			prevG, prevP := nL, nL
			for i := range n {
				g, p := gold[i], pred[i]
				if g != p {
					errs++
					for _, f := range r[i] {
						w[int(f)*nL+g]++
						u[int(f)*nL+g] += c
						w[int(f)*nL+p]--
						u[int(f)*nL+p] -= c
					}
				}
				if g != p || prevG != prevP {
					tw[prevG][g]++
					tu[prevG][g] += c
					tw[prevP][p]--
					tu[prevP][p] -= c
				}
				prevG, prevP = g, p
			}
			c++
		}
		// averaged weights
		avg := &Model{slots: m.slots, mask: m.mask, lowerSeen: seen, w: make([]float32, len(w))}
		for i := range w {
			avg.w[i] = float32(float64(w[i]) - u[i]/c)
		}
		for a := range tw {
			for b := range tw[a] {
				avg.trans[a][b] = float32(float64(tw[a][b]) - tu[a][b]/c)
			}
		}
		msg := fmt.Sprintf("epoch %2d: train token errors %.4f", epoch, float64(errs)/float64(max(toks, 1)))
		if len(dev) > 0 {
			sc := Evaluate(avg, dev)
			msg += "  dev " + sc.String()
			if sc.Micro.F1() > bestF {
				bestF, best = sc.Micro.F1(), avg
			}
		} else {
			best = avg
		}
		logf("%s\n", msg)
	}
	return best
}

// PRF counts true positives, false positives and false negatives.
type PRF struct{ TP, FP, FN int }

// Precision returns TP / (TP + FP).
func (p PRF) Precision() float64 { return div(p.TP, p.TP+p.FP) }

// Recall returns TP / (TP + FN).
func (p PRF) Recall() float64 { return div(p.TP, p.TP+p.FN) }

// F1 returns the harmonic mean of precision and recall.
func (p PRF) F1() float64 { return div(2*p.TP, 2*p.TP+p.FP+p.FN) }

// Add adds counts.
func (p *PRF) Add(q PRF) { p.TP += q.TP; p.FP += q.FP; p.FN += q.FN }

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are strict span-and-type scores per type; Micro is over
// person, organization and location.
type Scores struct {
	Types map[string]*PRF
	Micro PRF
}

func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "P/R/F1 %.3f/%.3f/%.3f", s.Micro.Precision(), s.Micro.Recall(), s.Micro.F1())
	for _, t := range []string{Person, Organization, Location, NORP} {
		if p := s.Types[t]; p != nil {
			fmt.Fprintf(&b, " %s %.3f", t[:3], p.F1())
		}
	}
	return b.String()
}

// Spans returns the typed spans [start, end) of a BIO label sequence.
func Spans(labels []int) map[[2]int]string {
	out := map[[2]int]string{}
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 {
			i++
			continue
		}
		typ := Labels[l][2:]
		j := i + 1
		for j < len(labels) && labels[j] != 0 && Labels[labels[j]][0] == 'I' && Labels[labels[j]][2:] == typ {
			j++
		}
		out[[2]int{i, j}] = typeNames[typ]
		i = j
	}
	return out
}

// Compare adds the strict matches of predicted and gold spans to s.
func (s *Scores) Compare(gold, pred map[[2]int]string) {
	if s.Types == nil {
		s.Types = map[string]*PRF{}
	}
	get := func(t string) *PRF {
		if s.Types[t] == nil {
			s.Types[t] = &PRF{}
		}
		return s.Types[t]
	}
	micro := func(t string) bool { return t == Person || t == Organization || t == Location }
	for sp, t := range pred {
		if gold[sp] == t {
			get(t).TP++
			if micro(t) {
				s.Micro.TP++
			}
		} else {
			get(t).FP++
			if micro(t) {
				s.Micro.FP++
			}
		}
	}
	for sp, t := range gold {
		if pred[sp] != t {
			get(t).FN++
			if micro(t) {
				s.Micro.FN++
			}
		}
	}
}

// Evaluate scores a model on labelled sentences.
func Evaluate(m *Model, exs []Example) Scores {
	var sc Scores
	s := new(scratch)
	for _, ex := range exs {
		s.words = s.words[:0]
		for _, w := range ex.Words {
			s.words = append(s.words, normWord(w))
		}
		pred := m.label(s, s.words)
		sc.Compare(Spans(ex.Labels), Spans(pred))
	}
	return sc
}
