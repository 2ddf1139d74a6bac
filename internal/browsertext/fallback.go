package browsertext

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderTokens is the fallback for documents html.Parse rejects (it gives up
// on more than 512 open elements, where a browser keeps rendering). It
// streams the tokens through the same line builder as the tree walk, with
// the same element rules, but without tree construction: an invisible
// element is skipped up to its matching end tag (counting nested tags of the
// same name), implied end tags are not inferred, head is not skipped as a
// whole (its usual children are), and closed details are rendered in full.
func renderTokens(data []byte) string {
	var r renderer
	z := html.NewTokenizer(bytes.NewReader(data))
	skipName := ""
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return r.b.String()
		case html.TextToken:
			if skip == 0 {
				r.text(strings.ReplaceAll(string(z.Text()), "\x00", ""))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			name := string(tag)
			if skip > 0 {
				if name == skipName && tt == html.StartTagToken && !isVoid(name) {
					skip++
				}
				continue
			}
			n := html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup(tag)}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				n.Attr = append(n.Attr, html.Attribute{Key: string(k), Val: string(v)})
			}
			if n.DataAtom == atom.Head || n.DataAtom == atom.Option || n.DataAtom == atom.Optgroup {
				// Their end tags are often implied: never skip to them.
				continue
			}
			if n.DataAtom == atom.Details {
				n.Attr = append(n.Attr, html.Attribute{Key: "open"})
			}
			if r.enter(&n) {
				if tt == html.SelfClosingTagToken || isVoid(name) {
					r.leave(&n)
				}
			} else if tt == html.StartTagToken && !isVoid(name) && !isBreak(n.DataAtom) {
				skipName, skip = name, 1
			}
		case html.EndTagToken:
			tag, _ := z.TagName()
			name := string(tag)
			if skip > 0 {
				if name == skipName {
					skip--
				}
				continue
			}
			a := atom.Lookup(tag)
			if a == atom.Br {
				r.breakLine() // "</br>" is read as "<br>"
				continue
			}
			r.leave(&html.Node{Type: html.ElementNode, Data: name, DataAtom: a})
		}
	}
}

func isBreak(a atom.Atom) bool { return a == atom.Br || a == atom.Hr }

// isVoid reports whether an HTML element never has content or an end tag.
func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input",
		"keygen", "link", "meta", "param", "source", "track", "wbr":
		return true
	}
	return false
}
