package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep"
)

const (
	// sniffLen is how much of an input is looked at to tell its kind.
	sniffLen = 8 << 10
	// bufSize is the size of the buffered readers; it must be at least
	// sniffLen.
	bufSize = 32 << 10
)

// hint is what a file name suggests about its content. It only ever
// loosens a content test; it never overrides one.
type hint int

const (
	hintNone  hint = iota
	hintHTML       // .html, .htm, .xhtml, .shtml
	hintJSONL      // .jsonl, .ndjson, .jsonlines
)

func hintOf(name string) hint {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return hintHTML
	case ".jsonl", ".ndjson", ".jsonlines":
		return hintJSONL
	}
	return hintNone
}

// trimGzipExt returns the name a gzip file's content would have.
func trimGzipExt(name string) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".gz", ".gzip":
		return name[:len(name)-len(ext)]
	case ".tgz":
		return name[:len(name)-len(ext)] + ".tar"
	}
	return name
}

// reader returns *p reset to read rd, allocating it the first time.
func reader(p **bufio.Reader, rd io.Reader) *bufio.Reader {
	if *p == nil {
		*p = bufio.NewReaderSize(rd, bufSize)
	} else {
		(*p).Reset(rd)
	}
	return *p
}

// peek returns up to sniffLen bytes from the start of br without
// consuming them. A short input is not an error.
func peek(br *bufio.Reader) ([]byte, error) {
	head, err := br.Peek(sniffLen)
	if err == io.EOF {
		err = nil
	}
	return head, err
}

func errEmpty() error { return sitrep.Errorf(sitrep.EEMPTY, "empty file") }

// read reads one source: a file or standard input. size is the file's
// size when known, -1 otherwise; name is the file's base name, used only
// as a hint.
func (w *walker) read(src string, rd io.Reader, size int64, name string) error {
	br := reader(&w.br, rd)
	defer br.Reset(nil)
	head, err := peek(br)
	if err != nil {
		w.fail(src, 0, readError(err))
		return nil
	}
	if len(head) == 0 {
		w.fail(src, 0, errEmpty())
		return nil
	}

	wrap, gz := readError, false
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			w.fail(src, 0, gzipError(err))
			return nil
		}
		defer zr.Close()
		br = reader(&w.zbr, zr)
		defer br.Reset(nil)
		if head, err = peek(br); err != nil {
			w.fail(src, 0, gzipError(err))
			return nil
		}
		if len(head) == 0 {
			w.fail(src, 0, sitrep.Errorf(sitrep.EEMPTY, "empty file (after decompression)"))
			return nil
		}
		name, size, wrap, gz = trimGzipExt(name), -1, gzipError, true
	}

	h := hintOf(name)
	// Only JSON Lines may be larger than the limit: it is read line by
	// line. Anything else is refused unread when its size is known, with
	// a more telling message if it is of a known binary format.
	lines := startsJSON(head) == '{'
	if size > w.max && !lines {
		if msg := signatureKind(head); msg != "" {
			w.fail(src, 0, sitrep.Errorf(sitrep.EBINARY, "%s", msg))
		} else {
			w.tooLargeFile(src, size)()
		}
		return nil
	}
	if msg := binaryKind(head); msg != "" {
		w.fail(src, 0, sitrep.Errorf(sitrep.EBINARY, "%s", msg))
		return nil
	}
	if size > w.max {
		return w.jsonLines(src, br, h == hintJSONL, wrap, w.tooLargeFile(src, size))
	}
	data, over, err := readLimited(br, w.max, size)
	if err != nil {
		w.fail(src, 0, wrap(err))
		return nil
	}
	if over {
		tooLarge := func() {
			if gz {
				w.fail(src, 0, sitrep.Errorf(sitrep.ETOOLARGE, "input too large: more than the limit of %s after decompression", formatSize(w.max)))
			} else {
				w.fail(src, 0, sitrep.Errorf(sitrep.ETOOLARGE, "input too large: more than the limit of %s", formatSize(w.max)))
			}
		}
		if lines {
			rest := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(data), br), bufSize)
			return w.jsonLines(src, rest, h == hintJSONL, wrap, tooLarge)
		}
		tooLarge()
		return nil
	}
	return w.whole(src, h, data)
}

func (w *walker) tooLargeFile(src string, size int64) func() {
	return func() {
		w.fail(src, 0, sitrep.Errorf(sitrep.ETOOLARGE, "file too large: %s, the limit is %s", formatSize(size), formatSize(w.max)))
	}
}

