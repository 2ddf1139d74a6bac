package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/claim"
	"github.com/sitrep-project/sitrep/extract/clean"
	"github.com/sitrep-project/sitrep/extract/entity"
	"github.com/sitrep-project/sitrep/extract/entity/tagger"
	"github.com/sitrep-project/sitrep/extract/incident"
	"github.com/sitrep-project/sitrep/extract/quote"
	"github.com/sitrep-project/sitrep/extract/sentence"
	"github.com/sitrep-project/sitrep/extract/timex"
	"github.com/sitrep-project/sitrep/extract/webpage"
	"github.com/sitrep-project/sitrep/geo"
	"github.com/sitrep-project/sitrep/kb"
)

// Source is one input to analyse, already decoded to UTF-8.
type Source struct {
	Name      string      // path, URL or "-"; becomes Document.Source
	Format    string      // sitrep.FormatText or sitrep.FormatHTML
	Body      string      // the text or the HTML page
	URL       string      // the article's address, when known
	Title     string      // the headline, when the input gives it
	Published sitrep.Date // the publication date, when the input gives it
	Authors   []string    // the authors, when the input gives them
	Outlet    string      // the publisher, when the input gives it
}

// Stage is one analysis step over a document's clean text. A stage adds
// annotations; it never changes Text, so that every span stays valid.
type Stage interface {
	Name() string
	Process(ctx context.Context, doc *sitrep.Document) error
}

// Analyzer cleans inputs and runs its stages over them.
type Analyzer struct {
	// Published is the publication date given for documents that do not
	// state their own (the --published flag). A date the input states
	// wins; with neither, Document.Published stays null.
	Published sitrep.Date
	// Stages run in order after cleaning. NewAnalyzer sets the default.
	Stages []Stage
}

// NewAnalyzer returns an Analyzer with the default stages: sentences and
// entities resolved against the embedded knowledge base.
func NewAnalyzer() *Analyzer {
	a, err := NewAnalyzerKB()
	if err != nil {
		// The embedded knowledge base is checked by its tests; should it
		// fail anyway, analysis goes on without entities.
		return &Analyzer{Stages: []Stage{SentenceStage{}}}
	}
	return a
}

// NewAnalyzerKB returns an Analyzer whose knowledge base is the embedded
// one extended by the user's files (sitrep analyze --kb FILE).
func NewAnalyzerKB(files ...string) (*Analyzer, error) {
	return NewAnalyzerWith(Config{KBFiles: files})
}

// Config are the user's additions to the default analysis.
type Config struct {
	KBFiles   []string // knowledge-base files added to the embedded one
	Decisions string   // a file of entity decisions (see entity.Decisions)
}

// NewAnalyzerWith returns an Analyzer with the default stages and the
// user's knowledge-base files and decisions.
func NewAnalyzerWith(cfg Config) (*Analyzer, error) {
	k, err := kb.Default()
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	for _, f := range cfg.KBFiles {
		if err := k.Load(f); err != nil {
			return nil, fmt.Errorf("knowledge base: %w", err)
		}
	}
	r := entity.New(k, defaultTagger(), defaultGeo())
	if cfg.Decisions != "" {
		d, err := entity.LoadDecisions(cfg.Decisions)
		if err != nil {
			return nil, fmt.Errorf("decisions: %w", err)
		}
		r.Decisions = d
	}
	qf := quote.Finder{Government: governments(k)}
	return &Analyzer{Stages: []Stage{SentenceStage{}, DateStage{}, EntityStage{r}, QuoteStage{qf}, ClaimStage{claim.Finder{Country: countries(k), Government: governments(k)}}, IncidentStage{incident.Finder{Geocode: sharedGeo.Resolve}}}}, nil
}

// Decisions returns the entity decisions the analyzer applies (the
// --decisions file), or nil.
func (a *Analyzer) Decisions() *entity.Decisions {
	for _, st := range a.Stages {
		if es, ok := st.(EntityStage); ok {
			return es.Resolver.Decisions
		}
	}
	return nil
}

// DateStage fills Document.Dates, normalised against Published.
type DateStage struct{}

// Name implements Stage.
func (DateStage) Name() string { return "dates" }

// Process implements Stage.
func (DateStage) Process(_ context.Context, doc *sitrep.Document) error {
	doc.Dates = timex.Find(doc.Text, doc.Published)
	return nil
}

// EntityStage fills Document.Entities.
type EntityStage struct{ Resolver *entity.Resolver }

// Name implements Stage.
func (EntityStage) Name() string { return "entities" }

