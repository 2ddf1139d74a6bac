// Package browsertext renders an HTML page to plain text the way a desktop
// browser's "select all, copy" does: all visible text, one block per line.
//
// The rules, applied in one walk over the parsed tree:
//
//   - Invisible subtrees are skipped: head, title, script, style, noscript,
//     template, iframe, frame(set), svg, canvas, object, embed, video, audio,
//     select/option/datalist, textarea, input (all types, so hidden inputs
//     too), progress, meter, rp, noembed, noframes, closed dialogs, the
//     bodies of closed details (their summary stays), elements with the
//     hidden attribute, and elements whose inline style says display:none or
//     visibility:hidden|collapse. aria-hidden does not hide anything: the
//     text is still on screen.
//   - Block-level elements (p, div, headings, lists, tables and rows, pre,
//     blockquote, section, article, header, footer, nav, aside, main,
//     figure, form, fieldset, address, hr, ...) end the current line before
//     and after them; br ends the line. Table cells of one row share a line,
//     separated by a tab. Other elements (a, span, b, em, time, label,
//     button, unknown tags, ...) are inline and join the current line.
//     Images contribute nothing (copy does not include alt text).
//   - Whitespace (any Unicode space, including no-break space) collapses to
//     one space within a line, except inside pre, listing, xmp and
//     plaintext, where runs of whitespace inside a line are kept and line
//     breaks are kept.
//   - Lines are trimmed and empty lines dropped, so the result never has a
//     blank line nor leading or trailing white space on a line, and lines
//     are joined by "\n" with no final newline.
//   - Invalid UTF-8 becomes U+FFFD; the output is always valid UTF-8.
//
// The input is read as UTF-8 (no charset sniffing). Entities are decoded by
// the parser (golang.org/x/net/html). A document the parser rejects (more
// than 512 nested open elements) is rendered from its token stream instead;
// see renderTokens.
package browsertext

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Render returns the visible text of the HTML document read from r. The
// error is only ever a read error from r: a document the parser rejects
// (nested deeper than html.Parse allows) is rendered from its tokens
// instead, with the same rules as far as they apply without a tree.
func Render(r io.Reader) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return renderTokens(data), nil
	}
	return RenderNode(doc), nil
}

// RenderNode returns the visible text of the tree rooted at n (usually a
// document node from html.Parse; any node works). It returns "" for nil.
func RenderNode(n *html.Node) string {
	if n == nil {
		return ""
	}
	var r renderer
	r.walk(n)
	return r.b.String()
}

// Pending separators before the next visible character, weakest first.
const (
	sepNone = iota
	sepSpace
	sepTab
	sepLine
)

type frame struct {
	n *html.Node
	// closedDetails is set for a details element without the open
	// attribute: only its first summary child is rendered.
	closedDetails bool
	summarySeen   bool
}

type renderer struct {
	b     strings.Builder
	sep   int    // strongest separator owed before the next character
	preWS []byte // white space kept verbatim inside pre, within a line
	pre   int    // depth of open pre-like elements
	stack []frame
}

// walk visits the tree without recursion (and without trusting Parent
// pointers), so deep or hand-built trees cannot exhaust the stack.
func (r *renderer) walk(root *html.Node) {
	n := root
	for {
		if r.enter(n) {
			if n.FirstChild != nil {
				r.stack = append(r.stack, r.frameFor(n))
				n = n.FirstChild
				continue
			}
			r.leave(n)
		}
		// Move to the next sibling, closing finished ancestors.
		for {
			if n == root {
				return
			}
			if len(r.stack) > 0 && n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			if len(r.stack) == 0 {
				return
			}
			n = r.stack[len(r.stack)-1].n
			r.stack = r.stack[:len(r.stack)-1]
			r.leave(n)
		}
	}
}

func (r *renderer) frameFor(n *html.Node) frame {
	f := frame{n: n}
	if n.Type == html.ElementNode && n.DataAtom == atom.Details && n.Namespace == "" && !hasAttr(n, "open") {
		f.closedDetails = true
	}
	return f
}

// enter handles the start of n and reports whether its children are to be
// rendered (and leave called for it).
func (r *renderer) enter(n *html.Node) bool {
	if len(r.stack) > 0 {
		if top := &r.stack[len(r.stack)-1]; top.closedDetails {
			if n.Type != html.ElementNode || n.DataAtom != atom.Summary ||
				n.Namespace != "" || top.summarySeen {
				return false
			}
			top.summarySeen = true
		}
	}
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default: // comments, doctypes, raw nodes, errors
		return false
	}
	if n.Namespace != "" {
		// Foreign content: svg is skipped whole; MathML is rendered
		// inline, except its annotations, which are not displayed.
		if n.Namespace == "svg" || n.Data == "annotation" || n.Data == "annotation-xml" {
			return false
		}
		return !hiddenByAttr(n)
	}
	switch n.DataAtom {
	case atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Iframe, atom.Frame, atom.Frameset, atom.Svg,
		atom.Canvas, atom.Object, atom.Embed, atom.Video, atom.Audio,
		atom.Select, atom.Option, atom.Optgroup, atom.Datalist,
		atom.Textarea, atom.Input, atom.Progress, atom.Meter, atom.Rp,
		atom.Noembed, atom.Noframes, atom.Meta, atom.Link, atom.Base,
		atom.Param, atom.Source, atom.Track, atom.Img, atom.Area,
		atom.Wbr:
		return false
	case atom.Dialog:
		if !hasAttr(n, "open") {
			return false
		}
	case atom.Br:
		if !hiddenByAttr(n) {
			r.breakLine()
		}
		return false
	case atom.Hr:
		if !hiddenByAttr(n) {
			r.breakLine()
		}
		return false
	}
	if hiddenByAttr(n) {
		return false
	}
	switch {
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		r.cell()
	case isBlock(n.DataAtom):
		r.breakLine()
	}
	if isPre(n.DataAtom) {
		r.pre++
	}
	return true
}

