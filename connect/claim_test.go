package connect_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// cl is a claim fixture: actors are found in the text by their words
// (sw, ow, spw: "" for an implied actor), the evidence by ev.
type cl struct {
	pred, pol          string
	subj, obj, speaker sitrep.Actor
	sw, ow, spw        string
	date, basis, value string
	hedged             bool
	quote              int
	ev                 string
}

func addClaims(d *sitrep.Document, cs ...cl) {
	for _, c := range cs {
		claim := sitrep.Claim{Subject: c.subj, Predicate: c.pred, Object: c.obj, Polarity: c.pol, Value: c.value,
			Hedged: c.hedged, Speaker: c.speaker, Date: c.date, DateBasis: c.basis, Quote: c.quote}
		claim.Start, claim.End = find(d, c.ev)
		if c.sw != "" {
			claim.Subject.Start, claim.Subject.End = find(d, c.sw)
		}
		if c.ow != "" {
			claim.Object.Start, claim.Object.End = find(d, c.ow)
		}
		if c.spw != "" {
			claim.Speaker.Start, claim.Speaker.End = find(d, c.spw)
		}
		d.Claims = append(d.Claims, claim)
	}
}

// addQuote adds an indirect quote of what follows cue up to the next
// full stop.
func addQuote(d *sitrep.Document, speaker sitrep.Actor, spw, cue, date, basis string) {
	q := sitrep.Quote{Speaker: sitrep.Speaker{Actor: speaker, Text: words(spw), Kind: sitrep.SpeakerNamed}, Cue: words(cue), Date: date, DateBasis: basis}
	q.Speaker.Start, q.Speaker.End = find(d, spw)
	q.CueStart, q.CueEnd = find(d, cue)
	q.Start = q.CueEnd + 1
	q.End = q.Start + strings.Index(d.Text[q.Start:], ".")
	q.Text = d.Text[q.Start:q.End]
	d.Quotes = append(d.Quotes, q)
}

// mention records an entity mention, for QuoteRecords.
func mention(d *sitrep.Document, a sitrep.Actor, w string) {
	s, e := find(d, w)
	for i := range d.Entities {
		if d.Entities[i].ID == a.Entity {
			d.Entities[i].Mentions = append(d.Entities[i].Mentions, sitrep.EntityMention{Start: s, End: e, Text: words(w), Via: "name"})
			return
		}
	}
	d.Entities = append(d.Entities, sitrep.Entity{ID: a.Entity, Name: a.Name, Mentions: []sitrep.EntityMention{{Start: s, End: e, Text: words(w), Via: "name"}}})
}

var (
	alam        = sitrep.Actor{Name: "Rashid Alam", Entity: "auto:person:rashid-alam"}
	mir         = sitrep.Actor{Name: "Sana Mir", Entity: "auto:person:sana-mir"}
	haqyar      = sitrep.Actor{Name: "Omar Haqyar", Entity: "auto:person:omar-haqyar"}
	unTeam      = sitrep.Actor{Name: "UN Monitoring Team", Entity: "auto:organization:un-monitoring-team"}
	officials   = sitrep.Actor{Name: "officials"}
	iran        = sitrep.Actor{Name: "Iran", Entity: "kb:iran"}
	taliban     = sitrep.Actor{Name: "Afghan Taliban", Entity: "kb:afghan-taliban"}
	diplomat    = sitrep.Actor{Name: "The Diplomat", Entity: "kb:the-diplomat"}
	balochistan = sitrep.Actor{Name: "Balochistan", Entity: "auto:location:balochistan"}
)

