package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

type want struct {
	text, value, prec string
}

func date(t testing.TB, s string) sitrep.Date {
	t.Helper()
	if s == "" {
		return sitrep.Date{}
	}
	d, err := sitrep.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFind(t *testing.T) {
	const mon = "2017-06-26" // a Monday
	const feb = "2015-02-01" // a Sunday
	tests := []struct {
		name, in, ref string
		want          []want
	}{
		{"earlier this week", "The Islamic State claimed it killed over 70 Shia Muslims earlier this week.", mon,
			[]want{{"earlier this week", "2017-W26", Week}}},
		{"month day no year", "On June 4, Pakistan security forces raided the compound.", mon,
			[]want{{"June 4", "2017-06-04", Day}}},
		{"on friday", "The commander was addressing the tribesmen on Friday when the blast hit.", mon,
			[]want{{"Friday", "2017-06-23", Day}}},
		{"weekday is ref day", "Officials said on Monday that 12 were killed.", mon,
			[]want{{"Monday", "2017-06-26", Day}}},
		{"last month", "He was kidnapped by the terrorist network last month.", mon,
			[]want{{"last month", "2017-05", Month}}},
		{"month last year", "He was arrested sometimes in December last year.", feb,
			[]want{{"December last year", "2014-12", Month}}},
		{"disclosed on", "The ministry disclosed on January 22 that the talks had failed.", feb,
			[]want{{"January 22", "2015-01-22", Day}}},
		{"abbreviated month", "Troops were killed in the clash alongside the Durand Line on Jan. 20 by TTP fighters.", feb,
			[]want{{"Jan. 20", "2015-01-20", Day}}},
		{"last year capital", "Last year as well, the group attacked a school.", feb,
			[]want{{"Last year", "2014", Year}}},
		{"today yesterday tomorrow", "Today's talks follow yesterday's attack; tomorrow the army moves.", mon,
			[]want{{"Today", "2017-06-26", Day}, {"yesterday", "2017-06-25", Day}, {"tomorrow", "2017-06-27", Day}}},
		{"tonight this morning", "A curfew starts tonight after a blast this morning.", mon,
			[]want{{"tonight", "2017-06-26", Day}, {"this morning", "2017-06-26", Day}}},
		{"last night", "Gunmen attacked a checkpoint last night.", mon,
			[]want{{"last night", "2017-06-25", Day}}},
		{"weeks", "It rained last week, this week and it will next week.", mon,
			[]want{{"last week", "2017-W25", Week}, {"this week", "2017-W26", Week}, {"next week", "2017-W27", Week}}},
		{"months", "Attacks rose earlier this month; this month is worse; next month talks resume.", mon,
			[]want{{"earlier this month", "2017-06", Month}, {"this month", "2017-06", Month}, {"next month", "2017-07", Month}}},
		{"years", "This year and earlier this year; last year and next year.", mon,
			[]want{{"This year", "2017", Year}, {"earlier this year", "2017", Year}, {"last year", "2016", Year}, {"next year", "2018", Year}}},
		{"full date US", "The raid took place on June 4, 2017, in Kurram.", "2019-01-01",
			[]want{{"June 4, 2017", "2017-06-04", Day}}},
		{"full date day first", "The raid took place on 4 June 2017 in Kurram.", "2019-01-01",
			[]want{{"4 June 2017", "2017-06-04", Day}}},
		{"ordinal", "The deadline passed on January 20th without a deal.", feb,
			[]want{{"January 20th", "2015-01-20", Day}}},
		{"ordinal of month", "The accord was signed on the 4th of June.", mon,
			[]want{{"4th of June", "2017-06-04", Day}}},
		{"in month", "The group split in January.", mon,
			[]want{{"January", "2017-01", Month}}},
		{"in month previous year", "The group split in December.", feb,
			[]want{{"December", "2014-12", Month}}},
		{"last month name", "The group split last January.", feb,
			[]want{{"last January", "2015-01", Month}}},
		{"month this year", "Talks began in January this year.", mon,
			[]want{{"January this year", "2017-01", Month}}},
		{"month year", "The office opened in March 2016.", mon,
			[]want{{"March 2016", "2016-03", Month}}},
		{"in year", "The TTP was founded in 2007 and split since 2014.", mon,
			[]want{{"2007", "2007", Year}, {"2014", "2014", Year}}},
		{"year range", "The pandemic of 2009-2010 killed many.", mon,
			[]want{{"2009", "2009", Year}, {"2010", "2010", Year}}},
		{"mid year", "Operations resumed in mid-2019.", mon,
			[]want{{"mid-2019", "2019", Year}}},
		{"early month", "Fighting flared in early March.", mon,
			[]want{{"early March", "2017-03", Month}}},
		{"last few days", "Dozens were arrested in the last few days.", mon,
			[]want{{"the last few days", "2017-W26", Week}}},
		{"days ago", "The envoy arrived two days ago.", mon,
			[]want{{"two days ago", "2017-06-24", Day}}},
		{"weeks ago", "The envoy arrived three weeks ago.", mon,
			[]want{{"three weeks ago", "2017-W23", Week}}},
		{"a year ago", "The envoy arrived a year ago.", mon,
			[]want{{"a year ago", "2016", Year}}},
		{"digits months ago", "The envoy arrived 6 months ago.", mon,
			[]want{{"6 months ago", "2016-12", Month}}},
		{"iso", "Published 2024-06-21 by the ministry.", "",
			[]want{{"2024-06-21", "2024-06-21", Day}}},
		{"slash day first", "Notice dated 21/06/2024.", "",
			[]want{{"21/06/2024", "2024-06-21", Day}}},
		{"slash ambiguous", "Notice dated 06/07/2024.", "", nil},
		{"decade skipped", "In the 1990s the Taliban rose.", mon, nil},
		{"monday night", "The blast on Monday night killed five.", "2017-06-28",
			[]want{{"Monday night", "2017-06-26", Day}}},
		{"next friday", "Talks resume next Friday.", mon,
			[]want{{"next Friday", "2017-06-30", Day}}},
		{"last friday", "Talks ended last Friday.", "2017-06-30",
			[]want{{"last Friday", "2017-06-23", Day}}},
		{"future weekday", "The jirga will meet on Thursday in Peshawar.", mon,
			[]want{{"Thursday", "2017-06-29", Day}}},
		{"weekday with date", "The attack on Friday, June 23, 2017 was claimed.", "2017-07-10",
			[]want{{"Friday, June 23, 2017", "2017-06-23", Day}}},
		{"not prices", "The fee rose to $2019 and 2,016 people came; 70 to 80 died at 10:30.", mon, nil},
		{"not counts", "In 2000 people were displaced; a total of 2015 votes.", mon, nil},
		{"not clock", "The curfew starts by 2100 hours.", mon, nil},
		{"bare number no context", "Police counted 2016 cartridges.", mon, nil},
		{"name not month", "Jan Kavan of the Czech Republic joined the March for Life.", mon, nil},
		{"may modal", "May God help us, they may return.", mon, nil},
		{"in may", "The operation began in May.", mon,
			[]want{{"May", "2017-05", Month}}},
		{"zero ref relative", "On Friday last month, and on June 4, two days ago.", "",
			[]want{{"Friday", "", Day}, {"last month", "", Month}, {"June 4", "", Day}, {"two days ago", "", Day}}},
		{"zero ref absolute", "On June 4, 2024 and in 2019.", "",
			[]want{{"June 4, 2024", "2024-06-04", Day}, {"2019", "2019", Year}}},
		{"possessive year", "Officials blamed the group for the 2014 attack on the school.", mon,
			[]want{{"2014", "2014", Year}}},
		{"sept", "The ban took effect Sept. 30.", "2017-10-15",
			[]want{{"Sept. 30", "2017-09-30", Day}}},
		{"year crossing", "The deadline is Dec. 31.", "2018-01-03",
			[]want{{"Dec. 31", "2017-12-31", Day}}},
		{"week crossing year", "It happened last week.", "2021-01-06",
			[]want{{"last week", "2020-W53", Week}}},
		{"unicode around", "Ахмед said on Friday — after 2019’s vote — that…", mon,
			[]want{{"Friday", "2017-06-23", Day}, {"2019", "2019", Year}}},
		{"month of next year", "Franchises end after October of next year.", mon,
			[]want{{"October of next year", "2018-10", Month}}},
		{"last month name wraps", "The group split last March.", feb,
			[]want{{"last March", "2014-03", Month}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, date(t, tc.ref))
			if len(got) != len(tc.want) {
				t.Fatalf("Find(%q) = %+v, want %d mentions %+v", tc.in, got, len(tc.want), tc.want)
			}
			from := 0
			for i, w := range tc.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || g.Precision != w.prec {
					t.Errorf("mention %d = {%q %q %q}, want {%q %q %q}", i, g.Text, g.Value, g.Precision, w.text, w.value, w.prec)
				}
				s := from + strings.Index(tc.in[from:], w.text)
				if g.Start != s || g.End != s+len(w.text) {
					t.Errorf("mention %d span [%d,%d), want [%d,%d)", i, g.Start, g.End, s, s+len(w.text))
				}
				from = s + len(w.text)
			}
		})
	}
}

