package connect

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Flags of a merged incident.
const (
	// FlagConflictingFigures: the reported figures of one kind (killed,
	// injured, ...) spread beyond FigureTolerance.
	FlagConflictingFigures = "conflicting_figures"
	// FlagCompetingClaims: different groups claimed the incident, or a
	// group claimed it while a speaker (or the article) blamed another;
	// a branch and its parent group are one side.
	FlagCompetingClaims = "competing_claims"
)

// Figure kinds of ReportedFigure.Kind.
const (
	FigureKilled    = "killed"
	FigureInjured   = "injured"
	FigureKidnapped = "kidnapped"
	FigureArrested  = "arrested"
)

// MergedIncident is one incident as all the reports of it tell it.
type MergedIncident struct {
	// ID is stable for a given earliest report: "incident:" and 16 hex
	// digits of the SHA-256 of that report's document id, cue span and
	// type. A new, earlier report of the incident changes it.
	ID string `json:"id"`
	// Type is the most specific type the reports support: a suicide
	// bombing reported elsewhere as a bombing is a suicide bombing, an
	// assassination reported as an armed attack an assassination;
	// otherwise the type most reports give (the earliest report's on a
	// tie).
	Type string `json:"type"`
	// Date, DatePrecision, DateBasis: the most precise date a report
	// states (the most reported at that precision, the earliest report's
	// on a tie); when no report states one, the earliest publication
	// date, with DateBasis "published" (it happened by then). DateReport
	// is the index in Reports of the report it comes from, -1 when none.
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision,omitempty"`
	DateBasis     string `json:"date_basis,omitempty"`
	DateReport    int    `json:"date_report"`
	// Place is the finest place a report gives (the most reported among
	// equally fine ones); its text and span are those of report
	// PlaceReport (-1 when no report gives a place).
	Place       *sitrep.IncidentPlace `json:"place"`
	PlaceReport int                   `json:"place_report"`
	// Killed, Injured, Kidnapped, Arrested are the best estimates of the
	// reported figures (see Estimate); null when no report gives one.
	Killed    *Estimate `json:"killed"`
	Injured   *Estimate `json:"injured"`
	Kidnapped *Estimate `json:"kidnapped,omitempty"`
	Arrested  *Estimate `json:"arrested,omitempty"`
	// Perpetrators are the groups the reports name, each with every
	// report and speaker that named it.
	Perpetrators []MergedPerpetrator `json:"perpetrators"`
	// Flags are FlagConflictingFigures and FlagCompetingClaims when they
	// hold.
	Flags []string `json:"flags"`
	// Reports are the documents' own incidents, earliest publication
	// first (unknown dates last), then by document id and position.
	Reports []IncidentReport `json:"reports"`
	// Figures are every figure of every report, in report order.
	Figures []ReportedFigure `json:"figures"`
}

// Estimate is the best single figure for one kind of count, and the
// spread of what was reported.
//
// The rule (documented in docs/incidents.md): death tolls grow as bodies
// are counted and claimants inflate them, so the best estimate is the
// lowest figure among the latest well-sourced reports: figures whose
// source is not a group that claimed the incident, published on the
// latest publication date among them (an earlier figure is taken as
// superseded). Among figures of the same day, the lowest is ACLED's
// conservative choice. Undated reports count only when none is dated.
type Estimate struct {
	Best int `json:"best"`
	// Low and High are the lowest and highest figure reported, claimants'
	// included.
	Low  int `json:"low"`
	High int `json:"high"`
	// Figures is how many figures of this kind were reported; From are
	// the indexes in MergedIncident.Figures of those Best was chosen
	// among.
	Figures int   `json:"figures"`
	From    []int `json:"from"`
}

// ReportedFigure is one figure as a report gives it, with who gave it and
// when.
type ReportedFigure struct {
	// Kind is "killed", "injured", "kidnapped" or "arrested".
	Kind string `json:"kind"`
	sitrep.Figure
	// By is who gave the figure: the figure's source when the text names
	// one, else the outlet (ByKind "outlet"), else the article
	// ("article", named by the file name of its source).
	By     ActorRef `json:"by"`
	ByKind string   `json:"by_kind"`
	// Claimant marks a figure given by a group that claimed the incident:
	// it is listed and counted in the spread but not used for the best
	// estimate.
	Claimant bool `json:"claimant,omitempty"`
	// Report is the index in MergedIncident.Reports; DocID and Published
	// repeat that report's.
	Report    int         `json:"report"`
	DocID     string      `json:"doc_id"`
	Published sitrep.Date `json:"published"`
}

