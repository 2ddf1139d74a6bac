package muc

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
)

// The slots scored, in report order.
const (
	SlotNameDate        = "date"
	SlotNameLocation    = "location"
	SlotNamePerpetrator = "perpetrator"
	SlotNameTarget      = "target"
	SlotNameDeaths      = "deaths"
	SlotNameInjuries    = "injuries"
)

// ScoredSlots lists the scored slots in report order.
var ScoredSlots = []string{SlotNameDate, SlotNameLocation, SlotNamePerpetrator, SlotNameTarget, SlotNameDeaths, SlotNameInjuries}

// Counts are the true positives, gold items and predicted items of one
// measure. A wrong filler counts as a gold item and a predicted item that
// do not match.
type Counts struct {
	TP, Gold, Pred int
}

// P, R and F1 return precision, recall and F1 (0 when undefined).
func (c Counts) P() float64  { return ratio(c.TP, c.Pred) }
func (c Counts) R() float64  { return ratio(c.TP, c.Gold) }
func (c Counts) F1() float64 { return ratio(2*c.TP, c.Gold+c.Pred) }

// Add adds d to c.
func (c *Counts) Add(d Counts) { c.TP += d.TP; c.Gold += d.Gold; c.Pred += d.Pred }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Options are the evaluation's settings.
type Options struct {
	// Aliases returns the other names of an entity id (a knowledge-base
	// entry's aliases), used when matching perpetrators; nil for none.
	Aliases func(entity string) []string
}

// Error kinds.
const (
	Missed   = "missed"   // the key has it, the prediction does not
	Spurious = "spurious" // the prediction has it, the key does not
	Wrong    = "wrong"    // both have it and they disagree
)

// Error is one scoring error, for development (--show).
type Error struct {
	Message string
	Slot    string // a scored slot, or "template"
	Kind    string // Missed, Spurious or Wrong
	Gold    string // the key's filler or template, described
	Pred    string // the prediction's, described
	// Evidence is the predicted incident's evidence text, when there is
	// a prediction.
	Evidence string
}

// Result is one message's scores.
type Result struct {
	Message  string
	Relevant bool // the key has at least one incident template
	// Templates counts key templates (non-optional, and optional ones
	// matched) and predicted incidents of types MUC has; AnyType counts
	// the same matched without regard to type.
	Templates, AnyType Counts
	Slots              map[string]Counts
	// KeyTypes counts, by the key's first incident type, the
	// non-optional templates (Gold) and those matched (TP).
	KeyTypes map[string]Counts
	// Outside counts the predicted incidents by sitrep type when MUC has
	// no such type (security operations, arrests); they are not scored.
	Outside map[string]int
	Errors  []Error
}

// prediction is an incident with what scoring needs of it.
type prediction struct {
	inc     *sitrep.Incident
	mucType string
	perps   [][]string // each perpetrator's names
	targets [][]string // each target's names
}

