package entity_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/entity"
)

// ent builds an entity whose mentions are forms, each "text" or
// "text/via" (via "tagger" when left out).
func ent(id, name string, forms ...string) sitrep.Entity {
	typ := strings.Split(id, ":")[1]
	if strings.HasPrefix(id, "kb:") {
		typ = "organization"
	}
	e := sitrep.Entity{ID: id, Name: name, Type: typ, Aliases: []string{}}
	if len(forms) == 0 {
		forms = []string{name}
	}
	for i, f := range forms {
		text, via, ok := strings.Cut(f, "/")
		if !ok {
			via = "tagger"
		}
		e.Mentions = append(e.Mentions, sitrep.EntityMention{Start: i * 10, End: i*10 + len(text), Text: text, Via: via})
	}
	return e
}

func placed(e sitrep.Entity, id, name string) sitrep.Entity {
	e.Type = "location"
	e.Place = &sitrep.Place{ID: id, Name: name, Kind: "city"}
	return e
}

func doc(id string, es ...sitrep.Entity) *sitrep.Document {
	return &sitrep.Document{ID: id, Entities: es}
}

// merges renders the merge records as "from>into:reason", sorted.
func merges(c *entity.Corpus) []string {
	var out []string
	for _, m := range c.Merges {
		out = append(out, m.From+">"+m.Into+":"+m.Reason)
	}
	sort.Strings(out)
	return out
}

