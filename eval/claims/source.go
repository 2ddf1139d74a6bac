package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// Sources of gold sentences.
const (
	SourceSeed    = "seed"    // a sample article of ../shared/corpus/seeds
	SourceDataset = "dataset" // a file of ../shared/datasets
)

// Roots are the folders locators are relative to.
type Roots struct {
	Seeds    string // the seed articles (../shared/corpus/seeds)
	Datasets string // the data sets (../shared/datasets)
}

// Default roots, relative to the repository's root: the shared folders sit
// beside it.
const (
	DefaultSeeds    = "../shared/corpus/seeds"
	DefaultDatasets = "../shared/datasets"
)

// ErrAbsent is returned when the file a locator names is not there (the
// data sets are not shipped with the repository).
var ErrAbsent = errors.New("source file not found")

// ErrHash is returned when the text at a locator is not the text the gold
// was written for (another version of the data set).
var ErrHash = errors.New("text differs from the gold's (SHA-256 mismatch)")

// HashLen is the number of hex digits of the SHA-256 prefix kept in the
// gold.
const HashLen = 16

// Hash returns the first HashLen hex digits of the SHA-256 of s.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:HashLen]
}

// Doc is a source document: the whole article or record a gold sentence
// comes from, as read, without cleaning.
type Doc struct {
	Key  string // file and record, e.g. "muc4/.../dev-muc3-0001-0100#DEV-MUC3-0001"
	Text string
}

// DocKey names the document a record's sentence belongs to.
func (r *Record) DocKey() string {
	k := r.Source + ":" + r.File
	switch {
	case r.Line > 0:
		k += fmt.Sprintf("#%d", r.Line)
	case r.Doc != "":
		k += "#" + r.Doc
	}
	return k
}

// Loader reads source documents, each file once.
type Loader struct {
	Roots Roots
	mu    sync.Mutex
	files map[string]*fileCache
}

type fileCache struct {
	err   error
	whole string            // plain files
	lines []string          // .tsv and .jsonl files: raw lines
	docs  map[string]string // MUC files: text of each document by id
}

// NewLoader returns a loader reading under roots.
func NewLoader(roots Roots) *Loader {
	return &Loader{Roots: roots, files: map[string]*fileCache{}}
}

// Path returns the file a record's locator names.
func (l *Loader) Path(r *Record) string {
	root := l.Roots.Datasets
	if r.Source == SourceSeed {
		root = l.Roots.Seeds
	}
	return filepath.Join(root, filepath.FromSlash(r.File))
}

// Document returns the text of the document a record's sentence comes
// from, checking the sentence's offsets and hash. The error wraps
// ErrAbsent when the file is not there and ErrHash when the sentence's
// text is not the gold's.
func (l *Loader) Document(r *Record) (string, error) {
	text, err := l.document(r)
	if err != nil {
		return "", err
	}
	if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
		return "", fmt.Errorf("%s: span [%d,%d) outside the document (%d bytes): %w", r.ID, r.Start, r.End, len(text), ErrHash)
	}
	if h := Hash(text[r.Start:r.End]); h != r.SHA256 {
		return "", fmt.Errorf("%s: %s holds %q: %w", r.ID, r.DocKey(), clip(text[r.Start:r.End], 60), ErrHash)
	}
	return text, nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func (l *Loader) document(r *Record) (string, error) {
	if r.File == "" || strings.Contains(r.File, "..") || filepath.IsAbs(r.File) {
		return "", fmt.Errorf("%s: bad file %q", r.ID, r.File)
	}
	path := l.Path(r)
	l.mu.Lock()
	fc, ok := l.files[path]
	if !ok {
		fc = readFile(path)
		l.files[path] = fc
	}
	l.mu.Unlock()
	if fc.err != nil {
		return "", fmt.Errorf("%s: %w", r.ID, fc.err)
	}
	switch {
	case r.Line > 0:
		if r.Line > len(fc.lines) {
			return "", fmt.Errorf("%s: %s has %d lines, not %d: %w", r.ID, r.File, len(fc.lines), r.Line, ErrHash)
		}
		return RecordText(r.File, fc.lines[r.Line-1])
	case r.Doc != "":
		if fc.docs == nil {
			fc.docs = MUCDocs(fc.whole)
		}
		t, ok := fc.docs[r.Doc]
		if !ok {
			return "", fmt.Errorf("%s: no document %s in %s: %w", r.ID, r.Doc, r.File, ErrHash)
		}
		return t, nil
	}
	return fc.whole, nil
}

func readFile(path string) *fileCache {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			err = fmt.Errorf("%s: %w", path, ErrAbsent)
		}
		return &fileCache{err: err}
	}
	fc := &fileCache{whole: string(b)}
	if ext := filepath.Ext(path); ext == ".tsv" || ext == ".jsonl" {
		fc.lines = strings.Split(strings.TrimSuffix(fc.whole, "\n"), "\n")
		fc.whole = ""
	}
	return fc
}

// RecordText returns the document text of one line of a record file: the
// first field of a .tsv line (the SATP snippets), the "doc_text" (else
// "text") field of a .jsonl line (IndiaPoliceEvents docs.jsonl).
func RecordText(file, line string) (string, error) {
	switch filepath.Ext(file) {
	case ".tsv":
		text, _, _ := strings.Cut(strings.TrimSuffix(line, "\r"), "\t")
		return text, nil
	case ".jsonl":
		var rec struct {
			DocText *string `json:"doc_text"`
			Text    *string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return "", fmt.Errorf("%s: %w", file, err)
		}
		switch {
		case rec.DocText != nil:
			return *rec.DocText, nil
		case rec.Text != nil:
			return *rec.Text, nil
		}
		return "", fmt.Errorf("%s: record without doc_text or text", file)
	}
	return "", fmt.Errorf("%s: a line number is given but the file is neither .tsv nor .jsonl", file)
}

// mucHeader matches the line that opens each MUC-3/4 text: its id and
// source, "DEV-MUC3-0001 (NOSC)".
var mucHeader = regexp.MustCompile(`(?m)^((?:DEV|TST\d)-MUC\d-\d{4}) *\([^)\n]*\)[ \t]*\r?\n`)

// MUCDocs splits a MUC-3/4 corpus file into its texts: each text runs from
// the end of its header line to the start of the next header (or the end
// of the file), untouched.
func MUCDocs(file string) map[string]string {
	out := map[string]string{}
	locs := mucHeader.FindAllStringSubmatchIndex(file, -1)
	for i, m := range locs {
		end := len(file)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out[file[m[2]:m[3]]] = file[m[1]:end]
	}
	return out
}

// MUCOrder returns the ids of a MUC file's texts in file order.
func MUCOrder(file string) []string {
	var ids []string
	for _, m := range mucHeader.FindAllStringSubmatch(file, -1) {
		ids = append(ids, m[1])
	}
	return ids
}
