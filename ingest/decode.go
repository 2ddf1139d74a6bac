package ingest

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// bomKind is the byte order mark an input starts with.
type bomKind int

const (
	bomNone bomKind = iota
	bomUTF8
	bomUTF16LE
	bomUTF16BE
)

func bomOf(b []byte) bomKind {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		return bomUTF8
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return bomUTF16LE
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return bomUTF16BE
	}
	return bomNone
}

// decodeBOM returns the content after the byte order mark k, decoded to
// UTF-8 if it is UTF-16. UTF-8 content is returned as is, valid or not.
func decodeBOM(k bomKind, b []byte) []byte {
	switch k {
	case bomUTF8:
		return b[len(utf8BOM):]
	case bomUTF16LE:
		return decodeUTF16(b[2:], false)
	case bomUTF16BE:
		return decodeUTF16(b[2:], true)
	}
	return b
}

// decodeUTF16 decodes UTF-16 to UTF-8. Unpaired surrogates and an odd
// last byte become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) []byte {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, len(b)/2*3/2+4)
	for i := 0; i+1 < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				if dr := utf16.DecodeRune(r, unit(i+2)); dr != utf8.RuneError {
					out = utf8.AppendRune(out, dr)
					i += 2
					continue
				}
			}
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// decodeText decodes plain text. Valid UTF-8 is kept. Otherwise, when the
// content is plausibly windows-1252 (see plausibleWindows1252), the bytes
// that do not form UTF-8 are read as windows-1252; failing that, the input
// is refused. base is the offset of b in the input, for the message.
func decodeText(b []byte, base int) (string, error) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	first, ok := plausibleWindows1252(b)
	if !ok {
		return "", sitrep.Errorf(sitrep.EINVALID,
			"not valid UTF-8 at byte %d, and not plausibly windows-1252 either; convert the file to UTF-8 (for example with iconv)", base+first)
	}
	return decodeMixed(b), nil
}

// plausibleWindows1252 reports whether b, which is not valid UTF-8, can
// be read as windows-1252 without much risk of garbling text in another
// encoding, and returns the offset of the first byte that is not UTF-8.
// It is plausible when b holds no NUL byte and none of the five bytes
// windows-1252 leaves undefined, at most 30% of its bytes are non-ASCII,
// and no more than 4 bytes that do not form UTF-8 come in a row (a word
// in a Cyrillic, Greek or Arabic code page is a longer run).
func plausibleWindows1252(b []byte) (first int, ok bool) {
	first = -1
	nonASCII, run, maxRun := 0, 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == 0 {
				return max(first, 0), false
			}
			run = 0
			i++
			continue
		}
		if r, n := utf8.DecodeRune(b[i:]); r != utf8.RuneError || n > 1 {
			nonASCII += n
			run = 0
			i += n
			continue
		}
		if first < 0 {
			first = i
		}
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return first, false
		}
		nonASCII++
		run++
		maxRun = max(maxRun, run)
		i++
	}
	return max(first, 0), nonASCII*10 <= len(b)*3 && maxRun <= 4
}

// decodeMixed decodes b as UTF-8 where it is UTF-8 and reads every other
// byte as windows-1252.
func decodeMixed(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			r = charmap.Windows1252.DecodeByte(b[0])
			sb.WriteRune(r)
			b = b[1:]
			continue
		}
		sb.Write(b[:n])
		b = b[n:]
	}
	return sb.String()
}

