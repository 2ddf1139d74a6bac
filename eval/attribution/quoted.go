package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// QuotedRegions returns the spans of text inside double quotation marks,
// the marks included, in order. Marks are paired within each paragraph
// (paragraphs are separated by "\n\n"): a straight " (or a pair of apostrophes or backquotes) toggles, “ opens, ”
// closes; a ” with nothing open is ignored, and a region still open at
// the end of a paragraph ends there (a quote continued in the next
// paragraph opens again with its own mark).
func QuotedRegions(text string) []sitrep.Span {
	// '' and `` are double quotation marks in older newswire (the NYT
	// texts of PolNeAR); read each as a straight mark, offsets unchanged.
	text = strings.NewReplacer("''", "\" ", "``", "\" ").Replace(text)
	var out []sitrep.Span
	for start := 0; start < len(text); {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		open := -1
		for i, r := range text[start:end] {
			i += start
			switch {
			case r == '"' && open >= 0, r == '”' && open >= 0:
				out = append(out, sitrep.Span{Start: open, End: i + utf8.RuneLen(r)})
				open = -1
			case r == '"', r == '“' && open < 0:
				open = i
			}
		}
		if open >= 0 {
			out = append(out, sitrep.Span{Start: open, End: end})
		}
		start = end + 2
	}
	return out
}

// IsDirect reports whether at least half of the non-space bytes of the
// content fragments lie in the quoted regions (as QuotedRegions returns
// them: sorted, disjoint). A content without non-space bytes is not
// direct.
func IsDirect(text string, content []sitrep.Span, quoted []sitrep.Span) bool {
	in, all := 0, 0
	for _, f := range content {
		f = clamp(f, len(text))
		for i := f.Start; i < f.End; {
			r, n := utf8.DecodeRuneInString(text[i:f.End])
			if !unicode.IsSpace(r) {
				all += n
				if inRegions(quoted, i) {
					in += n
				}
			}
			i += n
		}
	}
	return all > 0 && 2*in >= all
}

// inRegions reports whether byte offset i lies in one of the sorted,
// disjoint spans.
func inRegions(spans []sitrep.Span, i int) bool {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case i < spans[m].Start:
			hi = m
		case i >= spans[m].End:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// clamp keeps s inside [0, n].
func clamp(s sitrep.Span, n int) sitrep.Span {
	s.Start = min(max(s.Start, 0), n)
	s.End = min(max(s.End, s.Start), n)
	return s
}