// MergedPerpetrator is a group named as the perpetrator by one or more
// reports.
type MergedPerpetrator struct {
	ActorRef
	// Basis is the strongest basis any report gives: "claimed", then
	// "attributed", then "suspected".
	Basis string `json:"basis"`
	// NamedBy lists every report naming the group, with its basis and
	// speaker.
	NamedBy []Attribution `json:"named_by"`
}

// Attribution is one report's naming of a perpetrator.
type Attribution struct {
	Basis   string    `json:"basis"`
	Speaker *ActorRef `json:"speaker,omitempty"`
	Report  int       `json:"report"`
}

// Merge parameters. They are documented, with the weights of
// scorePair, in docs/incidents.md.
const (
	// DateWindow is the largest gap, in days, between two reports' dates
	// of one incident.
	DateWindow = 2
	// PublishedLookback is how many days before its publication date a
	// report that gives no date may be about.
	PublishedLookback = 3
	// MergeThreshold is the evidence score two reports need to be merged;
	// StrongThreshold is the score needed when either place is unknown.
	MergeThreshold  = 5.5
	StrongThreshold = 6.5
	// fineSpan is the longest date range, in days, still used as evidence
	// (a week); coarser dates (a month, a year) neither help nor block.
	fineSpan = 7
	// nearbyKm is how far apart two towns can be and still be the place
	// of one incident (a village and the town it is reported under).
	nearbyKm = 10
	// undatedLookback is how far back a report with no date at all, but
	// a publication date, may be about.
	undatedLookback = 30
)

// FigureTolerance is how far apart two figures of one kind can be before
// they are said to conflict: 2, or a fifth of the larger one.
func FigureTolerance(high int) int { return max(2, high/5) }

// node is a report prepared for comparison.
type node struct {
	r       *IncidentReport
	docKey  string // the document as read (id and source)
	country string
	place   *sitrep.IncidentPlace
	level   int // of the place: 1 town ... 4 country, 0 unknown
	per     period
	exact   bool // a stated single day
	coarse  bool // a date range longer than fineSpan
	pub     int  // publication day, unknownDay when unknown
	ti      int  // index of the type in sitrep.IncidentTypes, -1 for another
	killed  int  // estimate, -1 unknown
	injured int
	perps   []string // perpetrator keys
	targets []string // target keys and words
	cue     string
}

// edge is a candidate link between two nodes, by their index.
type edge struct {
	a, b    int
	score   float64
	reasons []string
}

// MergeIncidents groups reports of the same incident and returns one
// MergedIncident per group, in date order (unknown dates last), then by
// place and id. The input is not modified and its order does not matter.
//
// Two reports are compared only when they could be one incident: in the
// same country (or one with no place), with dates within DateWindow days
// of each other, of compatible types and from different documents. Their
// evidence is scored (type, place, date, figures, perpetrators, targets,
// cue, the same story syndicated); links scoring MergeThreshold or more
// (StrongThreshold when a place is unknown) are taken strongest first,
// and two groups are joined only when no pair across them is
// incompatible, so that chains never join what cannot be one incident
// (two towns through the district holding both). Reports are blocked by
// country and sorted by date, so the cost grows as n log n plus the pairs
// within a few days of each other in a country.
func MergeIncidents(reports []IncidentReport, opt Options) []MergedIncident {
	// Nodes point into reports, which is only read, in report order.
	order := make([]int, len(reports))
	for i := range order {
		order[i] = i
	}
	pubs := make([]int, len(reports))
	for i := range reports {
		pubs[i] = pubDay(reports[i].Published)
	}
	sort.Slice(order, func(i, j int) bool {
		x, y := order[i], order[j]
		if pubs[x] != pubs[y] {
			return pubs[x] < pubs[y]
		}
		if c := compareReports(&reports[x], &reports[y]); c != 0 {
			return c < 0
		}
		return x < y
	})
	nodes := make([]node, len(reports))
	for i, k := range order {
		nodes[i] = newNode(&reports[k], &opt)
	}

	edges := candidateEdges(nodes, &opt)
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].score != edges[j].score {
			return edges[i].score > edges[j].score
		}
		if edges[i].a != edges[j].a {
			return edges[i].a < edges[j].a
		}
		return edges[i].b < edges[j].b
	})

	// Union strongest first, refusing joins with an incompatible pair.
	parent := make([]int, len(nodes))
	members := make([][]int, len(nodes))
	for i := range nodes {
		parent[i] = i
		members[i] = []int{i}
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	best := make(map[[2]int]*edge, len(edges))
	for k := range edges {
		e := &edges[k]
		best[[2]int{e.a, e.b}] = e
		ra, rb := find(e.a), find(e.b)
		if ra == rb || !joinable(nodes, members[ra], members[rb], &opt) {
			continue
		}
		if len(members[ra]) < len(members[rb]) {
			ra, rb = rb, ra
		}
		parent[rb] = ra
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
	}

	var built []MergedIncident
	for i := range nodes {
		if find(i) != i {
			continue
		}
		ms := members[i]
		sort.Ints(ms) // report order: nodes are sorted as reports
		built = append(built, buildIncident(nodes, ms, best, &opt))
	}
	// Sort by index, then move each incident once: they are large.
	keys := make([]incidentKey, len(built))
	for i := range built {
		keys[i] = keyOf(&built[i], i)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(&keys[j]) })
	out := make([]MergedIncident, len(built))
	for i, k := range keys {
		out[i] = built[k.i]
	}
	return out
}

