package clean

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true, "wednesday": true, "wed": true,
	"thursday": true, "thu": true, "thur": true, "thurs": true, "friday": true, "fri": true, "saturday": true,
	"sat": true, "sunday": true, "sun": true,
}

// dateWords may surround a date on a date line.
var dateWords = map[string]bool{
	"published": true, "posted": true, "updated": true, "last": true, "modified": true, "date": true,
	"on": true, "at": true, "first": true, "created": true, "dated": true, "time": true, "am": true,
	"pm": true, "a.m": true, "p.m": true, "a.m.": true, "p.m.": true, "edt": true, "est": true, "gmt": true,
	"utc": true, "pkt": true, "ist": true, "bst": true, "cet": true, "cest": true, "pst": true, "pdt": true,
	"cst": true, "cdt": true, "aft": true, "ast": true, "msk": true, "et": true, "pt": true, "hrs": true,
	"hours": true, "ago": true, "uhr": true, "|": true, "-": true, "–": true, "—": true, "•": true, "·": true,
	"of": true, "th": true, "st": true, "nd": true, "rd": true, "/": true,
}

// parseDateLine reports whether s is nothing but a date, with optional
// label ("Published", "Updated on"), weekday, time and time zone, as in
// "Friday, June 21, 2024", "Published: 21 June 2024 10:30 PKT" or
// "2024-06-21". updated is true for "Updated"/"Last modified" lines.
// Numeric day/month orders other than ISO are ambiguous and refused.
func parseDateLine(s string) (d sitrep.Date, updated bool, ok bool) {
	if len(s) > 80 {
		return d, false, false
	}
	low := strings.ToLower(s)
	updated = strings.Contains(low, "updat") || strings.Contains(low, "modified")
	fields := strings.FieldsFunc(low, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '|' || r == '•' || r == '·' || r == '(' || r == ')'
	})
	var year, day int
	var month time.Month
	for _, f := range fields {
		f = strings.Trim(f, ":;")
		if f == "" {
			continue
		}
		if iso, ok2 := parseISO(f); ok2 {
			if year != 0 {
				return d, false, false
			}
			year, month, day = iso.Year, iso.Month, iso.Day
			continue
		}
		if m, ok2 := monthNames[strings.TrimSuffix(f, ".")]; ok2 && month == 0 {
			month = m
			continue
		}
		if weekdays[strings.TrimSuffix(f, ".")] || dateWords[f] {
			continue
		}
		if isTimeToken(f) {
			continue
		}
		if n, ok2 := ordinal(f); ok2 {
			switch {
			case n >= 1000 && n <= 2100 && year == 0:
				year = n
			case n >= 1 && n <= 31 && day == 0:
				day = n
			default:
				return d, false, false
			}
			continue
		}
		if isZone(f) {
			continue
		}
		return d, false, false
	}
	if year == 0 || month == 0 || day == 0 {
		return d, false, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return d, false, false
	}
	return sitrep.Date{Year: year, Month: month, Day: day}, updated, true
}

func parseISO(f string) (sitrep.Date, bool) {
	if len(f) < 10 || f[4] != '-' || f[7] != '-' {
		return sitrep.Date{}, false
	}
	t, err := time.Parse("2006-01-02", f[:10])
	if err != nil {
		return sitrep.Date{}, false
	}
	rest := f[10:]
	if rest != "" && rest[0] != 't' && rest[0] != ' ' {
		return sitrep.Date{}, false
	}
	return sitrep.DateOf(t), true
}

func ordinal(f string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th", "."} {
		f = strings.TrimSuffix(f, suf)
	}
	n, err := strconv.Atoi(f)
	return n, err == nil && n >= 0
}

func isTimeToken(f string) bool {
	f = strings.TrimSuffix(strings.TrimSuffix(f, "am"), "pm")
	f = strings.TrimSuffix(strings.TrimSuffix(f, "a.m."), "p.m.")
	if !strings.ContainsAny(f, ":h") {
		return false
	}
	for _, r := range f {
		if !(unicode.IsDigit(r) || r == ':' || r == 'h' || r == '.') {
			return false
		}
	}
	return true
}

