package incident

import (
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Vague quantities are coded as ACLED codes fatalities: "several",
// "many" and "a few" as a lower bound (10 for several and many, 3 for a
// few), "dozens" as 12, "scores" as 20, "hundreds" as 100, "thousands"
// as 1000; the words bound the figure from below and give no maximum.
var vague = map[string]int{
	"several": 10, "many": 10, "numerous": 10, "multiple": 2, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
}

var units = map[string]int{
	"zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12, "couple": 2, "pair": 2, "both": 2,
}

// cardinal parses one number token: "12", "twenty-five", "seventy".
// "a" and "an" count only when allowArticle is set.
func cardinal(l string) (int, bool) {
	if l == "" {
		return 0, false
	}
	if l[0] >= '0' && l[0] <= '9' {
		n, err := strconv.Atoi(l)
		return n, err == nil && n < 1000000
	}
	if n, ok := units[l]; ok && l != "a" && l != "an" && l != "no" && l != "both" && l != "couple" && l != "pair" && l != "dozen" && l != "single" {
		return n, true
	}
	if i := strings.IndexByte(l, '-'); i > 0 {
		a, ok1 := units[l[:i]]
		b, ok2 := units[l[i+1:]]
		if ok1 && ok2 && a >= 20 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// number reads a quantity starting at token i: "at least 12", "over 70",
// "70 to 80", "between 70 and 80", "a dozen", "dozens of", "1,200",
// "two hundred". It returns the figure and the index after it.
func (s *sent) number(i int) (sitrep.Figure, int, bool) {
	ts := s.ts
	start := i
	var min, max int
	bounded := true
	lower := false // "at least", "over": a lower bound only
	approx := false
	// qualifiers
	between := false
	for i < len(ts) {
		l := ts[i].l
		switch {
		case l == "between" && i == start:
			between = true
			i++
			continue
		case l == "at" && i+1 < len(ts) && (ts[i+1].l == "least"):
			lower = true
			i += 2
			continue
		case l == "more" && i+1 < len(ts) && ts[i+1].l == "than", l == "over" || l == "above" || l == "upwards":
			lower = true
			if l == "more" {
				i++
			}
			i++
			continue
		case l == "as" && i+2 < len(ts) && ts[i+1].l == "many" && ts[i+2].l == "as":
			i += 3
			continue
		case l == "up" && i+1 < len(ts) && ts[i+1].l == "to", l == "less" && i+1 < len(ts) && ts[i+1].l == "than", l == "fewer" && i+1 < len(ts) && ts[i+1].l == "than":
			i += 2
			approx = true
			continue
		case l == "nearly" || l == "almost" || l == "about" || l == "around" || l == "approximately" || l == "roughly" || l == "some" && i+1 < len(ts) && isDigit(ts[i+1].l) || l == "estimated" || l == "an" && i+1 < len(ts) && ts[i+1].l == "estimated" || l == "another" || l == "additional":
			approx = approx || l != "another" && l != "additional"
			i++
			continue
		}
		break
	}
	if i >= len(ts) {
		return sitrep.Figure{}, start, false
	}
	l := ts[i].l
	if l == "one" && i > 0 && (ts[i-1].l == "no" || ts[i-1].l == "not") {
		return sitrep.Figure{}, start, false // "no one was hurt": nobody
	}
	switch {
	case l == "a" || l == "one" || l == "an":
		if i+1 < len(ts) && ts[i+1].l == "dozen" {
			min, i = 12, i+2
		} else if i+1 < len(ts) && (ts[i+1].l == "few" || ts[i+1].l == "couple") {
			if ts[i+1].l == "few" {
				min, bounded = 3, false
			} else {
				min = 2
			}
			i += 2
			if i < len(ts) && ts[i].l == "of" {
				i++
			}
		} else if i+1 < len(ts) && (ts[i+1].l == "number" || ts[i+1].l == "lot") {
			return sitrep.Figure{}, start, false
		} else if l == "one" {
			min, i = 1, i+1
		} else {
			// "a policeman": one, when a singular person noun follows;
			// "a Chinese couple": two
			if n, e := personNoun(ts, i+1); n > 0 {
				min, i = n, e
			} else {
				return sitrep.Figure{}, start, false
			}
		}
	case vague[l] > 0:
		min, bounded = vague[l], false
		i++
		if i < len(ts) && ts[i].l == "of" {
			i++
		}
	default:
		n, ok := cardinal(l)
		if !ok {
			return sitrep.Figure{}, start, false
		}
		i++
		// 1,200
		for i+1 < len(ts) && ts[i].l == "," && len(ts[i+1].l) == 3 && isDigit(ts[i+1].l) && ts[i].s == ts[i-1].e {
			m, _ := strconv.Atoi(ts[i+1].l)
			n = n*1000 + m
			i += 2
		}
		// two hundred, 1.5 thousand is not a casualty count
		if i < len(ts) && (ts[i].l == "hundred" || ts[i].l == "thousand") {
			if ts[i].l == "hundred" {
				n *= 100
			} else {
				n *= 1000
			}
			i++
		}
		min = n
		// 70 to 80, 70-80, between 70 and 80
		if i+1 < len(ts) && (ts[i].l == "to" || ts[i].l == "-" || ts[i].l == "–" || ts[i].l == "and" && between || ts[i].l == "or") {
			if m, ok := cardinal(ts[i+1].l); ok && m > n {
				max = m
				i += 2
			}
		}
	}
	if between && max == 0 {
		return sitrep.Figure{}, start, false
	}
	f := sitrep.Figure{Min: min, Estimate: min, Text: s.text(start, i), Start: ts[start].s, End: ts[i-1].e}
	switch {
	case max > 0:
		f.Max = &max
	case bounded && !lower && !approx:
		v := min
		f.Max = &v
	}
	return f, i, true
}

func isDigit(l string) bool {
	for i := 0; i < len(l); i++ {
		if l[i] < '0' || l[i] > '9' {
			return false
		}
	}
	return l != ""
}

// personNoun returns how many people the tokens from i name (1 for
// "policeman", "Pakistani soldier", "23 year old youth", 2 for "Chinese
// couple"), 0 for none, and the index after the noun.
func personNoun(ts []tok, i int) (int, int) {
	for k := i; k < len(ts) && k < i+5; k++ {
		if personSingular[ts[k].l] {
			return 1, k + 1
		}
		if ts[k].l == "couple" {
			return 2, k + 1
		}
		if clauseBreak(ts[k].l) || hypothetical[ts[k].l] || casualtyWords[ts[k].l] != 0 {
			return 0, i
		}
	}
	return 0, i
}

var personSingular = map[string]bool{"youth": true, "boy": true, "labourer": true, "laborer": true, "priest": true, "headman": true, "sarpanch": true, "secretary": true, "chief": true, "mayor": true, "minister": true, "spo": true, "policeman": true, "soldier": true, "man": true, "woman": true, "child": true, "girl": true, "person": true, "civilian": true, "officer": true, "official": true, "worker": true, "teacher": true, "student": true, "journalist": true, "leader": true, "commander": true, "militant": true, "cop": true, "constable": true, "guard": true, "trader": true, "shopkeeper": true, "driver": true, "passenger": true, "passer": true, "passer-by": true, "passerby": true, "bystander": true, "pedestrian": true, "resident": true, "villager": true, "farmer": true, "cleric": true, "scholar": true, "lawyer": true, "judge": true, "doctor": true, "engineer": true, "member": true, "activist": true, "politician": true, "legislator": true, "councillor": true, "elder": true, "tribesman": true, "jawan": true, "trooper": true, "sepoy": true, "subedar": true, "havildar": true, "inspector": true, "superintendent": true, "sub-inspector": true, "informer": true, "contractor": true, "vaccinator": true, "worshipper": true, "pilgrim": true, "national": true, "citizen": true, "insurgent": true, "rebel": true, "terrorist": true, "fighter": true, "cadre": true, "gunman": true, "attacker": true, "bomber": true}

// casualty word classes
const (
	casKilled = iota + 1
	casInjured
	casKidnapped
	casArrested
)

// casualtyWords name what befell the people counted.
var casualtyWords = map[string]int{
	"killed": casKilled, "dead": casKilled, "died": casKilled, "martyred": casKilled, "slain": casKilled, "lives": casKilled, "deaths": casKilled, "fatalities": casKilled, "bodies": casKilled, "perished": casKilled, "killing": casKilled, "kill": casKilled, "kills": casKilled, "murdered": casKilled, "executed": casKilled, "beheaded": casKilled, "massacred": casKilled, "shot": casKilled, "gunned": casKilled, "martyring": casKilled, "death": casKilled,
	"succumbed": casKilled,
	"injured":   casInjured, "wounded": casInjured, "hurt": casInjured, "injuring": casInjured, "wounding": casInjured, "injuries": casInjured, "injures": casInjured, "wounds": casInjured, "injure": casInjured,
	"kidnapped": casKidnapped, "abducted": casKidnapped, "kidnapping": casKidnapped, "abducting": casKidnapped, "hostage": casKidnapped, "hostages": casKidnapped,
	"arrested": casArrested, "detained": casArrested, "apprehended": casArrested, "nabbed": casArrested, "arresting": casArrested, "detaining": casArrested, "held": casArrested, "captured": casArrested,
}

// activeForms take their count after them: "killing 12", "injured 30
// people" (when the subject is the attacker).
var activeForms = map[string]bool{"killing": true, "killed": true, "kill": true, "kills": true, "injuring": true, "wounding": true, "injured": true, "wounded": true, "martyring": true, "martyred": true, "claimed": true, "left": true, "leaving": true, "kidnapped": true, "abducted": true, "kidnapping": true, "abducting": true, "arrested": true, "detained": true, "arresting": true, "detaining": true, "apprehended": true, "nabbed": true, "captured": true, "took": true, "taking": true, "murdered": true, "executed": true, "beheaded": true, "massacred": true, "injures": true, "shot": true, "gunned": true}

// auxWords sit between a count and its participle: "12 people were
// killed", "two soldiers have also been martyred".
var auxWords = map[string]bool{"were": true, "was": true, "have": true, "has": true, "had": true, "been": true, "are": true, "is": true, "be": true, "being": true, "got": true, "also": true, "reportedly": true, "allegedly": true, "later": true, "all": true, "both": true, "critically": true, "seriously": true, "severely": true, "fatally": true, "badly": true, "slightly": true, "grievously": true, "mortally": true, "who": true, "so": true, "far": true, "confirmed": true, "initially": true, "subsequently": true, "eventually": true, "either": true, "instantly": true, "immediately": true}

// figureOf is a figure found in a sentence, with what it counts.
type figureOf struct {
	fig     sitrep.Figure
	what    int // casKilled ...
	victims string
	vs, ve  int // victims phrase span (bytes)
	toll    bool
	zero    bool // a stated zero: "no one was hurt"
	// later: victims who "succumbed" to their injuries, added to the
	// dead; ofInjured: counted before among the injured
	later, ofInjured bool
}

// figures finds the casualty figures of the sentence.
func (s *sent) figures() []figureOf {
	if !s.figsDone {
		s.figs, s.figsDone = s.findFigures(), true
	}
	return s.figs
}

func (s *sent) findFigures() []figureOf {
	ts := s.ts
	var out []figureOf
	used := map[int]bool{}
	for k := 0; k < len(ts); k++ {
		what := casualtyWords[ts[k].l]
		if what == 0 {
			continue
		}
		l := ts[k].l
		// "death toll rose to 25"
		if (l == "death" || l == "deaths") && k+1 < len(ts) && (ts[k+1].l == "toll" || ts[k+1].l == "count") {
			for j := k + 2; j < len(ts) && j < k+8; j++ {
				if used[j] {
					break
				}
				if f, e, ok := s.number(j); ok && (f.Min > 1 || j > k+2) {
					for x := j; x < e; x++ {
						used[x] = true
					}
					out = append(out, figureOf{fig: f, what: casKilled, toll: true})
					break
				}
			}
			continue
		}
		if l == "death" {
			// "beat him to death", "stabbed to death"
			if k >= 3 && ts[k-1].l == "to" && (ts[k-2].l == "him" || ts[k-2].l == "her") {
				out = append(out, figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: s.text(k-2, k+1), Start: ts[k-2].s, End: ts[k].e}, what: casKilled})
			}
			continue
		}
		// "One of the injured, Mohammad Rafiq (26), later succumbed",
		// "one of them succumbed to injuries", "the injured constable
		// succumbed": a victim told as injured who died later
		if l == "succumbed" {
			if fg, ok := s.succumbed(k, used); ok {
				// "one of the injured" counts no one injured here
				kept := out[:0]
				for _, o := range out {
					if o.what != casInjured || o.fig.End <= fg.fig.Start || o.fig.Start >= fg.fig.End {
						kept = append(kept, o)
					}
				}
				out = append(kept, fg)
			}
			continue
		}
		found := false
		// count before: "12 people were killed", "two soldiers martyred",
		// "12 dead", "30 others injured"
		passive := k > 0 && (auxWords[ts[k-1].l] || mannerWords[ts[k-1].l]) || k+1 >= len(ts) || !objectStart(ts[k+1].l)
		if !(l == "killing" || l == "injuring" || l == "wounding" || l == "martyring" || l == "kill" || l == "kills" || l == "lives") && (passive || !activeForms[l]) {
			j := k - 1
			for j >= 0 && (auxWords[ts[j].l] || mannerWords[ts[j].l] || injuryWords[ts[j].l] || ts[j].l == "to" && j+1 < len(ts) && ts[j+1].l == "death") {
				j--
			}
			// "Six people, including a teacher, were shot dead": step
			// over the parenthetical
			if j >= 0 && ts[j].l == "," {
				for x := j - 1; x >= 0 && x >= j-10; x-- {
					if ts[x].l == "including" && x > 0 && ts[x-1].l == "," {
						j = x - 2
						break
					}
				}
			}
			// the noun phrase before: up to eight words back to a number
			for b := j; b >= 0 && b >= j-10; b-- {
				if ts[b].l == ")" {
					// "Border Security Force (BSF) personnel"
					x := b - 1
					for x >= 0 && x >= b-4 && ts[x].l != "(" {
						x--
					}
					if x >= 0 && ts[x].l == "(" {
						b = x
						continue
					}
				}
				if used[b] || clauseBreak(ts[b].l) || ts[b].l == "and" && b < j {
					break
				}
				f, e, ok := s.number(b)
				if !ok || e > j+1 {
					continue
				}
				b, e, f = s.widen(b, e, f)
				if e > j+1 {
					e = j + 1
				}
				// "Four persons including two civilians, a policeman and
				// a militant": the head count before "including"
				for x := b - 1; x >= 0 && x >= b-8; x-- {
					if clauseBreak(ts[x].l) && ts[x].l != "," {
						break
					}
					if ts[x].l == "including" {
						for b3 := x - 1; b3 >= 0 && b3 >= x-4; b3-- {
							if f3, e3, ok := s.number(b3); ok && e3 <= x {
								if _, _, _, np3 := s.victims(e3, x); np3 {
									b3, _, f3 = s.widen(b3, e3, f3)
									f, b = f3, b3
									j = x - 1
									if ts[j].l == "," {
										j--
									}
									e = min(e3, j+1)
								}
								break
							}
						}
						break
					}
				}
				// a count like "12" directly before a participle only
				// when it ends next to it: "12 killed"; or the words
				// between are the victims: "12 people", "two Pakistani
				// soldiers".
				if b > 0 && (ts[b-1].l == "of" && what != casKilled || dateWord(ts[b-1].l)) {
					break
				}
				// "Dharmendra Kumar 40 was shot dead": an age
				if e == j+1 && b > 0 && isCapital(ts[b-1].w) && isDigit(ts[b].l) {
					break
				}
				vic, vs, ve, np := s.victims(e, j+1)
				if !np || vic == "" && e <= j && !victimsWords[ts[e].l] {
					continue
				}
				// "three policemen and two militants were killed": add
				// the counts joined by "and"
				if b >= 2 && ts[b-1].l == "and" {
					for b2 := b - 2; b2 >= 0 && b2 >= b-6; b2-- {
						if clauseBreak(ts[b2].l) {
							break
						}
						f2, e2, ok2 := s.number(b2)
						if !ok2 || e2 > b-1 {
							continue
						}
						b2, e2, f2 = s.widen(b2, e2, f2)
						if b2 > 0 && ts[b2].l == "between" {
							break
						}
						clean := true
						for x := e2; x < b-1; x++ {
							if casualtyWords[ts[x].l] != 0 || notNoun[ts[x].l] || auxWords[ts[x].l] {
								clean = false
							}
						}
						if _, _, _, np2 := s.victims(e2, b-1); clean && np2 && (b2 == 0 || !dateWord(ts[b2-1].l)) {
							f.Min += f2.Min
							f.Estimate += f2.Estimate
							if f.Max != nil && f2.Max != nil {
								f.Max = intp(*f.Max + *f2.Max)
							} else {
								f.Max = nil
							}
							f.Text = s.doc.Text[f2.Start:f.End]
							f.Start = f2.Start
							b = b2
						}
						break
					}
				}
				for x := b; x <= j; x++ {
					used[x] = true
				}
				out = append(out, figureOf{fig: withVictims(f, s.doc.Text, ve), what: what, victims: vic, vs: vs, ve: ve})
				found = true
				break
			}
		}
		if found {
			continue
		}
		// "Mohammed Hussain, was killed", "the driver was injured": one
		// person named before a singular passive
		w := k - 1
		for w >= 0 && (mannerWords[ts[w].l] || ts[w].l == "to" || ts[w].l == "also" || injuryWords[ts[w].l]) {
			w--
		}
		if w >= 1 && (ts[w].l == "was" || ts[w].l == "has" && l != "killed") && what != casArrested {
			// the subject: a person named, or a singular person noun,
			// in the words before
			for x := w - 1; x >= 0 && x >= w-8; x-- {
				if clauseBreak(ts[x].l) && ts[x].l != "," || used[x] {
					break
				}
				who := s.f.personEndingAt(ts[x].e)
				if who != nil || personSingular[ts[x].l] {
					st := ts[x].s
					if who != nil {
						st = who.s
					}
					out = append(out, figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: s.doc.Text[st:ts[x].e], Start: st, End: ts[x].e}, what: what})
					used[x] = true
					break
				}
			}
			continue
		}
		// "hacked to death Sunil Gomez": one person named after
		if l == "death" || l == "dead" {
			if k+1 < len(ts) {
				if m := s.f.personStartingAt(ts[k+1].s); m != nil {
					out = append(out, figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: s.doc.Text[m.s:m.e], Start: m.s, End: m.e}, what: casKilled})
				}
			}
			continue
		}
		// "claimed the killing of Malik Gul Khan", "the killing of
		// two policemen": the victims after "of"
		if (l == "killing" || l == "killings") && k+2 < len(ts) && ts[k+1].l == "of" && !used[k+2] {
			if m := s.f.personStartingAt(ts[k+2].s); m != nil {
				used[k+2] = true
				out = append(out, figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: s.doc.Text[m.s:m.e], Start: m.s, End: m.e}, what: casKilled, victims: s.doc.Text[m.s:m.e], vs: m.s, ve: m.e})
				continue
			}
			if f, e, ok := s.number(k + 2); ok {
				end := e
				for end < len(ts) && end < e+6 && !stopVictims(ts[end].l) {
					end++
				}
				vic, vs, ve, _ := s.victims(e, end)
				for x := k + 2; x < e; x++ {
					used[x] = true
				}
				out = append(out, figureOf{fig: withVictims(f, s.doc.Text, ve), what: casKilled, victims: vic, vs: vs, ve: ve})
				continue
			}
		}
		// count after: "killing 12 people", "killed over 70 Shia
		// Muslims", "left 5 dead", "claimed 12 lives"
		if activeForms[l] && k+1 < len(ts) {
			j := k + 1
			if l == "left" || l == "leaving" || l == "claimed" || l == "took" || l == "taking" {
				// "left 5 dead", "claimed the lives of 12"
				if j+2 < len(ts) && ts[j].l == "the" && ts[j+1].l == "lives" && ts[j+2].l == "of" {
					j += 3
					what = casKilled
				} else {
					// "left 12 people dead" is found at "dead"
					continue
				}
			}
			if (l == "shot" || l == "gunned") && j < len(ts) && (ts[j].l == "dead" || ts[j].l == "down") {
				j++
			}
			f, e, ok := s.number(j)
			if !ok {
				// "killed him", "shot him dead"
				if j < len(ts) && (ts[j].l == "him" || ts[j].l == "her") && (what == casKilled || what == casKidnapped) && !used[j] {
					used[j] = true
					out = append(out, figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: ts[j].w, Start: ts[j].s, End: ts[j].e}, what: what})
				}
				continue
			}
			if used[j] {
				continue
			}
			// "killed 12 and injured 30": the count is this word's
			end := e
			for end < len(ts) && end < e+6 && !stopVictims(ts[end].l) {
				end++
			}
			vic, vs, ve, _ := s.victims(e, end)
			if l == "shot" || l == "gunned" {
				// "shot dead two policemen"
				if !(k+1 < len(ts) && (ts[k+1].l == "dead" || ts[k+1].l == "down")) {
					continue
				}
			}
			for x := j; x < e; x++ {
				used[x] = true
			}
			out = append(out, figureOf{fig: withVictims(f, s.doc.Text, ve), what: what, victims: vic, vs: vs, ve: ve})
		}
	}
	return append(out, s.zeros()...)
}

