// Package claims scores claim extraction (Document.Claims) against the
// project's own gold set of claims, testdata/gold.jsonl, described with
// its annotation guidelines in docs/claims.md.
//
// # Gold
//
// One JSON record per gold sentence (Record): where the sentence is (a
// seed article of ../shared/corpus/seeds, or a data set file of
// ../shared/datasets with a line number or a MUC text id, and byte
// offsets), a SHA-256 prefix of its text, and its gold claims. Data set
// texts are not redistributed: they are read in place, and a sentence
// whose file is absent or whose text no longer has the recorded hash is
// skipped with a message. Seed sentences carry their text; when the seed
// files are absent, each seed article is rebuilt from its gold sentences
// at their offsets (line breaks in between), which every seed sentence
// being in the gold makes nearly the original.
//
// # Predictions
//
// For each source document (the whole article or data set record, as
// read, uncleaned, so that offsets stay) a Document{Text, Published} is
// built and run through the caller's pipeline (for sitrep eval claims,
// the analyzer's stages). A predicted claim belongs to the gold sentence
// its evidence span [Start, End) overlaps most (a zero-length span: the
// sentence holding it); predicted claims outside every gold sentence are
// not scored, since the gold covers only the sentences drawn.
//
// # Matching
//
// In each sentence, gold and predicted claims are matched one to one, as
// many as possible (a maximum bipartite matching), separately for each
// level. Actors match when they have the same entity id if both have
// one, else when their names are equal or one contains the other as
// whole words after NormName (case and punctuation folded, a leading
// article dropped); a gold actor may list alternative readings (Alt), any
// of which may match. A gold object with no name is not checked (the
// sentence names none). Cooperation is symmetric: subject and object may
// be swapped. A predicted polarity "" reads as "affirm". Levels, loosest
// first:
//
//	predicate+subject           same predicate, subject matches
//	predicate+subject+polarity  and the same polarity
//	predicate+subject+object    and the object matches (polarity not checked)
//	full                        predicate, subject, object and polarity: the headline score
//	full+speaker                and the speaker matches (an empty gold speaker is the article's
//	                            own voice, matched by an empty predicted speaker)
//	full+hedged                 and the same hedged flag
//	full+value                  and, for strength claims, the same value after NormValue
//	full+all                    full with speaker, hedged and value all correct
//
// Precision at a level is matched pairs over predicted claims, recall
// matched pairs over gold claims, F1 their harmonic mean, all summed over
// the scored sentences (micro-averaged). Per predicate, the full level's
// pairs are counted under their predicate. Recall on gold denials and on
// hedged gold claims is the full level's, restricted to those claims.
package claims

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Pipeline runs claim extraction over a built document, filling
// doc.Claims.
type Pipeline func(ctx context.Context, doc *sitrep.Document) error

// Unit is one scored gold sentence with the predicted claims assigned to
// it.
type Unit struct {
	Record *Record
	Text   string         // the sentence
	Pred   []sitrep.Claim // predicted claims whose evidence falls in it
}

// Skip is a gold sentence left out, with the reason.
type Skip struct {
	ID     string
	Set    string // SourceOf the record
	Reason string // "absent: PATH" when the file is not there
}

// Run loads the documents of the gold records, runs the pipeline over
// each and assigns the predicted claims to the gold sentences. Records
// whose source is absent or changed are returned as skipped; rebuilt
// lists the seed files rebuilt from the gold.
func Run(ctx context.Context, recs []Record, l *Loader, p Pipeline) (units []Unit, skipped []Skip, rebuilt []string, err error) {
	// Group the records by document, in gold order.
	var keys []string
	byDoc := map[string][]*Record{}
	for i := range recs {
		k := recs[i].DocKey()
		if _, ok := byDoc[k]; !ok {
			keys = append(keys, k)
		}
		byDoc[k] = append(byDoc[k], &recs[i])
	}
	seedText := map[string]string{}
	for _, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		rs := byDoc[k]
		var text string
		var ok []*Record
		for _, r := range rs {
			t, err := l.Document(r)
			if errors.Is(err, ErrAbsent) && r.Source == SourceSeed {
				rt, seen := seedText[r.File]
				if !seen {
					rt = RebuildSeed(recs, r.File)
					seedText[r.File] = rt
					rebuilt = append(rebuilt, r.File)
				}
				if r.End <= len(rt) && Hash(rt[r.Start:r.End]) == r.SHA256 {
					t, err = rt, nil
				}
			}
			if err != nil {
				reason := err.Error()
				if errors.Is(err, ErrAbsent) {
					reason = "absent: " + l.Path(r)
				}
				skipped = append(skipped, Skip{ID: r.ID, Set: SourceOf(r), Reason: reason})
				continue
			}
			text = t
			ok = append(ok, r)
		}
		if len(ok) == 0 {
			continue
		}
		doc := &sitrep.Document{Text: text}
		if ok[0].Published != "" {
			doc.Published, _ = sitrep.ParseDate(ok[0].Published)
		}
		if err := p(ctx, doc); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", k, err)
		}
		us := make([]Unit, len(ok))
		for i, r := range ok {
			us[i] = Unit{Record: r, Text: text[r.Start:r.End]}
		}
		for _, c := range doc.Claims {
			if i := unitOf(ok, c.Start, c.End); i >= 0 {
				us[i].Pred = append(us[i].Pred, c)
			}
		}
		units = append(units, us...)
	}
	return units, skipped, rebuilt, nil
}