// ScoreMessage matches a message's predicted incidents to its key
// templates and scores them (see doc.go for the rules). text is the
// analysed document's text, to which the incidents' spans point.
func ScoreMessage(m *Message, keys []*Template, incs []sitrep.Incident, text string, opt Options) *Result {
	r := &Result{Message: m.ID, Slots: map[string]Counts{}, KeyTypes: map[string]Counts{}, Outside: map[string]int{}}
	var golds []*Gold
	for _, k := range keys {
		if !k.Irrelevant {
			golds = append(golds, k.Gold(m.Dateline.Date))
		}
	}
	r.Relevant = len(golds) > 0
	var preds []*prediction
	for i := range incs {
		inc := &incs[i]
		t := TypeOf(inc.Type)
		if t == "" {
			r.Outside[inc.Type]++
			continue
		}
		p := &prediction{inc: inc, mucType: t}
		for _, a := range inc.Perpetrators {
			p.perps = append(p.perps, actorNames(a.Actor, text, opt.Aliases))
		}
		// The state forces that carried out a strike are its
		// perpetrators in MUC's terms ("AIR FORCE" for an aerial
		// bombing); in a clash or an operation they are not.
		if inc.Type == sitrep.IncidentAirstrike || inc.Type == sitrep.IncidentShelling {
			for _, a := range inc.Actors {
				p.perps = append(p.perps, actorNames(a, text, opt.Aliases))
			}
		}
		for _, a := range inc.Targets {
			p.targets = append(p.targets, actorNames(a, text, nil))
		}
		preds = append(preds, p)
	}

	// Typed matching: the scores.
	pairs := match(golds, preds, true)
	matchedPred := make([]bool, len(preds))
	for gi, g := range golds {
		pi := pairs[gi]
		keyType := ""
		if len(g.Types) > 0 {
			keyType = g.Types[0]
		}
		if !g.Template.Optional {
			kt := r.KeyTypes[keyType]
			kt.Gold++
			if pi >= 0 {
				kt.TP++
			}
			r.KeyTypes[keyType] = kt
		}
		if pi < 0 {
			if !g.Template.Optional {
				r.Templates.Gold++
				r.Errors = append(r.Errors, Error{Message: m.ID, Slot: "template", Kind: Missed, Gold: describeGold(g)})
			}
			r.scorePair(m.ID, g, nil, text)
			continue
		}
		matchedPred[pi] = true
		r.Templates.TP++
		r.Templates.Gold++
		r.Templates.Pred++
		r.scorePair(m.ID, g, preds[pi], text)
	}
	for pi, p := range preds {
		if matchedPred[pi] {
			continue
		}
		r.Templates.Pred++
		r.Errors = append(r.Errors, Error{Message: m.ID, Slot: "template", Kind: Spurious, Pred: describePred(p.inc), Evidence: evidence(text, p.inc)})
		r.scorePair(m.ID, nil, p, text)
	}

	// Untyped matching: how much of the detection error is the type's.
	for gi, pi := range match(golds, preds, false) {
		if pi >= 0 {
			r.AnyType.TP++
			r.AnyType.Gold++
		} else if !golds[gi].Template.Optional {
			r.AnyType.Gold++
		}
	}
	r.AnyType.Pred = len(preds)
	return r
}

// actorNames returns the names an actor goes by: its name, its words in
// the text and its entity's aliases.
func actorNames(a sitrep.Actor, text string, aliases func(string) []string) []string {
	names := []string{a.Name}
	if a.Start < a.End && a.End <= len(text) {
		names = append(names, text[a.Start:a.End])
	}
	if aliases != nil && a.Entity != "" {
		names = append(names, aliases(a.Entity)...)
	}
	return names
}

// match pairs key templates with predictions one to one, maximising the
// number of agreeing slots. A pair needs one agreeing slot besides the
// type and, when typed, a prediction of a type the key allows.
func match(golds []*Gold, preds []*prediction, typed bool) []int {
	if len(golds) == 0 {
		return nil
	}
	w := make([][]int, len(golds))
	for i, g := range golds {
		w[i] = make([]int, len(preds))
		for j, p := range preds {
			ok := typeMatches(g, p.mucType)
			if typed && !ok {
				continue
			}
			n := agreeing(g, p)
			if n == 0 {
				continue
			}
			w[i][j] = 1 + 2*n
			if ok {
				w[i][j]++
			}
		}
	}
	return assign(w)
}

// agreeing counts the slots on which a key template and a prediction
// agree.
func agreeing(g *Gold, p *prediction) int {
	n := 0
	if p.inc.Date != "" && dateMatches(g, p.inc.Date) {
		n++
	}
	if locationMatches(g, p.inc.Place) {
		n++
	}
	if anyMatch(g.Perps, p.perps) {
		n++
	}
	if anyMatch(g.Targets, p.targets) {
		n++
	}
	if g.Deaths != nil && countMatches(g.Deaths, p.inc.Killed) {
		n++
	}
	if g.Injuries != nil && countMatches(g.Injuries, p.inc.Injured) {
		n++
	}
	return n
}