// claimDocs are the claims fixtures: denials and affirmations of the
// Islamic State's and ISKP's presence in Pakistan and Afghanistan, by
// invented officials, on different dates.
func claimDocs() []*sitrep.Document {
	var docs []*sitrep.Document

	d := newDoc("dawn-2015-01", "Dawn", "2015-01-20", "Interior Minister Rashid Alam said on Monday that Daesh has no presence in Pakistan.")
	addQuote(d, alam, "Rashid Alam", "said", "2015-01-19", "stated")
	mention(d, isCore, "Daesh")
	mention(d, pakistan, "in Pakistan@Pakistan")
	addClaims(d, cl{pred: "presence", pol: "deny", subj: isCore, sw: "Daesh", obj: pakistan, ow: "in Pakistan@Pakistan", speaker: alam, spw: "Rashid Alam",
		date: "2015-01-19", basis: "stated", quote: 0, ev: "Daesh has no presence in Pakistan"})
	docs = append(docs, d)

	d = newDoc("tribune-2015-02", "The Express Tribune", "2015-02-10",
		"Foreign Secretary Sana Mir told senators that the Islamic State poses a threat to Pakistan. Officials believe IS militants are present in Balochistan.")
	addQuote(d, mir, "Sana Mir", "told senators that@that", "2015-02-10", "published")
	addClaims(d,
		cl{pred: "threat", pol: "affirm", subj: isCore, sw: "the Islamic State@Islamic State", obj: pakistan, ow: "threat to Pakistan@Pakistan", speaker: mir, spw: "Sana Mir",
			date: "2015-02-10", basis: "published", quote: 0, ev: "the Islamic State poses a threat to Pakistan"},
		cl{pred: "presence", pol: "affirm", subj: isCore, sw: "IS militants@IS", obj: balochistan, ow: "Balochistan", speaker: officials, spw: "Officials", hedged: true,
			date: "2015-02-10", basis: "published", quote: -1, ev: "IS militants are present in Balochistan"})
	docs = append(docs, d)

	d = newDoc("reuters-2016-11", "Reuters", "2016-11-14",
		"Rashid Alam acknowledged on Sunday that Islamic State militants are present on Pakistani soil.")
	addQuote(d, alam, "Rashid Alam", "acknowledged", "2016-11-13", "stated")
	addClaims(d, cl{pred: "presence", pol: "affirm", subj: isCore, sw: "Islamic State", obj: sitrep.Actor{Name: "Pakistani soil", Entity: "kb:pakistan"}, ow: "Pakistani soil",
		speaker: alam, spw: "Rashid Alam", date: "2016-11-13", basis: "stated", quote: 0, ev: "Islamic State militants are present on Pakistani soil"})
	docs = append(docs, d)

	d = newDoc("ary-2017-06", "", "2017-06-26",
		"Daesh has gained a foothold in Afghanistan. Officials said Daesh is present in Pakistan's tribal areas.")
	addClaims(d,
		cl{pred: "presence", pol: "affirm", subj: isCore, sw: "Daesh", obj: afghanistan, ow: "Afghanistan", date: "2017-06-26", basis: "published", quote: -1,
			ev: "Daesh has gained a foothold in Afghanistan"},
		cl{pred: "presence", pol: "affirm", subj: isCore, sw: "Officials said Daesh@Daesh", obj: sitrep.Actor{Name: "Pakistan's tribal areas"}, ow: "Pakistan's tribal areas",
			speaker: officials, spw: "Officials", date: "2017-06-26", basis: "published", quote: -1, ev: "Daesh is present in Pakistan's tribal areas"})
	docs = append(docs, d)

	d = newDoc("tolo-2023-01", "Tolonews", "2023-01-23",
		"Spokesman Omar Haqyar said Daesh has no presence in Afghanistan. He said between 70 and 80 Daesh members are believed to be in Afghanistan. Haqyar said the Islamic Emirate does not cooperate with Iran against Daesh.")
	addQuote(d, haqyar, "Spokesman Omar Haqyar@Omar Haqyar", "said", "2023-01-23", "published")
	addQuote(d, haqyar, "He", "He said@said", "2023-01-23", "published")
	addQuote(d, haqyar, "Haqyar said@Haqyar", "Haqyar said@said", "2023-01-23", "published")
	mention(d, isCore, "Daesh")
	addClaims(d,
		cl{pred: "presence", pol: "deny", subj: isCore, sw: "Daesh", obj: afghanistan, ow: "Afghanistan", speaker: haqyar, spw: "Omar Haqyar",
			date: "2023-01-23", basis: "published", quote: 0, ev: "Daesh has no presence in Afghanistan"},
		cl{pred: "presence", pol: "affirm", hedged: true, subj: isCore, sw: "80 Daesh@Daesh", obj: afghanistan, ow: "be in Afghanistan@Afghanistan", speaker: haqyar, spw: "He",
			date: "2023-01-23", basis: "published", quote: 1, ev: "Daesh members are believed to be in Afghanistan"},
		cl{pred: "strength", pol: "affirm", hedged: true, subj: isCore, sw: "80 Daesh@Daesh", speaker: haqyar, spw: "He", value: "70 and 80",
			date: "2023-01-23", basis: "published", quote: 1, ev: "between 70 and 80 Daesh members are believed"},
		cl{pred: "cooperation", pol: "deny", subj: taliban, sw: "the Islamic Emirate", obj: iran, ow: "with Iran@Iran", speaker: haqyar, spw: "Haqyar said@Haqyar",
			date: "2023-01-23", basis: "published", quote: 2, ev: "the Islamic Emirate does not cooperate with Iran"})
	docs = append(docs, d)

	d = newDoc("diplomat-2023-01", "The Diplomat", "2023-01-12", "Iran is likely to work with the Taliban against ISKP, the magazine reported.")
	addClaims(d, cl{pred: "cooperation", pol: "affirm", hedged: true, subj: iran, sw: "Iran", obj: taliban, ow: "the Taliban@Taliban", speaker: diplomat, spw: "the magazine",
		date: "2023-01-12", basis: "published", quote: -1, ev: "Iran is likely to work with the Taliban"})
	docs = append(docs, d)

	d = newDoc("un-2023-07", "UN News", "2023-07-25",
		"The UN Monitoring Team said ISKP has up to 6,000 fighters in Afghanistan and is present in Pakistan.")
	addQuote(d, unTeam, "UN Monitoring Team", "said", "2023-07-25", "published")
	mention(d, iskp, "ISKP")
	addClaims(d,
		cl{pred: "presence", pol: "affirm", subj: iskp, sw: "ISKP", obj: afghanistan, ow: "Afghanistan", speaker: unTeam, spw: "UN Monitoring Team",
			date: "2023-07-25", basis: "published", quote: 0, ev: "ISKP has up to 6,000 fighters in Afghanistan"},
		cl{pred: "strength", pol: "affirm", subj: iskp, sw: "ISKP", speaker: unTeam, spw: "UN Monitoring Team", value: "up to 6,000",
			date: "2023-07-25", basis: "published", quote: 0, ev: "ISKP has up to 6,000 fighters"},
		cl{pred: "presence", pol: "affirm", subj: iskp, sw: "ISKP", obj: pakistan, ow: "Pakistan", speaker: unTeam, spw: "UN Monitoring Team",
			date: "2023-07-25", basis: "published", quote: 0, ev: "is present in Pakistan"})
	docs = append(docs, d)

	d = newDoc("tolo-2024-03", "Tolonews", "2024-03-10", "Omar Haqyar denied on Saturday that ISKP is present in Afghanistan.")
	addQuote(d, haqyar, "Omar Haqyar", "denied", "2024-03-09", "stated")
	mention(d, iskp, "ISKP")
	addClaims(d, cl{pred: "presence", pol: "deny", subj: iskp, sw: "ISKP", obj: afghanistan, ow: "Afghanistan", speaker: haqyar, spw: "Omar Haqyar",
		date: "2024-03-09", basis: "stated", quote: 0, ev: "ISKP is present in Afghanistan"})
	docs = append(docs, d)
	return docs
}

