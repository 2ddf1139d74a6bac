// Package sample embeds the built-in sample corpus that "sitrep demo"
// analyses: 71 official statements on Daesh, attacks and the campaigns in
// Iraq and Syria, taken from the re3d data set (Dstl), in its openly
// licensed parts only:
//
//   - US State Department statements: public domain (U.S. Department of
//     State).
//   - CENTCOM press releases: public domain (U.S. Central Command).
//   - UK Government statements: contain public sector information licensed
//     under the Open Government Licence v3.0.
//
// Each record keeps its source URL and licence. The file is written by
// "go run ./sample/gen" (see that command).
package sample

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed re3d.jsonl
var corpus []byte

// Article is one sample record.
type Article struct {
	ID      string `json:"id"`
	URL     string `json:"url"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet"`
	Licence string `json:"licence"`
	Text    string `json:"text"`
}

// JSONL returns the corpus as JSON Lines.
func JSONL() []byte { return corpus }

// Articles returns the sample articles in corpus order.
func Articles() ([]Article, error) {
	var out []Article
	sc := bufio.NewScanner(bytes.NewReader(corpus))
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for n := 1; sc.Scan(); n++ {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("sample corpus line %d: %w", n, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}
