package tagger

import (
	"strings"
	"testing"
)

func TestApplyRules(t *testing.T) {
	lab := func(s string) []int {
		var out []int
		for _, l := range strings.Fields(s) {
			out = append(out, LabelIndex(l))
		}
		return out
	}
	for _, tt := range []struct{ words, in, want string }{
		{"The Ministry of Health said", "B-ORG I-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O"},
		{"shares of Safaricom PLC rose", "O O B-PER I-PER O", "O O B-ORG I-ORG O"},
		{"Gor Mahia FC won", "B-PER I-PER O O", "B-ORG I-ORG I-ORG O"},
		{"Gor Mahia FC Nairobi won", "O O O B-LOC O", "O O O B-LOC O"}, // the run does not end in FC
		{"Kenya Airways flew", "B-PER I-PER O", "B-ORG I-ORG O"},
		{"Iraqi Interior Ministry said", "B-NORP B-ORG I-ORG O", "B-NORP B-ORG I-ORG O"},
		{"the Labour Party won", "O B-ORG I-ORG O", "O B-ORG I-ORG O"},
		{"Party leaders met", "O O O", "O O O"}, // a head word alone
	} {
		words := strings.Fields(tt.words)
		labels := lab(tt.in)
		applyRules(analyse(words, nil), labels)
		if got := lab(tt.want); !equalInts(labels, got) {
			t.Errorf("%q: got %v, want %v", tt.words, labels, got)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
