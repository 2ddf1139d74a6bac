package numfmt_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/numfmt"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 21578: "21,578", 1234567: "1,234,567", -4500: "-4,500"} {
		if g := numfmt.Thousands(n); g != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, g, want)
		}
	}
}