func checkSpans(t *testing.T, text string, got []sitrep.DateMention) {
	t.Helper()
	prev := 0
	for _, d := range got {
		if d.Start < prev || d.End <= d.Start || d.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", d.Start, d.End, prev, text)
		}
		if text[d.Start:d.End] != d.Text {
			t.Fatalf("text[%d:%d] = %q, Text = %q", d.Start, d.End, text[d.Start:d.End], d.Text)
		}
		switch d.Precision {
		case Day, Week, Month, Year:
		default:
			t.Fatalf("bad precision %q", d.Precision)
		}
		prev = d.End
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"killed over 70 Shia Muslims earlier this week",
		"On June 4, 2017, Pakistan security forces; on Friday, Jan. 20",
		"2024-06-21 21/06/2024 mid-2019 2009-2010 in 2016",
		"two days ago, a year ago, the last few days, next Friday night",
		"Friday, June 23, 2017 — in May — $2019 2,016",
		"", "1", "Jan.", "June 31", "Feb 29", "4th of", "mid-",
	} {
		f.Add(s, 2017, 6, 26)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		ref := sitrep.Date{}
		if y > 0 && y < 10000 && m >= 1 && m <= 12 && d >= 1 && d <= 28 {
			ref = sitrep.Date{Year: y, Month: time.Month(m), Day: d}
		}
		got := Find(text, ref)
		checkSpans(t, text, got)
		if utf8.ValidString(text) {
			for _, g := range got {
				if !utf8.ValidString(g.Text) {
					t.Fatalf("span splits a rune: %q", g.Text)
				}
			}
		}
	})
}

