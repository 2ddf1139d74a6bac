package attribution

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Prediction is a system's attribution, in the terms of the metric.
type Prediction struct {
	Content []sitrep.Span
	// Source is the speaker's span; HasSource tells whether the
	// prediction names a speaker at all (a span or a speaker text).
	Source    sitrep.Span
	HasSource bool
	Cue       sitrep.Span
	Direct    bool
}

// FromQuote returns the prediction of a sitrep quote: its content is
// Parts when present, else [Start, End).
func FromQuote(q sitrep.Quote) Prediction {
	p := Prediction{
		Source:    sitrep.Span{Start: q.Speaker.Start, End: q.Speaker.End},
		HasSource: q.Speaker.End > q.Speaker.Start || strings.TrimSpace(q.Speaker.Text) != "",
		Cue:       sitrep.Span{Start: q.CueStart, End: q.CueEnd},
		Direct:    q.Direct,
	}
	if len(q.Parts) > 0 {
		p.Content = slices.Clone(q.Parts)
	} else {
		p.Content = []sitrep.Span{{Start: q.Start, End: q.End}}
	}
	return p
}

// FromQuotes returns the predictions of a document's quotes.
func FromQuotes(qs []sitrep.Quote) []Prediction {
	out := make([]Prediction, len(qs))
	for i, q := range qs {
		out[i] = FromQuote(q)
	}
	return out
}

// trimmed reports whether r is trimmed from the ends of a fragment.
func trimmed(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",.:;\"“”'‘’—–", r)
}

// Normalize returns the fragments trimmed of white space and of the
// punctuation , . : ; " “ ” ' ‘ ’ — – at both ends, empty ones dropped,
// sorted, and merged where they overlap or touch.
func Normalize(text string, frags []sitrep.Span) []sitrep.Span {
	var out []sitrep.Span
	for _, f := range frags {
		f = clamp(f, len(text))
		for f.Start < f.End {
			r, n := utf8.DecodeRuneInString(text[f.Start:f.End])
			if !trimmed(r) {
				break
			}
			f.Start += n
		}
		for f.End > f.Start {
			r, n := utf8.DecodeLastRuneInString(text[f.Start:f.End])
			if !trimmed(r) {
				break
			}
			f.End -= n
		}
		if f.End > f.Start {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b sitrep.Span) int { return a.Start - b.Start })
	merged := out[:0]
	for _, f := range out {
		if k := len(merged) - 1; k >= 0 && f.Start <= merged[k].End {
			merged[k].End = max(merged[k].End, f.End)
			continue
		}
		merged = append(merged, f)
	}
	return merged
}

// overlap returns the bytes two sorted, disjoint span sets share.
func overlap(a, b []sitrep.Span) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		if lo, hi := max(a[i].Start, b[j].Start), min(a[i].End, b[j].End); hi > lo {
			n += hi - lo
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	return n
}

// touches reports whether span s shares a byte with one of the spans.
func touches(spans []sitrep.Span, s sitrep.Span) bool {
	for _, f := range spans {
		if min(f.End, s.End) > max(f.Start, s.Start) {
			return true
		}
	}
	return false
}

// SourceCorrect reports whether the prediction's speaker agrees with the
// gold source: its span overlaps a Source fragment, or, for gold without
// a Source, the prediction names no speaker.
func SourceCorrect(g Attribution, p Prediction) bool {
	if len(g.Source) == 0 {
		return !p.HasSource
	}
	return touches(g.Source, p.Source)
}

// Counts are the tallies of one subset (direct or all).
type Counts struct {
	Gold, Pred int
	// Matched pairs: by exact and by overlapping content, and those of
	// them whose source is correct.
	ContentExact, ContentOverlap int
	SourceExact, SourceOverlap   int
	// Cue accuracy over the overlap-matched pairs whose gold has a Cue.
	CuePairs, CueCorrect int
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.ContentExact += o.ContentExact
	c.ContentOverlap += o.ContentOverlap
	c.SourceExact += o.SourceExact
	c.SourceOverlap += o.SourceOverlap
	c.CuePairs += o.CuePairs
	c.CueCorrect += o.CueCorrect
}

// PRF is a precision, recall and F1.
type PRF struct{ P, R, F1 float64 }