// Process implements Stage.
func (s EntityStage) Process(_ context.Context, doc *sitrep.Document) error {
	s.Resolver.Resolve(doc)
	return nil
}

// QuoteStage fills Document.Quotes; it runs after EntityStage.
type QuoteStage struct{ Finder quote.Finder }

// Name implements Stage.
func (QuoteStage) Name() string { return "quotes" }

// Process implements Stage.
func (s QuoteStage) Process(_ context.Context, doc *sitrep.Document) error {
	doc.Quotes = s.Finder.Find(doc)
	return nil
}

// governments returns a lookup from a country's name to the knowledge
// base's government of it in a year (0: the current one), so that a
// capital or a country speaking ("Islamabad insisted") is its government.
func governments(k *kb.KB) func(string, int) (sitrep.Actor, bool) {
	type gov struct {
		e        *kb.Entry
		from, to int
	}
	by := map[string][]gov{}
	for _, e := range k.Entries {
		for _, r := range e.Relations {
			if r.Type != "government_of" {
				continue
			}
			if c := k.Get(r.Target); c != nil {
				by[strings.ToLower(c.Name)] = append(by[strings.ToLower(c.Name)], gov{e, r.From, r.To})
			}
		}
	}
	return func(country string, year int) (sitrep.Actor, bool) {
		var best *kb.Entry
		for _, g := range by[strings.ToLower(country)] {
			if year == 0 && g.to != 0 || year != 0 && !(kb.Relation{From: g.from, To: g.to}).Holds(year) {
				continue
			}
			best = g.e
		}
		if best == nil {
			return sitrep.Actor{}, false
		}
		return sitrep.Actor{Name: best.Name, Entity: "kb:" + best.ID}, true
	}
}

// ClaimStage fills Document.Claims; it runs after QuoteStage.
type ClaimStage struct{ Finder claim.Finder }

// Name implements Stage.
func (ClaimStage) Name() string { return "claims" }

// Process implements Stage.
func (s ClaimStage) Process(_ context.Context, doc *sitrep.Document) error {
	doc.Claims = s.Finder.Find(doc)
	return nil
}

// IncidentStage fills Document.Incidents; it runs after QuoteStage.
type IncidentStage struct{ Finder incident.Finder }

// Name implements Stage.
func (IncidentStage) Name() string { return "incidents" }

// Process implements Stage.
func (s IncidentStage) Process(_ context.Context, doc *sitrep.Document) error {
	doc.Incidents = s.Finder.Find(doc)
	// a perpetrator named in an incident is a responsibility claim
	incident.MergeClaims(doc, incident.ResponsibilityClaims(doc))
	return nil
}

// countries returns a lookup from a country's name to its knowledge-base
// entity.
func countries(k *kb.KB) func(string) (sitrep.Actor, bool) {
	by := map[string]*kb.Entry{}
	for _, e := range k.Entries {
		if e.Type == kb.Location && e.Subtype == "country" {
			by[strings.ToLower(e.Name)] = e
		}
	}
	return func(name string) (sitrep.Actor, bool) {
		e := by[strings.ToLower(name)]
		if e == nil {
			return sitrep.Actor{}, false
		}
		return sitrep.Actor{Name: e.Name, Entity: "kb:" + e.ID}, true
	}
}

// defaultTagger returns the embedded statistical tagger, or nil if its
// model does not load.
func defaultTagger() entity.Tagger {
	t, err := tagger.Default()
	if err != nil {
		return nil
	}
	return taggerAdapter{t}
}

// taggerAdapter gives the tagger the entity package's interface.
type taggerAdapter struct{ t *tagger.Tagger }

// Tag implements entity.Tagger.
func (a taggerAdapter) Tag(text string) []entity.Mention {
	ms := a.t.Tag(text)
	out := make([]entity.Mention, len(ms))
	for i, m := range ms {
		out[i] = entity.Mention{Start: m.Start, End: m.End, Text: m.Text, Type: m.Type}
	}
	return out
}

// defaultGeo returns the embedded gazetteer, loaded on first use so that
// commands which never geocode do not pay its load time (~80 ms).
func defaultGeo() entity.Geocoder { return sharedGeo }

var sharedGeo = &lazyGeo{}

// lazyGeo loads the gazetteer the first time a place is resolved.
type lazyGeo struct {
	once sync.Once
	g    *geo.Gazetteer
}

func (l *lazyGeo) load() *geo.Gazetteer {
	l.once.Do(func() {
		if g, err := geo.Default(); err == nil {
			l.g = g
		}
	})
	return l.g
}

