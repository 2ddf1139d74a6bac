package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/extract/entity/tagger"
	"github.com/sitrep-project/sitrep/extract/entity/tagger/corpus"
	"github.com/sitrep-project/sitrep/extract/truecase"
)

const evalNERUsage = `Usage: sitrep eval ner --data DIR [flags]

Scores named-entity recognition with strict matching. --system layer (the
default) scores what sitrep analyze outputs: every name mention of every
entity found by the entity layer (knowledge base, statistical tagger and
gazetteer; mentions tied by a role phrase such as "the army chief" are not
names and are left out). --system tagger scores the statistical tagger
(extract/entity/tagger) alone. Matching is strict: a mention counts only when its span and type both equal a gold
mention. Precision, recall and F1 per type; "micro" is over person,
organization and location; NORP is reported on its own line.

DIR is detected by content:
  worldwide-ner  processed_annotated/*.tsv (a URL line, then token<TAB>tag,
                 BIO, first tag column). A document's tokens are joined with
                 one space (--join line: a newline at each blank line of the
                 file) into the text that is tagged; a predicted mention
                 must start and end on token boundaries to match. The South
                 Asia slice is the files named in_*, bangladesh_*, pk_*.
                 Gold types other than Person, Organization, Location and
                 NORP are not scored (a prediction on them is a false
                 positive).
  re3d           every source folder (documents.json, entities.json); the
                 folders the shipped model was trained on are marked, and
                 the held-out folders (BBC Online, EU Delegation to Syria)
                 are also scored on their own. Overlapping gold alternatives
                 keep the highest-confidence span; a leading "the" is
                 left out of gold spans (the tagger's convention).

--case upper scores the text upper-cased (ASCII letters: the offsets stay),
as telex and transcripts are written; --case truecase upper-cases it, then
restores word case with extract/truecase (the all-caps remedy).

A baseline is scored beside the tagger: every capitalised word run that
does not open a sentence, typed by the tagger's word lists (country or
city: location, nationality or group word: norp, organisation cue word:
organization, otherwise person).`

// evalNER runs "sitrep eval ner --data DIR".
func (c *EvalCommand) evalNER(ctx context.Context, args []string) error {
	fset := c.newFlagSet("eval ner", evalNERUsage)
	data := fset.String("data", "", "worldwide-ner or re3d `dir`ectory")
	join := fset.String("join", "raw", "worldwide: score on the original article text (raw), or on the tokens joined with spaces (space) or with line breaks at blank lines (line)")
	show := fset.Int("show", 0, "print this many errors per type")
	system := fset.String("system", "layer", "what to score: layer (the entity layer, as sitrep analyze outputs it) or tagger (the statistical tagger alone)")
	textCase := fset.String("case", "as-is", "score on the text as-is, upper-cased (upper), or upper-cased then recased by extract/truecase (truecase)")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if *data == "" {
		fset.Usage()
		return fmt.Errorf("%w: eval ner needs --data DIR", ErrUsage)
	}
	if *join != "raw" && *join != "space" && *join != "line" {
		return fmt.Errorf("%w: --join must be raw, space or line", ErrUsage)
	}
	t0 := time.Now()
	var sys nerSystem
	var name string
	switch *system {
	case "tagger":
		tg, err := tagger.Default()
		if err != nil {
			return err
		}
		sys, name = taggerSystem(tg), "the statistical tagger alone"
	case "layer":
		a, err := extract.NewAnalyzerWith(extract.Config{})
		if err != nil {
			return err
		}
		sys, name = layerSystem(a), "the entity layer (knowledge base + tagger + gazetteer, as sitrep analyze)"
		sys("Warm-up in Kabul.") // load the lazy parts before timing
	default:
		return fmt.Errorf("%w: --system must be layer or tagger", ErrUsage)
	}
	switch inner := sys; *textCase {
	case "as-is":
	case "upper":
		sys, name = func(t string) []corpus.Span { return inner(asciiUpper(t)) }, name+", on the text upper-cased"
	case "truecase":
		sys, name = func(t string) []corpus.Span { return inner(truecase.Recase(asciiUpper(t))) }, name+", on the text upper-cased and recased by extract/truecase"
	default:
		return fmt.Errorf("%w: --case must be as-is, upper or truecase", ErrUsage)
	}
	load := time.Since(t0)
	if _, err := os.Stat(filepath.Join(*data, "processed_annotated")); err == nil {
		return c.evalNERWorldwide(ctx, *data, *join, *show, sys, name, load)
	}
	if _, err := os.Stat(filepath.Join(*data, "CENTCOM", "entities.json")); err == nil {
		return c.evalNERRe3d(ctx, *data, *show, sys, name, load)
	}
	return fmt.Errorf("%s: neither worldwide-ner (processed_annotated/) nor re3d (CENTCOM/entities.json)", *data)
}

