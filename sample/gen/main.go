// Command gen writes the built-in sample corpus, sample/re3d.jsonl, from
// the openly licensed parts of the re3d data set: the public-domain US
// State Department and CENTCOM statements and the UK Government statements
// published under the Open Government Licence v3.0.
//
//	go run ./sample/gen -data ../shared/datasets/re3d > sample/re3d.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// sources are the re3d folders whose licence allows redistribution.
var sources = []struct{ dir, licence string }{
	{"US State Department", "public domain (U.S. Department of State)"},
	{"CENTCOM", "public domain (U.S. Central Command)"},
	{"UK Government", "Open Government Licence v3.0 (contains public sector information)"},
}

type record struct {
	ID      string `json:"id"`
	URL     string `json:"url"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet"`
	Licence string `json:"licence"`
	Text    string `json:"text"`
}

func main() {
	data := flag.String("data", "../shared/datasets/re3d", "re3d folder")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, s := range sources {
		f, err := os.Open(filepath.Join(*data, s.dir, "documents.json"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		var recs []record
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var d struct {
				ID, SourceName, SourceURL, Title, Text string
			}
			var raw map[string]any
			if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
				fmt.Fprintln(os.Stderr, "gen:", err)
				os.Exit(1)
			}
			d.ID, _ = raw["_id"].(string)
			d.SourceName, _ = raw["sourceName"].(string)
			d.SourceURL, _ = raw["sourceUrl"].(string)
			d.Title, _ = raw["title"].(string)
			d.Text, _ = raw["text"].(string)
			recs = append(recs, record{ID: d.ID, URL: d.SourceURL, Title: d.Title, Outlet: d.SourceName, Licence: s.licence, Text: d.Text})
		}
		f.Close()
		sort.Slice(recs, func(i, j int) bool { return recs[i].URL < recs[j].URL })
		for _, r := range recs {
			if err := enc.Encode(r); err != nil {
				fmt.Fprintln(os.Stderr, "gen:", err)
				os.Exit(1)
			}
		}
	}
}