// Resolve implements entity.Geocoder.
func (l *lazyGeo) Resolve(name string, context []string) (sitrep.Place, bool) {
	g := l.load()
	if g == nil {
		return sitrep.Place{}, false
	}
	return g.Resolve(name, context)
}

// Context implements entity.Geocoder: the document's place names as
// clues, Pakistan and Afghanistan (geo.Domain) as the tie-break.
func (l *lazyGeo) Context(names []string) func(string) (sitrep.Place, bool) {
	g := l.load()
	if g == nil {
		return func(string) (sitrep.Place, bool) { return sitrep.Place{}, false }
	}
	return g.Context(names)
}

// ByID implements entity.Geocoder.
func (l *lazyGeo) ByID(id string) (sitrep.Place, bool) {
	g := l.load()
	if g == nil {
		return sitrep.Place{}, false
	}
	return g.ByID(id)
}

// ErrNoText is returned for an input with no article text left after
// cleaning.
var ErrNoText = sitrep.Errorf(sitrep.EEMPTY, "no article text found")

// Analyze cleans src and runs the stages. It returns an error, and no
// document, when nothing of an article is left.
func (a *Analyzer) Analyze(ctx context.Context, src Source) (*sitrep.Document, error) {
	doc, err := a.Clean(src)
	if err != nil {
		return nil, err
	}
	if err := a.runStages(ctx, doc); err != nil {
		return nil, err
	}
	return doc.Normalize(), nil
}

// Run runs the stages over a document the caller built, its Text taken
// as it is: nothing is cleaned, so spans of the caller's own (gold
// annotations of an evaluation) stay valid. It sets doc.ID from the text.
func (a *Analyzer) Run(ctx context.Context, doc *sitrep.Document) error {
	doc.ID = ContentID(doc.Text)
	if err := a.runStages(ctx, doc); err != nil {
		return err
	}
	doc.Normalize()
	return nil
}

func (a *Analyzer) runStages(ctx context.Context, doc *sitrep.Document) error {
	for _, st := range a.Stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := st.Process(ctx, doc); err != nil {
			return fmt.Errorf("%s: %w", st.Name(), err)
		}
	}
	return nil
}

// Clean builds the document's text and metadata without running stages.
func (a *Analyzer) Clean(src Source) (*sitrep.Document, error) {
	doc := &sitrep.Document{Source: src.Name, Format: src.Format, URL: src.URL}
	var res *clean.Result
	switch src.Format {
	case sitrep.FormatHTML:
		page, err := webpage.Extract(strings.NewReader(src.Body), src.URL)
		if err != nil {
			if errors.Is(err, webpage.ErrNoContent) {
				return nil, ErrNoText
			}
			return nil, sitrep.Errorf(sitrep.EINVALID, "%v", err)
		}
		title := firstNonEmpty(src.Title, page.Title)
		res = clean.CleanParagraphs(page.Paragraphs, clean.Options{Title: title})
		res.Removed = pageRemoved(page.Visible, page.Paragraphs, res.Removed, title)
		res.Authors = mergeNames(page.Authors, res.Authors)
		if res.Published.IsZero() {
			res.Published = page.Published
		}
		if res.Published.IsZero() {
			res.Published = headerDate(page.Visible, title, page.Paragraphs)
		}
		if res.Outlet == "" {
			res.Outlet = page.Sitename
		}
		if doc.URL == "" {
			doc.URL = page.URL
		}
	default:
		doc.Format = sitrep.FormatText
		res = clean.Clean(src.Body, clean.Options{Title: src.Title})
	}
	doc.Title = firstNonEmpty(src.Title, res.Title)
	doc.Authors = mergeNames(src.Authors, res.Authors)
	doc.Published = src.Published
	if doc.Published.IsZero() {
		doc.Published = res.Published
	}
	if doc.Published.IsZero() {
		doc.Published = a.Published
	}
	doc.Outlet = firstNonEmpty(src.Outlet, res.Outlet)
	doc.Dateline = res.Dateline
	doc.Text = res.Text()
	doc.Removed = res.Removed
	if strings.TrimSpace(doc.Text) == "" {
		return nil, ErrNoText
	}
	doc.ID = ContentID(doc.Text)
	return doc, nil
}

