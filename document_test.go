package sitrep_test

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestParseDateBound(t *testing.T) {
	tests := []struct {
		in        string
		end       bool
		want, err string
	}{
		{in: "2024-06-04", want: "2024-06-04"},
		{in: "2024-06-04", end: true, want: "2024-06-04"},
		{in: " 2024 ", want: "2024-01-01"},
		{in: "2024", end: true, want: "2024-12-31"},
		{in: "2024-02", want: "2024-02-01"},
		{in: "2024-02", end: true, want: "2024-02-29"},
		{in: "2023-02", end: true, want: "2023-02-28"},
		{in: "0000", err: "invalid"},
		{in: "2024-13", err: "invalid"},
		{in: "June 2024", err: "invalid"},
		{in: "", err: "invalid"},
	}
	for _, tt := range tests {
		d, err := sitrep.ParseDateBound(tt.in, tt.end)
		if tt.err != "" {
			if err == nil {
				t.Errorf("ParseDateBound(%q) = %s, want an error", tt.in, d)
			}
			continue
		}
		if err != nil || d.String() != tt.want {
			t.Errorf("ParseDateBound(%q, %v) = %s, %v; want %s", tt.in, tt.end, d, err, tt.want)
		}
	}
}