// propByKey finds a proposition.
func propByKey(t *testing.T, ps []connect.Proposition, key string) *connect.Proposition {
	t.Helper()
	for i := range ps {
		if ps[i].Key == key {
			return &ps[i]
		}
	}
	var keys []string
	for _, p := range ps {
		keys = append(keys, p.Key)
	}
	t.Fatalf("no proposition %s among %v", key, keys)
	return nil
}

func speakers(ss []connect.Stance) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Speaker.Name+"@"+s.When.Date)
	}
	return out
}

func TestClaimMatrix(t *testing.T) {
	docs := claimDocs()
	opt := connect.Options{Relations: relations}
	ps := connect.ClaimMatrix(connect.ClaimRecords(docs), opt)
	golden(t, "claims/matrix.json", mustJSON(t, ps))

	// "Pakistani soil" resolved to kb:pakistan is Pakistan: one
	// proposition, denied in 2015 and affirmed in 2016 by the same
	// minister.
	p := propByKey(t, ps, "presence|kb:islamic-state|kb:pakistan")
	if got, want := speakers(p.Denied), []string{"Rashid Alam@2015-01-19"}; !slices.Equal(got, want) {
		t.Errorf("denied by %v, want %v", got, want)
	}
	if got, want := speakers(p.Affirmed), []string{"Rashid Alam@2016-11-13"}; !slices.Equal(got, want) {
		t.Errorf("affirmed by %v, want %v", got, want)
	}
	// Unresolved words are their own object.
	propByKey(t, ps, "presence|kb:islamic-state|name:pakistan's tribal areas")

	// ISKP is not the Islamic State: its propositions are apart, with
	// the relation shown.
	k := propByKey(t, ps, "presence|kb:iskp|kb:afghanistan")
	if len(k.SubjectRelations) == 0 || k.SubjectRelations[0].Type != "branch_of" {
		t.Errorf("ISKP relations %v, want branch_of", k.SubjectRelations)
	}
	is := propByKey(t, ps, "presence|kb:islamic-state|kb:afghanistan")
	for _, s := range append(is.Affirmed, is.Denied...) {
		if s.Speaker.Entity == unTeam.Entity || s.When.Date == "2024-03-09" {
			t.Errorf("an ISKP stance in the Islamic State proposition: %+v", s)
		}
	}

	// Cooperation is symmetric: one proposition, contested.
	c := propByKey(t, ps, "cooperation|kb:afghan-taliban|kb:iran")
	if !c.Contested {
		t.Errorf("cooperation(Afghan Taliban, Iran) not contested: %+v", c)
	}

	// Filters.
	f := connect.PropositionFilter{Subject: []string{"kb:iskp"}, Predicate: "presence"}.Filter(ps)
	if len(f) != 2 {
		t.Errorf("ISKP presence: %d propositions, want 2", len(f))
	}
	if f := (connect.PropositionFilter{Subject: []string{"islamic state"}}).Filter(ps); len(f) != 6 {
		t.Errorf("subject 'islamic state': %d propositions, want the 6 of kb:islamic-state, not ISKP's", len(f))
	}
}

