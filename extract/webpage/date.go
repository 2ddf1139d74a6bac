package webpage

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedKeys are the meta names and properties that state a page's
// publication date, lower case.
var publishedKeys = map[string]bool{
	"article:published_time": true, "og:article:published_time": true, "og:published_time": true,
	"datepublished": true, "pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"published_time": true, "published-date": true, "date.published": true, "article.published": true,
	"dc.date.issued": true, "dcterms.issued": true, "dc.date": true, "dcterms.date": true, "dc.date.created": true,
	"dcterms.created": true, "sailthru.date": true, "parsely-pub-date": true, "originalpublicationdate": true,
	"article_date_original": true, "cxenseparse:recs:publishtime": true, "date": true, "release_date": true,
	"displaydate": true, "dc.date.published": true, "citation_publication_date": true, "citation_date": true,
}

// markupDate returns the publication date the page states in its markup:
// a meta tag (article:published_time, DC dates and their kin), a time
// element marked as the publication date, or a JSON-LD datePublished.
// Dates in the running text, the URL or the headline are not read.
func markupDate(doc *html.Node) sitrep.Date {
	var found sitrep.Date
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				if publishedKeys[key] {
					if d, ok := parseMarkupDate(attr(n, "content")); ok {
						found = d
						return true
					}
				}
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					v := attr(n, "datetime")
					if v == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
						v = n.FirstChild.Data
					}
					if d, ok := parseMarkupDate(v); ok {
						found = d
						return true
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					if d, ok := jsonLDDate(n.FirstChild.Data); ok {
						found = d
						return true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}

// jsonLDDate finds the first "datePublished" in a JSON-LD block, at any
// depth (graphs, lists).
func jsonLDDate(s string) (sitrep.Date, bool) {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		// Fall back to a plain search: many pages emit sloppy JSON.
		i := strings.Index(s, `"datePublished"`)
		if i < 0 {
			return sitrep.Date{}, false
		}
		rest := s[i+len(`"datePublished"`):]
		if j := strings.IndexByte(rest, '"'); j >= 0 {
			rest = rest[j+1:]
			if k := strings.IndexByte(rest, '"'); k >= 0 {
				return parseMarkupDate(rest[:k])
			}
		}
		return sitrep.Date{}, false
	}
	var find func(any) (sitrep.Date, bool)
	find = func(v any) (sitrep.Date, bool) {
		switch x := v.(type) {
		case map[string]any:
			if s, ok := x["datePublished"].(string); ok {
				if d, ok := parseMarkupDate(s); ok {
					return d, true
				}
			}
			for _, c := range x {
				if d, ok := find(c); ok {
					return d, true
				}
			}
		case []any:
			for _, c := range x {
				if d, ok := find(c); ok {
					return d, true
				}
			}
		}
		return sitrep.Date{}, false
	}
	return find(v)
}

// parseMarkupDate reads the machine-readable date forms of markup:
// RFC 3339 and ISO 8601 dates and date-times, and RFC 1123 dates. The day
// is the one written, in the writer's own time zone.
func parseMarkupDate(s string) (sitrep.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return plausible(sitrep.DateOf(t))
		}
	}
	if len(s) == 8 {
		if t, err := time.Parse("20060102", s); err == nil {
			return plausible(sitrep.DateOf(t))
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(sitrep.DateOf(t))
		}
	}
	return sitrep.Date{}, false
}

func plausible(d sitrep.Date) (sitrep.Date, bool) {
	return d, d.Year >= 1990 && d.Year <= time.Now().Year()+1
}

// urlStates reports whether the page address carries the date, as in
// /2019/11/19/ or /20191119 in its path.
func urlStates(u string, d sitrep.Date) bool {
	if u == "" || d.IsZero() {
		return false
	}
	for _, f := range []string{"/%04d/%02d/%02d", "/%04d-%02d-%02d", "/%04d%02d%02d", "/%04d/%d/%d/"} {
		if strings.Contains(u, fmt.Sprintf(f, d.Year, int(d.Month), d.Day)) {
			return true
		}
	}
	mon := strings.ToLower(d.Month.String()[:3])
	low := strings.ToLower(u)
	return strings.Contains(low, fmt.Sprintf("/%04d/%s/%02d/", d.Year, mon, d.Day)) ||
		strings.Contains(low, fmt.Sprintf("/%04d/%s/%d/", d.Year, mon, d.Day))
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
