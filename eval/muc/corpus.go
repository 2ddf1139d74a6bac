package muc

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Message is one text of a MUC-3/4 corpus file.
type Message struct {
	// ID is the message's id, "DEV-MUC3-0001".
	ID string
	// Text is the message as the file gives it, from the line after its
	// id line to the next id line: dateline, bracketed header and body.
	Text string
	// Dateline is what the first line of Text says.
	Dateline Dateline
}

// Dateline is the line that opens a message: "SAN SALVADOR, 3 JAN 90
// (EFE) -- ". Date is zero for "NO DATE"; a dateline without a year
// ("7 FEB (REUTER)") takes the year of the message before it in the file.
type Dateline struct {
	Place  string      // "SAN SALVADOR", "PERTH (AUSTRALIA)", "CLANDESTINE"
	Date   sitrep.Date // the publication date
	Outlet string      // "EFE", "RADIO VENCEREMOS"; "" when not given
	// End is the byte offset in Text just after the dateline's "--".
	End int
}

// Splits are the corpus splits Load reads: dev (1,300 messages), the four
// test sets of MUC-3 and MUC-4 (100 each), and test (TST3 and TST4, the
// MUC-4 final test).
var Splits = []string{"dev", "tst1", "tst2", "tst3", "tst4", "test"}

// Corpus is the messages of one split and their key templates.
type Corpus struct {
	Split    string
	Messages []Message
	// Keys holds each message's templates, by message id, in key file
	// order. An irrelevant message has one template with Irrelevant set.
	Keys map[string][]*Template
}

// ErrNoCorpus is returned when a directory holds no MUC-4 corpora.
var ErrNoCorpus = errors.New("no MUC-3/4 TASK/CORPORA folder found")

