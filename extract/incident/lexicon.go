package incident

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// A cue is a word or phrase that reports an event of a type.
type cueWord struct {
	words []string // lower-case tokens
	typ   string
	// kind tells how the cue behaves.
	kind cueKind
}

type cueKind uint8

const (
	// noun cues ("suicide attack", "blast") take determiners and plurals.
	kindNoun cueKind = iota
	// verb cues ("ambushed", "opened fire") report an event by a clause.
	kindVerb
	// weak cues ("attack", "killed") report an event only with other
	// evidence: a figure, a place or a date, and no stronger cue.
	kindWeak
	// operation cues ("operation") need a modifier that makes them
	// military: "security operation", "launched an operation".
	kindOperation
)

// cueTable lists the cues. Longer phrases win over their prefixes.
var cueTable = []struct {
	typ   string
	kind  cueKind
	forms string // "|"-separated phrases
}{
	{sitrep.IncidentSuicideBombing, kindNoun, "suicide attack|suicide attacks|suicide bombing|suicide bombings|suicide bomber|suicide bombers|suicide blast|suicide bomb|suicide car bomb|suicide car bombing|suicide explosion|suicide assault|suicide vest|suicide jacket|suicide strike|car bomber|suicide attacker|suicide attackers|self-immolation attack"},
	{sitrep.IncidentSuicideBombing, kindVerb, "blew himself up|blew herself up|blew themselves up|blew up himself|detonated his explosive|detonated his vest|detonated his suicide vest|detonated an explosive vest"},
	{sitrep.IncidentBombing, kindNoun, "bomb blast|bomb blasts|blast|blasts|explosion|explosions|bombing|bombings|bomb attack|bomb attacks|car bomb|car bombing|roadside bomb|roadside bombing|bomb|ied|ieds|improvised explosive device|improvised explosive devices|explosive device|explosive devices|remote-controlled bomb|remote control bomb|magnetic bomb|sticky bomb|grenade attack|grenade attacks|hand grenade|grenade|landmine|landmine blast|land mine|mine blast|dynamite attack|dynamite|parcel bomb|time bomb|bomb explosion|bomb went off"},
	{sitrep.IncidentBombing, kindVerb, "exploded|detonated|went off|bombed|blew up|ripped through|hurled a grenade|lobbed a grenade|planted a bomb|planted explosives|set off|triggered an explosive|triggered explosives|triggered an explosion|triggered a bomb|triggered a landmine|triggered a mine|triggered an ied"},
	{sitrep.IncidentAirstrike, kindNoun, "drone strike|drone strikes|drone attack|drone attacks|air strike|air strikes|airstrike|airstrikes|air raid|air raids|aerial bombardment|aerial bombing|air attack|bombing raid|missile strike|drone"},
	{sitrep.IncidentShelling, kindNoun, "shelling|rocket attack|rocket attacks|rockets|rocket|mortar|mortars|mortar attack|mortar shells|artillery|artillery fire|shells|missile attack|missiles|cross-border firing|cross-border fire|cross-border shelling|heavy weapons fire"},
	{sitrep.IncidentShelling, kindVerb, "shelled|fired rockets|fired mortars|fired mortar|fired missiles|lobbed mortar|lobbed rockets"},
	{sitrep.IncidentArmedClash, kindNoun, "clash|clashes|gun battle|gunbattle|gun-battle|gunfight|firefight|fire fight|exchange of fire|exchange of firing|encounter|skirmish|skirmishes|fierce fighting|heavy fighting|pitched battle|shootout|shoot-out|fighting broke out|fighting erupted"},
	{sitrep.IncidentArmedClash, kindVerb, "clashed|exchanged fire|traded fire|engaged in a gunfight"},
	{sitrep.IncidentArmedAttack, kindNoun, "shooting|shootings|gunfire|ambush|ambushes|armed attack|armed attacks|gun attack|gun attacks|terrorist attack|terror attack|militant attack|massacre|firing|storming|siege|assault|beheading|beheadings|gunmen"},
	{sitrep.IncidentArmedAttack, kindVerb, "opened fire|open fire|opened indiscriminate fire|opened heavy fire|opened random fire|opened firing|resorted to firing|resorted to indiscriminate firing|shot dead|shot and killed|shot and wounded|shot and injured|gunned down|ambushed|stormed|attacked|massacred|beheaded|sprayed bullets|fired at|fired upon|fired on|shot at|were shot|was shot|shot him|shot her|shot them|beat him to death|beaten to death|hacked to death|stabbed to death|slit the throat|strangled|lynched|set ablaze|torched|burned alive"},
	{sitrep.IncidentArmedAttack, kindWeak, "attack|attacks|killing|killings|murder|murders|murdered|killed|slain|shot"},
	{sitrep.IncidentKidnapping, kindNoun, "kidnapping|kidnappings|abduction|abductions|hostage-taking|hostage taking|hostage crisis"},
	{sitrep.IncidentKidnapping, kindVerb, "kidnapped|abducted|taken hostage|held hostage|took hostage|taken captive|whisked away|were kidnapped|was kidnapped|kidnap"},
	{sitrep.IncidentAssassination, kindNoun, "assassination|assassinations|targeted killing|targeted killings|target killing|target killings|assassination attempt"},
	{sitrep.IncidentAssassination, kindVerb, "assassinated"},
	{sitrep.IncidentSecurityOperation, kindNoun, "raid|raids|crackdown|offensive|search operation|combing operation|cordon and search|cordon-and-search|intelligence-based operation|intelligence based operation|counter-terrorism operation|counterterrorism operation|counter-insurgency operation|military operation|security operation|clearance operation|clean-up operation|rescue operation|targeted operation|ground operation|anti-terror operation|anti-militant operation|joint operation|operation"},
	{sitrep.IncidentSecurityOperation, kindVerb, "raided|stormed the hideout|busted"},
	{sitrep.IncidentArrest, kindVerb, "arrested|detained|apprehended|nabbed|taken into custody|took into custody|rounded up|captured|held for questioning|picked up by"},
	{sitrep.IncidentArrest, kindNoun, "arrest|arrests"},
}

