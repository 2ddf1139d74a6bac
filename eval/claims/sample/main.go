// Command sample draws the sentences of the claims gold set (see
// docs/claims.md): every sentence of the seed articles, and from each data
// set a fixed quota of sentences holding a keyword of each predicate
// family plus sentences holding none, ranked by a SHA-256 of a fixed seed
// and the sentence's locator, so that the draw is the same on every run
// and does not depend on what an extractor finds.
//
//	go run ./eval/claims/sample > /tmp/skeleton.jsonl
//	go run ./eval/claims/sample --text > /tmp/to-annotate.jsonl   # local use only
//	go run ./eval/claims/sample --set dev > /tmp/dev-skeleton.jsonl
//
// It prints one gold record skeleton per sentence (locator, hash, stratum,
// no claims). --text adds each sentence's text, for the annotator: data
// set texts must not be committed, so that output stays on the
// annotator's machine.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep/eval/claims"
	"github.com/sitrep-project/sitrep/extract/sentence"
)

// drawSeed makes the ranking of candidates a fixed function of their
// locators; devSeed ranks them for the development set, a second draw
// from the same pools over the documents the gold does not use.
const (
	drawSeed = "sitrep-claims-gold-v1"
	devSeed  = "sitrep-claims-dev-v1"
)

// cue is a keyword family: a sentence holds it when the regular
// expression matches anywhere in it (case folded). need lists strings one
// of which every match holds (lower case): a quick test that spares most
// sentences the regular expression, without changing the result.
type cue struct {
	name string
	re   *regexp.Regexp
	need []string
}

func (c cue) holds(s, lower string) bool {
	for _, n := range c.need {
		if strings.Contains(lower, n) {
			return c.re.MatchString(s)
		}
	}
	return false
}

// fighters are the nouns every number-of-fighters cue ends with.
var fighters = []string{"fighters", "militants", "members", "cadres", "insurgents", "guerrillas", "rebels", "terrorists", "combatants", "recruits", "men"}

// families are the predicate keyword families, in draw order.
var families = []cue{
	{"presence", regexp.MustCompile(`(?i)\b(presence|present in|based in|bases?\b|sanctuar|safe havens?\b|hide-?outs?\b|foothold|strongholds?\b|active in\b|operat(e|es|ing) (in|from)\b)`), []string{"presen", "based in", "base", "sanctuar", "safe haven", "hide", "foothold", "stronghold", "active in", "operat"}},
	{"threat", regexp.MustCompile(`(?i)\b(threat|menace|danger)`), []string{"threat", "menace", "danger"}},
	{"responsibility", regexp.MustCompile(`(?i)\b(claim(s|ed|ing)? (the )?responsibility|responsib(le|ility) for|carried out|carry out|behind (the|this|these|a|an|it)\b|perpetrat|mastermind|blam(e|ed|es|ing)\b|accus(e|ed|es|ing)\b|attributed to)`), []string{"claim", "responsib", "carried out", "carry out", "behind ", "perpetrat", "mastermind", "blam", "accus", "attributed to"}},
	{"support", regexp.MustCompile(`(?i)\b(support|back(s|ed|ing|ers?)\b|fund(s|ed|ing)?\b|financ|sponsor|harbou?r(s|ed|ing)\b|patron|aid(ed|ing)\b|endors)`), []string{"support", "back", "fund", "financ", "sponsor", "harbo", "patron", "aid", "endors"}},
	{"cooperation", regexp.MustCompile(`(?i)\b(co-?operat|collaborat|coordinat|work(s|ed|ing)? (together|with)\b|joint(ly)?\b|alliance|partner|together with|in league with|hand in hand)`), []string{"operat", "collaborat", "coordinat", "work", "joint", "alliance", "partner", "together with", "in league with", "hand in hand"}},
	{"affiliation", regexp.MustCompile(`(?i)\b(linked|links?\b|affiliat|allied|ally|allies|loyal|allegiance|pledged|faction|wing\b|splinter|offshoot|members? of\b|belong(s|ed|ing)? to|cadres? of|associated with)`), []string{"link", "affiliat", "allied", "ally", "allies", "loyal", "allegiance", "pledged", "faction", "wing", "splinter", "offshoot", "member", "belong", "cadre", "associated with"}},
	{"strength", regexp.MustCompile(`(?i)\b(strength|\d[\d,]*( [a-z-]+){0,2} (fighters|militants|members|cadres|insurgents|guerrillas|rebels|terrorists|combatants|recruits|men)\b|(hundreds|thousands|dozens) of( [a-z-]+){0,2} (fighters|militants|members|cadres|insurgents|guerrillas|rebels|terrorists|combatants|recruits|men)\b)`), append([]string{"strength"}, fighters...)},
}