func anyMatch(alts []Alt, names [][]string) bool {
	for _, a := range alts {
		for _, n := range names {
			if nameMatches(a.Values, n) {
				return true
			}
		}
	}
	return false
}

// scorePair scores the slots of a key template and the prediction matched
// to it; g nil is a spurious prediction, p nil a missed template (whose
// slots count only when it is not optional).
func (r *Result) scorePair(msg string, g *Gold, p *prediction, text string) {
	if g != nil && p == nil && g.Template.Optional {
		return
	}
	var inc *sitrep.Incident
	if p != nil {
		inc = p.inc
	}
	ev := ""
	if inc != nil {
		ev = evidence(text, inc)
	}
	add := func(slot string, c Counts, kind, gold, pred string) {
		s := r.Slots[slot]
		s.Add(c)
		r.Slots[slot] = s
		if kind != "" {
			r.Errors = append(r.Errors, Error{Message: msg, Slot: slot, Kind: kind, Gold: gold, Pred: pred, Evidence: ev})
		}
	}
	single := func(slot string, goldHas, goldOpt, predHas, correct bool, gold, pred string) {
		switch {
		case goldHas && predHas && correct:
			add(slot, Counts{1, 1, 1}, "", gold, pred)
		case goldHas && predHas:
			c := Counts{Pred: 1}
			if !goldOpt {
				c.Gold = 1
			}
			add(slot, c, Wrong, gold, pred)
		case goldHas && !goldOpt:
			add(slot, Counts{Gold: 1}, Missed, gold, pred)
		case predHas:
			add(slot, Counts{Pred: 1}, Spurious, gold, pred)
		}
	}

	// Date.
	var gDate, gDateOpt bool
	var gDateText string
	if g != nil {
		gDate, gDateOpt, gDateText = len(g.Dates) > 0, g.DateOpt, g.DateText
	}
	pDate := inc != nil && inc.Date != ""
	single(SlotNameDate, gDate, gDateOpt, pDate, g != nil && pDate && dateMatches(g, inc.Date), gDateText, predDate(inc))

	// Location.
	var gLoc bool
	var gLocText string
	if g != nil {
		gLoc, gLocText = len(g.Locations) > 0, g.LocationText
	}
	pLoc := inc != nil && inc.Place != nil
	single(SlotNameLocation, gLoc, false, pLoc, g != nil && locationMatches(g, placeOf(inc)), gLocText, predPlace(inc))

	// Deaths and injuries.
	var gd, gi *Count
	if g != nil {
		gd, gi = g.Deaths, g.Injuries
	}
	var pk, pi *sitrep.Figure
	if inc != nil {
		pk, pi = inc.Killed, inc.Injured
	}
	single(SlotNameDeaths, gd != nil, gd != nil && gd.Optional, pk != nil, countMatches(gd, pk), countText(gd), figureText(pk))
	single(SlotNameInjuries, gi != nil, gi != nil && gi.Optional, pi != nil, countMatches(gi, pi), countText(gi), figureText(pi))

	// Perpetrators and targets: many fillers each.
	var gp, gt []Alt
	var pp, pt [][]string
	if g != nil {
		gp, gt = g.Perps, g.Targets
	}
	if p != nil {
		pp, pt = p.perps, p.targets
	}
	r.scoreList(msg, SlotNamePerpetrator, gp, pp, ev)
	r.scoreList(msg, SlotNameTarget, gt, pt, ev)
}

