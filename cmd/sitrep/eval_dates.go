package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/timex"
)

const evalDatesUsage = `Usage: sitrep eval dates --data DIR [flags]

Scores date-expression finding and normalisation (package extract/timex)
against gold TIMEX3 annotations of type DATE. DIR holds, recursively,
either TempEval-3 TimeML files (.tml, with a CREATION_TIME TIMEX3 as the
reference date) or MEANTIME CAT XML files (tokens and TIMEX3 markables);
each file's kind is detected by its content.

Text: TimeML is the content of <TEXT> with tags removed and entities
decoded (offsets are those of that text); MEANTIME is its tokens joined
with single spaces. The document creation time itself (a MEANTIME token
span) is neither gold nor scored, nor is MEANTIME text after sentence 5
(only the title and first sentences carry time annotations).

Mention detection: a gold DATE is found when a predicted span overlaps it;
a predicted span is correct when it overlaps a gold DATE, neutral (not
counted) when it overlaps only a gold TIME, DURATION or SET, wrong
otherwise. Strict scores need the exact span. Value accuracy is over found
gold DATEs whose value is a calendar value sitrep produces (YYYY,
YYYY-MM, YYYY-MM-DD, YYYY-Www); PRESENT_REF/PAST_REF/FUTURE_REF and other
forms (quarters, seasons, decades, XXXX, times) are counted apart.`

// evalDates runs "sitrep eval dates --data DIR": DIR is a TempEval-3 folder (TimeML .tml files with a DCT TIMEX3
// of functionInDocument="CREATION_TIME") or a MEANTIME folder (CAT XML with TIMEX3 and a DCT), detected by content.
func (c *EvalCommand) evalDates(ctx context.Context, args []string) error {
	fset := c.newFlagSet("eval dates", evalDatesUsage)
	data := fset.String("data", "", "corpus `dir`ectory (TempEval-3 or MEANTIME)")
	show := fset.String("show", "", "print cases: missed, wrong, spurious or all (comma separated)")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if *data == "" {
		fset.Usage()
		return fmt.Errorf("%w: eval dates needs --data DIR", ErrUsage)
	}
	shows := map[string]bool{}
	for _, s := range strings.Split(*show, ",") {
		if s == "all" {
			shows["missed"], shows["wrong"], shows["spurious"] = true, true, true
		} else if s != "" {
			shows[s] = true
		}
	}
	start := time.Now()
	docs, err := loadTimexCorpus(ctx, *data)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return fmt.Errorf("no TimeML or MEANTIME documents under %s", *data)
	}
	var s dateScore
	var bytesIn int
	var findTime time.Duration
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		t0 := time.Now()
		pred := timex.Find(d.text, d.dct)
		findTime += time.Since(t0)
		bytesIn += len(d.text)
		s.add(c, d, pred, shows)
	}
	kinds := map[string]int{}
	for _, d := range docs {
		kinds[d.kind]++
	}
	var kl []string
	for k, n := range kinds {
		kl = append(kl, fmt.Sprintf("%d %s", n, k))
	}
	sort.Strings(kl)
	w := c.Stdout
	fmt.Fprintf(w, "sitrep dates on %s: %s documents, %d gold DATE timexes (%d calendar values, %d PRESENT/PAST/FUTURE_REF, %d other forms)\n",
		*data, strings.Join(kl, ", "), s.gold, s.goldCal, s.goldRef, s.goldOther)
	p := safeDiv(float64(s.predOK), float64(s.predOK+s.predBad))
	r := safeDiv(float64(s.found), float64(s.gold))
	fmt.Fprintf(w, "  detection (overlap): precision %.3f, recall %.3f, F1 %.3f  (%d predicted: %d on DATE, %d on other TIMEX3 types not counted, %d spurious)\n",
		p, r, f1(p, r), s.pred, s.predOK, s.predNeutral, s.predBad)
	ps := safeDiv(float64(s.exact), float64(s.predOK+s.predBad))
	rs := safeDiv(float64(s.exact), float64(s.gold))
	fmt.Fprintf(w, "  detection (strict): precision %.3f, recall %.3f, F1 %.3f  (%d exact spans)\n", ps, rs, f1(ps, rs), s.exact)
	fmt.Fprintf(w, "  recall on calendar-valued gold: %.3f (%d of %d)\n", safeDiv(float64(s.foundCal), float64(s.goldCal)), s.foundCal, s.goldCal)
	fmt.Fprintf(w, "  value accuracy (found gold with a calendar value): %.3f (%d of %d)\n",
		safeDiv(float64(s.valueOK), float64(s.foundCal)), s.valueOK, s.foundCal)
	fmt.Fprintf(w, "  excluded from value accuracy: %d found gold with PRESENT/PAST/FUTURE_REF, %d with other forms (quarter, season, decade, XXXX...)\n",
		s.foundRef, s.foundOther)
	fmt.Fprintf(w, "  value accuracy counting found other forms as wrong: %.3f (%d of %d)\n",
		safeDiv(float64(s.valueOK), float64(s.foundCal+s.foundOther)), s.valueOK, s.foundCal+s.foundOther)
	fmt.Fprintf(w, "  Find: %d bytes in %s (%.1f MB/s) [%s]\n", bytesIn, findTime.Round(time.Microsecond),
		safeDiv(float64(bytesIn), findTime.Seconds())/1e6, time.Since(start).Round(time.Millisecond))
	return nil
}

