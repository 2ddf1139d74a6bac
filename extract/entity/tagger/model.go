package tagger

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// Labels are the BIO tags the model predicts, in model order.
var Labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-NORP", "I-NORP"}

// nL is the number of labels.
const nL = 9

// typeNames maps a label's type to the Mention type.
var typeNames = map[string]string{"PER": "person", "ORG": "organization", "LOC": "location", "NORP": "norp"}

// LabelIndex returns the index of a BIO label, or -1.
func LabelIndex(l string) int { return slices.Index(Labels, l) }

// allowed reports whether label b may follow label a (a == nL: start).
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 { // O or B-X
		return true
	}
	return a != nL && a != 0 && (a+1)/2 == b/2 // I-X after B-X or I-X
}

// Model holds the weights of a linear sequence tagger.
type Model struct {
	slots []slot // open addressing table of feature hashes
	mask  uint32
	w     []float32 // nFeat × nL
	trans [nL + 1][nL]float32
	// lowerSeen lists words seen in lower case in the training data.
	lowerSeen map[string]bool
}

// slot is a feature hash and the row of its weights in w, side by side
// so that a look-up reads one cache line. key 0 marks an empty slot.
type slot struct {
	key uint32
	row int32
}

func newModel(n int) *Model {
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	return &Model{slots: make([]slot, size), mask: uint32(size - 1), lowerSeen: map[string]bool{}}
}

func fixKey(h uint32) uint32 {
	if h == 0 {
		return 1
	}
	return h
}

func (m *Model) insert(h uint32, row int32) {
	h = fixKey(h)
	i := (h * 0x9E3779B1) & m.mask
	for m.slots[i].key != 0 {
		if m.slots[i].key == h {
			m.slots[i].row = row
			return
		}
		i = (i + 1) & m.mask
	}
	m.slots[i] = slot{h, row}
}

func (m *Model) lookup(h uint32) int32 {
	h = fixKey(h)
	i := (h * 0x9E3779B1) & m.mask
	for {
		s := m.slots[i]
		if s.key == h {
			return s.row
		}
		if s.key == 0 {
			return -1
		}
		i = (i + 1) & m.mask
	}
}

// addWeights adds the weights of the features fs to sc, in the order of
// fs. It looks the features up in passes: first it reads the first slot
// of every feature, with no branch between the reads, so that the
// processor can wait for all of them at once instead of one by one; then
// it settles each feature (found, absent, or further along the probe
// sequence); then it adds the rows. The result is that of adding
// lookup(h) feature by feature.
func (m *Model) addWeights(sc *[nL]float32, fs []uint32, buf *lookupBuf) {
	n := len(fs)
	if cap(buf.first) < n {
		buf.first = make([]slot, n)
		buf.rows = make([]int32, n)
	}
	first, rows := buf.first[:n], buf.rows[:n]
	for j, h := range fs {
		first[j] = m.slots[(fixKey(h)*0x9E3779B1)&m.mask]
	}
	for j, h := range fs {
		h = fixKey(h)
		switch first[j].key {
		case h:
			rows[j] = first[j].row
		case 0:
			rows[j] = -1
		default:
			rows[j] = m.lookup(h)
		}
	}
	for _, r := range rows {
		if r >= 0 {
			w := (*[nL]float32)(m.w[int(r)*nL:])
			for l := range nL {
				sc[l] += w[l]
			}
		}
	}
}

// lookupBuf is addWeights' scratch space.
type lookupBuf struct {
	first []slot
	rows  []int32
}

// viterbi returns the best label sequence for emission scores (n × nL).
func viterbi(scores []float32, trans *[nL + 1][nL]float32, out []int, back []int8) []int {
	n := len(scores) / nL
	out = out[:0]
	if n == 0 {
		return out
	}
	var prev, cur [nL]float32
	neg := float32(math.Inf(-1))
	for b := range nL {
		if allowed(nL, b) {
			prev[b] = trans[nL][b] + scores[b]
		} else {
			prev[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		for b := range nL {
			best, arg := neg, 0
			// The labels allowed before b (see allowed), in increasing
			// order as the ties are broken: all before O or B-X, B-X and
			// I-X before I-X.
			if b == 0 || b%2 == 1 {
				for a := range nL {
					if prev[a] == neg {
						continue
					}
					if s := prev[a] + trans[a][b]; s > best {
						best, arg = s, a
					}
				}
			} else {
				for a := b - 1; a <= b; a++ {
					if prev[a] == neg {
						continue
					}
					if s := prev[a] + trans[a][b]; s > best {
						best, arg = s, a
					}
				}
			}
			cur[b] = best + scores[i*nL+b]
			back[i*nL+b] = int8(arg)
		}
		prev = cur
	}
	best, arg := neg, 0
	for b := range nL {
		if prev[b] > best {
			best, arg = prev[b], b
		}
	}
	for range n {
		out = append(out, 0)
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*nL+arg])
		out[i-1] = arg
	}
	return out
}