func isZone(f string) bool {
	if strings.HasPrefix(f, "gmt") || strings.HasPrefix(f, "utc") {
		return true
	}
	return len(f) >= 2 && len(f) <= 4 && strings.HasSuffix(f, "t") && isASCIILetters(f)
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// roleWords may follow a name in a byline ("By Jane Doe, Staff Reporter").
var roleWords = map[string]bool{
	"staff": true, "reporter": true, "correspondent": true, "senior": true, "special": true, "our": true,
	"editor": true, "writer": true, "contributor": true, "bureau": true, "chief": true, "news": true,
	"desk": true, "agency": true, "agencies": true, "report": true, "web": true, "online": true, "team": true,
	"the": true, "in": true, "and": true, "political": true, "diplomatic": true, "defence": true,
	"defense": true, "security": true, "foreign": true, "associate": true, "investigative": true,
	"contributing": true, "columnist": true, "analyst": true, "producer": true, "photographer": true,
	"journalist": true, "author": true, "monitoring": true, "service": true, "wire": true, "for": true,
	"at": true, "of": true, "national": true, "international": true, "affairs": true, "edition": true,
}

// nameParticles are lower-case words allowed inside personal names.
var nameParticles = map[string]bool{
	"al": true, "al-": true, "bin": true, "ibn": true, "bint": true, "de": true, "del": true, "der": true,
	"van": true, "von": true, "ul": true, "ur": true, "e": true, "da": true, "di": true, "la": true,
	"le": true, "el": true, "abu": true, "ud": true, "uddin": true, "ben": true, "y": true, "dos": true,
}

// creditLabels open the parts of a wire-service credit line. Reporting and
// writing credits are authors; editing credits are not.
var creditLabels = []struct {
	label  string
	author bool
}{
	{"additional reporting by", true}, {"reporting by", true}, {"reported by", true},
	{"written by", true}, {"writing by", true}, {"words by", true}, {"story by", true},
	{"compiled by", true}, {"text by", true}, {"posted by", true}, {"published by", true}, {"by", true},
	{"editing by", false}, {"edited by", false}, {"additional editing by", false},
	{"graphics by", false}, {"photos by", false}, {"photographs by", false}, {"video by", false},
	{"produced by", false}, {"with inputs from", false}, {"and", true},
}

// parseByline reports whether s is a byline or credit line and returns
// the people it credits as authors, as in "By Aamir Latif" or "Reporting
// by Gibran Peshimam; Editing by Mike Collett-White". extra holds what
// followed the names after a separator (a date, an outlet).
func parseByline(s string) (authors []string, extra []string, ok bool) {
	if len(s) > 300 {
		return nil, nil, false
	}
	// Separate parts: ";" between credits, "|", "·", "•" before dates.
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == '•' || r == '·' })
	sawLabel := false
	for pi, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		low := strings.ToLower(part)
		label, isAuthor := "", false
		for _, c := range creditLabels {
			if strings.HasPrefix(low, c.label+" ") {
				label, isAuthor = c.label, c.author
				break
			}
		}
		if label == "" {
			if pi == 0 || !sawLabel {
				return nil, nil, false
			}
			extra = append(extra, part)
			continue
		}
		sawLabel = true
		names, ok := parseNames(part[len(label)+1:])
		if !ok {
			if pi == 0 {
				return nil, nil, false
			}
			extra = append(extra, part)
			continue
		}
		if isAuthor {
			authors = append(authors, names...)
		}
	}
	return authors, extra, sawLabel
}

// parseNames splits "Jane Doe, John Roe and Ali Khan in Kabul" into names,
// rejecting text that is not a list of capitalised names and roles.
func parseNames(s string) ([]string, bool) {
	s = strings.TrimSpace(strings.TrimRight(s, ".,:"))
	for _, sep := range []string{" — ", " – ", " - "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	// " in Kabul", " at Dawn": a place or outlet after the names.
	chunks := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '&' || r == '/' })
	var names []string
	for _, c := range chunks {
		for _, n := range strings.Split(c, " and ") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if i := strings.Index(n, " in "); i > 0 {
				n = n[:i]
			}
			if i := strings.Index(n, " at "); i > 0 {
				n = n[:i]
			}
			if i := strings.Index(n, " for "); i > 0 {
				n = n[:i]
			}
			words := strings.Fields(n)
			if len(words) == 0 {
				continue
			}
			allRole := true
			for _, w := range words {
				if !roleWords[strings.ToLower(strings.Trim(w, ".:"))] {
					allRole = false
				}
			}
			if allRole {
				continue // "Staff Reporter", "Our Correspondent"
			}
			if len(words) > 5 || !isNameWords(words) {
				return nil, false
			}
			names = append(names, strings.Join(words, " "))
		}
	}
	return names, len(names) > 0
}