// compareReports orders reports of the same publication day by document
// id, source and position.
func compareReports(a, b *IncidentReport) int {
	if c := strings.Compare(a.Doc.ID, b.Doc.ID); c != 0 {
		return c
	}
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	if c := cmpInt(a.Incident.CueStart, b.Incident.CueStart); c != 0 {
		return c
	}
	return cmpInt(a.Index, b.Index)
}

func pubDay(d sitrep.Date) int {
	if d.IsZero() {
		return unknownDay
	}
	return dayOf(d)
}

func newNode(r *IncidentReport, opt *Options) node {
	inc := &r.Incident
	n := node{r: r, docKey: r.Doc.ID + "\x00" + r.Source, place: inc.Place, pub: pubDay(r.Published), ti: typeIndex(inc.Type),
		killed: figureEstimate(inc.Killed), injured: figureEstimate(inc.Injured), cue: normName(inc.Cue)}
	if p := inc.Place; p != nil {
		n.country = strings.ToLower(p.Country)
		n.level = placeLevel(p)
	}
	n.per, n.exact = incidentPeriod(inc, r.Published)
	n.coarse = n.per.known && n.per.hi-n.per.lo+1 > fineSpan
	for _, p := range inc.Perpetrators {
		if k := opt.refOf(p.Actor).key(); k != "" {
			n.perps = append(n.perps, k)
		}
	}
	for _, t := range inc.Targets {
		n.targets = append(n.targets, targetKeys(opt.refOf(t))...)
	}
	return n
}

// incidentPeriod returns the days an incident can have happened on, and
// whether they are one stated day.
func incidentPeriod(inc *sitrep.Incident, published sitrep.Date) (period, bool) {
	if inc.Date != "" {
		p, prec := parsePeriod(inc.Date)
		if prec != "" {
			if inc.DateBasis == BasisPublished {
				p.lo -= PublishedLookback
				return p, false
			}
			return p, prec == "day"
		}
	}
	if !published.IsZero() {
		d := dayOf(published)
		return period{d - undatedLookback, d, true}, false
	}
	return period{}, false
}

func figureEstimate(f *sitrep.Figure) int {
	if f == nil {
		return -1
	}
	return f.Estimate
}

// placeLevel ranks a place's precision: 1 town, 2 district, 3 province,
// 4 country; inferred from its admin fields when Precision is empty.
func placeLevel(p *sitrep.IncidentPlace) int {
	switch p.Precision {
	case sitrep.PrecisionTown:
		return 1
	case sitrep.PrecisionDistrict:
		return 2
	case sitrep.PrecisionProvince:
		return 3
	case sitrep.PrecisionCountry:
		return 4
	}
	switch {
	case p.Name == "":
		return 0
	case strings.EqualFold(p.Name, p.Country):
		return 4
	case strings.EqualFold(p.Name, p.Admin1):
		return 3
	case strings.EqualFold(p.Name, p.Admin2):
		return 2
	}
	return 1
}

// stopWords are left out of target words.
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "at": true,
	"on": true, "and": true, "for": true, "to": true, "near": true, "local": true, "people": true,
	"several": true, "some": true, "two": true, "three": true, "many": true}

