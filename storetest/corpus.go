// Package storetest is the conformance suite of sitrep.Store: Run checks
// an implementation against the contract documented in store.go, on a
// small corpus of hand-made documents (Corpus). Every backend's tests run
// it:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(tb testing.TB) sitrep.Store { return MustOpen(tb) })
//	}
package storetest

import (
	"fmt"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Corpus returns three analysed inputs, built by hand so that the suite
// needs no analyzer: a suicide bombing claimed by the TTP (Dawn, June
// 2024), a denial of Daesh's presence in Pakistan (Reuters, July 2024),
// and an undated story with no entities. Each call returns new values.
func Corpus() []sitrep.Analysed {
	docs := []*sitrep.Document{bombing(), denial(), floods()}
	out := make([]sitrep.Analysed, len(docs))
	for i, d := range docs {
		in := &sitrep.Input{Source: d.Source, Format: d.Format, Body: d.Title + "\n\n" + d.Text, Outlet: d.Outlet, Published: d.Published}
		out[i] = sitrep.Analysed{Input: in, Key: in.Key(), Document: d}
	}
	return out
}

// span returns the span of the n-th (0-based) occurrence of s in text; it
// panics when there is none, a bug of the corpus.
func span(text, s string, n int) sitrep.Span {
	off := 0
	for {
		i := strings.Index(text[off:], s)
		if i < 0 {
			panic(fmt.Sprintf("storetest: %q not in the text", s))
		}
		if n == 0 {
			return sitrep.Span{Start: off + i, End: off + i + len(s)}
		}
		n--
		off += i + len(s)
	}
}

func mention(text, s string, n int, via string) sitrep.EntityMention {
	sp := span(text, s, n)
	return sitrep.EntityMention{Start: sp.Start, End: sp.End, Text: s, Via: via}
}

func actor(text, s, name, entity string) sitrep.Actor {
	sp := span(text, s, 0)
	return sitrep.Actor{Name: name, Entity: entity, Start: sp.Start, End: sp.End}
}

func date(s string) sitrep.Date {
	d, err := sitrep.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var ttpRelations = []sitrep.EntityRelation{{Type: "affiliated_with", Target: "kb:afghan-taliban", Name: "Afghan Taliban"}}

func bombing() *sitrep.Document {
	text := "A suicide bomber killed 12 people at a police station in Peshawar on Tuesday, police said.\n\n" +
		"The Tehrik-i-Taliban Pakistan (TTP) claimed responsibility for the attack.\n\n" +
		"\"We will continue our attacks until our demands are met,\" TTP spokesman Mohammad Khurasani said in a statement."
	peshawar := &sitrep.Place{ID: "geonames:1168197", Name: "Peshawar", Kind: "city", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa",
		Admin2: "Peshawar", Lat: 34.008, Lon: 71.578, Precision: sitrep.PrecisionTown, GeoPrecision: 1}
	q := span(text, "\"We will continue our attacks until our demands are met,\"", 0)
	cue := span(text, "said in a statement", 0)
	ev := span(text, "The Tehrik-i-Taliban Pakistan (TTP) claimed responsibility for the attack.", 0)
	inc := span(text, "A suicide bomber killed 12 people at a police station in Peshawar on Tuesday, police said.", 0)
	killed := span(text, "12 people", 0)
	pl := span(text, "Peshawar", 0)
	d := &sitrep.Document{
		ID: "a1000000000000000000000000000001", Source: "dawn/peshawar.txt", Format: sitrep.FormatText,
		URL: "https://www.dawn.com/news/peshawar", Title: "Suicide bombing kills 12 in Peshawar", Authors: []string{"Staff Reporter"},
		Published: date("2024-06-04"), Outlet: "Dawn", Dateline: "PESHAWAR", Text: text,
		Sentences: []sitrep.Span{inc, ev, span(text, "\"We will", 0)},
		Entities: []sitrep.Entity{
			{ID: "kb:ttp", Name: "Tehrik-i-Taliban Pakistan", Type: "organization", Subtype: "armed_group", Aliases: []string{"TTP"},
				Mentions: []sitrep.EntityMention{
					mention(text, "Tehrik-i-Taliban Pakistan", 0, "name"), mention(text, "TTP", 0, "acronym"), mention(text, "TTP", 1, "acronym")},
				Relations: ttpRelations},
			{ID: "kb:peshawar", Name: "Peshawar", Type: "location", Subtype: "city", Aliases: []string{},
				Mentions: []sitrep.EntityMention{mention(text, "Peshawar", 0, "name")}, Place: peshawar},
			{ID: "auto:person:mohammad-khurasani", Name: "Mohammad Khurasani", Type: "person", Aliases: []string{},
				Mentions: []sitrep.EntityMention{mention(text, "Mohammad Khurasani", 0, "tagger")}},
		},
		Quotes: []sitrep.Quote{{
			Speaker: sitrep.Speaker{Actor: actor(text, "Mohammad Khurasani", "Mohammad Khurasani", "auto:person:mohammad-khurasani"),
				Text: "TTP spokesman Mohammad Khurasani", Kind: sitrep.SpeakerNamed, Role: "spokesman"},
			Text: "We will continue our attacks until our demands are met,", Direct: true,
			Cue: "said in a statement", CueStart: cue.Start, CueEnd: cue.End,
			Date: "2024-06-04", DateBasis: "published", Start: q.Start, End: q.End,
		}},
		Claims: []sitrep.Claim{{
			Subject: actor(text, "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "kb:ttp"), Predicate: sitrep.PredicateResponsibility,
			Object: actor(text, "the attack", "the attack", ""), Polarity: sitrep.PolarityAffirm,
			Speaker: sitrep.Actor{Name: "Tehrik-i-Taliban Pakistan", Entity: "kb:ttp"},
			Date:    "2024-06-04", DateBasis: "published", Quote: -1, Start: ev.Start, End: ev.End,
		}},
		Incidents: []sitrep.Incident{{
			Type: sitrep.IncidentSuicideBombing, Cue: "suicide bomber", CueStart: span(text, "suicide bomber", 0).Start, CueEnd: span(text, "suicide bomber", 0).End,
			Place: &sitrep.IncidentPlace{Name: "Peshawar", Entity: "kb:peshawar", Country: "Pakistan", Admin1: "Khyber Pakhtunkhwa", Admin2: "Peshawar",
				Lat: 34.008, Lon: 71.578, Precision: sitrep.PrecisionTown, GeoPrecision: 1, Text: "Peshawar", Start: pl.Start, End: pl.End},
			Date: "2024-06-04", DatePrecision: "day", DateText: "on Tuesday", DateStart: span(text, "on Tuesday", 0).Start,
			DateEnd: span(text, "on Tuesday", 0).End, DateBasis: "stated",
			Killed: &sitrep.Figure{Min: 12, Max: intp(12), Estimate: 12, Text: "12 people", Start: killed.Start, End: killed.End,
				Source: &sitrep.Actor{Name: "police"}},
			Perpetrators: []sitrep.Perpetrator{{Actor: actor(text, "Tehrik-i-Taliban Pakistan", "Tehrik-i-Taliban Pakistan", "kb:ttp"), Basis: sitrep.BasisClaimed}},
			Targets:      []sitrep.Actor{actor(text, "a police station", "a police station", "")},
			Actors:       []sitrep.Actor{},
			Start:        inc.Start, End: inc.End,
		}},
	}
	return d.Normalize()
}

func intp(n int) *int { return &n }

func denial() *sitrep.Document {
	text := "Pakistan's Foreign Office said on Wednesday that Daesh has no presence in Pakistan.\n\n" +
		"Analysts said the TTP remains the main threat to the country, and that Islamic State fighters had crossed from Afghanistan."
	said := span(text, "said on Wednesday", 0)
	q := span(text, "Daesh has no presence in Pakistan", 0)
	q2 := span(text, "the TTP remains the main threat to the country", 0)
	d := &sitrep.Document{
		ID: "b2000000000000000000000000000002", Source: "reuters.jsonl:7", Format: sitrep.FormatText,
		Title: "Pakistan denies Daesh presence", Authors: []string{}, Published: date("2024-07-10"), Outlet: "Reuters", Text: text,
		Entities: []sitrep.Entity{
			{ID: "kb:pakistan", Name: "Pakistan", Type: "location", Subtype: "country", Aliases: []string{},
				Mentions: []sitrep.EntityMention{mention(text, "Pakistan", 0, "name"), mention(text, "Pakistan", 1, "name")},
				Place:    &sitrep.Place{ID: "geonames:1168579", Name: "Pakistan", Kind: "country", Country: "Pakistan", Lat: 30, Lon: 70, Precision: sitrep.PrecisionCountry, GeoPrecision: 3}},
			{ID: "kb:pakistan-foreign-office", Name: "Ministry of Foreign Affairs (Pakistan)", Type: "organization", Subtype: "ministry",
				Aliases: []string{"Foreign Office"}, Mentions: []sitrep.EntityMention{mention(text, "Foreign Office", 0, "name")}},
			{ID: "kb:islamic-state", Name: "Islamic State", Type: "organization", Subtype: "armed_group", Aliases: []string{"Daesh"},
				Mentions: []sitrep.EntityMention{mention(text, "Daesh", 0, "name"), mention(text, "Islamic State", 0, "name")}},
			{ID: "kb:ttp", Name: "Tehrik-i-Taliban Pakistan", Type: "organization", Subtype: "armed_group", Aliases: []string{"TTP"},
				Mentions: []sitrep.EntityMention{mention(text, "TTP", 0, "name")}, Relations: ttpRelations},
			{ID: "kb:afghanistan", Name: "Afghanistan", Type: "location", Subtype: "country", Aliases: []string{},
				Mentions: []sitrep.EntityMention{mention(text, "Afghanistan", 0, "name")}},
		},
		Quotes: []sitrep.Quote{
			{Speaker: sitrep.Speaker{Actor: actor(text, "Foreign Office", "Ministry of Foreign Affairs (Pakistan)", "kb:pakistan-foreign-office"),
				Text: "Pakistan's Foreign Office", Kind: sitrep.SpeakerNamed},
				Text: "Daesh has no presence in Pakistan", Cue: "said", CueStart: said.Start, CueEnd: said.Start + 4,
				Date: "2024-07-10", DateText: "on Wednesday", DateBasis: "stated", Start: q.Start, End: q.End},
			{Speaker: sitrep.Speaker{Actor: actor(text, "Analysts", "Analysts", ""), Text: "Analysts", Kind: sitrep.SpeakerCollective},
				Text: "the TTP remains the main threat to the country", Cue: "said", CueStart: span(text, "said", 1).Start, CueEnd: span(text, "said", 1).End,
				Date: "2024-07", DateBasis: "published", Start: q2.Start, End: q2.End},
		},
		Claims: []sitrep.Claim{
			{Subject: actor(text, "Daesh", "Islamic State", "kb:islamic-state"), Predicate: sitrep.PredicatePresence,
				Object:   sitrep.Actor{Name: "Pakistan", Entity: "kb:pakistan", Start: span(text, "Pakistan", 1).Start, End: span(text, "Pakistan", 1).End},
				Polarity: sitrep.PolarityDeny, Speaker: sitrep.Actor{Name: "Ministry of Foreign Affairs (Pakistan)", Entity: "kb:pakistan-foreign-office"},
				Date: "2024-07-10", DateBasis: "stated", Quote: 0, Start: q.Start, End: q.End},
			{Subject: actor(text, "TTP", "Tehrik-i-Taliban Pakistan", "kb:ttp"), Predicate: sitrep.PredicateThreat,
				Object: actor(text, "the country", "Pakistan", "kb:pakistan"), Polarity: sitrep.PolarityAffirm, Hedged: true,
				Speaker: sitrep.Actor{Name: "Analysts"}, Date: "2024-07", DateBasis: "published", Quote: 1, Start: q2.Start, End: q2.End},
		},
	}
	return d.Normalize()
}

func floods() *sitrep.Document {
	text := "Floods hit the northern districts after three days of heavy rain, and several roads were closed."
	d := &sitrep.Document{
		ID: "c3000000000000000000000000000003", Source: "-", Format: sitrep.FormatText, Title: "Floods close roads", Text: text,
		Sentences: []sitrep.Span{{Start: 0, End: len(text)}},
	}
	return d.Normalize()
}