// nerDoc is a text with gold mentions (byte spans).
type nerDoc struct {
	name, text string
	gold       []corpus.Span
	starts     map[int]bool // token starts and ends, for worldwide
	ends       map[int]bool
	toks       [][2]int // worldwide tokens in order
}

// alignRaw moves a worldwide document from its joined tokens onto the
// article's own text (original_articles/NAME without .tsv): each token
// is found in order, after whitespace or at most 64 bytes on, and the
// gold spans and token boundaries are moved with it. It returns false,
// leaving d alone, when a token cannot be found.
func alignRaw(d *nerDoc, raw string) bool {
	if i := strings.IndexByte(raw, '\n'); i >= 0 && strings.HasPrefix(raw, "http") {
		raw = raw[i+1:] // the URL line
	}
	at := make(map[int]int, 2*len(d.toks)) // joined offset -> raw offset
	cur := 0
	for _, tk := range d.toks {
		w := d.text[tk[0]:tk[1]]
		i := strings.Index(raw[cur:min(len(raw), cur+64+len(w))], w)
		if i < 0 {
			return false
		}
		at[tk[0]], at[tk[1]] = cur+i, cur+i+len(w)
		cur += i + len(w)
	}
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, tk := range d.toks {
		starts[at[tk[0]]], ends[at[tk[1]]] = true, true
	}
	for k := range d.gold {
		d.gold[k].Start, d.gold[k].End = at[d.gold[k].Start], at[d.gold[k].End]
	}
	d.text, d.starts, d.ends = raw, starts, ends
	return true
}

type nerTally struct {
	model, base tagger.Scores
	docs, toks  int
	dur         time.Duration
}

var nerTypeOf = map[string]string{"Person": tagger.Person, "Organization": tagger.Organization, "Location": tagger.Location, "NORP": tagger.NORP}

func readWorldwide(path, join string) (nerDoc, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nerDoc{}, 0, err
	}
	defer f.Close()
	d := nerDoc{name: filepath.Base(path), starts: map[int]bool{}, ends: map[int]bool{}}
	var b strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	first := true
	ntok := 0
	var open *corpus.Span
	closeSpan := func() {
		if open != nil {
			d.gold = append(d.gold, *open)
			open = nil
		}
	}
	pendingBreak := false
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			continue // URL line
		}
		if strings.TrimSpace(line) == "" {
			closeSpan()
			pendingBreak = true
			continue
		}
		tok, tag, ok := strings.Cut(line, "\t")
		if !ok {
			i := strings.LastIndexByte(line, ' ')
			if i < 0 {
				tok, tag = line, "O"
			} else {
				tok, tag = line[:i], line[i+1:]
			}
		}
		tag, _, _ = strings.Cut(tag, "\t")
		tag = strings.TrimSpace(tag)
		tok = strings.TrimSpace(tok)
		if tok == "" {
			continue
		}
		if b.Len() > 0 {
			if pendingBreak && join == "line" {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		pendingBreak = false
		start := b.Len()
		b.WriteString(tok)
		end := b.Len()
		d.starts[start], d.ends[end] = true, true
		d.toks = append(d.toks, [2]int{start, end})
		ntok++
		pre, typ, _ := strings.Cut(tag, "-")
		switch {
		case pre == "I" && open != nil && open.Label == typ:
			open.End = end
		case pre == "B" || pre == "I" || pre == "S" || pre == "E":
			closeSpan()
			open = &corpus.Span{Start: start, End: end, Type: nerTypeOf[typ], Label: typ}
			if pre == "S" || pre == "E" {
				closeSpan()
			}
		default:
			closeSpan()
		}
	}
	closeSpan()
	d.text = b.String()
	return d, ntok, sc.Err()
}

func nerKeys(ms []corpus.Span, d *nerDoc) map[[2]int]string {
	out := map[[2]int]string{}
	for k, m := range ms {
		if m.Type == "" {
			continue
		}
		key := [2]int{m.Start, m.End}
		if d.starts != nil && (!d.starts[m.Start] || !d.ends[m.End]) {
			key = [2]int{-1 - k, -1 - m.Start} // not on token boundaries: cannot match
		}
		out[key] = m.Type
	}
	return out
}