// targetKeys returns what identifies a target: its entity id, else the
// content words of its name ("a police checkpoint": police, checkpoint),
// plural -s dropped.
func targetKeys(a ActorRef) []string {
	if a.Entity != "" {
		return []string{a.Entity}
	}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(a.Name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(w) < 3 || stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}

// typeRel is how two incident types relate: the weight of their
// evidence and its name, ok false when they cannot be one incident.
type typeRel struct {
	w   float64
	why string
	ok  bool
}

// typeTable holds typeWeight for every pair of sitrep.IncidentTypes, so
// that comparing reports does not compare strings.
var typeTable = func() [][]typeRel {
	t := make([][]typeRel, len(sitrep.IncidentTypes))
	for i, a := range sitrep.IncidentTypes {
		t[i] = make([]typeRel, len(sitrep.IncidentTypes))
		for j, b := range sitrep.IncidentTypes {
			w, why, ok := typeWeight(a, b)
			t[i][j] = typeRel{w, why, ok}
		}
	}
	return t
}()

func typeIndex(t string) int {
	for i, x := range sitrep.IncidentTypes {
		if x == t {
			return i
		}
	}
	return -1
}

// types relates the types of two reports.
func (a *node) types(b *node) typeRel {
	if a.ti >= 0 && b.ti >= 0 {
		return typeTable[a.ti][b.ti]
	}
	w, why, ok := typeWeight(a.r.Incident.Type, b.r.Incident.Type)
	return typeRel{w, why, ok}
}

// typeWeight gives the evidence of two types: 2 for the same type, less
// for compatible ones, ok false for types that cannot be one incident.
func typeWeight(a, b string) (float64, string, bool) {
	if a == b {
		return 2, "same_type", true
	}
	if a > b {
		a, b = b, a
	}
	switch [2]string{a, b} {
	case [2]string{sitrep.IncidentBombing, sitrep.IncidentSuicideBombing}:
		return 1.5, "compatible_type", true
	case [2]string{sitrep.IncidentArmedAttack, sitrep.IncidentArmedClash},
		[2]string{sitrep.IncidentArmedAttack, sitrep.IncidentAssassination},
		[2]string{sitrep.IncidentAirstrike, sitrep.IncidentShelling},
		[2]string{sitrep.IncidentArmedClash, sitrep.IncidentSecurityOperation},
		[2]string{sitrep.IncidentArrest, sitrep.IncidentSecurityOperation}:
		return 1, "compatible_type", true
	case [2]string{sitrep.IncidentAssassination, sitrep.IncidentBombing},
		[2]string{sitrep.IncidentArmedAttack, sitrep.IncidentBombing},
		[2]string{sitrep.IncidentArmedAttack, sitrep.IncidentSuicideBombing},
		[2]string{sitrep.IncidentAirstrike, sitrep.IncidentSecurityOperation}:
		// An assassination by a bomb, a complex attack (gunmen with
		// bombs or suicide vests), a strike during an operation.
		return 0.5, "compatible_type", true
	}
	return 0, "", false
}

// Place relations.
const (
	placeUnknown = iota
	placeSame
	placeNested
	placeNearby
	placeConflict
)

// placeRelation compares two places through their country, province,
// district and, for two towns, their names and distance.
func placeRelation(a, b *sitrep.IncidentPlace, la, lb int) int {
	if a == nil || b == nil || la == 0 || lb == 0 {
		return placeUnknown
	}
	differ := func(x, y string) bool { return x != "" && y != "" && !strings.EqualFold(x, y) }
	if a.Country == "" || b.Country == "" {
		if strings.EqualFold(a.Name, b.Name) {
			return placeSame
		}
		return placeUnknown
	}
	if differ(a.Country, b.Country) || differ(a.Admin1, b.Admin1) || differ(a.Admin2, b.Admin2) {
		return placeConflict
	}
	if la != lb {
		return placeNested
	}
	if a.Entity != "" && a.Entity == b.Entity || strings.EqualFold(a.Name, b.Name) {
		return placeSame
	}
	if la > 1 {
		// Two districts or provinces of the same name in the same
		// country would have been told apart by their admin fields.
		return placeConflict
	}
	if (a.Lat != 0 || a.Lon != 0) && (b.Lat != 0 || b.Lon != 0) && distanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= nearbyKm {
		return placeNearby
	}
	return placeConflict
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// placeWeights by relation and by the level of the coarser place.
var (
	sameWeight   = [5]float64{0, 3, 2, 1, 0.5}
	nestedWeight = [5]float64{0, 0, 1.5, 0.75, 0.25}
)

// compatible reports whether two reports can be one incident at all.
func compatible(a, b *node) bool {
	if a.docKey == b.docKey {
		return false
	}
	if !a.types(b).ok {
		return false
	}
	if placeRelation(a.place, b.place, a.level, b.level) == placeConflict {
		return false
	}
	if a.per.known && b.per.known {
		if gap := max(a.per.lo, b.per.lo) - min(a.per.hi, b.per.hi); gap > DateWindow {
			return false
		}
	}
	return true
}

// scorePair weighs the evidence that two compatible reports are one
// incident. The weights are listed in docs/incidents.md.
// With explain false it only scores (no allocation); with explain true
// it also names the evidence.
func scorePair(a, b *node, sameStory bool, opt *Options, explain bool) (float64, []string) {
	var score float64
	var reasons []string
	add := func(w float64, why string) {
		score += w
		if explain {
			reasons = append(reasons, why)
		}
	}
	tr := a.types(b)
	add(tr.w, tr.why)
	if sameStory {
		add(4, "same_story")
	}
	switch placeRelation(a.place, b.place, a.level, b.level) {
	case placeSame:
		add(sameWeight[a.level], "same_place")
	case placeNested:
		add(nestedWeight[max(a.level, b.level)], "nested_place")
	case placeNearby:
		add(1, "nearby_place")
	default:
		add(0, "unknown_place")
	}
	if a.per.known && b.per.known {
		gap := max(a.per.lo, b.per.lo) - min(a.per.hi, b.per.hi)
		switch {
		case a.coarse || b.coarse:
			add(0, "coarse_date")
		case a.exact && b.exact && gap <= 0:
			add(2, "same_day")
		case gap <= 0:
			add(1, "date_overlap")
		case gap == 1:
			add(0.5, "next_day")
		default:
			add(0, "date_within_window")
		}
	}
	figures := func(x, y int, weight float64, kind string) {
		if x < 0 || y < 0 {
			return
		}
		lo, hi := min(x, y), max(x, y)
		switch {
		case hi-lo <= FigureTolerance(hi):
			add(1.5*weight, "same_"+kind)
		case hi <= 2*lo+5:
			add(0.5*weight, "close_"+kind)
		case x != y && (x < y) == (a.pub < b.pub) && a.pub != b.pub:
			// The higher figure is the later one: a toll that grew.
			add(-0.5*weight, "rising_"+kind)
		default:
			add(-3*weight, "different_"+kind)
		}
	}
	figures(a.killed, b.killed, 1, "killed")
	figures(a.injured, b.injured, 0.5, "injured")
	if sharePerpetrator(a.perps, b.perps, opt) {
		add(1.5, "same_perpetrator")
	}
	if len(a.targets) > 0 && len(b.targets) > 0 {
		if shareAny(a.targets, b.targets) {
			add(1, "same_target")
		} else {
			add(-1, "different_target")
		}
	}
	if a.cue != "" && a.cue == b.cue {
		add(0.5, "same_cue")
	}
	return score, reasons
}

func sharePerpetrator(a, b []string, opt *Options) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || opt.sameSide(x, y) {
				return true
			}
		}
	}
	return false
}

func shareAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// candidateEdges scores the pairs that blocking lets through.
func candidateEdges(nodes []node, opt *Options) []edge {
	var edges []edge
	try := func(i, j int, sameStory bool) {
		if i > j {
			i, j = j, i
		}
		a, b := &nodes[i], &nodes[j]
		if !compatible(a, b) {
			return
		}
		s, _ := scorePair(a, b, sameStory, opt, false)
		need := MergeThreshold
		if a.level == 0 || b.level == 0 {
			need = StrongThreshold
		}
		if s >= need {
			_, why := scorePair(a, b, sameStory, opt, true)
			edges = append(edges, edge{i, j, s, why})
		}
	}

	// Blocks: one list per country, one for reports with no country;
	// each sorted by first possible day.
	byCountry := map[string][]int{}
	var noCountry []int
	for i := range nodes {
		n := &nodes[i]
		if !n.per.known {
			continue // undated: only the same story links it
		}
		if n.country == "" {
			noCountry = append(noCountry, i)
		} else {
			byCountry[n.country] = append(byCountry[n.country], i)
		}
	}
	byLo := func(ix []int) {
		sort.Slice(ix, func(x, y int) bool {
			if a, b := nodes[ix[x]].per.lo, nodes[ix[y]].per.lo; a != b {
				return a < b
			}
			return ix[x] < ix[y]
		})
	}
	countries := make([]string, 0, len(byCountry))
	for c := range byCountry {
		countries = append(countries, c)
	}
	sort.Strings(countries)
	byLo(noCountry)
	// sweep pairs every node of list with the later-starting nodes of
	// list whose first day is within reach of its last one.
	sweep := func(list []int, skip func(i, j int) bool) {
		for x, i := range list {
			hi := nodes[i].per.hi + DateWindow
			for _, j := range list[x+1:] {
				if nodes[j].per.lo > hi {
					break
				}
				if skip == nil || !skip(i, j) {
					try(i, j, false)
				}
			}
		}
	}
	noCountrySet := make(map[int]bool, len(noCountry))
	for _, i := range noCountry {
		noCountrySet[i] = true
	}
	for _, c := range countries {
		list := byCountry[c]
		if len(noCountry) > 0 {
			list = append(append([]int(nil), list...), noCountry...)
		}
		byLo(list)
		// Pairs of two reports without a country are swept once, below.
		sweep(list, func(i, j int) bool { return noCountrySet[i] && noCountrySet[j] })
	}
	sweep(noCountry, nil)

	// The same story: reports in documents with the same id (one text
	// read twice) or marked near duplicates of each other.
	byDoc := map[string][]int{}
	for i := range nodes {
		byDoc[nodes[i].r.Doc.ID] = append(byDoc[nodes[i].r.Doc.ID], i)
	}
	seen := map[[2]int]bool{}
	for i := range nodes {
		r := nodes[i].r
		others := append([]string{r.Doc.ID}, r.NearDuplicates...)
		for _, id := range others {
			for _, j := range byDoc[id] {
				k := [2]int{min(i, j), max(i, j)}
				if i == j || seen[k] {
					continue
				}
				seen[k] = true
				try(i, j, true)
			}
		}
	}
	// A same-story pair may also have been swept: keep its best score.
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].a != edges[y].a {
			return edges[x].a < edges[y].a
		}
		if edges[x].b != edges[y].b {
			return edges[x].b < edges[y].b
		}
		return edges[x].score > edges[y].score
	})
	out := edges[:0]
	for k, e := range edges {
		if k > 0 && e.a == edges[k-1].a && e.b == edges[k-1].b {
			continue
		}
		out = append(out, e)
	}
	return out
}

