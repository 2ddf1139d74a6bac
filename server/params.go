package server

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Limits of a page.
const (
	defaultLimit = 20
	maxLimit     = 500
)

// params reads the query parameters of a request. The first error is
// kept; Err returns it.
type params struct {
	r   *http.Request
	q   url.Values
	err error
}

func newParams(r *http.Request) *params { return &params{r: r, q: r.URL.Query()} }

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = sitrep.Errorf(sitrep.EINVALID, format, args...)
	}
}

// Err returns the first bad parameter.
func (p *params) Err() error { return p.err }

// str returns a parameter, trimmed.
func (p *params) str(name string) string { return strings.TrimSpace(p.q.Get(name)) }

// list returns a repeatable parameter; commas do not split values
// (names hold commas).
func (p *params) list(name string) []string {
	var out []string
	for _, v := range p.q[name] {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// oneOf returns a parameter that must be one of allowed ("" when absent,
// else def when def is not "").
func (p *params) oneOf(name, def string, allowed ...string) string {
	v := p.str(name)
	if v == "" {
		return def
	}
	if !slices.Contains(allowed, v) {
		p.fail("%s must be one of %s, not %q", name, strings.Join(allowed, ", "), v)
		return def
	}
	return v
}

// boolean returns a true/false parameter (1/0, yes/no too).
func (p *params) boolean(name string) bool {
	switch strings.ToLower(p.str(name)) {
	case "", "false", "0", "no":
		return false
	case "true", "1", "yes":
		return true
	}
	p.fail("%s must be true or false, not %q", name, p.str(name))
	return false
}

// integer returns a whole-number parameter in [lo, hi], def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail("%s must be a whole number from %d to %d, not %q", name, lo, hi, v)
		return def
	}
	return n
}

// date returns a date parameter: YYYY-MM-DD, or YYYY-MM or YYYY standing
// for their first day (end false) or their last (end true).
func (p *params) date(name string, end bool) sitrep.Date {
	s := p.str(name)
	if s == "" {
		return sitrep.Date{}
	}
	if d, err := sitrep.ParseDateBound(s, end); err == nil {
		return d
	}
	p.fail("%s must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not %q", name, s)
	return sitrep.Date{}
}

// dates returns the since and until parameters as a range.
func (p *params) dates() sitrep.DateRange {
	dr := sitrep.DateRange{Since: p.date("since", false), Until: p.date("until", true)}
	if !dr.Since.IsZero() && !dr.Until.IsZero() && dr.Until.Time().Before(dr.Since.Time()) {
		p.fail("until (%s) is before since (%s)", dr.Until, dr.Since)
	}
	return dr
}

// page returns the page a request asks for: limit (def when absent, at
// most maxLimit) and the offset its cursor holds.
func (p *params) page(def int) sitrep.Page {
	limit := p.integer("limit", def, 1, maxLimit)
	c := p.str("cursor")
	if c == "" {
		return sitrep.Page{Limit: limit}
	}
	off, ok := decodeCursor(c, p.filterHash())
	if !ok {
		p.fail("cursor is not one this server gave for these filters: start again without it (a cursor only goes with the parameters of the answer that gave it)")
	}
	return sitrep.Page{Limit: limit, Offset: off}
}

// next returns the cursor of the page after pg, or "" when more is false.
func (p *params) next(pg sitrep.Page, shown int, more bool) string {
	if !more || shown == 0 {
		return ""
	}
	return encodeCursor(pg.Offset+shown, p.filterHash())
}

// filterHash is a hash of what selects and orders the rows: the path and
// every parameter but cursor, limit and token.
func (p *params) filterHash() uint64 {
	keys := make([]string, 0, len(p.q))
	for k := range p.q {
		if k != "cursor" && k != "limit" && k != "token" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	h := sha256.New()
	h.Write([]byte(p.r.URL.Path))
	for _, k := range keys {
		for _, v := range p.q[k] {
			h.Write([]byte{0})
			h.Write([]byte(k))
			h.Write([]byte{1})
			h.Write([]byte(strings.TrimSpace(v)))
		}
	}
	return binary.BigEndian.Uint64(h.Sum(nil))
}

// A cursor is base64url of a version byte, the offset (uvarint) and the
// filter hash (8 bytes).
const cursorVersion = 1

func encodeCursor(offset int, filter uint64) string {
	b := []byte{cursorVersion}
	b = binary.AppendUvarint(b, uint64(offset))
	b = binary.BigEndian.AppendUint64(b, filter)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, filter uint64) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) < 10 || b[0] != cursorVersion {
		return 0, false
	}
	off, n := binary.Uvarint(b[1:])
	if n <= 0 || len(b) != 1+n+8 || off > 1<<31 {
		return 0, false
	}
	return int(off), binary.BigEndian.Uint64(b[1+n:]) == filter
}

// paginate returns the page pg of a list held whole, and whether more
// follow.
func paginate[T any](all []T, pg sitrep.Page) ([]T, bool) {
	if pg.Offset >= len(all) {
		return []T{}, false
	}
	end := min(len(all), pg.Offset+pg.Limit)
	return all[pg.Offset:end], end < len(all)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
