// Package gazfile reads and writes the gazetteer file that package geo
// embeds and geo/gen builds. The file holds the entries column by column
// with the name index already built, so that loading it is decompressing
// and slicing, not parsing and hashing; the columns that do not compress
// (numbers that look random) are stored, so that they cost no decoding.
// See geo/README.md for the layout.
package gazfile

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/geo/internal/fold"
)

// Magic opens the uncompressed file.
const Magic = "sitrep-gazetteer-3\n"

// Scale is what coordinates are multiplied by to be stored as integers:
// four decimals, about 11 m.
const Scale = 1e4

// Row is one entry as the generator hands it over. Rows are in order of
// preference: the first row filed under a name is its best reading.
type Row struct {
	ID                                  string
	Name, Kind, Country, Admin1, Admin2 string
	Precision                           string // town, district, province, country, or "" (the kind's)
	Lat, Lon                            int32  // degrees × Scale
	Pop                                 uint32
	Aliases                             []string // other names, filed with Name under their fold.Key
}

// Data is a decoded file: one slice per column, indexed by row number,
// and the name index.
type Data struct {
	Notice string // the file's notice: provenance and licences
	// The distinct values of the columns Kind, Country, Admin1, Admin2
	// and Precision, "" first.
	Kinds, Countries, Admin1s, Admin2s, Precisions []string
	// Names holds the names end to end: row i's is Names[NameEnd[i-1]:NameEnd[i]].
	Names   string
	NameEnd []uint32
	// GeoNum is the number of a "geonames:<n>" ID, or 0 for the IDs
	// spelt out in TextIDs (row number → ID).
	GeoNum  []uint32
	TextIDs map[int32]string
	// Kind, Country, Admin1, Admin2 and Precision index Kinds,
	// Countries, Admin1s, Admin2s and Precisions.
	Kind, Country, Admin1, Admin2, Precision []uint16
	Lat, Lon                                 []int32 // degrees × Scale
	Pop                                      []uint32
	// Keys holds the index keys (fold.Key of names and aliases) end to
	// end, in sorted order: key k is Keys[KeyEnd[k-1]:KeyEnd[k]]. Filed
	// under it are the rows Rows[RowsEnd[k-1]:RowsEnd[k]], in row order.
	Keys    string
	KeyEnd  []uint32
	Rows    []int32
	RowsEnd []uint32
}

// Len returns the number of rows.
func (d *Data) Len() int { return len(d.NameEnd) }

// Name returns the name of row i.
func (d *Data) Name(i int32) string { return d.Names[start(d.NameEnd, int(i)):d.NameEnd[i]] }

// Key returns index key k.
func (d *Data) Key(k int) string { return d.Keys[start(d.KeyEnd, k):d.KeyEnd[k]] }

// KeyRows returns the rows filed under key k, best first.
// The slice's capacity ends with it, so appending to it copies.
func (d *Data) KeyRows(k int) []int32 {
	return d.Rows[start(d.RowsEnd, k):d.RowsEnd[k]:d.RowsEnd[k]]
}

// ID returns the ID of row i.
func (d *Data) ID(i int32) string {
	if n := d.GeoNum[i]; n != 0 {
		var b [32]byte
		return string(strconv.AppendUint(append(b[:0], "geonames:"...), uint64(n), 10))
	}
	return d.TextIDs[i]
}