// joinable reports whether two groups can be one incident: no two
// reports across them are incompatible.
func joinable(nodes []node, a, b []int, opt *Options) bool {
	for _, i := range a {
		for _, j := range b {
			if !compatible(&nodes[i], &nodes[j]) {
				return false
			}
		}
	}
	return true
}

// buildIncident makes the merged incident of a group of nodes (indexes in
// report order).
func buildIncident(nodes []node, ms []int, best map[[2]int]*edge, opt *Options) MergedIncident {
	m := MergedIncident{DateReport: -1, PlaceReport: -1, Flags: []string{}, Perpetrators: []MergedPerpetrator{},
		Figures: []ReportedFigure{}}
	for k, i := range ms {
		r := *nodes[i].r
		r.Join = nil
		if k > 0 {
			// The strongest link to an earlier report, else to any.
			var e *edge
			with, eEarlier := -1, false
			for kj, j := range ms {
				c := best[[2]int{min(i, j), max(i, j)}]
				if j == i || c == nil {
					continue
				}
				earlier := j < i
				if e == nil || earlier && !eEarlier || earlier == eEarlier && c.score > e.score {
					e, with, eEarlier = c, kj, earlier
				}
			}
			if e != nil {
				r.Join = &Join{Report: with, Score: e.score, Evidence: e.reasons}
			}
		}
		m.Reports = append(m.Reports, r)
	}
	first := m.Reports[0]
	h := sha256.Sum256([]byte(first.Doc.ID + ":" + strconv.Itoa(first.Incident.CueStart) + "-" +
		strconv.Itoa(first.Incident.CueEnd) + ":" + first.Incident.Type))
	m.ID = "incident:" + hex.EncodeToString(h[:8])

	m.Type = mergedType(m.Reports)
	m.Date, m.DatePrecision, m.DateBasis, m.DateReport = mergedDate(m.Reports)
	m.Place, m.PlaceReport = mergedPlace(m.Reports)
	m.Perpetrators = mergedPerpetrators(m.Reports, opt)
	claimed := map[string]bool{}
	for _, p := range m.Perpetrators {
		if p.Basis == sitrep.BasisClaimed {
			claimed[p.ActorRef.key()] = true
		}
	}
	for k, r := range m.Reports {
		inc := &r.Incident
		for _, f := range []struct {
			kind string
			fig  *sitrep.Figure
		}{{FigureKilled, inc.Killed}, {FigureInjured, inc.Injured}, {FigureKidnapped, inc.Kidnapped}, {FigureArrested, inc.Arrested}} {
			if f.fig == nil {
				continue
			}
			rf := ReportedFigure{Kind: f.kind, Figure: *f.fig, Report: k, DocID: r.Doc.ID, Published: r.Published}
			switch {
			case f.fig.Source != nil:
				rf.By, rf.ByKind = opt.refOf(*f.fig.Source), "source"
				rf.Claimant = claimed[rf.By.key()]
			case r.Outlet != "":
				rf.By, rf.ByKind = ActorRef{Name: r.Outlet}, "outlet"
			default:
				rf.By, rf.ByKind = ActorRef{Name: baseName(r.Source)}, "article"
			}
			m.Figures = append(m.Figures, rf)
		}
	}
	conflicting := false
	for _, kind := range []string{FigureKilled, FigureInjured, FigureKidnapped, FigureArrested} {
		e := estimate(m.Figures, kind)
		if e == nil {
			continue
		}
		if e.High-e.Low > FigureTolerance(e.High) {
			conflicting = true
		}
		switch kind {
		case FigureKilled:
			m.Killed = e
		case FigureInjured:
			m.Injured = e
		case FigureKidnapped:
			m.Kidnapped = e
		case FigureArrested:
			m.Arrested = e
		}
	}
	if conflicting {
		m.Flags = append(m.Flags, FlagConflictingFigures)
	}
	if competing(m.Perpetrators, opt) {
		m.Flags = append(m.Flags, FlagCompetingClaims)
	}
	return m
}

