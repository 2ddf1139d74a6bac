package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature is the FNV-1a hash of its template byte and
// its string parts; the model stores weights for hashes only.
const (
	fBias byte = iota + 1
	fLower
	fWord
	fShape
	fPrefix
	fSuffix
	fClass
	fPrev1
	fNext1
	fPrev2
	fNext2
	fShapePrev1
	fShapeNext1
	fShapePrev2
	fShapeNext2
	fBigramPrev
	fBigramNext
	fShapeTri
	fLex
	fLexPrev1
	fLexNext1
	fLexPrev2
	fLexNext2
	fPart
	fRun
	fRunLastLex
	fRunBefore
	fRunAfter
	fLowerSeen
	fLen
	fShapePrevWord
	fRunLastWord
	fRunFirstWord
	fClassPrevClass
	fGaz
	fGazPrev1
	fGazNext1
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashStr(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint32, b byte) uint32 {
	h ^= uint32(b)
	return h * fnvPrime
}

func h1(t byte, a string) uint32 { return hashStr(hashByte(fnvOffset, t), a) }

func h2(t byte, a, b string) uint32 {
	return hashStr(hashByte(hashStr(hashByte(fnvOffset, t), a), 0x1f), b)
}

func h3(t byte, a, b, c string) uint32 {
	return hashStr(hashByte(hashStr(hashByte(hashStr(hashByte(fnvOffset, t), a), 0x1f), b), 0x1f), c)
}

func hLex(t byte, bits uint16, extra byte) uint32 {
	h := hashByte(fnvOffset, t)
	h = hashByte(h, byte(bits))
	h = hashByte(h, byte(bits>>8))
	return hashByte(h, extra)
}

// wordInfo is what the features need to know about one token.
type wordInfo struct {
	word, lower, shape string
	lex                uint16
	class              byte // 'l' lower, 'C' capitalised, 'A' all caps, 'M' mixed, 'd' digits, 'p' punctuation
	cap                bool // starts with an upper-case letter
	runStart, runEnd   int  // capitalised run containing the token, or -1
	gaz                byte // gazetteer class of the place name the token is part of (see placeClass), or 0
	gazPos             byte // 'B' first word of that name, 'I' a later one
}

// shapeOf maps letters to X/x, digits to d, and collapses repeats.
func shapeOf(s string, buf []byte) string {
	buf = buf[:0]
	var last byte
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c != last {
			buf = append(buf, c)
			last = c
		}
	}
	return shapeIntern(buf)
}

var shapeCache = map[string]string{}

func init() {
	for _, s := range strings.Fields(`X x Xx XxX x.x. X.X. X.X.X. Xx. X. d d.d d,d x-x Xx-Xx Xx-x-Xx Xx-x Xx'x x'x X-X X-d . , : ; ' " ( ) - ? ! xX xXx dx Xd XxXx`) {
		shapeCache[s] = s
	}
}

func shapeIntern(b []byte) string {
	if s, ok := shapeCache[string(b)]; ok {
		return s
	}
	if len(b) > 8 {
		b = b[:8]
	}
	return string(b)
}

func classOf(w string) (byte, bool) {
	var up, low, dig, other int
	first := true
	startsUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			up++
			if first {
				startsUpper = true
			}
		case unicode.IsLetter(r):
			low++
		case unicode.IsDigit(r):
			dig++
		default:
			other++
		}
		first = false
	}
	switch {
	case dig > 0:
		return 'd', false
	case up == 0 && low == 0:
		return 'p', false
	case up == 0:
		return 'l', false
	case low == 0:
		return 'A', startsUpper
	case startsUpper && up == 1:
		return 'C', true
	default:
		return 'M', startsUpper
	}
}

// analyse fills infos for the words of one sentence.
func analyse(words []string, infos []wordInfo) []wordInfo {
	infos = infos[:0]
	var buf [32]byte
	for _, w := range words {
		lw := strings.ToLower(w)
		cl, cp := classOf(w)
		infos = append(infos, wordInfo{word: w, lower: lw, shape: shapeOf(w, buf[:0]), lex: lexClass(lw), class: cl, cap: cp, runStart: -1, runEnd: -1})
	}
	// capitalised runs, allowing name particles between capitalised words
	for i := 0; i < len(infos); {
		if !infos[i].cap {
			i++
			continue
		}
		j := i + 1
		for j < len(infos) {
			if infos[j].cap {
				j++
				continue
			}
			if infos[j].lex&lexNameParticle != 0 && j+1 < len(infos) && infos[j+1].cap {
				j += 2
				continue
			}
			break
		}
		for k := i; k < j; k++ {
			infos[k].runStart, infos[k].runEnd = i, j
		}
		if places != nil {
			markPlaces(infos, i, j)
		}
		i = j
	}
	return infos
}

// markPlaces marks the longest gazetteer names, of up to four words, in
// the capitalised run infos[i:j].
func markPlaces(infos []wordInfo, i, j int) {
	var b strings.Builder
	for s := i; s < j; {
		matched := 0
		for n := min(4, j-s); n >= 1; n-- {
			b.Reset()
			for k := s; k < s+n; k++ {
				if k > s {
					b.WriteByte(' ')
				}
				b.WriteString(infos[k].word)
			}
			if c := places.class(b.String()); c != 0 {
				for k := s; k < s+n; k++ {
					infos[k].gaz, infos[k].gazPos = c, 'I'
				}
				infos[s].gazPos = 'B'
				matched = n
				break
			}
		}
		s += max(matched, 1)
	}
}

