package webpage_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/extract/webpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// article is a small news page written for these tests.
const article = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Port reopens after strike | Frontier Daily</title>
<meta property="og:title" content="Port reopens after strike">
<meta property="og:site_name" content="Frontier Daily">
<meta name="author" content="John Roe; Sara Khan">
<meta property="article:published_time" content="2024-05-06T10:00:00+05:00">
<style>p { color: black; }</style>
<script>var tracking = "not article text";</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<article>
<h1>Port reopens after strike</h1>
<p>Officials in Karachi said on Monday that the city's port would reopen after a three-day strike by transport workers ended with an agreement on wages.</p>
<p>The strike had halted the movement of thousands of containers and left long queues of lorries on the roads leading to the harbour, traders said.</p>
<h2>What was agreed</h2>
<ul>
<li>Wages will rise by fifteen per cent from July.</li>
<li>A joint committee will review working hours.</li>
</ul>
<p>Union leaders said the agreement would be reviewed in six months, and warned that they would strike again if its terms were not honoured.</p>
</article>
<footer><p>Copyright 2024 Frontier Daily. All rights reserved.</p></footer>
</body>
</html>`

func parse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestParagraphs(t *testing.T) {
	doc := parse(t, `<body><h2>Heading  one</h2><p>First
	paragraph, <b>bold</b> and <a href="#">linked</a>.</p><script>var x = "script text";</script><style>.a{}</style>
	<ul><li>Item one</li><li>Item <i>two</i></li></ul><blockquote>A quote.</blockquote>
	<p>Line one<br>line two</p><table><tr><td>cell a</td><td>cell b</td></tr><tr><th>c</th><td>d</td></tr></table>
	<noscript>enable scripts</noscript><div>Loose text<p>inner</p>tail</div>&nbsp;</body>`)
	got := webpage.Paragraphs(doc)
	want := []string{
		"Heading one", "First paragraph, bold and linked.", "Item one", "Item two", "A quote.",
		"Line one", "line two", "cell a cell b", "c d", "Loose text", "inner", "tail",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Paragraphs:\n%q\nwant:\n%q", got, want)
	}
	if webpage.Paragraphs(nil) != nil {
		t.Errorf("Paragraphs(nil) not nil")
	}
}

// TestParagraphsBuiltTree checks a tree built as go-trafilatura builds its
// content tree: elements with a tag name and no DataAtom, and elements
// renamed by changing their name alone.
func TestParagraphsBuiltTree(t *testing.T) {
	el := func(tag string, a atom.Atom, kids ...*html.Node) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: tag, DataAtom: a}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	text := func(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
	root := el("body", 0,
		el("p", 0, text("First.")),
		el("p", atom.Div, text("Renamed div.")), // a div renamed p
		el("ul", 0, el("li", 0, text("One")), el("li", 0, text("Two"))),
		el("h2", 0, text("Head")),
		el("p", 0, text("Before"), el("br", 0), text("after")),
		el("span", atom.P, text("span")), el("span", 0, text("s")), // a p renamed span
	)
	got := webpage.Paragraphs(root)
	want := []string{"First.", "Renamed div.", "One", "Two", "Head", "Before", "after", "spans"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Paragraphs:\n%q\nwant:\n%q", got, want)
	}
}

func TestExtract(t *testing.T) {
	p, err := webpage.Extract(strings.NewReader(article), "https://example.com/2024/05/port-reopens")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Port reopens after strike" {
		t.Errorf("title %q", p.Title)
	}
	if strings.Join(p.Authors, "|") != "John Roe|Sara Khan" {
		t.Errorf("authors %q", p.Authors)
	}
	if p.Published.String() != "2024-05-06" {
		t.Errorf("published %q", p.Published)
	}
	if p.Sitename != "Frontier Daily" {
		t.Errorf("site name %q", p.Sitename)
	}
	want := []string{
		"Officials in Karachi said on Monday that the city's port would reopen after a three-day strike by transport workers ended with an agreement on wages.",
		"The strike had halted the movement of thousands of containers and left long queues of lorries on the roads leading to the harbour, traders said.",
		"What was agreed",
		"Wages will rise by fifteen per cent from July.",
		"A joint committee will review working hours.",
		"Union leaders said the agreement would be reviewed in six months, and warned that they would strike again if its terms were not honoured.",
	}
	// The headline may or may not be kept in the body; the rest is exact.
	got := p.Paragraphs
	if len(got) > 0 && got[0] == "Port reopens after strike" {
		got = got[1:]
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\n%q\nwant:\n%q", p.Paragraphs, want)
	}
	same, err := webpage.ExtractBytes([]byte(article), "")
	if err != nil || strings.Join(same.Paragraphs, "\n") != strings.Join(p.Paragraphs, "\n") {
		t.Errorf("ExtractBytes differs: %v", err)
	}
	if err := webpage.Baseline([]byte(article)); err != nil {
		t.Errorf("Baseline: %v", err)
	}
}

// TestExtractShortPage checks that a page with little text is not given
// twice (go-trafilatura's last resort appends the whole text to the
// paragraphs it found).
func TestExtractShortPage(t *testing.T) {
	for _, page := range []string{
		"<html><body><article><p>Gunmen attacked a checkpoint.</p><p>Four officers were killed.</p></article></body></html>",
		"<html><head><title>Cut off</title></head><body><article><p>The first paragraph of a page that was cut off in the middle of a sen",
	} {
		p, err := webpage.Extract(strings.NewReader(page), "")
		if err != nil {
			t.Errorf("%q: %v", page, err)
			continue
		}
		all := strings.Join(p.Paragraphs, " ")
		for _, w := range []string{"Gunmen", "Four", "first paragraph"} {
			if strings.Count(all, w) > 1 {
				t.Errorf("%q given more than once: %q", w, p.Paragraphs)
			}
		}
		if strings.Contains(all, "Cut offThe") {
			t.Errorf("title glued to the text: %q", p.Paragraphs)
		}
	}
}

// hostile pages: each must give a result or an error, never a panic.
var hostile = map[string]string{
	"deep nesting":    "<html><body>" + strings.Repeat("<div><span><b>", 5000) + "Gunmen attacked a police checkpoint late on Tuesday, officials said." + "</body></html>",
	"deep lists":      strings.Repeat("<ul><li>", 3000) + "text",
	"huge attribute":  `<html><body><article><p data-x="` + strings.Repeat("a", 1<<20) + `">Gunmen attacked a police checkpoint late on Tuesday, killing four officers and wounding two others, provincial officials said. No group claimed responsibility.</p></article></body></html>`,
	"many attributes": "<html><body><p " + strings.Repeat(`a="b" `, 50000) + ">Gunmen attacked a police checkpoint late on Tuesday, officials said.</p></body></html>",
	"script only":     `<html><head><title>x</title></head><body><script>document.write("Gunmen attacked a police checkpoint late on Tuesday, officials said.");</script></body></html>`,
	"truncated":       `<html><head><title>Cut</title><meta name="author" content="Jane`,
	"truncated body":  `<html><body><article><h1>Attack</h1><p>Gunmen attacked a police checkpoint in the eastern province late on Tuesday, killing four officers and wou`,
	"empty":           "",
	"no html":         "just some words, no markup at all, but quite a few of them to make a paragraph of text.",
	"binary junk":     "\x00\x01\x02\xff\xfe<p>\x00</p>\x1b[0m",
	"unclosed tags":   "<p><b><i><table><tr><td><p>Gunmen attacked<td>a checkpoint</table></i>" + strings.Repeat("</div>", 100),
	"json-ld only":    `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-25","articleBody":"Gunmen attacked a police checkpoint late on Tuesday, killing four officers and wounding two others, provincial officials said. No group claimed responsibility."}</script>`,
	"bad json-ld":     `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":` + strings.Repeat("[", 10000) + `</script><p>Gunmen attacked a police checkpoint late on Tuesday, officials said.</p>`,
	"frameset":        `<frameset><frame src="a.html"><noframes><p>Gunmen attacked a police checkpoint late on Tuesday, officials said.</p></noframes></frameset>`,
	"svg and math":    `<svg><text>svg text</text><foreignObject><p>Gunmen attacked</p></foreignObject></svg><math><mi>x</mi></math><p>Officials said four officers were killed.</p>`,
	"templates":       `<template><p>hidden</p></template><p>Gunmen attacked a police checkpoint late on Tuesday, officials said.</p>`,
}