// readLimited reads r to its end but no more than max+1 bytes, and reports
// whether there was more than max. sizeHint, when not negative, is the
// expected size.
func readLimited(r io.Reader, max, sizeHint int64) (data []byte, over bool, err error) {
	var buf bytes.Buffer
	if sizeHint >= 0 && sizeHint <= max {
		buf.Grow(int(sizeHint) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(r, max+1))
	return buf.Bytes(), int64(buf.Len()) > max, err
}

// whole classifies and decodes an input read whole into memory.
func (w *walker) whole(src string, h hint, data []byte) error {
	body, bom := data, bomNone
	if bom = bomOf(data); bom != bomNone {
		body = decodeBOM(bom, data)
		if bom != bomUTF8 {
			// UTF-16 was not checked for binary content before decoding.
			if msg := binaryKind(body[:min(len(body), sniffLen)]); msg != "" {
				w.fail(src, 0, sitrep.Errorf(sitrep.EBINARY, "%s", msg))
				return nil
			}
		}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		w.fail(src, 0, errEmpty())
		return nil
	}
	if startsJSON(body) != 0 {
		return w.json(src, h, body)
	}
	if looksHTML(body, h == hintHTML) {
		return w.emit(Input{Source: src, Format: sitrep.FormatHTML, Body: decodeHTML(body, bom != bomNone)})
	}
	s, err := decodeText(body, len(data)-len(body))
	if err != nil {
		w.fail(src, 0, err)
		return nil
	}
	s = cleanText(s)
	if strings.TrimSpace(s) == "" {
		w.fail(src, 0, errEmpty())
		return nil
	}
	return w.emit(Input{Source: src, Format: sitrep.FormatText, Body: s})
}

// json reads a JSON document held in memory: one object, an array of
// objects, or JSON Lines.
func (w *walker) json(src string, h hint, body []byte) error {
	trimmed := bytes.TrimLeft(body, jsonSpace)
	lead := len(body) - len(trimmed)
	trimmed = bytes.TrimRight(trimmed, jsonSpace)
	if h != hintJSONL && json.Valid(trimmed) {
		if trimmed[0] == '[' {
			return w.array(src, body, lead, trimmed)
		}
		in, err := parseRecord(trimmed)
		if err != nil {
			w.fail(src, 0, err)
			return nil
		}
		in.Source = src
		return w.emit(in)
	}
	notLines := func() {
		// Not JSON Lines either: report where the document breaks.
		var v any
		err := json.Unmarshal(trimmed, &v)
		line := 0
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line = 1 + bytes.Count(body[:lead+int(min(se.Offset, int64(len(trimmed))))], []byte("\n"))
		}
		w.fail(src, line, sitrep.Errorf(sitrep.EINVALID, "invalid JSON: %v", jsonMessage(err)))
	}
	return w.jsonLines(src, bufio.NewReader(bytes.NewReader(body)), h == hintJSONL, readError, notLines)
}

// array yields the elements of a JSON array, each with the line on which
// it starts. trimmed is body from offset lead, and is valid JSON.
func (w *walker) array(src string, body []byte, lead int, trimmed []byte) error {
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if _, err := dec.Token(); err != nil { // the opening bracket
		w.fail(src, 0, sitrep.Errorf(sitrep.EINVALID, "invalid JSON: %v", jsonMessage(err)))
		return nil
	}
	line, pos, n := 1+bytes.Count(body[:lead], []byte("\n")), lead, 0
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			w.fail(src, line, sitrep.Errorf(sitrep.EINVALID, "invalid JSON: %v", jsonMessage(err)))
			return nil
		}
		// The raw value holds no surrounding space, so it starts len(raw)
		// bytes before the decoder's offset.
		start := lead + int(dec.InputOffset()) - len(raw)
		if start >= pos {
			line += bytes.Count(body[pos:start], []byte("\n"))
			pos = start
		}
		n++
		in, err := parseRecord(raw)
		if err != nil {
			w.fail(src, line, err)
			continue
		}
		in.Source, in.Line = fmt.Sprintf("%s:%d", src, line), line
		if err := w.emit(in); err != nil {
			return err
		}
	}
	if n == 0 {
		w.fail(src, 0, sitrep.Errorf(sitrep.EEMPTY, "empty JSON array"))
	}
	return nil
}

// jsonLines yields one record per non-empty line of br. Unless force is
// set, the input is taken for JSON Lines only if one of its first two
// non-empty lines is a complete JSON value by itself; otherwise notLines
// is called and nothing is yielded. wrap turns read errors into coded
// errors.
func (w *walker) jsonLines(src string, br *bufio.Reader, force bool, wrap func(error) error, notLines func()) error {
	lr := &lineReader{br: br, max: w.max, ctx: w.ctx}
	var pending []jsonLine
	decided := force
	for seen := 0; !decided && seen < 2; {
		l, err := lr.next()
		if err == io.EOF {
			break
		} else if err != nil {
			return w.lineReadError(src, lr.n, err, wrap)
		}
		l.text = bytes.Clone(l.text)
		pending = append(pending, l)
		if t := lineText(l); l.tooLong {
			seen++
		} else if len(t) > 0 {
			seen++
			decided = json.Valid(t)
		}
	}
	if !decided {
		notLines()
		return nil
	}
	for _, l := range pending {
		if err := w.jsonLine(src, l); err != nil {
			return err
		}
	}
	for {
		l, err := lr.next()
		if err == io.EOF {
			return nil
		} else if err != nil {
			return w.lineReadError(src, lr.n, err, wrap)
		}
		if err := w.jsonLine(src, l); err != nil {
			return err
		}
	}
}