func start(ends []uint32, i int) uint32 {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// Write writes rows as a gazetteer file: two gzip members, the first at
// the best compression, the second stored. The output depends only on
// notice, rows and the Go version.
func Write(w io.Writer, notice string, rows []Row) error {
	var packed, plain encoder
	packed.b = append(packed.b, Magic...)
	packed.str(notice)

	// One table of values a column, "" first, then the most frequent, so
	// that most indices take one byte.
	getters := [5]func(*Row) string{
		func(r *Row) string { return r.Kind },
		func(r *Row) string { return r.Country },
		func(r *Row) string { return r.Admin1 },
		func(r *Row) string { return r.Admin2 },
		func(r *Row) string { return r.Precision },
	}
	var cols [5][]uint64
	for c, get := range getters {
		count := map[string]int{"": len(rows) + 1}
		for i := range rows {
			count[get(&rows[i])]++
		}
		vs := make([]string, 0, len(count))
		for v := range count {
			vs = append(vs, v)
		}
		slices.SortFunc(vs, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
		if len(vs) > math.MaxUint16+1 {
			return fmt.Errorf("gazfile: %d distinct values in a column, want at most %d", len(vs), math.MaxUint16+1)
		}
		packed.uvarint(uint64(len(vs)))
		index := make(map[string]uint64, len(vs))
		for i, v := range vs {
			packed.str(v)
			index[v] = uint64(i)
		}
		cols[c] = make([]uint64, len(rows))
		for i := range rows {
			cols[c][i] = index[get(&rows[i])]
		}
	}

	packed.uvarint(uint64(len(rows)))
	for _, r := range rows {
		packed.uvarint(uint64(len(r.Name)))
	}
	for _, r := range rows {
		packed.b = append(packed.b, r.Name...)
	}
	for _, c := range []int{0, 1, 3, 4} { // kind, country, admin2, precision
		for _, v := range cols[c] {
			packed.uvarint(v)
		}
	}
	for _, r := range rows {
		packed.uvarint(uint64(r.Pop))
	}
	var textIDs []string
	for _, r := range rows {
		n := geoNum(r.ID)
		if n == 0 {
			textIDs = append(textIDs, r.ID)
		}
		plain.uvarint(uint64(n))
	}
	packed.uvarint(uint64(len(textIDs)))
	for _, s := range textIDs {
		packed.str(s)
	}
	for _, v := range cols[2] { // admin1
		plain.uvarint(v)
	}
	for _, r := range rows {
		plain.varint(int64(r.Lat))
	}
	for _, r := range rows {
		plain.varint(int64(r.Lon))
	}

	// The index: a row is filed once under each distinct key of its name
	// and aliases, as package geo built it when it read rows of text.
	index := map[string][]int32{}
	for i, r := range rows {
		for j := -1; j < len(r.Aliases); j++ {
			name := r.Name
			if j >= 0 {
				name = r.Aliases[j]
			}
			k := fold.Key(name)
			if k == "" {
				continue
			}
			if l := index[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				index[k] = append(l, int32(i))
			}
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	packed.uvarint(uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		p := 0
		for p < len(k) && p < len(prev) && k[p] == prev[p] {
			p++
		}
		packed.uvarint(uint64(p))
		packed.str(k[p:])
		prev = k
	}
	for _, k := range keys {
		packed.uvarint(uint64(len(index[k])))
	}
	for _, k := range keys {
		last := int32(0)
		for _, n := range index[k] {
			plain.uvarint(uint64(n - last))
			last = n
		}
	}

	total := len(packed.b) + len(plain.b)
	if total > maxSize {
		return fmt.Errorf("gazfile: %d bytes, want at most %d", total, maxSize)
	}
	for i, part := range []struct {
		b     []byte
		level int
	}{{packed.b, gzip.BestCompression}, {plain.b, gzip.NoCompression}} {
		zw, err := gzip.NewWriterLevel(w, part.level)
		if err != nil {
			return err
		}
		if i == 0 {
			zw.Header.Extra = sizeField(total)
		}
		if _, err := zw.Write(part.b); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return nil
}

// maxSize bounds the uncompressed file.
const maxSize = 1 << 30

// sizeField returns a gzip extra field (RFC 1952, 2.3.1.1) with subfield
// "SR" holding the uncompressed size of the file.
func sizeField(n int) []byte {
	b := []byte{'S', 'R', 4, 0, 0, 0, 0, 0}
	binary.LittleEndian.PutUint32(b[4:], uint32(n))
	return b
}

// sizeFrom returns the size in a gzip extra field made by sizeField, or 0.
func sizeFrom(extra []byte) int {
	for len(extra) >= 4 {
		n := int(binary.LittleEndian.Uint16(extra[2:]))
		if len(extra) < 4+n {
			break
		}
		if extra[0] == 'S' && extra[1] == 'R' && n == 4 {
			return int(binary.LittleEndian.Uint32(extra[4:]))
		}
		extra = extra[4+n:]
	}
	return 0
}

// geoNum returns n for a "geonames:<n>" ID written in the canonical
// form, else 0.
func geoNum(id string) uint32 {
	digits, ok := strings.CutPrefix(id, "geonames:")
	if !ok {
		return 0
	}
	n, err := strconv.ParseUint(digits, 10, 32)
	if err != nil || n == 0 || strconv.FormatUint(n, 10) != digits {
		return 0
	}
	return uint32(n)
}

type encoder struct{ b []byte }

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// ErrFormat reports a file that is not a gazetteer or is damaged.
var ErrFormat = errors.New("not a gazetteer file, or a damaged one")

// Read reads a file written by Write.
func Read(r io.Reader) (*Data, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	var b []byte
	if size := sizeFrom(zr.Header.Extra); size > 0 && size <= maxSize {
		b = make([]byte, size)
		if _, err := io.ReadFull(zr, b); err != nil {
			return nil, err
		}
		if n, err := zr.Read(make([]byte, 1)); n != 0 || err != io.EOF {
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, ErrFormat
		}
	} else if b, err = io.ReadAll(zr); err != nil {
		return nil, err
	}
	return Decode(b)
}

// Decode decodes an uncompressed file. The Data does not keep b.
func Decode(b []byte) (*Data, error) {
	if !bytes.HasPrefix(b, []byte(Magic)) {
		return nil, ErrFormat
	}
	d := &decoder{b: b[len(Magic):]}
	out := &Data{Notice: d.str()}
	tables := [5]*[]string{&out.Kinds, &out.Countries, &out.Admin1s, &out.Admin2s, &out.Precisions}
	for _, t := range tables {
		vs := make([]string, d.count())
		for i := range vs {
			vs[i] = d.str()
		}
		if len(vs) == 0 || vs[0] != "" || len(vs) > math.MaxUint16+1 {
			return nil, ErrFormat
		}
		*t = vs
	}
	max := func(t []string) uint64 { return uint64(len(t) - 1) }

	n := d.count()
	out.NameEnd = d.u32s(n, math.MaxUint32)
	end := uint64(0)
	for i, l := range out.NameEnd {
		end += uint64(l)
		out.NameEnd[i] = uint32(end)
	}
	if end > math.MaxUint32 {
		return nil, ErrFormat
	}
	out.Names = d.str0(end)
	out.Kind = d.u16s(n, max(out.Kinds))
	out.Country = d.u16s(n, max(out.Countries))
	out.Admin2 = d.u16s(n, max(out.Admin2s))
	out.Precision = d.u16s(n, max(out.Precisions))
	out.Pop = d.u32s(n, math.MaxUint32)
	textIDs := make([]string, d.count())
	for i := range textIDs {
		textIDs[i] = d.str()
	}
	nk := d.count()
	keys := make([]byte, 0, 12*nk)
	out.KeyEnd = make([]uint32, nk)
	prev := 0 // where the previous key starts in keys
	for k := range out.KeyEnd {
		p := d.uvarint()
		suffix := d.raw(d.uvarint())
		if p > uint64(len(keys)-prev) {
			d.fail()
			break
		}
		start := len(keys)
		keys = append(keys, keys[prev:prev+int(p)]...)
		keys = append(keys, suffix...)
		out.KeyEnd[k] = uint32(len(keys))
		prev = start
	}
	out.Keys = string(keys)
	out.RowsEnd = d.u32s(nk, uint64(n))
	end = 0
	for k, l := range out.RowsEnd {
		if l == 0 {
			d.fail()
		}
		end += uint64(l)
		out.RowsEnd[k] = uint32(end)
	}

	// The stored part.
	out.GeoNum = d.u32s(n, math.MaxUint32)
	out.Admin1 = d.u16s(n, max(out.Admin1s))
	out.Lat = d.i32s(n)
	out.Lon = d.i32s(n)
	if end > uint64(len(d.b)) { // a row takes a byte at least
		d.fail()
		end = 0
	}
	out.Rows = make([]int32, end)
	prevEnd := uint32(0)
	for _, e := range out.RowsEnd {
		if d.err != nil {
			break
		}
		row := uint64(0)
		for j := prevEnd; j < e; j++ {
			delta := d.uvarint()
			if j > prevEnd && delta == 0 {
				d.fail()
			}
			row += delta
			if row >= uint64(n) {
				d.fail()
				break
			}
			out.Rows[j] = int32(row)
		}
		prevEnd = e
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}

	out.TextIDs = make(map[int32]string, len(textIDs))
	for i, v := range out.GeoNum {
		if v == 0 {
			if len(textIDs) == 0 {
				return nil, ErrFormat
			}
			out.TextIDs[int32(i)], textIDs = textIDs[0], textIDs[1:]
		}
	}
	if len(textIDs) != 0 {
		return nil, ErrFormat
	}
	// Keys must be sorted and distinct, so that each is filed once.
	for k := 1; k < nk; k++ {
		if out.Key(k-1) >= out.Key(k) {
			return nil, ErrFormat
		}
	}
	return out, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = ErrFormat
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a number of items, each of which takes a byte at least, so
// that a damaged count cannot make the decoder allocate more than the
// file could hold.
func (d *decoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(v)
}

// raw returns the next n bytes, not copied.
func (d *decoder) raw(n uint64) []byte {
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

// str0 returns the next n bytes as a string.
func (d *decoder) str0(n uint64) string { return string(d.raw(n)) }

// str reads a string written by encoder.str.
func (d *decoder) str() string { return d.str0(d.uvarint()) }

// u32s reads n uvarints of at most max.
func (d *decoder) u32s(n int, max uint64) []uint32 { return uvarints[uint32](d, n, max) }

// u16s reads n uvarints of at most max, which is below 1<<16.
func (d *decoder) u16s(n int, max uint64) []uint16 { return uvarints[uint16](d, n, max) }

// uvarints reads n uvarints of at most max into a slice of T.
func uvarints[T uint16 | uint32](d *decoder, n int, max uint64) []T {
	out := make([]T, n)
	b := d.b
	for i := range out {
		var v uint64
		if len(b) > 0 && b[0] < 0x80 {
			v, b = uint64(b[0]), b[1:]
		} else {
			x, k := binary.Uvarint(b)
			if k <= 0 {
				d.fail()
				return out
			}
			v, b = x, b[k:]
		}
		if v > max {
			d.fail()
			return out
		}
		out[i] = T(v)
	}
	d.b = b
	return out
}

// i32s reads n varints that fit in an int32.
func (d *decoder) i32s(n int) []int32 {
	out := make([]int32, n)
	b := d.b
	for i := range out {
		v, k := binary.Varint(b)
		if k <= 0 || v < math.MinInt32 || v > math.MaxInt32 {
			d.fail()
			return out
		}
		out[i], b = int32(v), b[k:]
	}
	d.b = b
	return out
}
