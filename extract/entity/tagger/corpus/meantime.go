package corpus

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"

	"github.com/sitrep-project/sitrep/extract/entity/tagger"
)

// MEANTIME reads the intra-document CAT XML files of MEANTIME (CC BY 4.0)
// under dir. Name mentions (syntactic type NAM or PRE.NAM) that refer to
// an entity of type PER, ORG or LOC are labelled; everything else is O.
// MEANTIME annotates only entities taking part in annotated events, so
// its sentences are only partly labelled.
func MEANTIME(dir string) ([]tagger.Example, error) {
	files, err := filepath.Glob(filepath.Join(dir, "intra-doc_annotation", "*", "*.xml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var out []tagger.Example
	for _, f := range files {
		exs, err := meantimeFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, exs...)
	}
	return out, nil
}

func meantimeFile(path string) ([]tagger.Example, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Tokens []struct {
			ID       string `xml:"t_id,attr"`
			Sentence int    `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
		Markables struct {
			Mentions []struct {
				ID      string `xml:"m_id,attr"`
				Syn     string `xml:"syntactic_type,attr"`
				Anchors []struct {
					ID string `xml:"t_id,attr"`
				} `xml:"token_anchor"`
			} `xml:"ENTITY_MENTION"`
			Entities []struct {
				ID   string `xml:"m_id,attr"`
				Type string `xml:"ent_type,attr"`
			} `xml:"ENTITY"`
		} `xml:"Markables"`
		Relations struct {
			Refers []struct {
				Sources []struct {
					ID string `xml:"m_id,attr"`
				} `xml:"source"`
				Target struct {
					ID string `xml:"m_id,attr"`
				} `xml:"target"`
			} `xml:"REFERS_TO"`
		} `xml:"Relations"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	entType := map[string]string{}
	for _, e := range doc.Markables.Entities {
		entType[e.ID] = e.Type
	}
	mentionType := map[string]string{}
	for _, r := range doc.Relations.Refers {
		t := entType[r.Target.ID]
		for _, s := range r.Sources {
			mentionType[s.ID] = t
		}
	}
	tokIdx := map[string]int{}
	for i, t := range doc.Tokens {
		tokIdx[t.ID] = i
	}
	lab := make([]string, len(doc.Tokens))
	for i := range lab {
		lab[i] = "O"
	}
	for _, m := range doc.Markables.Mentions {
		if m.Syn != "NAM" && m.Syn != "PRE.NAM" {
			continue
		}
		var lt string
		switch mentionType[m.ID] {
		case "PER":
			lt = "PER"
		case "ORG":
			lt = "ORG"
		case "LOC":
			lt = "LOC"
		default:
			continue
		}
		var idx []int
		for _, a := range m.Anchors {
			if i, ok := tokIdx[a.ID]; ok {
				idx = append(idx, i)
			}
		}
		slices.Sort(idx)
		for k, i := range idx {
			if k == 0 {
				lab[i] = "B-" + lt
			} else {
				lab[i] = "I-" + lt
			}
		}
	}
	var out []tagger.Example
	for i := 0; i < len(doc.Tokens); {
		j := i
		for j < len(doc.Tokens) && doc.Tokens[j].Sentence == doc.Tokens[i].Sentence {
			j++
		}
		ex := tagger.Example{Source: "meantime"}
		for k := i; k < j; k++ {
			ex.Words = append(ex.Words, doc.Tokens[k].Text)
		}
		ex.Labels = labels(lab[i:j])
		out = append(out, ex)
		i = j
	}
	return out, nil
}
