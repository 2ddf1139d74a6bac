package ingest

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Fields of a JSON record, in order of preference. Field names match
// exactly first, then ignoring case.
var (
	textFields      = []string{"text", "content", "body", "article", "articleBody"}
	htmlFields      = []string{"html", "raw_html", "content_html"}
	titleFields     = []string{"title", "headline"}
	urlFields       = []string{"url", "link"}
	publishedFields = []string{"published", "date", "published_at", "datePublished", "publishedAt", "pubDate", "publish_date", "published_date", "date_published"}
	authorFields    = []string{"authors", "author"}
	outletFields    = []string{"outlet", "publisher", "site_name", "siteName", "source_name", "sourceName"}
)

// record is a decoded JSON object.
type record struct {
	m     map[string]json.RawMessage
	lower map[string]string // lower-cased name to name
}

// parseRecord reads one JSON record (an object) into an Input with no
// Source or Line.
func parseRecord(b []byte) (Input, error) {
	if t := bytes.TrimLeft(b, jsonSpace); len(t) > 0 && t[0] != '{' {
		if json.Valid(t) {
			return Input{}, sitrep.Errorf(sitrep.EINVALID, "record is %s, want a JSON object", jsonKind(t[0]))
		}
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return Input{}, sitrep.Errorf(sitrep.EINVALID, "invalid JSON: %s", jsonMessage(err))
	}
	if m == nil {
		return Input{}, sitrep.Errorf(sitrep.EINVALID, "record is null, want a JSON object")
	}
	r := record{m: m}
	body, format, err := r.body()
	if err != nil {
		return Input{}, err
	}
	in := Input{Format: format, Body: body}
	if s, ok := r.str(titleFields); ok {
		in.Title = cleanLine(s)
	}
	if s, ok := r.str(urlFields); ok {
		in.URL = strings.TrimSpace(s)
	}
	if s, ok := r.str(outletFields); ok {
		in.Outlet = cleanLine(s)
	}
	for _, name := range publishedFields {
		if raw, ok := r.get(name); ok {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				if d := parseDate(s); !d.IsZero() {
					in.Published = d
					break
				}
			}
		}
	}
	in.Authors = r.authors()
	return in, nil
}

// jsonKind names the kind of JSON value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// get returns the field with the given name, matched exactly or else
// ignoring case (the first such name in sorted order). A null field is
// absent.
func (r *record) get(name string) (json.RawMessage, bool) {
	raw, ok := r.m[name]
	if !ok {
		if r.lower == nil {
			keys := make([]string, 0, len(r.m))
			for k := range r.m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			r.lower = make(map[string]string, len(keys))
			for _, k := range keys {
				if l := strings.ToLower(k); r.lower[l] == "" {
					r.lower[l] = k
				}
			}
		}
		var k string
		if k, ok = r.lower[strings.ToLower(name)]; ok {
			raw = r.m[k]
		}
	}
	if !ok || string(bytes.TrimSpace(raw)) == "null" {
		return nil, false
	}
	return raw, true
}

// str returns the first of the named fields that holds non-blank text.
func (r *record) str(names []string) (string, bool) {
	for _, name := range names {
		if raw, ok := r.get(name); ok {
			if s, ok := textValue(raw); ok && strings.TrimSpace(s) != "" {
				return s, true
			}
		}
	}
	return "", false
}

// textValue reads a text field: a string, a list of strings (paragraphs,
// joined by blank lines), or an object with a "rendered" string (as the
// WordPress API gives).
func textValue(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimLeft(raw, jsonSpace)
	if len(raw) == 0 {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err == nil
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return "", false
		}
		parts := make([]string, 0, len(list))
		for _, item := range list {
			var s string
			if json.Unmarshal(item, &s) != nil {
				return "", false
			}
			if strings.TrimSpace(s) != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n\n"), true
	case '{':
		var obj struct {
			Rendered *string `json:"rendered"`
		}
		if json.Unmarshal(raw, &obj) != nil || obj.Rendered == nil {
			return "", false
		}
		return *obj.Rendered, true
	}
	return "", false
}

