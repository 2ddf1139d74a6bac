package connect

import (
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Doc is the metadata of the document a record comes from: what a store
// row carries besides the record itself. Its fields are inlined in the
// JSON of the records that hold it.
type Doc struct {
	// ID is the document's content id (Document.ID).
	ID string `json:"doc_id"`
	// Source is the path, URL or "-" the document was read from.
	Source string `json:"source"`
	// Outlet is the publishing organisation, "" when unknown.
	Outlet string `json:"outlet"`
	// Published is the publication date, unknown (null) when the input
	// did not state it.
	Published sitrep.Date `json:"published"`
	// Title is the headline.
	Title string `json:"title"`
	// NearDuplicates are the ids of documents with the same or nearly the
	// same text (syndicated copies): reports in them are the same story.
	NearDuplicates []string `json:"near_duplicates,omitempty"`
}

// DocOf returns the metadata of d.
func DocOf(d *sitrep.Document) Doc {
	m := Doc{ID: d.ID, Source: d.Source, Outlet: d.Outlet, Published: d.Published, Title: d.Title}
	for _, nd := range d.NearDuplicates {
		if nd.ID != d.ID {
			m.NearDuplicates = append(m.NearDuplicates, nd.ID)
		}
	}
	return m
}

// IncidentReport is one document's report of an incident: its own
// Document.Incidents entry, with the document's metadata.
type IncidentReport struct {
	Doc
	// Index is the incident's index in Document.Incidents.
	Index int `json:"index"`
	// Incident is the document's incident as reported, with its spans
	// into that document's text.
	Incident sitrep.Incident `json:"incident"`
	// Excerpt is the evidence: Text[Incident.Start:Incident.End], when the
	// text was at hand.
	Excerpt string `json:"excerpt,omitempty"`
	// Join is why the report is part of its merged incident: its
	// strongest link to an earlier report (else to a later one); null for
	// the first report and outside a merged incident.
	Join *Join `json:"join,omitempty"`
}

// Join is the link that put a report in a merged incident.
type Join struct {
	// Report is the index in MergedIncident.Reports of the report linked
	// to; Score the evidence score of the link (see MergeIncidents).
	Report int     `json:"report"`
	Score  float64 `json:"score"`
	// Evidence names what the two reports share or not: same_type,
	// compatible_type, same_story, same_place, nested_place,
	// nearby_place, unknown_place, same_day, date_overlap, next_day,
	// date_within_window, coarse_date, same_killed, close_killed,
	// rising_killed, different_killed (and _injured), same_perpetrator,
	// same_target, different_target, same_cue.
	Evidence []string `json:"evidence"`
}

// ClaimRecord is one claim of one document, with the document's metadata.
type ClaimRecord struct {
	Doc
	// Index is the claim's index in Document.Claims.
	Index int          `json:"index"`
	Claim sitrep.Claim `json:"claim"`
	// Excerpt is the evidence: Text[Claim.Start:Claim.End].
	Excerpt string `json:"excerpt,omitempty"`
}

// QuoteRecord is one quote of one document, with the document's metadata.
type QuoteRecord struct {
	Doc
	// Index is the quote's index in Document.Quotes.
	Index int          `json:"index"`
	Quote sitrep.Quote `json:"quote"`
	// Mentions are the ids of the entities mentioned inside the quoted
	// words, in order of first mention: what the quote is about.
	Mentions []string `json:"mentions,omitempty"`
}

// IncidentReports returns the incidents of docs as reports, in document
// order, with their evidence excerpts.
func IncidentReports(docs []*sitrep.Document) []IncidentReport {
	var out []IncidentReport
	for _, d := range docs {
		m := DocOf(d)
		for i, inc := range d.Incidents {
			out = append(out, IncidentReport{Doc: m, Index: i, Incident: inc, Excerpt: excerpt(d.Text, inc.Start, inc.End)})
		}
	}
	return out
}

// ClaimRecords returns the claims of docs, in document order, with their
// evidence excerpts.
func ClaimRecords(docs []*sitrep.Document) []ClaimRecord {
	var out []ClaimRecord
	for _, d := range docs {
		m := DocOf(d)
		for i, c := range d.Claims {
			out = append(out, ClaimRecord{Doc: m, Index: i, Claim: c, Excerpt: excerpt(d.Text, c.Start, c.End)})
		}
	}
	return out
}

// QuoteRecords returns the quotes of docs, in document order, each with
// the entities mentioned inside its words.
func QuoteRecords(docs []*sitrep.Document) []QuoteRecord {
	var out []QuoteRecord
	for _, d := range docs {
		m := DocOf(d)
		type mention struct {
			start, end int
			id         string
		}
		var ms []mention
		for _, e := range d.Entities {
			for _, em := range e.Mentions {
				ms = append(ms, mention{em.Start, em.End, e.ID})
			}
		}
		sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
		for i, q := range d.Quotes {
			parts := q.Parts
			if len(parts) == 0 {
				parts = []sitrep.Span{{Start: q.Start, End: q.End}}
			}
			var ids []string
			seen := map[string]bool{}
			for _, p := range parts {
				k := sort.Search(len(ms), func(k int) bool { return ms[k].start >= p.Start })
				for ; k < len(ms) && ms[k].start < p.End; k++ {
					if ms[k].end <= p.End && !seen[ms[k].id] {
						seen[ms[k].id] = true
						ids = append(ids, ms[k].id)
					}
				}
			}
			out = append(out, QuoteRecord{Doc: m, Index: i, Quote: q, Mentions: ids})
		}
	}
	return out
}

// RelationsOf collects the knowledge base's relations of the entities of
// docs (branch_of, part_of, ...), by entity id, for Options.Relations.
func RelationsOf(docs []*sitrep.Document) map[string][]sitrep.EntityRelation {
	out := map[string][]sitrep.EntityRelation{}
	seen := map[[3]string]bool{}
	for _, d := range docs {
		for _, e := range d.Entities {
			for _, r := range e.Relations {
				k := [3]string{e.ID, r.Type, r.Target}
				if seen[k] {
					continue
				}
				seen[k] = true
				out[e.ID] = append(out[e.ID], r)
			}
		}
	}
	return out
}

// Options are what the functions of this package need to know beyond
// their records. The zero Options is valid.
type Options struct {
	// Canonical maps an entity id to the id it was merged into across
	// documents (entity.Corpus.Merges: From to Into), so that one actor
	// named differently in two documents is one actor here. Ids not in
	// the map are their own canonical id.
	Canonical map[string]string
	// Relations are the knowledge-base relations by entity id (see
	// RelationsOf). They are shown beside propositions and used to tell
	// a branch claiming an attack blamed on its parent group from two
	// groups competing for it; they never merge two entities.
	Relations map[string][]sitrep.EntityRelation
}

// canon returns the canonical id of an entity id ("" stays "").
func (o *Options) canon(id string) string {
	if id == "" || o == nil || o.Canonical == nil {
		return id
	}
	// Follow chains (a merged into b merged into c), guarding cycles.
	for range 8 {
		next, ok := o.Canonical[id]
		if !ok || next == id {
			break
		}
		id = next
	}
	return id
}

// sameSide reports whether two distinct entities are one side for
// responsibility: one is a branch, part or member of the other.
func (o *Options) sameSide(a, b string) bool {
	if a == "" || b == "" || o == nil {
		return false
	}
	if a == b {
		return true
	}
	up := func(x, y string) bool {
		for _, r := range o.Relations[x] {
			switch r.Type {
			case "branch_of", "part_of", "member_of":
				if o.canon(r.Target) == y {
					return true
				}
			}
		}
		return false
	}
	return up(a, b) || up(b, a)
}

// ActorRef names an actor across documents: its canonical entity id when
// it has one, and a name to show.
type ActorRef struct {
	Name   string `json:"name"`
	Entity string `json:"entity"`
}

// refOf returns the ActorRef of a per-document actor.
func (o *Options) refOf(a sitrep.Actor) ActorRef {
	return ActorRef{Name: strings.TrimSpace(a.Name), Entity: o.canon(a.Entity)}
}

// key is the identity of an actor: its entity id, else its normalised
// name ("name:pakistani soil"), else "".
func (r ActorRef) key() string {
	if r.Entity != "" {
		return r.Entity
	}
	if n := normName(r.Name); n != "" {
		return "name:" + n
	}
	return ""
}

// normName folds a name for comparison: lower case, single spaces, no
// surrounding quotes or punctuation, no leading article.
func normName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.Trim(s, " \"'“”‘’.,;:()[]")
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// excerpt returns text[start:end] with white space squeezed, or "" for a
// span outside text.
func excerpt(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	return strings.Join(strings.Fields(text[start:end]), " ")
}
