package quote_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/extract"
)

var (
	once sync.Once
	an   *extract.Analyzer
)

func analyze(t testing.TB, text, published string) *sitrep.Document {
	t.Helper()
	once.Do(func() { an = extract.NewAnalyzer() })
	src := extract.Source{Name: "test", Format: sitrep.FormatText, Body: text}
	if published != "" {
		d, err := sitrep.ParseDate(published)
		if err != nil {
			t.Fatal(err)
		}
		src.Published = d
	}
	doc, err := an.Analyze(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// analyzeOrNil analyses text with no publication date; nil when nothing
// of an article is left.
func analyzeOrNil(t testing.TB, text string) *sitrep.Document {
	once.Do(func() { an = extract.NewAnalyzer() })
	doc, err := an.Analyze(context.Background(), extract.Source{Name: "fuzz", Format: sitrep.FormatText, Body: text})
	if err != nil {
		return nil
	}
	return doc
}

// want describes one expected quote: "D|speaker text|speaker name|cue|start of the words".
type want string

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"direct, cue after with name and venue",
			`“The government is on alert to the IS threat in the region,” Foreign Secretary Aizaz Ahmad Chaudhry said while briefing the Senate Standing Committee on Foreign Affairs in Islamabad on Monday.`,
			[]want{"D|Foreign Secretary Aizaz Ahmad Chaudhry|Aizaz Ahmad Chaudhry|said|“The government is on alert"}},
		{"direct, inverted with apposition",
			`“If there is a regional consensus, it may have positive effects on curbing that group,” said Sadiq Shinwari, a military expert.`,
			[]want{"D|Sadiq Shinwari|Sadiq Shinwari|said|“If there is"}},
		{"indirect with addressee",
			`The spokesman of the Islamic Emirate, Zabihullah Mujahid, told TOLOnews that Iran and Afghanistan are neighbors.`,
			[]want{"I|The spokesman of the Islamic Emirate, Zabihullah Mujahid|Zabihullah Mujahid|told|Iran and Afghanistan"}},
		{"split quote and pronoun",
			`Zabihullah Mujahid spoke to reporters in Kabul.

“Their number is less, and it is around 70 to 80 people,” he said. “They are dispersed and are under investigation.”`,
			[]want{"D|he|Zabihullah Mujahid|said|“Their number is less"}},
		{"speaker named after the first quote",
			`“As of now, I can say with confidence that the group only exists in the Middle East,” he said. “It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said on Thursday.`,
			[]want{"D|he|Chaudhry Nisar Ali Khan|said|“As of now", "D|Interior Minister Chaudhry Nisar|Chaudhry Nisar Ali Khan|said|“It absolutely"}},
		{"capital as government",
			`In the past, Islamabad insisted that Daesh had no presence on its soil.`,
			[]want{"I|Islamabad|Government of Pakistan|insisted|Daesh had no presence"}},
		{"transcript turns, the whole transcript quoted",
			"Partial transcript of the interview:\n\n\"HOST: Will the talks resume in Doha next week? And who will attend them?\n\n\"MUJAHID: The delegation is ready and the dates will be announced by the leadership soon.\"",
			[]want{"D|HOST|HOST|:|Will the talks resume", "D|MUJAHID|MUJAHID|:|The delegation is ready"}},
		{"transcript turn",
			"The minister spoke to the press on Monday.\n\nKHAN: We have asked the Afghan side to act against the militants on its soil.",
			[]want{"D|KHAN|KHAN|:|We have asked the Afghan"}},
		{"speaker phrase with its head before a prepositional phrase",
			"The hearing ended on Tuesday.\n\nA lawyer for the two news outlets said no decision had been made about an appeal.",
			[]want{"I|A lawyer for the two news outlets|lawyer for the two news outlets|said|no decision had been made"}},
		{"coordinated attributions split at the dash",
			"The talks were held in Doha.\n\nMr. Karimi said the delegation would stay another week — and he noted that a ceasefire was not on the agenda.",
			[]want{"I|Mr. Karimi|Karimi|said|the delegation would stay another week", "I|he|Karimi|noted|a ceasefire was not on the agenda"}},
		{"data as the source",
			"The ministry published its report on Monday.\n\nOfficial figures show that 40 people died in the floods.",
			[]want{"I|Official figures|Official figures|show|40 people died"}},
		{"polls in the plural",
			"The campaign entered its last week.\n\nPolls show a close contest in the province.",
			[]want{"I|Polls|Polls|show|a close contest in the province"}},
		{"police as the speaker, content first",
			"Gunmen stormed a checkpoint in Quetta on Monday.\n\nThe attack killed four people, police said.",
			[]want{"I|police|police|said|The attack killed four people"}},
		{"police reports are a source, not police reporting",
			"Gunmen stormed a checkpoint in Quetta on Monday.\n\nPolice reports say the attackers fled to the mountains.",
			[]want{"I|Police reports|Police reports|say|the attackers fled"}},
		{"a media wing, with its statement as venue",
			"Militants attacked a checkpoint in North Waziristan.\n\nFour soldiers were killed in the attack, the military's media wing said in a statement.",
			[]want{"I|the military's media wing|military's media wing|said|Four soldiers were killed"}},
		{"venue before the clause",
			"Militants attacked a checkpoint in North Waziristan.\n\nTaliban spokesman Zabihullah Mujahid said in a statement that the group had no links to Daesh.",
			[]want{"I|Taliban spokesman Zabihullah Mujahid|Zabihullah Mujahid|said|the group had no links"}},
		{"a bracketed acronym after the speaker's name",
			"Militants attacked a checkpoint in North Waziristan.\n\nThe Inter-Services Public Relations (ISPR) said four militants were killed in the operation.",
			[]want{"I|The Inter-Services Public Relations (ISPR)|Inter-Services Public Relations|said|four militants were killed"}},
		{"a named report as the source",
			"Security officials met in Islamabad.\n\nDaesh has about 2,000 fighters in Afghanistan, a UN report said.",
			[]want{"I|a UN report|UN report|said|Daesh has about 2,000 fighters"}},
		{"claiming an attack or a toll is not speech",
			"Security officials met in Quetta.\n\nThe TTP claimed the killing of two policemen.\n\nThe floods claimed the lives of 40 people.",
			nil},
		{"according to, after",
			`The attack killed 12 people, according to a senior police official in Quetta.`,
			[]want{"I|a senior police official in Quetta|senior police official|according to|The attack killed"}},
		{"according to, before",
			`According to local officials, the militants fled towards the border.`,
			[]want{"I|local officials|local officials|According to|the militants fled"}},
		{"content before the speaker",
			`Daesh has been suppressed in Afghanistan, the official said.`,
			[]want{"I|the official|official|said|Daesh has been suppressed"}},
		{"collective speaker, base form",
			`Analysts say the group is trying to recruit in the tribal districts.`,
			[]want{"I|Analysts|Analysts|say|the group is trying"}},
		{"outlet and chain",
			`A diplomatic source told Express Tribune that Pakistani officials have claimed the group has no bases in the country.`,
			[]want{"I|A diplomatic source|diplomatic source|told|Pakistani officials have claimed", "I|Pakistani officials|Pakistani officials|claimed|the group has no bases"}},
		{"document speaker",
			`“These groups pose a grave threat to the region,” the report reads.`,
			[]want{"D|the report|report|reads|“These groups pose"}},
		{"not a quote: passive, scare quotes, claimed responsibility",
			`Splits within the Taliban were said to be driving commanders towards the “ISKP” brand. Three militant groups claimed responsibility for the attack.`,
			nil},
		{"partial quote inside indirect speech",
			`The minister said the group was “very dangerous” and had to be stopped.`,
			[]want{"I|The minister|minister|said|the group was “very dangerous”"}},
		{"a quote split around its frame is one quote",
			"The senator spoke in Denver.\n\n\"What we owe the miners is honesty,\" Mr. Harlan said, \"and to say that the economy is changing.\"",
			[]want{"D|Mr. Harlan|Harlan|said|\"What we owe the miners is honesty,\" \"and to say"}},
		{"a full stop after the frame starts a new quote",
			"The senator spoke in Denver.\n\n\"We owe the miners honesty,\" Mr. Harlan said. \"They know the economy is changing,\" he added.",
			[]want{"D|Mr. Harlan|Harlan|said|\"We owe", "D|he|Harlan|added|\"They know"}},
		{"continued as a cue before a quote",
			"The senator spoke in Denver.\n\nMr. Harlan continued: \"The miners deserve the truth about the coal market.\"",
			[]want{"D|Mr. Harlan|Harlan|continued|\"The miners deserve"}},
		{"continued with no clause is not speech",
			"The senator spoke in Denver.\n\nMr. Harlan continued his tour of the coal towns on Friday.",
			nil},
		{"indirect speech half in quotation marks is direct",
			"The senator spoke in Denver.\n\nMr. Harlan said the plan is \"a disaster for miners.\"",
			[]want{"D|Mr. Harlan|Harlan|said|the plan is"}},
		{"indirect speech with a short quoted phrase is not",
			"The senator spoke in Denver.\n\nMr. Harlan said the plan the governor signed last week would be \"a disaster.\"",
			[]want{"I|Mr. Harlan|Harlan|said|the plan the governor"}},
		{"a cue in the progressive",
			"The campaign entered its last week.\n\nThe state attorney general is confirming that the foundation is not registered as a charity.",
			[]want{"I|The state attorney general|state attorney general|confirming|the foundation is not registered"}},
		{"a progressive with a contracted pronoun",
			"Mr. Harlan said the count was slow.\n\nHe’s claiming that the vote was rigged.",
			[]want{"I|Mr. Harlan|Harlan|said|the count was slow", "I|He’s|Harlan|claiming|the vote was rigged"}},
		{"a passive is not speech",
			"The campaign entered its last week.\n\nThe foundation was told that it is not registered as a charity.",
			nil},
		{"a frame ending its paragraph with a colon",
			"The senator spoke in Denver on Friday.\n\nMr. Harlan said:\n\n\"The miners deserve the truth about the coal market.\"",
			[]want{"D|Mr. Harlan|Harlan|said|\"The miners deserve"}},
		{"a cue needing a clause takes a quoted object",
			"The senator spoke in Denver.\n\nMr. Harlan described the governor as \"a lifetime politician\" with no plan.",
			[]want{"I|Mr. Harlan|Harlan|described|the governor as \"a lifetime politician\" with no plan"}},
		{"a cue needing a clause with a plain object is not speech",
			"The senator spoke in Denver.\n\nMr. Harlan knew the new plant and its workers well.",
			nil},
		{"her after said is a possessive",
			"Ms. Lynch joined the firm in 1984.\n\nMs. Lynch said her colleague had not worked on the case.",
			[]want{"I|Ms. Lynch|Lynch|said|her colleague had not worked"}},
		{"an apposition holding a relative clause",
			"The senator flew to Burma in 2012.\n\nErin Murphy, a former aide who accompanied her to Burma in 2011, said the trip was more important than it seemed.",
			[]want{"I|Erin Murphy|Erin Murphy|said|the trip was more important"}},
		{"a verb outside the lexicon reporting a that-clause",
			"The hearing ended on Tuesday.\n\nThe appeals court ruled that the state law was unconstitutional.",
			[]want{"I|The appeals court|appeals court|ruled|the state law was unconstitutional"}},
		{"an impersonal verb before that is not speech",
			"The hearing ended on Tuesday.\n\nThis means that the state law stays in force.",
			nil},
		{"a participle cue continuing a quote's frame",
			"The explosion shook the street on Saturday.\n\n\"We do not see a link to terrorism,\" Mayor Bill Dean said, adding that it would take more hours before details emerge.",
			[]want{"D|Mayor Bill Dean|Bill Dean|said|\"We do not see", "I|Mayor Bill Dean|Bill Dean|adding|it would take more hours"}},
		{"a document with a modifier after its head",
			"Voters are tired of the race.\n\nA state university poll released in late August found that most voters backed the plan.",
			[]want{"I|A state university poll released|state university poll|found|most voters backed the plan"}},
		{"according to a long source phrase",
			"Voters went to the polls on Tuesday.\n\nAccording to early results of exit polls conducted for the television networks by a research firm, most voters were angry with the government.",
			[]want{"I|early results of exit polls conducted for the television networks by a research firm|early results of exit polls|According to|most voters were angry"}},
		{"an indirect question",
			"The senator toured the state on Monday.\n\nA reporter asked Sanders whether his age was fair game in the campaign.",
			[]want{"I|A reporter|reporter|asked|whether his age was fair game"}},
		{"a speaker named by what they do",
			"The campaign entered its last week.\n\n\"I think it is coming,\" said a strategist for one of the candidates. Two former campaign staffers said the mood had changed.",
			[]want{"D|a strategist for one of the candidates|strategist|said|\"I think", "I|Two former campaign staffers|Two former campaign staffers|said|the mood had changed"}},
		{"an inverted speaker with a modifier after its head",
			"The meeting ended late.\n\n\"It was not a convincing argument,\" said one Democrat familiar with the discussion.",
			[]want{"D|one Democrat familiar with the discussion|"}},
		{"a programme title before the clause is not the quote",
			"The senator spoke on television.\n\nMr. Harlan told MSNBC’s “Morning Joe” on Friday that nobody would question her judgment.",
			[]want{"I|Mr. Harlan|Harlan|told|nobody would question"}},
		{"a frame after a title that reports a clause",
			"The senator spoke on television.\n\nSpeaking on ABC’s “This Week,” Mr. Harlan admitted that the course name was wrong.",
			[]want{"I|Mr. Harlan|Harlan|admitted|the course name was wrong"}},
		{"a share of a poll's respondents speaks",
			"The poll was taken last week.\n\nMore than six in 10 voters were tired of the race; 46 percent said they were unenthusiastic about the election. Another 47% say the economy matters most.",
			[]want{"I|46 percent|46 percent|said|they were unenthusiastic", "I|Another 47%|Another 47%|say|the economy matters most"}},
		{"as X put it, before the words",
			"The nominee was confirmed on Monday.\n\nAs Senator Tom Harlan put it, \"Republicans are unmoved and liberal activists are uninspired.\"",
			[]want{"D|Senator Tom Harlan|Tom Harlan|put it|\"Republicans are unmoved"}},
		{"as X put it, after the words",
			"The nominee was confirmed on Monday.\n\nThe vote was a formality, as one aide to the senator put it.",
			[]want{"I|one aide to the senator|one aide to the senator|put it|The vote was a formality"}},
		{"a cue of judgement reports its object",
			"The senator spoke in Denver.\n\nMr. Harlan criticized the president's foreign policy and said allies were worried.",
			[]want{"I|Mr. Harlan|Harlan|criticized|the president's foreign policy", "I|Mr. Harlan|Harlan|said|allies were worried"}},
		{"accused him of",
			"The senator spoke in Denver.\n\nMs. Ortiz accused him of sexism.",
			[]want{"I|Ms. Ortiz|Ortiz|accused|him of sexism"}},
		{"a stance taken in public",
			"The race tightened in October.\n\nThe Dallas Morning News endorsed Hillary Clinton on Friday.",
			[]want{"I|The Dallas Morning News|"}},
		{"a promise reports its object",
			"The campaign entered its last week.\n\nTom Harlan promised a tax cut for small businesses.",
			[]want{"I|Tom Harlan|Tom Harlan|promised|a tax cut for small businesses"}},
		{"a concern expressed",
			"The campaign entered its last week.\n\nTom Harlan expressed concern about the cost of the plan.",
			[]want{"I|Tom Harlan|Tom Harlan|expressed|concern about the cost"}},
		{"multi-paragraph quote",
			`“We will not allow anyone to use our soil against other countries. We have enough forces.

“Our security forces are paying attention to any kind of danger,” Mujahid said.`,
			[]want{"D|Mujahid|"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := analyze(t, tt.text, "2024-06-10")
			var got []string
			for _, q := range doc.Quotes {
				d := "I"
				if q.Direct {
					d = "D"
				}
				got = append(got, strings.Join([]string{d, q.Speaker.Text, q.Speaker.Name, q.Cue, q.Text}, "|"))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], string(w)) {
					t.Errorf("quote %d:\n got %s\nwant %s...", i, got[i], w)
				}
			}
			for _, q := range doc.Quotes {
				for _, p := range append([]sitrep.Span{{Start: q.Start, End: q.End}}, q.Parts...) {
					if p.Start < 0 || p.End > len(doc.Text) || p.Start >= p.End {
						t.Errorf("bad span %v", p)
					}
				}
				if q.Speaker.End > 0 && doc.Text[q.Speaker.Start:q.Speaker.End] != q.Speaker.Text {
					t.Errorf("speaker span %d-%d is %q, text %q", q.Speaker.Start, q.Speaker.End, doc.Text[q.Speaker.Start:q.Speaker.End], q.Speaker.Text)
				}
				if q.CueEnd > 0 && doc.Text[q.CueStart:q.CueEnd] != q.Cue {
					t.Errorf("cue span is %q, cue %q", doc.Text[q.CueStart:q.CueEnd], q.Cue)
				}
			}
		})
	}
}

