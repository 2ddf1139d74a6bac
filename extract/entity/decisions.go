package entity

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Decisions are an analyst's corrections of automatic resolution, kept in
// a file and applied on every run:
//
//	# sitrep entity decisions: one per line, fields separated by tabs or spaces
//	not   T0LOnews            kb:tolonews          # this form is not that entity
//	same  auto:person:sadiq-shinwary  auto:person:sadiq-shinwari   # merge the first into the second
//
// "not FORM ID" undoes a merge: mentions written FORM are no longer tied
// to ID (they become an entity of their own). "same A B" merges entity A
// into B in every document. Forms are compared ignoring case.
type Decisions struct {
	not  map[string]map[string]bool // lower-case form -> ids it is not
	same map[string]string          // id -> id
}

// LoadDecisions reads a decisions file.
func LoadDecisions(path string) (*Decisions, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &Decisions{not: map[string]map[string]bool{}, same: map[string]string{}}
	sc := bufio.NewScanner(f)
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
		default:
			return nil, fmt.Errorf("%s:%d: want \"not FORM ID\" or \"same ID ID\"", path, n)
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
	for i := 0; i < 8; i++ { // follow chains, not cycles
		to, ok := d.same[k]
		if !ok {
			break
		}
		f.ref, f.via = to, "decision"
		if strings.HasPrefix(to, "kb:") {
			f.entry = nil // the key is the target id
		}
		k = to
	}
	return f
}
