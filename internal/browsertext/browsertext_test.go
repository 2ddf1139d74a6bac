package browsertext

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain text", "hello   world", "hello world"},
		{"paragraphs", "<p>one</p><p>two</p>", "one\ntwo"},
		{"inline joins", "<p>a <b>bold</b><i>it</i> <a href=x>link</a>.</p>", "a boldit link."},
		{"whitespace collapse", "<p>\n  lots \t of\n\n space  </p>", "lots of space"},
		{"nbsp collapses", "<p>a&nbsp;&nbsp;b&nbsp;</p>", "a b"},
		{"entities", "<p>&lt;tag&gt; &amp; &eacute;&#x263A;</p>", "<tag> & é☺"},
		{"head skipped", "<html><head><title>T</title><meta name=x content=y><style>p{}</style></head><body>body</body></html>", "body"},
		{"script skipped", "<p>a<script>var x = 'secret';</script>b</p>", "ab"},
		{"style in body", "<div><style>.x{color:red}</style>text</div>", "text"},
		{"noscript skipped", "<p>x</p><noscript>enable js</noscript><p>y</p>", "x\ny"},
		{"template skipped", "<template><p>t</p></template><p>v</p>", "v"},
		{"iframe svg canvas object", "<iframe>f</iframe><svg><text>s</text></svg><canvas>c</canvas><object>o</object>ok", "ok"},
		{"select options", "<p>Pick <select><option>one<option>two</select> now</p>", "Pick now"},
		{"inputs", "<form>Name <input type=text value=v><input type=hidden value=h></form>", "Name"},
		{"button kept", "<p>Press <button>Go</button></p>", "Press Go"},
		{"textarea skipped", "<p>a<textarea>typed</textarea>b</p>", "ab"},
		{"hidden attr", "<div hidden>gone</div><div>here</div>", "here"},
		{"aria-hidden kept", "<div aria-hidden=true>still here</div>", "still here"},
		{"display none", `<p>a<span style="color: red; display : NONE !important">x</span>b</p>`, "ab"},
		{"display overridden", `<p><span style="display:none;display:inline">x</span></p>`, "x"},
		{"visibility hidden", `<div style="visibility:hidden">x</div><div style="visibility: collapse">y</div>z`, "z"},
		{"hidden block makes no break", `<p>a<div style="display:none">x</div>b</p>`, "a\nb"},
		{"br", "line one<br>line two<br><br><br>three", "line one\nline two\nthree"},
		{"hr", "a<hr>b", "a\nb"},
		{"headings and lists", "<h1>Title</h1><ul><li>one</li><li>two <em>2</em></li></ul><ol><li>x</ol>", "Title\none\ntwo 2\nx"},
		{"definition list", "<dl><dt>term<dd>def</dl>", "term\ndef"},
		{"nested blocks no empty lines", "<div><div><div>\n</div><p> deep </p></div>\n\n</div>", "deep"},
		{"block inside inline", "<span>a<div>b</div>c</span>", "a\nb\nc"},
		{"table", "<table><tr><th>h1</th><th>h2</th></tr><tr><td>a</td><td> b </td><td></td></tr></table>", "h1\th2\na\tb"},
		{"table caption", "<table><caption>Cap</caption><tr><td>c</td></tr></table>", "Cap\nc"},
		{"pre keeps spaces", "<pre>  a   b\n\n\tc  \n</pre>", "a   b\nc"},
		{"pre with inline", "<pre><b>x</b>  <i>y</i>\nz</pre>after", "x  y\nz\nafter"},
		{"img alt ignored", `<p>see <img alt="a picture" src=x.png> here</p>`, "see here"},
		{"comments", "<p>a<!-- hidden -->b</p>", "ab"},
		{"closed details", "<details><summary>More</summary><p>secret</p>loose</details>", "More"},
		{"open details", "<details open><summary>More</summary><p>shown</p></details>", "More\nshown"},
		{"dialog", "<dialog>closed</dialog><dialog open>open</dialog>", "open"},
		{"video fallback", "<video>no video support</video>v", "v"},
		{"blockquote figure", "<blockquote>q</blockquote><figure><img src=x><figcaption>cap</figcaption></figure>", "q\ncap"},
		{"unknown inline", "<p>a<custom-el>b</custom-el> c</p>", "ab c"},
		{"invalid utf8", "<p>a\xffb</p>", "a\ufffdb"},
		{"cjk", "<p>日本語の  テキスト</p>", "日本語の テキスト"},
		{"mathml", "<p>x<math><mi>y</mi><annotation>z</annotation></math></p>", "xy"},
		{"address time", "<address>By <time>today</time></address>", "By today"},
		{"title in body skipped", "<body><title>t</title>b</body>", "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Render(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Render(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkInvariants(t, got)
		})
	}
}

func TestRenderNode(t *testing.T) {
	if got := RenderNode(nil); got != "" {
		t.Errorf("RenderNode(nil) = %q", got)
	}
	// A fragment root that is an element, with siblings that must not be
	// rendered.
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: " in "})
	parent := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	parent.AppendChild(p)
	parent.AppendChild(&html.Node{Type: html.TextNode, Data: "sibling"})
	if got := RenderNode(p); got != "in" {
		t.Errorf("RenderNode(p) = %q, want %q", got, "in")
	}
	// A text node alone.
	if got := RenderNode(&html.Node{Type: html.TextNode, Data: " x  y "}); got != "x y" {
		t.Errorf("RenderNode(text) = %q", got)
	}
	// A hidden root renders nothing.
	h := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
		Attr: []html.Attribute{{Key: "hidden"}}}
	h.AppendChild(&html.Node{Type: html.TextNode, Data: "x"})
	if got := RenderNode(h); got != "" {
		t.Errorf("RenderNode(hidden) = %q", got)
	}
}