func TestClaimMatrixSpeakers(t *testing.T) {
	// "officials" in two documents are two speakers; the article's own
	// voice is its outlet (or its source).
	docs := claimDocs()
	ps := connect.ClaimMatrix(connect.ClaimRecords(docs), connect.Options{})
	keys := map[string]bool{}
	for _, p := range ps {
		for _, s := range append(p.Affirmed, p.Denied...) {
			if s.Speaker.Name == "officials" {
				keys[s.SpeakerKey] = true
				if s.SpeakerKind != connect.SpeakerWords {
					t.Errorf("officials: kind %s, want words", s.SpeakerKind)
				}
			}
			if s.Speaker.Name == "ary-2017-06.txt" && s.SpeakerKind != connect.SpeakerArticle {
				t.Errorf("the article's voice: kind %s, want article", s.SpeakerKind)
			}
		}
	}
	if len(keys) != 2 {
		t.Errorf("officials of two documents: %d speaker keys, want 2: %v", len(keys), keys)
	}
}

func TestClaimMatrixCanonical(t *testing.T) {
	// Two documents name one person differently; entity.Link merged them.
	a := newDoc("a", "Dawn", "2020-01-01", "Rashid Alam said Daesh has no presence in Pakistan.")
	addClaims(a, cl{pred: "presence", pol: "deny", subj: isCore, obj: pakistan, speaker: alam, ev: "Daesh has no presence in Pakistan"})
	b := newDoc("b", "Dawn", "2020-02-01", "Rasheed Alam said Daesh is present in Pakistan.")
	other := sitrep.Actor{Name: "Rasheed Alam", Entity: "auto:person:rasheed-alam"}
	addClaims(b, cl{pred: "presence", pol: "affirm", subj: isCore, obj: pakistan, speaker: other, ev: "Daesh is present in Pakistan"})
	records := connect.ClaimRecords([]*sitrep.Document{a, b})

	without := connect.Contradictions(connect.ClaimMatrix(records, connect.Options{}), nil)
	if len(without) != 1 || without[0].Kind != connect.KindSpeakersDisagree {
		t.Fatalf("without the merge: %+v, want one speakers_disagree", without)
	}
	opt := connect.Options{Canonical: map[string]string{"auto:person:rasheed-alam": "auto:person:rashid-alam"}}
	with := connect.Contradictions(connect.ClaimMatrix(records, opt), nil)
	if len(with) != 1 || with[0].Kind != connect.KindStanceChanged || !with[0].Ordered {
		t.Fatalf("with the merge: %+v, want one ordered stance_changed", with)
	}
}