// CorporaDir returns the CORPORA folder under dir: dir itself, or
// dir/CORPORA, dir/TASK/CORPORA or dir/muc34/TASK/CORPORA (the layout of
// ../shared/datasets/muc4).
func CorporaDir(dir string) (string, error) {
	for _, c := range []string{dir, filepath.Join(dir, "CORPORA"), filepath.Join(dir, "TASK", "CORPORA"), filepath.Join(dir, "muc34", "TASK", "CORPORA")} {
		if st, err := os.Stat(filepath.Join(c, "dev")); err == nil && st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("%s: %w", dir, ErrNoCorpus)
}

// Files returns the text and key files of a split under the CORPORA
// folder, in reading order.
func Files(corpora, split string) (texts, keys []string, err error) {
	glob := func(pattern string) []string {
		m, _ := filepath.Glob(filepath.Join(corpora, pattern))
		var out []string
		for _, f := range m {
			if !strings.HasSuffix(f, ".mixed-case") {
				out = append(out, f)
			}
		}
		sort.Strings(out)
		return out
	}
	switch split {
	case "dev":
		texts, keys = glob("dev/dev-muc3-*"), glob("dev/key-dev-*")
	case "tst1", "tst2", "tst3", "tst4":
		texts, keys = glob(split+"/"+split+"-muc?"), glob(split+"/key-"+split+"*")
	case "test":
		for _, s := range []string{"tst3", "tst4"} {
			t, k, err := Files(corpora, s)
			if err != nil {
				return nil, nil, err
			}
			texts, keys = append(texts, t...), append(keys, k...)
		}
		return texts, keys, nil
	default:
		return nil, nil, fmt.Errorf("unknown split %q (want one of %s)", split, strings.Join(Splits, ", "))
	}
	if len(texts) == 0 || len(keys) == 0 {
		return nil, nil, fmt.Errorf("split %s: no text or key files under %s", split, corpora)
	}
	return texts, keys, nil
}

// Load reads a split's messages and key templates from dir (see
// CorporaDir). Every message must have key templates and every key a
// message.
func Load(dir, split string) (*Corpus, error) {
	corpora, err := CorporaDir(dir)
	if err != nil {
		return nil, err
	}
	texts, keys, err := Files(corpora, split)
	if err != nil {
		return nil, err
	}
	c := &Corpus{Split: split, Keys: map[string][]*Template{}}
	for _, f := range texts {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		c.Messages = append(c.Messages, ParseMessages(string(b))...)
	}
	for _, f := range keys {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		ts, err := ParseKeys(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		for _, t := range ts {
			c.Keys[t.Message] = append(c.Keys[t.Message], t)
		}
	}
	seen := map[string]bool{}
	for _, m := range c.Messages {
		if seen[m.ID] {
			return nil, fmt.Errorf("split %s: message %s twice", split, m.ID)
		}
		seen[m.ID] = true
		if len(c.Keys[m.ID]) == 0 {
			return nil, fmt.Errorf("split %s: message %s has no key templates", split, m.ID)
		}
	}
	for id := range c.Keys {
		if !seen[id] {
			return nil, fmt.Errorf("split %s: key templates for %s, a message the texts lack", split, id)
		}
	}
	return c, nil
}

// header matches the line that opens each message: its id and, in most
// files, its source ("DEV-MUC3-0001 (NOSC)").
var header = regexp.MustCompile(`(?m)^((?:DEV|TST\d)-MUC\d-\d{4})\b[^\n]*\n`)

// ParseMessages splits a corpus file into its messages, in file order.
func ParseMessages(file string) []Message {
	var out []Message
	locs := header.FindAllStringSubmatchIndex(file, -1)
	year := 0
	for i, m := range locs {
		end := len(file)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		msg := Message{ID: file[m[2]:m[3]], Text: file[m[1]:end]}
		msg.Dateline = ParseDateline(msg.Text, year)
		if !msg.Dateline.Date.IsZero() {
			year = msg.Dateline.Date.Year
		}
		out = append(out, msg)
	}
	return out
}

// dateline matches a message's dateline up to its "--": place, date (day
// and month in either order, the month's name whole or cut, an optional
// year, or NO DATE) and an optional source in parentheses.
var dateline = regexp.MustCompile(`^\s*(.+?),\s*(?:(\d{1,2})\s+([A-Z][A-Za-z]{2,8})\.?|([A-Z][A-Za-z]{2,8})\.?\s+(\d{1,2})|(NO DATE))(?:\s+(\d{2}|\d{4}))?\s*(?:\(([^)]*)\)\s*)?--`)

// ParseDateline reads the dateline at the start of a message's text.
// defaultYear is used when the dateline gives a day and month but no
// year; 0 leaves such a date unknown.
func ParseDateline(text string, defaultYear int) Dateline {
	m := dateline.FindStringSubmatchIndex(text)
	if m == nil {
		return Dateline{}
	}
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	d := Dateline{Place: strings.TrimSpace(sub(1)), Outlet: strings.TrimSpace(sub(8)), End: m[1]}
	if sub(6) != "" {
		return d
	}
	day, month := sub(2), sub(3)
	if day == "" {
		day, month = sub(5), sub(4)
	}
	mon, ok := monthNumber(month)
	dd, _ := strconv.Atoi(day)
	year := defaultYear
	if y := sub(7); y != "" {
		year, _ = strconv.Atoi(y)
		if year < 100 {
			year += 1900
		}
	}
	if !ok || year == 0 || dd < 1 || dd > 31 {
		return d
	}
	t := time.Date(year, mon, dd, 0, 0, 0, 0, time.UTC)
	if t.Day() != dd {
		return d
	}
	d.Date = sitrep.DateOf(t)
	return d
}

// monthNumber reads a month's name, whole or cut to three letters or
// more ("JAN", "SEPT", "APRIL"), in any case.
func monthNumber(s string) (time.Month, bool) {
	s = strings.ToUpper(s)
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToUpper(m.String())
		if strings.HasPrefix(name, s) {
			return m, true
		}
	}
	return 0, false
}
