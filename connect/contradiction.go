package connect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Contradiction kinds.
const (
	// KindSpeakersDisagree: one speaker affirmed a proposition another
	// denied.
	KindSpeakersDisagree = "speakers_disagree"
	// KindStanceChanged: one speaker both affirmed and denied a
	// proposition, on different dates (Ordered) or on the same date or
	// undated.
	KindStanceChanged = "stance_changed"
	// KindConflictingFigures: the reports of one incident give figures
	// of one kind beyond FigureTolerance of each other.
	KindConflictingFigures = "conflicting_figures"
	// KindCompetingClaims: different groups claimed one incident, or one
	// claimed it while another was blamed.
	KindCompetingClaims = "competing_claims"
)

// Contradiction is a disagreement worth an analyst's look, with both
// sides and their evidence.
type Contradiction struct {
	// Kind is one of the Kind* constants.
	Kind string `json:"kind"`
	// Score ranks contradictions, from 1 (firm statements by identified
	// speakers) down; the rule is in docs/connect.md.
	Score float64 `json:"score"`
	// Hedged is true when the strongest pair of opposed stances has a
	// hedged side.
	Hedged bool `json:"hedged"`
	// Summary is one readable line.
	Summary string `json:"summary"`

	// Proposition is the proposition disputed (claims kinds).
	Proposition *PropositionRef `json:"proposition,omitempty"`
	// Affirmed and Denied are the opposed stances: every stance of the
	// proposition for speakers_disagree, the speaker's own for
	// stance_changed.
	Affirmed []Stance `json:"affirmed,omitempty"`
	Denied   []Stance `json:"denied,omitempty"`
	// Speaker is who changed stance (stance_changed); Ordered tells
	// whether their stances have different dates, so that the change has
	// a direction.
	Speaker *ActorRef `json:"speaker,omitempty"`
	Ordered bool      `json:"ordered,omitempty"`

	// Incident is the incident disputed (incident kinds); Figures are its
	// figures of the conflicting kind, Perpetrators its perpetrators.
	Incident     *IncidentRef        `json:"incident,omitempty"`
	FigureKind   string              `json:"figure_kind,omitempty"`
	Figures      []ReportedFigure    `json:"figures,omitempty"`
	Perpetrators []MergedPerpetrator `json:"perpetrators,omitempty"`
}