func f1(p, r float64) float64 { return safeDiv(2*p*r, p+r) }

type timexDoc struct {
	name   string
	kind   string // "TimeML" or "MEANTIME"
	text   string
	dct    sitrep.Date
	gold   []goldTimex
	ignore []sitrep.Span // spans neither gold nor scored (MEANTIME's DCT)
}

type goldTimex struct {
	start, end int
	typ, value string
}

type dateScore struct {
	gold, goldCal, goldRef, goldOther     int
	found, foundCal, foundRef, foundOther int
	exact, valueOK                        int
	pred, predOK, predNeutral, predBad    int
}

// valueClass returns "cal" for values timex can produce, "ref" for
// PRESENT_REF and the like, "other" otherwise.
func valueClass(v string) string {
	if strings.HasSuffix(v, "_REF") {
		return "ref"
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case len(v) == 4 && digits(v),
		len(v) == 7 && digits(v[:4]) && v[4] == '-' && digits(v[5:]),
		len(v) == 10 && digits(v[:4]) && v[4] == '-' && digits(v[5:7]) && v[7] == '-' && digits(v[8:]),
		len(v) == 8 && digits(v[:4]) && v[4:6] == "-W" && digits(v[6:]):
		return "cal"
	}
	return "other"
}

func overlap(a0, a1, b0, b1 int) int { return min(a1, b1) - max(a0, b0) }

func (s *dateScore) add(c *EvalCommand, d timexDoc, pred []sitrep.DateMention, shows map[string]bool) {
	ignored := func(a, b int) bool {
		for _, sp := range d.ignore {
			if overlap(a, b, sp.Start, sp.End) > 0 {
				return true
			}
		}
		return false
	}
	ctx := func(a, b int) string {
		lo, hi := max(0, a-40), min(len(d.text), b+40)
		return strings.ReplaceAll(d.text[lo:a]+"[["+d.text[a:b]+"]]"+d.text[b:hi], "\n", " ")
	}
	for _, p := range pred {
		if ignored(p.Start, p.End) {
			continue
		}
		s.pred++
		onDate, onOther := false, false
		for _, g := range d.gold {
			if overlap(p.Start, p.End, g.start, g.end) > 0 {
				if g.typ == "DATE" {
					onDate = true
				} else {
					onOther = true
				}
			}
		}
		switch {
		case onDate:
			s.predOK++
		case onOther:
			s.predNeutral++
		default:
			s.predBad++
			if shows["spurious"] {
				fmt.Fprintf(c.Stdout, "SPURIOUS %s (dct %s) %q %s: %s\n", d.name, d.dct, p.Text, p.Value, ctx(p.Start, p.End))
			}
		}
	}
	for _, g := range d.gold {
		if g.typ != "DATE" {
			continue
		}
		cls := valueClass(g.value)
		s.gold++
		switch cls {
		case "cal":
			s.goldCal++
		case "ref":
			s.goldRef++
		default:
			s.goldOther++
		}
		best, bestOv := -1, 0
		for i, p := range pred {
			if ov := overlap(p.Start, p.End, g.start, g.end); ov > bestOv {
				best, bestOv = i, ov
			}
		}
		if best < 0 {
			if shows["missed"] {
				fmt.Fprintf(c.Stdout, "MISSED %s (dct %s) %q %s: %s\n", d.name, d.dct, d.text[g.start:g.end], g.value, ctx(g.start, g.end))
			}
			continue
		}
		p := pred[best]
		s.found++
		if p.Start == g.start && p.End == g.end {
			s.exact++
		}
		switch cls {
		case "cal":
			s.foundCal++
			if p.Value == g.value {
				s.valueOK++
			} else if shows["wrong"] {
				fmt.Fprintf(c.Stdout, "WRONG %s (dct %s) %q gold %s got %q: %s\n", d.name, d.dct, p.Text, g.value, p.Value, ctx(g.start, g.end))
			}
		case "ref":
			s.foundRef++
		default:
			s.foundOther++
		}
	}
}

