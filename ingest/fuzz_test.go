package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/ingest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// FuzzDetect feeds arbitrary content through detection and decoding (as
// standard input, so that no file name hints) and checks that every input
// yielded is valid UTF-8 of a known format, that every failure is a coded
// *sitrep.InputError, and that the outcome is deterministic.
func FuzzDetect(f *testing.F) {
	utf16, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("<p>Hello</p>\r\nworld")
	cp1256, _ := charmap.Windows1256.NewEncoder().String("خبر عاجل")
	seeds := []string{
		"",
		"plain text\r\nwith lines\rand\x00NUL",
		"\xef\xbb\xbfBOM text",
		utf16,
		"\xff\xfe<\x00",
		"caf\xe9 cr\xe8me",
		"\xcf\xf0\xe8\xe2\xe5\xf2",
		`<!doctype html><meta charset="windows-1256"><p>` + cp1256 + `</p>`,
		`<html><head><meta http-equiv="content-type" content="text/html; charset=shift_jis"></head><body>\x82\xa0</body></html>`,
		`<meta charset="iso-2022-kr"><p>x</p>`,
		`<meta charset=utf-16><p>x</p>`,
		"<div><p>a</p><br></div>",
		`{"text": "a", "title": "t", "published": "2024-01-02", "authors": ["x", {"name": "y"}]}`,
		"[{\"html\": \"<p>x</p>\"},\n{\"text\": [\"a\", \"b\"]}]",
		"{\"text\":\"1\"}\n{bad\n{\"content\": {\"rendered\": \"<p>r</p>\"}}\n",
		"{\n\"text\": \"x\"",
		"[ ]",
		gz(f, "<p>zipped</p>"),
		gz(f, `{"text":"a"}`+"\n"+`{"text":"b"}`),
		gz(f, strings.Repeat("a", 5000)),
		gz(f, "abc")[:15],
		"%PDF-1.4\n",
		"PK\x03\x04",
		"BZh91AY&SY",
		strings.Repeat("{\"text\":\""+strings.Repeat("x", 100)+"\"}\n", 10),
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(200))
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint16) {
		r := &ingest.Reader{MaxSize: 64 + int64(max)}
		first := fuzzWalk(t, r, data)
		if second := fuzzWalk(t, r, data); !reflect.DeepEqual(first, second) {
			t.Fatalf("not deterministic:\n%v\n%v", first, second)
		}
	})
}

func fuzzWalk(t *testing.T, r *ingest.Reader, data []byte) []string {
	var out []string
	r.Stdin = bytes.NewReader(data)
	err := r.Walk(context.Background(), []string{"-"}, func(in ingest.Input) error {
		if in.Format != sitrep.FormatText && in.Format != sitrep.FormatHTML {
			t.Fatalf("format %q", in.Format)
		}
		for _, s := range append([]string{in.Body, in.Title, in.URL, in.Source}, in.Authors...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q", s)
			}
		}
		if strings.TrimSpace(in.Body) == "" {
			t.Fatalf("blank body yielded")
		}
		if in.Format == sitrep.FormatText {
			for _, c := range []byte(in.Body) {
				if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
					t.Fatalf("control byte %#x in text %q", c, in.Body)
				}
			}
		}
		if want := sourceOf("-", in.Line); in.Source != want {
			t.Fatalf("source %q with line %d", in.Source, in.Line)
		}
		out = append(out, fmt.Sprintf("%s %s %q %q %q %v %q", in.Source, in.Format, in.Body, in.Title, in.URL, in.Published, in.Authors))
		return nil
	}, func(err error) {
		var ie *sitrep.InputError
		if !errors.As(err, &ie) || ie.Source != "-" || ie.Line < 0 {
			t.Fatalf("error %T %v", err, err)
		}
		switch code := sitrep.ErrorCode(err); code {
		case sitrep.EINVALID, sitrep.ETOOLARGE, sitrep.EEMPTY, sitrep.EBINARY:
		default:
			t.Fatalf("error %v has code %q", err, code)
		}
		if !utf8.ValidString(err.Error()) {
			t.Fatalf("error message not UTF-8: %q", err.Error())
		}
		out = append(out, "error "+err.Error())
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func sourceOf(src string, line int) string {
	if line == 0 {
		return src
	}
	return src + ":" + strconv.Itoa(line)
}

// BenchmarkWalk walks a directory of many small files of every kind.
func BenchmarkWalk(b *testing.B) {
	dir := b.TempDir()
	kinds := []struct{ ext, content string }{
		{".txt", "KARACHI, Pakistan — Heavy rain flooded streets on Tuesday.\r\n\r\nOfficials said schools would close.\n"},
		{".html", `<!doctype html><html><head><meta charset="utf-8"><title>Floods</title></head><body><article><p>Heavy rain flooded streets.</p><p>Schools closed.</p></article></body></html>`},
		{".json", `{"title": "Floods", "url": "https://example.com/a", "published": "2024-03-05T10:00:00Z", "author": "Jane Doe", "text": "Heavy rain flooded streets."}`},
		{".jsonl", strings.Repeat(`{"title": "Floods", "text": "Heavy rain flooded streets."}`+"\n", 5)},
	}
	var total int64
	for i := range 1000 {
		k := kinds[i%len(kinds)]
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%20))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("f%04d%s", i, k.ext)), []byte(k.content), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(k.content))
	}
	r := &ingest.Reader{}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := r.Walk(context.Background(), []string{dir}, func(ingest.Input) error {
			n++
			return nil
		}, func(err error) { b.Fatal(err) })
		if err != nil || n != 2000 {
			b.Fatalf("%d inputs, %v", n, err)
		}
	}
}
