package clean

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Options tune a cleaning run.
type Options struct {
	// Title is the headline when the input already names it (a JSON
	// record's title field, an HTML page's metadata). A line equal to it
	// is taken out as the title.
	Title string
	// Extracted says the lines come from an HTML extractor that has
	// already chosen the main text: only metadata lines and lines that are
	// furniture beyond doubt are taken out, and no region is chosen.
	Extracted bool
}

// Result is the cleaned article.
type Result struct {
	Title      string
	Authors    []string
	Published  sitrep.Date
	Updated    sitrep.Date
	Dateline   string
	Outlet     string
	Paragraphs []string
	Removed    []sitrep.Removed
}

// Text joins the paragraphs with blank lines.
func (r *Result) Text() string { return strings.Join(r.Paragraphs, "\n\n") }

// Line kinds.
const (
	kindText = iota
	kindFurniture
	kindMeta
)

type line struct {
	text   string
	st     lineStats
	kind   int
	reason string
	score  float64
	// metadata found on the line
	authors  []string
	date     sitrep.Date
	updated  bool
	dateline string
	outlet   string
	dropped  bool // taken out; reason says why
	repeated bool // a short line seen more than once in the page
	joinNext bool // continues on the next kept line
}

// removal is a Removed entry with its position, for input order.
type removal struct {
	pos int
	sub int
	r   sitrep.Removed
}

// Clean cleans plain text scraped from a web page.
func Clean(text string, opt Options) *Result {
	return cleanLines(splitBlocks(text), opt)
}

// CleanParagraphs cleans paragraphs an HTML extractor produced; it sets
// Options.Extracted.
func CleanParagraphs(paras []string, opt Options) *Result {
	opt.Extracted = true
	var blocks []string
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			blocks = append(blocks, p)
		}
	}
	return cleanLines(blocks, opt)
}

// newLine measures and classifies one line.
func newLine(text string) *line {
	l := &line{text: text, st: measure(text)}
	l.reason = classify(text, l.st)
	if l.reason != "" {
		l.kind = kindFurniture
	}
	detectMeta(l)
	return l
}

// newLines classifies every block and marks repeated short lines.
func newLines(blocks []string) []*line {
	lines := make([]*line, len(blocks))
	for i, b := range blocks {
		lines[i] = newLine(b)
	}
	markRepeated(lines)
	return lines
}