func TestContradictions(t *testing.T) {
	opt := connect.Options{Relations: relations}
	ps := connect.ClaimMatrix(connect.ClaimRecords(claimDocs()), opt)
	ms := connect.MergeIncidents(connect.IncidentReports(incidentDocs()), opt)
	cs := connect.Contradictions(ps, ms)
	golden(t, "claims/contradictions.json", mustJSON(t, cs))

	type want struct {
		kind, key string
		ordered   bool
		hedged    bool
	}
	var got []want
	for _, c := range cs {
		w := want{kind: c.Kind, ordered: c.Ordered, hedged: c.Hedged}
		switch {
		case c.Proposition != nil:
			w.key = c.Proposition.Key
		case c.Incident != nil:
			w.key = c.Incident.Type + "@" + c.Incident.Place + "/" + c.FigureKind
		}
		got = append(got, w)
	}
	wantList := []want{
		{connect.KindSpeakersDisagree, "presence|kb:iskp|kb:afghanistan", false, false},
		{connect.KindStanceChanged, "presence|kb:islamic-state|kb:pakistan", true, false},
		{connect.KindConflictingFigures, "suicide_bombing@Parachinar/killed", false, false},
		{connect.KindSpeakersDisagree, "presence|kb:islamic-state|kb:afghanistan", false, false},
		{connect.KindCompetingClaims, "armed_attack@Peshawar/", false, false},
		{connect.KindCompetingClaims, "suicide_bombing@Parachinar/", false, false},
		{connect.KindSpeakersDisagree, "cooperation|kb:afghan-taliban|kb:iran", false, true},
		{connect.KindStanceChanged, "presence|kb:islamic-state|kb:afghanistan", false, true},
	}
	if !slices.Equal(got, wantList) {
		t.Errorf("contradictions:\n got %v\nwant %v", got, wantList)
	}
}

