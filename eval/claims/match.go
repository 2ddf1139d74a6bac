package claims

import (
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep"
)

// Level is one way of deciding that a predicted claim matches a gold one.
type Level struct {
	Name  string
	Match func(g *Claim, p *sitrep.Claim) bool
}

// Full is the headline level: same predicate, subject, object and
// polarity.
const Full = "full"

// Levels are the matching levels, loosest first; Full is the headline.
var Levels = []Level{
	{"predicate+subject", func(g *Claim, p *sitrep.Claim) bool {
		return samePredicate(g, p) && SubjectMatch(g, p)
	}},
	{"predicate+subject+polarity", func(g *Claim, p *sitrep.Claim) bool {
		return samePredicate(g, p) && SubjectMatch(g, p) && samePolarity(g, p)
	}},
	{"predicate+subject+object", func(g *Claim, p *sitrep.Claim) bool {
		return samePredicate(g, p) && ActorsMatch(g, p)
	}},
	{Full, fullMatch},
	{"full+speaker", func(g *Claim, p *sitrep.Claim) bool {
		return fullMatch(g, p) && SpeakerMatch(g.Speaker, p.Speaker)
	}},
	{"full+hedged", func(g *Claim, p *sitrep.Claim) bool {
		return fullMatch(g, p) && g.Hedged == p.Hedged
	}},
	{"full+value", func(g *Claim, p *sitrep.Claim) bool {
		return fullMatch(g, p) && valueMatch(g, p)
	}},
	{"full+all", func(g *Claim, p *sitrep.Claim) bool {
		return fullMatch(g, p) && SpeakerMatch(g.Speaker, p.Speaker) && g.Hedged == p.Hedged && valueMatch(g, p)
	}},
}

func fullMatch(g *Claim, p *sitrep.Claim) bool {
	return samePredicate(g, p) && ActorsMatch(g, p) && samePolarity(g, p)
}

func samePredicate(g *Claim, p *sitrep.Claim) bool { return g.Predicate == p.Predicate }

// samePolarity compares polarities; an empty predicted polarity is read
// as "affirm", the default.
func samePolarity(g *Claim, p *sitrep.Claim) bool {
	pol := p.Polarity
	if pol == "" {
		pol = sitrep.PolarityAffirm
	}
	return g.Polarity == pol
}

// valueMatch compares the values of strength claims after NormValue; it
// holds for any other predicate.
func valueMatch(g *Claim, p *sitrep.Claim) bool {
	if g.Predicate != sitrep.PredicateStrength {
		return true
	}
	return NormValue(g.Value) == NormValue(p.Value)
}

// SubjectMatch reports whether the predicted subject is the gold subject;
// for a cooperation claim, which is symmetric, the predicted object may
// be the gold subject instead.
func SubjectMatch(g *Claim, p *sitrep.Claim) bool {
	if ActorMatch(g.Subject, p.Subject) {
		return true
	}
	return g.Predicate == sitrep.PredicateCooperation && ActorMatch(g.Subject, p.Object)
}

// ActorsMatch reports whether subject and object both match; cooperation
// claims match with subject and object swapped too. An empty gold object
// (the sentence names none) is not checked.
func ActorsMatch(g *Claim, p *sitrep.Claim) bool {
	if ActorMatch(g.Subject, p.Subject) && objectMatch(g.Object, p.Object) {
		return true
	}
	return g.Predicate == sitrep.PredicateCooperation && ActorMatch(g.Subject, p.Object) && objectMatch(g.Object, p.Subject)
}

func objectMatch(g Actor, p sitrep.Actor) bool {
	if isEmpty(g) {
		return true
	}
	return ActorMatch(g, p)
}

func isEmpty(a Actor) bool {
	return strings.TrimSpace(a.Name) == "" && a.Entity == "" && len(a.Alt) == 0
}