// succumbed reads the subject of "succumbed" at token k: a count "of
// the injured" or "of them", a person named, a singular person noun.
func (s *sent) succumbed(k int, used map[int]bool) (figureOf, bool) {
	ts := s.ts
	ofInjured := false
	for x := k - 1; x >= 0 && x >= k-14; x-- {
		l := ts[x].l
		if l == "." || l == ";" || l == "and" && x < k-1 || l == "when" || l == "after" {
			break
		}
		if l == "injured" || l == "wounded" || l == "them" {
			ofInjured = true
		}
		if l == "of" && x > 0 {
			if f, e, ok := s.number(x - 1); ok && e >= x && e <= k {
				f.Text, f.End = s.doc.Text[f.Start:ts[min(x+2, k-1)].e], ts[min(x+2, k-1)].e
				used[x-1] = true
				return figureOf{fig: f, what: casKilled, later: true, ofInjured: ofInjured || x+2 < len(ts) && (ts[x+2].l == "injured" || ts[x+1].l == "them")}, true
			}
		}
		if who := s.f.personEndingAt(ts[x].e); who != nil || personSingular[l] {
			st := ts[x].s
			if who != nil {
				st = who.s
			}
			used[x] = true
			for y := s.tokAt(st) - 1; y >= 0 && y >= s.tokAt(st)-3; y-- {
				if ts[y].l == "injured" || ts[y].l == "wounded" {
					ofInjured = true
				}
			}
			return figureOf{fig: sitrep.Figure{Min: 1, Estimate: 1, Max: intp(1), Text: s.doc.Text[st:ts[x].e], Start: st, End: ts[x].e}, what: casKilled, later: true, ofInjured: ofInjured}, true
		}
	}
	return figureOf{}, false
}