// PRF returns the scores of matched pairs among c's predictions and gold.
func (c Counts) PRF(matched int) PRF {
	var s PRF
	if c.Pred > 0 {
		s.P = float64(matched) / float64(c.Pred)
	}
	if c.Gold > 0 {
		s.R = float64(matched) / float64(c.Gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Error kinds.
const (
	Missed   = "missed"   // a gold attribution no prediction overlaps
	Spurious = "spurious" // a prediction no gold attribution overlaps
	Source   = "source"   // an overlap-matched pair with a wrong source
)

// Error is one error of the overlap matching of the "all" subset.
type Error struct {
	Kind string
	Gold *Attribution // nil for Spurious
	Pred *Prediction  // nil for Missed
}

// Result is the scoring of one document.
type Result struct {
	Direct, All Counts
	Errors      []Error
}

// Score scores the predictions of one document against its gold
// attributions (see the package documentation).
func Score(text string, gold []Attribution, pred []Prediction) Result {
	var res Result
	var dg []Attribution
	var dp []Prediction
	for _, g := range gold {
		if g.Direct {
			dg = append(dg, g)
		}
	}
	for _, p := range pred {
		if p.Direct {
			dp = append(dp, p)
		}
	}
	res.Direct, _ = score(text, dg, dp)
	var pairs []int
	res.All, pairs = score(text, gold, pred)
	used := make([]bool, len(pred))
	for gi, pi := range pairs {
		if pi < 0 {
			res.Errors = append(res.Errors, Error{Kind: Missed, Gold: &gold[gi]})
			continue
		}
		used[pi] = true
		if !SourceCorrect(gold[gi], pred[pi]) {
			res.Errors = append(res.Errors, Error{Kind: Source, Gold: &gold[gi], Pred: &pred[pi]})
		}
	}
	for pi := range pred {
		if !used[pi] {
			res.Errors = append(res.Errors, Error{Kind: Spurious, Pred: &pred[pi]})
		}
	}
	return res
}

// score matches one subset and returns its counts and, for each gold
// attribution, the index of its overlap-matched prediction or -1.
func score(text string, gold []Attribution, pred []Prediction) (Counts, []int) {
	c := Counts{Gold: len(gold), Pred: len(pred)}
	gn := make([][]sitrep.Span, len(gold))
	for i, g := range gold {
		gn[i] = Normalize(text, g.Content)
	}
	pn := make([][]sitrep.Span, len(pred))
	for i, p := range pred {
		pn[i] = Normalize(text, p.Content)
	}
	type cand struct {
		g, p, shared int
		srcOK        bool
	}
	var exact, over []cand
	for gi := range gold {
		for pi := range pred {
			n := overlap(gn[gi], pn[pi])
			if n == 0 {
				continue
			}
			cd := cand{gi, pi, n, SourceCorrect(gold[gi], pred[pi])}
			over = append(over, cd)
			if slices.Equal(gn[gi], pn[pi]) {
				exact = append(exact, cd)
			}
		}
	}
	greedy := func(cs []cand, byShared bool) []cand {
		slices.SortStableFunc(cs, func(a, b cand) int {
			if byShared && a.shared != b.shared {
				return b.shared - a.shared
			}
			if a.srcOK != b.srcOK {
				if a.srcOK {
					return -1
				}
				return 1
			}
			if a.g != b.g {
				return a.g - b.g
			}
			return a.p - b.p
		})
		gUsed, pUsed := make([]bool, len(gold)), make([]bool, len(pred))
		var out []cand
		for _, cd := range cs {
			if !gUsed[cd.g] && !pUsed[cd.p] {
				gUsed[cd.g], pUsed[cd.p] = true, true
				out = append(out, cd)
			}
		}
		return out
	}
	for _, cd := range greedy(exact, false) {
		c.ContentExact++
		if cd.srcOK {
			c.SourceExact++
		}
	}
	pairs := make([]int, len(gold))
	for i := range pairs {
		pairs[i] = -1
	}
	for _, cd := range greedy(over, true) {
		pairs[cd.g] = cd.p
		c.ContentOverlap++
		if cd.srcOK {
			c.SourceOverlap++
		}
		if len(gold[cd.g].Cue) > 0 {
			c.CuePairs++
			if touches(gold[cd.g].Cue, pred[cd.p].Cue) {
				c.CueCorrect++
			}
		}
	}
	return c, pairs
}
