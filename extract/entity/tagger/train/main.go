// Command train trains the entity tagger's model from the shared datasets
// and writes it (gzip-compressed) for embedding:
//
//	go run ./extract/entity/tagger/train -data ../shared/datasets -out extract/entity/tagger/model.bin.gz
//
// Training is deterministic: the same data, flags and seed give the same
// model file. One sentence in ten (by a fixed hash of its words) is held
// out as the dev set; the epoch with the best dev micro F1 is kept.
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/extract/entity/tagger"
	"github.com/sitrep-project/sitrep/extract/entity/tagger/corpus"
)

func main() {
	data := flag.String("data", "../shared/datasets", "shared datasets `dir`ectory")
	out := flag.String("out", "extract/entity/tagger/model.bin.gz", "model `file` to write")
	epochs := flag.Int("epochs", 10, "training epochs")
	seed := flag.Int64("seed", 1, "shuffling seed")
	minCount := flag.Int("mincount", 1, "drop features seen fewer times")
	useMeantime := flag.Bool("meantime", false, "train on MEANTIME too (partly annotated: hurts dev F1)")
	domainRepeat := flag.Int("domain", 3, "times the project's own domain sentences (domain.txt) are added to training")
	all := flag.Bool("all", false, "train on the dev split too (after choosing nothing on it)")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	if err := tagger.UsePlaces(); err != nil { // the place features (package geo)
		log.Fatal(err)
	}

	var exs []tagger.Example
	gmb, err := corpus.GMB(filepath.Join(*data, "gmb-kaggle-sample", "ner_dataset.csv"))
	if err != nil {
		log.Fatal(err)
	}
	exs = append(exs, gmb...)
	for _, f := range corpus.Re3dTrainFolders {
		docs, err := corpus.Re3d(filepath.Join(*data, "re3d", f))
		if err != nil {
			log.Fatal(err)
		}
		exs = append(exs, corpus.DocExamples(docs, "re3d")...)
	}
	if *useMeantime {
		mt, err := corpus.MEANTIME(filepath.Join(*data, "meantime", "meantime_newsreader_english_oct15"))
		if err != nil {
			log.Fatal(err)
		}
		exs = append(exs, mt...)
	}
	var train, dev []tagger.Example
	for range *domainRepeat {
		train = append(train, domainExamples()...)
	}
	for _, ex := range exs {
		if corpus.IsDev(ex) && !*all {
			dev = append(dev, ex)
		} else {
			train = append(train, ex)
		}
	}
	count := func(xs []tagger.Example) string {
		n := map[string][2]int{}
		for _, x := range xs {
			c := n[x.Source]
			c[0]++
			c[1] += len(x.Words)
			n[x.Source] = c
		}
		var parts []string
		for _, s := range []string{"gmb", "re3d", "meantime", "domain"} {
			if c, ok := n[s]; ok {
				parts = append(parts, fmt.Sprintf("%s %d sentences/%d tokens", s, c[0], c[1]))
			}
		}
		return strings.Join(parts, ", ")
	}
	log.Printf("train: %s", count(train))
	log.Printf("dev:   %s", count(dev))
	m := tagger.Train(train, dev, tagger.TrainOptions{Epochs: *epochs, Seed: *seed, MinCount: *minCount, Log: os.Stderr})
	for _, src := range []string{"gmb", "re3d", "meantime"} {
		var sub []tagger.Example
		for _, ex := range dev {
			if ex.Source == src {
				sub = append(sub, ex)
			}
		}
		if len(sub) > 0 {
			log.Printf("dev %-8s %s", src, tagger.Evaluate(m, sub))
		}
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%.2f MB) in %s", *out, float64(buf.Len())/1e6, time.Since(start).Round(time.Second))
}

//go:embed domain.txt
var domainText string

// domainExamples parses domain.txt: one tokenised sentence a line, names
// in brackets "[TYPE words]".
func domainExamples() []tagger.Example {
	var out []tagger.Example
	for line := range strings.SplitSeq(domainText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ex := tagger.Example{Source: "domain"}
		typ, first := "", false
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "[") && len(f) > 1 {
				typ, first = f[1:], true
				continue
			}
			w, closing := strings.CutSuffix(f, "]")
			if w == "" {
				w, closing = f, false
			}
			lab := "O"
			if typ != "" {
				if first {
					lab = "B-" + typ
				} else {
					lab = "I-" + typ
				}
				first = false
			}
			ex.Words = append(ex.Words, w)
			ex.Labels = append(ex.Labels, max(0, tagger.LabelIndex(lab)))
			if closing {
				typ = ""
			}
		}
		out = append(out, ex)
	}
	return out
}