// zeroNouns are nouns whose negation states that nobody was killed or
// injured: "no casualties", "no loss of life", "no injuries".
var zeroNouns = map[string][2]bool{ // killed, injured
	"casualty": {true, true}, "casualties": {true, true}, "fatalities": {true, false}, "fatality": {true, false},
	"deaths": {true, false}, "injuries": {false, true}, "injury": {false, true}, "loss": {true, false},
}

// zeroVerbs are participles whose negated subject ("no one was hurt",
// "nobody was injured") says nobody was killed or injured.
var zeroVerbs = map[string][2]bool{
	"hurt": {true, true}, "harmed": {true, true}, "killed": {true, false}, "injured": {false, true}, "wounded": {false, true},
}

// zeros finds stated zeros: "no one was hurt" (killed and injured 0),
// "no casualties were reported", "there was no report of any human
// casualty", "no one was injured" (injured 0), "without any loss of
// life". "No one else was hurt" counts nobody beyond those told, so it
// is no zero.
func (s *sent) zeros() []figureOf {
	ts := s.ts
	var out []figureOf
	add := func(b, e int, kinds [2]bool) {
		fig := sitrep.Figure{Min: 0, Max: intp(0), Estimate: 0, Text: s.text(b, e), Start: ts[b].s, End: ts[e-1].e}
		if kinds[0] {
			out = append(out, figureOf{fig: fig, what: casKilled, zero: true})
		}
		if kinds[1] {
			out = append(out, figureOf{fig: fig, what: casInjured, zero: true})
		}
	}
	// most sentences state no zero: look for a negation first
	neg := false
	for _, t := range ts {
		switch t.l {
		case "no", "nobody", "none", "without", "nil", "zero":
			neg = true
		}
	}
	if !neg {
		return nil
	}
	for k := 0; k < len(ts); k++ {
		l := ts[k].l
		// "no one", "nobody", "none of them" ... "was hurt"
		if l == "nobody" || l == "no" && k+1 < len(ts) && ts[k+1].l == "one" || l == "none" {
			e := k + 1
			if l == "no" {
				e++
			}
			if e < len(ts) && ts[e].l == "else" {
				continue
			}
			for j := e; j < len(ts) && j < e+5; j++ {
				if kinds, ok := zeroVerbs[ts[j].l]; ok {
					add(k, j+1, kinds)
					k = j
					break
				}
				if clauseBreak(ts[j].l) {
					break
				}
			}
			continue
		}
		kinds, ok := zeroNouns[l]
		if !ok || l == "loss" && !(k+2 < len(ts) && ts[k+1].l == "of" && (ts[k+2].l == "life" || ts[k+2].l == "lives")) {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			if w := ts[j].l; w == "no" || w == "without" || w == "nil" || w == "zero" {
				e := k + 1
				if l == "loss" {
					e = k + 3
				}
				add(j, e, kinds)
				break
			}
			if clauseBreak(ts[j].l) || isDigit(ts[j].l) {
				break
			}
		}
	}
	return out
}