// leave handles the end of an element whose children were rendered.
func (r *renderer) leave(n *html.Node) {
	if n.Type != html.ElementNode || n.Namespace != "" {
		return
	}
	if isPre(n.DataAtom) && r.pre > 0 {
		r.pre--
	}
	if isBlock(n.DataAtom) {
		r.breakLine()
	}
}

// breakLine ends the current line, if it has any text.
func (r *renderer) breakLine() {
	if r.b.Len() > 0 {
		r.sep = sepLine
		r.preWS = r.preWS[:0]
	}
}

// cell separates a table cell from the text before it on the same line.
func (r *renderer) cell() {
	if r.b.Len() > 0 && r.sep < sepTab {
		r.sep = sepTab
		r.preWS = r.preWS[:0]
	}
}

// space records white space seen in the text.
func (r *renderer) space(c rune, size int, s string) {
	if r.b.Len() == 0 {
		return
	}
	if r.pre > 0 {
		if isPreLineBreak(c) {
			r.breakLine()
			return
		}
		if r.sep <= sepSpace {
			r.sep = sepSpace
			r.preWS = append(r.preWS, s[:size]...)
		}
		return
	}
	if r.sep < sepSpace {
		r.sep = sepSpace
	}
}

// flushSep writes the separator owed before visible text.
func (r *renderer) flushSep() {
	switch r.sep {
	case sepLine:
		r.b.WriteByte('\n')
	case sepTab:
		r.b.WriteByte('\t')
	case sepSpace:
		if r.pre > 0 && len(r.preWS) > 0 {
			r.b.Write(r.preWS)
		} else {
			r.b.WriteByte(' ')
		}
	}
	r.sep = sepNone
	r.preWS = r.preWS[:0]
}

// text renders the content of one text node.
func (r *renderer) text(s string) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				r.space(rune(c), 1, s[i:])
				i++
				continue
			}
			// A run of visible ASCII: write it at once.
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
				j++
			}
			r.flushSep()
			r.b.WriteString(s[i:j])
			i = j
			continue
		}
		ru, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case ru == utf8.RuneError && size <= 1:
			r.flushSep()
			r.b.WriteRune(utf8.RuneError)
			size = 1
		case unicode.IsSpace(ru):
			r.space(ru, size, s[i:])
		default:
			r.flushSep()
			r.b.WriteString(s[i : i+size])
		}
		i += size
	}
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isPreLineBreak reports whether c breaks a line inside pre.
func isPreLineBreak(c rune) bool {
	switch c {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func isPre(a atom.Atom) bool {
	switch a {
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		return true
	}
	return false
}

// isBlock reports whether an HTML element is displayed as a block (or a
// table row, list item or similar box that starts its own line) by the
// browsers' default style sheet.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Body, atom.Address, atom.Article, atom.Aside,
		atom.Blockquote, atom.Center, atom.Dd, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1,
		atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Legend, atom.Li, atom.Listing,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Plaintext,
		atom.Pre, atom.Search, atom.Section, atom.Summary, atom.Table,
		atom.Caption, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr,
		atom.Ul, atom.Xmp:
		return true
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// hiddenByAttr reports whether n carries the hidden attribute or an inline
// style with display:none or visibility:hidden|collapse.
func hiddenByAttr(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if styleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// styleHides reports whether a style attribute's declarations hide the
// element. The last declaration of a property wins, as in CSS.
func styleHides(style string) bool {
	if style == "" {
		return false
	}
	display, visibility := "", ""
	for style != "" {
		var decl string
		if i := strings.IndexByte(style, ';'); i >= 0 {
			decl, style = style[:i], style[i+1:]
		} else {
			decl, style = style, ""
		}
		colon := strings.IndexByte(decl, ':')
		if colon < 0 {
			continue
		}
		prop := strings.TrimSpace(decl[:colon])
		val := firstWord(decl[colon+1:])
		switch {
		case strings.EqualFold(prop, "display"):
			display = val
		case strings.EqualFold(prop, "visibility"):
			visibility = val
		}
	}
	return strings.EqualFold(display, "none") ||
		strings.EqualFold(visibility, "hidden") ||
		strings.EqualFold(visibility, "collapse")
}

// firstWord returns the first CSS word of a declaration value, stopping
// at white space or "!" (as in "none!important").
func firstWord(v string) string {
	v = strings.TrimLeft(v, " \t\n\r\f")
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case ' ', '\t', '\n', '\r', '\f', '!':
			return v[:i]
		}
	}
	return v
}
