package incident_test

import (
	"testing"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

type sitrepFigure struct{ s, e int }

func fig(f *sitrep.Figure) *sitrepFigure {
	if f == nil {
		return nil
	}
	return &sitrepFigure{f.Start, f.End}
}

// FuzzFind runs the whole pipeline, incidents included, over arbitrary
// text: it must not panic and every incident span must lie in the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`A suicide bomber blew himself up at a mosque in Peshawar on Friday, killing 12 and wounding 30, police said.`,
		`killed`,
		`Between 70 and`,
		`At least , and two were killed by`,
		`forces killed`,
		`the TTP claimed responsibility. The death toll rose to`,
		`1,2,3 killed 4-5 injured twenty-five kidnapped a`,
		`Gunmen abducted, the`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 4000 {
			return
		}
		doc := analyze(t, "Title\n\n"+s, "2017-06-26")
		n := len(doc.Text)
		in := func(a, b int) bool { return a >= 0 && b <= n && a <= b }
		for _, x := range doc.Incidents {
			ok := in(x.Start, x.End) && in(x.CueStart, x.CueEnd) && in(x.DateStart, x.DateEnd)
			if x.Place != nil {
				ok = ok && in(x.Place.Start, x.Place.End)
			}
			for _, fg := range []*sitrepFigure{fig(x.Killed), fig(x.Injured), fig(x.Kidnapped), fig(x.Arrested)} {
				if fg != nil {
					ok = ok && in(fg.s, fg.e)
				}
			}
			for _, p := range x.Perpetrators {
				ok = ok && in(p.Start, p.End)
			}
			for _, a := range append(x.Targets, x.Actors...) {
				ok = ok && in(a.Start, a.End)
			}
			if !ok {
				t.Fatalf("incident span out of range (text %d bytes): %+v", n, x)
			}
		}
	})
}