// PropositionRef names a proposition.
type PropositionRef struct {
	Key       string   `json:"key"`
	Subject   ActorRef `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    ActorRef `json:"object"`
}

// IncidentRef names a merged incident.
type IncidentRef struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Date    string `json:"date"`
	Place   string `json:"place"`
	Reports int    `json:"reports"`
}

// Stance weights of the ranking (docs/connect.md).
const (
	hedgedWeight    = 0.5 // a hedged stance counts half
	wordsWeight     = 0.8 // a speaker known only by words, or the article's voice
	unorderedWeight = 0.6 // a stance change with no dated direction
	orderedWeight   = 0.9 // a dated stance change
)

// Contradictions lists the contradictions among propositions (from
// ClaimMatrix) and merged incidents (from MergeIncidents), strongest
// first; ties by kind, then the date of the latest stance or incident
// (the latest first), then key.
func Contradictions(props []Proposition, incidents []MergedIncident) []Contradiction {
	var out []Contradiction
	for i := range props {
		out = append(out, propositionContradictions(&props[i])...)
	}
	for i := range incidents {
		out = append(out, incidentContradictions(&incidents[i])...)
	}
	// Sort keys once: the latest date involved is a walk over stances.
	type cKey struct {
		score  float64
		kind   int
		latest period
		basis  string
		key    string
		i      int
	}
	kindRank := map[string]int{KindSpeakersDisagree: 0, KindStanceChanged: 1, KindConflictingFigures: 2, KindCompetingClaims: 3}
	keys := make([]cKey, len(out))
	for i := range out {
		c := &out[i]
		k := cKey{score: c.Score, kind: kindRank[c.Kind], i: i}
		var latest When
		var lp period
		for _, ss := range [][]Stance{c.Affirmed, c.Denied} {
			for _, s := range ss {
				p, _ := parsePeriod(s.When.Date)
				if !p.known {
					continue
				}
				if !lp.known || comparePeriods(p, lp, s.When.Basis, latest.Basis) > 0 {
					latest, lp = s.When, p
				}
			}
		}
		if c.Incident != nil {
			lp, _ = parsePeriod(c.Incident.Date)
			latest = When{}
		}
		k.latest, k.basis = lp, latest.Basis
		switch {
		case c.Proposition != nil && c.Speaker != nil:
			k.key = c.Proposition.Key + "\x00" + c.Speaker.Entity + c.Speaker.Name
		case c.Proposition != nil:
			k.key = c.Proposition.Key
		case c.Incident != nil:
			k.key = c.Incident.ID + "\x00" + c.FigureKind
		}
		keys[i] = k
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		// The latest first, unknown dates last.
		if a.latest.known != b.latest.known {
			return a.latest.known
		}
		if c := comparePeriods(a.latest, b.latest, a.basis, b.basis); c != 0 {
			return c > 0
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return a.i < b.i
	})
	sorted := make([]Contradiction, len(out))
	for i, k := range keys {
		sorted[i] = out[k.i]
	}
	return sorted
}

// stanceWeight is how firmly a stance is taken, by whom.
func stanceWeight(s *Stance) float64 {
	w := 1.0
	if s.Hedged {
		w *= hedgedWeight
	}
	if s.SpeakerKind != SpeakerEntity {
		w *= wordsWeight
	}
	return w
}

func propositionContradictions(p *Proposition) []Contradiction {
	if !p.Contested {
		return nil
	}
	ref := &PropositionRef{Key: p.Key, Subject: p.Subject, Predicate: p.Predicate, Object: p.Object}
	var out []Contradiction

	// (a) Different speakers: the best pair of an affirming and a
	// denying speaker that are not the same. The best two of each side
	// are enough to find it.
	type best struct {
		key    string
		w      float64
		hedged bool
	}
	top := func(ss []Stance) []best {
		by := map[string]best{}
		for i := range ss {
			w := stanceWeight(&ss[i])
			if b, ok := by[ss[i].SpeakerKey]; !ok || w > b.w {
				by[ss[i].SpeakerKey] = best{ss[i].SpeakerKey, w, ss[i].Hedged}
			}
		}
		var bs []best
		for _, b := range by {
			bs = append(bs, b)
		}
		sort.Slice(bs, func(i, j int) bool {
			if bs[i].w != bs[j].w {
				return bs[i].w > bs[j].w
			}
			return bs[i].key < bs[j].key
		})
		if len(bs) > 2 {
			bs = bs[:2]
		}
		return bs
	}
	aff, den := top(p.Affirmed), top(p.Denied)
	score, hedged := 0.0, false
	for _, a := range aff {
		for _, d := range den {
			if a.key != d.key && a.w*d.w > score {
				score, hedged = a.w*d.w, a.hedged || d.hedged
			}
		}
	}
	if score > 0 {
		out = append(out, Contradiction{Kind: KindSpeakersDisagree, Score: round3(score), Hedged: hedged,
			Proposition: ref, Affirmed: p.Affirmed, Denied: p.Denied,
			Summary: fmt.Sprintf("%s: affirmed by %s; denied by %s", PropositionText(p.Predicate, p.Subject, p.Object),
				stanceList(p.Affirmed), stanceList(p.Denied))})
	}

	// (b) One speaker on both sides.
	bySpeaker := map[string][2][]Stance{}
	var speakers []string
	for _, side := range [2][]Stance{p.Affirmed, p.Denied} {
		for _, s := range side {
			v, ok := bySpeaker[s.SpeakerKey]
			if !ok {
				speakers = append(speakers, s.SpeakerKey)
			}
			if s.Polarity == sitrep.PolarityDeny {
				v[1] = append(v[1], s)
			} else {
				v[0] = append(v[0], s)
			}
			bySpeaker[s.SpeakerKey] = v
		}
	}
	sort.Strings(speakers)
	for _, k := range speakers {
		v := bySpeaker[k]
		if len(v[0]) == 0 || len(v[1]) == 0 {
			continue
		}
		var wa, wd float64
		var ha, hd bool
		ordered := false
		for i := range v[0] {
			if w := stanceWeight(&v[0][i]); w > wa {
				wa, ha = w, v[0][i].Hedged
			}
			for j := range v[1] {
				if compareWhen(v[0][i].When, v[1][j].When) != 0 && !v[0][i].When.IsZero() && !v[1][j].When.IsZero() {
					ordered = true
				}
			}
		}
		for j := range v[1] {
			if w := stanceWeight(&v[1][j]); w > wd {
				wd, hd = w, v[1][j].Hedged
			}
		}
		w := unorderedWeight
		if ordered {
			w = orderedWeight
		}
		sp := v[0][0].Speaker
		seq := append(append([]Stance(nil), v[0]...), v[1]...)
		sortStances(seq)
		out = append(out, Contradiction{Kind: KindStanceChanged, Score: round3(wa * wd * w), Hedged: ha || hd,
			Proposition: ref, Affirmed: v[0], Denied: v[1], Speaker: &sp, Ordered: ordered,
			Summary: fmt.Sprintf("%s: %s %s", PropositionText(p.Predicate, p.Subject, p.Object), speakerName(sp, v[0][0].SpeakerKind),
				sequenceText(seq, ordered))})
	}
	return out
}

func incidentContradictions(m *MergedIncident) []Contradiction {
	ref := &IncidentRef{ID: m.ID, Type: m.Type, Date: m.Date, Reports: len(m.Reports)}
	if m.Place != nil {
		ref.Place = m.Place.Name
	}
	var out []Contradiction
	for _, k := range []struct {
		kind string
		e    *Estimate
	}{{FigureKilled, m.Killed}, {FigureInjured, m.Injured}, {FigureKidnapped, m.Kidnapped}, {FigureArrested, m.Arrested}} {
		if k.e == nil || k.e.High-k.e.Low <= FigureTolerance(k.e.High) {
			continue
		}
		var figs []ReportedFigure
		var parts []string
		for _, f := range m.Figures {
			if f.Kind == k.kind {
				figs = append(figs, f)
				claimant := ""
				if f.Claimant {
					claimant = ", claimant"
				}
				parts = append(parts, fmt.Sprintf("%d by %s%s%s", f.Estimate, f.By.Name, claimant, publishedText(f.Published)))
			}
		}
		spread := float64(k.e.High-k.e.Low) / float64(max(1, k.e.High))
		out = append(out, Contradiction{Kind: KindConflictingFigures, Score: round3(0.5 + 0.5*spread),
			Incident: ref, FigureKind: k.kind, Figures: figs,
			Summary: fmt.Sprintf("%s: %s %d to %d (%s)", incidentText(ref), k.kind, k.e.Low, k.e.High, strings.Join(parts, "; "))})
	}
	if hasFlag(m.Flags, FlagCompetingClaims) {
		claimed := 0
		var parts []string
		for _, p := range m.Perpetrators {
			if hasBasis(p, sitrep.BasisClaimed) {
				claimed++
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", p.Name, p.Basis))
		}
		score := 0.7
		if claimed > 1 {
			score = 0.8
		}
		out = append(out, Contradiction{Kind: KindCompetingClaims, Score: score, Incident: ref, Perpetrators: m.Perpetrators,
			Summary: fmt.Sprintf("%s: %s", incidentText(ref), strings.Join(parts, " vs "))})
	}
	return out
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// PropositionText is a proposition as people read it:
// "presence(Islamic State, Pakistan)".
func PropositionText(predicate string, subject, object ActorRef) string {
	if object.Name == "" {
		return predicate + "(" + subject.Name + ")"
	}
	return predicate + "(" + subject.Name + ", " + object.Name + ")"
}

func speakerName(a ActorRef, kind string) string {
	if kind == SpeakerArticle {
		return "article: " + a.Name
	}
	return a.Name
}

// stanceText is "Name (2017-06-26, hedged)".
func stanceText(s *Stance) string {
	var notes []string
	if s.When.Date != "" {
		d := s.When.Date
		if s.When.Basis == BasisPublished {
			d = "by " + d
		}
		notes = append(notes, d)
	} else {
		notes = append(notes, "undated")
	}
	if s.Hedged {
		notes = append(notes, "hedged")
	}
	if s.Value != "" {
		notes = append(notes, s.Value)
	}
	return speakerName(s.Speaker, s.SpeakerKind) + " (" + strings.Join(notes, ", ") + ")"
}

func stanceList(ss []Stance) string {
	parts := make([]string, len(ss))
	for i := range ss {
		parts[i] = stanceText(&ss[i])
	}
	return strings.Join(parts, ", ")
}

func sequenceText(seq []Stance, ordered bool) string {
	parts := make([]string, len(seq))
	for i := range seq {
		s := &seq[i]
		verb := "affirmed"
		if s.Polarity == sitrep.PolarityDeny {
			verb = "denied"
		}
		d := s.When.Date
		if d == "" {
			d = "undated"
		} else if s.When.Basis == BasisPublished {
			d = "by " + d
		}
		if s.Hedged {
			verb += " (hedged)"
		}
		parts[i] = verb + " " + d
	}
	sep := ", then "
	if !ordered {
		sep = " and "
	}
	return strings.Join(parts, sep)
}

func publishedText(d sitrep.Date) string {
	if d.IsZero() {
		return ""
	}
	return " on " + d.String()
}

func incidentText(r *IncidentRef) string {
	s := r.Type
	if r.Place != "" {
		s += " in " + r.Place
	}
	if r.Date != "" {
		s += " on " + r.Date
	}
	return s
}
