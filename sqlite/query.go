package sqlite

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/sitrep-project/sitrep"
)

// period returns the first and last day (YYYY-MM-DD) of an ISO 8601 date
// at any of the precisions sitrep gives ("2024-06-21", "2024-W25",
// "2024-06", "2024"), or of published when value is empty; nil for
// neither.
func period(value string, published sitrep.Date) (from, to any) {
	if value == "" {
		if published.IsZero() {
			return nil, nil
		}
		s := published.String()
		return s, s
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch {
	case len(value) == 10:
		if t, err := time.Parse("2006-01-02", value); err == nil {
			return day(t), day(t)
		}
	case len(value) == 8 && value[4:6] == "-W":
		y, err1 := strconv.Atoi(value[:4])
		w, err2 := strconv.Atoi(value[6:])
		if err1 == nil && err2 == nil && w >= 1 && w <= 53 {
			// ISO week 1 holds January 4th; weeks start on Monday.
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
			return day(monday), day(monday.AddDate(0, 0, 6))
		}
	case len(value) == 7:
		if t, err := time.Parse("2006-01", value); err == nil {
			return day(t), day(t.AddDate(0, 1, -1))
		}
	case len(value) == 4:
		if t, err := time.Parse("2006", value); err == nil {
			return day(t), day(t.AddDate(1, 0, -1))
		}
	}
	return period("", published)
}

// where builds the WHERE clause of a query from conditions and their
// arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

// dateRange adds the conditions of a date range over the date_from and
// date_to columns of the table alias t.
func (w *where) dateRange(t string, r sitrep.DateRange) error {
	if !r.Since.IsZero() && !r.Until.IsZero() && r.Until.Time().Before(r.Since.Time()) {
		return sitrep.Errorf(sitrep.EINVALID, "the range ends (%s) before it starts (%s)", r.Until, r.Since)
	}
	if !r.Since.IsZero() {
		w.add(t+".date_to >= ?", r.Since.String())
	}
	if !r.Until.IsZero() {
		w.add(t+".date_from <= ?", r.Until.String())
	}
	return nil
}

// entityKey is the subquery that turns an entity ID into its row key.
const entityKey = "(SELECT n FROM entities WHERE id = ?)"

// page returns the LIMIT and OFFSET clause of a page.
func page(p sitrep.Page) (string, error) {
	if p.Limit < 0 || p.Offset < 0 {
		return "", sitrep.Errorf(sitrep.EINVALID, "limit and offset must not be negative")
	}
	if p.Limit == 0 && p.Offset == 0 {
		return "", nil
	}
	limit := p.Limit
	if limit == 0 {
		limit = -1
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, p.Offset), nil
}

// docColumns are the columns of a DocumentRef, read by scanDocRef, for
// the documents table as d.
const docColumns = "d.id, d.source, d.url, d.title, d.outlet, d.published, d.dateline"

// docRef holds the scanned columns of a DocumentRef.
type docRef struct {
	ref       sitrep.DocumentRef
	published sql.NullString
}

func (r *docRef) dest() []any {
	return []any{&r.ref.ID, &r.ref.Source, &r.ref.URL, &r.ref.Title, &r.ref.Outlet, &r.published, &r.ref.Dateline}
}

func (r *docRef) value() sitrep.DocumentRef {
	if r.published.Valid {
		r.ref.Published, _ = sitrep.ParseDate(r.published.String)
	}
	return r.ref
}

// ftsQuery turns a user's search into an FTS5 query: every word and
// "phrase" becomes an FTS5 phrase, so that punctuation inside words
// ("U.S.", "Tehrik-i-Taliban", "al-Qaeda") is not FTS5 syntax; AND, OR,
// NOT and parentheses stay operators, a trailing * a prefix search, and
// title: or text: before a word or phrase a column filter.
func ftsQuery(q string) (string, error) {
	var out []string
	// FTS5 joins adjacent phrases with an implicit AND, but not a phrase
	// and a parenthesis: operand writes the AND out.
	operand := func(tok string) {
		if n := len(out); n > 0 {
			switch out[n-1] {
			case "AND", "OR", "NOT", "(":
			default:
				out = append(out, "AND")
			}
		}
		out = append(out, tok)
	}
	depth := 0
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			depth++
			operand("(")
			i++
		case c == ')':
			depth--
			if depth < 0 {
				return "", sitrep.Errorf(sitrep.EINVALID, "invalid search %q: ')' without '('", q)
			}
			out = append(out, ")")
			i++
		default:
			column := ""
			for _, col := range []string{"title:", "text:"} {
				if strings.HasPrefix(q[i:], col) && i+len(col) < len(q) && q[i+len(col)] != ' ' {
					column = col[:len(col)-1] + " : "
					i += len(col)
				}
			}
			var word string
			if q[i] == '"' {
				end := strings.IndexByte(q[i+1:], '"')
				if end < 0 {
					return "", sitrep.Errorf(sitrep.EINVALID, "invalid search %q: a quote (\") is not closed", q)
				}
				word = q[i+1 : i+1+end]
				i += end + 2
			} else {
				j := i
				for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
					j++
				}
				word = q[i:j]
				i = j
			}
			prefix := false
			if i < len(q) && q[i] == '*' {
				prefix = true
				i++
			} else if w, ok := strings.CutSuffix(word, "*"); ok {
				word, prefix = w, true
			}
			if column == "" && !prefix && (word == "AND" || word == "OR" || word == "NOT") {
				out = append(out, word)
				continue
			}
			if !strings.ContainsFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				continue // punctuation alone finds nothing
			}
			p := column + `"` + word + `"`
			if prefix {
				p += "*"
			}
			operand(p)
		}
	}
	if depth != 0 {
		return "", sitrep.Errorf(sitrep.EINVALID, "invalid search %q: '(' not closed", q)
	}
	if len(out) > 0 {
		switch out[0] {
		case "AND", "OR", "NOT":
			return "", sitrep.Errorf(sitrep.EINVALID, "invalid search %q: starts with %s (write it in lower case to search for the word)", q, out[0])
		}
		switch out[len(out)-1] {
		case "AND", "OR", "NOT":
			return "", sitrep.Errorf(sitrep.EINVALID, "invalid search %q: ends with %s (write it in lower case to search for the word)", q, out[len(out)-1])
		}
	}
	return strings.Join(out, " "), nil
}
