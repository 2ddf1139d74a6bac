package entity

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Decisions are an analyst's corrections of automatic resolution, kept in
// a file and applied on every run:
//
//	# sitrep entity decisions: one per line, fields separated by tabs or spaces
//	not   T0LOnews            kb:tolonews          # this form is not that entity
//	same  auto:person:sadiq-shinwary  auto:person:sadiq-shinwari   # merge the first into the second
//	apart auto:person:john-a-smith  auto:person:john-smith         # never merge these two
//
// "not FORM ID" undoes a merge: mentions written FORM are no longer tied
// to ID (they become an entity of their own), and across documents no
// entity that uses the form FORM is merged with ID. "same A B" merges
// entity A into B in every document and across documents. "apart A B"
// undoes a cross-document merge: A and B (entity ids, as "sitrep
// entities" lists them) never end up in one canonical entity, whatever
// the evidence. Forms are compared ignoring case.
type Decisions struct {
	not   map[string]map[string]bool // lower-case form -> ids it is not
	same  map[string]string          // id -> id
	apart map[string]map[string]bool // id -> ids it is apart from (both ways)
}

// LoadDecisions reads a decisions file.
func LoadDecisions(path string) (*Decisions, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseDecisions(f, path)
}

// ParseDecisions reads decisions in the file format; name is used in
// error messages.
func ParseDecisions(r io.Reader, name string) (*Decisions, error) {
	d := &Decisions{not: map[string]map[string]bool{}, same: map[string]string{}, apart: map[string]map[string]bool{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		switch {
		case fs[0] == "not" && len(fs) >= 3:
			id := fs[len(fs)-1]
			form := strings.ToLower(strings.Join(fs[1:len(fs)-1], " "))
			if d.not[form] == nil {
				d.not[form] = map[string]bool{}
			}
			d.not[form][id] = true
		case fs[0] == "same" && len(fs) == 3:
			d.same[fs[1]] = fs[2]
		case fs[0] == "apart" && len(fs) == 3 && fs[1] != fs[2]:
			for _, p := range [][2]string{{fs[1], fs[2]}, {fs[2], fs[1]}} {
				if d.apart[p[0]] == nil {
					d.apart[p[0]] = map[string]bool{}
				}
				d.apart[p[0]][p[1]] = true
			}
		default:
			return nil, fmt.Errorf("%s:%d: want \"not FORM ID\", \"same ID ID\" or \"apart ID ID\"", name, n)
		}
	}
	return d, sc.Err()
}

// apply returns the key a mention gets after the decisions, and whether
// it was changed.
func (d *Decisions) apply(f found) found {
	if d == nil {
		return f
	}
	k := f.key()
	if ids := d.not[strings.ToLower(f.text)]; ids[k] {
		f.entry, f.ref = nil, ""
		if f.typ == "" {
			f.typ = "organization"
		}
		f.via = "decision"
		k = f.key()
	}
	if to := d.target(k); to != k {
		f.ref, f.via = to, "decision"
		if strings.HasPrefix(to, "kb:") {
			f.entry = nil // the key is the target id
		}
	}
	return f
}

// target follows the "same" decisions from id (chains, not cycles).
func (d *Decisions) target(id string) string {
	if d == nil {
		return id
	}
	for i := 0; i < 8; i++ {
		to, ok := d.same[id]
		if !ok {
			break
		}
		id = to
	}
	return id
}