// nerSystem finds typed name mentions in a text.
type nerSystem func(text string) []corpus.Span

// taggerSystem is the statistical tagger alone.
func taggerSystem(tg *tagger.Tagger) nerSystem {
	return func(text string) []corpus.Span {
		ms := tg.Tag(text)
		out := make([]corpus.Span, len(ms))
		for k, m := range ms {
			out[k] = corpus.Span{Start: m.Start, End: m.End, Type: m.Type}
		}
		return out
	}
}

// layerSystem is what sitrep analyze outputs: the analyzer's stages
// (sentences, dates, entity resolution with the knowledge base, the
// tagger and the gazetteer) over the text, every name mention of every
// entity. Mentions tied by a role phrase ("the army chief") are not
// names and are left out.
func layerSystem(a *extract.Analyzer) nerSystem {
	return func(text string) []corpus.Span {
		doc := &sitrep.Document{Text: text}
		for _, st := range a.Stages {
			if err := st.Process(context.Background(), doc); err != nil {
				return nil
			}
		}
		var out []corpus.Span
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Via == "title" {
					continue
				}
				out = append(out, corpus.Span{Start: m.Start, End: m.End, Type: e.Type})
			}
		}
		return out
	}
}

func (c *EvalCommand) scoreNER(ctx context.Context, docs []nerDoc, toks int, sys nerSystem, show int, shown map[string]int) (nerTally, error) {
	var t nerTally
	t.docs, t.toks = len(docs), toks
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return t, err
		}
		d := &docs[i]
		s := time.Now()
		pred := sys(d.text)
		t.dur += time.Since(s)
		gold, p := nerKeys(d.gold, d), nerKeys(pred, d)
		t.model.Compare(gold, p)
		t.base.Compare(gold, nerKeys(nerBaseline(d.text), d))
		if show > 0 {
			for k, typ := range p {
				if gold[k] != typ && k[0] >= 0 && shown[typ] < show {
					shown[typ]++
					fmt.Fprintf(c.Stdout, "  spurious %-12s %q (gold %q)  %s@%d\n", typ, d.text[k[0]:k[1]], gold[k], d.name, k[0])
				}
			}
			for k, typ := range gold {
				if p[k] != typ && k[0] >= 0 && shown["-"+typ] < show {
					shown["-"+typ]++
					fmt.Fprintf(c.Stdout, "  missed   %-12s %q  %s@%d\n", typ, d.text[k[0]:k[1]], d.name, k[0])
				}
			}
		}
	}
	return t, nil
}

func (c *EvalCommand) printNER(w io.Writer, title string, t nerTally) {
	fmt.Fprintf(w, "\n%s: %d documents, %d tokens\n", title, t.docs, t.toks)
	fmt.Fprintf(w, "  %-13s %6s %6s %6s %6s %6s %6s   %s\n", "type", "P", "R", "F1", "TP", "FP", "FN", "baseline F1")
	row := func(name string, p, b tagger.PRF) {
		fmt.Fprintf(w, "  %-13s %6.3f %6.3f %6.3f %6d %6d %6d   %.3f\n", name, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN, b.F1())
	}
	get := func(s tagger.Scores, typ string) tagger.PRF {
		if p := s.Types[typ]; p != nil {
			return *p
		}
		return tagger.PRF{}
	}
	for _, typ := range []string{tagger.Person, tagger.Organization, tagger.Location} {
		row(typ, get(t.model, typ), get(t.base, typ))
	}
	row("micro (P/O/L)", t.model.Micro, t.base.Micro)
	row("norp", get(t.model, tagger.NORP), get(t.base, tagger.NORP))
	if t.dur > 0 {
		fmt.Fprintf(w, "  tagging: %.0f tokens/s\n", float64(t.toks)/t.dur.Seconds())
	}
}

