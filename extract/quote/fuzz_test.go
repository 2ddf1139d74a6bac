package quote_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind runs the quote and claim stages over arbitrary text: they must
// not panic and every span must lie in the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`“A,” he said. “B.”`,
		`"Unclosed quote, he said`,
		`” closing first “ then open`,
		`''NYT style,'' said Mr. X. According to, ,`,
		`PENCE: ...`,
		`X, who, said, that`,
		"said\n\nsaid\n\n“",
		`Daesh has no presence in Afghanistan, Mujahid said on Monday.`,
		`between 70 to 80 Daesh members, according to`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4000 {
			return
		}
		doc := analyzeOrNil(t, "Title\n\n"+s)
		if doc == nil {
			return
		}
		n := len(doc.Text)
		for _, q := range doc.Quotes {
			if q.Start < 0 || q.End > n || q.Start > q.End || q.Speaker.End > n || q.CueEnd > n {
				t.Fatalf("quote span out of range: %+v (text %d bytes)", q, n)
			}
			for _, p := range q.Parts {
				if p.Start < 0 || p.End > n || p.Start > p.End {
					t.Fatalf("part out of range: %+v", p)
				}
			}
		}
		for _, c := range doc.Claims {
			if c.Start < 0 || c.End > n || c.Start > c.End || c.Quote >= len(doc.Quotes) {
				t.Fatalf("claim out of range: %+v", c)
			}
		}
	})
}
