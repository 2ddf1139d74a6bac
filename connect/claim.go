package connect

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Speaker kinds of a Stance.
const (
	// SpeakerEntity: the speaker is an entity (a knowledge-base actor or
	// a name the entity layer resolved), the same actor in every
	// document.
	SpeakerEntity = "entity"
	// SpeakerWords: the speaker is only words of one document ("a senior
	// official", "the report"); two documents' "officials" are never the
	// same speaker.
	SpeakerWords = "words"
	// SpeakerArticle: the article's own voice, named by its outlet (or,
	// with no outlet, the file name of its source); one outlet is one
	// speaker, and an article with no outlet is a speaker of its own.
	SpeakerArticle = "article"
)

// Proposition is one normalised claim, "presence(Islamic State,
// Pakistan)", with every stance taken on it.
//
// Subject and object are told apart by entity id when they have one
// (after Options.Canonical), else by their lower-cased name: "Pakistani
// soil" is Pakistan only if the claims layer resolved it to kb:pakistan.
// Entities are never merged through the knowledge base's hierarchy: a
// claim about ISKP is not a claim about the Islamic State (the relation
// is shown in SubjectRelations). Cooperation is symmetric: its two
// parties are put in a fixed order.
type Proposition struct {
	// Key identifies the proposition: predicate, subject key, object key
	// joined by "|" ("presence|kb:islamic-state|kb:pakistan").
	Key       string   `json:"key"`
	Subject   ActorRef `json:"subject"`
	Predicate string   `json:"predicate"`
	Object    ActorRef `json:"object"`
	// SubjectRelations and ObjectRelations are the knowledge base's
	// relations of the subject and object (Options.Relations), for
	// display.
	SubjectRelations []sitrep.EntityRelation `json:"subject_relations,omitempty"`
	ObjectRelations  []sitrep.EntityRelation `json:"object_relations,omitempty"`
	// Affirmed and Denied are the stances taken, in the order they were
	// taken (see Timeline for the order of dates).
	Affirmed []Stance `json:"affirmed"`
	Denied   []Stance `json:"denied"`
	// Contested is true when the proposition is both affirmed and denied.
	Contested bool `json:"contested"`
}