// supplements are drawn after the families, from the SATP and MUC-4
// pools only, to add sentences of the rarer kinds: strong cues of
// affiliation and of strength (a number of fighters with an approximation
// or a verb of having), and denials. They are keywords too, so the draw
// stays blind to any extractor.
var supplements = []cue{
	{"affiliation+", regexp.MustCompile(`(?i)\b(allegiance|affiliat|loyal(ty)? to|splinter|offshoot|(student|armed|military|political|youth) (wing|arm)\b|linked (to|with)\b|links (to|with)\b|ties (to|with)\b)`), []string{"allegiance", "affiliat", "loyal", "splinter", "offshoot", "wing", " arm", "linked", "links", "ties"}},
	{"strength+", regexp.MustCompile(`(?i)\b((strength of|estimated|approximately|about|around|some|more than|over|at least|up to) [\d,]+( [a-z-]+)? (fighters|militants|members|cadres|insurgents|guerrillas|rebels|terrorists|combatants|men)\b|(has|have|had|with|numbers?|numbering) (about |around |some |over |more than )?[\d,]+( [a-z-]+)? (fighters|militants|members|cadres|insurgents|guerrillas|rebels|combatants|men)\b)`), fighters},
	{"deny+", regexp.MustCompile(`(?i)\b(den(y|ied|ies|ying)\b|rejected the (claim|allegation|report)|no presence|not involved|no involvement|no links?\b|refuted|dismissed (the )?(claim|report|allegation))`), []string{"deny", "deni", "rejected the", "no presence", "not involved", "no involvement", "no link", "refuted", "dismissed"}},
}

// pool is one data set's candidate sentences and its quotas.
type pool struct {
	name  string
	quota map[string]int // family (or "none") -> sentences drawn
	cands []cand
}

type cand struct {
	rec     claims.Record
	text    string
	classes map[string]bool // families (the first draw)
	extra   map[string]bool // supplements
}

// Sentence length limits for data set candidates (bytes, trimmed).
const minLen, maxLen = 40, 400