func TestLink(t *testing.T) {
	tests := []struct {
		name      string
		docs      []*sitrep.Document
		decisions string
		merges    []string // exactly these merge records
		entities  int      // canonical entities, when not 0
	}{
		{"transliteration of a full name",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:sadiq-shinwary", "Sadiq Shinwary")),
				doc("d2", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari"), ent("auto:person:sadiq-shinwari", "Sadiq Shinwari")),
			}, "",
			[]string{"auto:person:sadiq-shinwary>auto:person:sadiq-shinwari:spelling"}, 1},
		{"group names in other transliterations",
			[]*sitrep.Document{
				doc("d1", ent("auto:organization:tehreek-e-labbaik-pakistan", "Tehreek-e-Labbaik Pakistan")),
				doc("d2", ent("auto:organization:tehrik-i-labaik-pakistan", "Tehrik-i-Labaik Pakistan")),
				doc("d3", ent("auto:person:mohammad-yousaf", "Mohammad Yousaf")),
				doc("d4", ent("auto:person:muhammad-yousaf", "Muhammad Yousaf")),
			}, "",
			[]string{
				"auto:organization:tehrik-i-labaik-pakistan>auto:organization:tehreek-e-labbaik-pakistan:spelling",
				"auto:person:muhammad-yousaf>auto:person:mohammad-yousaf:spelling",
			}, 2},
		{"a letter dropped in a long name",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:qari-zabihullah-haqqani", "Qari Zabihullah Haqqani")),
				doc("d2", ent("auto:person:qari-zabiullah-haqqani", "Qari Zabiullah Haqqani")),
			}, "",
			[]string{"auto:person:qari-zabiullah-haqqani>auto:person:qari-zabihullah-haqqani:spelling"}, 1},
		{"middle initial",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:john-a-smith", "John A. Smith", "John A. Smith", "Smith/short")),
				doc("d2", ent("auto:person:john-smith", "John Smith")),
			}, "",
			[]string{"auto:person:john-smith>auto:person:john-a-smith:middle_initial"}, 1},
		{"two middle initials keep all three apart",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:john-a-smith", "John A. Smith")),
				doc("d2", ent("auto:person:john-b-smith", "John B. Smith")),
				doc("d3", ent("auto:person:john-smith", "John Smith")),
			}, "", nil, 3},
		{"people sharing only a surname",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:sadiq-khan", "Sadiq Khan"), ent("auto:person:khan", "Khan")),
				doc("d2", ent("auto:person:imran-ahmed-khan", "Imran Ahmed Khan"), ent("auto:person:khan", "Khan")),
				doc("d3", ent("auto:person:ali-khan", "Ali Khan"), ent("auto:person:ala-khan", "Ala Khan")),
			}, "", nil, 5},
		{"never across types",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:jamal-khan-achakzai", "Jamal Khan Achakzai")),
				doc("d2", ent("auto:organization:jamal-khan-achakzai", "Jamal Khan Achakzai")),
			}, "", nil, 2},
		{"a branch is not its parent; knowledge-base entries stay apart",
			[]*sitrep.Document{
				doc("d1", ent("auto:organization:jamaat-ul-ahrar", "Jamaat-ul-Ahrar"), ent("kb:iskp", "Islamic State Khorasan Province", "ISKP/acronym")),
				doc("d2", ent("auto:organization:jamaat-ul-ahrar-khorasan", "Jamaat-ul-Ahrar Khorasan"), ent("kb:islamic-state", "Islamic State", "Islamic State/name")),
				doc("d3", placed(ent("kb:pakistan", "Pakistan", "Pakistan/name"), "geonames:PK", "Pakistan"),
					placed(ent("kb:islamic-republic", "Islamic Republic", "Islamic Republic/name"), "geonames:PK", "Pakistan")),
			}, "", nil, 6},
		{"acronym defined by variant expansions, and used bare",
			[]*sitrep.Document{
				doc("d1", ent("auto:organization:jamaat-ul-ahrar", "Jamaat-ul-Ahrar", "Jamaat-ul-Ahrar", "JuA/defined")),
				doc("d2", ent("auto:organization:jamat-ul-ahrar", "Jamat ul Ahrar", "Jamat ul Ahrar", "JuA/defined")),
				doc("d3", ent("auto:organization:jua", "JuA")),
			}, "",
			[]string{
				"auto:organization:jamat-ul-ahrar>auto:organization:jamaat-ul-ahrar:acronym",
				"auto:organization:jua>auto:organization:jamaat-ul-ahrar:acronym",
			}, 1},
		{"an acronym with two expansions is not merged",
			[]*sitrep.Document{
				doc("d1", ent("auto:organization:police-training-centre", "Police Training Centre", "Police Training Centre", "PTC/defined")),
				doc("d2", ent("auto:organization:provincial-transport-corporation", "Provincial Transport Corporation", "Provincial Transport Corporation", "PTC/defined")),
				doc("d3", ent("auto:organization:ptc", "PTC")),
			}, "", nil, 3},
		{"places the gazetteer puts at one place; one name at two places",
			[]*sitrep.Document{
				doc("d1", placed(ent("auto:location:kurram-agency", "Kurram Agency"), "geonames:1172574", "Kurram"),
					placed(ent("auto:location:hyderabad", "Hyderabad"), "geonames:1176734", "Hyderabad")),
				doc("d2", placed(ent("auto:location:kurram", "Kurram"), "geonames:1172574", "Kurram"),
					placed(ent("auto:location:hyderabad", "Hyderabad"), "geonames:1269843", "Hyderabad")),
				doc("d3", placed(ent("kb:durand-line", "Durand Line", "Durand Line/name"), "sitrep:durand-line", "Durand Line"),
					placed(ent("auto:location:af-pak-frontier", "Af-Pak frontier"), "sitrep:durand-line", "Durand Line")),
			}, "",
			[]string{
				"auto:location:af-pak-frontier>kb:durand-line:same_place",
				"auto:location:kurram>auto:location:kurram-agency:same_place",
			}, 4},
		{"apart undoes a merge",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:sadiq-shinwary", "Sadiq Shinwary")),
				doc("d2", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari")),
			}, "apart auto:person:sadiq-shinwari auto:person:sadiq-shinwary\n", nil, 2},
		{"not FORM ID undoes a merge",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:sadiq-shinwary", "Sadiq Shinwary")),
				doc("d2", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari")),
			}, "not Sadiq Shinwary auto:person:sadiq-shinwari\n", nil, 2},
		{"same forces a merge, even of two knowledge-base entries",
			[]*sitrep.Document{
				doc("d1", ent("auto:organization:ctu", "Counter Terrorism Unit"), ent("kb:a", "A", "A/name")),
				doc("d2", ent("kb:ctd", "Counter Terrorism Department", "CTD/acronym"), ent("kb:b", "B", "B/name")),
			}, "same auto:organization:ctu kb:ctd\nsame kb:a kb:b\n",
			[]string{"auto:organization:ctu>kb:ctd:decision", "kb:a>kb:b:decision"}, 2},
		{"same applied in the documents already",
			[]*sitrep.Document{
				doc("d1", ent("kb:ctd", "Counter Terrorism Department", "Counter Terrorism Unit/decision")),
				doc("d2", ent("kb:ctd", "Counter Terrorism Department", "CTD/acronym")),
			}, "same auto:organization:counter-terrorism-unit kb:ctd\n",
			[]string{"auto:organization:counter-terrorism-unit>kb:ctd:decision"}, 1},
		{"apart wins over same",
			[]*sitrep.Document{
				doc("d1", ent("auto:person:a-b", "A B")),
				doc("d2", ent("auto:person:c-d", "C D")),
			}, "same auto:person:a-b auto:person:c-d\napart auto:person:a-b auto:person:c-d\n", nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d *entity.Decisions
			if tt.decisions != "" {
				var err error
				if d, err = entity.ParseDecisions(strings.NewReader(tt.decisions), "test"); err != nil {
					t.Fatal(err)
				}
			}
			c := entity.Link(tt.docs, d)
			got := merges(c)
			want := append([]string{}, tt.merges...)
			sort.Strings(want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("merges:\n got %q\nwant %q", got, want)
			}
			if tt.entities != 0 && len(c.Entities) != tt.entities {
				var ids []string
				for _, e := range c.Entities {
					ids = append(ids, e.ID)
				}
				t.Errorf("%d canonical entities %v, want %d", len(c.Entities), ids, tt.entities)
			}
			// Every merge has evidence from the documents, and every
			// merged id is listed by its canonical entity.
			into := map[string]string{}
			for _, e := range c.Entities {
				for _, m := range e.Merged {
					into[m] = e.ID
				}
			}
			for _, m := range c.Merges {
				if len(m.Evidence) == 0 {
					t.Errorf("%s > %s: no evidence", m.From, m.Into)
				}
				if into[m.From] != m.Into {
					t.Errorf("%s > %s: canonical entity lists it under %q", m.From, m.Into, into[m.From])
				}
			}
		})
	}
}

