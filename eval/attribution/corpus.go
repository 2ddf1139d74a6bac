package attribution

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Document is one text with its gold attributions.
type Document struct {
	Name       string   // the text's file name without .txt
	Annotator  string   // the id of the annotator scored
	Annotators []string // every annotator of the text, sorted
	Text       string
	Published  sitrep.Date // from the metadata; zero when not given
	Gold       []Attribution
}

// annFile matches an annotation file name: NAME_XXXX.ann.
var annFile = regexp.MustCompile(`^(.+)_([0-9A-Za-z]+)\.ann$`)

// Load reads one split ("train", "dev" or "test") of a PolNeAR folder:
// dir is the folder holding data/, or data/ itself. Documents come in
// name order; each is scored against the smallest annotator id.
func Load(dir, split string) ([]Document, error) {
	data := filepath.Join(dir, "data")
	if _, err := os.Stat(filepath.Join(data, split)); err != nil {
		data = dir
	}
	annDir := filepath.Join(data, split, "attributions")
	entries, err := os.ReadDir(annDir)
	if err != nil {
		return nil, err
	}
	dates, err := readMetadata(filepath.Join(data, "metadata.tsv"))
	if err != nil {
		return nil, err
	}
	byName := map[string][]string{}
	for _, e := range entries {
		if m := annFile.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() {
			byName[m[1]] = append(byName[m[1]], m[2])
		}
	}
	if len(byName) == 0 {
		return nil, fmt.Errorf("%s: no NAME_XXXX.ann files", annDir)
	}
	var docs []Document
	for name, ids := range byName {
		slices.Sort(ids)
		text, err := os.ReadFile(filepath.Join(data, split, "text", name+".txt"))
		if err != nil {
			return nil, err
		}
		d := Document{Name: name, Annotator: ids[0], Annotators: ids, Text: string(text), Published: dates[name]}
		path := filepath.Join(annDir, name+"_"+ids[0]+".ann")
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		d.Gold, err = ReadBrat(f, d.Text)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d)
	}
	slices.SortFunc(docs, func(a, b Document) int { return strings.Compare(a.Name, b.Name) })
	return docs, nil
}

// readMetadata returns the publication dates of metadata.tsv by file
// name. Unparsable dates are left out.
func readMetadata(path string) (map[string]sitrep.Date, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	nameCol, dateCol := -1, -1
	out := map[string]sitrep.Date{}
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if first {
			nameCol, dateCol = slices.Index(cols, "filename"), slices.Index(cols, "publication_date")
			if nameCol < 0 || dateCol < 0 {
				return nil, fmt.Errorf("%s: no filename and publication_date columns in the header", path)
			}
			continue
		}
		if len(cols) <= max(nameCol, dateCol) {
			continue
		}
		if d, err := sitrep.ParseDate(strings.TrimSpace(cols[dateCol])); err == nil {
			out[strings.TrimSpace(cols[nameCol])] = d
		}
	}
	return out, sc.Err()
}
