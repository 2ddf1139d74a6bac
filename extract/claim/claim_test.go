package claim_test

import (
	"context"
	"fmt"
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

func claims(t *testing.T, text string) []string {
	t.Helper()
	once.Do(func() { an = extract.NewAnalyzer() })
	d, _ := sitrep.ParseDate("2017-06-26")
	doc, err := an.Analyze(context.Background(), extract.Source{Name: "test", Format: sitrep.FormatText, Body: text, Published: d})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range doc.Claims {
		obj := c.Object.Entity
		if obj == "" {
			obj = c.Object.Name
		}
		if c.Value != "" {
			obj = c.Value
		}
		sp := c.Speaker.Entity
		if sp == "" || strings.HasPrefix(sp, "auto:") {
			sp = c.Speaker.Name // the resolver's own ids are not stable
		}
		subj := c.Subject.Entity
		if subj == "" {
			subj = c.Subject.Name
		}
		s := fmt.Sprintf("%s %s %s %s by %s", c.Predicate, subj, obj, c.Polarity, sp)
		if c.Hedged {
			s += " hedged"
		}
		if c.Start < 0 || c.End > len(doc.Text) || c.Start >= c.End {
			t.Errorf("bad evidence span %d-%d", c.Start, c.End)
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"capital speaks for its government; own soil",
			`In the past, Islamabad insisted that Daesh had no presence on its soil.`,
			[]string{"presence kb:islamic-state kb:pakistan deny by kb:pakistan-government"}},
		{"denial by negation, two places",
			`“It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said of the Islamic State.`,
			nil}, // "It" has no group before it in this document: no claim is better than a guess
		{"denying cue",
			`The interior minister denied the presence of Islamic State in Pakistan.`,
			[]string{"presence kb:islamic-state kb:pakistan deny by kb:chaudhry-nisar-ali-khan"}},
		{"claimed responsibility in the article's voice",
			`The Tehrik-i-Taliban Pakistan claimed responsibility for the bombing in Peshawar.`,
			[]string{"responsibility kb:ttp the bombing in Peshawar affirm by kb:ttp"}},
		{"strength with value, hedged",
			`Zabihullah Mujahid said that between 70 to 80 Daesh members are estimated to be based in Afghanistan.`,
			[]string{"strength kb:islamic-state 70 to 80 affirm by kb:zabihullah-mujahid hedged", "presence kb:islamic-state kb:afghanistan affirm by kb:zabihullah-mujahid hedged"}},
		{"strength with a thousands separator, from a report",
			`Daesh has about 2,000 fighters in Afghanistan, a UN report said.`,
			[]string{"strength kb:islamic-state about 2,000 affirm by UN report"}},
		{"blamed X on Y, by the capital's government",
			`Islamabad, Pakistan's capital, was quiet. Islamabad blamed the attack on the TTP.`,
			[]string{"responsibility kb:ttp the attack affirm by kb:pakistan-government"}},
		{"part of another group",
			`The Haqqani network is part of the Taliban movement.`,
			[]string{"affiliation kb:haqqani-network kb:afghan-taliban affirm by "}},
		{"claimed the attack, without the word responsibility",
			`The Balochistan Liberation Army claimed the attack on a convoy in Gwadar.`,
			[]string{"responsibility kb:bla the attack on a convoy in Gwadar affirm by kb:bla"}},
		{"threat denied",
			`Zabihullah Mujahid said that Daesh is not a threat for Afghanistan.`,
			[]string{"threat kb:islamic-state kb:afghanistan deny by kb:zabihullah-mujahid"}},
		{"claimants of a nominal claim",
			`Islamabad rejected Afghan claims that hundreds of Pakistani Taliban fighters were now loyal to Daesh.`,
			[]string{"strength kb:ttp hundreds affirm by kb:afghans", "strength kb:ttp hundreds deny by kb:pakistan-government",
				"affiliation kb:ttp kb:islamic-state affirm by kb:afghans", "affiliation kb:ttp kb:islamic-state deny by kb:pakistan-government"}},
		{"a speaker rejecting reports",
			`Zabihullah Mujahid rejected reports that Daesh fighters were present in Kunar.`,
			[]string{"presence kb:islamic-state auto:location:kunar affirm by reports", "presence kb:islamic-state auto:location:kunar deny by kb:zabihullah-mujahid"}},
		{"active incident verb with a time phrase between group and verb",
			`Lashkar-e-Taiba militants on Sunday night killed a shopkeeper in Sopore.`,
			[]string{"responsibility kb:lashkar-e-taiba killed a shopkeeper affirm by "}},
		{"two incident verbs joined by and",
			`The Tehrik-i-Taliban Pakistan abducted and killed a teacher in Swat.`,
			[]string{"responsibility kb:ttp abducted and killed a teacher affirm by "}},
		{"a participle without an object is passive",
			`The Lashkar-e-Taiba militant killed in Sopore was identified as Qasim.`,
			nil},
		{"passive chain before by",
			`Two villagers were abducted and later killed by cadres of the Tehrik-i-Taliban Pakistan in Swat.`,
			[]string{"responsibility kb:ttp Two villagers were abducted and later killed affirm by "}},
		{"a state force's killing is an operation, not an incident",
			`Three militants were killed by the Pakistan Army in Swat.`,
			nil},
		{"the head of an apposition claims, not the group inside it",
			`Jundullah, a splinter group of Tehrik-i-Taliban Pakistan claimed responsibility for the attack.`,
			[]string{"affiliation kb:jundallah-pakistan kb:ttp affirm by ", "responsibility kb:jundallah-pakistan the attack affirm by kb:jundallah-pakistan"}},
		{"claiming the responsibility",
			`The Tehrik-i-Taliban Pakistan left a letter with the bodies, claiming the responsibility of the killings.`,
			[]string{"responsibility kb:ttp the killings affirm by kb:ttp"}},
		{"support sought is no support",
			`The Tehrik-i-Taliban Pakistan carried out the murders to garner support of the Haqqani network.`,
			nil},
		{"supporters with no backed actor",
			`Tehrik-i-Taliban Pakistan militants abducted one of their supporters, reports Dawn.`,
			[]string{"responsibility kb:ttp abducted one of their supporters affirm by kb:dawn"}},
		{"a closing reports names the outlet as speaker",
			`Tehrik-i-Taliban Pakistan militants killed a teacher in Swat on May 27, reports Daily Excelsior.`,
			[]string{"responsibility kb:ttp killed a teacher affirm by Daily Excelsior"}},
		{"the outlet before reported, a date after the outlet",
			`Tehrik-i-Taliban Pakistan militants killed a teacher in Swat, Daily Excelsior reported.`,
			[]string{"responsibility kb:ttp killed a teacher affirm by Daily Excelsior"}},
		{"according to at the sentence's end",
			`Tehrik-i-Taliban Pakistan militants killed a teacher in Swat, according to Daily Excelsior on Monday.`,
			[]string{"responsibility kb:ttp killed a teacher affirm by Daily Excelsior"}},
		{"a group claiming keeps itself as speaker under an outlet",
			`The Tehrik-i-Taliban Pakistan claimed responsibility for the attack, reports Daily Excelsior.`,
			[]string{"responsibility kb:ttp the attack affirm by kb:ttp"}},
		{"the next sentence is the article's again",
			`Police said the road was closed, reports Daily Excelsior. Tehrik-i-Taliban Pakistan militants killed a teacher in Swat.`,
			[]string{"responsibility kb:ttp killed a teacher affirm by "}},
		{"a joint team of listed forces: one cooperation claim per pair",
			`A joint team of personnel from Commando Battalions for Resolute Action (CoBRA), Central Reserve Police Force (CRPF), Special Task Force (STF) and District Police were on the way to the village.`,
			[]string{"cooperation auto:organization:commando-battalions-for-resolute-action auto:organization:central-reserve-police-force affirm by ",
				"cooperation auto:organization:commando-battalions-for-resolute-action auto:organization:special-task-force affirm by ",
				"cooperation auto:organization:commando-battalions-for-resolute-action District Police affirm by ",
				"cooperation auto:organization:central-reserve-police-force auto:organization:special-task-force affirm by ",
				"cooperation auto:organization:central-reserve-police-force District Police affirm by ",
				"cooperation auto:organization:special-task-force District Police affirm by "}},
		{"a joint operation: the list before it, not the target",
			`Assam Police and the Army killed a Lashkar-e-Taiba militant in a joint operation in Sopore.`,
			[]string{"cooperation auto:organization:assam-police Army affirm by "}},
		{"a joint encounter by two forces",
			`Three militants were killed in a joint encounter by Police and Army in Sopore.`,
			[]string{"cooperation Police Army affirm by "}},
		{"a joint team of one force is no cooperation",
			`A joint team of the Special Task Force raided the village.`,
			nil},
		{"in collaboration with: the actor before it, not the clause's first",
			`The Inspector General of Police suspected the involvement of the Tehrik-i-Taliban Pakistan in collaboration with the Lashkar-e-Jhangvi.`,
			[]string{"responsibility kb:ttp  affirm by Inspector General of Police hedged", "responsibility kb:lashkar-e-jhangvi  affirm by Inspector General of Police hedged",
				"cooperation kb:ttp kb:lashkar-e-jhangvi affirm by Inspector General of Police hedged"}},
		{"an organisation whose members are militants is an armed group; opened fire on a target",
			`Suspected militants of the Hmar Peoples Convention opened fire on a convoy near Aizawl.`,
			[]string{"responsibility auto:organization:hmar-peoples-convention opened fire on a convoy near Aizawl affirm by  hedged"}},
		{"started firing",
			`Cadres of the Zeliangrong United Front started firing at the patrol.`,
			[]string{"responsibility auto:organization:zeliangrong-united-front started firing at the patrol affirm by "}},
		{"suspect X behind the incident: the believer speaks, hedged",
			`The investigation officials suspect a terror group named The Base Movement behind the explosion.`,
			[]string{"responsibility auto:organization:base-movement the explosion affirm by investigation officials hedged"}},
		{"passive carried out by: the incident is the passive's subject",
			`The spokesman claimed that the ambush was carried out by the Tehrik-i-Taliban Pakistan.`,
			[]string{"responsibility kb:ttp the ambush affirm by "}},
		{"a faction's name is no affiliation claim",
			`Militants of the Military Council faction of the Kangleipak Communist Party abducted two masons.`,
			nil},
		{"militants targeted by an operation are no strength estimate",
			`Police cordoned off the village after a tip off about the presence of two militants of the Hizbul Mujahideen in Sopore.`,
			[]string{"presence kb:hizbul-mujahideen auto:location:sopore affirm by "}},
		{"the presence of one named member is a person's, not the group's",
			`The raid followed a tip off on the presence of wanted Lashkar-e-Taiba militant Qasim in Sopore.`,
			nil},
		{"a stronghold in apposition to a place: each group listed is present",
			`Reporting is difficult in the tribal area, a Taliban and al-Qaeda stronghold barred to journalists.`,
			[]string{"presence kb:afghan-taliban tribal area affirm by ", "presence kb:al-qaeda tribal area affirm by "}},
		{"a pronoun subject in an indirect quote is its speaker",
			`Pakistan denied that it supports the Afghan Taliban.`,
			[]string{"support kb:pakistan-government kb:afghan-taliban deny by kb:pakistan-government"}},
		{"a pronoun with no organisation speaking gives no claim",
			`Imran Khan said that they support the Afghan Taliban.`,
			nil},
		{"no claim in background",
			`The Islamic State is a militant group that has set up a self-proclaimed caliphate in Syria and Iraq.`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := claims(t, tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