// SpeakerMatch reports whether the predicted speaker is the gold one. A
// gold speaker with an empty name and entity is the article's own voice,
// matched by a predicted speaker with an empty name and entity.
func SpeakerMatch(g Actor, p sitrep.Actor) bool { return ActorMatch(g, p) }

// ActorMatch reports whether a predicted actor is the gold actor or one
// of its alternatives: the same entity id when both have one, else the
// same name or one name containing the other (NormName, whole words).
// An empty gold reading (no name, no entity) matches only an empty
// predicted actor.
func ActorMatch(g Actor, p sitrep.Actor) bool {
	if actorOne(g.Name, g.Entity, p) {
		return true
	}
	for _, a := range g.Alt {
		if actorOne(a.Name, a.Entity, p) {
			return true
		}
	}
	return false
}

func actorOne(name, entity string, p sitrep.Actor) bool {
	gn, pn := NormName(name), NormName(p.Name)
	if gn == "" && entity == "" {
		return pn == "" && p.Entity == ""
	}
	if entity != "" && p.Entity != "" {
		return entity == p.Entity
	}
	if gn == "" || pn == "" {
		return false
	}
	return gn == pn || strings.Contains(" "+pn+" ", " "+gn+" ") || strings.Contains(" "+gn+" ", " "+pn+" ")
}

// NormName folds a name for comparison: lower case, every run of
// characters other than letters and digits made one space, a leading
// article ("the", "a", "an") dropped.
func NormName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	out := b.String()
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(out, art) {
			out = out[len(art):]
			break
		}
	}
	return out
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}

// approximators are leading words of a value that do not change it.
var approximators = map[string]bool{
	"around": true, "about": true, "approximately": true, "roughly": true, "some": true,
	"between": true, "an": true, "estimated": true,
}

// NormValue folds a strength value for comparison: lower case; thousands
// separators dropped ("1,500" is "1500"); number words one to twenty (and
// some round tens) as digits; a dash between numbers, "-" or "–", read
// as "to" ("70-80" is "70 to 80"); "and" between numbers ("between 70 and
// 80") as "to"; leading approximators ("around", "about",
// "approximately", "roughly", "some", "between", "an estimated") dropped.
// Bounds that change the meaning ("over", "more than", "at least", "not
// less than") are kept.
func NormValue(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("–", " to ", "—", " to ").Replace(s)
	var toks []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }) {
		// "70-80" -> "70 to 80"; "1,500" -> "1500"
		parts := strings.Split(f, "-")
		for i, part := range parts {
			if i > 0 {
				toks = append(toks, "to")
			}
			part = strings.Trim(part, ".,;:()")
			if isNumber(part) {
				part = strings.ReplaceAll(part, ",", "")
			}
			if d, ok := numberWords[part]; ok {
				part = d
			}
			if part != "" {
				toks = append(toks, part)
			}
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i] == "and" && isNumber(toks[i-1]) && isNumber(toks[i+1]) {
			toks[i] = "to"
		}
	}
	for len(toks) > 1 && approximators[toks[0]] {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digit
}

// maxMatching returns a maximum one-to-one matching between gold claims
// and predicted claims under ok, as pairs (gold index -> predicted index,
// -1 when unmatched). Gold claims are tried in order and predicted claims
// in order, so the result is deterministic (Kuhn's augmenting paths).
func maxMatching(ng, np int, ok func(i, j int) bool) []int {
	goldOf := make([]int, np) // predicted -> gold
	for j := range goldOf {
		goldOf[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for j := 0; j < np; j++ {
			if seen[j] || !ok(i, j) {
				continue
			}
			seen[j] = true
			if goldOf[j] < 0 || try(goldOf[j], seen) {
				goldOf[j] = i
				return true
			}
		}
		return false
	}
	for i := 0; i < ng; i++ {
		try(i, make([]bool, np))
	}
	predOf := make([]int, ng)
	for i := range predOf {
		predOf[i] = -1
	}
	for j, i := range goldOf {
		if i >= 0 {
			predOf[i] = j
		}
	}
	return predOf
}