var (
	padPrev = wordInfo{word: "<s>", lower: "<s>", shape: "<s>", class: 's', runStart: -1}
	padNext = wordInfo{word: "</s>", lower: "</s>", shape: "</s>", class: 's', runStart: -1}
)

func at(infos []wordInfo, i int) *wordInfo {
	if i < 0 {
		return &padPrev
	}
	if i >= len(infos) {
		return &padNext
	}
	return &infos[i]
}

func lexFeats(out []uint32, t byte, bits uint16, extra byte) []uint32 {
	for b := 0; bits != 0; b++ {
		if bits&1 != 0 {
			out = append(out, hLex(t, 1<<b, extra))
		}
		bits >>= 1
	}
	return out
}

// tokenFeatures appends the feature hashes of token i to out.
func tokenFeatures(out []uint32, infos []wordInfo, i int, lowerSeen map[string]bool) []uint32 {
	w := &infos[i]
	p1, n1, p2, n2 := at(infos, i-1), at(infos, i+1), at(infos, i-2), at(infos, i+2)
	out = append(out, h1(fBias, ""))
	out = append(out, h1(fLower, w.lower))
	if w.class != 'l' {
		out = append(out, h1(fWord, w.word))
	}
	out = append(out, h1(fShape, w.shape))
	// prefixes and suffixes by bytes, only on rune boundaries
	lw := w.lower
	for k := 1; k <= 4 && k < len(lw); k++ {
		if utf8.RuneStart(lw[k]) {
			out = append(out, h1(fPrefix, lw[:k]))
		}
		if utf8.RuneStart(lw[len(lw)-k]) {
			out = append(out, h1(fSuffix, lw[len(lw)-k:]))
		}
	}
	first := byte('0')
	if i == 0 {
		first = '1'
	}
	out = append(out, h1(fClass, string([]byte{w.class, first})))
	out = append(out, h1(fClassPrevClass, string([]byte{p1.class, w.class, n1.class})))
	out = append(out, h1(fPrev1, p1.lower), h1(fNext1, n1.lower), h1(fPrev2, p2.lower), h1(fNext2, n2.lower))
	out = append(out, h1(fShapePrev1, p1.shape), h1(fShapeNext1, n1.shape), h1(fShapePrev2, p2.shape), h1(fShapeNext2, n2.shape))
	out = append(out, h2(fBigramPrev, p1.lower, w.lower), h2(fBigramNext, w.lower, n1.lower))
	out = append(out, h3(fShapeTri, p1.shape, w.shape, n1.shape))
	out = append(out, h2(fShapePrevWord, p1.lower, w.shape))
	out = lexFeats(out, fLex, w.lex, w.class)
	out = lexFeats(out, fLexPrev1, p1.lex, 0)
	out = lexFeats(out, fLexNext1, n1.lex, 0)
	out = lexFeats(out, fLexPrev2, p2.lex, 0)
	out = lexFeats(out, fLexNext2, n2.lex, 0)
	if strings.IndexByte(lw, '-') > 0 {
		for part := range strings.SplitSeq(lw, "-") {
			if part != "" {
				out = append(out, h1(fPart, part))
				out = lexFeats(out, fPart, lexClass(part), 'p')
			}
		}
	}
	if len(lw) > 12 {
		out = append(out, h1(fLen, "long"))
	} else if len(lw) <= 2 {
		out = append(out, h1(fLen, "short"))
	}
	if w.cap {
		if lowerSeen[w.lower] {
			out = append(out, h1(fLowerSeen, string([]byte{'y', first})))
		} else {
			out = append(out, h1(fLowerSeen, string([]byte{'n', first})))
		}
	}
	if w.gaz != 0 {
		out = append(out, h1(fGaz, string([]byte{w.gaz, w.gazPos})))
	}
	if p1.gaz != 0 {
		out = append(out, h1(fGazPrev1, string([]byte{p1.gaz})))
	}
	if n1.gaz != 0 {
		out = append(out, h1(fGazNext1, string([]byte{n1.gaz})))
	}
	if w.runStart >= 0 {
		n := w.runEnd - w.runStart
		pos := byte('I')
		switch {
		case n == 1:
			pos = 'S'
		case i == w.runStart:
			pos = 'B'
		case i == w.runEnd-1:
			pos = 'E'
		}
		ln := byte('0' + min(n, 5))
		out = append(out, h1(fRun, string([]byte{pos, ln})))
		last := &infos[w.runEnd-1]
		out = lexFeats(out, fRunLastLex, last.lex, pos)
		out = append(out, h2(fRunLastWord, last.lower, string(pos)))
		out = append(out, h2(fRunFirstWord, infos[w.runStart].lower, string(pos)))
		out = append(out, h2(fRunBefore, at(infos, w.runStart-1).lower, string(pos)))
		out = append(out, h2(fRunAfter, at(infos, w.runEnd).lower, string(pos)))
	}
	return out
}
