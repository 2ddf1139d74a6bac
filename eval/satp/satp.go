// Package satp runs incident extraction over the South Asia Terrorism
// Portal incident summaries of the ConfliBERT data (1,550 snippets in
// data/satp_relevant/{train,dev,test}.tsv: the text and four unnamed 0/1
// labels a line, no header). The snippets have no gold slots: the package
// counts what the extractor fills (Stats) and draws a reproducible sample
// for a hand check (Sample, WriteSample).
package satp

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Splits are the files of the data set, in reading order; "all" reads the
// three.
var Splits = []string{"train", "dev", "test"}

// Snippet is one line of a split's file.
type Snippet struct {
	Split  string // "train", "dev" or "test"
	Line   int    // 1-based line number in the split's file
	Text   string
	Labels [4]bool // the file's four 0/1 columns, in order
}

// ID names the snippet: "dev:17".
func (s Snippet) ID() string { return s.Split + ":" + strconv.Itoa(s.Line) }

// LabelString writes the labels as the file does: "1 0 0 1".
func (s Snippet) LabelString() string {
	var b strings.Builder
	for i, l := range s.Labels {
		if i > 0 {
			b.WriteByte(' ')
		}
		if l {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

// ErrNoData is returned when a directory holds no SATP files.
var ErrNoData = errors.New("no satp_relevant/{train,dev,test}.tsv found")

// Dir returns the folder holding the split files under dir: dir itself,
// dir/satp_relevant or dir/data/satp_relevant (the layout of
// ../shared/datasets/conflibert-satp).
func Dir(dir string) (string, error) {
	for _, c := range []string{dir, filepath.Join(dir, "satp_relevant"), filepath.Join(dir, "data", "satp_relevant")} {
		if _, err := os.Stat(filepath.Join(c, "train.tsv")); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("%s: %w", dir, ErrNoData)
}

// Load reads the snippets of split ("train", "dev", "test" or "all")
// under dir (see Dir).
func Load(dir, split string) ([]Snippet, error) {
	d, err := Dir(dir)
	if err != nil {
		return nil, err
	}
	splits := []string{split}
	switch split {
	case "all":
		splits = Splits
	case "train", "dev", "test":
	default:
		return nil, fmt.Errorf("unknown split %q (want train, dev, test or all)", split)
	}
	var out []Snippet
	for _, s := range splits {
		b, err := os.ReadFile(filepath.Join(d, s+".tsv"))
		if err != nil {
			return nil, err
		}
		sn, err := Parse(s, string(b))
		if err != nil {
			return nil, fmt.Errorf("%s.tsv: %w", s, err)
		}
		out = append(out, sn...)
	}
	return out, nil
}

// Parse reads a split's file: one snippet a line, its text and four 0/1
// labels separated by tabs.
func Parse(split, file string) ([]Snippet, error) {
	var out []Snippet
	for i, line := range strings.Split(strings.TrimSuffix(file, "\n"), "\n") {
		line = strings.TrimSuffix(line, "\r")
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 5 (text and four labels)", i+1, len(f))
		}
		s := Snippet{Split: split, Line: i + 1, Text: f[0]}
		for j, l := range f[1:] {
			switch l {
			case "1":
				s.Labels[j] = true
			case "0":
			default:
				return nil, fmt.Errorf("line %d: label %d is %q, want 0 or 1", i+1, j+1, l)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// Sample returns n snippets drawn reproducibly with seed: the snippets
// sorted by the SHA-256 digest of "<seed>:<split>:<line>" (bytes compared
// in order) and the first n taken, then put back in split and line order. The draw
// depends on nothing but the seed and the snippets' places, so any
// program can repeat it.
func Sample(snippets []Snippet, n int, seed int64) []Snippet {
	type keyed struct {
		h [32]byte
		s Snippet
	}
	ks := make([]keyed, len(snippets))
	for i, s := range snippets {
		ks[i] = keyed{sha256.Sum256([]byte(fmt.Sprintf("%d:%s:%d", seed, s.Split, s.Line))), s}
	}
	sort.Slice(ks, func(i, j int) bool { return bytes.Compare(ks[i].h[:], ks[j].h[:]) < 0 })
	n = min(n, len(ks))
	out := make([]Snippet, n)
	for i := range out {
		out[i] = ks[i].s
	}
	order := map[string]int{}
	for i, s := range Splits {
		order[s] = i
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Split != out[j].Split {
			return order[out[i].Split] < order[out[j].Split]
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Counts are how many incidents have each field filled. Dated counts
// the incidents with a resolved date, DateText those whose date words
// were found (resolved or not: SATP snippets give no publication date,
// so "on November 24" has no year).
type Counts struct {
	Incidents                                             int
	Geocoded, Killed, Injured, Perpetrator, Dated, Target int
	DateText                                              int
}

// Add counts one incident.
func (c *Counts) Add(inc *sitrep.Incident) {
	c.Incidents++
	if inc.Place != nil && (inc.Place.Lat != 0 || inc.Place.Lon != 0) {
		c.Geocoded++
	}
	if inc.Killed != nil {
		c.Killed++
	}
	if inc.Injured != nil {
		c.Injured++
	}
	if len(inc.Perpetrators) > 0 {
		c.Perpetrator++
	}
	if inc.Date != "" {
		c.Dated++
	}
	if inc.DateText != "" {
		c.DateText++
	}
	if len(inc.Targets) > 0 {
		c.Target++
	}
}

// Stats are the counts over a run.
type Stats struct {
	Snippets     int
	Failed       int // snippets whose analysis failed
	WithIncident int // snippets with at least one incident
	All          Counts
	ByType       map[string]*Counts
	// ByLabel counts, for each of the four labels, the snippets that
	// carry it, those with an incident, and their incidents by type.
	ByLabel [4]LabelStats
}

// LabelStats are the counts of the snippets carrying one label.
type LabelStats struct {
	Snippets, WithIncident int
	Types                  map[string]int
}

// Add counts a snippet and the incidents found in it (doc nil: the
// analysis failed).
func (s *Stats) Add(sn Snippet, doc *sitrep.Document) {
	s.Snippets++
	if s.ByType == nil {
		s.ByType = map[string]*Counts{}
	}
	for i := range s.ByLabel {
		if s.ByLabel[i].Types == nil {
			s.ByLabel[i].Types = map[string]int{}
		}
	}
	if doc == nil {
		s.Failed++
		return
	}
	if len(doc.Incidents) > 0 {
		s.WithIncident++
	}
	for i, l := range sn.Labels {
		if !l {
			continue
		}
		s.ByLabel[i].Snippets++
		if len(doc.Incidents) > 0 {
			s.ByLabel[i].WithIncident++
		}
	}
	for k := range doc.Incidents {
		inc := &doc.Incidents[k]
		s.All.Add(inc)
		c := s.ByType[inc.Type]
		if c == nil {
			c = &Counts{}
			s.ByType[inc.Type] = c
		}
		c.Add(inc)
		for i, l := range sn.Labels {
			if l {
				s.ByLabel[i].Types[inc.Type]++
			}
		}
	}
}

// Types returns the incident types found, in sitrep's order, then any
// other.
func (s *Stats) Types() []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range sitrep.IncidentTypes {
		if s.ByType[t] != nil {
			out = append(out, t)
			seen[t] = true
		}
	}
	var rest []string
	for t := range s.ByType {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