// cues indexes cueTable by first word.
var cues = map[string][]cueWord{}

func init() {
	for _, row := range cueTable {
		for _, f := range strings.Split(row.forms, "|") {
			c := cueWord{words: strings.Fields(f), typ: row.typ, kind: row.kind}
			cues[c.words[0]] = append(cues[c.words[0]], c)
		}
	}
	// Longest first, so that "suicide car bomb" wins over "suicide".
	for k, cs := range cues {
		for i := 1; i < len(cs); i++ {
			for j := i; j > 0 && len(cs[j].words) > len(cs[j-1].words); j-- {
				cs[j], cs[j-1] = cs[j-1], cs[j]
			}
		}
		cues[k] = cs
	}
}

// rank orders types from the most specific: when one sentence reports an
// event with several cues ("a suicide bomber blew himself up ... the
// blast killed"), the most specific type wins.
var rank = map[string]int{
	sitrep.IncidentSuicideBombing:    0,
	sitrep.IncidentAirstrike:         1,
	sitrep.IncidentShelling:          2,
	sitrep.IncidentBombing:           3,
	sitrep.IncidentAssassination:     4,
	sitrep.IncidentArmedClash:        5,
	sitrep.IncidentSecurityOperation: 6,
	sitrep.IncidentArmedAttack:       7,
	sitrep.IncidentKidnapping:        8,
	sitrep.IncidentArrest:            9,
}

// family groups types that one sentence reports as one event. Abductions
// and arrests are events of their own even beside violence.
func family(typ string) int {
	switch typ {
	case sitrep.IncidentKidnapping:
		return 1
	case sitrep.IncidentArrest:
		return 2
	}
	return 0
}

// operationModifiers make "operation" a military one.
var operationVerbs = map[string]bool{"launched": true, "launch": true, "conducted": true, "conduct": true, "carried": true, "during": true, "mounted": true, "began": true, "started": true, "initiated": true, "ongoing": true, "underway": true}

