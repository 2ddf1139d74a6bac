package claims

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Actor is a gold subject, object or speaker: a name and, when the
// knowledge base has the actor, its entity id ("kb:islamic-state"). Alt
// lists other readings that are also accepted (a metonymy such as
// "Islamabad" for the Pakistani government, or a group named by its
// members). A speaker with an empty name and entity is the article's own
// voice.
type Actor struct {
	Name   string  `json:"name"`
	Entity string  `json:"entity"`
	Alt    []Actor `json:"alt,omitempty"`
}

// Claim is one gold claim.
type Claim struct {
	Subject   Actor  `json:"subject"`
	Predicate string `json:"predicate"`
	Object    Actor  `json:"object"`
	Polarity  string `json:"polarity"`
	Value     string `json:"value,omitempty"`
	Hedged    bool   `json:"hedged"`
	Speaker   Actor  `json:"speaker"`
	// Note says why, for a case the guidelines leave open.
	Note string `json:"note,omitempty"`
}

// Record is one gold sentence: where it is, its hash, and its claims.
type Record struct {
	// ID names the sentence in reports: "seed000-07", "satp-train-0412-2".
	ID string `json:"id"`
	// Source is SourceSeed or SourceDataset; File is relative to the
	// source's root folder (Roots), with forward slashes.
	Source string `json:"source"`
	File   string `json:"file"`
	// Line is the 1-based line of a record file (.tsv, .jsonl) holding
	// the document; Doc is the id of a text of a MUC-3/4 corpus file
	// ("DEV-MUC3-0017"). Neither: the document is the whole file.
	Line int    `json:"line,omitempty"`
	Doc  string `json:"doc,omitempty"`
	// Start and End are the sentence's byte offsets in the document text.
	Start int `json:"start"`
	End   int `json:"end"`
	// SHA256 is the first HashLen hex digits of the SHA-256 of the
	// sentence's bytes.
	SHA256 string `json:"sha256"`
	// Text is the sentence, for seed sentences only (data set texts are
	// not redistributed).
	Text string `json:"text,omitempty"`
	// Published is the document's publication date when its data set
	// gives it (YYYY-MM-DD).
	Published string `json:"published,omitempty"`
	// Stratum is how the sentence was chosen: "seed", a predicate family
	// whose keyword it holds, or "none" (no keyword of any family).
	Stratum string  `json:"stratum"`
	Claims  []Claim `json:"claims"`
	// Note is an annotator's remark on the sentence as a whole.
	Note string `json:"note,omitempty"`
}

// Predicates lists the claim predicates in report order.
var Predicates = []string{
	sitrep.PredicatePresence, sitrep.PredicateThreat, sitrep.PredicateResponsibility,
	sitrep.PredicateSupport, sitrep.PredicateCooperation, sitrep.PredicateAffiliation,
	sitrep.PredicateStrength,
}

func validPredicate(p string) bool {
	for _, q := range Predicates {
		if p == q {
			return true
		}
	}
	return false
}

// ReadGold reads a gold file (JSON Lines, one Record per line; blank lines
// and lines starting with # are skipped) and checks each record's form.
func ReadGold(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseGold(f, path)
}

// ParseGold reads gold records from r; name is used in errors.
func ParseGold(r io.Reader, name string) ([]Record, error) {
	var out []Record
	ids := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var rec Record
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if err := rec.check(); err != nil {
			return nil, fmt.Errorf("%s:%d: %s: %w", name, n, rec.ID, err)
		}
		if prev, ok := ids[rec.ID]; ok {
			return nil, fmt.Errorf("%s:%d: id %q already used on line %d", name, n, rec.ID, prev)
		}
		ids[rec.ID] = n
		out = append(out, rec)
	}
	return out, sc.Err()
}

func (r *Record) check() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("no id")
	case r.Source != SourceSeed && r.Source != SourceDataset:
		return fmt.Errorf("source %q: want %q or %q", r.Source, SourceSeed, SourceDataset)
	case r.File == "":
		return fmt.Errorf("no file")
	case r.Start < 0 || r.End <= r.Start:
		return fmt.Errorf("bad span [%d,%d)", r.Start, r.End)
	case len(r.SHA256) != HashLen:
		return fmt.Errorf("sha256 %q: want %d hex digits", r.SHA256, HashLen)
	case r.Line > 0 && r.Doc != "":
		return fmt.Errorf("both line and doc given")
	case r.Source == SourceDataset && r.Text != "":
		return fmt.Errorf("data set sentences must not carry their text")
	case r.Text != "" && Hash(r.Text) != r.SHA256:
		return fmt.Errorf("text does not match its sha256")
	case r.Text != "" && len(r.Text) != r.End-r.Start:
		return fmt.Errorf("text is %d bytes, span %d", len(r.Text), r.End-r.Start)
	}
	if r.Published != "" {
		if _, err := sitrep.ParseDate(r.Published); err != nil {
			return err
		}
	}
	for i, c := range r.Claims {
		switch {
		case !validPredicate(c.Predicate):
			return fmt.Errorf("claim %d: unknown predicate %q", i, c.Predicate)
		case c.Polarity != sitrep.PolarityAffirm && c.Polarity != sitrep.PolarityDeny:
			return fmt.Errorf("claim %d: polarity %q", i, c.Polarity)
		case c.Subject.Name == "" && c.Subject.Entity == "":
			return fmt.Errorf("claim %d: no subject", i)
		case c.Predicate == sitrep.PredicateStrength && c.Value == "":
			return fmt.Errorf("claim %d: strength without a value", i)
		case c.Predicate != sitrep.PredicateStrength && c.Value != "":
			return fmt.Errorf("claim %d: value on a %s claim", i, c.Predicate)
		}
		for _, a := range []Actor{c.Subject, c.Object, c.Speaker} {
			if a.Entity != "" && !strings.HasPrefix(a.Entity, "kb:") && !strings.HasPrefix(a.Entity, "auto:") {
				return fmt.Errorf("claim %d: entity %q is not a kb: or auto: id", i, a.Entity)
			}
		}
	}
	return nil
}