// ContentID returns the stable ID of a clean text: the first 16 bytes of
// the SHA-256 of its words joined by single spaces, in hex. White space
// differences do not change it; any other change does.
func ContentID(text string) string {
	// The words as strings.Fields splits them, joined by single spaces,
	// hashed in one call.
	buf := make([]byte, 0, len(text))
	start := -1
	for i, r := range text {
		if unicode.IsSpace(r) {
			if start >= 0 {
				buf = append(append(buf, text[start:i]...), ' ')
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		buf = append(buf, text[start:]...)
	} else if len(buf) > 0 {
		buf = buf[:len(buf)-1]
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:16])
}

// SentenceStage fills Document.Sentences.
type SentenceStage struct{}

// Name implements Stage.
func (SentenceStage) Name() string { return "sentences" }

// Process implements Stage.
func (SentenceStage) Process(_ context.Context, doc *sitrep.Document) error {
	doc.Sentences = sentence.Split(doc.Text)
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// mergeNames joins name lists, dropping case-insensitive repeats and
// entries that are not names (URLs, e-mail addresses).
func mergeNames(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, n := range l {
			n = strings.TrimSpace(n)
			k := strings.ToLower(n)
			if n == "" || seen[k] || strings.ContainsAny(n, "@/") || !utf8.ValidString(n) || !hasLetter(n) {
				continue
			}
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// pageRemoved lists what an HTML page showed but the article does not
// hold, in page order: the visible lines the extractor left out (with the
// reason the text cleaner would give, or "not_extracted"), merged with
// what the cleaner took out of the extracted paragraphs.
func pageRemoved(visible, paras []string, cleaned []sitrep.Removed, title string) []sitrep.Removed {
	type entry struct {
		pos int
		r   sitrep.Removed
	}
	var body strings.Builder
	exact := make(map[string]bool, len(paras))
	for _, p := range paras {
		k := squeezeSpace(p)
		exact[k] = true
		body.WriteString(k)
		body.WriteByte('\n')
	}
	bodyText := body.String()
	tk := squeezeSpace(title)
	squeezed := make([]string, len(visible))
	for i, v := range visible {
		squeezed[i] = squeezeSpace(v)
	}
	var out []entry
	for i, k := range squeezed {
		if k == "" || exact[k] || containsAt(bodyText, k) {
			continue
		}
		reason := clean.LineReason(k)
		if k == tk {
			reason = sitrep.ReasonTitle
		}
		if reason == "" {
			reason = sitrep.ReasonNotExtracted
		}
		out = append(out, entry{i, sitrep.Removed{Text: k, Reason: reason}})
	}
	// Place the cleaner's removals at the visible line holding them.
	from := 0
	for _, r := range cleaned {
		k := squeezeSpace(r.Text)
		pos := len(visible)
		for j := from; j < len(squeezed); j++ {
			if strings.Contains(squeezed[j], k) {
				pos, from = j, j
				break
			}
		}
		out = append(out, entry{pos, r})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].pos < out[b].pos })
	rs := make([]sitrep.Removed, len(out))
	for i, e := range out {
		rs[i] = e.r
	}
	return rs
}

// containsAt reports whether s occurs in text between word boundaries.
// Short lines ("Share") must not match inside longer words.
func containsAt(text, s string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return false
		}
		i += off
		before, after := ' ', ' '
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(text[:i])
		}
		if j := i + len(s); j < len(text) {
			after, _ = utf8.DecodeRuneInString(text[j:])
		}
		if !unicode.IsLetter(before) && !unicode.IsDigit(before) && !unicode.IsLetter(after) && !unicode.IsDigit(after) {
			return true
		}
		off = i + 1
	}
}

// squeezeSpace collapses white space runs to single spaces and trims.
func squeezeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// headerDate finds a date line the page shows in its article header: from
// a few lines before the headline (or, without one, the first paragraph)
// to fifteen lines after it, as in "Published November 19, 2019 9:45 am".
// A publication date wins over an "Updated" one.
func headerDate(visible []string, title string, paras []string) sitrep.Date {
	anchor := -1
	tk := squeezeSpace(title)
	for i, v := range visible {
		if tk != "" && squeezeSpace(v) == tk {
			anchor = i
			break
		}
	}
	if anchor < 0 && len(paras) > 0 {
		first := squeezeSpace(paras[0])
		for i, v := range visible {
			if strings.Contains(squeezeSpace(v), first) {
				anchor = i
				break
			}
		}
	}
	if anchor < 0 {
		return sitrep.Date{}
	}
	var updated sitrep.Date
	for i := max(0, anchor-5); i < len(visible) && i <= anchor+15; i++ {
		if d, up, ok := clean.ParseDateLine(strings.TrimSpace(visible[i])); ok {
			if !up {
				return d
			}
			if updated.IsZero() {
				updated = d
			}
		}
	}
	return updated
}
