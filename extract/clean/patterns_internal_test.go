package clean

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitWordsIsFields(t *testing.T) {
	for _, line := range []string{"", "  ", "12 Comments", "Share on Facebook · Tweet", "— Jane Doe says: Nov. 19, 2019 at 9:01 pm",
		"Image 1 of 8", "ŁÓDŹ, Poland (Reuters) – Ärzte\u00a0sagten\u3000am Montag", "a-b c_d 'e' f's"} {
		key := normalizeKey(line)
		if got, want := splitWords(nil, key), strings.Fields(key); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("splitWords(%q) = %q, want %q", key, got, want)
		}
	}
}
