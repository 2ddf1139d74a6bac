package claims

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
)

// The test set (the gold) and the development set, drawn the same way
// from disjoint documents (docs/claims.md).
const (
	goldFile = "testdata/gold.jsonl"
	devFile  = "testdata/dev.jsonl"
)

var setFiles = []string{goldFile, devFile}

// The shared folders sit beside the repository.
var testRoots = Roots{
	Seeds:    filepath.Join("..", "..", "..", "shared", "corpus", "seeds"),
	Datasets: filepath.Join("..", "..", "..", "shared", "datasets"),
}

func readSet(t *testing.T, file string) []Record {
	t.Helper()
	recs, err := ReadGold(file)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// eachSet runs f on the gold and on the development set.
func eachSet(t *testing.T, f func(t *testing.T, file string, recs []Record)) {
	for _, file := range setFiles {
		t.Run(filepath.Base(file), func(t *testing.T) { f(t, file, readSet(t, file)) })
	}
}

// TestSetsDisjoint checks that the development set shares no document
// with the gold: tuning on it does not see the test set's text.
func TestSetsDisjoint(t *testing.T) {
	gold := map[string]string{}
	for _, r := range readSet(t, goldFile) {
		gold[r.DocKey()] = r.ID
	}
	dev := readSet(t, devFile)
	for _, r := range dev {
		if id, ok := gold[r.DocKey()]; ok {
			t.Errorf("dev %s and gold %s come from the same document %s", r.ID, id, r.DocKey())
		}
		if r.Source != SourceDataset {
			t.Errorf("dev %s: the development set holds data set sentences only (every seed sentence is in the gold)", r.ID)
		}
	}
}

// TestGoldLocators re-reads every gold sentence where its locator points
// and checks its hash. Absent files are counted and skipped (the data
// sets are not shipped); a changed text fails.
func TestGoldLocators(t *testing.T) {
	eachSet(t, testLocators)
}

func testLocators(t *testing.T, file string, recs []Record) {
	l := NewLoader(testRoots)
	absent := map[string]int{}
	ok := 0
	for i := range recs {
		r := &recs[i]
		_, err := l.Document(r)
		switch {
		case err == nil:
			ok++
		case errors.Is(err, ErrAbsent):
			absent[SourceOf(r)]++
		default:
			t.Errorf("%v", err)
		}
	}
	if ok == 0 {
		t.Skipf("no gold source found under %s or %s (the shared seeds and data sets sit beside the repository): locators not checked", testRoots.Seeds, testRoots.Datasets)
	}
	t.Logf("%d of %d gold sentences found at their locator with their hash; absent: %v", ok, len(recs), absent)
}

// TestGoldContents checks the gold set's shape: enough sentences and
// claims, every predicate, denials and hedged claims represented, seed
// sentences carrying their text and data set sentences not, and every
// knowledge-base id in the knowledge base.
func TestGoldContents(t *testing.T) {
	eachSet(t, testContents)
}

func testContents(t *testing.T, file string, recs []Record) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	byPred := map[string]int{}
	var n, deny, hedged, none int
	checkActor := func(id string, a Actor) {
		for _, x := range append([]Actor{a}, a.Alt...) {
			if e, ok := strings.CutPrefix(x.Entity, "kb:"); ok && k.Get(e) == nil {
				t.Errorf("%s: %s is not in the knowledge base", id, x.Entity)
			}
		}
	}
	for _, r := range recs {
		if (r.Source == SourceSeed) != (r.Text != "") {
			t.Errorf("%s: seed sentences carry their text, data set sentences do not", r.ID)
		}
		if r.Stratum == "none" {
			none++
		}
		for _, c := range r.Claims {
			n++
			byPred[c.Predicate]++
			if c.Polarity == sitrep.PolarityDeny {
				deny++
			}
			if c.Hedged {
				hedged++
			}
			checkActor(r.ID, c.Subject)
			checkActor(r.ID, c.Object)
			checkActor(r.ID, c.Speaker)
		}
	}
	// the development set is smaller in claims (no seed article), with
	// fewer denials: its floors are lower
	minSent, minClaims, minDeny, minHedged, minNone, minPred := 150, 100, 10, 10, 20, 5
	if file == devFile {
		minSent, minClaims, minDeny, minHedged, minNone, minPred = 150, 80, 3, 10, 20, 3
	}
	if len(recs) < minSent || n < minClaims || deny < minDeny || hedged < minHedged || none < minNone {
		t.Errorf("%d sentences, %d claims, %d denials, %d hedged, %d no-keyword sentences: want at least %d, %d, %d, %d, %d", len(recs), n, deny, hedged, none, minSent, minClaims, minDeny, minHedged, minNone)
	}
	for _, p := range Predicates {
		if byPred[p] < minPred {
			t.Errorf("predicate %s: %d gold claims, want at least 5", p, byPred[p])
		}
	}
	t.Logf("%d sentences, %d claims %v, %d denials, %d hedged", len(recs), n, byPred, deny, hedged)
}

// TestGoldOracle scores the gold against itself, each gold claim turned
// into a prediction over its sentence: every level must score 1. It runs
// on the seed sentences at least (rebuilt from the gold when the seed
// files are absent).
func TestGoldOracle(t *testing.T) {
	eachSet(t, testOracle)
}

func testOracle(t *testing.T, _ string, recs []Record) {
	oracle := func(_ context.Context, doc *sitrep.Document) error {
		for _, r := range recs {
			if r.End > len(doc.Text) || Hash(doc.Text[r.Start:r.End]) != r.SHA256 {
				continue
			}
			for _, c := range r.Claims {
				doc.Claims = append(doc.Claims, sitrep.Claim{
					Subject:   sitrep.Actor{Name: c.Subject.Name, Entity: c.Subject.Entity},
					Predicate: c.Predicate,
					Object:    sitrep.Actor{Name: c.Object.Name, Entity: c.Object.Entity},
					Polarity:  c.Polarity, Value: c.Value, Hedged: c.Hedged,
					Speaker: sitrep.Actor{Name: c.Speaker.Name, Entity: c.Speaker.Entity},
					Start:   r.Start, End: r.End,
				})
			}
		}
		return nil
	}
	units, skipped, _, err := Run(context.Background(), recs, NewLoader(testRoots), oracle)
	if err != nil {
		t.Fatal(err)
	}
	for _, sk := range skipped {
		if !strings.HasPrefix(sk.Reason, "absent: ") {
			t.Errorf("skipped %s: %s", sk.ID, sk.Reason)
		}
	}
	s := Score(units)
	if s.Levels[Full].Gold == 0 {
		t.Fatal("no gold claim scored")
	}
	for _, lv := range Levels {
		if c := s.Levels[lv.Name]; c.TP != c.Gold || c.TP != c.Pred {
			t.Errorf("oracle at %s: %+v, want every claim matched", lv.Name, c)
		}
	}
	t.Logf("oracle: %d sentences, %d claims, %d sentences skipped", s.Sentences, s.Levels[Full].Gold, len(skipped))
}
