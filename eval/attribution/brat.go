package attribution

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Attribution is one gold attribution; spans are byte offsets into the
// document's text, fragments in the order the file gives them.
type Attribution struct {
	ID      string // the brat event id, "E3"
	Content []sitrep.Span
	Source  []sitrep.Span // empty when the attribution names no source
	Cue     []sitrep.Span
	// Direct is true when at least half of the content's non-space bytes
	// lie in quoted regions (see QuotedRegions).
	Direct bool
}

// ReadBrat reads the attributions of brat standoff annotations of text,
// in the order of their events, with Direct set.
func ReadBrat(r io.Reader, text string) ([]Attribution, error) {
	type textBound struct {
		typ   string
		spans []sitrep.Span
	}
	bytesAt := codePointOffsets(text)
	bound := map[string]textBound{}
	type event struct {
		id    string
		line  int
		roles [][2]string // role, text-bound id
	}
	var events []event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || !isID(id) {
			continue // blank, or the continuation of a text holding a line break
		}
		switch id[0] {
		case 'T':
			ann, _, _ := strings.Cut(rest, "\t")
			typ, offs, _ := strings.Cut(ann, " ")
			var spans []sitrep.Span
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil || start < 0 || end < start || end >= len(bytesAt) {
					return nil, fmt.Errorf("line %d: bad offsets %q for a text of %d code points", n, offs, len(bytesAt)-1)
				}
				spans = append(spans, sitrep.Span{Start: bytesAt[start], End: bytesAt[end]})
			}
			bound[id] = textBound{typ, spans}
		case 'E':
			ev := event{id: id, line: n}
			for i, f := range strings.Fields(rest) {
				role, ref, ok := strings.Cut(f, ":")
				if !ok {
					return nil, fmt.Errorf("line %d: bad event argument %q", n, f)
				}
				if i == 0 {
					continue // event type and trigger
				}
				ev.roles = append(ev.roles, [2]string{strings.TrimRight(role, "0123456789"), ref})
			}
			events = append(events, ev)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	quoted := QuotedRegions(text)
	var out []Attribution
	for _, ev := range events {
		a := Attribution{ID: ev.id}
		for _, r := range ev.roles {
			tb, ok := bound[r[1]]
			if !ok {
				return nil, fmt.Errorf("line %d: event %s refers to %s, which is not defined", ev.line, ev.id, r[1])
			}
			switch r[0] {
			case "Content":
				a.Content = append(a.Content, tb.spans...)
			case "Source":
				a.Source = append(a.Source, tb.spans...)
			case "Cue":
				a.Cue = append(a.Cue, tb.spans...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		a.Direct = IsDirect(text, a.Content, quoted)
		out = append(out, a)
	}
	return out, nil
}

// isID reports whether s is a brat annotation id: a letter or '#'
// followed by digits.
func isID(s string) bool {
	if len(s) < 2 || !(s[0] >= 'A' && s[0] <= 'Z' || s[0] == '#') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// codePointOffsets returns, for each code point offset 0..n of text, its
// byte offset (the last entry is len(text)). Invalid UTF-8 bytes count
// one code point each.
func codePointOffsets(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}
