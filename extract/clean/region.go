package clean

import "strings"

// lineScore weighs a line as evidence of article text: positive for prose
// (long, rich in stop words, ending like a sentence), negative for short
// lines and strongly negative for page furniture.
func lineScore(l *line) float64 {
	u := l.st.units()
	if u > 30 {
		// Diminishing returns, so that one long block (a footer's
		// "about us", a cookie notice) does not outweigh an article of
		// several paragraphs.
		u = 30 + (u-30)*0.3
	}
	switch l.kind {
	case kindFurniture:
		return -(8 + u/2)
	case kindMeta:
		return -1
	}
	ends := endsSentence(l.text)
	sd := l.st.stopDensity()
	if !ends && u >= 5 && strings.HasSuffix(l.text, ":") && sd >= 0.15 {
		ends = true // "The Foreign Secretary said:" introduces a quote
	}
	cjk := l.st.cjk*2 > l.st.letters
	switch {
	case cjk:
		if l.st.cjk >= 40 || (ends && l.st.cjk >= 15) {
			return u
		}
		return -2
	case u >= 10 && ends && sd >= 0.15:
		return u
	case u >= 20 && sd >= 0.25:
		return u * 0.8
	case u >= 15 && (ends || sd >= 0.3):
		return u * 0.5
	case u >= 6 && ends && sd >= 0.15:
		return u * 0.5
	case u <= 2:
		return -3
	default:
		return -1.5
	}
}

// bodyRegion returns the contiguous run of lines [start, end) with the
// greatest total score: the article body. Page headers and footers,
// menus and lists of links score below zero and fall outside it.
// Everything after a comments header is cut off too.
func bodyRegion(lines []*line) (int, int) {
	if len(lines) == 0 {
		return 0, 0
	}
	bestSum, bestStart, bestEnd := -1e18, 0, 0
	sum, s := 0.0, 0
	for _, l := range lines {
		l.score = lineScore(l)
	}
	listItems(lines)
	for i, l := range lines {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += l.score
		if sum > bestSum {
			bestSum, bestStart, bestEnd = sum, s, i+1
		}
	}
	if bestSum <= 0 {
		// No prose at all: keep every line that is not furniture.
		start, end := -1, 0
		for i, l := range lines {
			if l.kind == kindText {
				if start < 0 {
					start = i
				}
				end = i + 1
			}
		}
		if start < 0 {
			return 0, 0
		}
		return start, end
	}
	// Cut at a comments section that starts inside the region.
	seen := 0.0
	for i := bestStart; i < bestEnd; i++ {
		l := lines[i]
		if l.score > 0 {
			seen += l.score
		}
		if l.reason == "comments" && seen > 0 && isSectionHeader(l) {
			return bestStart, i
		}
	}
	return bestStart, bestEnd
}

// listItems lifts the score of the items of a list introduced by a line
// of prose ending in a colon ("ministers made these announcements:"): up
// to 15 following lines of three words or more that are not furniture.
func listItems(lines []*line) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.kind != kindText || l.score <= 0 || !strings.HasSuffix(l.text, ":") {
			continue
		}
		for j := i + 1; j < len(lines) && j <= i+15; j++ {
			it := lines[j]
			if it.kind != kindText || it.st.words < 3 {
				break
			}
			if it.score < 1 {
				it.score = 1
			}
		}
	}
}

func isSectionHeader(l *line) bool {
	return l.st.words <= 30 && !strings.HasSuffix(l.text, ".")
}

// titleCandidate picks the headline among the lines before the body: the
// closest line that reads like a headline (three to forty words, not
// ending in a full stop, not furniture or metadata).
func titleCandidate(lines []*line, start int) int {
	best, bestScore := -1, 0.0
	for i := start - 1; i >= 0 && i >= start-12; i-- {
		l := lines[i]
		if l.dropped || l.kind != kindText {
			continue
		}
		w := l.st.words
		if w < 3 || w > 40 || l.st.cjk > 0 && l.st.cjk < 6 {
			continue
		}
		if strings.HasSuffix(strings.TrimSpace(l.text), ".") && w > 25 {
			continue
		}
		dist := float64(start - i)
		sc := 10 - dist
		if w >= 5 && w <= 20 {
			sc += 3
		}
		if float64(l.st.upper)/float64(w) > 0.5 {
			sc += 2
		}
		if sc > bestScore {
			best, bestScore = i, sc
		}
	}
	return best
}