const benchText = `PESHAWAR, Pakistan — Security forces killed 11 militants in a raid in the Khyber tribal district on Friday, the military said in a statement on Saturday, days after the Islamic State claimed an attack that killed over 70 Shia Muslims earlier this week.

The raid began on June 4 and continued into the night, officials said. Troops recovered weapons, explosives and 2,016 rounds of ammunition, and paid $2019 in compensation to 70 to 80 families whose homes were damaged. The Inter-Services Public Relations said the militants were planning attacks on security forces and government installations.

The Tehreek-e-Taliban Pakistan (TTP), which was founded in 2007, has been weakened by military operations since 2014, but attacks rose again in the last few days. A spokesman for the group said last month that it would not negotiate. In December last year, the group kidnapped two engineers, who were released on January 22 after a jirga of tribal elders met at 10:30 in the morning.

Last year as well, the group carried out a string of suicide bombings. Officials disclosed on Jan. 20 that the clash alongside the Durand Line had left 12 soldiers dead. Afghanistan's foreign ministry said on Monday night that it had summoned the Pakistani ambassador, and that talks would resume next Friday in Kabul.

Analysts said the Islamic State Khorasan Province (ISKP), which emerged in mid-2015, had exploited divisions among the Taliban factions. "We have seen a surge in recruitment over the past year," said an analyst in Islamabad who asked not to be named. Two weeks ago, a bombing at a shrine in Sindh killed 88 people, the deadliest attack in the country since February 2017. The government announced on 21/06/2024 that it would review the National Action Plan, first adopted after the 2014 Army Public School attack, by the end of next month.

The army chief visited the tribal areas three weeks ago and met elders a year ago to discuss the repatriation of displaced families. According to the United Nations, more than 1.2 million people were displaced between 2009 and 2016. Many of them returned this year, but reconstruction has been slow, and aid workers say funding will run out by December.

"The situation today is better than it was in 2013," the provincial information minister told reporters on Tuesday, adding that the government would hold a conference on the return of displaced persons on 2024-06-21 in Islamabad. Opposition leaders, who boycotted a session of the provincial assembly yesterday, said the government had failed to deliver on promises made in the 2018 elections and in its budget for the fiscal year ending in June.

Meanwhile, the Afghan Taliban said they had captured two districts in Helmand province earlier this month and that fighting continued on Sunday. A United States military spokesman said on Wednesday that air strikes had killed dozens of fighters in the past 48 hours. The Taliban have stepped up attacks since the spring, when they announced their annual offensive, and the violence is expected to continue until the next round of talks, scheduled for later this year in Doha, Qatar.
`

func BenchmarkFind(b *testing.B) {
	text := benchText
	for len(text) < 5000 {
		text += "\n\n" + benchText
	}
	ref := sitrep.Date{Year: 2017, Month: 6, Day: 26}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, ref)
	}
}
