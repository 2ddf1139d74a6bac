package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/ingest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// result is what one Walk yielded.
type result struct {
	inputs []ingest.Input
	errs   []*sitrep.InputError
}

func walk(t testing.TB, r *ingest.Reader, paths ...string) result {
	t.Helper()
	var res result
	err := r.Walk(context.Background(), paths, func(in ingest.Input) error {
		res.inputs = append(res.inputs, in)
		return nil
	}, func(err error) {
		var ie *sitrep.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("onErr got %T %v, want *sitrep.InputError", err, err)
		}
		res.errs = append(res.errs, ie)
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return res
}

// writeFiles creates the files under dir; a name ending in "/" is an
// empty directory.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gz(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func encode(t testing.TB, cm *charmap.Charmap, s string) string {
	t.Helper()
	b, err := cm.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// in is an expected input; Body is compared whole unless BodyHas is set.
type in struct {
	Source, Format, Body, BodyHas string
	Line                          int
}

// fail is an expected error; Msg must be contained in its message.
type fail struct {
	Source string
	Line   int
	Code   string
	Msg    string
}

func TestWalk(t *testing.T) {
	arabic := "السلام عليكم، هذا خبر عاجل من كراتشي."
	tests := []struct {
		name    string
		files   map[string]string
		paths   []string
		stdin   string
		maxSize int64
		want    []in
		errs    []fail
	}{
		{
			name:  "text file",
			files: map[string]string{"a.txt": "Hello world.\r\nSecond line.\rThird line\x01.\fNext page\n"},
			paths: []string{"a.txt"},
			want:  []in{{Source: "a.txt", Format: "text", Body: "Hello world.\nSecond line.\nThird line.\nNext page\n"}},
		},
		{
			name:  "NUL bytes past the first 8 KB are removed",
			files: map[string]string{"a.txt": strings.Repeat("word ", 2000) + "end\x00\x00."},
			paths: []string{"a.txt"},
			want:  []in{{Source: "a.txt", Format: "text", Body: strings.Repeat("word ", 2000) + "end."}},
		},
		{
			name: "nested directory in lexical order, hidden skipped",
			files: map[string]string{
				"d/b.txt":         "b",
				"d/a/z.txt":       "z",
				"d/a/y.txt":       "y",
				"d/.hidden.txt":   "hidden",
				"d/.git/HEAD.txt": "hidden dir",
				"d/c.html":        "<p>c</p>",
				"d/A.txt":         "upper case sorts first",
			},
			paths: []string{"d"},
			want: []in{
				{Source: "d/A.txt", Format: "text", Body: "upper case sorts first"},
				{Source: "d/a/y.txt", Format: "text", Body: "y"},
				{Source: "d/a/z.txt", Format: "text", Body: "z"},
				{Source: "d/b.txt", Format: "text", Body: "b"},
				{Source: "d/c.html", Format: "html", Body: "<p>c</p>"},
			},
		},
		{
			name:  "directory given with trailing slash, paths in order given",
			files: map[string]string{"d/x.txt": "x", "e.txt": "e"},
			paths: []string{"e.txt", "d/"},
			want:  []in{{Source: "e.txt", Format: "text", Body: "e"}, {Source: "d/x.txt", Format: "text", Body: "x"}},
		},
		{
			name:  "current directory",
			files: map[string]string{"a.txt": "a", ".h.txt": "hidden", "b/.c.txt": "hidden"},
			paths: []string{"."},
			want:  []in{{Source: "./a.txt", Format: "text", Body: "a"}},
		},
		{
			name:  "hidden file named explicitly is read",
			files: map[string]string{".notes.txt": "notes"},
			paths: []string{".notes.txt"},
			want:  []in{{Source: ".notes.txt", Format: "text", Body: "notes"}},
		},
		{
			name:  "empty directory",
			files: map[string]string{"empty/": "", "empty2/.only-hidden": "x"},
			paths: []string{"empty", "empty2"},
			errs: []fail{
				{Source: "empty", Code: sitrep.EEMPTY, Msg: "no input files"},
				{Source: "empty2", Code: sitrep.EEMPTY, Msg: "no input files"},
			},
		},
		{
			name:  "stdin",
			paths: []string{"-"},
			stdin: "From standard input.\n",
			want:  []in{{Source: "-", Format: "text", Body: "From standard input.\n"}},
		},
		{
			name:  "stdin JSON Lines",
			paths: []string{"-"},
			stdin: `{"text":"one"}` + "\n" + `{"text":"two"}` + "\n",
			want:  []in{{Source: "-:1", Line: 1, Format: "text", Body: "one"}, {Source: "-:2", Line: 2, Format: "text", Body: "two"}},
		},
		{
			name:  "missing path, walk goes on",
			files: map[string]string{"ok.txt": "ok"},
			paths: []string{"nope.txt", "ok.txt"},
			want:  []in{{Source: "ok.txt", Format: "text", Body: "ok"}},
			errs:  []fail{{Source: "nope.txt", Code: sitrep.ENOTFOUND, Msg: "nope.txt: no such file"}},
		},
		{
			name:  "empty file",
			files: map[string]string{"e.txt": ""},
			paths: []string{"e.txt"},
			errs:  []fail{{Source: "e.txt", Code: sitrep.EEMPTY, Msg: "empty file"}},
		},
		{
			name:  "whitespace-only file",
			files: map[string]string{"e.txt": "\xef\xbb\xbf \n\t\r\n  "},
			paths: []string{"e.txt"},
			errs:  []fail{{Source: "e.txt", Code: sitrep.EEMPTY, Msg: "empty file"}},
		},
		{
			name:  "binary file",
			files: map[string]string{"b.txt": "abc\x00\x01\x02def"},
			paths: []string{"b.txt"},
			errs:  []fail{{Source: "b.txt", Code: sitrep.EBINARY, Msg: "binary file"}},
		},
		{
			name:  "control bytes make a file binary",
			files: map[string]string{"b.dat": strings.Repeat("a\x01\x02\x03", 50)},
			paths: []string{"b.dat"},
			errs:  []fail{{Source: "b.dat", Code: sitrep.EBINARY, Msg: "binary file"}},
		},
		{
			name: "binary magic names the type",
			files: map[string]string{
				"a.pdf":  "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
				"b.png":  "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
				"c.jpg":  "\xff\xd8\xff\xe0\x00\x10JFIF",
				"d.docx": "PK\x03\x04\x14\x00\x06\x00",
			},
			paths: []string{"a.pdf", "b.png", "c.jpg", "d.docx"},
			errs: []fail{
				{Source: "a.pdf", Code: sitrep.EBINARY, Msg: "binary file (looks like a PDF document)"},
				{Source: "b.png", Code: sitrep.EBINARY, Msg: "looks like a PNG image"},
				{Source: "c.jpg", Code: sitrep.EBINARY, Msg: "looks like a JPEG image"},
				{Source: "d.docx", Code: sitrep.EBINARY, Msg: "looks like a ZIP archive"},
			},
		},
		{
			name:    "file larger than MaxSize",
			files:   map[string]string{"big.txt": strings.Repeat("All work and no play. ", 200), "small.txt": "fits"},
			paths:   []string{"big.txt", "small.txt"},
			maxSize: 1024,
			want:    []in{{Source: "small.txt", Format: "text", Body: "fits"}},
			errs:    []fail{{Source: "big.txt", Code: sitrep.ETOOLARGE, Msg: "file too large: 4.3 KiB, the limit is 1 KiB"}},
		},
		{
			name:    "stdin larger than MaxSize",
			paths:   []string{"-"},
			stdin:   strings.Repeat("x", 2000),
			maxSize: 1024,
			errs:    []fail{{Source: "-", Code: sitrep.ETOOLARGE, Msg: "more than the limit of 1 KiB"}},
		},
		{
			name:  "invalid UTF-8 text (windows-1251) is refused",
			files: map[string]string{"ru.txt": "Text: " + encode(t, charmap.Windows1251, "Привет, мир")},
			paths: []string{"ru.txt"},
			errs:  []fail{{Source: "ru.txt", Code: sitrep.EINVALID, Msg: "not valid UTF-8 at byte 6"}},
		},
		{
			name:  "plausible windows-1252 text is decoded",
			files: map[string]string{"fr.txt": encode(t, charmap.Windows1252, "Le café “Chez Loïc” a 3 € de réduction.")},
			paths: []string{"fr.txt"},
			want:  []in{{Source: "fr.txt", Format: "text", Body: "Le café “Chez Loïc” a 3 € de réduction."}},
		},
		{
			name:  "UTF-8 with a stray windows-1252 byte keeps its UTF-8",
			files: map[string]string{"mix.txt": "naïve caf\xe9"},
			paths: []string{"mix.txt"},
			want:  []in{{Source: "mix.txt", Format: "text", Body: "naïve café"}},
		},
		{
			name: "UTF-16 text with BOM",
			files: map[string]string{"w.txt": func() string {
				s, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("Grüße\r\naus Köln")
				return s
			}()},
			paths: []string{"w.txt"},
			want:  []in{{Source: "w.txt", Format: "text", Body: "Grüße\naus Köln"}},
		},
		{
			name:  "UTF-16 without BOM is named",
			files: map[string]string{"w.txt": "H\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00"},
			paths: []string{"w.txt"},
			errs:  []fail{{Source: "w.txt", Code: sitrep.EBINARY, Msg: "looks like UTF-16 text without a byte order mark"}},
		},
		{
			name: "windows-1252 HTML with meta charset",
			files: map[string]string{"p.html": encode(t, charmap.Windows1252,
				`<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Caf&eacute;</title></head>`+
					`<body><p>Le café — “cité” à 5 €.</p></body></html>`)},
			paths: []string{"p.html"},
			want:  []in{{Source: "p.html", Format: "html", BodyHas: "<p>Le café — “cité” à 5 €.</p>"}},
		},
		{
			name: "windows-1256 HTML with http-equiv after a long head",
			files: map[string]string{"ar.htm": `<html><head><script>` + strings.Repeat("var x = 1;\n", 200) + `</script>` +
				`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>` +
				encode(t, charmap.Windows1256, arabic) + `</p></body></html>`},
			paths: []string{"ar.htm"},
			want:  []in{{Source: "ar.htm", Format: "html", BodyHas: "<p>" + arabic + "</p>"}},
		},
		{
			name: "Shift_JIS HTML",
			files: map[string]string{"jp.html": func() string {
				b, err := japanese.ShiftJIS.NewEncoder().String(`<html><head><meta charset="Shift_JIS"></head><body><p>東京で大雨、交通に乱れ。</p></body></html>`)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}()},
			paths: []string{"jp.html"},
			want:  []in{{Source: "jp.html", Format: "html", BodyHas: "<p>東京で大雨、交通に乱れ。</p>"}},
		},
		{
			name:  "HTML declaring a legacy charset but written in UTF-8",
			files: map[string]string{"u.html": `<html><head><meta charset="iso-8859-1"></head><body><p>Zürich</p></body></html>`},
			paths: []string{"u.html"},
			want:  []in{{Source: "u.html", Format: "html", BodyHas: "<p>Zürich</p>"}},
		},
		{
			name:  "undeclared non-UTF-8 HTML is read as windows-1252",
			files: map[string]string{"n.html": "<html><body><p>Fran\xe7ais</p></body></html>"},
			paths: []string{"n.html"},
			want:  []in{{Source: "n.html", Format: "html", BodyHas: "<p>Français</p>"}},
		},
		{
			name:  ".html.gz",
			files: map[string]string{"page.html.gz": gz(t, "<p>First paragraph.</p>\n<p>Second.</p>")},
			paths: []string{"page.html.gz"},
			want:  []in{{Source: "page.html.gz", Format: "html", Body: "<p>First paragraph.</p>\n<p>Second.</p>"}},
		},
		{
			name:  "gzip detected by content, not name",
			files: map[string]string{"story.txt": gz(t, "Plain story.")},
			paths: []string{"story.txt"},
			want:  []in{{Source: "story.txt", Format: "text", Body: "Plain story."}},
		},
		{
			name: "a .txt that contains HTML",
			files: map[string]string{
				"doc.txt":  "\n\n<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>",
				"frag.txt": "Intro line\n<div class=x><p>One</p><p>Two <a href=\"/y\">link</a></p></div>",
			},
			paths: []string{"doc.txt", "frag.txt"},
			want: []in{
				{Source: "doc.txt", Format: "html", BodyHas: "<p>Hi</p>"},
				{Source: "frag.txt", Format: "html", BodyHas: "<p>One</p>"},
			},
		},
		{
			name: "a .html that is plain text, and text mentioning a tag",
			files: map[string]string{
				"notes.html": "Just notes, no markup at all.",
				"about.txt":  "Use the <p> element for paragraphs; 3 < 4 and 5 > 2.",
			},
			paths: []string{"about.txt", "notes.html"},
			want: []in{
				{Source: "about.txt", Format: "text", Body: "Use the <p> element for paragraphs; 3 < 4 and 5 > 2."},
				{Source: "notes.html", Format: "text", Body: "Just notes, no markup at all."},
			},
		},
		{
			name:  "text opening with a bracket is not JSON",
			files: map[string]string{"u.txt": "[Updated 10:00] Floods hit the city.\n"},
			paths: []string{"u.txt"},
			want:  []in{{Source: "u.txt", Format: "text", Body: "[Updated 10:00] Floods hit the city.\n"}},
		},
		{
			name: "JSON single object",
			files: map[string]string{"a.json": `{
  "title": "Floods in Karachi",
  "link": "https://example.com/a",
  "datePublished": "2024-03-05T23:30:00-05:00",
  "author": [{"name": "Jane Doe"}, "John Roe", "Jane Doe"],
  "content": "Line one.\r\nLine two."
}`},
			paths: []string{"a.json"},
			want:  []in{{Source: "a.json", Format: "text", Body: "Line one.\nLine two."}},
		},
		{
			name: "JSON array, one record per element with its line",
			files: map[string]string{"arr.json": `[
  {"text": "first"},
  {
    "html": "<p>second</p>"
  },
  {"body": "<div><p>third</p></div>"},
  {"title": "no text"},
  "not an object"
]`},
			paths: []string{"arr.json"},
			want: []in{
				{Source: "arr.json:2", Line: 2, Format: "text", Body: "first"},
				{Source: "arr.json:3", Line: 3, Format: "html", Body: "<p>second</p>"},
				{Source: "arr.json:6", Line: 6, Format: "html", Body: "<div><p>third</p></div>"},
			},
			errs: []fail{
				{Source: "arr.json", Line: 7, Code: sitrep.EINVALID, Msg: "record has no text"},
				{Source: "arr.json", Line: 8, Code: sitrep.EINVALID, Msg: "record is a string, want a JSON object"},
			},
		},
		{
			name: "JSON Lines with a bad line in the middle",
			files: map[string]string{"l.jsonl": `{"text": "one"}` + "\r\n" +
				`{"text": "two",` + "\n" +
				"\n" +
				`{"article": "four", "url": "u4"}` + "\n"},
			paths: []string{"l.jsonl"},
			want: []in{
				{Source: "l.jsonl:1", Line: 1, Format: "text", Body: "one"},
				{Source: "l.jsonl:4", Line: 4, Format: "text", Body: "four"},
			},
			errs: []fail{{Source: "l.jsonl", Line: 2, Code: sitrep.EINVALID, Msg: "l.jsonl:2: invalid JSON"}},
		},
		{
			name:  "JSON Lines detected by content, bad first line",
			files: map[string]string{"l.txt": `{"text": "one"` + "\n" + `{"text": "two"}` + "\n"},
			paths: []string{"l.txt"},
			want:  []in{{Source: "l.txt:2", Line: 2, Format: "text", Body: "two"}},
			errs:  []fail{{Source: "l.txt", Line: 1, Code: sitrep.EINVALID, Msg: "invalid JSON"}},
		},
		{
			name:  "JSON Lines record without a text field",
			files: map[string]string{"l.jsonl": `{"text": "one"}` + "\n" + `{"title": "t", "summary": "s"}` + "\n" + `{"content": ""}` + "\n" + `{"text": 42}`},
			paths: []string{"l.jsonl"},
			want:  []in{{Source: "l.jsonl:1", Line: 1, Format: "text", Body: "one"}},
			errs: []fail{
				{Source: "l.jsonl", Line: 2, Code: sitrep.EINVALID, Msg: `record has no text: want one of the fields "text", "content", "body", "article", "articleBody", "html", "raw_html", "content_html"`},
				{Source: "l.jsonl", Line: 3, Code: sitrep.EEMPTY, Msg: `record field "content" is empty`},
				{Source: "l.jsonl", Line: 4, Code: sitrep.EINVALID, Msg: `record field "text" is not text`},
			},
		},
		{
			name:  "broken JSON document is one error",
			files: map[string]string{"b.json": "{\n  \"text\": \"a\",\n  \"title\": oops\n}\n"},
			paths: []string{"b.json"},
			errs:  []fail{{Source: "b.json", Line: 3, Code: sitrep.EINVALID, Msg: "invalid JSON"}},
		},
		{
			name:  "empty JSON array",
			files: map[string]string{"e.json": " [ ] "},
			paths: []string{"e.json"},
			errs:  []fail{{Source: "e.json", Code: sitrep.EEMPTY, Msg: "empty JSON array"}},
		},
		{
			name: "JSON Lines larger than MaxSize is streamed",
			files: map[string]string{"big.jsonl": strings.Repeat(`{"text": "`+strings.Repeat("z", 80)+`"}`+"\n", 30) +
				`{"text": "` + strings.Repeat("y", 2000) + `"}` + "\n" + `{"text": "last"}`},
			paths:   []string{"big.jsonl"},
			maxSize: 1024,
			want: func() []in {
				var w []in
				for i := 1; i <= 30; i++ {
					w = append(w, in{Source: "big.jsonl:" + itoa(i), Line: i, Format: "text", Body: strings.Repeat("z", 80)})
				}
				return append(w, in{Source: "big.jsonl:32", Line: 32, Format: "text", Body: "last"})
			}(),
			errs: []fail{{Source: "big.jsonl", Line: 31, Code: sitrep.ETOOLARGE, Msg: "line longer than the limit of 1 KiB"}},
		},
		{
			name:    "gzip bomb",
			files:   map[string]string{"bomb.txt.gz": gz(t, strings.Repeat("boom ", 1<<20))},
			paths:   []string{"bomb.txt.gz"},
			maxSize: 1024,
			errs:    []fail{{Source: "bomb.txt.gz", Code: sitrep.ETOOLARGE, Msg: "more than the limit of 1 KiB after decompression"}},
		},
		{
			name: "truncated gzip",
			files: map[string]string{"t.html.gz": func() string {
				z := gz(t, strings.Repeat("<p>Some paragraph text.</p>\n", 500))
				return z[:len(z)/2]
			}()},
			paths: []string{"t.html.gz"},
			errs:  []fail{{Source: "t.html.gz", Code: sitrep.EINVALID, Msg: "unreadable gzip data: the file is truncated"}},
		},
		{
			name:  "corrupt gzip",
			files: map[string]string{"c.gz": "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xffgarbage that is not deflate\xff\xff\xff"},
			paths: []string{"c.gz"},
			errs:  []fail{{Source: "c.gz", Code: sitrep.EINVALID, Msg: "unreadable gzip data"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			t.Chdir(dir)
			r := &ingest.Reader{MaxSize: tt.maxSize, Stdin: strings.NewReader(tt.stdin)}
			res := walk(t, r, tt.paths...)
			checkInputs(t, res.inputs, tt.want)
			checkErrors(t, res.errs, tt.errs)
		})
	}
}

func itoa(i int) string {
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func checkInputs(t *testing.T, got []ingest.Input, want []in) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d inputs, want %d:", len(got), len(want))
		for _, g := range got {
			t.Errorf("  %s (line %d) %s %q", g.Source, g.Line, g.Format, trunc(g.Body))
		}
		return
	}
	for i, g := range got {
		w := want[i]
		if g.Source != filepath.FromSlash(w.Source) || g.Line != w.Line || g.Format != w.Format {
			t.Errorf("input %d: got %s line %d %s, want %s line %d %s", i, g.Source, g.Line, g.Format, w.Source, w.Line, w.Format)
		}
		if w.BodyHas != "" {
			if !strings.Contains(g.Body, w.BodyHas) {
				t.Errorf("input %d (%s): body %q lacks %q", i, g.Source, trunc(g.Body), w.BodyHas)
			}
		} else if g.Body != w.Body {
			t.Errorf("input %d (%s): body %q, want %q", i, g.Source, trunc(g.Body), trunc(w.Body))
		}
	}
}

func checkErrors(t *testing.T, got []*sitrep.InputError, want []fail) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d errors, want %d:", len(got), len(want))
		for _, g := range got {
			t.Errorf("  %v (%s)", g, sitrep.ErrorCode(g))
		}
		return
	}
	for i, g := range got {
		w := want[i]
		if g.Source != filepath.FromSlash(w.Source) || g.Line != w.Line {
			t.Errorf("error %d: got source %s line %d, want %s line %d", i, g.Source, g.Line, w.Source, w.Line)
		}
		if code := sitrep.ErrorCode(g); code != w.Code {
			t.Errorf("error %d (%v): code %s, want %s", i, g, code, w.Code)
		}
		if !strings.Contains(g.Error(), w.Msg) {
			t.Errorf("error %d: %q lacks %q", i, g.Error(), w.Msg)
		}
	}
}