// hypothetical words before a cue make its event unreal: "could launch
// attacks", "plans to attack", "the threat of a bombing".
var hypothetical = map[string]bool{
	"would": true, "could": true, "might": true, "may": true, "will": true, "'ll": true, "shall": true, "should": true, "can": true, "cannot": true,
	"plan": true, "plans": true, "planned": true, "planning": true, "plot": true, "plots": true, "plotted": true, "plotting": true,
	"threaten": true, "threatened": true, "threatens": true, "threatening": true, "vowed": true, "vows": true, "vow": true, "warned": true, "warns": true, "warning": true,
	"if": true, "unless": true, "prevent": true, "prevented": true, "preventing": true, "foil": true, "foiled": true, "thwarted": true, "thwart": true, "averted": true, "avert": true,
	"fear": true, "fears": true, "feared": true, "risk": true, "risks": true, "threat": true, "threats": true, "possible": true, "potential": true, "future": true, "any": true,
	"against": true, "condemn": true, "prepare": true, "preparing": true, "intend": true, "intended": true, "aimed": true, "wanted": true, "want": true, "seeking": true, "sought": true,
	"avoid": true, "deter": true, "no": true, "never": true, "not": true, "n't": true, "without": true, "ready": true, "able": true, "capable": true, "capability": true,
	"preparation": true, "prepared": true,
	"to": true, // "to attack", "to carry out attacks": an infinitive is not an event report
}

// infinitiveVerbs carry out an event: "to launch attacks".
var infinitiveVerbs = map[string]bool{"carry": true, "launch": true, "conduct": true, "stage": true, "mount": true, "commit": true, "execute": true, "perpetrate": true, "plan": true, "unleash": true, "target": true, "attack": true, "strike": true, "kill": true, "bomb": true, "abduct": true, "kidnap": true, "avenge": true}

// bareVerbNouns are noun cues that are also a verb's bare form: after
// "to" they are an infinitive ("to arrest them", "to raid the hideout").
var bareVerbNouns = map[string]bool{"arrest": true, "raid": true, "ambush": true, "assault": true, "bomb": true, "shell": true}

// hedgeWords report an event with reserve.
var hedgeWords = map[string]bool{"reportedly": true, "allegedly": true, "purportedly": true, "unconfirmed": true, "apparently": true, "alleged": true, "claimed": true, "possibly": true, "rumoured": true, "rumored": true}

// definiteWords before a noun cue refer back to an event already told.
var definiteWords = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true, "its": true, "their": true, "such": true, "same": true}

// newEventWords force a new event: "in another incident", "separately".
var newEventWords = map[string]bool{"another": true, "separately": true, "separate": true, "second": true}

// aggregateWords before a plural cue make it a count of many events:
// "several attacks", "a series of bombings".
var aggregateWords = map[string]bool{"several": true, "series": true, "spate": true, "wave": true, "string": true, "number": true, "many": true, "numerous": true, "multiple": true, "frequent": true, "repeated": true, "recent": true, "various": true, "some": true, "scores": true, "hundreds": true, "thousands": true, "dozens": true, "countless": true, "increasing": true, "rising": true, "growing": true, "more": true, "fewer": true, "past": true, "previous": true}

// memberNouns follow a group's name for its fighters: "TTP militants".
var memberNouns = map[string]bool{"militants": true, "militant": true, "fighters": true, "fighter": true, "insurgents": true, "insurgent": true, "cadres": true, "cadre": true, "members": true, "member": true, "rebels": true, "rebel": true, "gunmen": true, "gunman": true, "terrorists": true, "terrorist": true, "jihadists": true, "commanders": true, "commander": true, "operatives": true, "men": true, "guerrillas": true, "guerrilla": true, "suicide": true, "bomber": true, "bombers": true, "attackers": true, "attacker": true, "assailants": true, "squad": true, "unit": true, "wing": true, "faction": true, "affiliate": true, "'s": true, "’s": true, "’": true}

