// Package quote finds who said what in a document: direct quotes and
// indirect speech, attributed to speakers resolved against the document's
// entities.
//
// The finder works paragraph by paragraph over the document's tokens.
// Quotation marks are paired per paragraph (a quote left open at the end
// of a paragraph continues in the next one, as news style writes long
// quotes). A direct quote is attributed by the frame after it ("...," he
// said) or before it (He said: "..."); a quote with no frame continues
// the quote before it in the paragraph (a quote split around its cue) or
// takes the speaker of the adjacent quote paragraph, before or after.
// Indirect speech is a cue verb with a speaker phrase on its left (X said
// that ...; ..., X said), an inverted cue (..., said X) or "according to
// X". Speaker phrases are resolved against the entity mentions they
// cover; pronouns take the last speaker of their kind.
package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Finder finds quotes. The zero Finder is ready to use.
type Finder struct {
	// Government returns the government entity of a country (by the
	// country's name), so that "Islamabad insisted" is attributed to the
	// government of Pakistan. Optional.
	// The year is the publication year, 0 when unknown.
	Government func(country string, year int) (sitrep.Actor, bool)
}

// Find returns the quotes of doc with the zero Finder.
func Find(doc *sitrep.Document) []sitrep.Quote { return Finder{}.Find(doc) }

// tok is a word or punctuation mark of the text.
type tok struct {
	s, e  int    // byte offsets into the text
	w, l  string // text, lower case
	punct bool
	mark  int8 // a double quotation mark: 1 opens, -1 closes
	sent  int  // sentence index
	reg   int  // index of the quote region holding it, or -1
}

// region is a stretch in quotation marks, marks included.
type region struct {
	a, b   int // token indexes of the opening and closing mark (b = last token when unclosed)
	open   bool
	quote  int // index of the quote it was given to, or -1
	frame  bool
	words  int
	para   int
	inside bool // inside an indirect quote's content
}

// draft is a quote being built, with what pronoun resolution needs.
type draft struct {
	q      sitrep.Quote
	para   int
	pron   string // the pronoun class when the speaker is a pronoun
	cueTok int    // paragraph-independent ordering key (byte offset of the cue)
	parts  []sitrep.Span
	outer  int  // index of the quote whose content holds this one's cue, or -1
	open   bool // a quote with no frame left open at its paragraph's end
}

type finder struct {
	Finder
	doc    *sitrep.Document
	text   string
	ments  []mention
	byID   map[string]*sitrep.Entity
	drafts []*draft
	// colon is the frame that ended the previous paragraph with a
	// colon ("The Times reports:"), for a quote opening the next one.
	colon *draft
}

// mention is an entity mention with its entity.
type mention struct {
	s, e int
	ent  *sitrep.Entity
	via  string
}

