package ingest

import (
	"bytes"
)

// isGzip reports whether b starts with the gzip magic number and the
// deflate method, whatever the file's name.
func isGzip(b []byte) bool {
	return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8
}

// signature is the magic number of a binary format, found at off.
type signature struct {
	off   int
	magic string
	name  string
}

// signatures name common binary formats in error messages. Content that
// starts with one is binary even when it holds no NUL byte (a PDF often
// has none in its first kilobytes).
var signatures = []signature{
	{0, "%PDF-", "a PDF document"},
	{0, "\x89PNG\r\n\x1a\n", "a PNG image"},
	{0, "\xff\xd8\xff", "a JPEG image"},
	{0, "GIF87a", "a GIF image"},
	{0, "GIF89a", "a GIF image"},
	{8, "WEBP", "a WebP image"},
	{0, "PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB document)"},
	{0, "PK\x05\x06", "a ZIP archive"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document"},
	{0, "\x1f\x8b", "gzip-compressed data"},
	{4, "1AY&SY", "bzip2-compressed data"},
	{0, "\xfd7zXZ\x00", "xz-compressed data"},
	{0, "\x28\xb5\x2f\xfd", "zstd-compressed data"},
	{0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{0, "\x7fELF", "an executable"},
	{0, "SQLite format 3\x00", "an SQLite database"},
	{257, "ustar", "a tar archive"},
}

// signatureKind returns the message for content that starts with the
// magic number of a known binary format, or "".
func signatureKind(head []byte) string {
	for _, s := range signatures {
		if s.match(head) {
			return "binary file (looks like " + s.name + ")"
		}
	}
	return ""
}

func (s signature) match(b []byte) bool {
	if !bytes.HasPrefix(b[min(s.off, len(b)):], []byte(s.magic)) || len(b) < s.off+len(s.magic) {
		return false
	}
	switch s.name {
	case "a WebP image":
		return bytes.HasPrefix(b, []byte("RIFF"))
	case "bzip2-compressed data":
		return bytes.HasPrefix(b, []byte("BZh")) && '1' <= b[3] && b[3] <= '9'
	}
	return true
}

// binaryKind returns "" when head, the first bytes of an input, may be
// text, or else the message saying it is binary: it starts with the magic
// number of a known binary format, holds a NUL byte, or has more than one
// control byte in ten (tab, newline, carriage return, form feed, vertical
// tab and escape do not count). Content with a UTF-16 byte order mark is
// not judged here but after decoding.
func binaryKind(head []byte) string {
	if msg := signatureKind(head); msg != "" {
		return msg
	}
	if b := bomOf(head); b == bomUTF16LE || b == bomUTF16BE {
		return ""
	}
	if bytes.IndexByte(head, 0) >= 0 {
		if utf16WithoutBOM(head) {
			return "binary file (looks like UTF-16 text without a byte order mark; convert it to UTF-8)"
		}
		return "binary file"
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*10 > len(head) {
		return "binary file"
	}
	return ""
}

// utf16WithoutBOM reports whether b looks like mostly-ASCII UTF-16 text:
// NUL bytes in nearly every even or every odd position and nowhere else.
func utf16WithoutBOM(b []byte) bool {
	if len(b) < 8 {
		return false
	}
	var zeros [2]int
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(b) / 2
	return zeros[0] == 0 && zeros[1]*10 >= half*9 || zeros[1] == 0 && zeros[0]*10 >= half*9
}

// startsJSON returns '{' or '[' when b, after a byte order mark and
// space, opens a JSON object or array, and 0 otherwise. To keep text that
// opens with a bracket ("[Updated] ...", "{{template}}") from being taken
// for JSON, an object must go on with a quote or a closing brace, and an
// array with a quote, a bracket or a brace.
func startsJSON(b []byte) byte {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, utf8BOM), jsonSpace)
	if len(b) == 0 || b[0] != '{' && b[0] != '[' {
		return 0
	}
	c, rest := b[0], bytes.TrimLeft(b[1:], jsonSpace)
	if len(rest) == 0 {
		return c
	}
	switch d := rest[0]; {
	case c == '{' && (d == '"' || d == '}'):
		return c
	case c == '[' && (d == '{' || d == '[' || d == ']' || d == '"'):
		return c
	}
	return 0
}

// htmlSniffLen is how much of an input looksHTML looks at.
const htmlSniffLen = 2 << 10

// looksHTML reports whether b is HTML. It looks at the first 2 KB after a
// byte order mark, space, XML declarations and comments: b is HTML when it
// opens with <!doctype html>, <html>, <head> or <body>; or when it opens
// with a common HTML tag and holds at least two; or when it holds at least
// three common tags, one of them a closing tag. A file name ending in
// .html or the like (hinted) is enough for any one common tag or an
// opening "<" followed by a letter.
func looksHTML(b []byte, hinted bool) bool {
	b = bytes.TrimPrefix(b, utf8BOM)
	b = bytes.TrimLeft(b, jsonSpace+"\f\v")
	sample := b[:min(len(b), htmlSniffLen)]
	t := sample
	for {
		var end int
		switch {
		case hasPrefixFold(t, "<?xml"):
			end = bytes.Index(t, []byte("?>"))
			if end >= 0 {
				end += 2
			}
		case hasPrefixFold(t, "<!--"):
			end = bytes.Index(t, []byte("-->"))
			if end >= 0 {
				end += 3
			}
		default:
			end = -1
		}
		if end < 0 {
			break
		}
		t = bytes.TrimLeft(t[end:], jsonSpace+"\f\v")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if hasPrefixFold(t, p) && (len(t) == len(p) || isTagEnd(t[len(p)])) {
			return true
		}
	}
	n, closing := countTags(sample)
	switch {
	case hinted:
		return n >= 1 || len(t) > 1 && t[0] == '<' && (isLetter(t[1]) || t[1] == '!')
	case n >= 2 && startsWithTag(t):
		return true
	}
	return n >= 3 && closing >= 1
}

// htmlTags are common HTML elements; only these count as evidence.
var htmlTags = map[string]bool{
	"a": true, "abbr": true, "article": true, "aside": true, "b": true,
	"blockquote": true, "body": true, "br": true, "button": true,
	"caption": true, "cite": true, "code": true, "dd": true, "div": true,
	"dl": true, "dt": true, "em": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "head": true, "header": true,
	"hr": true, "html": true, "i": true, "iframe": true, "img": true,
	"input": true, "li": true, "link": true, "main": true, "meta": true,
	"nav": true, "noscript": true, "ol": true, "p": true, "picture": true,
	"pre": true, "script": true, "section": true, "small": true,
	"source": true, "span": true, "strong": true, "style": true, "sub": true,
	"sup": true, "table": true, "tbody": true, "td": true, "th": true,
	"thead": true, "time": true, "title": true, "tr": true, "u": true,
	"ul": true, "video": true,
}

// countTags counts the opening and closing tags of common HTML elements
// in b, and separately the closing ones.
func countTags(b []byte) (n, closing int) {
	var name [16]byte
	for i := 0; i < len(b); i++ {
		if b[i] != '<' {
			continue
		}
		j := i + 1
		isClose := j < len(b) && b[j] == '/'
		if isClose {
			j++
		}
		k := 0
		for ; j < len(b) && k < len(name) && (isLetter(b[j]) || k > 0 && '0' <= b[j] && b[j] <= '9'); j++ {
			name[k] = b[j] | 0x20
			k++
		}
		if k == 0 || k == len(name) || j < len(b) && !isTagEnd(b[j]) {
			continue
		}
		if htmlTags[string(name[:k])] {
			n++
			if isClose {
				closing++
			}
		}
	}
	return n, closing
}

// startsWithTag reports whether b opens with a common HTML tag.
func startsWithTag(b []byte) bool {
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	end := bytes.IndexByte(b[1:], '<')
	if end < 0 {
		end = len(b)
	} else {
		end++
	}
	n, _ := countTags(b[:end])
	return n > 0
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// hasPrefixFold reports whether b starts with prefix, ignoring ASCII case;
// prefix must be lower case.
func hasPrefixFold[T string | []byte](b T, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
