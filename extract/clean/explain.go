package clean

import (
	"fmt"
	"io"
)

// Explain writes how Clean sees each line of text: its score as evidence
// of article text, its kind and reason, and whether it lies inside the
// chosen body region. It is a debugging aid for tuning and bug reports.
func Explain(w io.Writer, text string) {
	lines := newLines(splitBlocks(text))
	start, end := bodyRegion(lines)
	kinds := []string{"text", "furniture", "meta"}
	for i, l := range lines {
		in := " "
		if i >= start && i < end {
			in = "*"
		}
		t := l.text
		if len(t) > 100 {
			t = t[:100] + "…"
		}
		fmt.Fprintf(w, "%s %4d %7.1f %-9s %-12s %s\n", in, i, l.score, kinds[l.kind], l.reason, t)
	}
}