func TestRenderDeepNesting(t *testing.T) {
	const depth = 100000
	in := strings.Repeat("<div>", depth) + "deep" + strings.Repeat("</div>", depth)
	got, err := Render(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got != "deep" {
		t.Errorf("got %q", got)
	}
	// A tree deeper than the parser builds, made by hand.
	root := &html.Node{Type: html.DocumentNode}
	n := root
	for range depth {
		c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		n.AppendChild(c)
		n = c
	}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: "bottom"})
	if got := RenderNode(root); got != "bottom" {
		t.Errorf("RenderNode(deep tree) = %q", got)
	}
}

func TestRenderTokensFallback(t *testing.T) {
	deep := func(inner string) string {
		return strings.Repeat("<div>", 600) + inner + strings.Repeat("</div>", 600)
	}
	tests := []struct {
		name, in, want string
	}{
		{"deep text", deep("deep"), "deep"},
		{"deep blocks", deep("<p>a</p><p>b <b>c</b></p>"), "a\nb c"},
		{"deep hidden", deep(`x<div hidden><div>no</div>still no</div>y`), "xy"},
		{"deep script", deep("a<script>var s = '</div>';</script>b"), "ab"},
		{"deep select", deep("a<select><option>1<option>2</select>b"), "ab"},
		{"deep table", deep("<table><tr><td>1<td>2</table>"), "1\t2"},
		{"deep pre", deep("<pre> x  y\n z</pre>"), "x  y\nz"},
		{"deep br", deep("a<br>b</br>c<br/>d"), "a\nb\nc\nd"},
		{"deep unclosed", strings.Repeat("<span>", 600) + "x" + strings.Repeat("<font>", 600) + "y", "xy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := html.Parse(strings.NewReader(tc.in)); err == nil {
				t.Fatalf("html.Parse accepted the input: the case does not reach the fallback")
			}
			got, err := Render(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			checkInvariants(t, got)
		})
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestRenderReadError(t *testing.T) {
	if _, err := Render(errReader{}); err == nil {
		t.Error("want read error")
	}
}

// checkInvariants checks what every output must satisfy.
func checkInvariants(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("output is not valid UTF-8: %q", out)
	}
	if out == "" {
		return
	}
	if strings.Contains(out, "\n\n") {
		t.Errorf("output has an empty line: %q", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if line == "" {
			t.Errorf("empty line in %q", out)
		}
		if strings.TrimFunc(line, unicode.IsSpace) != line {
			t.Errorf("line %q has leading or trailing space", line)
		}
	}
}

// scriptMarker is the text the fuzzer puts inside a script element.
const scriptMarker = "zqxSCRIPTONLYzqx"

func FuzzRender(f *testing.F) {
	seeds := [][2]string{
		{"<p>a", "b</p>"},
		{"<table><tr><td>", "</td></tr></table>"},
		{"<pre>  x\n", "\n y </pre>"},
		{"<div hidden>", "</div>visible"},
		{"<textarea>", "</textarea>"},
		{"<svg><foreignObject><p>", "</p></svg>"},
		{"<details><summary>s</summary>", "</details>"},
		{"<select><option>", ""},
		{"<!--", "-->"},
		{"<plaintext>", ""},
		{"\xff\xfe<p>&nbsp;", "&#0;\x00"},
		{`<span style="display:none">`, "</span>"},
		{"<math><mi>", "<annotation-xml encoding=text/html><p>x"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prefix, suffix string) {
		in := prefix + "<script>" + scriptMarker + "</script>" + suffix
		out, err := Render(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, out)
		// The token fallback must hold the same invariants on any input.
		tokOut := renderTokens([]byte(in))
		checkInvariants(t, tokOut)
		if strings.Contains(prefix, scriptMarker[:4]) || strings.Contains(suffix, scriptMarker[:4]) {
			return
		}
		doc, err := html.Parse(strings.NewReader(in))
		if err != nil {
			return // too deep for the parser: Render used the fallback
		}
		if onlyInScripts(doc) && strings.Contains(out, scriptMarker) {
			t.Errorf("script-only text leaked into %q (input %q)", out, in)
		}
	})
}

// onlyInScripts reports whether every text node holding scriptMarker lies
// inside a script element (markup before the script may turn it into
// plain text, e.g. an open plaintext or textarea element).
func onlyInScripts(doc *html.Node) bool {
	ok := true
	var walk func(n *html.Node, inScript bool)
	walk = func(n *html.Node, inScript bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script && n.Namespace == "" {
			inScript = true
		}
		if n.Type == html.TextNode && !inScript && strings.Contains(n.Data, scriptMarker) {
			ok = false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inScript)
		}
	}
	walk(doc, false)
	return ok
}

// benchPage returns the first AEB page in name order, for stable figures.
func benchPage(b *testing.B) []byte {
	b.Helper()
	const dir = "../../../shared/datasets/aeb/html"
	paths, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(paths) == 0 {
		b.Skipf("no AEB pages under %s (the shared datasets are not beside the repository); nothing to benchmark", dir)
	}
	f, err := os.Open(paths[0])
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	return page
}

// BenchmarkRender parses and renders one real page.
func BenchmarkRender(b *testing.B) {
	page := benchPage(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(bytes.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderNode measures the tree walk alone, on a parsed page.
func BenchmarkRenderNode(b *testing.B) {
	page := benchPage(b)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		RenderNode(doc)
	}
}
