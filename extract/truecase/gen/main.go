// Command gen builds extract/truecase/lexicon.txt.gz, the casing lexicon
// of package truecase, from text sitrep may ship:
//
//   - the Groningen Meaning Bank sample (../shared/datasets/gmb-kaggle-sample/
//     ner_dataset.csv: Voice of America sentences, public-domain texts; only
//     how the words are written is used, not the ODbL annotations): every
//     word but a sentence's first, as written,
//     and its runs of capitalised words seen twice or more (phrases: "Air
//     Force");
//   - the embedded knowledge base (kb/data): names, aliases and acronyms
//     (for the words running text lacks, and names of several words as
//     phrases) and role titles ("army chief") as running text;
//   - the embedded gazetteer (geo): the words of place names, which teach
//     the suffix model and the letter-pair model what names look like and
//     enter the lexicon only in mixed case ("McAllen"); the names of
//     several words of countries, provinces, districts and towns of
//     15,000 people or more become phrases ("San Miguel").
//
// Run it from the package's folder (go generate ./extract/truecase) or:
//
//	go run ./extract/truecase/gen -gmb ../shared/datasets/gmb-kaggle-sample/ner_dataset.csv -out extract/truecase/lexicon.txt.gz
//
// The output is deterministic. It must never be built from MUC-4 or
// Reuters text: those are evaluation data.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sitrep-project/sitrep/extract/truecase"
	"github.com/sitrep-project/sitrep/geo"
	"github.com/sitrep-project/sitrep/kb"
	"golang.org/x/text/encoding/charmap"
)

func main() {
	gmb := flag.String("gmb", "../shared/datasets/gmb-kaggle-sample/ner_dataset.csv", "the GMB sample's ner_dataset.csv (latin-1)")
	out := flag.String("out", "extract/truecase/lexicon.txt.gz", "the lexicon file to write")
	flag.Parse()
	if err := run(*gmb, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(gmbPath, out string) error {
	b := truecase.NewBuilder()
	n, err := addGMB(b, gmbPath)
	if err != nil {
		return fmt.Errorf("GMB: %w", err)
	}
	k, err := kb.Default()
	if err != nil {
		return err
	}
	for _, e := range k.Entries {
		for _, name := range append(append([]string{e.Name}, e.Aliases...), e.Acronyms...) {
			b.AddName(name)
		}
		for _, t := range e.Titles {
			b.AddTitle(t.Phrase)
		}
	}
	g, err := geo.Default()
	if err != nil {
		return err
	}
	places := 0
	g.Names(func(name, kind string, pop int) {
		places++
		b.AddPlace(name, kind == geo.Country || kind == geo.Province || kind == geo.District || pop >= 15000)
	})
	l := b.Lexicon()
	header := fmt.Sprintf(`truecase lexicon: how words are usually written, and a suffix model of names.
Built by extract/truecase/gen (go generate ./extract/truecase) from %d GMB sample tokens
(Groningen Meaning Bank, Voice of America texts, public domain), %d knowledge-base entries
and %d gazetteer names (GeoNames, CC BY 4.0). Not from MUC or Reuters text.
%d words.`, n, len(k.Entries), places, l.Len())
	var buf bytes.Buffer
	if err := l.Write(&buf, header); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d words, %d bytes written to %s\n", l.Len(), buf.Len(), out)
	return nil
}

// addGMB counts the sentences of the GMB sample: "Sentence: N,Word,POS,Tag"
// rows, a sentence's first row carrying its number.
func addGMB(b *truecase.Builder, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(charmap.ISO8859_1.NewDecoder().Reader(f))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	if _, err := r.Read(); err != nil { // header
		return 0, err
	}
	n := 0
	var sentence []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, err
		}
		if len(rec) < 2 {
			continue
		}
		if strings.HasPrefix(rec[0], "Sentence") && len(sentence) > 0 {
			b.AddSentence(sentence)
			sentence = sentence[:0]
		}
		sentence = append(sentence, rec[1])
		n++
	}
	b.AddSentence(sentence)
	return n, nil
}