func TestExtractHostile(t *testing.T) {
	for name, page := range hostile {
		t.Run(name, func(t *testing.T) {
			p, err := webpage.Extract(strings.NewReader(page), "")
			if err != nil {
				if strings.Contains(err.Error(), "extractor failed") {
					t.Logf("recovered from a panic in the extractor: %v", err)
				}
				return
			}
			checkPage(t, p)
			for _, para := range p.Paragraphs {
				if strings.Contains(para, "document.write") || strings.Contains(para, "aaaaaaaa") {
					t.Errorf("script or attribute in the text: %q", para)
				}
			}
		})
	}
	for _, page := range []string{
		"<html><body><script>document.write('Gunmen attacked a police checkpoint late on Tuesday, officials said.');</script><style>p { color: red; }</style></body></html>",
		"<html><body>   </body></html>",
		"",
	} {
		if p, err := webpage.Extract(strings.NewReader(page), ""); !errors.Is(err, webpage.ErrNoContent) {
			t.Errorf("page without text %q: %+v, %v; want ErrNoContent", page, p, err)
		}
	}
}

func checkPage(t *testing.T, p *webpage.Page) {
	t.Helper()
	if len(p.Paragraphs) == 0 {
		t.Fatalf("no paragraphs and no error")
	}
	for _, s := range append(append([]string{p.Title, p.Sitename}, p.Authors...), p.Paragraphs...) {
		if !utf8.ValidString(s) {
			t.Errorf("not valid UTF-8: %q", s)
		}
	}
	for _, para := range p.Paragraphs {
		if para == "" || strings.TrimSpace(para) != para || strings.ContainsAny(para, "\n\t\r") || strings.Contains(para, "  ") {
			t.Errorf("paragraph not clean: %q", para)
		}
	}
	for _, a := range p.Authors {
		if a == "" {
			t.Errorf("empty author")
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(article)
	for _, page := range hostile {
		if len(page) < 4096 {
			f.Add(page)
		}
	}
	f.Add("<p>a<br>b</p><table><tr><td>c</td></tr></table><ul><li>d</li></ul>")
	f.Fuzz(func(t *testing.T, page string) {
		p, err := webpage.Extract(strings.NewReader(page), "https://example.com/a")
		if err != nil {
			if p != nil && !errors.Is(err, webpage.ErrNoContent) {
				t.Fatalf("both a page and an error: %v", err)
			}
			return
		}
		checkPage(t, p)
	})
}