func intp(n int) *int { return &n }

// widen returns the widest count ending at e that starts a few tokens
// before b: "at least 12", "between 70 and 80", "more than 100".
func (s *sent) widen(b, e int, f sitrep.Figure) (int, int, sitrep.Figure) {
	for b2 := b - 1; b2 >= 0 && b2 >= b-3; b2-- {
		if f2, e2, ok := s.number(b2); ok && e2 >= e {
			b, e, f = b2, e2, f2
		}
	}
	return b, e, f
}

// withVictims extends a figure's words over the victims: "two Pakistani
// soldiers".
func withVictims(f sitrep.Figure, text string, ve int) sitrep.Figure {
	if ve > f.End {
		f.End = ve
		f.Text = text[f.Start:f.End]
	}
	return f
}

// personStartingAt returns the person mention starting at off.
func (f *finder) personStartingAt(off int) *mention {
	for _, m := range f.mentionsIn(off, off+80) {
		if m.s == off && m.ent.Type == "person" {
			return &m
		}
	}
	return nil
}

// objectStart reports whether a word can start the object of an active
// verb: "killed two soldiers", "injured a policeman".
func objectStart(l string) bool {
	if _, ok := cardinal(l); ok {
		return true
	}
	switch l {
	case "a", "an", "the", "his", "her", "their", "its", "him", "them", "at", "over", "more", "about", "nearly", "around", "some", "several", "dozens", "scores", "hundreds", "many", "one", "all", "both", "another", "up", "as", "between", "least":
		return true
	}
	return false
}

