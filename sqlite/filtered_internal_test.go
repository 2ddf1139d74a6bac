package sqlite

import (
	"slices"
	"testing"
)

func TestKeySets(t *testing.T) {
	a := descending([]int64{3, 9, 1, 9, 7, 5})
	if want := []int64{9, 7, 5, 3, 1}; !slices.Equal(a, want) {
		t.Fatalf("descending: %v, want %v", a, want)
	}
	for _, tc := range []struct{ a, b, want []int64 }{
		{[]int64{9, 7, 5, 3, 1}, []int64{8, 7, 3, 2}, []int64{7, 3}},
		{[]int64{9, 7}, nil, []int64{}},
		{nil, []int64{1}, []int64{}},
		{[]int64{5, 4}, []int64{5, 4}, []int64{5, 4}},
	} {
		if got := intersect(slices.Clone(tc.a), tc.b); !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("intersect(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if got := keyList([]int64{12, 3}); got != "[12,3]" {
		t.Errorf("keyList = %s", got)
	}
	if got := keyList(nil); got != "[]" {
		t.Errorf("keyList(nil) = %s", got)
	}
}