func TestTimeline(t *testing.T) {
	opt := connect.Options{Relations: relations}
	cdocs := claimDocs()
	ms := connect.MergeIncidents(connect.IncidentReports(incidentDocs()), opt)
	entries := connect.Timeline(connect.Selector{Entities: []string{"kb:iskp"}}, ms,
		connect.QuoteRecords(cdocs), connect.ClaimRecords(cdocs), opt)
	golden(t, "claims/timeline-iskp.json", mustJSON(t, entries))
	var got []string
	for _, e := range entries {
		got = append(got, e.When.Date+" "+e.Kind+": "+e.Summary)
	}
	want := []string{
		"2019-03-05 incident: bombing in Jalalabad, 8 killed; Islamic State Khorasan Province (claimed), Islamic State (attributed); 2 reports",
		"2023-07-25 quote: UN Monitoring Team said: ISKP has up to 6,000 fighters in Afghanistan and is present in Pakistan",
		"2024-03-09 quote: Omar Haqyar denied: on Saturday that ISKP is present in Afghanistan",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline:\n got %q\nwant %q", got, want)
	}
	if n := len(entries[1].Claims); n != 3 {
		t.Errorf("the UN quote carries %d claims, want 3", n)
	}

	// A place selects the incidents inside it, at any level.
	kp := connect.Timeline(connect.Selector{Places: []string{"Khyber Pakhtunkhwa"}}, ms, nil, nil, opt)
	var places []string
	for _, e := range kp {
		places = append(places, e.Incident.Place.Name)
	}
	if want := []string{"Parachinar", "Peshawar", "Landi Kotal"}; !slices.Equal(places, want) {
		t.Errorf("Khyber Pakhtunkhwa: %v, want %v (the undated report last)", places, want)
	}
}

// syntheticClaims generates n claims: 60 groups, 300 places, 7
// predicates, 2,000 named speakers and some unnamed ones, over three
// years, a fifth of them denials and a tenth hedged.
func syntheticClaims(n int) []connect.ClaimRecord {
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	preds := []string{"presence", "threat", "responsibility", "support", "cooperation", "affiliation", "strength"}
	out := make([]connect.ClaimRecord, n)
	for i := range out {
		day := rng.IntN(1095)
		doc := connect.Doc{ID: fmt.Sprintf("d%06d", i/4), Source: "synthetic", Outlet: fmt.Sprintf("Outlet %d", rng.IntN(50)),
			Published: dateOf(dayNumber(2021, 1, 1) + day)}
		c := sitrep.Claim{
			Subject:   sitrep.Actor{Name: fmt.Sprintf("Group %d", rng.IntN(60)), Entity: fmt.Sprintf("kb:group-%d", rng.IntN(60))},
			Predicate: preds[rng.IntN(len(preds))],
			Object:    sitrep.Actor{Name: fmt.Sprintf("Place %d", rng.IntN(300)), Entity: fmt.Sprintf("kb:place-%d", rng.IntN(300))},
			Polarity:  "affirm", Hedged: rng.IntN(10) == 0, Quote: -1, Start: 10, End: 40,
			DateBasis: "published",
		}
		if rng.IntN(5) == 0 {
			c.Polarity = "deny"
		}
		if rng.IntN(4) > 0 {
			sp := rng.IntN(2000)
			c.Speaker = sitrep.Actor{Name: fmt.Sprintf("Official %d", sp), Entity: fmt.Sprintf("auto:person:official-%d", sp)}
			c.Quote = rng.IntN(5)
		}
		c.Date = doc.Published.String()
		out[i] = connect.ClaimRecord{Doc: doc, Index: i % 4, Claim: c}
	}
	return out
}

func BenchmarkClaimMatrix(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		claims := syntheticClaims(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				connect.ClaimMatrix(claims, connect.Options{})
			}
		})
	}
}

func BenchmarkContradictions(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		props := connect.ClaimMatrix(syntheticClaims(n), connect.Options{})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				connect.Contradictions(props, nil)
			}
		})
	}
}