// scoreList scores a slot of many fillers: key fillers and predicted
// names are paired one to one where they match; unpaired key fillers
// that are not optional are missed, unpaired predictions spurious.
func (r *Result) scoreList(msg, slot string, gold []Alt, pred [][]string, ev string) {
	c := r.Slots[slot]
	var pairs []int
	if len(gold) > 0 {
		w := make([][]int, len(gold))
		for i, g := range gold {
			w[i] = make([]int, len(pred))
			for j, p := range pred {
				if nameMatches(g.Values, p) {
					w[i][j] = 2
					if !g.Optional {
						w[i][j]++
					}
				}
			}
		}
		pairs = assign(w)
	}
	used := make([]bool, len(pred))
	for i, g := range gold {
		switch {
		case pairs[i] >= 0:
			used[pairs[i]] = true
			c.Add(Counts{1, 1, 1})
		case !g.Optional:
			c.Gold++
			r.Errors = append(r.Errors, Error{Message: msg, Slot: slot, Kind: Missed, Gold: g.String(), Evidence: ev})
		}
	}
	for j, p := range pred {
		if !used[j] {
			c.Pred++
			r.Errors = append(r.Errors, Error{Message: msg, Slot: slot, Kind: Spurious, Pred: fmt.Sprintf("%q", p[0]), Evidence: ev})
		}
	}
	r.Slots[slot] = c
}

func placeOf(inc *sitrep.Incident) *sitrep.IncidentPlace {
	if inc == nil {
		return nil
	}
	return inc.Place
}

func predDate(inc *sitrep.Incident) string {
	if inc == nil || inc.Date == "" {
		return ""
	}
	if inc.DateText != "" {
		return fmt.Sprintf("%s (%q)", inc.Date, inc.DateText)
	}
	return inc.Date + " (" + inc.DateBasis + ")"
}

func predPlace(inc *sitrep.Incident) string {
	if inc == nil || inc.Place == nil {
		return ""
	}
	p := inc.Place
	parts := []string{p.Name}
	if p.Admin1 != "" {
		parts = append(parts, p.Admin1)
	}
	if p.Country != "" {
		parts = append(parts, p.Country)
	}
	return fmt.Sprintf("%s [%s] (%q)", strings.Join(parts, ", "), p.Precision, p.Text)
}

func countText(c *Count) string {
	if c == nil {
		return ""
	}
	return c.String() + " from " + c.Text
}

func figureText(f *sitrep.Figure) string {
	if f == nil {
		return ""
	}
	hi := "open"
	if f.Max != nil {
		hi = strconv.Itoa(*f.Max)
	}
	return fmt.Sprintf("%d (%d..%s, %q)", f.Estimate, f.Min, hi, f.Text)
}

// describeGold writes a key template in one line.
func describeGold(g *Gold) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s", g.Template.Number, strings.Join(g.Types, "/"))
	if g.DateText != "" {
		fmt.Fprintf(&b, ", date %s", g.DateText)
	}
	if g.LocationText != "" {
		fmt.Fprintf(&b, ", in %s", g.LocationText)
	}
	for _, p := range g.Perps {
		fmt.Fprintf(&b, ", by %s", p)
	}
	if len(g.Targets) > 0 {
		fmt.Fprintf(&b, ", against %s", g.Targets[0])
		if len(g.Targets) > 1 {
			fmt.Fprintf(&b, " and %d more", len(g.Targets)-1)
		}
	}
	if g.Deaths != nil {
		fmt.Fprintf(&b, ", %s dead", g.Deaths)
	}
	return b.String()
}

// describePred writes a predicted incident in one line.
func describePred(inc *sitrep.Incident) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", inc.Type, inc.Cue)
	if inc.Date != "" {
		fmt.Fprintf(&b, ", date %s", inc.Date)
	}
	if inc.Place != nil {
		fmt.Fprintf(&b, ", in %s", inc.Place.Name)
	}
	for _, p := range inc.Perpetrators {
		fmt.Fprintf(&b, ", by %q (%s)", p.Name, p.Basis)
	}
	if inc.Killed != nil {
		fmt.Fprintf(&b, ", %d killed", inc.Killed.Estimate)
	}
	return b.String()
}

