package connect_test

import (
	"fmt"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// Two documents' claims about the Islamic State's presence in Pakistan:
// a minister denies it, analysts affirm it a month later.
func ExampleContradictions() {
	is := sitrep.Actor{Name: "Islamic State", Entity: "kb:islamic-state"}
	pk := sitrep.Actor{Name: "Pakistan", Entity: "kb:pakistan"}
	claims := []connect.ClaimRecord{
		{Doc: connect.Doc{ID: "a", Source: "a.txt", Outlet: "Dawn", Published: sitrep.Date{Year: 2015, Month: 1, Day: 20}},
			Claim: sitrep.Claim{Subject: is, Predicate: sitrep.PredicatePresence, Object: pk, Polarity: sitrep.PolarityDeny,
				Speaker: sitrep.Actor{Name: "Chaudhry Nisar Ali Khan", Entity: "kb:chaudhry-nisar-ali-khan"},
				Date:    "2015-01-19", DateBasis: "stated", Quote: 0}},
		{Doc: connect.Doc{ID: "b", Source: "b.txt", Outlet: "Reuters", Published: sitrep.Date{Year: 2015, Month: 2, Day: 24}},
			Claim: sitrep.Claim{Subject: is, Predicate: sitrep.PredicatePresence, Object: pk, Polarity: sitrep.PolarityAffirm,
				Hedged: true, Speaker: sitrep.Actor{Name: "analysts"}, Quote: 1}},
	}
	props := connect.ClaimMatrix(claims, connect.Options{})
	for _, c := range connect.Contradictions(props, nil) {
		fmt.Printf("%.2f %s\n%s\n", c.Score, c.Kind, c.Summary)
	}
	// Output:
	// 0.40 speakers_disagree
	// presence(Islamic State, Pakistan): affirmed by analysts (by 2015-02-24, hedged); denied by Chaudhry Nisar Ali Khan (2015-01-19)
}