func cleanLines(blocks []string, opt Options) *Result {
	res := &Result{}
	lines := newLines(blocks)
	var removed []removal
	drop := func(i int, reason string) {
		lines[i].dropped = true
		lines[i].reason = reason
	}

	// Choose the article region.
	start, end := 0, len(lines) // [start, end)
	if !opt.Extracted {
		start, end = bodyRegion(lines)
		// A paragraph broken in the middle of a sentence belongs to the
		// body on both sides of the break.
		for start > 0 && start < end && lines[start-1].kind == kindText && continues(lines[start-1], lines[start]) {
			start--
		}
		// So does a line introducing it ("… released the following
		// statement today:").
		if start > 0 && start < end {
			if l := lines[start-1]; l.kind == kindText && l.st.words >= 5 && strings.HasSuffix(l.text, ":") {
				start--
			}
		}
		for end > start && end < len(lines) && lines[end].kind == kindText && continues(lines[end-1], lines[end]) {
			end++
		}
	}

	// With the title known, a standfirst just before the body is text:
	// a prose line of eight words or more.
	if opt.Title != "" && !opt.Extracted {
		tk := normalizeKey(opt.Title)
		for start > 0 {
			l := lines[start-1]
			if l.kind != kindText || l.st.words < 8 || l.st.stopDensity() < 0.1 || l.st.key == tk {
				break
			}
			start--
		}
	}

	// The known title, wherever it is.
	if opt.Title != "" {
		res.Title = opt.Title
		tk := normalizeKey(opt.Title)
		for i, l := range lines {
			if i > start+3 && i >= 8 {
				break
			}
			if k := l.st.key; k != "" && (k == tk || (len(k) > 20 && strings.HasPrefix(tk, k))) {
				drop(i, sitrep.ReasonTitle)
				if i == start {
					start++
				}
				break
			}
		}
	}

	// Metadata lines anywhere go into fields.
	for i, l := range lines {
		if l.dropped || l.kind != kindMeta {
			continue
		}
		switch {
		case l.authors != nil:
			res.Authors = appendNew(res.Authors, l.authors...)
			drop(i, sitrep.ReasonByline)
			if !l.date.IsZero() && res.Published.IsZero() {
				res.Published = l.date
			}
		case !l.date.IsZero():
			if l.updated {
				if res.Updated.IsZero() {
					res.Updated = l.date
				}
			} else if res.Published.IsZero() {
				res.Published = l.date
			}
			drop(i, sitrep.ReasonDate)
		case l.dateline != "":
			if i > end+1 || (i > start && i-start > 3) {
				l.kind = kindText // a capitalised line inside the body
				continue
			}
			if res.Dateline == "" {
				res.Dateline = l.dateline
			}
			drop(i, sitrep.ReasonDateline)
		case l.outlet != "":
			if i < end-1 && i > start {
				l.kind = kindText
				continue
			}
			if res.Outlet == "" {
				res.Outlet = l.outlet
			}
			drop(i, sitrep.ReasonOutlet)
		}
	}
	if res.Published.IsZero() && !res.Updated.IsZero() {
		res.Published = res.Updated
	}

	// Before the region: the headline and page header.
	if res.Title == "" && !opt.Extracted {
		if t := titleCandidate(lines, start); t >= 0 {
			res.Title = lines[t].text
			drop(t, sitrep.ReasonTitle)
		}
	}
	for i := 0; i < start; i++ {
		if !lines[i].dropped {
			drop(i, orDefault(lines[i].reason, sitrep.ReasonNavigation))
		}
	}
	for i := end; i < len(lines); i++ {
		if !lines[i].dropped {
			drop(i, orDefault(lines[i].reason, tailReason(lines, i, end)))
		}
	}

	// Inside the region: furniture lines, and blocks of links under a
	// "Related" header.
	inRelated := false
	for i := start; i < end; i++ {
		l := lines[i]
		if l.dropped {
			continue
		}
		if l.kind == kindFurniture {
			if opt.Extracted && !strongInExtracted(l) {
				continue
			}
			drop(i, l.reason)
			inRelated = l.reason == sitrep.ReasonRelated && l.st.words <= 6
			continue
		}
		if inRelated {
			if !endsSentence(l.text) && l.st.words <= 25 {
				drop(i, sitrep.ReasonRelated)
				continue
			}
			inRelated = false
		}
	}

	// Collect kept lines.
	var kept []int
	for i := start; i < end; i++ {
		if !lines[i].dropped {
			kept = append(kept, i)
		}
	}
	// Dateline opening the first paragraph.
	if len(kept) > 0 {
		l := lines[kept[0]]
		if dl, agency, prefix, rest, ok := splitInlineDateline(l.text); ok {
			if res.Dateline == "" {
				res.Dateline = dl
			}
			if agency != "" && res.Outlet == "" {
				res.Outlet = agency
			}
			removed = append(removed, removal{kept[0], 0, sitrep.Removed{Text: strings.TrimSpace(prefix), Reason: sitrep.ReasonDateline}})
			l.text = rest
		}
	}
	// Outlet credit closing the last paragraph.
	if len(kept) > 0 {
		l := lines[kept[len(kept)-1]]
		if o, body, credit, ok := splitOutletCredit(l.text); ok {
			if res.Outlet == "" {
				res.Outlet = o
			}
			removed = append(removed, removal{kept[len(kept)-1], 1, sitrep.Removed{Text: credit, Reason: sitrep.ReasonOutlet}})
			l.text = body
		}
	}

	// Repair paragraphs broken in the middle of a sentence.
	var para strings.Builder
	for k, i := range kept {
		l := lines[i]
		if para.Len() > 0 {
			para.WriteByte(' ')
		}
		para.WriteString(l.text)
		if k+1 < len(kept) && continues(l, lines[kept[k+1]]) {
			continue
		}
		res.Paragraphs = append(res.Paragraphs, para.String())
		para.Reset()
	}

	for i, l := range lines {
		if l.dropped {
			removed = append(removed, removal{i, 0, sitrep.Removed{Text: l.text, Reason: l.reason}})
		}
	}
	sort.SliceStable(removed, func(a, b int) bool {
		if removed[a].pos != removed[b].pos {
			return removed[a].pos < removed[b].pos
		}
		return removed[a].sub < removed[b].sub
	})
	for _, r := range removed {
		res.Removed = append(res.Removed, r.r)
	}
	return res
}