// injuryWords sit between "sustained" and "injuries".
var injuryWords = map[string]bool{"sustained": true, "suffered": true, "received": true, "grievous": true, "serious": true, "minor": true, "critical": true, "bullet": true, "splinter": true, "severe": true, "multiple": true, "head": true, "gunshot": true}

// personEndingAt returns the person mention ending at off.
func (f *finder) personEndingAt(off int) *mention {
	for _, m := range f.mentionsIn(off-80, off) {
		if m.e == off && m.ent.Type == "person" {
			return &m
		}
	}
	return nil
}

func clauseBreak(l string) bool {
	switch l {
	case ",", ".", ";", ":", "—", "–", "(", ")", "that", "which", "who", "whom", "when", "while", "after", "before", "as", "because", "but":
		return true
	}
	return false
}

func dateWord(l string) bool {
	switch l {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "on", "since", "until", "by", "in", "year", "years", "aged", "age":
		return true
	}
	return false
}

func stopVictims(l string) bool {
	switch l {
	case ",", ".", ";", "and", "in", "at", "near", "on", "when", "while", "after", "as", "during", "with", "—", "–", "-", "(", "including", "who", "which", "that", "were", "was", "are", "is", "by", "from", "inside", "outside":
		return true
	}
	return false
}

// victims returns the words between a count and its end that name who
// was counted ("Shia Muslims", "U.S. troops"), "" for bare "people", and
// whether the words read as a noun phrase at all.
func (s *sent) victims(i, j int) (string, int, int, bool) {
	ts := s.ts
	for i < j && (ts[i].l == "of" || ts[i].l == "the" || ts[i].l == "other" || ts[i].l == "more" || ts[i].l == "others") {
		i++
	}
	for j > i && (auxWords[ts[j-1].l] || ts[j-1].l == "dead") {
		j--
	}
	if i >= j {
		return "", 0, 0, true
	}
	for k := i; k < j; k++ {
		if stopVictims(ts[k].l) || casualtyWords[ts[k].l] != 0 || notNoun[ts[k].l] || s.inDate(ts[k].s) {
			j = k
			break
		}
	}
	if i >= j {
		return "", 0, 0, true
	}
	if j-i > 8 || j-i > 5 && !s.hasOf(i, j) {
		return "", 0, 0, false
	}
	if victimsWords[ts[i].l] {
		return "", 0, 0, true
	}
	return s.doc.Text[ts[i].s:ts[j-1].e], ts[i].s, ts[j-1].e, true
}