// cleanText normalises decoded text: it drops a leading U+FEFF, turns CRLF
// and lone CR into LF, turns form feeds and vertical tabs (page breaks in
// text converted from PDF) into LF, and removes every other C0 control
// character except tab, and DEL.
func cleanText(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:i])
	for ; i < len(s); i++ {
		// Bytes below 0x80 never occur inside a multi-byte UTF-8
		// sequence, so working on bytes is safe.
		switch c := s[i]; {
		case c == '\r':
			sb.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\f' || c == '\v':
			sb.WriteByte('\n')
		case c == '\t' || c == '\n':
			sb.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// decodeHTML decodes an HTML document to UTF-8 and removes NUL bytes.
// hadBOM reports that b followed a byte order mark, which settles the
// encoding (b is then UTF-8 already, or nearly).
func decodeHTML(b []byte, hadBOM bool) string {
	var s string
	if hadBOM {
		s = utf8OrMixed(b)
	} else {
		s = decodeHTMLBytes(b)
	}
	return strings.ReplaceAll(s, "\x00", "")
}

func utf8OrMixed(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeMixed(b)
}

// decodeHTMLBytes picks the encoding of an HTML document without a byte
// order mark:
//
//   - content that is valid UTF-8 and has non-ASCII bytes is UTF-8,
//     whatever it declares (text in a legacy encoding is almost never valid
//     UTF-8, while pages that mislabel their UTF-8 are common);
//   - otherwise the encoding declared by a <meta charset> or <meta
//     http-equiv="Content-Type"> tag in the first 16 KB, looked up with the
//     WHATWG labels of golang.org/x/net/html/charset;
//   - otherwise charset.DetermineEncoding's sniffing, which falls back to
//     windows-1252.
//
// UTF-8 that is not valid has its stray bytes read as windows-1252. A
// declared UTF-16 means UTF-8 (the bytes are ASCII-compatible, or they
// would have been sniffed as binary), and the WHATWG "replacement"
// encoding, which would throw the whole page away, is ignored.
func decodeHTMLBytes(b []byte) string {
	valid := utf8.Valid(b)
	if valid && hasNonASCII(b) {
		return string(b)
	}
	var enc encoding.Encoding
	var name string
	if label := declaredCharset(b); label != "" {
		enc, name = charset.Lookup(label)
	}
	if enc == nil && !valid {
		enc, name, _ = charset.DetermineEncoding(b, "")
	}
	switch name {
	case "", "utf-8", "utf-16le", "utf-16be", "replacement":
		return utf8OrMixed(b)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return utf8OrMixed(b)
	}
	return strings.ToValidUTF8(string(out), "\ufffd")
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// metaScanLen is how much of a document declaredCharset looks at. The
// HTML standard's prescan looks at 1024 bytes, but many pages put their
// <meta charset> after longer heads.
const metaScanLen = 16 << 10

// declaredCharset returns the label of the first encoding declared by a
// <meta> tag in the first 16 KB of b, outside comments, or "".
func declaredCharset(b []byte) string {
	b = b[:min(len(b), metaScanLen)]
	for i := 0; i < len(b); {
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			break
		}
		p := i + k
		if bytes.HasPrefix(b[p:], []byte("<!--")) {
			e := bytes.Index(b[p+4:], []byte("-->"))
			if e < 0 {
				break
			}
			i = p + 4 + e + 3
			continue
		}
		if hasPrefixFold(b[p:], "<meta") && p+5 < len(b) && isTagEnd(b[p+5]) {
			end := bytes.IndexByte(b[p:], '>')
			if end < 0 {
				end = len(b) - p
			}
			if label := metaCharset(b[p+5 : p+end]); label != "" {
				return label
			}
			i = p + end
			continue
		}
		i = p + 1
	}
	return ""
}

// metaCharset returns the encoding label declared by the attributes of a
// <meta> tag: charset="...", or http-equiv="Content-Type" with
// content="...; charset=...".
func metaCharset(attrs []byte) string {
	var cs, content string
	pragma := false
	forAttrs(attrs, func(name, value string) {
		switch strings.ToLower(name) {
		case "charset":
			if cs == "" {
				cs = strings.TrimSpace(value)
			}
		case "http-equiv":
			pragma = pragma || strings.EqualFold(strings.TrimSpace(value), "content-type")
		case "content":
			if content == "" {
				content = value
			}
		}
	})
	if cs != "" {
		return cs
	}
	if pragma {
		return charsetParam(content)
	}
	return ""
}

// charsetParam returns the charset parameter of a Content-Type value.
func charsetParam(s string) string {
	for {
		i := indexFold(s, "charset")
		if i < 0 {
			return ""
		}
		s = s[i+len("charset"):]
		t := strings.TrimLeft(s, " \t\n\r\f")
		if !strings.HasPrefix(t, "=") {
			continue
		}
		t = strings.TrimLeft(t[1:], " \t\n\r\f")
		if t == "" {
			return ""
		}
		if q := t[0]; q == '"' || q == '\'' {
			if j := strings.IndexByte(t[1:], q); j >= 0 {
				return t[1 : 1+j]
			}
			return ""
		}
		if j := strings.IndexAny(t, "; \t\n\r\f"); j >= 0 {
			t = t[:j]
		}
		return t
	}
}

// indexFold returns the index of the first instance of sub in s,
// ignoring ASCII case, or -1; sub must be lower case. Unlike
// strings.ToLower it keeps offsets in s valid, whatever its bytes.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if hasPrefixFold(s[i:], sub) {
			return i
		}
	}
	return -1
}

// forAttrs calls f for each attribute of a tag, given the bytes between
// the tag name and the closing ">".
func forAttrs(b []byte, f func(name, value string)) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' }
	i := 0
	for i < len(b) {
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		start := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '=' {
			i++
		}
		if i == start {
			if i < len(b) && b[i] == '=' {
				i++ // a stray "=": skip it
			}
			continue
		}
		name := string(b[start:i])
		for i < len(b) && isSpace(b[i]) && b[i] != '/' {
			i++
		}
		value := ""
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f') {
				i++
			}
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				q := b[i]
				j := bytes.IndexByte(b[i+1:], q)
				if j < 0 {
					value, i = string(b[i+1:]), len(b)
				} else {
					value, i = string(b[i+1:i+1+j]), i+2+j
				}
			} else {
				start := i
				for i < len(b) && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r' && b[i] != '\f' {
					i++
				}
				value = string(b[start:i])
			}
		}
		f(name, value)
	}
}