// body returns the record's text or HTML and its format. A text field
// whose content looks like HTML is HTML. The first field that holds
// non-blank content wins; text fields come before HTML fields.
func (r *record) body() (string, string, error) {
	var wrongType, blank string
	try := func(names []string, html bool) (string, string, bool) {
		for _, name := range names {
			raw, ok := r.get(name)
			if !ok {
				continue
			}
			s, ok := textValue(raw)
			if !ok {
				if wrongType == "" {
					wrongType = name
				}
				continue
			}
			if html || looksHTML([]byte(s), false) {
				s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\ufffd")
				if strings.TrimSpace(s) != "" {
					return s, sitrep.FormatHTML, true
				}
			} else if s = cleanText(s); strings.TrimSpace(s) != "" {
				return s, sitrep.FormatText, true
			}
			if blank == "" {
				blank = name
			}
		}
		return "", "", false
	}
	if s, f, ok := try(textFields, false); ok {
		return s, f, nil
	}
	if s, f, ok := try(htmlFields, true); ok {
		return s, f, nil
	}
	switch {
	case wrongType != "":
		return "", "", sitrep.Errorf(sitrep.EINVALID, "record field %q is not text: want a string, a list of strings or {\"rendered\": string}", wrongType)
	case blank != "":
		return "", "", sitrep.Errorf(sitrep.EEMPTY, "record field %q is empty", blank)
	}
	return "", "", sitrep.Errorf(sitrep.EINVALID, "record has no text: want one of the fields %s",
		quoteJoin(append(append([]string(nil), textFields...), htmlFields...)))
}

func quoteJoin(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = `"` + n + `"`
	}
	return strings.Join(q, ", ")
}

// authors reads "authors" or "author": a name, an object with a "name",
// or a list of either. Names are trimmed, and repeats and blanks dropped.
func (r *record) authors() []string {
	var names []string
	seen := map[string]bool{}
	add := func(raw json.RawMessage) {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			var obj struct {
				Name string `json:"name"`
			}
			if json.Unmarshal(raw, &obj) != nil {
				return
			}
			s = obj.Name
		}
		if s = cleanLine(s); s != "" && !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, name := range authorFields {
		raw, ok := r.get(name)
		if !ok {
			continue
		}
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil {
			for _, item := range list {
				add(item)
			}
		} else {
			add(raw)
		}
		if len(names) > 0 {
			break
		}
	}
	return names
}

// cleanLine makes a one-line metadata value: control characters removed,
// runs of space collapsed, ends trimmed.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(cleanText(strings.ToValidUTF8(s, "\ufffd"))), " ")
}

// dateLayouts are the forms a record's date may take besides those that
// start with YYYY-MM-DD. Each states the day unambiguously; numeric forms
// such as 03/04/2024 do not and are not read.
var dateLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"January 2, 2006",
	"Jan 2 2006",
	"January 2 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	time.ANSIC,
	time.UnixDate,
	"2006/01/02",
	"2006/1/2",
	"2006.01.02",
}

// parseDate reads the calendar day of a record's date as written, in its
// own time zone (a time late in the evening at -05:00 keeps its day). It
// accepts RFC 3339 and other forms that start with YYYY-MM-DD followed by
// nothing, "T" or a space; the layouts in dateLayouts; and nothing else.
// Years before 1000 (such as Go's zero time) count as no date.
func parseDate(s string) sitrep.Date {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) >= 10 && (len(s) == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ') {
		if d, err := sitrep.ParseDate(s[:10]); err == nil {
			return sane(d)
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return sane(sitrep.DateOf(t))
		}
	}
	return sitrep.Date{}
}

func sane(d sitrep.Date) sitrep.Date {
	if d.Year < 1000 {
		return sitrep.Date{}
	}
	return d
}