// loadTimexCorpus reads every TimeML or MEANTIME file under dir.
func loadTimexCorpus(ctx context.Context, dir string) ([]timexDoc, error) {
	var docs []timexDoc
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if e.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".tml" && ext != ".xml" && ext != ".timeml" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dir, path)
		var d timexDoc
		switch {
		case bytes.Contains(b, []byte("<TimeML")) || bytes.Contains(b, []byte("<TEXT>")):
			d, err = parseTimeML(b)
		case bytes.Contains(b, []byte("<token ")) && bytes.Contains(b, []byte("t_id=")):
			d, err = parseMeantime(b)
		default:
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		d.name = name
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// parseDCT reads the day of a TIMEX3 value such as "2013-03-22" or
// "1998-08-07T10:00".
func parseDCT(v string) sitrep.Date {
	if len(v) >= 10 {
		if d, err := sitrep.ParseDate(v[:10]); err == nil {
			return d
		}
	}
	if len(v) >= 10 && v[2] == '-' && v[5] == '-' { // MM-DD-YYYY, as some MEANTIME files write it
		if t, err := time.Parse("01-02-2006", v[:10]); err == nil {
			return sitrep.DateOf(t)
		}
	}
	if len(v) >= 8 && !strings.Contains(v[:8], "-") {
		if t, err := time.Parse("20060102", v[:8]); err == nil {
			return sitrep.DateOf(t)
		}
	}
	return sitrep.Date{}
}

// tagAttrs parses the attributes of a start tag's inside ("TIMEX3 tid=...").
func tagAttrs(tag string) map[string]string {
	attrs := map[string]string{}
	i := strings.IndexAny(tag, " \t\n")
	if i < 0 {
		return attrs
	}
	rest := tag[i:]
	for {
		eq := strings.IndexByte(rest, '=')
		if eq < 0 {
			break
		}
		key := strings.TrimSpace(rest[:eq])
		rest = strings.TrimLeft(rest[eq+1:], " \t\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			break
		}
		q := rest[0]
		end := strings.IndexByte(rest[1:], q)
		if end < 0 {
			break
		}
		attrs[key] = xmlUnescape(rest[1 : 1+end])
		rest = rest[end+2:]
	}
	return attrs
}

var xmlEntities = map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}

// decodeEntity decodes the entity at the start of s ("&amp;...") and
// returns its text and length, or ok false.
func decodeEntity(s string) (string, int, bool) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return "", 0, false
	}
	name := s[1:semi]
	if v, ok := xmlEntities[name]; ok {
		return v, semi + 1, true
	}
	if name[0] == '#' {
		var n int64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			n, err = strconv.ParseInt(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseInt(name[1:], 10, 32)
		}
		if err == nil {
			return string(rune(n)), semi + 1, true
		}
	}
	return "", 0, false
}

func xmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if v, n, ok := decodeEntity(s[i:]); ok {
				b.WriteString(v)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// parseTimeML reads a TempEval-3 TimeML file: the DCT and the text of
// <TEXT> with its TIMEX3 spans.
func parseTimeML(b []byte) (timexDoc, error) {
	src := string(b)
	d := timexDoc{kind: "TimeML"}
	for i := 0; ; {
		j := strings.Index(src[i:], "<TIMEX3")
		if j < 0 {
			break
		}
		i += j
		k := strings.IndexByte(src[i:], '>')
		if k < 0 {
			break
		}
		a := tagAttrs(src[i+1 : i+k])
		i += k
		if a["functionInDocument"] == "CREATION_TIME" {
			d.dct = parseDCT(a["value"])
			break
		}
	}
	ts := strings.Index(src, "<TEXT>")
	te := strings.LastIndex(src, "</TEXT>")
	if ts < 0 || te < ts {
		return d, fmt.Errorf("no <TEXT> element")
	}
	body := src[ts+len("<TEXT>") : te]
	var out strings.Builder
	type open struct {
		start int
		attrs map[string]string
	}
	var stack []open
	for i := 0; i < len(body); {
		switch body[i] {
		case '<':
			k := strings.IndexByte(body[i:], '>')
			if k < 0 {
				return d, fmt.Errorf("unclosed tag in <TEXT>")
			}
			tag := body[i+1 : i+k]
			i += k + 1
			switch {
			case strings.HasPrefix(tag, "TIMEX3") && !strings.HasSuffix(tag, "/"):
				stack = append(stack, open{out.Len(), tagAttrs(tag)})
			case tag == "/TIMEX3":
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				d.gold = append(d.gold, goldTimex{start: o.start, end: out.Len(), typ: o.attrs["type"], value: o.attrs["value"]})
			}
		case '&':
			if v, n, ok := decodeEntity(body[i:]); ok {
				out.WriteString(v)
				i += n
				continue
			}
			out.WriteByte('&')
			i++
		default:
			out.WriteByte(body[i])
			i++
		}
	}
	d.text = out.String()
	sort.SliceStable(d.gold, func(i, j int) bool { return d.gold[i].start < d.gold[j].start })
	return d, nil
}

type catDocument struct {
	Tokens []struct {
		ID       int    `xml:"t_id,attr"`
		Sentence int    `xml:"sentence,attr"`
		Text     string `xml:",chardata"`
	} `xml:"token"`
	Timex []struct {
		Type     string `xml:"type,attr"`
		Value    string `xml:"value,attr"`
		Function string `xml:"functionInDocument,attr"`
		Anchors  []struct {
			ID int `xml:"t_id,attr"`
		} `xml:"token_anchor"`
	} `xml:"Markables>TIMEX3"`
}

// meantimeLastSentence is the last annotated sentence of a MEANTIME
// document: time expressions are annotated in the title (sentence 0), the
// date line and the first sentences only (0 to 5), so predictions after
// it are not scored.
const meantimeLastSentence = 5

// parseMeantime reads a MEANTIME CAT file: tokens joined with single
// spaces, TIMEX3 markables over token anchors, the CREATION_TIME TIMEX3 as
// the reference date (its own span is ignored, as is the text after the
// annotated sentences).
func parseMeantime(b []byte) (timexDoc, error) {
	var cd catDocument
	if err := xml.Unmarshal(b, &cd); err != nil {
		return timexDoc{}, err
	}
	d := timexDoc{kind: "MEANTIME"}
	type span struct{ s, e int }
	pos := map[int]span{}
	var out strings.Builder
	annotated := 0
	for i, t := range cd.Tokens {
		if i > 0 {
			out.WriteByte(' ')
		}
		s := out.Len()
		out.WriteString(t.Text)
		pos[t.ID] = span{s, out.Len()}
		if t.Sentence <= meantimeLastSentence {
			annotated = out.Len()
		}
	}
	d.text = out.String()
	if annotated < len(d.text) {
		d.ignore = append(d.ignore, sitrep.Span{Start: annotated, End: len(d.text)})
	}
	for _, t := range cd.Timex {
		lo, hi := -1, -1
		for _, a := range t.Anchors {
			sp, ok := pos[a.ID]
			if !ok {
				continue
			}
			if lo < 0 || sp.s < lo {
				lo = sp.s
			}
			if sp.e > hi {
				hi = sp.e
			}
		}
		if t.Function == "CREATION_TIME" {
			d.dct = parseDCT(t.Value)
			if lo >= 0 {
				d.ignore = append(d.ignore, sitrep.Span{Start: lo, End: hi})
			}
			continue
		}
		if lo < 0 {
			continue // a markable without tokens (an implicit time)
		}
		d.gold = append(d.gold, goldTimex{start: lo, end: hi, typ: t.Type, value: t.Value})
	}
	sort.SliceStable(d.gold, func(i, j int) bool { return d.gold[i].start < d.gold[j].start })
	return d, nil
}
