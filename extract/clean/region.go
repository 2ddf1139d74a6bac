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
	switch {
	case l.repeated:
		return -3
	case l.kind == kindFurniture:
		return -(8 + u/2)
	case l.kind == kindMeta:
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
	// An article header (a headline followed by a date or byline line)
	// inside the region, or just before it, marks where the article
	// starts: what precedes it is teasers of other stories. From there,
	// the article runs until a deep valley of non-prose lines.
	if a := articleAnchor(lines, bestStart, bestEnd, bestSum); a >= 0 && a != bestStart {
		if s, e := runFrom(lines, a); e > s {
			bestStart, bestEnd = s, e
		}
	}
	// Cut at a comments section that starts inside the region, and at a
	// "Related", newsletter or legal section once most of the article is
	// behind.
	total := 0.0
	for i := bestStart; i < bestEnd; i++ {
		if sc := lines[i].score; sc > 0 {
			total += sc
		}
	}
	seen := 0.0
	for i := bestStart; i < bestEnd; i++ {
		l := lines[i]
		if l.score > 0 {
			seen += l.score
		}
		// Date lines recurring after the article has begun are the
		// bylines of teasers for other stories: end before the first.
		if seen >= total*0.3 && isDateMeta(l) {
			for j := i + 1; j < bestEnd && j <= i+10; j++ {
				if isDateMeta(lines[j]) {
					c := i
					for c > bestStart && lines[c-1].score <= 0 {
						c--
					}
					return bestStart, c
				}
			}
		}
		if seen == 0 || !isSectionHeader(l) {
			continue
		}
		switch l.reason {
		case "comments":
			return bestStart, i
		case "related", "newsletter", "legal", "author_bio":
			if seen >= total*0.75 || seen >= total*0.3 && isEndHeader(l) && teaserEvidence(lines, i) >= 5 {
				return bestStart, i
			}
		}
	}
	return bestStart, bestEnd
}

// maxRun returns the run of lines within [from, to) with the greatest
// total score.
func maxRun(lines []*line, from, to int) (int, int, float64) {
	bestSum, bestStart, bestEnd := -1e18, from, from
	sum, s := 0.0, from
	for i := from; i < to; i++ {
		if sum <= 0 {
			sum, s = 0, i
		}
		sum += lines[i].score
		if sum > bestSum {
			bestSum, bestStart, bestEnd = sum, s, i+1
		}
	}
	return bestStart, bestEnd, bestSum
}

// articleAnchor finds the article header that opens the body: a
// headline-like line followed within three lines by a date or byline
// line, from a few lines before start up to the region's end or its first
// comments header. Teasers of other stories carry such headers too, so
// the earliest header followed by a substantial run of prose wins. It
// returns the index of the first line after the header, or -1.
func articleAnchor(lines []*line, start, end int, bestSum float64) int {
	total := 0.0
	for i := start; i < end; i++ {
		if lines[i].reason == "comments" {
			end = i
			break
		}
		total += max(0, lines[i].score)
	}
	before := 0.0 // prose of the region before line m
	for m := max(0, start-6); m < end; m++ {
		if m > start {
			before += max(0, lines[m-1].score)
		}
		if before > total*0.5 {
			break // an anchor must open most of the region's prose
		}
		l := lines[m]
		if l.kind != kindMeta || (l.authors == nil && l.date.IsZero()) {
			continue
		}
		head := false
		for h := m - 1; h >= 0 && h >= m-3; h-- {
			hl := lines[h]
			if hl.kind == kindMeta {
				continue
			}
			head = (hl.kind == kindText || hl.repeated) && hl.st.words >= 4 && hl.st.words <= 30 && !strings.HasSuffix(hl.text, ".")
			break
		}
		if !head {
			continue
		}
		a := m + 1
		for a < len(lines) && a <= m+3 && lines[a].kind != kindText {
			a++
		}
		s, e := runFrom(lines, a)
		sum := 0.0
		for i := s; i < e; i++ {
			sum += lines[i].score
		}
		if sum >= 40 || sum >= bestSum*0.3 {
			return a
		}
	}
	return -1
}

// runFrom returns the run of prose that starts at the first positive line
// at or after a (within ten lines) and ends before a valley: a stretch
// of lines whose scores add up to -30 or less without prose between.
func runFrom(lines []*line, a int) (int, int) {
	s := -1
	for i := a; i < len(lines) && i < a+10; i++ {
		if lines[i].score > 0 {
			s = i
			break
		}
	}
	if s < 0 {
		return a, a
	}
	e, valley := s+1, 0.0
	prose := 1
	for i := s + 1; i < len(lines); i++ {
		sc := lines[i].score
		if prose >= 2 && isEndHeader(lines[i]) {
			break
		}
		if sc > 0 {
			prose++
		}
		if sc > 0 {
			if valley+sc > 0 || valley > -15 {
				e, valley = i+1, 0
				continue
			}
		}
		valley += sc
		if valley <= -30 {
			break
		}
	}
	return s, e
}

// titleCandidate picks the headline among the lines before the body: the
// closest line that reads like a headline (three to forty words, not
// ending in a full stop, not furniture or metadata).
func titleCandidate(lines []*line, start int) int {
	best, bestScore := -1, 0.0
	for i := start - 1; i >= 0 && i >= start-12; i-- {
		l := lines[i]
		if l.dropped || l.kind != kindText && !l.repeated {
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

// listItems lifts the score of the items of a list introduced by a line
// of prose ending in a colon ("ministers made these announcements:"): up
// to 60 following lines of three words or more that are not furniture.
func listItems(lines []*line) {
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.kind != kindText || l.st.words < 3 || !strings.HasSuffix(l.text, ":") {
			continue
		}
		if l.score <= 0 && (i == 0 || lines[i-1].score <= 0) {
			continue // a colon line needs prose on it or just before it
		}
		if l.score < 1 {
			l.score = 1
		}
		for j := i + 1; j < len(lines) && j <= i+60; j++ {
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

// isEndHeader reports whether l is the header of a section that follows
// an article: "Related Stories", "More World", "Comments", "Sign up".
// Inline links ("READ MORE: title") are not headers.
func isEndHeader(l *line) bool {
	switch l.reason {
	case "related", "comments", "newsletter", "legal":
	default:
		return false
	}
	t := strings.TrimRight(l.text, ": ")
	return l.st.words <= 6 && !strings.Contains(t, ":")
}

// teaserEvidence counts, in the fifteen lines after i, the signs of a
// list of teasers for other stories: date lines, relative time stamps,
// repeated labels and headlines, menus. Advertisements and share buttons,
// which interrupt articles too, are no evidence.
func teaserEvidence(lines []*line, i int) int {
	n := 0
	for j := i + 1; j < len(lines) && j <= i+3; j++ {
		if lines[j].score > 0 {
			return 0 // prose resumes at once: a box inside the article
		}
	}
	for j := i + 1; j < len(lines) && j <= i+15; j++ {
		l := lines[j]
		if l.repeated || isDateMeta(l) || l.reason == "related" || l.reason == "navigation" {
			n++
		}
	}
	return n
}

// isDateMeta reports whether l is a date line.
func isDateMeta(l *line) bool {
	return l.kind == kindMeta && !l.date.IsZero() && l.authors == nil
}