// detectMeta marks byline, date, dateline and outlet credit lines.
func detectMeta(l *line) {
	if l.st.words > 40 {
		return
	}
	if creditWords[l.st.first] {
		if a, extra, ok := parseByline(l.text); ok {
			l.kind, l.authors = kindMeta, a
			if l.authors == nil {
				l.authors = []string{}
			}
			for _, e := range extra {
				if d, up, ok := parseDateLine(e); ok && !up {
					l.date = d
				}
			}
			return
		}
	}
	if l.st.digits > 0 { // a date line has at least a year
		if d, up, ok := parseDateLine(l.text); ok {
			l.kind, l.date, l.updated = kindMeta, d, up
			return
		}
	}
	if l.kind == kindFurniture {
		return
	}
	if dl, ok := parseDateline(l.text); ok && l.st.words <= 6 {
		l.kind, l.dateline = kindMeta, dl
		return
	}
	if o, ok := parseOutletLine(l.text); ok {
		l.kind, l.outlet = kindMeta, o
	}
}

// strongInExtracted says whether a furniture line is to be taken out of
// text an HTML extractor already chose: share strips, widgets, tickers,
// comment and newsletter forms and the like, but not a short line that
// only resembles a menu item, which the extractor kept for a reason.
func strongInExtracted(l *line) bool {
	switch l.reason {
	case sitrep.ReasonNavigation, sitrep.ReasonRelated, sitrep.ReasonCaption:
		return l.st.words >= 2 && l.reason == sitrep.ReasonRelated && strings.Contains(l.text, ":")
	}
	return true
}

// tailReason names what follows the article when no pattern matched: the
// lines after a comments header are comments.
func tailReason(lines []*line, i, end int) string {
	for j := i; j >= end; j-- {
		if lines[j].reason == sitrep.ReasonComments {
			return sitrep.ReasonComments
		}
		if lines[j].reason == sitrep.ReasonRelated {
			return sitrep.ReasonRelated
		}
	}
	return sitrep.ReasonBoilerplate
}

func orDefault(s, d string) string {
	if s != "" {
		return s
	}
	return d
}

func appendNew(list []string, items ...string) []string {
outer:
	for _, it := range items {
		for _, x := range list {
			if strings.EqualFold(x, it) {
				continue outer
			}
		}
		list = append(list, it)
	}
	return list
}

// continues reports whether line a is a paragraph broken in the middle of
// a sentence that b continues: a is long prose that does not end like a
// sentence, and b starts in lower case or a ends on a lower-case word (a
// heading ends on a capitalised word).
func continues(a, b *line) bool {
	if a.st.words < 6 || endsSentence(a.text) || b.st.words == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a.text)
	if strings.ContainsRune(":;", last) {
		return false
	}
	if startsLower(b.text) {
		return true
	}
	return a.st.words >= 8 && isLowerWord(a.text) && a.st.stopDensity() >= 0.15
}

// isLowerWord reports whether the last word of s is in lower case.
func isLowerWord(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return startsLower(s[i+1:])
}

// LineReason says why a line would be taken out of an article, as Clean
// decides for lines outside the body: a furniture or metadata reason, or
// "" when the line looks like text.
func LineReason(text string) string {
	l := newLine(text)
	if l.kind == kindMeta {
		switch {
		case l.authors != nil:
			return sitrep.ReasonByline
		case !l.date.IsZero():
			return sitrep.ReasonDate
		case l.dateline != "":
			return sitrep.ReasonDateline
		case l.outlet != "":
			return sitrep.ReasonOutlet
		}
	}
	return l.reason
}

// markRepeated marks short lines that occur more than once in the page
// (section labels over teasers, teaser headlines shown twice, menus
// repeated in the footer) as furniture: an article's subheadings do not
// repeat.
func markRepeated(lines []*line) {
	count := map[string]int{}
	for _, l := range lines {
		if l.kind == kindText && l.st.words <= 15 && !endsSentence(l.text) {
			count[l.text]++
		}
	}
	for _, l := range lines {
		if l.kind == kindText && count[l.text] > 1 && l.st.words <= 15 && !endsSentence(l.text) {
			l.kind, l.reason, l.repeated = kindFurniture, sitrep.ReasonNavigation, true
		}
	}
}