// hasOf reports whether an "of" joins the tokens: "cadres of the PBCP".
func (s *sent) hasOf(i, j int) bool {
	for k := i; k < j; k++ {
		if s.ts[k].l == "of" {
			return true
		}
	}
	return false
}

// mannerWords sit between a count and "dead": "shot dead", "beaten to
// death".
var mannerWords = map[string]bool{"shot": true, "gunned": true, "beaten": true, "hacked": true, "stabbed": true, "burnt": true, "burned": true, "found": true, "reported": true, "feared": true}

// notNoun are words that end a victims phrase: verbs of suffering and
// time words.
var notNoun = map[string]bool{"believed": true, "thought": true, "said": true, "identified": true, "reported": true, "allegedly": true, "reportedly": true, "involved": true, "belonging": true, "affiliated": true, "linked": true, "travelling": true, "traveling": true, "returning": true, "sitting": true, "standing": true, "working": true, "posted": true, "deployed": true, "aged": true, "whose": true, "where": true, "sustained": true, "suffered": true, "received": true, "got": true, "were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true, "earlier": true, "yesterday": true, "today": true, "last": true, "this": true, "late": true, "early": true, "on": true, "overnight": true}

// inDate reports whether off lies in a date expression.
func (s *sent) inDate(off int) bool {
	for _, d := range s.dates {
		if off >= d.Start && off < d.End {
			return true
		}
	}
	return false
}
