package dedup_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/extract/dedup"
)

// vocabulary is a list of words to build synthetic texts from.
var vocabulary = strings.Fields(`police officials said attack district province
gunmen killed wounded checkpoint border security forces militants group claimed
responsibility government minister spokesman statement army soldiers convoy
bomb blast market town village city capital region elders tribal leaders talks
ceasefire agreement strike workers port traders prices wages union committee
court judge trial verdict prison sentence election vote party parliament
opposition protest rally march crowd road bridge hospital doctors patients
school students teachers flood rain river water crops farmers drought
Monday Tuesday Wednesday Thursday Friday Saturday Sunday morning evening night
north south east west northern southern eastern western three four five six`)

// text returns n pseudo-random words, the same for the same seed.
func text(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

func TestIdentical(t *testing.T) {
	ix := dedup.NewIndex()
	body := text(1, 300)
	if m := ix.Add("a", body); len(m) != 0 {
		t.Fatalf("first document matched %v", m)
	}
	m := ix.Add("b", body)
	if len(m) != 1 || m[0].Key != "a" || m[0].Similarity != 1 {
		t.Fatalf("identical text: %v, want a with similarity 1", m)
	}
	// Case, punctuation and white space do not count.
	m = ix.Add("c", strings.ToUpper(strings.ReplaceAll(body, " ", ",\n  ")))
	if len(m) != 2 || m[0].Similarity != 1 || m[1].Similarity != 1 {
		t.Errorf("same words, other case and punctuation: %v", m)
	}
}

func TestSyndicatedCopy(t *testing.T) {
	ix := dedup.NewIndex()
	body := text(2, 300)
	ix.Add("agency", "Frontier Daily | Home | World | Asia\nBy Staff Reporter\n"+body+"\nShare this story on Facebook and Twitter\nCopyright 2024 Frontier Daily. All rights reserved.")
	ix.Add("unrelated", text(3, 300))
	m := ix.Add("copy", "Skip to content\nThe Evening Post\nPosted 25 June 2024 by the wire desk\n"+body+"\nRelated: more news from the region\nSubscribe to our newsletter for daily updates\nLeave a comment")
	if len(m) != 1 || m[0].Key != "agency" || m[0].Similarity < 0.7 {
		t.Errorf("syndicated copy with other header and footer: %v, want agency with similarity >= 0.7", m)
	}
	// A copy with an edited paragraph still matches; a copy of half the
	// story does not reach the threshold.
	words := strings.Fields(body)
	edited := strings.Join(words[:150], " ") + " officials later said the figures were revised " + strings.Join(words[160:], " ")
	if m := ix.Add("edited", edited); len(m) == 0 || m[0].Key != "agency" && m[0].Key != "copy" {
		t.Errorf("edited copy: %v", m)
	}
	if m := ix.Add("half", strings.Join(words[:150], " ")+" "+text(4, 150)); len(m) != 0 {
		t.Errorf("half the story matched %v", m)
	}
}

func TestUnrelated(t *testing.T) {
	ix := dedup.NewIndex()
	for i := uint64(0); i < 200; i++ {
		if m := ix.Add(fmt.Sprint(i), text(100+i, 200)); len(m) != 0 {
			t.Fatalf("unrelated text %d matched %v", i, m)
		}
	}
}

func TestShortTexts(t *testing.T) {
	ix := dedup.NewIndex()
	for _, s := range []string{"", "one", "four words in all", "  , . ; ", "only four, words here!"} {
		if m := ix.Add("x"+s, s); m != nil {
			t.Errorf("%q: %v", s, m)
		}
		if m := ix.Add("y"+s, s); m != nil {
			t.Errorf("%q twice: %v, want no signature for fewer than five words", s, m)
		}
	}
	// Five words are enough.
	ix.Add("five", "gunmen attacked the police checkpoint")
	if m := ix.Add("five again", "Gunmen attacked the police checkpoint."); len(m) != 1 {
		t.Errorf("five words: %v", m)
	}
}

func TestSameKeyAgain(t *testing.T) {
	ix := dedup.NewIndex()
	body := text(5, 100)
	ix.Add("a", body)
	if m := ix.Add("a", body); len(m) != 0 {
		t.Errorf("a key matched itself: %v", m)
	}
	if m := ix.Add("b", body); len(m) != 1 || m[0].Key != "a" {
		t.Errorf("after adding a twice: %v, want one match", m)
	}
}

func TestThreshold(t *testing.T) {
	body := strings.Fields(text(6, 300))
	// About a third of the shingles differ.
	changed := append([]string(nil), body...)
	for i := 0; i < len(changed); i += 15 {
		changed[i] = "changed"
	}
	for _, tc := range []struct {
		th   float64
		want bool
	}{{0, false}, {0.2, true}, {0.99, false}} {
		ix := dedup.NewIndex()
		ix.Threshold = tc.th
		ix.Add("a", strings.Join(body, " "))
		m := ix.Add("b", strings.Join(changed, " "))
		if (len(m) == 1) != tc.want {
			t.Errorf("threshold %v: %v, want match %v", tc.th, m, tc.want)
		}
	}
}

// TestOrder checks that matches come most similar first, then by key,
// whatever the order of Go's maps.
func TestOrder(t *testing.T) {
	body := strings.Fields(text(7, 400))
	variant := func(step int) string {
		w := append([]string(nil), body...)
		if step > 0 {
			for i := 0; i < len(w); i += step {
				w[i] = "variant"
			}
		}
		return strings.Join(w, " ")
	}
	var first []dedup.Match
	for run := 0; run < 20; run++ {
		ix := dedup.NewIndex()
		ix.Threshold = 0.3
		for _, k := range []string{"m", "c", "x", "a", "q"} {
			ix.Add(k, variant(0)) // five identical copies
		}
		ix.Add("far", variant(40))
		ix.Add("farther", variant(25))
		got := ix.Add("new", variant(0))
		if run == 0 {
			first = got
			if len(got) != 7 {
				t.Fatalf("matches %v, want 7", got)
			}
			for i := 1; i < len(got); i++ {
				a, b := got[i-1], got[i]
				if a.Similarity < b.Similarity || a.Similarity == b.Similarity && a.Key >= b.Key {
					t.Errorf("matches out of order: %v", got)
				}
			}
			if got[0].Key != "a" || got[4].Key != "x" {
				t.Errorf("equal matches not sorted by key: %v", got)
			}
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(first) {
			t.Fatalf("run %d: %v, run 1: %v", run+1, got, first)
		}
	}
}

// BenchmarkAdd adds documents to an index of growing size. The cost per
// document is constant: the sub-benchmarks should show the same ns/op.
func BenchmarkAdd(b *testing.B) {
	const docs = 10000
	texts := make([]string, docs)
	for i := range texts {
		texts[i] = text(uint64(i), 400)
	}
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	for _, n := range []int{0, 1000, 10000} {
		b.Run(fmt.Sprintf("index=%d", n), func(b *testing.B) {
			// The index holds n other documents before the timing starts.
			ix := dedup.NewIndex()
			for i := 0; i < n; i++ {
				ix.Add("base"+strconv.Itoa(i), text(uint64(docs+i), 400))
			}
			b.SetBytes(size / docs)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// A fresh key each time, so that each Add does the full work.
				ix.Add(strconv.Itoa(i), texts[i%docs])
				i++
			}
		})
	}
}