// estimate applies the best-estimate rule (see Estimate) to the figures
// of one kind.
func estimate(figs []ReportedFigure, kind string) *Estimate {
	var all, pool []int
	for i := range figs {
		if figs[i].Kind != kind {
			continue
		}
		all = append(all, i)
		if !figs[i].Claimant {
			pool = append(pool, i)
		}
	}
	if len(all) == 0 {
		return nil
	}
	if len(pool) == 0 {
		pool = all
	}
	latest := -1
	for _, i := range pool {
		if !figs[i].Published.IsZero() {
			latest = max(latest, dayOf(figs[i].Published))
		}
	}
	var from []int
	for _, i := range pool {
		if latest < 0 || !figs[i].Published.IsZero() && dayOf(figs[i].Published) >= latest {
			from = append(from, i)
		}
	}
	e := &Estimate{Best: math.MaxInt, Low: math.MaxInt, High: math.MinInt, Figures: len(all), From: from}
	for _, i := range from {
		e.Best = min(e.Best, figs[i].Estimate)
	}
	for _, i := range all {
		e.Low = min(e.Low, figs[i].Estimate)
		e.High = max(e.High, figs[i].Estimate)
	}
	return e
}

// refinements map a generic type to the specific types it may stand for.
var refinements = map[string][]string{
	sitrep.IncidentBombing:     {sitrep.IncidentSuicideBombing, sitrep.IncidentAssassination},
	sitrep.IncidentArmedAttack: {sitrep.IncidentAssassination, sitrep.IncidentSuicideBombing},
	sitrep.IncidentArmedClash:  {sitrep.IncidentSecurityOperation},
	sitrep.IncidentShelling:    {sitrep.IncidentAirstrike},
}

func mergedType(rs []IncidentReport) string {
	votes := map[string]int{}
	firstAt := map[string]int{}
	for i, r := range rs {
		t := r.Incident.Type
		votes[t]++
		if _, ok := firstAt[t]; !ok {
			firstAt[t] = i
		}
	}
	// A generic report's vote goes to the specific type others give.
	for generic, specifics := range refinements {
		if votes[generic] == 0 {
			continue
		}
		for _, s := range specifics {
			if votes[s] > 0 {
				votes[s] += votes[generic]
				delete(votes, generic)
				break
			}
		}
	}
	best := ""
	for t, v := range votes {
		if best == "" || v > votes[best] || v == votes[best] && firstAt[t] < firstAt[best] {
			best = t
		}
	}
	return best
}

var precisionRank = map[string]int{"day": 1, "week": 2, "month": 3, "year": 4}