func TestLinkCanonical(t *testing.T) {
	docs := []*sitrep.Document{
		doc("d1", ent("auto:person:sadiq-shinwary", "Sadiq Shinwary", "Sadiq Shinwary", "Shinwary/short")),
		doc("d2", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari"), ent("kb:ttp", "Tehrik-i-Taliban Pakistan", "TTP/acronym")),
		doc("d3", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari"), ent("kb:ttp", "Tehrik-i-Taliban Pakistan", "Pakistani Taliban/name")),
		doc("d3", ent("auto:person:sadiq-shinwari", "Sadiq Shinwari")), // the same document again
	}
	c := entity.Link(docs, nil)
	if len(c.Entities) != 2 {
		t.Fatalf("entities: %+v", c.Entities)
	}
	s := c.Entities[0] // most documents first; ties by mentions
	if s.ID != "auto:person:sadiq-shinwari" || s.Name != "Sadiq Shinwari" || s.Mentions != 4 ||
		fmt.Sprint(s.Documents) != "[d1 d2 d3]" || fmt.Sprint(s.Merged) != "[auto:person:sadiq-shinwary]" ||
		fmt.Sprint(s.Aliases) != "[Sadiq Shinwary]" || s.Type != "person" {
		t.Errorf("canonical: %+v", s)
	}
	ttp := c.Entities[1]
	if ttp.ID != "kb:ttp" || ttp.Mentions != 2 || fmt.Sprint(ttp.Aliases) != "[TTP Pakistani Taliban]" || len(ttp.Merged) != 0 {
		t.Errorf("kb entity: %+v", ttp)
	}
	m := c.Merges[0]
	if m.From != "auto:person:sadiq-shinwary" || m.Into != "auto:person:sadiq-shinwari" || m.Reason != "spelling" ||
		fmt.Sprint(m.Evidence) != "[{d1 Sadiq Shinwary} {d2 Sadiq Shinwari} {d3 Sadiq Shinwari}]" {
		t.Errorf("merge: %+v", m)
	}
}

// TestLinkResolved links documents as the resolver makes them: ids per
// document do not change when other documents are analysed.
func TestLinkResolved(t *testing.T) {
	tags := listTagger{"Sadiq Shinwary": "person", "Sadiq Shinwari": "person", "Khan": "person", "CTU": "organization"}
	r := placeResolver(t, tags)
	texts := []string{
		"Sadiq Shinwary, a tribal elder, was shot. The Counter Terrorism Unit (CTU) said Khan was arrested.",
		"Police named Sadiq Shinwari as the victim. The Counter-Terrorism Unit (CTU) gave no more details.",
		"The CTU raided a house.",
	}
	var docs []*sitrep.Document
	for i, text := range texts {
		d := &sitrep.Document{ID: fmt.Sprint("doc", i), Text: text}
		r.Resolve(d)
		docs = append(docs, d)
	}
	before := fmt.Sprint(docs[0].Entities)
	c := entity.Link(docs, nil)
	if fmt.Sprint(docs[0].Entities) != before {
		t.Error("Link changed a document's entities")
	}
	got := merges(c)
	want := []string{
		"auto:organization:ctu>auto:organization:counter-terrorism-unit:acronym",
		"auto:person:sadiq-shinwari>auto:person:sadiq-shinwary:spelling",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("merges:\n got %q\nwant %q\nentities %+v", got, want, c.Entities)
	}
}