func trunc(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

func TestRecordMetadata(t *testing.T) {
	tests := []struct {
		name string
		json string
		want ingest.Input
	}{
		{
			name: "all fields",
			json: `{"title": "  Floods  in` + "\\n" + ` Karachi ", "link": " https://example.com/a ",
				"datePublished": "2024-03-05T23:30:00-05:00",
				"author": [{"name": "Jane Doe"}, "John Roe", "Jane Doe", ""],
				"content": "Body."}`,
			want: ingest.Input{Source: "-", Format: "text", Body: "Body.", Title: "Floods in Karachi",
				URL: "https://example.com/a", Published: sitrep.Date{Year: 2024, Month: 3, Day: 5},
				Authors: []string{"Jane Doe", "John Roe"}},
		},
		{
			name: "WordPress API shapes",
			json: `{"title": {"rendered": "WP title"}, "content": {"rendered": "<p>One</p><p>Two</p>"},
				"date": "2023-11-02T08:00:00", "author": 7}`,
			want: ingest.Input{Source: "-", Format: "html", Body: "<p>One</p><p>Two</p>", Title: "WP title",
				Published: sitrep.Date{Year: 2023, Month: 11, Day: 2}},
		},
		{
			name: "paragraph list, headline, authors string, case-insensitive names",
			json: `{"Headline": "H", "Body": ["Para one.", "", "Para two."], "Authors": "Ann Lee", "URL": "u"}`,
			want: ingest.Input{Source: "-", Format: "text", Body: "Para one.\n\nPara two.", Title: "H", URL: "u",
				Authors: []string{"Ann Lee"}},
		},
		{
			name: "text preferred to html",
			json: `{"html": "<p>raw</p>", "text": "clean"}`,
			want: ingest.Input{Source: "-", Format: "text", Body: "clean"},
		},
		{
			name: "raw_html field",
			json: `{"raw_html": "plain words but from an html field", "published_at": "Tue, 05 Mar 2024 10:00:00 +0000"}`,
			want: ingest.Input{Source: "-", Format: "html", Body: "plain words but from an html field",
				Published: sitrep.Date{Year: 2024, Month: 3, Day: 5}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := walk(t, &ingest.Reader{Stdin: strings.NewReader(tt.json)}, "-")
			if len(res.errs) > 0 || len(res.inputs) != 1 {
				t.Fatalf("got %d inputs, errors %v", len(res.inputs), res.errs)
			}
			if got := res.inputs[0]; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestPublished(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD or "" for none
	}{
		{"2024-03-05", "2024-03-05"},
		{"2024-03-05T10:00:00Z", "2024-03-05"},
		{"2024-03-05T23:59:00-08:00", "2024-03-05"},
		{"2024-03-05T10:00:00.123+0000", "2024-03-05"},
		{"2024-03-05 10:00:00", "2024-03-05"},
		{" 2024-03-05T10:00:00 EST ", "2024-03-05"},
		{"Tue, 5 Mar 2024 10:00:00 GMT", "2024-03-05"},
		{"Tue, 05 Mar 2024 10:00:00 -0500", "2024-03-05"},
		{"March 5, 2024", "2024-03-05"},
		{"Mar 5, 2024", "2024-03-05"},
		{"5 March 2024", "2024-03-05"},
		{"2024/03/05", "2024-03-05"},
		{"03/05/2024", ""}, // day and month ambiguous: never guessed
		{"05.03.2024", ""},
		{"yesterday", ""},
		{"2024-13-45", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			rec := `{"text": "x", "published": ` + strconvQuote(tt.in) + `}`
			res := walk(t, &ingest.Reader{Stdin: strings.NewReader(rec)}, "-")
			if len(res.inputs) != 1 {
				t.Fatalf("no input; errors %v", res.errs)
			}
			if got := res.inputs[0].Published.String(); got != tt.want {
				t.Errorf("published %q: got %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("first readable field wins", func(t *testing.T) {
		rec := `{"text": "x", "published": 1709630000, "date": "soon", "pubDate": "Tue, 05 Mar 2024 10:00:00 GMT"}`
		res := walk(t, &ingest.Reader{Stdin: strings.NewReader(rec)}, "-")
		if got := res.inputs[0].Published.String(); got != "2024-03-05" {
			t.Errorf("got %q", got)
		}
	})
}

func strconvQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// countingReader yields endless text and counts what it gave.
type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a' + byte(i%26)
	}
	c.n += int64(len(p))
	return len(p), nil
}

func TestTooLargeIsNotReadWhole(t *testing.T) {
	const max = 1024
	t.Run("endless stdin", func(t *testing.T) {
		c := &countingReader{}
		res := walk(t, &ingest.Reader{MaxSize: max, Stdin: c}, "-")
		checkErrors(t, res.errs, []fail{{Source: "-", Code: sitrep.ETOOLARGE, Msg: "input too large"}})
		if c.n > 256<<10 {
			t.Errorf("read %d bytes of an endless input with MaxSize %d", c.n, max)
		}
	})
	t.Run("endless gzip", func(t *testing.T) {
		// A gzip stream whose decompressed content never ends.
		pr, pw := io.Pipe()
		c := &countingReader{}
		go func() {
			zw := gzip.NewWriter(pw)
			_, err := io.Copy(zw, io.LimitReader(c, 1<<40))
			pw.CloseWithError(err)
		}()
		res := walk(t, &ingest.Reader{MaxSize: max, Stdin: pr}, "-")
		pr.CloseWithError(errors.New("done"))
		checkErrors(t, res.errs, []fail{{Source: "-", Code: sitrep.ETOOLARGE, Msg: "after decompression"}})
	})
	t.Run("huge sparse file", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "huge.txt")
		if err := os.WriteFile(p, []byte(strings.Repeat("text ", 100)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, 64<<30); err != nil {
			t.Skipf("cannot make a sparse file: %v", err)
		}
		start := time.Now()
		res := walk(t, &ingest.Reader{MaxSize: max}, p)
		checkErrors(t, res.errs, []fail{{Source: p, Code: sitrep.ETOOLARGE, Msg: "file too large: 64 GiB, the limit is 1 KiB"}})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a", "b.txt": "b", "c.jsonl": "{\"text\":\"1\"}\n{\"text\":\"2\"}\n"})
	t.Run("fn error is returned as is", func(t *testing.T) {
		stop := errors.New("stop")
		var n int
		err := (&ingest.Reader{}).Walk(context.Background(), []string{dir}, func(ingest.Input) error {
			n++
			return stop
		}, nil)
		if err != stop || n != 1 {
			t.Errorf("got %v after %d inputs, want stop after 1", err, n)
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		var n int
		err := (&ingest.Reader{}).Walk(ctx, []string{dir, dir}, func(ingest.Input) error {
			n++
			if n == 3 {
				cancel()
			}
			return nil
		}, nil)
		if !errors.Is(err, context.Canceled) || n != 3 {
			t.Errorf("got %v after %d inputs, want context.Canceled after 3", err, n)
		}
	})
	t.Run("nil onErr", func(t *testing.T) {
		err := (&ingest.Reader{}).Walk(context.Background(), []string{filepath.Join(dir, "missing")},
			func(ingest.Input) error { return nil }, nil)
		if err != nil {
			t.Error(err)
		}
	})
}

func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/a.txt": "a", "d/b.txt": "b"})
	if err := os.Symlink(filepath.Join(dir, "real", "a.txt"), filepath.Join(dir, "d", "link.txt")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "d", "linkdir")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "d", "dangling.txt")); err != nil {
		t.Skip(err)
	}
	d := filepath.Join(dir, "d")
	res := walk(t, &ingest.Reader{}, d)
	checkInputs(t, res.inputs, []in{
		{Source: filepath.Join(d, "b.txt"), Format: "text", Body: "b"},
		{Source: filepath.Join(d, "link.txt"), Format: "text", Body: "a"},
	})
	checkErrors(t, res.errs, []fail{{Source: filepath.Join(d, "dangling.txt"), Code: sitrep.ENOTFOUND, Msg: "no such file"}})
}
