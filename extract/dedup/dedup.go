// Package dedup finds near-duplicate documents, such as one agency story
// syndicated by several outlets with different boilerplate, using MinHash
// signatures of word 5-gram shingles and locality-sensitive hashing, so
// that the cost of checking a document stays constant as the set grows.
package dedup

import (
	"hash/fnv"
	"math"
	"strings"
	"unicode"
)

const (
	numHashes = 64
	bands     = 16
	rows      = numHashes / bands
	shingleN  = 5
)

// Match is an earlier document similar to the one checked.
type Match struct {
	Key        string
	Similarity float64 // estimated Jaccard similarity of shingle sets
}

// Index holds the signatures of the documents added so far. It is not
// safe for concurrent use.
type Index struct {
	// Threshold is the least estimated similarity reported; 0.7 when zero.
	Threshold float64
	sigs      map[string][numHashes]uint32
	buckets   map[uint64][]string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{sigs: map[string][numHashes]uint32{}, buckets: map[uint64][]string{}}
}

// Add records text under key and returns the earlier documents whose
// similarity reaches the threshold, most similar first. Adding a key again
// replaces nothing and returns no match with itself.
func (ix *Index) Add(key, text string) []Match {
	th := ix.Threshold
	if th == 0 {
		th = 0.7
	}
	sig, ok := signature(text)
	if !ok {
		return nil
	}
	cands := map[string]bool{}
	var bandKeys [bands]uint64
	for b := 0; b < bands; b++ {
		h := fnv.New64a()
		var buf [4]byte
		h.Write([]byte{byte(b)})
		for r := 0; r < rows; r++ {
			v := sig[b*rows+r]
			buf[0], buf[1], buf[2], buf[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
			h.Write(buf[:])
		}
		bandKeys[b] = h.Sum64()
		for _, k := range ix.buckets[bandKeys[b]] {
			if k != key {
				cands[k] = true
			}
		}
	}
	var out []Match
	for k := range cands {
		other := ix.sigs[k]
		same := 0
		for i := range sig {
			if sig[i] == other[i] {
				same++
			}
		}
		if s := float64(same) / numHashes; s >= th {
			out = append(out, Match{Key: k, Similarity: math.Round(s*100) / 100})
		}
	}
	if _, seen := ix.sigs[key]; !seen {
		ix.sigs[key] = sig
		for b := 0; b < bands; b++ {
			ix.buckets[bandKeys[b]] = append(ix.buckets[bandKeys[b]], key)
		}
	}
	sortMatches(out)
	return out
}

func sortMatches(m []Match) {
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && (m[j].Similarity > m[j-1].Similarity || m[j].Similarity == m[j-1].Similarity && m[j].Key < m[j-1].Key); j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

// signature computes the MinHash signature of text's word 5-grams, words
// lower-cased and stripped of punctuation. Texts of fewer than five words
// have no signature.
func signature(text string) ([numHashes]uint32, bool) {
	var sig [numHashes]uint32
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleN {
		return sig, false
	}
	for i := 0; i+shingleN <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleN] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		a, b := uint32(x), uint32(x>>32)
		for j := range sig {
			// Double hashing: h_j = a + j*b, a cheap family of hashes.
			v := a + uint32(j)*b + uint32(j*j)
			if v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}