func main() {
	datasets := flag.String("datasets", claims.DefaultDatasets, "data sets `dir`ectory")
	seeds := flag.String("seeds", claims.DefaultSeeds, "seed articles `dir`ectory")
	withText := flag.Bool("text", false, "print each sentence's text (for annotating; never commit data set text)")
	set := flag.String("set", "gold", "which set to draw: gold (the test set) or dev (the development set)")
	flag.Parse()
	var recs []claims.Record
	var texts []string
	var err error
	switch *set {
	case "gold":
		recs, texts, err = draw(*seeds, *datasets)
	case "dev":
		recs, texts, err = drawDev(*datasets)
	default:
		err = fmt.Errorf("--set %q: want gold or dev", *set)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	for i, r := range recs {
		if *withText {
			r.Text = texts[i]
		}
		b, err := json.Marshal(r)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sample:", err)
			os.Exit(1)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

// draw returns the gold skeleton: every seed sentence (with its text),
// then each data set pool's draw (without), and the text of every
// record.
func draw(seeds, datasets string) ([]claims.Record, []string, error) {
	var recs []claims.Record
	var texts []string
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, nil, fmt.Errorf("no seed articles in %s", seeds)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		text := string(b)
		base := filepath.Base(f)
		for i, sp := range sentence.Split(text) {
			s := text[sp.Start:sp.End]
			recs = append(recs, claims.Record{
				ID: fmt.Sprintf("seed%s-%02d", base[:3], i+1), Source: claims.SourceSeed, File: base,
				Start: sp.Start, End: sp.End, SHA256: claims.Hash(s), Text: s, Stratum: "seed",
			})
			texts = append(texts, s)
		}
	}
	pools, err := buildPools(datasets)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range pools {
		for _, c := range p.draw(drawSeed, p.quota, map[string]bool{}) {
			recs = append(recs, c.rec)
			texts = append(texts, c.text)
		}
	}
	return recs, texts, nil
}

// drawDev returns the development set's skeleton: from the same data set
// pools (train and development splits), the gold's draw is made first and
// its documents set aside; then each pool is drawn again, in the same
// order of strata, ranked with devSeed, with devQuotas. No seed sentence
// is in it (every seed sentence is in the gold), and no document of the
// gold: the two sets share no sentence and no article.
func drawDev(datasets string) ([]claims.Record, []string, error) {
	pools, err := buildPools(datasets)
	if err != nil {
		return nil, nil, err
	}
	var recs []claims.Record
	var texts []string
	for _, p := range pools {
		used := map[string]bool{}
		p.draw(drawSeed, p.quota, used) // the gold's documents, set aside
		for _, c := range p.draw(devSeed, devQuotas(p), used) {
			recs = append(recs, c.rec)
			texts = append(texts, c.text)
		}
	}
	return recs, texts, nil
}

// devQuotas are a pool's quotas for the development set: the gold's,
// except that SATP, the pool closest to news reports, gives 10 sentences
// per family and 16 with no keyword (8 and 14 in the gold), which makes
// up in part for the seed articles, all in the gold.
func devQuotas(p *pool) map[string]int {
	q := map[string]int{}
	for k, v := range p.quota {
		q[k] = v
	}
	if p.name == "satp" {
		for _, f := range families {
			q[f.name] = 10
		}
		q["none"] = 16
	}
	return q
}

// buildPools reads the data set pools, in draw order.
func buildPools(datasets string) ([]*pool, error) {
	var out []*pool
	for _, build := range []func(string) (*pool, error){satp, muc, ipe, polnear} {
		p, err := build(datasets)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// add makes candidates of a document's sentence spans.
func (p *pool) add(rec claims.Record, doc string, spans [][2]int) {
	for i, sp := range spans {
		s := doc[sp[0]:sp[1]]
		if t := strings.TrimSpace(s); len(t) < minLen || len(t) > maxLen {
			continue
		}
		r := rec
		r.ID = fmt.Sprintf("%s-%d", rec.ID, i+1)
		r.Start, r.End = sp[0], sp[1]
		r.SHA256 = claims.Hash(s)
		lower := strings.ToLower(s)
		cl := map[string]bool{}
		for _, f := range families {
			if f.holds(s, lower) {
				cl[f.name] = true
			}
		}
		ex := map[string]bool{}
		for _, f := range supplements {
			if p.quota[f.name] > 0 && f.holds(s, lower) {
				ex[f.name] = true
			}
		}
		p.cands = append(p.cands, cand{rec: r, text: s, classes: cl, extra: ex})
	}
}

// draw takes, family by family, the candidates of lowest rank (by the
// SHA-256 of seed and the candidate's locator) not drawn yet, up to
// quota, at most one sentence per document; usedDoc holds the documents
// already drawn from, and is updated.
func (p *pool) draw(seed string, quota map[string]int, usedDoc map[string]bool) []cand {
	rank := func(family string, c cand) string {
		sum := sha256.Sum256([]byte(seed + "|" + p.name + "|" + family + "|" + c.rec.DocKey() + "|" + fmt.Sprint(c.rec.Start)))
		return hex.EncodeToString(sum[:])
	}
	var out []cand
	strata := append(familyNames(), "none")
	for _, s := range supplements {
		strata = append(strata, s.name)
	}
	for _, fam := range strata {
		k := quota[fam]
		if k == 0 {
			continue
		}
		type ranked struct {
			key string
			c   cand
		}
		var cs []ranked
		for _, c := range p.cands {
			if fam == "none" && len(c.classes) == 0 || c.classes[fam] || c.extra[fam] {
				cs = append(cs, ranked{rank(fam, c), c})
			}
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].key < cs[j].key })
		for _, rc := range cs {
			c := rc.c
			if k == 0 {
				break
			}
			if usedDoc[c.rec.DocKey()] {
				continue
			}
			usedDoc[c.rec.DocKey()] = true
			c.rec.Stratum = fam
			out = append(out, c)
			k--
		}
	}
	return out
}

func familyNames() []string {
	var out []string
	for _, f := range families {
		out = append(out, f.name)
	}
	return out
}

func quotas(each, none int) map[string]int {
	q := map[string]int{"none": none}
	for _, f := range families {
		q[f.name] = each
	}
	return q
}

func spansOf(text string) [][2]int {
	var out [][2]int
	for _, sp := range sentence.Split(text) {
		out = append(out, [2]int{sp.Start, sp.End})
	}
	return out
}

// terminated matches a sentence end: SATP snippets whose punctuation was
// stripped have none and are left out.
var terminated = regexp.MustCompile(`[.?!]["'”’)]?(\s|$)`)

// satp: the South Asia Terrorism Portal snippets of the train and dev
// splits, one per line, the text in the first tab-separated field.
func satp(root string) (*pool, error) {
	p := &pool{name: "satp", quota: quotas(8, 14)}
	p.quota["affiliation+"], p.quota["strength+"], p.quota["deny+"] = 5, 5, 5
	for _, split := range []string{"train", "dev"} {
		file := "conflibert-satp/data/satp_relevant/" + split + ".tsv"
		lines, err := readLines(filepath.Join(root, file))
		if err != nil {
			return nil, err
		}
		for i, line := range lines {
			doc, err := claims.RecordText(file, line)
			if err != nil || !terminated.MatchString(doc) {
				continue
			}
			p.add(claims.Record{ID: fmt.Sprintf("satp-%s-%04d", split, i+1), Source: claims.SourceDataset, File: file, Line: i + 1}, doc, spansOf(doc))
		}
	}
	return p, nil
}

// muc: the MUC-3/4 development texts (upper case, hard-wrapped lines).
func muc(root string) (*pool, error) {
	p := &pool{name: "muc4", quota: quotas(4, 6)}
	p.quota["affiliation+"], p.quota["strength+"], p.quota["deny+"] = 5, 5, 5
	files, _ := filepath.Glob(filepath.Join(root, "muc4/muc34/TASK/CORPORA/dev/dev-muc3-*"))
	if len(files) == 0 {
		return nil, fmt.Errorf("no MUC-4 development texts under %s", root)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		docs := claims.MUCDocs(string(b))
		for _, id := range claims.MUCOrder(string(b)) {
			doc := docs[id]
			num := id[strings.LastIndexByte(id, '-')+1:]
			p.add(claims.Record{ID: "muc-" + num, Source: claims.SourceDataset, File: rel, Doc: id, Published: mucDate(doc)}, doc, mucSentences(doc))
		}
	}
	return p, nil
}

// mucEnd is a sentence end in MUC text: a full stop, question or
// exclamation mark (and a closing quote or bracket) followed by two spaces,
// a line break or the end of the text.
var mucEnd = regexp.MustCompile(`[.?!]["')\]]?(  +|\s*\n|\s*$)`)

// mucSentences splits a MUC text into sentences: paragraphs at blank
// lines, then at mucEnd; each sentence trimmed of white space.
func mucSentences(doc string) [][2]int {
	var out [][2]int
	addTrimmed := func(a, b int) {
		for a < b && (doc[a] == ' ' || doc[a] == '\n' || doc[a] == '\t' || doc[a] == '\r') {
			a++
		}
		for b > a && (doc[b-1] == ' ' || doc[b-1] == '\n' || doc[b-1] == '\t' || doc[b-1] == '\r') {
			b--
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	paraBreak := regexp.MustCompile(`\n[ \t]*\n`)
	start := 0
	for _, m := range append(paraBreak.FindAllStringIndex(doc, -1), []int{len(doc), len(doc)}) {
		para := doc[start:m[0]]
		s := 0
		for _, e := range mucEnd.FindAllStringIndex(para, -1) {
			// the sentence ends after its punctuation (and closer)
			end := e[0] + 1
			if end < len(para) && strings.ContainsRune(`"')]`, rune(para[end])) {
				end++
			}
			addTrimmed(start+s, start+end)
			s = end
		}
		addTrimmed(start+s, start+len(para))
		start = m[1]
	}
	return out
}

var mucDateRe = regexp.MustCompile(`\b(\d{1,2}) (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]* (\d{2})\b`)

// mucDate reads the date of a MUC text's dateline ("SAN SALVADOR, 3 JAN 90
// --"), in its first line.
func mucDate(doc string) string {
	first := strings.TrimSpace(doc)
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	m := mucDateRe.FindStringSubmatch(first)
	if m == nil {
		return ""
	}
	months := "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC"
	mon := strings.Index(months, m[2])/3 + 1
	var day int
	fmt.Sscan(m[1], &day)
	return fmt.Sprintf("19%s-%02d-%02d", m[3], mon, day)
}

// ipe: IndiaPoliceEvents (Times of India, 2002), one article per line of
// docs.jsonl, split into sentences as the data set's own sents.jsonl does
// (each sentence found in order in the article's text).
func ipe(root string) (*pool, error) {
	p := &pool{name: "indiapoliceevents", quota: quotas(3, 6)}
	file := "indiapoliceevents/data/final/docs.jsonl"
	lines, err := readLines(filepath.Join(root, file))
	if err != nil {
		return nil, err
	}
	meta, err := readLines(filepath.Join(root, "indiapoliceevents/data/final/metadata.jsonl"))
	if err != nil {
		return nil, err
	}
	sentLines, err := readLines(filepath.Join(root, "indiapoliceevents/data/final/sents.jsonl"))
	if err != nil {
		return nil, err
	}
	type sent struct {
		DocID int    `json:"doc_id"`
		Text  string `json:"sent_text"`
	}
	sents := map[int][]string{}
	for _, l := range sentLines {
		var s sent
		if err := json.Unmarshal([]byte(l), &s); err != nil {
			return nil, err
		}
		sents[s.DocID] = append(sents[s.DocID], s.Text)
	}
	for i, line := range lines {
		var d struct {
			DocID int    `json:"doc_id"`
			Date  string `json:"date"`
		}
		json.Unmarshal([]byte(line), &d)
		published := ""
		if i < len(meta) {
			var m struct {
				DocID int    `json:"doc_id"`
				Date  string `json:"date"`
			}
			if json.Unmarshal([]byte(meta[i]), &m) == nil && m.DocID == d.DocID {
				published = m.Date
			}
		}
		doc, err := claims.RecordText(file, line)
		if err != nil {
			return nil, err
		}
		var spans [][2]int
		at := 0
		for _, s := range sents[d.DocID] {
			k := strings.Index(doc[at:], s)
			if k < 0 {
				break
			}
			spans = append(spans, trim(doc, at+k, at+k+len(s)))
			at += k + len(s)
		}
		p.add(claims.Record{ID: fmt.Sprintf("ipe-%04d", i+1), Source: claims.SourceDataset, File: file, Line: i + 1, Published: published}, doc, spans)
	}
	return p, nil
}

// polnear: the PolNeAR training articles (US politics, 2016), for the
// support and cooperation families only.
func polnear(root string) (*pool, error) {
	p := &pool{name: "polnear", quota: map[string]int{"support": 8, "cooperation": 6, "none": 4}}
	files, _ := filepath.Glob(filepath.Join(root, "polnear/data/train/text/*.txt"))
	if len(files) == 0 {
		return nil, fmt.Errorf("no PolNeAR training texts under %s", root)
	}
	sort.Strings(files)
	dateRe := regexp.MustCompile(`_(\d{4}-\d{2}-\d{2})_`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		pub := ""
		if m := dateRe.FindStringSubmatch(base); m != nil {
			pub = m[1]
		}
		p.add(claims.Record{ID: "polnear-" + base, Source: claims.SourceDataset, File: filepath.ToSlash(rel), Published: pub}, string(b), spansOf(string(b)))
	}
	return p, nil
}

func trim(doc string, a, b int) [2]int {
	for a < b && strings.ContainsRune(" \t\r\n", rune(doc[a])) {
		a++
	}
	for b > a && strings.ContainsRune(" \t\r\n", rune(doc[b-1])) {
		b--
	}
	return [2]int{a, b}
}

// readLines returns a file's lines as the gold loader numbers them.
func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), nil
}