func mergedDate(rs []IncidentReport) (date, prec, basis string, from int) {
	type cand struct {
		date, prec  string
		rank, votes int
		first       int
	}
	cands := map[string]*cand{}
	for i, r := range rs {
		inc := &r.Incident
		if inc.Date == "" || inc.DateBasis == BasisPublished {
			continue
		}
		_, p := parsePeriod(inc.Date)
		if p == "" {
			continue
		}
		c := cands[inc.Date]
		if c == nil {
			c = &cand{date: inc.Date, prec: p, rank: precisionRank[p], first: i}
			cands[inc.Date] = c
		}
		c.votes++
	}
	var best *cand
	for _, c := range cands {
		if best == nil || c.rank < best.rank || c.rank == best.rank && (c.votes > best.votes || c.votes == best.votes && c.first < best.first) {
			best = c
		}
	}
	if best != nil {
		return best.date, best.prec, BasisStated, best.first
	}
	// No stated date: it happened by the earliest publication date.
	for i, r := range rs {
		inc := &r.Incident
		if inc.DateBasis == BasisPublished && inc.Date != "" {
			if _, p := parsePeriod(inc.Date); p != "" {
				return inc.Date, p, BasisPublished, i
			}
		}
		if !r.Published.IsZero() {
			return r.Published.String(), "day", BasisPublished, i
		}
	}
	return "", "", "", -1
}

func mergedPlace(rs []IncidentReport) (*sitrep.IncidentPlace, int) {
	votes := map[string]int{}
	key := func(p *sitrep.IncidentPlace) string {
		return strings.ToLower(p.Country + "|" + p.Admin1 + "|" + p.Admin2 + "|" + p.Name)
	}
	for _, r := range rs {
		if p := r.Incident.Place; p != nil {
			votes[key(p)]++
		}
	}
	at, level := -1, 0
	for i, r := range rs {
		p := r.Incident.Place
		if p == nil {
			continue
		}
		l := placeLevel(p)
		if l == 0 {
			l = 5
		}
		if at < 0 || l < level || l == level && votes[key(p)] > votes[key(rs[at].Incident.Place)] {
			at, level = i, l
		}
	}
	if at < 0 {
		return nil, -1
	}
	p := *rs[at].Incident.Place
	return &p, at
}

var basisRank = map[string]int{sitrep.BasisClaimed: 1, sitrep.BasisAttributed: 2, sitrep.BasisSuspected: 3}

func mergedPerpetrators(rs []IncidentReport, opt *Options) []MergedPerpetrator {
	var out []MergedPerpetrator
	at := map[string]int{}
	for k, r := range rs {
		for _, p := range r.Incident.Perpetrators {
			ref := opt.refOf(p.Actor)
			key := ref.key()
			if key == "" {
				continue
			}
			i, ok := at[key]
			if !ok {
				i = len(out)
				at[key] = i
				out = append(out, MergedPerpetrator{ActorRef: ref, Basis: p.Basis})
			}
			a := Attribution{Basis: p.Basis, Report: k}
			if p.Speaker != nil {
				s := opt.refOf(*p.Speaker)
				a.Speaker = &s
			}
			mp := &out[i]
			mp.NamedBy = append(mp.NamedBy, a)
			if rank(p.Basis) < rank(mp.Basis) {
				mp.Basis = p.Basis
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].Basis) < rank(out[j].Basis) })
	return out
}

func rank(basis string) int {
	if r, ok := basisRank[basis]; ok {
		return r
	}
	return 4
}

// competing reports whether the perpetrators hold competing claims: two
// groups that are not one side both claimed it, or one claimed it and
// another was blamed.
func competing(ps []MergedPerpetrator, opt *Options) bool {
	for i := range ps {
		if !hasBasis(ps[i], sitrep.BasisClaimed) {
			continue
		}
		for j := range ps {
			if i == j || opt.sameSide(ps[i].Entity, ps[j].Entity) {
				continue
			}
			if hasBasis(ps[j], sitrep.BasisClaimed) || hasBasis(ps[j], sitrep.BasisAttributed) {
				return true
			}
		}
	}
	return false
}

func hasBasis(p MergedPerpetrator, basis string) bool {
	for _, a := range p.NamedBy {
		if a.Basis == basis {
			return true
		}
	}
	return false
}

// incidentKey orders merged incidents by first day (unknown last),
// place name and id.
type incidentKey struct {
	day       int
	place, id string
	i         int
}

func keyOf(m *MergedIncident, i int) incidentKey {
	k := incidentKey{day: unknownDay, id: m.ID, i: i}
	if p, _ := parsePeriod(m.Date); p.known {
		k.day = p.lo
	}
	if m.Place != nil {
		k.place = m.Place.Name
	}
	return k
}

func (a *incidentKey) less(b *incidentKey) bool {
	if a.day != b.day {
		return a.day < b.day
	}
	if a.place != b.place {
		return a.place < b.place
	}
	if a.id != b.id {
		return a.id < b.id
	}
	return a.i < b.i
}
