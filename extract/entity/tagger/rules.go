package tagger

import "strings"

// Rules applied to the model's labels (after Viterbi, so dev scores
// measure them; training is not affected).

// orgHeads end the names of companies, clubs and institutions: a run of
// capitalised words ending in one is an organisation whatever the model
// says of its first words ("Safaricom PLC", "Gor Mahia FC", "Nordvik
// Shipping Corporation"). Only words that end nothing else are listed:
// not "Bank" (West Bank), "Union" (Soviet Union) or "Agency" (Kurram
// Agency, a place).
var orgHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ltd ltd. limited inc inc. incorporated plc llc llp corp corp. corporation
		gmbh pvt pvt. bhd bhd. fc f.c. company holdings airlines airways university institute association
		federation committee commission ministry party club`) {
		orgHeads[w] = true
	}
}

// applyRules adjusts the labels of one sentence.
func applyRules(infos []wordInfo, labels []int) {
	bOrg, iOrg := LabelIndex("B-ORG"), LabelIndex("I-ORG")
	for i := 0; i < len(labels); i++ {
		w := &infos[i]
		// a leading "The" is not part of a name: "The [Ministry of Health]"
		if labels[i] != 0 && labels[i]%2 == 1 && w.lower == "the" && i+1 < len(labels) && labels[i+1] == labels[i]+1 {
			labels[i], labels[i+1] = 0, labels[i]
			continue
		}
		// a capitalised run ending in an organisation's head word
		if w.runStart >= 0 && i == w.runEnd-1 && i > w.runStart && orgHeads[w.lower] {
			s := w.runStart
			if infos[s].lower == "the" {
				s++
			}
			if s == i {
				continue
			}
			// the model already has an organisation ending here (it may
			// leave a nationality or place before it out: "Iraqi
			// [Interior Ministry]")
			if labels[i] == bOrg || labels[i] == iOrg {
				continue
			}
			for k := s; k <= i; k++ {
				labels[k] = iOrg
			}
			labels[s] = bOrg
			// a name the model began inside the run and ran past it is cut
			if i+1 < len(labels) && labels[i+1]%2 == 0 && labels[i+1] != 0 {
				labels[i+1]--
			}
		}
	}
}
