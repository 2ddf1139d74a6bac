package quote_test

import (
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/extract/quote"
)

// benchText is a made-up news story with the usual shapes of reported
// speech: direct quotes with frames before and after, split quotes,
// indirect speech, "according to" and pronouns across paragraphs.
const benchText = `Senate leaders clash over the budget as deadline nears

WASHINGTON — Senate Majority Leader Tom Harlan said on Tuesday that the chamber would vote on the spending bill before the end of the week.

"We are not going to let the government shut down," Harlan told reporters at the Capitol. "The votes are there, and we will find them."

Democrats say the bill cuts too deeply into education and health programs. Sen. Maria Ortiz, a member of the appropriations committee, argued that the cuts would hit rural hospitals hardest.

"This is a budget that balances nothing," she said, "except the ambitions of a few people in this building."

According to a report by the Congressional Budget Office, the measure would reduce the deficit by $40 billion over ten years. The White House is warning that the president could veto it.

A spokesman for the Treasury Department, who spoke on condition of anonymity, said the department was preparing for several outcomes.

The governor described the plan as "a disaster for working families" and urged lawmakers to reject it.

Harlan dismissed the criticism. "They have had months to read it," he said. He added that talks with the House would continue on Wednesday.
`

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat(benchText+"\n", 4)
	doc := analyze(b, text, "2024-06-10")
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		quote.Find(doc)
	}
}