// Stance is one speaker's affirmation or denial of a proposition on one
// date, with every claim that states it.
type Stance struct {
	Speaker ActorRef `json:"speaker"`
	// SpeakerKind is SpeakerEntity, SpeakerWords or SpeakerArticle.
	SpeakerKind string `json:"speaker_kind"`
	// SpeakerKey is the speaker's identity: the entity id, else
	// "doc:ID/name:WORDS" for words of one document, "outlet:NAME" or
	// "doc:ID" for the article's own voice. Two stances with one key are
	// one speaker's.
	SpeakerKey string `json:"speaker_key"`
	// Polarity is "affirm" or "deny".
	Polarity string `json:"polarity"`
	// Hedged marks a stance taken with reserve ("believed", "estimated").
	Hedged bool `json:"hedged"`
	// Value is a strength claim's estimate ("70 to 80").
	Value string `json:"value,omitempty"`
	// When is the claim's date, else its document's publication date.
	When     When       `json:"when"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence points to the claim a stance rests on.
type Evidence struct {
	DocID     string      `json:"doc_id"`
	Source    string      `json:"source"`
	Outlet    string      `json:"outlet"`
	Published sitrep.Date `json:"published"`
	// Claim is the index in Document.Claims, Quote the index in
	// Document.Quotes of the statement it comes from (-1: the article's
	// own reporting).
	Claim int `json:"claim"`
	Quote int `json:"quote"`
	// Start and End span the claim's words in the document's text.
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Excerpt string `json:"excerpt,omitempty"`
}

// ClaimMatrix builds the propositions of a set of claims, sorted by
// subject, predicate and object name. Claims with no subject are left
// out.
func ClaimMatrix(claims []ClaimRecord, opt Options) []Proposition {
	type propKey struct{ pred, subj, obj string }
	type stanceKey struct {
		prop                                  int
		speaker, polarity, value, date, basis string
		hedged                                bool
	}
	var props []*Proposition
	propAt := map[propKey]int{}
	stanceAt := map[stanceKey]int{} // index in its side
	for k := range claims {
		r := &claims[k]
		c := &r.Claim
		subj, obj := opt.refOf(c.Subject), opt.refOf(c.Object)
		sk, ok := subj.key(), obj.key()
		if sk == "" {
			continue
		}
		if c.Predicate == sitrep.PredicateCooperation && ok != "" && ok < sk {
			subj, obj, sk, ok = obj, subj, ok, sk
		}
		pk := propKey{c.Predicate, sk, ok}
		pi, found := propAt[pk]
		if !found {
			pi = len(props)
			propAt[pk] = pi
			p := &Proposition{Key: c.Predicate + "|" + sk + "|" + ok, Subject: subj, Predicate: c.Predicate, Object: obj,
				Affirmed: []Stance{}, Denied: []Stance{}}
			if subj.Entity != "" {
				p.SubjectRelations = opt.Relations[subj.Entity]
			}
			if obj.Entity != "" {
				p.ObjectRelations = opt.Relations[obj.Entity]
			}
			props = append(props, p)
		}
		st := stanceOf(r, &opt)
		st.Polarity = sitrep.PolarityAffirm
		if c.Polarity == sitrep.PolarityDeny {
			st.Polarity = sitrep.PolarityDeny
		}
		ev := Evidence{DocID: r.Doc.ID, Source: r.Source, Outlet: r.Outlet, Published: r.Published,
			Claim: r.Index, Quote: c.Quote, Start: c.Start, End: c.End, Excerpt: r.Excerpt}
		p := props[pi]
		side := &p.Affirmed
		if st.Polarity == sitrep.PolarityDeny {
			side = &p.Denied
		}
		key := stanceKey{pi, st.SpeakerKey, st.Polarity, st.Value, st.When.Date, st.When.Basis, st.Hedged}
		if at, ok := stanceAt[key]; ok {
			(*side)[at].Evidence = append((*side)[at].Evidence, ev)
			continue
		}
		st.Evidence = []Evidence{ev}
		stanceAt[key] = len(*side)
		*side = append(*side, st)
	}
	for _, p := range props {
		sortStances(p.Affirmed)
		sortStances(p.Denied)
		p.Contested = len(p.Affirmed) > 0 && len(p.Denied) > 0
	}
	// Sort keys once, then move each proposition once.
	type sortKey struct {
		subj, obj, pred, key string
		i                    int
	}
	keys := make([]sortKey, len(props))
	for i, p := range props {
		keys[i] = sortKey{strings.ToLower(p.Subject.Name), strings.ToLower(p.Object.Name), p.Predicate, p.Key, i}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if a.subj != b.subj {
			return a.subj < b.subj
		}
		if a.pred != b.pred {
			return a.pred < b.pred
		}
		if a.obj != b.obj {
			return a.obj < b.obj
		}
		return a.key < b.key
	})
	out := make([]Proposition, len(props))
	for i, k := range keys {
		out[i] = *props[k.i]
	}
	return out
}

// baseName is the last element of a path or URL ("a/b/c.txt" is
// "c.txt"; "c.txt:12", a JSON Lines record, stays as it is).
func baseName(source string) string {
	if i := strings.LastIndexAny(strings.TrimRight(source, "/"), "/\\"); i >= 0 {
		return source[i+1:]
	}
	return source
}

// stanceOf returns the stance of one claim, without polarity and
// evidence.
func stanceOf(r *ClaimRecord, opt *Options) Stance {
	c := &r.Claim
	st := Stance{Hedged: c.Hedged, Value: c.Value, When: statementWhen(c.Date, c.DateBasis, r.Doc)}
	sp := opt.refOf(c.Speaker)
	switch {
	case sp.Entity != "":
		st.Speaker, st.SpeakerKind, st.SpeakerKey = sp, SpeakerEntity, sp.Entity
	case normName(sp.Name) != "":
		st.Speaker, st.SpeakerKind, st.SpeakerKey = sp, SpeakerWords, "doc:"+r.Doc.ID+"/name:"+normName(sp.Name)
	case r.Outlet != "":
		st.Speaker, st.SpeakerKind, st.SpeakerKey = ActorRef{Name: r.Outlet}, SpeakerArticle, "outlet:"+normName(r.Outlet)
	default:
		st.Speaker, st.SpeakerKind, st.SpeakerKey = ActorRef{Name: baseName(r.Source)}, SpeakerArticle, "doc:"+r.Doc.ID
	}
	return st
}

// sortStances orders stances by date (see compareWhen), then speaker
// name, then the order they came in.
func sortStances(ss []Stance) {
	if len(ss) < 2 {
		return
	}
	type stanceKey struct {
		when When
		per  period
		name string
		i    int
	}
	keys := make([]stanceKey, len(ss))
	for i := range ss {
		p, _ := parsePeriod(ss[i].When.Date)
		keys[i] = stanceKey{ss[i].When, p, strings.ToLower(ss[i].Speaker.Name), i}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := &keys[i], &keys[j]
		if c := comparePeriods(a.per, b.per, a.when.Basis, b.when.Basis); c != 0 {
			return c < 0
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.i < b.i
	})
	sorted := make([]Stance, len(ss))
	for i, k := range keys {
		sorted[i] = ss[k.i]
	}
	copy(ss, sorted)
}

// PropositionFilter selects propositions. Empty fields select all.
type PropositionFilter struct {
	// Subject and Object are entity ids or names: a proposition's actor
	// matches an id equal to its entity id, or a name equal to its name
	// (case and a leading article ignored). "Islamic State" matches the
	// Islamic State, not the Islamic State Khorasan Province; an alias
	// ("Daesh") matches only once resolved to an id by the caller.
	Subject []string
	Object  []string
	// Predicate is one of the sitrep.Predicate* constants.
	Predicate string
	// Contested keeps only propositions both affirmed and denied.
	Contested bool
}

// Filter returns the propositions f selects.
func (f PropositionFilter) Filter(props []Proposition) []Proposition {
	var out []Proposition
	for _, p := range props {
		if f.Predicate != "" && p.Predicate != f.Predicate ||
			f.Contested && !p.Contested ||
			len(f.Subject) > 0 && !matchActor(p.Subject, f.Subject) ||
			len(f.Object) > 0 && !matchActor(p.Object, f.Object) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// matchActor reports whether the actor is one of the ids or is named by
// one of the names.
func matchActor(a ActorRef, want []string) bool {
	for _, w := range want {
		if w == "" {
			continue
		}
		if a.Entity != "" && strings.EqualFold(a.Entity, w) || strings.EqualFold(normName(a.Name), normName(w)) {
			return true
		}
	}
	return false
}
