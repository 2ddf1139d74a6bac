package claim_test

import (
	"context"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

// benchText is an invented news article (written for this benchmark) with
// the kinds of sentences claims are read from, and many with none.
const benchText = `KABUL, Afghanistan

The Taliban government said on Sunday that the Islamic State had no presence in Afghanistan and would not be allowed to operate from Afghan soil.
Zabihullah Mujahid told reporters that the group was "not a threat" to the country.
A suicide bomber struck a mosque in Kunduz on Friday, killing at least 40 worshippers; the Islamic State claimed responsibility for the attack through its Amaq news agency.
Officials in Islamabad blamed the bombing on the Tehrik-i-Taliban Pakistan, which they said was sheltered across the border.
Pakistan denied that it supports the Afghan Taliban, and the foreign office rejected reports that militants were trained on its soil.
Analysts estimate that the group has between 1,500 and 2,000 fighters in Nangarhar and Kunar provinces.
The Haqqani network, a faction of the Taliban, is believed to be linked to al-Qaeda.
Security forces of both countries carried out a joint operation near the border, the army said.
Residents said the market reopened on Monday after three days of curfew.
The weather was cold and the roads to the north were closed by snow.
Police arrested two men in Jalalabad and seized explosives, a spokesman said.
The United States has backed the Afghan security forces for two decades.
`

func BenchmarkFind(b *testing.B) {
	an := extract.NewAnalyzer()
	var stage extract.ClaimStage
	for _, st := range an.Stages {
		if cs, ok := st.(extract.ClaimStage); ok {
			stage = cs
		}
	}
	d, _ := sitrep.ParseDate("2021-10-10")
	doc, err := an.Analyze(context.Background(), extract.Source{Name: "bench", Format: sitrep.FormatText, Body: strings.Repeat(benchText, 4), Published: d})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		stage.Finder.Find(doc)
	}
}