// Save writes the model, gzip-compressed. Weights are stored sparsely and
// quantised to 16 bits.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	for _, row := range m.trans {
		for _, v := range row {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	q := func(v float32) int16 { return int16(math.Round(float64(v / scale))) }
	put := func(v any) { _ = binary.Write(bw, binary.LittleEndian, v) }
	bw.WriteString(magic)
	put(scale)
	for _, row := range m.trans {
		for _, v := range row {
			put(q(v))
		}
	}
	words := make([]string, 0, len(m.lowerSeen))
	for s := range m.lowerSeen {
		words = append(words, s)
	}
	slices.Sort(words)
	put(uint32(len(words)))
	for _, s := range words {
		put(uint8(len(s)))
		bw.WriteString(s)
	}
	// features sorted by key, keys delta-coded
	type feat struct {
		key uint32
		row int32
	}
	var feats []feat
	for _, s := range m.slots {
		if s.key == 0 {
			continue
		}
		nz := false
		for l := range nL {
			if q(m.w[int(s.row)*nL+l]) != 0 {
				nz = true
			}
		}
		if nz {
			feats = append(feats, feat{s.key, s.row})
		}
	}
	slices.SortFunc(feats, func(a, b feat) int { return int(int64(a.key) - int64(b.key)) })
	put(uint32(len(feats)))
	var prevKey uint32
	var vb [binary.MaxVarintLen64]byte
	for _, f := range feats {
		bw.Write(vb[:binary.PutUvarint(vb[:], uint64(f.key-prevKey))])
		prevKey = f.key
		var mask uint16
		for l := range nL {
			if q(m.w[int(f.row)*nL+l]) != 0 {
				mask |= 1 << l
			}
		}
		put(mask)
		for l := range nL {
			if v := q(m.w[int(f.row)*nL+l]); v != 0 {
				bw.Write(vb[:binary.PutVarint(vb[:], int64(v))])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

const magic = "sitrep-ner-1\n"

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("tagger: not a model file")
	}
	d := decoder{b: data[len(magic):]}
	scale := math.Float32frombits(d.u32())
	var trans [nL + 1][nL]float32
	for a := range trans {
		for b := range trans[a] {
			trans[a][b] = float32(int16(d.u16())) * scale
		}
	}
	nw := int(d.u32())
	seen := make(map[string]bool, nw)
	for range nw {
		n := int(d.u8())
		seen[d.str(n)] = true
	}
	nf := int(d.u32())
	if d.err != nil || nf > len(d.b) {
		return nil, errors.New("tagger: corrupt model file")
	}
	m := newModel(nf)
	m.trans = trans
	m.lowerSeen = seen
	m.w = make([]float32, nf*nL)
	var key uint32
	for i := range nf {
		key += uint32(d.uvarint())
		mask := d.u16()
		for l := range nL {
			if mask&(1<<l) != 0 {
				m.w[i*nL+l] = float32(d.varint()) * scale
			}
		}
		m.insert(key, int32(i))
	}
	if d.err != nil {
		return nil, fmt.Errorf("tagger: corrupt model file: %w", d.err)
	}
	return m, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) need(n int) bool {
	if d.err == nil && len(d.b) < n {
		d.err = io.ErrUnexpectedEOF
	}
	return d.err == nil
}

func (d *decoder) u8() uint8 {
	if !d.need(1) {
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) u16() uint16 {
	if !d.need(2) {
		return 0
	}
	v := binary.LittleEndian.Uint16(d.b)
	d.b = d.b[2:]
	return v
}

func (d *decoder) u32() uint32 {
	if !d.need(4) {
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

func (d *decoder) str(n int) string {
	if !d.need(n) {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if !d.skip(n) {
		return 0
	}
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if !d.skip(n) {
		return 0
	}
	return v
}

// skip consumes the n bytes a varint read, or records a truncated input
// when n reports an error.
func (d *decoder) skip(n int) bool {
	if n <= 0 {
		if d.err == nil {
			d.err = io.ErrUnexpectedEOF
		}
		return false
	}
	d.b = d.b[n:]
	return true
}

//go:embed model.bin.gz
var embedded []byte

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the tagger with the model built into the binary. It is
// loaded once; the Tagger is safe for concurrent use.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		// The gazetteer (for the place features) and the model load side
		// by side: start-up is the longer of the two, not their sum.
		placesErr := make(chan error, 1)
		go func() { placesErr <- UsePlaces() }()
		m, err := Load(bytes.NewReader(embedded))
		if perr := <-placesErr; err == nil {
			err = perr
		}
		if err != nil {
			defaultErr = err
			return
		}
		defaultTagger = New(m)
	})
	return defaultTagger, defaultErr
}