func TestFramelessQuoteSpeakerSpan(t *testing.T) {
	text := "The rally ended late.\n\n“We will win this state,” Tom Harlan said. Harlan then left the stage in Denver.\n\n“The state is ready for a change of course.”"
	doc := analyze(t, text, "2024-06-10")
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes", len(doc.Quotes))
	}
	q := doc.Quotes[1]
	if q.Speaker.Name != "Tom Harlan" || q.Speaker.Start != strings.LastIndex(doc.Text, "Harlan then") {
		t.Errorf("speaker %q at %d, want Tom Harlan at the nearest mention %d", q.Speaker.Name, q.Speaker.Start, strings.LastIndex(doc.Text, "Harlan then"))
	}
}

func TestChain(t *testing.T) {
	doc := analyze(t, `A diplomatic source told Express Tribune that Pakistani officials have claimed the group has no bases in the country.`, "2017-06-26")
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes", len(doc.Quotes))
	}
	outer, inner := doc.Quotes[0], doc.Quotes[1]
	if outer.Addressee == nil || outer.Addressee.Entity != "kb:express-tribune" {
		t.Errorf("addressee %+v, want Express Tribune", outer.Addressee)
	}
	if outer.Speaker.Kind != sitrep.SpeakerAnonymous || inner.Speaker.Kind != sitrep.SpeakerCollective {
		t.Errorf("speaker kinds %q, %q", outer.Speaker.Kind, inner.Speaker.Kind)
	}
	if inner.ReportedBy == nil || inner.ReportedBy.Name != "diplomatic source" || inner.Via == nil || inner.Via.Entity != "kb:express-tribune" {
		t.Errorf("chain: reported_by %+v via %+v", inner.ReportedBy, inner.Via)
	}
}

func TestDate(t *testing.T) {
	doc := analyze(t, `“It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said on Thursday.

The minister said the government would act.`, "2015-02-14")
	if len(doc.Quotes) != 2 {
		t.Fatalf("got %d quotes", len(doc.Quotes))
	}
	if q := doc.Quotes[0]; q.Date != "2015-02-12" || q.DateText != "Thursday" || q.DateBasis != "stated" {
		t.Errorf("date %q %q %q", q.Date, q.DateText, q.DateBasis)
	}
	if q := doc.Quotes[1]; q.Date != "2015-02-14" || q.DateBasis != "published" {
		t.Errorf("date %q %q", q.Date, q.DateBasis)
	}
	doc = analyze(t, `The minister said on Thursday that the government would act.`, "")
	if q := doc.Quotes[0]; q.Date != "" || q.DateText != "Thursday" {
		t.Errorf("undated document: date %q %q (a relative date needs a reference)", q.Date, q.DateText)
	}
}