func (c *EvalCommand) evalNERWorldwide(ctx context.Context, dir, join string, show int, sys nerSystem, name string, load time.Duration) error {
	files, err := filepath.Glob(filepath.Join(dir, "processed_annotated", "*.tsv"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	var all, south []nerDoc
	var nAll, nSouth, unaligned int
	for _, f := range files {
		d, n, err := readWorldwide(f, join)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if join == "raw" {
			b, err := os.ReadFile(filepath.Join(dir, "original_articles", strings.TrimSuffix(filepath.Base(f), ".tsv")))
			if err != nil || !alignRaw(&d, string(b)) {
				unaligned++
			}
		}
		all = append(all, d)
		nAll += n
		base := filepath.Base(f)
		if strings.HasPrefix(base, "in_") || strings.HasPrefix(base, "bangladesh_") || strings.HasPrefix(base, "pk_") {
			south = append(south, d)
			nSouth += n
		}
	}
	shown := map[string]int{}
	ta, err := c.scoreNER(ctx, all, nAll, sys, show, shown)
	if err != nil {
		return err
	}
	ts, err := c.scoreNER(ctx, south, nSouth, sys, 0, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "sitrep NER, %s, on %s (strict span+type; tokens joined by %s; loaded in %s)\n", name, dir, join, load.Round(time.Millisecond))
	if join == "raw" {
		fmt.Fprintf(c.Stdout, "%d of %d documents scored on their original article text, %d (not alignable) on joined tokens\n", len(all)-unaligned, len(all), unaligned)
	}
	c.printNER(c.Stdout, "WorldWide, all regions", ta)
	c.printNER(c.Stdout, "WorldWide, South Asia (in_, bangladesh_, pk_)", ts)
	return nil
}

func (c *EvalCommand) evalNERRe3d(ctx context.Context, dir string, show int, sys nerSystem, name string, load time.Duration) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "sitrep NER, %s, on %s (strict span+type; loaded in %s)\n", name, dir, load.Round(time.Millisecond))
	var all, held []nerDoc
	var nAll, nHeld int
	shown := map[string]int{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		docs, err := corpus.Re3d(filepath.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		var nd []nerDoc
		n := 0
		for _, d := range docs {
			x := nerDoc{name: d.ID, text: d.Text}
			for _, m := range d.Mentions {
				if m.Type == "" {
					continue
				}
				if w := d.Text[m.Start:m.End]; strings.HasPrefix(w, "the ") || strings.HasPrefix(w, "The ") {
					m.Start += 4
				}
				x.gold = append(x.gold, m)
			}
			nd = append(nd, x)
			n += len(tagger.Tokenize(d.Text))
		}
		t, err := c.scoreNER(ctx, nd, n, sys, show, shown)
		if err != nil {
			return err
		}
		status := "held out"
		if slices.Contains(corpus.Re3dTrainFolders, e.Name()) {
			status = "IN TRAINING (90%; scores are optimistic)"
		} else {
			held = append(held, nd...)
			nHeld += n
		}
		all = append(all, nd...)
		nAll += n
		c.printNER(c.Stdout, fmt.Sprintf("re3d %s [%s]", e.Name(), status), t)
	}
	t, err := c.scoreNER(ctx, all, nAll, sys, 0, nil)
	if err != nil {
		return err
	}
	c.printNER(c.Stdout, "re3d, all folders (most were in training)", t)
	t, err = c.scoreNER(ctx, held, nHeld, sys, 0, nil)
	if err != nil {
		return err
	}
	c.printNER(c.Stdout, "re3d, held-out folders only (the honest number)", t)
	return nil
}

// nerBaseline tags every capitalised word run that does not open a
// sentence, typed by word lists.
func nerBaseline(text string) []corpus.Span {
	toks := tagger.Tokenize(text)
	var out []corpus.Span
	isCap := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[toks[i].Start:])
		return unicode.IsUpper(r)
	}
	for _, sent := range tagger.SplitSentences(text, toks) {
		off := 0
		for off < len(toks) && toks[off] != sent[0] {
			off++
		}
		for i := off + 1; i < off+len(sent); {
			if !isCap(i) {
				i++
				continue
			}
			j := i + 1
			for j < off+len(sent) && isCap(j) {
				j++
			}
			last := text[toks[j-1].Start:toks[j-1].End]
			typ := tagger.Person
			switch {
			case tagger.IsCountry(last) || tagger.IsCity(last):
				typ = tagger.Location
			case tagger.IsNationality(last):
				typ = tagger.NORP
			case tagger.IsOrgCue(last):
				typ = tagger.Organization
			}
			out = append(out, corpus.Span{Start: toks[i].Start, End: toks[j-1].End, Type: typ})
			i = j
		}
	}
	return out
}

// asciiUpper upper-cases the ASCII letters of s, keeping its length.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
