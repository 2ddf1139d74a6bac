package ui

import (
	"github.com/sitrep-project/sitrep/internal/numfmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// docURL is the article page of a document.
func docURL(id string) string { return "/documents/" + url.PathEscape(id) }

// entityURL is the dossier page of an entity.
func entityURL(id string) string { return "/entities/" + url.PathEscape(id) }

func (u *UI) funcs() template.FuncMap {
	return template.FuncMap{
		"asset":     u.assets.url,
		"docURL":    docURL,
		"entityURL": entityURL,
		"evidence":  evidenceURL,
		"human":     human,
		"num":       num,
		"estimate":  estimateText,
		"figure":    figureText,
		"when":      whenText,
		"plural":    plural,
		"since":     since,
		"stance":    stanceMark,
		"propText":  func(p connect.Proposition) string { return connect.PropositionText(p.Predicate, p.Subject, p.Object) },
		"place":     placeText,
		"clip":      clip,
		"add":       func(a, b int) int { return a + b },
		"join":      strings.Join,
	}
}

// human turns a code ("suicide_bombing") into words.
func human(s string) string { return strings.ReplaceAll(s, "_", " ") }

// num writes an integer with thousands separators.
func num(n int) string { return numfmt.Thousands(n) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return num(n) + " " + word + "s"
}

// estimateText is "12" or "12 (10–15)" when reports differ.
func estimateText(e *connect.Estimate) string {
	if e == nil {
		return ""
	}
	s := num(e.Best)
	if e.Low != e.High {
		s += " (" + num(e.Low) + "–" + num(e.High) + ")"
	}
	return s
}

// figureText is a reported figure: its estimate and words.
func figureText(f *sitrep.Figure) string {
	if f == nil {
		return ""
	}
	return num(f.Estimate)
}

// whenText is a date at its precision, "by" a publication date when only
// that is known, "undated" otherwise.
func whenText(w connect.When) string {
	if w.Date == "" {
		return "undated"
	}
	if w.Basis == connect.BasisPublished {
		return "by " + w.Date
	}
	return w.Date
}

// stanceMark is the mark of a stance in the claims matrix.
func stanceMark(polarity string) string {
	if polarity == sitrep.PolarityDeny {
		return "✗"
	}
	return "✓"
}

// placeText is "Peshawar, Khyber Pakhtunkhwa, Pakistan".
func placeText(p *sitrep.IncidentPlace) string {
	if p == nil {
		return ""
	}
	parts := []string{p.Name}
	for _, s := range []string{p.Admin1, p.Country} {
		if s != "" && s != parts[len(parts)-1] {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// parseDate reads a date parameter (YYYY-MM-DD, YYYY-MM or YYYY: its first
// day, or its last with end set); "" is the zero date.
func parseDate(name, s string, end bool) (sitrep.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return sitrep.Date{}, nil
	}
	d, err := sitrep.ParseDateBound(s, end)
	if err != nil {
		return d, sitrep.Errorf(sitrep.EINVALID, "The %s date %q is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.", name, clip(s, 40))
	}
	return d, nil
}

// actorLink is an actor to show, linked to its dossier when it is an
// entity.
type actorLink struct {
	Name string
	URL  string
}

func linkOf(name, entity string) actorLink {
	l := actorLink{Name: name}
	if entity != "" {
		l.URL = entityURL(entity)
	}
	return l
}