func isNameWords(words []string) bool {
	caps := 0
	for _, w := range words {
		if nameParticles[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
		caps++
	}
	return caps > 0
}

// parseDateline reports whether s is a dateline on a line of its own: a
// place in capitals, optionally followed by a region or country, as in
// "KARACHI, Pakistan", "NEW DELHI" or "WASHINGTON, D.C.".
func parseDateline(s string) (string, bool) {
	if strings.HasSuffix(strings.TrimSpace(s), ":") {
		return "", false // a label introducing what follows
	}
	s = strings.TrimSpace(strings.TrimRight(s, "—–-. "))
	if s == "" || utf8.RuneCountInString(s) > 60 {
		return "", false
	}
	parts := strings.Split(s, ",")
	if len(parts) > 3 {
		return "", false
	}
	if !isCapsPlace(strings.TrimSpace(parts[0])) {
		return "", false
	}
	for _, p := range parts[1:] {
		w := strings.Fields(p)
		if len(w) == 0 || len(w) > 3 || !isNameWords(w) {
			return "", false
		}
	}
	return s, true
}

// labelWords are words in capitals that open transcripts and labels
// ("QUESTION:", "SECRETARY KERRY:", "UPDATE:") rather than datelines.
var labelWords = map[string]bool{
	"QUESTION": true, "QUESTIONS": true, "ANSWER": true, "Q": true, "A": true, "MODERATOR": true,
	"NOTE": true, "UPDATE": true, "UPDATED": true, "BREAKING": true, "EXCLUSIVE": true, "WATCH": true,
	"ANALYSIS": true, "OPINION": true, "EDITORIAL": true, "COMMENT": true, "REVIEW": true, "INTERVIEW": true,
	"LIVE": true, "VIDEO": true, "PHOTOS": true, "PHOTO": true, "SPEAKER": true, "PARTICIPANT": true,
	"OPERATOR": true, "NARRATOR": true, "AUDIENCE": true, "MR": true, "MR.": true, "MS": true, "MS.": true,
	"MRS.": true, "DR.": true, "SECRETARY": true, "PRESIDENT": true, "AMBASSADOR": true, "GENERAL": true,
	"ADMIRAL": true, "SENATOR": true, "MINISTER": true, "SPOKESPERSON": true, "SPOKESMAN": true,
	"CHAIRMAN": true, "DEPUTY": true, "STAFF": true, "TRANSCRIPT": true, "SUMMARY": true, "BACKGROUND": true,
	"CONTEXT": true, "READ": true, "MORE": true, "RELATED": true, "ADVERTISEMENT": true, "SPONSORED": true,
	"TOPICS": true, "TAGS": true, "SHARE": true, "MENU": true, "HOME": true, "NEWS": true, "LATEST": true,
	"TRENDING": true, "ALSO": true, "SEE": true, "WARNING": true, "ALERT": true, "FACT": true, "CHECK": true,
	"SOURCE": true, "SOURCES": true, "CREDIT": true, "FILE": true, "THE": true, "AND": true, "OF": true,
	"FOR": true, "TO": true, "IN": true, "ON": true, "BY": true, "WITH": true, "FROM": true, "AT": true,
	"DAY": true, "PART": true, "CHAPTER": true, "STEP": true, "FAQ": true, "TL;DR": true, "TLDR": true,
	"PS": true, "P.S.": true, "EDITOR'S": true, "EDITORS": true, "ENDS": true, "END": true, "STORY": true,
}

// isCapsPlace reports whether s is one to four words in capitals, at
// least three letters in all, such as "KARACHI" or "DERA ISMAIL KHAN",
// none of them a label word such as "QUESTION" or "UPDATE".
func isCapsPlace(s string) bool {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		if labelWords[x] {
			return false
		}
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		} else if !(r == ' ' || r == '.' || r == '\'' || r == '-' || r == '’') {
			return false
		}
	}
	return letters >= 3
}

