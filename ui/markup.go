package ui

import (
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Kinds of highlighted spans in an article, in the order they nest when
// two cover the same words (the first outermost).
const (
	kindIncident = "incident"
	kindClaim    = "claim"
	kindQuote    = "quote"
	kindCue      = "cue"
	kindEntity   = "entity"
	kindDate     = "date"
)

var kindOrder = map[string]int{kindIncident: 0, kindClaim: 1, kindQuote: 2, kindCue: 3, kindEntity: 4, kindDate: 5}

// annotation is one highlighted span of an article's text.
type annotation struct {
	Start, End int
	Kind       string
	Class      string // more classes: the entity type, the claim polarity
	Title      string // details shown on hover
	Ref        string // id of the element that details it (a list item)
}

// spanID is the fragment that evidence links use for a span of a
// document's text: "s120-184".
func spanID(start, end int) string {
	return "s" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// evidenceURL links to a span of a document's text.
func evidenceURL(docID string, start, end int) string {
	return docURL(docID) + "#" + spanID(start, end)
}

// markup renders text with the annotations as nested <span> elements,
// escaping everything. Spans that overlap without nesting are split: the
// text is cut at every span boundary, and an element that would cross
// another's end is closed there and continued after it (the continuation
// has the class "cont" and no id). The first piece of each span carries
// the id spanID(Start, End) unless an earlier span took it; every piece
// carries data-n (the span's number), data-s and data-e (its offsets), so
// that a script can mark a whole span. Annotations outside the text, empty
// or not on character boundaries are left out.
func markup(text string, anns []annotation) template.HTML {
	valid := anns[:0:0]
	for _, a := range anns {
		if a.Start < 0 || a.End > len(text) || a.Start >= a.End ||
			!utf8.RuneStart(text[a.Start]) || a.End < len(text) && !utf8.RuneStart(text[a.End]) {
			continue
		}
		valid = append(valid, a)
	}
	anns = valid
	sort.SliceStable(anns, func(i, j int) bool {
		a, b := anns[i], anns[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End > b.End
		}
		return kindOrder[a.Kind] < kindOrder[b.Kind]
	})
	bounds := make([]int, 0, 2*len(anns)+1)
	for _, a := range anns {
		bounds = append(bounds, a.Start, a.End)
	}
	bounds = append(bounds, len(text))
	sort.Ints(bounds)

	var b strings.Builder
	b.Grow(len(text) + 160*len(anns))
	usedID := map[string]bool{}
	open := func(n int, cont bool) {
		a := &anns[n]
		b.WriteString(`<span class="a k-`)
		b.WriteString(a.Kind)
		if a.Class != "" {
			b.WriteByte(' ')
			b.WriteString(html.EscapeString(a.Class))
		}
		if cont {
			b.WriteString(` cont`)
		}
		b.WriteByte('"')
		if id := spanID(a.Start, a.End); !cont && !usedID[id] {
			usedID[id] = true
			b.WriteString(` id="` + id + `" tabindex="0"`)
		}
		b.WriteString(` data-n="` + strconv.Itoa(n) + `" data-s="` + strconv.Itoa(a.Start) + `" data-e="` + strconv.Itoa(a.End) + `"`)
		if a.Ref != "" {
			b.WriteString(` data-ref="` + html.EscapeString(a.Ref) + `"`)
		}
		if a.Title != "" {
			b.WriteString(` title="` + html.EscapeString(a.Title) + `"`)
		}
		b.WriteByte('>')
	}
	var stack []int
	pos, next := 0, 0
	for _, at := range bounds {
		if at < pos {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:at]))
		pos = at
		// Close every span ending here: pop down to the deepest of them,
		// then reopen the popped ones that go on.
		deepest := -1
		for i, n := range stack {
			if anns[n].End <= at {
				deepest = i
				break
			}
		}
		if deepest >= 0 {
			popped := append([]int(nil), stack[deepest:]...)
			stack = stack[:deepest]
			for range popped {
				b.WriteString("</span>")
			}
			for _, n := range popped {
				if anns[n].End > at {
					open(n, true)
					stack = append(stack, n)
				}
			}
		}
		for next < len(anns) && anns[next].Start == at {
			open(next, false)
			stack = append(stack, next)
			next++
		}
	}
	b.WriteString(html.EscapeString(text[pos:]))
	for range stack {
		b.WriteString("</span>")
	}
	return template.HTML(b.String())
}

// highlight renders a search snippet with its highlights as <mark>,
// escaping everything; bad spans are left out.
func highlight(s string, spans []sitrep.Span) template.HTML {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(s) || sp.Start >= sp.End ||
			!utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End]) {
			continue
		}
		b.WriteString(html.EscapeString(s[pos:sp.Start]))
		b.WriteString("<mark>" + html.EscapeString(s[sp.Start:sp.End]) + "</mark>")
		pos = sp.End
	}
	b.WriteString(html.EscapeString(s[pos:]))
	return template.HTML(b.String())
}
