package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/storetest"
)

// TestSearchLimits checks the rank window (10) and the filters on a store
// of 60 documents.
func TestSearchLimits(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.rankWindow = 10
	var batch []sitrep.Analysed
	for i := range 20 {
		for _, a := range storetest.Corpus() {
			a.Document.ID = fmt.Sprintf("%s-%02d", a.Document.ID, i)
			a.Input.URL = fmt.Sprint(i)
			a.Key = a.Input.Key()
			batch = append(batch, a)
		}
	}
	if _, err := db.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name          string
		q             sitrep.SearchQuery
		total, ranked int
		atLeast       bool
		hits          int
		oldest        string // the oldest copy (suffix) a hit may come from
	}{
		{"words alone: exact total, latest 10 ranked", sitrep.SearchQuery{Query: "Pakistan"}, 40, 10, false, 10, "15"},
		{"a page inside the window", sitrep.SearchQuery{Query: "Pakistan", Page: sitrep.Page{Limit: 4, Offset: 8}}, 40, 10, false, 2, "15"},
		{"a page past the window", sitrep.SearchQuery{Query: "Pakistan", Page: sitrep.Page{Limit: 4, Offset: 12}}, 40, 10, false, 0, ""},
		{"filtered: an exact count", sitrep.SearchQuery{Query: "Pakistan", Entity: "kb:ttp"}, 40, 10, false, 10, "15"},
		{"filtered, under the cap", sitrep.SearchQuery{Query: "Pakistan", Outlet: "Dawn"}, 20, 10, false, 10, "10"},
		{"filtered, a first page", sitrep.SearchQuery{Query: "bomber", HasIncident: true, Page: sitrep.Page{Limit: 3}}, 20, 10, false, 3, "10"},
		{"filtered, past the window", sitrep.SearchQuery{Query: "bomber", HasIncident: true, Page: sitrep.Page{Limit: 3, Offset: 30}}, 20, 10, false, 0, ""},
		{"dates of keys not in one run", sitrep.SearchQuery{Query: "Pakistan", Until: sitrep.Date{Year: 2024, Month: 6, Day: 30}}, 20, 10, false, 10, "10"},
		// 40 of the 60 documents are of June and July, in a run of keys
		// with a third left out.
		{"dates, a run of keys with gaps", sitrep.SearchQuery{Query: "Pakistan", Since: sitrep.Date{Year: 2024, Month: 6, Day: 1},
			Until: sitrep.Date{Year: 2024, Month: 7, Day: 31}}, 40, 10, false, 10, "15"},
		{"dates, the few outside the range left out", sitrep.SearchQuery{Query: "Pakistan OR floods", Since: sitrep.Date{Year: 2024, Month: 6, Day: 1},
			Until: sitrep.Date{Year: 2024, Month: 7, Day: 31}}, 40, 10, false, 10, "15"},
		{"dates, only the floods outside", sitrep.SearchQuery{Query: "floods", Since: sitrep.Date{Year: 2024, Month: 6, Day: 1},
			Until: sitrep.Date{Year: 2024, Month: 7, Day: 31}}, 0, 0, false, 0, ""},
		{"none after the filter", sitrep.SearchQuery{Query: "floods", Since: sitrep.Date{Year: 2020, Month: 1, Day: 1}}, 0, 0, false, 0, ""},
	} {
		res, err := db.Search(ctx, tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if res.Total != tc.total || res.Ranked != tc.ranked || res.TotalAtLeast != tc.atLeast || len(res.Hits) != tc.hits {
			t.Errorf("%s: total %d (at least: %v), ranked %d, %d hits; want %d (%v), %d, %d", tc.name,
				res.Total, res.TotalAtLeast, res.Ranked, len(res.Hits), tc.total, tc.atLeast, tc.ranked, tc.hits)
		}
		// The ranked ones are the latest stored.
		for _, h := range res.Hits {
			if h.Document.ID[len(h.Document.ID)-2:] < tc.oldest {
				t.Errorf("%s: hit %s is not among the latest 10 matches", tc.name, h.Document.ID)
			}
		}
	}
}
