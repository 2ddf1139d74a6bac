package clean

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// splitBlocks splits text into blocks, one per line, trimmed, with empty
// lines dropped. Text hard-wrapped at a fixed width (newswire, e-mail) is
// unwrapped first: its paragraphs are separated by blank lines or
// indented first lines, and their lines are joined with spaces.
func splitBlocks(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	raw := strings.Split(text, "\n")
	if wrapped(raw) {
		return unwrap(raw)
	}
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		if t := strings.TrimSpace(r); t != "" {
			out = append(out, collapseSpace(t))
		}
	}
	return out
}

// wrapped reports whether most lines were broken at a fixed width: long
// lines of similar length that seldom end a sentence.
func wrapped(raw []string) bool {
	var lens []int
	ends := 0
	for _, r := range raw {
		t := strings.TrimSpace(r)
		if t == "" {
			continue
		}
		lens = append(lens, utf8.RuneCountInString(t))
		if endsSentence(t) {
			ends++
		}
	}
	n := len(lens)
	if n < 6 {
		return false
	}
	sorted := append([]int(nil), lens...)
	sort.Ints(sorted)
	width := sorted[n*9/10]
	if width < 40 || width > 110 {
		return false
	}
	near := 0
	for _, l := range lens {
		if l >= width*6/10 && l <= width+5 {
			near++
		}
	}
	return near*10 >= n*7 && ends*10 <= n*5
}

func unwrap(raw []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, collapseSpace(strings.Join(cur, " ")))
			cur = cur[:0]
		}
	}
	for _, r := range raw {
		t := strings.TrimSpace(r)
		if t == "" {
			flush()
			continue
		}
		if len(cur) > 0 && (strings.HasPrefix(r, "  ") || strings.HasPrefix(r, "\t")) {
			flush()
		}
		cur = append(cur, t)
	}
	flush()
	return out
}

// collapseSpace turns runs of spaces and tabs into one space.
func collapseSpace(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\u00a0") {
		return s
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}