// groupRefs refer back to an armed group: "the group", "the outfit".
var groupRefs = map[string]bool{"group": true, "network": true, "outfit": true, "organisation": true, "organization": true, "militia": true, "faction": true}

// stateWords are state forces: the actors of operations, strikes and
// arrests.
var stateWords = map[string]bool{"forces": true, "troops": true, "police": true, "army": true, "soldiers": true, "military": true, "policemen": true, "rangers": true, "paramilitary": true, "paramilitaries": true, "levies": true, "ctd": true, "fc": true, "personnel": true, "commandos": true, "jawans": true, "crpf": true, "bsf": true, "marines": true, "navy": true, "jets": true, "aircraft": true, "drones": true, "helicopters": true, "gunships": true, "authorities": true, "officers": true, "agencies": true, "security": true, "counter-terrorism": true, "counterterrorism": true, "department": true}

// stateSubtypes are the entity subtypes of state forces and agencies.
var stateSubtypes = map[string]bool{"military": true, "police": true, "paramilitary": true, "intelligence": true, "military_mission": true}

// targetHeads are nouns of what attacks hit: a target phrase must have
// one, or be an entity.
var targetHeads = map[string]bool{
	"mosque": true, "mosques": true, "shrine": true, "shrines": true, "church": true, "churches": true, "temple": true, "temples": true, "imambargah": true, "imambargahs": true, "seminary": true, "madrassa": true, "madrasa": true,
	"school": true, "schools": true, "college": true, "university": true, "market": true, "bazaar": true, "marketplace": true, "checkpoint": true, "checkpoints": true, "check-post": true, "checkpost": true, "post": true, "posts": true,
	"convoy": true, "convoys": true, "vehicle": true, "vehicles": true, "bus": true, "buses": true, "van": true, "car": true, "truck": true, "train": true, "station": true, "camp": true, "base": true, "bases": true, "office": true, "offices": true,
	"headquarters": true, "compound": true, "hotel": true, "hospital": true, "rally": true, "procession": true, "gathering": true, "funeral": true, "wedding": true, "court": true, "courthouse": true, "embassy": true, "consulate": true,
	"airport": true, "pipeline": true, "tower": true, "towers": true, "bridge": true, "house": true, "houses": true, "home": true, "homes": true, "residence": true, "hideout": true, "hideouts": true, "patrol": true, "team": true, "prison": true, "jail": true,
	"soldiers": true, "soldier": true, "troops": true, "police": true, "policemen": true, "policeman": true, "personnel": true, "officials": true, "official": true, "worshippers": true, "civilians": true, "students": true, "workers": true,
	"pilgrims": true, "tourists": true, "journalists": true, "journalist": true, "politicians": true, "politician": true, "leader": true, "leaders": true, "members": true, "member": true, "officer": true, "officers": true, "teachers": true, "teacher": true,
	"children": true, "women": true, "villagers": true, "passengers": true, "engineers": true, "vaccinators": true, "muslims": true, "christians": true, "hindus": true, "sikhs": true, "shias": true, "hazaras": true, "couple": true, "nationals": true,
	"forces": true, "militants": true, "fighters": true, "insurgents": true, "cadres": true, "rebels": true, "commander": true, "commanders": true, "activists": true, "lawyers": true, "judge": true, "guards": true, "guard": true, "legislator": true, "mla": true, "mpa": true, "mna": true,
}

// victimsWords are heads of casualty phrases that name no target.
var victimsWords = map[string]bool{"people": true, "persons": true, "others": true, "individuals": true, "person": true, "of": true, "including": true}

// speechWords before a date or place tie it to a statement, not to the
// event: "said on Monday", "told reporters in Islamabad".
var speechWords = map[string]bool{"said": true, "says": true, "told": true, "stated": true, "added": true, "announced": true, "confirmed": true, "briefing": true, "addressing": true, "speaking": true, "statement": true, "reported": true, "reports": true, "spokesman": true, "spokesperson": true, "press": true, "conference": true}
