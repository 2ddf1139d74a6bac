// Package kb is sitrep's knowledge base of actors: armed groups and their
// branches, state bodies, people with their roles and the years they held
// them, outlets, places and groups of people, with their aliases and typed
// relations. The curated entries live in data/*.kb, readable files
// embedded in the binary; users extend them with files of their own
// (sitrep analyze --kb FILE, sitrep kb check FILE).
//
// # File format
//
// A file is a list of entries. An entry opens with its id in brackets and
// holds "key = value" lines; "#" starts a comment line, and every entry
// cites its sources in a "source" key or in comments:
//
//	# US State Department, FTO designation of ISIS-K (2016-01-14).
//	[iskp]
//	name = Islamic State Khorasan Province
//	type = organization
//	subtype = armed_group
//	aliases = ISKP; ISIS-K; IS-K; Islamic State Khorasan
//	branch_of = islamic-state
//	source = https://www.state.gov/...
//
// Keys: name (canonical name), type (person, organization, location,
// norp), subtype, aliases (";"-separated), acronyms (";"-separated,
// matched case-sensitively), country, place (for a location: a gazetteer
// id, or "LAT, LON [LEVEL]"; see Place), titles (role phrases such as "army
// chief", each optionally followed by the years held: "army chief
// 2016-2022"), relations written as "relation = target-id [years]" with
// relation one of branch_of, part_of, spokesperson_of, government_of,
// leader_of, member_of, founded_by, split_from, not_same_as, and source.
package kb

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/*.kb
var dataFS embed.FS

// Entity types.
const (
	Person       = "person"
	Organization = "organization"
	Location     = "location"
	NORP         = "norp"
)

// Relations an entry may state.
var Relations = map[string]bool{
	"branch_of": true, "part_of": true, "spokesperson_of": true, "government_of": true,
	"leader_of": true, "member_of": true, "founded_by": true, "split_from": true,
	"not_same_as": true, "head_of": true,
}

// Entry is one actor of the knowledge base.
type Entry struct {
	ID        string
	Name      string
	Type      string
	Subtype   string
	Aliases   []string // matched ignoring case
	Acronyms  []string // matched as written
	Country   []string
	Place     *Place // where a location is, when the gazetteer cannot tell by its name
	Titles    []Title
	Relations []Relation
	Sources   []string
	File      string // where the entry was read
	Line      int
}

// Title is a role phrase an entry is known by ("army chief",
// "foreign secretary") during the years given (0 = open).
type Title struct {
	Phrase   string
	From, To int
}

// Place says where a location entry is: a gazetteer id ("place =
// sitrep:durand-line", "place = geonames:1168394"), or coordinates with
// a precision level for a place the gazetteer lacks ("place = 33.95,
// 70.11 town"; the level is town, district, province or country, town
// when left out).
type Place struct {
	ID        string
	Lat, Lon  float64
	Precision string
}

func parsePlace(val string) (*Place, error) {
	if !strings.Contains(val, ",") {
		if !strings.Contains(val, ":") || strings.ContainsAny(val, " \t") {
			return nil, fmt.Errorf("place %q: want a gazetteer id (geonames:..., sitrep:...) or \"LAT, LON [LEVEL]\"", val)
		}
		return &Place{ID: val}, nil
	}
	lat, rest, _ := strings.Cut(val, ",")
	fs := strings.Fields(rest)
	p := &Place{Precision: "town"}
	var err1, err2 error
	if len(fs) == 0 || len(fs) > 2 {
		return nil, fmt.Errorf("place %q: want \"LAT, LON [LEVEL]\"", val)
	}
	p.Lat, err1 = strconv.ParseFloat(strings.TrimSpace(lat), 64)
	p.Lon, err2 = strconv.ParseFloat(fs[0], 64)
	if err1 != nil || err2 != nil || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
		return nil, fmt.Errorf("place %q: bad coordinates", val)
	}
	if len(fs) == 2 {
		switch fs[1] {
		case "town", "district", "province", "country":
			p.Precision = fs[1]
		default:
			return nil, fmt.Errorf("place %q: level must be town, district, province or country", val)
		}
	}
	return p, nil
}

// Relation links an entry to another: e.g. branch_of islamic-state.
type Relation struct {
	Type     string
	Target   string
	From, To int // years, 0 = unknown or open
}

// Holds reports whether the title or relation held in year y (a zero y
// means "at any time").
func (t Title) Holds(y int) bool { return holds(t.From, t.To, y) }

// Holds reports whether the relation held in year y.
func (r Relation) Holds(y int) bool { return holds(r.From, r.To, y) }

// Years writes the years the relation held: "2015-", "2015-2021", "2019",
// or "" when they are unknown.
func (r Relation) Years() string {
	switch {
	case r.From == 0 && r.To == 0:
		return ""
	case r.To == 0:
		return fmt.Sprintf("%d-", r.From)
	case r.From == r.To:
		return fmt.Sprint(r.From)
	}
	return fmt.Sprintf("%d-%d", r.From, r.To)
}

func holds(from, to, y int) bool {
	if y == 0 {
		return true
	}
	return (from == 0 || y >= from) && (to == 0 || y <= to)
}

// KB is a set of entries indexed by id.
type KB struct {
	Entries []*Entry
	byID    map[string]*Entry
}

// Default returns the curated knowledge base embedded in the binary.
func Default() (*KB, error) {
	k := &KB{byID: map[string]*Entry{}}
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := dataFS.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return k.read(f, path)
	})
	if err != nil {
		return nil, err
	}
	return k, nil
}

// Load adds the entries of a user file. An entry whose id exists replaces
// the curated one.
func (k *KB) Load(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return k.read(f, path)
}

// Get returns the entry with the id, or nil.
func (k *KB) Get(id string) *Entry { return k.byID[id] }

// ParseError is a syntax error in a knowledge-base file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

func (k *KB) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	var cur *Entry
	n := 0
	add := func() {
		if cur == nil {
			return
		}
		if old, ok := k.byID[cur.ID]; ok {
			for i, e := range k.Entries {
				if e == old {
					k.Entries = append(k.Entries[:i], k.Entries[i+1:]...)
					break
				}
			}
		}
		k.byID[cur.ID] = cur
		k.Entries = append(k.Entries, cur)
	}
	var comments []string
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "#"):
			comments = append(comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return &ParseError{name, n, "entry header must be [id]"}
			}
			add()
			id := strings.TrimSpace(line[1 : len(line)-1])
			if id == "" || strings.ContainsAny(id, " \t[]") {
				return &ParseError{name, n, fmt.Sprintf("bad entry id %q", id)}
			}
			cur = &Entry{ID: id, File: name, Line: n}
			for _, c := range comments {
				if c != "" {
					cur.Sources = append(cur.Sources, c)
				}
			}
			comments = nil
			continue
		}
		if cur == nil {
			return &ParseError{name, n, "key before the first [id]"}
		}
		key, val, ok := strings.Cut(line, "=")
		if !ok {
			return &ParseError{name, n, "want key = value"}
		}
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if err := cur.set(key, val); err != nil {
			return &ParseError{name, n, err.Error()}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	add()
	return nil
}

func (e *Entry) set(key, val string) error {
	list := func() []string {
		var out []string
		for _, p := range strings.Split(val, ";") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	switch key {
	case "name":
		e.Name = val
	case "type":
		switch val {
		case Person, Organization, Location, NORP:
			e.Type = val
		default:
			return fmt.Errorf("type %q: want person, organization, location or norp", val)
		}
	case "subtype":
		e.Subtype = val
	case "aliases":
		e.Aliases = append(e.Aliases, list()...)
	case "acronyms":
		e.Acronyms = append(e.Acronyms, list()...)
	case "country":
		e.Country = append(e.Country, list()...)
	case "source":
		e.Sources = append(e.Sources, val)
	case "place":
		p, err := parsePlace(val)
		if err != nil {
			return err
		}
		e.Place = p
	case "titles":
		for _, t := range list() {
			phrase, from, to := splitYears(t)
			e.Titles = append(e.Titles, Title{Phrase: strings.ToLower(phrase), From: from, To: to})
		}
	default:
		if !Relations[key] {
			return fmt.Errorf("unknown key %q", key)
		}
		for _, t := range list() {
			target, from, to := splitYears(t)
			if target == "" || strings.Contains(target, " ") {
				return fmt.Errorf("%s: target must be one entry id, got %q", key, target)
			}
			e.Relations = append(e.Relations, Relation{Type: key, Target: target, From: from, To: to})
		}
	}
	return nil
}

// splitYears splits "army chief 2016-2022" into the phrase and years; "2016-"
// leaves the end open.
func splitYears(s string) (string, int, int) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s, 0, 0
	}
	yrs := s[i+1:]
	a, b, ok := strings.Cut(yrs, "-")
	from, err := strconv.Atoi(a)
	if err != nil || from < 1900 || from > 2100 {
		return s, 0, 0
	}
	to := 0
	if ok && b != "" {
		if to, err = strconv.Atoi(b); err != nil {
			return s, 0, 0
		}
	} else if !ok {
		to = from
	}
	return strings.TrimSpace(s[:i]), from, to
}

// Problem is something Check found wrong or doubtful in the entries.
type Problem struct {
	Entry   *Entry
	Warning bool // a warning, not an error
	Msg     string
}

func (p Problem) String() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	return fmt.Sprintf("%s:%d: [%s] %s: %s", p.Entry.File, p.Entry.Line, p.Entry.ID, kind, p.Msg)
}

// Check validates the entries: every entry has a name, a type and a
// source; relation targets exist; an alias used by two entries is
// reported (it cannot be resolved by the alias alone).
func (k *KB) Check() []Problem {
	var out []Problem
	alias := map[string][]*Entry{}
	for _, e := range k.Entries {
		if e.Name == "" {
			out = append(out, Problem{e, false, "no name"})
		}
		if e.Type == "" {
			out = append(out, Problem{e, false, "no type"})
		}
		if len(e.Sources) == 0 {
			out = append(out, Problem{e, false, "no source: cite one in a comment or a source line"})
		}
		if e.Place != nil && e.Type != Location {
			out = append(out, Problem{e, true, "place given for an entry that is not a location"})
		}
		for _, r := range e.Relations {
			if k.byID[r.Target] == nil {
				out = append(out, Problem{e, false, fmt.Sprintf("%s target %q is not an entry", r.Type, r.Target)})
			}
		}
		seen := map[string]bool{}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			key := strings.ToLower(a)
			if !seen[key] {
				seen[key] = true
				alias[key] = append(alias[key], e)
			}
		}
	}
	keys := make([]string, 0, len(alias))
	for a := range alias {
		keys = append(keys, a)
	}
	sort.Strings(keys)
	for _, a := range keys {
		if es := alias[a]; len(es) > 1 {
			var ids []string
			for _, e := range es {
				ids = append(ids, e.ID)
			}
			out = append(out, Problem{es[0], true, fmt.Sprintf("alias %q is shared by %s", a, strings.Join(ids, ", "))})
		}
	}
	return out
}
