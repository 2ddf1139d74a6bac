package incident_test

import (
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract/incident"
	"github.com/sitrep-project/sitrep/geo"
)

// benchTexts are short reports in the styles the finder meets: a wire
// story with a toll update and a claim, incident summaries of several
// events, a kidnapping, an operation and a text with no incident.
var benchTexts = []string{
	"A suicide bomber blew himself up at a mosque in Peshawar on Friday, killing 12 worshippers and wounding 30 others, police said.\n\nThe attack was claimed by the Tehreek-e-Taliban Pakistan.\n\nThe death toll rose to 15 on Saturday, hospital officials said.",
	"TTP militants attacked a check post in Bajaur on Monday, killing two soldiers.\n\nIn another incident, a roadside bomb killed a policeman in Swat on Monday. Three soldiers were wounded when insurgents triggered an explosive under their vehicle near Turbat on Friday.",
	"About 50 Maoists raided a village in Gumla District on Sunday and abducted a teacher. Two villagers were shot dead by Maoists in Gumla District on May 2. Police launched a search to arrest them.",
	"Security forces killed 10 militants during an intelligence-based operation in Khyber district on Monday. At least three policemen and two militants were killed during an exchange of fire in Tank on Sunday.",
	"Officials fear the group could launch attacks on Kabul. The Taliban vowed to attack foreign troops. The network has claimed responsibility for several terrorist attacks across Pakistan in recent months.",
}

// BenchmarkFind times Finder.Find alone over analysed documents (the
// language layer's stages run once, before the timer).
func BenchmarkFind(b *testing.B) {
	g, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	fd := incident.Finder{Geocode: g.Resolve}
	docs := make([]*sitrep.Document, len(benchTexts))
	size := 0
	for i, text := range benchTexts {
		docs[i] = analyze(b, text, "2017-06-26")
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			fd.Find(d)
		}
	}
}