// splitInlineDateline splits a dateline that opens a paragraph, as in
// "KABUL, Afghanistan (AP) — The Taliban ..." or "ISLAMABAD: The army
// said ...". It returns the dateline, a wire agency named in brackets, the
// removed prefix and the rest of the paragraph.
func splitInlineDateline(p string) (dateline, agency, prefix, rest string, ok bool) {
	if len(p) < 20 {
		return
	}
	head := p
	if len(head) > 120 {
		head = head[:120]
	}
	// Find the separator ending the dateline.
	end, sepLen := -1, 0
	for _, sep := range []string{" — ", " – ", " -- ", " - ", ": ", "— ", "—", " –"} {
		if i := strings.Index(head, sep); i > 0 && (end < 0 || i < end) {
			end, sepLen = i, len(sep)
		}
	}
	if end < 0 {
		return
	}
	place := strings.TrimSpace(head[:end])
	if i := strings.LastIndex(place, "("); i > 0 && strings.HasSuffix(place, ")") {
		agency = strings.TrimSpace(place[i+1 : len(place)-1])
		place = strings.TrimSpace(place[:i])
		if w := strings.Fields(agency); len(w) == 0 || len(w) > 3 || !isNameWords(w) {
			return "", "", "", "", false
		}
	}
	// A date may follow the place: "PESHAWAR, Pakistan, June 4".
	parts := strings.Split(place, ",")
	if len(parts) > 1 {
		if _, _, isDate := parseDateLine(strings.TrimSpace(parts[len(parts)-1]) + " 2000"); isDate {
			parts = parts[:len(parts)-1]
		}
	}
	dl, ok2 := parseDateline(strings.Join(parts, ","))
	if !ok2 {
		return "", "", "", "", false
	}
	rest = strings.TrimSpace(p[end+sepLen:])
	if rest == "" {
		return "", "", "", "", false
	}
	return dl, agency, p[:end+sepLen], rest, true
}

// splitOutletCredit splits an outlet credit that closes a paragraph, as in
// `... he said.—Tolonews` or `... the statement said. (AFP)`.
func splitOutletCredit(p string) (outlet, body, credit string, ok bool) {
	for _, dash := range []string{"—", "–", "--", " - "} {
		i := strings.LastIndex(p, dash)
		if i <= 0 {
			continue
		}
		before := strings.TrimRight(p[:i], " ")
		after := strings.TrimSpace(p[i+len(dash):])
		if !endsSentence(before) || after == "" {
			continue
		}
		if o, ok2 := outletName(after); ok2 {
			return o, before, strings.TrimSpace(p[len(before):]), true
		}
	}
	if strings.HasSuffix(p, ")") {
		i := strings.LastIndex(p, "(")
		if i > 0 && endsSentence(strings.TrimRight(p[:i], " ")) {
			inner := p[i+1 : len(p)-1]
			inner = strings.TrimPrefix(strings.TrimPrefix(inner, "With inputs from "), "with inputs from ")
			if o, ok2 := outletName(inner); ok2 {
				return o, strings.TrimRight(p[:i], " "), p[i:], true
			}
		}
	}
	return "", "", "", false
}

// outletName accepts one to four capitalised words (or an all-caps
// acronym) naming an outlet or agency.
func outletName(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimRight(s, "."))
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 4 || utf8.RuneCountInString(s) > 40 {
		return "", false
	}
	if !isNameWords(w) {
		return "", false
	}
	return s, true
}

// parseOutletLine matches a line that only credits the source outlet:
// "—Dawn", "Source: Reuters", "Courtesy: The News", "(With inputs from
// AFP)".
func parseOutletLine(s string) (string, bool) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(strings.TrimSuffix(t, ")"), "(")
	low := strings.ToLower(t)
	for _, p := range []string{"source:", "courtesy:", "courtesy", "via:", "with inputs from", "—", "–", "--"} {
		if strings.HasPrefix(low, p) {
			return outletName(strings.TrimSpace(t[len(p):]))
		}
	}
	return "", false
}

// ParseDateLine reports whether s is a line stating only a date, such as
// "Friday, June 21, 2024" or "Published: 21 June 2024 10:30 PKT", and
// returns it; updated is true for "Updated …" lines.
func ParseDateLine(s string) (d sitrep.Date, updated bool, ok bool) {
	if a, extra, isByline := parseByline(s); isByline {
		_ = a
		for _, e := range extra {
			if d, up, ok := parseDateLine(e); ok {
				return d, up, true
			}
		}
		return d, false, false
	}
	return parseDateLine(s)
}

// creditWords are the first words of byline and credit lines.
var creditWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range creditLabels {
		w, _, _ := strings.Cut(c.label, " ")
		m[w] = true
	}
	return m
}()