// Find returns the quotes of doc, in text order. It needs doc.Sentences
// and doc.Entities; doc.Dates and doc.Published give the dates.
func (fd Finder) Find(doc *sitrep.Document) []sitrep.Quote {
	f := &finder{Finder: fd, doc: doc, text: doc.Text, byID: make(map[string]*sitrep.Entity, len(doc.Entities))}
	for i := range doc.Entities {
		e := &doc.Entities[i]
		f.byID[e.ID] = e
		for _, m := range e.Mentions {
			f.ments = append(f.ments, mention{m.Start, m.End, e, m.Via})
		}
	}
	sort.Slice(f.ments, func(a, b int) bool { return f.ments[a].s < f.ments[b].s })
	var prevOpen []*draft // a quote left open at the end of the previous paragraph
	para := 0
	for ps := 0; ps < len(f.text); {
		pe := strings.IndexByte(f.text[ps:], '\n')
		if pe < 0 {
			pe = len(f.text)
		} else {
			pe += ps
		}
		if strings.TrimSpace(f.text[ps:pe]) != "" {
			prevOpen = f.paragraph(ps, pe, para, prevOpen)
			para++
		}
		ps = pe + 1
	}
	f.resolvePronouns()
	f.nest()
	out := make([]sitrep.Quote, 0, len(f.drafts))
	for _, d := range f.drafts {
		if len(d.parts) > 1 {
			d.q.Parts = d.parts
			var b strings.Builder
			for i, p := range d.parts {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strings.TrimSpace(f.text[p.Start:p.End]))
			}
			d.q.Text = b.String()
			d.q.Start, d.q.End = d.parts[0].Start, d.parts[len(d.parts)-1].End
		} else if len(d.parts) == 1 {
			d.q.Start, d.q.End = d.parts[0].Start, d.parts[0].End
			d.q.Text = f.text[d.q.Start:d.q.End]
		}
		if d.q.Speaker.Text == "" && d.q.Speaker.Name == "" {
			continue
		}
		f.date(&d.q)
		out = append(out, d.q)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// tokenize splits text[ps:pe] into tokens.
func (f *finder) tokenize(ps, pe int) []tok {
	ts := make([]tok, 0, (pe-ps)/5+4)
	t := f.text
	for i := ps; i < pe; {
		r, n := utf8.DecodeRuneInString(t[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < pe {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				// inner apostrophe, hyphen, or a dot between letters (U.S.)
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ',') && j+n2 < pe {
					r3, _ := utf8.DecodeRuneInString(t[j+n2:])
					if (unicode.IsLetter(r3) && r2 != ',') || (unicode.IsDigit(r3) && (r2 == ',' || r2 == '.') && unicode.IsDigit(r)) {
						j += n2
						continue
					}
				}
				break
			}
			// abbreviation dot: single letters (U.S.) and titles
			if j < pe && t[j] == '.' {
				w := t[i:j]
				if strings.Contains(w, ".") || len(w) == 1 || abbrev[strings.ToLower(w)] {
					j++
				}
			}
			w := t[i:j]
			ts = append(ts, tok{s: i, e: j, w: w, l: strings.ToLower(w), reg: -1})
			i = j
		case (r == '\'' || r == '`') && i+1 < pe && t[i+1] == t[i]:
			// '' and `` as double quotation marks (older newswire style)
			tk := tok{s: i, e: i + 2, w: t[i : i+2], l: t[i : i+2], punct: true, reg: -1, mark: 2}
			if r == '`' {
				tk.mark = 1
			}
			ts = append(ts, tk)
			i += 2
		default:
			w := t[i : i+n]
			tk := tok{s: i, e: i + n, w: w, l: w, punct: true, reg: -1}
			switch r {
			case '“', '„':
				tk.mark = 1
			case '”':
				tk.mark = -1
			case '"':
				tk.mark = 2 // decided by context
			}
			ts = append(ts, tk)
			i += n
		}
	}
	// sentence indexes
	ss := f.doc.Sentences
	k := sort.Search(len(ss), func(j int) bool { return ss[j].End > ps })
	for i := range ts {
		for k < len(ss) && ss[k].End <= ts[i].s {
			k++
		}
		ts[i].sent = k
	}
	return ts
}

var abbrev = set("mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "sen", "rep", "gov", "prof", "rev", "jr", "sr", "brig", "adm", "cmdr", "no", "vs", "co", "corp", "inc", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec")

// regions pairs the paragraph's quotation marks. A quote still open at
// the end of the paragraph runs to its end.
func regions(ts []tok, para int) []region {
	var rs []region
	open := -1
	for i := range ts {
		m := ts[i].mark
		if m == 2 { // straight quote: opens after space or start, closes otherwise
			if open < 0 {
				m = 1
			} else {
				m = -1
			}
		}
		switch {
		case m == 1 && open < 0:
			open = i
		case m == -1 && open >= 0:
			rs = append(rs, region{a: open, b: i, quote: -1, para: para})
			open = -1
		}
	}
	if open >= 0 && open < len(ts)-1 {
		rs = append(rs, region{a: open, b: len(ts) - 1, open: true, quote: -1, para: para})
	}
	for k := range rs {
		for i := rs[k].a; i <= rs[k].b; i++ {
			ts[i].reg = k
			if !ts[i].punct {
				rs[k].words++
			}
		}
	}
	return rs
}

// paragraph finds the quotes of text[ps:pe]. prevOpen holds the quote
// left open by the previous paragraph; the return value is this
// paragraph's open quote, if any.
func (f *finder) paragraph(ps, pe, para int, prevOpen []*draft) []*draft {
	ts := f.tokenize(ps, pe)
	if len(ts) == 0 {
		return nil
	}
	rs := regions(ts, para)
	used := make([]bool, len(ts)) // tokens of an attribution frame
	var nextOpen []*draft
	first := len(f.drafts)

	// A transcript or headline line: "PENCE: ...", "Pence: ..."
	if d := f.speakerLine(ts); d != nil {
		d.para = para
		f.drafts = append(f.drafts, d)
		return nil
	}
	lead := f.colon
	f.colon = nil
	// Direct quotes with a frame after or before them.
	for k := range rs {
		r := &rs[k]
		if r.words == 0 {
			continue
		}
		if k == 0 && r.a == 0 && lead != nil && lead.para == para-1 {
			// `He said:` closing the paragraph before, the quote opening
			// this one
			f.addDirect(lead, ts, r, para)
			continue
		}
		if d := f.frameAfter(ts, rs, k, used); d != nil {
			f.addDirect(d, ts, r, para)
			continue
		}
		if k > 0 && f.splitQuote(ts, rs, k, used) {
			// `"A," he said, "B."`: one quote split around its frame
			p := &rs[k-1]
			d := f.drafts[p.quote]
			d.parts = append(d.parts, sitrep.Span{Start: ts[r.a].s, End: ts[r.b].e})
			r.quote = p.quote
			continue
		}
		if d := f.frameBefore(ts, rs, k, used); d != nil {
			f.addDirect(d, ts, r, para)
		}
	}
	// Quotes without a frame: a continuation of the quote before them in
	// the paragraph, of an open quote from the previous paragraph, or
	// of the adjacent paragraph's speaker.
	for k := range rs {
		r := &rs[k]
		if r.quote >= 0 || r.words == 0 {
			continue
		}
		if k > 0 && rs[k-1].quote >= 0 && f.onlyFrameBetween(ts, rs[k-1].b, r.a, used) {
			d := f.drafts[rs[k-1].quote]
			d.parts = append(d.parts, sitrep.Span{Start: ts[r.a].s, End: ts[r.b].e})
			r.quote = rs[k-1].quote
			continue
		}
		if k == 0 && r.a == 0 && len(prevOpen) > 0 {
			d := prevOpen[0]
			d.parts = append(d.parts, sitrep.Span{Start: ts[r.a].s, End: ts[r.b].e})
			r.quote = indexOf(f.drafts, d)
			continue
		}
	}
	for k := range rs {
		if rs[k].open && rs[k].quote >= 0 {
			nextOpen = []*draft{f.drafts[rs[k].quote]}
		}
	}
	// Indirect speech.
	f.indirect(ts, rs, used, para)
	// Short unattributed quotes inside an indirect quote are partial
	// quotes of it; other unattributed quotes wait for pass two.
	for k := range rs {
		r := &rs[k]
		if r.quote >= 0 || r.words == 0 {
			continue
		}
		for _, d := range f.drafts[first:] {
			if !d.q.Direct && len(d.parts) > 0 && d.parts[0].Start <= ts[r.a].s && ts[r.b].e <= d.parts[len(d.parts)-1].End+3 {
				r.inside = true
			}
		}
		if r.inside || r.words < 4 || !startsSentence(ts, r.a) {
			continue
		}
		// A whole paragraph in quotation marks with no frame: the
		// speaker of the quote just before (previous paragraph) or the
		// first quote after in this or the next paragraph (set later).
		d := &draft{para: para, outer: -1, cueTok: ts[r.a].s}
		d.q.Direct = true
		d.parts = []sitrep.Span{{Start: ts[r.a].s, End: ts[r.b].e}}
		d.q.Speaker.Kind = "pending"
		r.quote = len(f.drafts)
		f.drafts = append(f.drafts, d)
		if r.open {
			d.open = true
			nextOpen = []*draft{d}
		}
	}
	if n := len(ts); n > 2 && ts[n-1].w == ":" && ts[n-1].reg < 0 {
		if d := f.colonFrame(ts); d != nil {
			d.para = para
			f.colon = d
		}
	}
	return nextOpen
}

// colonFrame reads an attribution frame that ends a paragraph with a
// colon, "The New York Times reports:", "He said:", announcing a quote
// in the next paragraph.
func (f *finder) colonFrame(ts []tok) *draft {
	c := len(ts) - 2
	start := c
	for start > 0 && ts[start-1].sent == ts[c].sent && ts[start-1].reg < 0 {
		start--
	}
	for cc := c; cc >= start && cc >= c-6; cc-- {
		if _, ok := cueForm[ts[cc].l]; !ok || !cueCase(ts, cc) || isNounUse(ts, cc) {
			continue
		}
		if cc != c && !addresseeVerbs[cueForm[ts[cc].l]] && !f.onlyDateOrAdverb(ts, cc+1, c+1) {
			continue
		}
		ns, ne := leftNP(ts, start, cc, f)
		if ne <= ns || !agrees(ts, cc, ns, ne) {
			continue
		}
		return f.newDraft(ts, cc, cc+1, ns, ne, c+1)
	}
	return nil
}

// labels are words before a colon that do not name a speaker.
var labels = set("update", "updated", "note", "watch", "read", "photo", "photos", "video", "exclusive", "breaking", "editor", "editors", "source", "sources", "related", "see", "also", "live", "analysis", "opinion", "warning", "listen", "correction", "clarification", "q", "a", "question", "answer", "transcript", "contact", "email", "phone", "tel", "fax", "twitter", "facebook", "website", "tags", "topics", "share", "advertisement", "file", "image", "credit", "caption", "by", "from", "to", "subject", "date", "time", "location", "where", "when", "what", "who", "why", "how", "part", "chapter", "step", "tip", "fact", "facts", "background", "timeline", "map", "graphic", "poll", "quiz", "vote", "more", "next", "previous", "top", "bottom", "in", "on", "at", "the", "and")

// speakerLine reads a paragraph opened by a speaker's name and a colon,
// as transcripts and some headlines write it: "PENCE: Well, look, ..."
//
// A transcript quoted as a whole, each turn a paragraph opened by a
// quotation mark ("\"WALLACE: Let's start ..."), is read the same way,
// the marks left out of the words.
func (f *finder) speakerLine(ts []tok) *draft {
	s := 0
	if len(ts) > 0 && ts[0].mark > 0 { // an opening or a straight mark
		s = 1
	}
	k := s
	for k < len(ts) && k-s < 4 && !ts[k].punct && unicode.IsUpper(firstRune(ts[k].w)) && !labels[ts[k].l] {
		k++
	}
	if k == s || k >= len(ts)-3 || ts[k].w != ":" || ts[k+1].mark != 0 && ts[len(ts)-1].mark != 0 {
		return nil
	}
	if len(ts[s].w) < 2 {
		return nil
	}
	// a transcript's upper-case name, or a name the entity layer knows
	// as a person or organisation (not a headline's "Stealth Over Health:")
	upper := true
	for x := s; x < k; x++ {
		if strings.ToUpper(ts[x].w) != ts[x].w {
			upper = false
		}
	}
	if s == 1 && !upper {
		// A quoted paragraph opened by a name and a colon is a
		// transcript only in a transcript's capitals.
		return nil
	}
	if m := f.mentionIn(ts[s].s, ts[k-1].e); !upper && (m == nil || m.ent.Type != "person" && m.ent.Type != "organization") {
		return nil
	}
	d := &draft{outer: -1, cueTok: ts[k].s}
	d.q.Cue, d.q.CueStart, d.q.CueEnd = ":", ts[k].s, ts[k].e
	// A transcript's turn is the speaker's own words; a headline's
	// "Pence: Flowers won't be at debate" is the desk's summary.
	d.q.Direct = upper
	d.q.Speaker = f.speaker(ts, s, k)
	if d.q.Speaker.Kind == sitrep.SpeakerPronoun {
		return nil
	}
	end := len(ts)
	if s == 1 && (ts[end-1].mark == -1 || ts[end-1].mark == 2) {
		end--
	}
	d.parts = []sitrep.Span{{Start: ts[k+1].s, End: ts[end-1].e}}
	return d
}

// startsSentence reports whether the quote mark at i opens its sentence.
func startsSentence(ts []tok, i int) bool {
	return i == 0 || ts[i-1].sent != ts[i].sent || strings.Contains(".?!:", ts[i-1].w) || ts[i-1].mark != 0
}

func indexOf(ds []*draft, d *draft) int {
	for i, x := range ds {
		if x == d {
			return i
		}
	}
	return -1
}

// onlyFrameBetween reports whether every token between i and j
// (exclusive) is punctuation or part of an attribution frame.
func (f *finder) onlyFrameBetween(ts []tok, i, j int, used []bool) bool {
	for k := i + 1; k < j; k++ {
		if !ts[k].punct && !used[k] {
			return false
		}
	}
	return true
}

// splitQuote reports whether region k resumes the quote of region k-1
// across that quote's frame: `"A," he said, "B."`. The earlier region
// was attributed by the frame after it, only the frame and punctuation
// lie between the two, and a comma (not a full stop) ends the frame.
func (f *finder) splitQuote(ts []tok, rs []region, k int, used []bool) bool {
	p, r := rs[k-1], rs[k]
	if p.quote < 0 || !p.frame || p.open || r.a-p.b < 3 || f.drafts[p.quote].q.CueStart < ts[p.b].e {
		return false
	}
	if !f.onlyFrameBetween(ts, p.b, r.a, used) {
		return false
	}
	// the frame ends in a comma: `he said, "B`; a full stop or a colon
	// opens a new statement
	return ts[r.a-1].w == ","
}

func (f *finder) addDirect(d *draft, ts []tok, r *region, para int) {
	d.q.Direct = true
	d.para = para
	d.outer = -1
	d.parts = []sitrep.Span{{Start: ts[r.a].s, End: ts[r.b].e}}
	r.quote = len(f.drafts)
	r.frame = true
	f.drafts = append(f.drafts, d)
}

// skipFwd returns the first index from i in [i, end) that is not one of
// the given punctuation marks.
func skipPunct(ts []tok, i, end int, marks string) int {
	for i < end && ts[i].punct && strings.Contains(marks, ts[i].w) {
		i++
	}
	return i
}

// frameAfter attributes region k by the words after it in its sentence:
// `"...," he said`, `"...," said X`, `"..." X told Y`.
func (f *finder) frameAfter(ts []tok, rs []region, k int, used []bool) *draft {
	r := rs[k]
	if r.open {
		return nil
	}
	sent := ts[r.b].sent
	end := r.b + 1
	for end < len(ts) && ts[end].sent == sent && ts[end].reg < 0 {
		end++
	}
	// A sentence ending inside the quote ends the frame too, except when
	// the quote closes with a comma, question or exclamation mark.
	i := skipPunct(ts, r.b+1, end, ",")
	if i < end && (ts[i].w == "―" || ts[i].w == "—" || ts[i].w == "–" || ts[i].w == "-") {
		// "..." ― Name, role
		ns, ne := rightNP(ts, i+1, end)
		if ne > ns && unicode.IsUpper(firstRune(ts[ns].w)) {
			d := f.newDraft(ts, i, i+1, ns, ne, end)
			mark(used, i, end)
			return d
		}
		return nil
	}
	if i >= end {
		return nil
	}
	lastIn := ts[r.b-1].w
	if lastIn == "." && !(i < end && !ts[i].punct && unicode.IsLower(firstRune(ts[i].w))) {
		return nil
	}
	if !ts[i].punct && !unicode.IsLower(firstRune(ts[i].w)) && lastIn == "." && ts[i].sent != sent {
		return nil
	}
	// said X
	if l, ok := cueForm[ts[i].l]; ok && invertible[l] && (!baseForm[ts[i].l] || ts[i].l == "say") {
		ns, ne := invertedNP(ts, i+1, end)
		if ne > ns {
			d := f.newDraft(ts, i, i+1, ns, ne, end)
			mark(used, i, min(end, f.frameEnd(ts, ne, end)))
			return d
		}
		return nil
	}
	// X said
	for c := i; c < end && c < i+16; c++ {
		if ts[c].punct && !strings.Contains("’',()-.", ts[c].w) {
			break
		}
		if _, ok := cueForm[ts[c].l]; !ok || c == i || isNounUse(ts, c) || !cueCase(ts, c) {
			continue
		}
		ns, ne := leftNP(ts, i, c, f)
		if ns != i || ne <= ns || !agrees(ts, c, ns, ne) {
			continue
		}
		if c+1 < end && ts[c+1].l == "that" {
			// `On “This Week,” Carson admitted that ...`: the cue reports
			// the clause after it, not the quote (a title) before it
			return nil
		}
		d := f.newDraft(ts, c, c+1, ns, ne, end)
		mark(used, i, f.frameEnd(ts, c+1, end))
		return d
	}
	return nil
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func mark(used []bool, i, j int) {
	for ; i < j && i < len(used); i++ {
		used[i] = true
	}
}

// frameEnd extends an attribution frame over an addressee, a venue and a
// date to the end of the sentence when nothing else follows.
func (f *finder) frameEnd(ts []tok, i, end int) int {
	for k := i; k+1 < end; k++ {
		if ts[k].w == "," && strings.HasSuffix(ts[k+1].l, "ing") && cueForm[ts[k+1].l] != "" {
			return k
		}
	}
	return end
}

// frameBefore attributes region k by the words before it: `He said: "..."`,
// `X said, "..."`, `X told Y: "..."`.
func (f *finder) frameBefore(ts []tok, rs []region, k int, used []bool) *draft {
	r := rs[k]
	if f.titleBeforeClause(ts, r.a) {
		return nil
	}
	sent := ts[r.a].sent
	start := r.a
	for start > 0 && ts[start-1].sent == sent && ts[start-1].reg < 0 {
		start--
	}
	if start == r.a && r.a > 0 && ts[r.a-1].sent != sent {
		// The sentence splitter may start a new sentence at the mark.
		start = r.a
		for start > 0 && ts[start-1].reg < 0 && ts[start-1].w != "." {
			start--
		}
	}
	c := r.a - 1
	for c >= start && ts[c].punct && strings.Contains(",:—–-", ts[c].w) {
		c--
	}
	if c >= start && ts[c].l == "that" {
		// X said that "...": a partial quote when the quote does not end
		// the sentence; either way the speaker is X.
		c--
	}
	if c < start {
		return nil
	}
	// The cue, possibly followed by an addressee: X told Y: "..."
	for cc := c; cc >= start && cc >= c-6; cc-- {
		if _, ok := cueForm[ts[cc].l]; !ok || !cueCase(ts, cc) || isNounUse(ts, cc) {
			continue
		}
		if cc != c {
			l := cueForm[ts[cc].l]
			if !addresseeVerbs[l] {
				// only a date or venue may follow the cue
				if !f.onlyDateOrAdverb(ts, cc+1, c+1) {
					continue
				}
			}
		}
		if strings.HasSuffix(ts[cc].l, "ing") && cc > 0 && (ts[cc-1].w == "," || ts[cc-1].l == "later" || ts[cc-1].l == "then") {
			// `X said, adding: "..."`: the speaker of the main clause
			if p := f.mainSpeaker(ts, cc); p != nil {
				d := f.newDraft(ts, cc, cc+1, 0, 0, r.a)
				d.q.Speaker = p.q.Speaker
				d.pron = p.pron
				mark(used, cc, r.a)
				return d
			}
		}
		ns, ne := leftNP(ts, start, cc, f)
		if ne <= ns {
			// said X: "..."
			continue
		}
		if !agrees(ts, cc, ns, ne) {
			continue
		}
		d := f.newDraft(ts, cc, cc+1, ns, ne, r.a)
		mark(used, ns, r.a)
		return d
	}
	return nil
}

// titleBeforeClause reports whether the region starting at token i is a
// short title (of a programme, a book) followed by a "that" clause: `told
// MSNBC’s “Morning Joe” on Friday that ...`. The clause, not the title,
// is what is reported.
func (f *finder) titleBeforeClause(ts []tok, i int) bool {
	r := ts[i].reg
	if r < 0 {
		return false
	}
	k := i
	for k < len(ts) && ts[k].reg == r {
		k++
	}
	if k-i > 8 {
		return false
	}
	for j := k; j < len(ts) && j < k+6; j++ {
		if ts[j].l == "that" {
			return true
		}
		if !(ts[j].punct && ts[j].mark == 0 || f.inDate(ts[j].s) || ts[j].l == "on") {
			return false
		}
	}
	return false
}

// isDigitWord reports whether s starts with a digit.
func isDigitWord(s string) bool {
	r := firstRune(s)
	return unicode.IsDigit(r)
}

// subjectAt reads the subject of the clause starting at a, before c: a
// pronoun, a run of capitalised words ("Attorney General Roy Cooper"),
// or "the" and a role ("The president"), after an introductory phrase
// ending in a comma ("During a speech earlier in the day, Trump ...").
func subjectAt(ts []tok, a, c int) (int, int) {
	k := a
	if k < c && (prepositions[ts[k].l] || interposed[ts[k].l]) {
		for k < c && ts[k].w != "," {
			k++
		}
		k++
	}
	if k >= c {
		return 0, 0
	}
	if p, ok := pronouns[ts[k].l]; ok && p != "thing" && ts[k].l != "him" && ts[k].l != "them" && ts[k].l != "her" {
		return k, k + 1
	}
	j := k
	if ts[j].l == "the" && j+1 < c && (roleHeads[ts[j+1].l] || anonymousHeads[ts[j+1].l]) {
		return j, j + 2
	}
	for j < c && (unicode.IsUpper(firstRune(ts[j].w)) && !ts[j].punct || j > k && (ts[j].w == "." || ts[j].w == "(" || ts[j].w == ")")) {
		j++
	}
	if j > k && j < c && !ts[j].punct && unicode.IsLower(firstRune(ts[j].w)) {
		return k, j
	}
	return 0, 0
}

// mainSpeaker returns the quote attributed earlier in the sentence of
// token c, whose speaker a participle cue (", adding") shares.
func (f *finder) mainSpeaker(ts []tok, c int) *draft {
	sent := ts[c].sent
	for k := len(f.drafts) - 1; k >= 0; k-- {
		d := f.drafts[k]
		if d.q.CueEnd <= ts[c].s && d.q.CueStart >= ts[0].s {
			for j := c - 1; j >= 0 && ts[j].sent == sent; j-- {
				if ts[j].s == d.q.CueStart {
					return d
				}
			}
			return nil
		}
	}
	return nil
}

// onlyDateOrAdverb reports whether tokens [i, j) are a date expression,
// adverbs or punctuation.
func (f *finder) onlyDateOrAdverb(ts []tok, i, j int) bool {
	for k := i; k < j; k++ {
		if ts[k].punct || preverbs[ts[k].l] || f.inDate(ts[k].s) || ts[k].l == "on" || ts[k].l == "in" {
			continue
		}
		return false
	}
	return true
}

// inDate reports whether byte off lies in a date expression (doc.Dates
// are in text order and do not overlap).
func (f *finder) inDate(off int) bool {
	ds := f.doc.Dates
	i := sort.Search(len(ds), func(j int) bool { return ds[j].End > off })
	return i < len(ds) && ds[i].Start <= off
}

// pluralSubject reports whether the phrase [s, e) can take a base-form
// verb: a plural noun or a pronoun other than he, she, it.
func pluralSubject(ts []tok, s, e int) bool {
	for k := s + 1; k < e-1; k++ {
		if ts[k].l == "and" {
			return true // "Mr. Grassley and Mr. Leahy say"
		}
	}
	l := ts[headOf(ts, s, e)].l
	if quantities[l] || isDigitWord(l) {
		return true
	}
	switch l {
	case "they", "we", "i", "you":
		return true
	case "he", "she", "it":
		return false
	}
	if strings.HasSuffix(l, "ss") || strings.HasSuffix(l, "us") {
		return false
	}
	if h := ts[headOf(ts, s, e)]; unicode.IsUpper(firstRune(h.w)) && !anonymousHeads[l] && !groupHeads[l] && !isDocumentHead(l) {
		// names ending in s ("Times", "Reuters") are singular; peoples
		// and parties ("Democrats", "Afghans") plural
		for _, suf := range []string{"ans", "ists", "ers", "ats", "ics", "ites", "ese"} {
			if strings.HasSuffix(l, suf) {
				return true
			}
		}
		return false
	}
	return strings.HasSuffix(l, "s") || l == "police" || l == "people" || l == "militants" || l == "men" || l == "women" || l == "data"
}

// isDocumentHead reports whether l names a document, a poll or data, in
// the singular or the plural ("the polls show").
func isDocumentHead(l string) bool {
	return documentHeads[l] || documentHeads[strings.TrimSuffix(l, "s")]
}

// cueCase reports whether the cue word at c is written as a verb: lower
// case, or capitalised only at the start of a sentence ("States" in
// "United States" is not a cue).
func cueCase(ts []tok, c int) bool {
	return !unicode.IsUpper(firstRune(ts[c].w)) || c == 0 || ts[c-1].sent != ts[c].sent || ts[c-1].mark != 0
}

// agrees reports whether the cue form at c agrees with its subject
// [ns, ne): a base form after a plural, a noun-like third-person form
// ("claims", "reports") after a singular.
func agrees(ts []tok, c, ns, ne int) bool {
	if baseForm[ts[c].l] && cueForm[ts[c].l] == ts[c].l {
		return pluralSubject(ts, ns, ne)
	}
	if nounForm[ts[c].l] {
		last := ts[ne-1]
		if _, ok := pronouns[last.l]; ok {
			return last.l == "he" || last.l == "she" || last.l == "it"
		}
		return !pluralSubject(ts, ns, ne) && (unicode.IsUpper(firstRune(last.w)) || documentHeads[last.l] || anonymousHeads[last.l] || groupHeads[last.l])
	}
	return true
}

// leftNP reads the speaker phrase that ends just before the cue at c,
// skipping adverbs and auxiliaries between them, and no further left
// than start. It handles an apposition: "X, the spokesman of Y, said".
// It returns ns == ne when there is none.
func leftNP(ts []tok, start, c int, f *finder) (int, int) {
	e := c
	for e > start && (preverbs[ts[e-1].l] || f.inDate(ts[e-1].s) || ((ts[e-1].l == "on" || ts[e-1].l == "in") && e < c && f.inDate(ts[e].s))) {
		e--
	}
	if e <= start {
		return 0, 0
	}
	// interposed phrases: "X, at a later press gaggle, said", "X, who
	// served as ambassador, said", "X, 59, of Ashton, Md., who ..., said"
	if ts[e-1].w == "," {
		seg := e - 1 // the comma closing the current segment
		for n := 0; n < 4; n++ {
			cm := seg - 1
			for cm > start && cm >= seg-25 && ts[cm].w != "," {
				cm--
			}
			if cm <= start || ts[cm].w != "," {
				break
			}
			first := ts[cm+1]
			short := seg-cm <= 4 && (isDigitWord(first.l) || prepositions[first.l] || seg-cm == 3 && ts[cm+2].w == ".")
			// an apposition holding a clause: "X, a former aide who
			// accompanied her to Burma in 2011, said"
			appos := (first.l == "a" || first.l == "an" || first.l == "the") && seg-cm > 4
			if !(interposed[first.l] || first.l == "who" || first.l == "which" || short || appos) {
				break
			}
			if ns, ne := npBack(ts, start, cm, f); ne > ns && (seg-cm > 4 || unicode.IsUpper(firstRune(ts[ne-1].w))) {
				if ns == start || ts[ns-1].punct || prepositions[ts[ns-1].l] == false {
					return ns, ne
				}
			}
			seg = cm
		}
	}
	// apposition: NP1 , APPOS , cue
	if ts[e-1].w == "," {
		as, ae := npBack(ts, start, e-1, f)
		if ae > as && as-1 >= start && ts[as-1].w == "," {
			ns, ne := npBack(ts, start, as-1, f)
			if ne > ns {
				return ns, ae
			}
		}
		return 0, 0
	}
	ns, ne := npBack(ts, start, e, f)
	if ne > ns && ns > start && prepositions[ts[ns-1].l] {
		// "in response to Afghan claims": an object, not a subject; but
		// "In a Bloomberg interview Trump declared": the person at the end
		if m := f.mentionIn(ts[ns].s, ts[ne-1].e); m != nil && m.ent.Type == "person" && m.e == ts[ne-1].e {
			for k := ns; k < ne; k++ {
				if ts[k].s == m.s {
					return k, ne
				}
			}
		}
		return 0, 0
	}
	return ns, ne
}

// interposed words open a phrase between a speaker and the cue.
var interposed = set("at", "in", "during", "on", "speaking", "addressing", "however", "also", "meanwhile", "earlier", "later", "too", "though", "for", "after", "before", "while", "when", "writing", "in turn", "moreover", "separately", "nonetheless", "speaking", "asked", "responding", "according")

var prepositions = set("to", "of", "in", "for", "with", "on", "at", "by", "from", "about", "against", "over", "under", "into", "after", "before", "amid", "despite")

// npBack reads a noun phrase leftwards from e (exclusive).
func npBack(ts []tok, start, e int, f *finder) (int, int) {
	s := e
	for s > start && s > e-12 {
		t := ts[s-1]
		if t.punct {
			// possessive ’s is a word token; allow a hyphen, brackets and
			// a period inside brackets: "Sen. Claire McCaskill (D-Mo.)"
			if t.w == "-" || t.w == "’" || t.w == "'" || t.w == "(" || t.w == ")" || t.w == "%" || t.w == "." && s < len(ts) && ts[s].w == ")" {
				s--
				continue
			}
			break
		}
		if t.reg >= 0 || npStop[t.l] && !(t.l == "to" && s < e && s-2 >= start && (anonymousHeads[ts[s-2].l] || roleHeads[strings.TrimSuffix(ts[s-2].l, "s")])) &&
			!(t.l == "by" && s < e && s-2 >= start && isDocumentHead(ts[s-2].l)) || f.inDate(t.s) {
			break
		}
		// a cue form is a verb, unless it is a noun: after a determiner,
		// or right before the cue ("a UN report said")
		if _, ok := cueForm[t.l]; ok && !isNounUse(ts, s-1) && !(s == e && e < len(ts) && cueForm[ts[e].l] != "") {
			break
		}
		s--
	}
	// No inner word at the start ("of", "and").
	for s < e && (npInner[ts[s].l] || ts[s].punct) {
		s++
	}
	if s >= e {
		return 0, 0
	}
	// A noun phrase starts with a determiner, a capital or a pronoun;
	// lowercase runs with no determiner must be short ("officials",
	// "security sources") and end in a speaker noun.
	if !hasHead(ts, s, e, f) {
		return 0, 0
	}
	return s, e
}

// isNounUse reports whether the cue form at i is used as a noun: after
// a determiner or an adjective-like word ("the report", "a statement").
func isNounUse(ts []tok, i int) bool {
	if i == 0 {
		return false
	}
	p := ts[i-1].l
	if p == "police" || p == "intelligence" || p == "media" {
		// "police reports", "an intelligence report"; but "police said"
		l := ts[i].l
		return nounForm[l] || nounForm[l+"s"]
	}
	return determiners[p] || p == "the" || strings.HasSuffix(p, "’s") || strings.HasSuffix(p, "'s")
}

// hasHead reports whether [s, e) is a plausible speaker: a pronoun, an
// entity mention, a capitalised name or a phrase headed by a speaker
// noun.
func hasHead(ts []tok, s, e int, f *finder) bool {
	last := ts[e-1]
	if _, ok := pronouns[last.l]; ok {
		return e-s == 1 && last.l != "him" && last.l != "them" && last.l != "her"
	}
	if f.mentionIn(ts[s].s, last.e) != nil {
		return true
	}
	if speakerHead(last.l) {
		return true
	}
	// a document with a modifier after it: "A poll released in late
	// August", "A 2014 study by Harvard"
	if docPhrase(ts, s, e) && (determiners[ts[s].l] || isDigitWord(ts[s].l) || unicode.IsUpper(firstRune(ts[s].w))) {
		return true
	}
	// A head before a prepositional phrase: "a lawyer for the news
	// outlets", "a spokesman at the interior ministry".
	for k := s + 1; k < e-1; k++ {
		if headPrepositions[ts[k].l] {
			if speakerHead(ts[k-1].l) {
				return true
			}
			break
		}
	}
	// "The bank said": a short phrase opened by a determiner at the
	// start of a clause, its head within four words ("A lawyer for the
	// news outlets said").
	h := e
	for k := s + 1; k < e-1; k++ {
		if headPrepositions[ts[k].l] {
			h = k
			break
		}
	}
	if determiners[ts[s].l] && (e-s <= 5 || h-s <= 4 && e-s <= 9) && (s == 0 || ts[s-1].punct || ts[s-1].sent != ts[s].sent) {
		for k := s + 1; k < e; k++ {
			if strings.HasSuffix(ts[k].l, "ed") || strings.HasSuffix(ts[k].l, "ing") && k == e-1 && !ingNouns[ts[k].l] {
				return false
			}
		}
		return true
	}
	if unicode.IsUpper(firstRune(last.w)) {
		return true
	}
	return false
}

// ingNouns are nouns that end in -ing, not participles: "the media wing
// said".
var ingNouns = set("wing", "king", "ring", "building", "meeting", "briefing", "hearing", "ruling", "wording", "reading", "filing", "finding", "findings", "ranking", "polling", "reporting")

// headPrepositions open the phrase that follows a noun phrase's head.
var headPrepositions = set("of", "for", "at", "from", "in", "with", "on")

// speakerHead reports whether a lower-case word heads a speaker phrase:
// an anonymous source, a document, a role or a group.
func speakerHead(l string) bool {
	return anonymousHeads[l] || isDocumentHead(l) || roleHeads[l] || groupHeads[l] || roleHeads[strings.TrimSuffix(l, "s")]
}

// rightNP reads a speaker phrase after an inverted cue ("said Sadiq
// Shinwari, a military expert"): up to a comma, a stop word or the end.
func rightNP(ts []tok, i, end int) (int, int) {
	j := i
	for j < end && j < i+12 {
		t := ts[j]
		if t.punct && t.w != "’" && t.w != "'" && t.w != "-" && t.w != "." {
			break
		}
		if t.reg >= 0 || (npStop[t.l] && j > i) || t.l == "on" || t.l == "in" && j > i+1 && !unicode.IsUpper(firstRune(ts[j+min(1, end-j-1)].w)) {
			break
		}
		if t.l == "who" || t.l == "while" || t.l == "when" {
			break
		}
		j++
	}
	for j > i && (npInner[ts[j-1].l] || ts[j-1].punct) {
		j--
	}
	if j == i {
		return 0, 0
	}
	l := ts[j-1].l
	if _, ok := pronouns[l]; ok && j-i == 1 {
		return i, j
	}
	if anonymousHeads[l] || documentHeads[l] || unicode.IsUpper(firstRune(ts[j-1].w)) {
		return i, j
	}
	return 0, 0
}

// invertedNP reads the speaker after an inverted cue: a phrase rightNP
// accepts, or one whose head comes early and a modifier after it ("said
// a strategist for one of the candidates", "said one Democrat familiar
// with the discussion").
func invertedNP(ts []tok, i, end int) (int, int) {
	if ns, ne := rightNP(ts, i, end); ne > ns {
		return ns, ne
	}
	j := i
	for j < end && j < i+12 {
		t := ts[j]
		if t.reg >= 0 || t.punct && t.w != "’" && t.w != "'" && t.w != "-" && t.w != "." || npStop[t.l] && t.l != "with" && t.l != "by" || t.l == "who" {
			break
		}
		j++
	}
	for k := i; k < j && k < i+5; k++ {
		if speakerHead(ts[k].l) || unicode.IsUpper(firstRune(ts[k].w)) {
			e := j
			for e > k+1 && (npInner[ts[e-1].l] || ts[e-1].punct) {
				e--
			}
			return i, e
		}
	}
	return 0, 0
}

// newDraft builds a quote whose cue is tokens [cs, ce) and whose speaker
// phrase is [ns, ne); end bounds the frame (for addressee and venue).
func (f *finder) newDraft(ts []tok, cs, ce, ns, ne, end int) *draft {
	d := &draft{outer: -1, cueTok: ts[cs].s}
	d.q.Cue = f.text[ts[cs].s:ts[ce-1].e]
	d.q.CueStart, d.q.CueEnd = ts[cs].s, ts[ce-1].e
	if ne > ns {
		d.q.Speaker = f.speaker(ts, ns, ne)
	}
	if ne > ns && d.q.Speaker.Kind == sitrep.SpeakerPronoun {
		d.pron = pronouns[pronBase(ts[ns].l)]
	}
	// appositive role after an inverted speaker: "said X, a military expert"
	if ne < end && ts[ne].w == "," && ne+1 < end && ne > cs {
		as, ae := rightNP(ts, ne+1, end)
		if ae > as && d.q.Speaker.Role == "" {
			d.q.Speaker.Role = f.role(ts, as, ae)
		}
	}
	// addressee: told Y
	after := ce
	if ne > cs {
		after = max(after, ne)
	}
	if l := cueForm[ts[cs].l]; addresseeVerbs[l] && ce < end {
		as, ae := rightNP(ts, ce, end)
		if ae > as {
			a := f.actor(ts, as, ae)
			d.q.Addressee = &a
			after = max(after, ae)
		}
	}
	d.q.Venue = f.venue(ts, after, end)
	return d
}

// venue finds "while briefing the Senate Standing Committee ...", "at a
// press conference", "in an interview with X" in [i, end).
func (f *finder) venue(ts []tok, i, end int) string {
	for k := i; k < end && k < i+8; k++ {
		t := ts[k]
		if t.reg >= 0 {
			return ""
		}
		if venueOpeners[t.l] && k+1 < end && strings.HasSuffix(ts[k+1].l, "ing") || (t.l == "at" || t.l == "in" || t.l == "during") && k+2 < end && hasVenueNoun(ts, k+1, min(end, k+5)) {
			j := k + 1
			for j < end && !(ts[j].punct && ts[j].w != "’" && ts[j].w != "'" && ts[j].w != "-") && ts[j].reg < 0 && ts[j].l != "that" && !f.inDate(ts[j].s) {
				j++
			}
			// drop a trailing date ("on Monday")
			for j > k+1 && f.inDate(ts[j-1].s) {
				j--
			}
			if j > k+1 && ts[j-1].l == "on" {
				j--
			}
			return f.text[t.s:ts[j-1].e]
		}
	}
	return ""
}

func hasVenueNoun(ts []tok, i, j int) bool {
	for k := i; k < j; k++ {
		if venueNouns[ts[k].l] {
			return true
		}
	}
	return false
}

// mentionIn returns the entity mention in [s, e) that best names a
// speaker: a person first, then the mention nearest the phrase's end.
func (f *finder) mentionIn(s, e int) *mention {
	var best *mention
	score := func(m *mention) int {
		p := 0
		switch m.ent.Type {
		case "person":
			p = 4
		case "organization":
			p = 3
		case "norp":
			p = 1
		case "location":
			p = 2
		}
		return p*100000 + m.e
	}
	i := sort.Search(len(f.ments), func(j int) bool { return f.ments[j].e > s })
	for ; i < len(f.ments) && f.ments[i].s < e; i++ {
		m := &f.ments[i]
		if m.e <= s || m.s < s || m.e > e {
			continue
		}
		if best == nil || score(m) > score(best) {
			best = m
		}
	}
	return best
}

// speaker resolves the speaker phrase [ns, ne).
func (f *finder) speaker(ts []tok, ns, ne int) sitrep.Speaker {
	sp := sitrep.Speaker{Text: f.text[ts[ns].s:ts[ne-1].e]}
	sp.Start, sp.End = ts[ns].s, ts[ne-1].e
	if ne-ns == 1 {
		if _, ok := pronouns[pronBase(ts[ns].l)]; ok {
			sp.Kind = sitrep.SpeakerPronoun
			return sp
		}
	}
	sp.Role = f.role(ts, ns, ne)
	h := headOf(ts, ns, ne)
	head := ts[h]
	m := f.mentionIn(sp.Start, sp.End)
	if m != nil && m.ent.Type != "person" && (m.s > head.s || m.e < head.e) {
		// "a senior police official in Quetta", "Afghan officials": the
		// entity only qualifies the head noun; unless a mention holds the
		// head ("The Inter-Services Public Relations (ISPR)").
		if o := f.mentionOver(head.s); o != nil && o.s >= sp.Start && o.e <= sp.End && o.e >= head.e {
			m = o
		} else {
			m = f.mentionIn(head.s, head.e)
		}
	}
	if m != nil {
		sp.Name, sp.Entity = m.ent.Name, m.ent.ID
		switch {
		case m.ent.Subtype == "media":
			sp.Kind = sitrep.SpeakerOutlet
		case m.ent.Type == "location" && f.Government != nil:
			country := m.ent.Name
			if m.ent.Place != nil && m.ent.Place.Country != "" {
				country = m.ent.Place.Country
			}
			if g, ok := f.Government(country, f.doc.Published.Year); ok {
				sp.Name, sp.Entity = g.Name, g.Entity
			}
			sp.Kind = sitrep.SpeakerNamed
		default:
			sp.Kind = sitrep.SpeakerNamed
		}
		return sp
	}
	sp.Name = trimDeterminer(f.text[sp.Start:head.e])
	if head.l == "government" && f.Government != nil && h == ne-1 && (ne-ns <= 2) {
		// "the government said": the government of the country the
		// document names most
		if c := f.doc.MainCountry(); c != "" {
			if g, ok := f.Government(c, f.doc.Published.Year); ok {
				sp.Name, sp.Entity, sp.Kind = g.Name, g.Entity, sitrep.SpeakerNamed
				return sp
			}
		}
	}
	switch {
	case documentHeads[head.l]:
		sp.Kind = sitrep.SpeakerDocument
	case groupHeads[head.l]:
		sp.Kind = sitrep.SpeakerCollective
	case unicode.IsUpper(firstRune(head.w)) && !anonymousHeads[head.l]:
		sp.Kind = sitrep.SpeakerNamed
	case strings.HasSuffix(head.l, "s") && !strings.HasSuffix(head.l, "ss") || head.l == "police" || head.l == "people" || head.l == "authorities" || head.l == "men" || head.l == "women":
		sp.Kind = sitrep.SpeakerCollective
	default:
		sp.Kind = sitrep.SpeakerAnonymous
	}
	return sp
}

// headOf returns the index of the head noun of the phrase [ns, ne): the
// speaker noun before a prepositional phrase ("a senior official in
// Quetta"), else the last word.
func headOf(ts []tok, ns, ne int) int {
	if ne-ns > 2 && ts[ne-1].w == ")" {
		// "The Inter-Services Public Relations (ISPR)": the name before
		// its bracketed acronym
		for k := ne - 2; k > ns; k-- {
			if ts[k].w == "(" {
				return headOf(ts, ns, k)
			}
		}
	}
	for k := ns + 1; k < ne; k++ {
		if (ts[k].l == "of" || ts[k].l == "in" || ts[k].l == "at" || ts[k].l == "from" || ts[k].l == "for" || ts[k].l == "with" || ts[k].w == ",") && (anonymousHeads[ts[k-1].l] || roleHeads[ts[k-1].l] || groupHeads[ts[k-1].l]) {
			return k - 1
		}
		if (ts[k].l == "by" || strings.HasSuffix(ts[k].l, "ed")) && isDocumentHead(ts[k-1].l) {
			return k - 1 // "a poll released in August", "a study by Harvard"
		}
	}
	return ne - 1
}

// trimDeterminer drops a leading "the", "a" or "an".
func trimDeterminer(s string) string {
	for _, d := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// role returns the role words of a speaker phrase: the run of words
// ending in a role noun, outside entity names ("the army chief" ->
// "army chief", "Foreign Secretary Aizaz Ahmad Chaudhry" -> "foreign
// secretary").
func (f *finder) role(ts []tok, ns, ne int) string {
	for k := headOf(ts, ns, ne); k >= ns; k-- {
		w := strings.TrimSuffix(ts[k].l, "s")
		if !roleHeads[ts[k].l] && !roleHeads[w] {
			continue
		}
		if m := f.mentionIn(ts[k].s, ts[k].e); m == nil {
			if m2 := f.mentionOver(ts[k].s); m2 != nil && m2.via != "title" {
				continue
			}
		}
		j := k
		for j > ns && !ts[j-1].punct && !determiners[ts[j-1].l] && !npInner[ts[j-1].l] && !strings.HasSuffix(ts[j-1].l, "’s") && !strings.HasSuffix(ts[j-1].l, "'s") {
			if m := f.mentionIn(ts[j-1].s, ts[j-1].e); m != nil && m.via != "title" && m.ent.Type != "organization" {
				break
			}
			j--
		}
		return strings.ToLower(f.text[ts[j].s:ts[k].e])
	}
	return ""
}

// mentionOver returns a mention covering byte off, or nil.
func (f *finder) mentionOver(off int) *mention {
	// mentions are sorted by start: look back from the last one starting
	// at or before off
	i := sort.Search(len(f.ments), func(j int) bool { return f.ments[j].s > off })
	for k := i - 1; k >= 0; k-- {
		if off < f.ments[k].e {
			return &f.ments[k]
		}
	}
	return nil
}

// actor resolves a phrase to an entity of the document when one covers it.
func (f *finder) actor(ts []tok, s, e int) sitrep.Actor {
	a := sitrep.Actor{Start: ts[s].s, End: ts[e-1].e}
	if m := f.mentionIn(a.Start, a.End); m != nil {
		a.Name, a.Entity = m.ent.Name, m.ent.ID
		return a
	}
	a.Name = trimDeterminer(f.text[a.Start:a.End])
	return a
}

// date fills the quote's date: a date expression of its sentence outside
// the quoted words, else the publication date.
func (f *finder) date(q *sitrep.Quote) {
	lo := q.CueStart
	if q.Speaker.End > 0 {
		lo = min(lo, q.Speaker.Start)
	}
	ss := f.doc.Sentences
	si := sort.Search(len(ss), func(j int) bool { return ss[j].End > lo })
	if si < len(ss) && ss[si].Start <= lo && q.CueEnd > 0 {
		s := ss[si]
		for _, dm := range f.doc.Dates {
			if dm.Start < s.Start || dm.End > s.End {
				continue
			}
			inside := false
			for _, p := range quoteSpans(q) {
				if dm.Start < p.End && p.Start < dm.End {
					inside = true
				}
			}
			if inside {
				continue
			}
			q.Date, q.DateText, q.DateBasis = dm.Value, dm.Text, "stated"
			return
		}
	}
	if !f.doc.Published.IsZero() {
		q.Date, q.DateBasis = f.doc.Published.String(), "published"
	}
}

func quoteSpans(q *sitrep.Quote) []sitrep.Span {
	if len(q.Parts) > 0 {
		return q.Parts
	}
	return []sitrep.Span{{Start: q.Start, End: q.End}}
}