// unitOf returns the index of the sentence the span [s, e) overlaps most,
// or -1.
func unitOf(rs []*Record, s, e int) int {
	best, bestOv := -1, 0
	for i, r := range rs {
		ov := min(e, r.End) - max(s, r.Start)
		if s == e && s >= r.Start && s < r.End {
			ov = 1
		}
		if ov > bestOv {
			best, bestOv = i, ov
		}
	}
	return best
}

// RebuildSeed rebuilds a seed article from its gold sentences: each at
// its offsets, the bytes between them line breaks.
func RebuildSeed(recs []Record, file string) string {
	n := 0
	for _, r := range recs {
		if r.Source == SourceSeed && r.File == file && r.End > n {
			n = r.End
		}
	}
	b := []byte(strings.Repeat("\n", n))
	for _, r := range recs {
		if r.Source == SourceSeed && r.File == file && len(r.Text) == r.End-r.Start {
			copy(b[r.Start:], r.Text)
		}
	}
	return string(b)
}

// Counts are matched pairs, gold and predicted claims.
type Counts struct {
	TP, Gold, Pred int
}

// P, R and F1 return precision, recall and F1 (0 when undefined).
func (c Counts) P() float64  { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64  { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 { return ratio(2*c.TP, c.Gold+c.Pred) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is a gold claim not matched, or a predicted claim not matched, at
// the full level.
type Miss struct {
	Unit  *Unit
	Gold  *Claim        // a missed gold claim
	Pred  *sitrep.Claim // a spurious prediction
	Level string        // the loosest level at which it does match, or ""
}

// Scores are the results over the scored sentences.
type Scores struct {
	Sentences int
	Levels    map[string]Counts // by level name
	Predicate map[string]Counts // full level, by predicate
	Source    map[string]Counts // full level, by data set ("seeds", "muc4", ...)
	// DenyRecall and HedgedRecall count gold denials and hedged gold
	// claims and those matched at the full level (Pred unused).
	DenyRecall, HedgedRecall Counts
	// NoKeyword counts the predicted claims in sentences drawn for
	// holding no keyword ("none" stratum) and the sentences.
	NoKeywordPred, NoKeywordSentences int
	Missed, Spurious                  []Miss
}

// SourceOf names the data set of a record: "seeds", or the first folder
// of its file.
func SourceOf(r *Record) string {
	if r.Source == SourceSeed {
		return "seeds"
	}
	s, _, _ := strings.Cut(r.File, "/")
	return s
}

// Score matches gold and predicted claims in every unit at every level.
func Score(units []Unit) *Scores {
	s := &Scores{Levels: map[string]Counts{}, Predicate: map[string]Counts{}, Source: map[string]Counts{}}
	for ui := range units {
		u := &units[ui]
		s.Sentences++
		g, p := u.Record.Claims, u.Pred
		if u.Record.Stratum == "none" {
			s.NoKeywordSentences++
			s.NoKeywordPred += len(p)
		}
		for _, lv := range Levels {
			m := maxMatching(len(g), len(p), func(i, j int) bool { return lv.Match(&g[i], &p[j]) })
			c := s.Levels[lv.Name]
			c.Gold += len(g)
			c.Pred += len(p)
			for _, j := range m {
				if j >= 0 {
					c.TP++
				}
			}
			s.Levels[lv.Name] = c
			if lv.Name != Full {
				continue
			}
			matchedPred := make([]bool, len(p))
			src := s.Source[SourceOf(u.Record)]
			src.Gold += len(g)
			src.Pred += len(p)
			for i, j := range m {
				pc := s.Predicate[g[i].Predicate]
				pc.Gold++
				if j >= 0 {
					pc.TP++
					src.TP++
					matchedPred[j] = true
				}
				s.Predicate[g[i].Predicate] = pc
				if g[i].Polarity == sitrep.PolarityDeny {
					s.DenyRecall.Gold++
					if j >= 0 {
						s.DenyRecall.TP++
					}
				}
				if g[i].Hedged {
					s.HedgedRecall.Gold++
					if j >= 0 {
						s.HedgedRecall.TP++
					}
				}
				if j < 0 {
					s.Missed = append(s.Missed, Miss{Unit: u, Gold: &g[i], Level: loosest(&g[i], p)})
				}
			}
			s.Source[SourceOf(u.Record)] = src
			for j := range p {
				pc := s.Predicate[p[j].Predicate]
				pc.Pred++
				s.Predicate[p[j].Predicate] = pc
				if !matchedPred[j] {
					s.Spurious = append(s.Spurious, Miss{Unit: u, Pred: &p[j], Level: loosestPred(g, &p[j])})
				}
			}
		}
	}
	return s
}

// loosest returns the loosest level at which g matches some prediction,
// or "".
func loosest(g *Claim, p []sitrep.Claim) string {
	for _, lv := range Levels {
		if lv.Name == Full {
			break
		}
		for j := range p {
			if lv.Match(g, &p[j]) {
				return lv.Name
			}
		}
	}
	return ""
}

func loosestPred(g []Claim, p *sitrep.Claim) string {
	for _, lv := range Levels {
		if lv.Name == Full {
			break
		}
		for i := range g {
			if lv.Match(&g[i], p) {
				return lv.Name
			}
		}
	}
	return ""
}

// PredicateNames returns the predicates of the scores in report order:
// the known ones, then any other a prediction used, sorted.
func (s *Scores) PredicateNames() []string {
	out := append([]string{}, Predicates...)
	var extra []string
	for p := range s.Predicate {
		if !validPredicate(p) {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// SourceNames returns the data set names of the scores, sorted with
// "seeds" first.
func (s *Scores) SourceNames() []string {
	var out []string
	for k := range s.Source {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i] == "seeds") != (out[j] == "seeds") {
			return out[i] == "seeds"
		}
		return out[i] < out[j]
	})
	return out
}
