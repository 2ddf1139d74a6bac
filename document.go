package sitrep

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Format names the kind of input a Document was read from.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// Document is one analysed article. Its JSON field names are a contract
// relied on by later stages and by outside tools: extend, never rename.
// They are documented in docs/document.md.
type Document struct {
	// ID is a stable hash of the clean text (white space normalised), so
	// the same article read twice, from any source or format, gets the
	// same ID.
	ID string `json:"id"`
	// Source is the path, URL or "-" (stdin) the document was read from,
	// with ":LINE" appended for records of a JSON Lines file.
	Source string `json:"source"`
	// Format is FormatText or FormatHTML: how the body was extracted.
	Format string `json:"format"`
	// URL is the article's address when the input gave one.
	URL string `json:"url,omitempty"`
	// Title is the headline.
	Title string `json:"title"`
	// Authors lists the people credited in the byline.
	Authors []string `json:"authors"`
	// Published is the publication date (YYYY-MM-DD) when the input states
	// it; it is never guessed and is null otherwise.
	Published Date `json:"published"`
	// Outlet is the publishing organisation when the input names it.
	Outlet string `json:"outlet"`
	// Dateline is the place line that opens a news report, such as
	// "KARACHI, Pakistan".
	Dateline string `json:"dateline"`
	// Text is the clean article body; paragraphs are separated by one
	// blank line ("\n\n"). All spans are byte offsets into Text.
	Text string `json:"text"`
	// Removed lists every line or block taken out of the input, in input
	// order, with the reason it was taken out. Nothing is lost silently.
	Removed []Removed `json:"removed"`
	// Sentences are the sentence spans of Text, in order.
	Sentences []Span `json:"sentences"`
	// NearDuplicates lists other documents of the same run whose content
	// is nearly the same as this one's (syndicated copies).
	NearDuplicates []NearDuplicate `json:"near_duplicates,omitempty"`

	// Dates are the date expressions of Text, normalised against
	// Published (issue 3).
	Dates []DateMention `json:"dates"`

	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Incidents []Incident `json:"incidents"`
	Claims    []Claim    `json:"claims"`
}

// Span is a half-open range [Start, End) of byte offsets into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Removed is a line or block taken out of the input text.
type Removed struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Reasons a line or block is taken out of the article body. Metadata
// reasons (title, byline, dateline, date, outlet) mean the line was moved
// into a Document field rather than dropped.
const (
	ReasonTitle        = "title"
	ReasonByline       = "byline"
	ReasonDateline     = "dateline"
	ReasonDate         = "date"
	ReasonOutlet       = "outlet"
	ReasonTicker       = "ticker"
	ReasonShare        = "share"
	ReasonWidget       = "widget"
	ReasonComments     = "comments"
	ReasonNewsletter   = "newsletter"
	ReasonPromotion    = "promotion"
	ReasonContact      = "contact"
	ReasonRelated      = "related"
	ReasonAdvertising  = "advertisement"
	ReasonCaption      = "caption"
	ReasonAuthorBio    = "author_bio"
	ReasonDisclaimer   = "disclaimer"
	ReasonNavigation   = "navigation"
	ReasonLegal        = "legal"
	ReasonBoilerplate  = "boilerplate"
	ReasonDuplicate    = "duplicate"
	ReasonNotExtracted = "not_extracted"
)

// NearDuplicate points to another document with nearly the same content.
type NearDuplicate struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Similarity float64 `json:"similarity"`
}

// Date is a calendar day. The zero Date means unknown and encodes as JSON
// null; otherwise it encodes as "YYYY-MM-DD".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses a "YYYY-MM-DD" string.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// ParseDateBound parses one end of a date range: YYYY-MM-DD, or YYYY-MM
// or YYYY standing for their first day (end false) or their last (end
// true), as a user types them in a "since" or "until" field.
func ParseDateBound(s string, end bool) (Date, error) {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 4:
		if y, err := strconv.Atoi(s); err == nil && y > 0 {
			if end {
				return Date{Year: y, Month: 12, Day: 31}, nil
			}
			return Date{Year: y, Month: 1, Day: 1}, nil
		}
	case 7:
		if d, err := ParseDate(s + "-01"); err == nil {
			if end {
				return DateOf(d.Time().AddDate(0, 1, -1)), nil
			}
			return d, nil
		}
	default:
		if d, err := ParseDate(s); err == nil {
			return d, nil
		}
	}
	return Date{}, fmt.Errorf("invalid date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// DateOf returns the calendar day of t.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// String returns the date as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// MarshalJSON encodes the date as "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON decodes "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MainCountry returns the name of the country entity the document
// mentions most, "" when it names none: whose government "the government"
// and a capital standing for it mean.
func (d *Document) MainCountry() string {
	best, n := "", 0
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type == "location" && e.Subtype == "country" && len(e.Mentions) > n {
			best, n = e.Name, len(e.Mentions)
		}
	}
	return best
}

// Normalize replaces nil lists with empty ones so that the JSON output
// always carries every list field, and returns d.
func (d *Document) Normalize() *Document {
	if d.Authors == nil {
		d.Authors = []string{}
	}
	if d.Removed == nil {
		d.Removed = []Removed{}
	}
	if d.Sentences == nil {
		d.Sentences = []Span{}
	}
	if d.Dates == nil {
		d.Dates = []DateMention{}
	}
	if d.Entities == nil {
		d.Entities = []Entity{}
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	if d.Incidents == nil {
		d.Incidents = []Incident{}
	}
	if d.Claims == nil {
		d.Claims = []Claim{}
	}
	return d
}