// evidence returns the incident's evidence text, white space collapsed
// and cut to 240 bytes.
func evidence(text string, inc *sitrep.Incident) string {
	if inc == nil || inc.Start < 0 || inc.End > len(text) || inc.Start >= inc.End {
		return ""
	}
	s := strings.Join(strings.Fields(text[inc.Start:inc.End]), " ")
	if len(s) > 240 {
		cut := 240
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// Scores are a split's results added up.
type Scores struct {
	Split              string
	Messages, Relevant int
	// Failed counts the messages whose analysis failed (scored with no
	// predictions).
	Failed int
	// Templates and AnyType: incident detection, typed and untyped.
	Templates, AnyType Counts
	// RelevantPred counts the predictions in relevant messages: precision
	// against the messages MUC deems relevant only.
	RelevantPred int
	Slots        map[string]Counts
	KeyTypes     map[string]Counts
	Outside      map[string]int
	// Optional and Unsupported count key templates: those marked
	// optional, and those of types sitrep does not have (ARSON,
	// ROBBERY...), which count against recall.
	Optional, Unsupported int
	Errors                []Error
}

// Micro returns the slots' counts added up.
func (s *Scores) Micro() Counts {
	var c Counts
	for _, n := range ScoredSlots {
		c.Add(s.Slots[n])
	}
	return c
}

// RelevantP returns the template precision counting only the predictions
// made in relevant messages.
func (s *Scores) RelevantP() float64 { return ratio(s.Templates.TP, s.RelevantPred) }

// KeyTypeNames returns the key types seen, most frequent first.
func (s *Scores) KeyTypeNames() []string {
	var out []string
	for t := range s.KeyTypes {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := s.KeyTypes[out[i]], s.KeyTypes[out[j]]
		if a.Gold != b.Gold {
			return a.Gold > b.Gold
		}
		return out[i] < out[j]
	})
	return out
}

// Add adds a message's result.
func (s *Scores) Add(c *Corpus, r *Result) {
	s.Messages++
	if r.Relevant {
		s.Relevant++
		s.RelevantPred += r.Templates.Pred
	}
	s.Templates.Add(r.Templates)
	s.AnyType.Add(r.AnyType)
	if s.Slots == nil {
		s.Slots, s.KeyTypes, s.Outside = map[string]Counts{}, map[string]Counts{}, map[string]int{}
	}
	for k, v := range r.Slots {
		x := s.Slots[k]
		x.Add(v)
		s.Slots[k] = x
	}
	for k, v := range r.KeyTypes {
		x := s.KeyTypes[k]
		x.Add(v)
		s.KeyTypes[k] = x
	}
	for k, v := range r.Outside {
		s.Outside[k] += v
	}
	for _, k := range c.Keys[r.Message] {
		if k.Irrelevant {
			continue
		}
		if k.Optional {
			s.Optional++
		}
		supported := false
		for _, f := range k.Slots[SlotType] {
			for _, t := range f.Values {
				supported = supported || Supported(t)
			}
		}
		if !supported && !k.Optional {
			s.Unsupported++
		}
	}
	s.Errors = append(s.Errors, r.Errors...)
}

// AnalyzeFunc builds and analyses the document of a message. The
// evaluation gives the dateline's date as the publication date.
type AnalyzeFunc func(ctx context.Context, m *Message) (*sitrep.Document, error)

// Run analyses every message of c with analyze, workers at a time, and
// scores the incidents found. A message whose analysis fails is scored
// with no predictions and reported through onError.
func Run(ctx context.Context, c *Corpus, analyze AnalyzeFunc, opt Options, workers int, onError func(id string, err error)) (*Scores, error) {
	results := make([]*Result, len(c.Messages))
	failed := make([]bool, len(c.Messages))
	var mu sync.Mutex // serialises onError
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				m := &c.Messages[i]
				var incs []sitrep.Incident
				text := m.Text
				doc, err := analyze(ctx, m)
				if err != nil {
					failed[i] = true
					if onError != nil {
						mu.Lock()
						onError(m.ID, err)
						mu.Unlock()
					}
				} else {
					incs, text = doc.Incidents, doc.Text
				}
				results[i] = ScoreMessage(m, c.Keys[m.ID], incs, text, opt)
			}
		}()
	}
	for i := range c.Messages {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s := &Scores{Split: c.Split}
	for i, r := range results {
		s.Add(c, r)
		if failed[i] {
			s.Failed++
		}
	}
	return s, nil
}