func (w *walker) lineReadError(src string, line int, err error, wrap func(error) error) error {
	if cerr := w.ctx.Err(); cerr != nil {
		return cerr
	}
	w.fail(src, line, wrap(err))
	return nil
}

// lineText returns the line without surrounding space, and without the
// byte order mark that may start line 1.
func lineText(l jsonLine) []byte {
	t := l.text
	if l.n == 1 {
		t = bytes.TrimPrefix(t, utf8BOM)
	}
	return bytes.Trim(t, jsonSpace)
}

func (w *walker) jsonLine(src string, l jsonLine) error {
	if l.tooLong {
		w.fail(src, l.n, sitrep.Errorf(sitrep.ETOOLARGE, "record too large: line longer than the limit of %s", formatSize(w.max)))
		return nil
	}
	t := lineText(l)
	if len(t) == 0 {
		return nil
	}
	in, err := parseRecord(t)
	if err != nil {
		w.fail(src, l.n, err)
		return nil
	}
	in.Source, in.Line = fmt.Sprintf("%s:%d", src, l.n), l.n
	return w.emit(in)
}

// jsonLine is one line of a JSON Lines input.
type jsonLine struct {
	n       int    // 1-based line number
	text    []byte // without the line terminator; nil when tooLong
	tooLong bool   // longer than the limit; its content was skipped
}

// lineReader reads lines of at most max bytes each; a longer line is
// skipped, not kept, and reported as tooLong.
type lineReader struct {
	br  *bufio.Reader
	max int64
	ctx interface{ Err() error }
	n   int
	buf []byte
}

// next returns the next line; its text is valid until the next call.
func (r *lineReader) next() (jsonLine, error) {
	r.buf = r.buf[:0]
	tooLong, got := false, false
	for {
		chunk, err := r.br.ReadSlice('\n')
		got = got || len(chunk) > 0
		if !tooLong {
			// Allow for a CRLF terminator beyond max; checked below.
			if int64(len(r.buf))+int64(len(chunk)) > r.max+2 {
				tooLong, r.buf = true, r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			if cerr := r.ctx.Err(); cerr != nil {
				return jsonLine{}, cerr
			}
			continue
		}
		if err == io.EOF {
			if !got {
				return jsonLine{}, io.EOF
			}
			break
		}
		if err != nil {
			return jsonLine{}, err
		}
		break
	}
	r.n++
	if tooLong {
		return jsonLine{n: r.n, tooLong: true}, nil
	}
	t := bytes.TrimSuffix(r.buf, []byte("\n"))
	t = bytes.TrimSuffix(t, []byte("\r"))
	if int64(len(t)) > r.max {
		return jsonLine{n: r.n, tooLong: true}, nil
	}
	return jsonLine{n: r.n, text: t}, nil
}

const jsonSpace = " \t\r\n"

// readError describes a failure to read a file.
func readError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // InputError names the path already
	}
	return sitrep.Errorf(sitrep.EINVALID, "cannot read: %v", err)
}

// gzipError describes a failure to decompress gzip data.
func gzipError(err error) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return sitrep.Errorf(sitrep.EINVALID, "unreadable gzip data: the file is truncated")
	case errors.Is(err, gzip.ErrChecksum):
		return sitrep.Errorf(sitrep.EINVALID, "unreadable gzip data: checksum mismatch")
	case errors.Is(err, gzip.ErrHeader):
		return sitrep.Errorf(sitrep.EINVALID, "unreadable gzip data: invalid header")
	case errors.As(err, &ce):
		return sitrep.Errorf(sitrep.EINVALID, "unreadable gzip data: corrupt at compressed byte %d", int64(ce))
	}
	return sitrep.Errorf(sitrep.EINVALID, "unreadable gzip data: %v", err)
}

// jsonMessage returns the message of a JSON decoding error.
func jsonMessage(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error()
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("found %s", te.Value)
	}
	return err.Error()
}

// formatSize formats a number of bytes for messages.
func formatSize(n int64) string {
	units := []string{"KiB", "MiB", "GiB", "TiB"}
	if n < 1024 {
		if n == 1 {
			return "1 byte"
		}
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n)/1024, 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d %s", int64(v), units[u])
	}
	return fmt.Sprintf("%.1f %s", v, units[u])
}
