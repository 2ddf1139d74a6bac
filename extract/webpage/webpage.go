// Package webpage extracts the main text and metadata of an HTML page with
// go-trafilatura, keeping the paragraph structure that trafilatura's own
// plain-text output drops: the body is rebuilt from its content tree, one
// paragraph per block element (p, h1-h6, li, blockquote, pre, table row).
//
// It is the only package of sitrep that imports go-trafilatura.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/browsertext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what the extractor found in an HTML page.
type Page struct {
	Title      string
	Authors    []string
	Published  sitrep.Date // from the page's metadata only; zero if not stated
	Sitename   string
	URL        string
	Language   string
	Paragraphs []string // the main text, one entry per paragraph or heading
	// Visible is every line of text the page shows, in page order, as a
	// browser's select-all and copy would give it: the input from which
	// what was not extracted is reported.
	Visible []string
}

// ErrNoContent is returned when a page has no main text to extract.
var ErrNoContent = errors.New("no article text found in the page")

// Extract parses the HTML page read from r, which must be UTF-8 (package
// ingest decodes pages), and returns its main text and metadata. pageURL,
// when not empty, helps resolve the page's own links and site name.
//
// The publication date is the one the page's markup states (meta tags,
// JSON-LD datePublished, a time element marked as the publication date);
// failing that, go-htmldate's date when the page's address carries the
// same date. A date merely seen in the text or the headline is not taken:
// it would be a guess.
func Extract(r io.Reader, pageURL string) (*Page, error) {
	opts := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			opts.OriginalURL = u
		}
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	visible := browsertext.RenderNode(doc) // before the extractor prunes the tree
	stated := markupDate(doc)
	res, err := extract(doc, opts)
	if err != nil {
		if strings.Contains(err.Error(), "not long enough") {
			return nil, ErrNoContent
		}
		return nil, fmt.Errorf("extract html: %w", err)
	}
	m := res.Metadata
	p := &Page{
		Title:     cleanSpace(m.Title),
		Published: stated,
		Sitename:  cleanSpace(m.Sitename),
		URL:       m.URL,
		Language:  m.Language,
	}
	// go-htmldate's date only when the page's address states it too; it
	// is then the outlet's local day, which a UTC time stamp in the
	// markup may put a day later or earlier.
	if d := sitrep.DateOf(m.Date); urlStates(pageURL, d) || urlStates(m.URL, d) {
		if diff := d.Time().Sub(p.Published.Time()); p.Published.IsZero() || diff <= 24*time.Hour && diff >= -24*time.Hour {
			p.Published = d
		}
	}
	for _, a := range strings.Split(m.Author, ";") {
		if a = cleanSpace(a); a != "" {
			p.Authors = append(p.Authors, a)
		}
	}
	if visible != "" {
		p.Visible = strings.Split(visible, "\n")
	}
	contentText := cleanSpace(res.ContentText)
	p.Paragraphs = dropRepeatedDump(Paragraphs(res.ContentNode), contentText)
	if len(p.Paragraphs) == 0 && contentText != "" {
		p.Paragraphs = []string{contentText}
	}
	if len(p.Paragraphs) == 0 {
		return p, ErrNoContent
	}
	return p, nil
}

// extract runs trafilatura, turning a panic inside it (hostile markup)
// into an error so that one bad page never stops a run.
func extract(doc *html.Node, opts trafilatura.Options) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("extractor failed on this page: %v", v)
		}
	}()
	return trafilatura.ExtractDocument(doc, opts)
}

// dropRepeatedDump undoes a quirk of go-trafilatura's last-resort
// extraction (baseline), used on pages with little text: it keeps the
// paragraphs it found and then appends the text of the whole body or page
// as one more paragraph, so that the text is there twice (and, from the
// whole page, with the title glued to the first word). When the last
// paragraph is that dump (it is the result's text and holds every earlier
// paragraph), only one copy is kept: the paragraphs, unless they are
// less than half of the dump.
func dropRepeatedDump(ps []string, text string) []string {
	n := len(ps)
	if n < 2 || ps[n-1] != text {
		return ps
	}
	squeeze := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	dump := squeeze(ps[n-1])
	rest, covered := dump, 0
	for _, p := range ps[:n-1] {
		sp := squeeze(p)
		i := strings.Index(rest, sp)
		if i < 0 {
			return ps
		}
		rest = rest[i+len(sp):]
		covered += len(sp)
	}
	if 2*covered < len(dump) {
		return ps[n-1:]
	}
	return ps[:n-1]
}

// blockAtoms are the elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Tr: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Hr: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// Paragraphs flattens a content tree into paragraphs: the text of each
// block element, whitespace collapsed. A <br> ends a paragraph too.
func Paragraphs(root *html.Node) []string {
	if root == nil {
		return nil
	}
	var out []string
	var buf strings.Builder
	flush := func() {
		if s := cleanSpace(buf.String()); s != "" {
			out = append(out, s)
		}
		buf.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			buf.WriteString(n.Data)
			return
		case html.ElementNode:
			switch tagAtom(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				flush()
				return
			case atom.Td, atom.Th:
				buf.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && (blockAtoms[tagAtom(n)] || n.Data == "head")
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return out
}

// tagAtom returns the atom of an element's tag name. go-trafilatura
// creates elements without a DataAtom and renames others by changing Data
// alone (a div becomes a p, a p becomes "done"), so DataAtom cannot be
// trusted in its content tree: the name is.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 && n.DataAtom.String() == n.Data {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// cleanSpace collapses runs of white space (including no-break spaces) to
// one space and trims the ends.
func cleanSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
			space = true
			continue
		}
		if unicode.IsControl(r) {
			continue // stray control characters in the page source
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// ExtractBytes is Extract over a byte slice.
func ExtractBytes(page []byte, pageURL string) (*Page, error) {
	return Extract(bytes.NewReader(page), pageURL)
}

// Baseline runs go-trafilatura alone, with the options Extract uses, and
// discards the result. It is the yardstick of the HTML benchmarks.
func Baseline(page []byte) error {
	_, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Fast})
	return err
}
