package quote

import "strings"

// cueLemmas are verbs that report speech, writing or a stated position.
// Each is listed with its forms: base, third person, past, participle
// (past tense forms also serve as participles unless given).
var cueLemmas = [][]string{
	{"say", "says", "said", "saying"},
	{"tell", "tells", "told", "telling"},
	{"add", "adds", "added", "adding"},
	{"ask", "asks", "asked"},
	{"warn", "warns", "warned", "warning"},
	{"deny", "denies", "denied", "denying"},
	{"claim", "claims", "claimed", "claiming"},
	{"accuse", "accuses", "accused", "accusing"},
	{"reject", "rejects", "rejected", "rejecting"},
	{"insist", "insists", "insisted", "insisting"},
	{"clarify", "clarifies", "clarified", "clarifying"},
	{"report", "reports", "reported"},
	{"state", "states", "stated", "stating"},
	{"stress", "stresses", "stressed", "stressing"},
	{"note", "notes", "noted", "noting"},
	{"explain", "explains", "explained", "explaining"},
	{"announce", "announces", "announced", "announcing"},
	{"confirm", "confirms", "confirmed", "confirming"},
	{"urge", "urges", "urged", "urging"},
	{"acknowledge", "acknowledges", "acknowledged", "acknowledging"},
	{"admit", "admits", "admitted", "admitting"},
	{"argue", "argues", "argued", "arguing"},
	{"assert", "asserts", "asserted", "asserting"},
	{"believe", "believes", "believed"},
	{"think", "thinks", "thought"},
	{"comment", "comments", "commented"},
	{"declare", "declares", "declared", "declaring"},
	{"emphasise", "emphasises", "emphasised", "emphasising", "emphasize", "emphasizes", "emphasized", "emphasizing"},
	{"maintain", "maintains", "maintained", "maintaining"},
	{"mention", "mentions", "mentioned"},
	{"predict", "predicts", "predicted"},
	{"promise", "promises", "promised", "promising"},
	{"recall", "recalls", "recalled", "recalling"},
	{"remark", "remarks", "remarked"},
	{"reply", "replies", "replied"},
	{"respond", "responds", "responded"},
	{"reveal", "reveals", "revealed", "revealing"},
	{"suggest", "suggests", "suggested", "suggesting"},
	{"threaten", "threatens", "threatened"},
	{"vow", "vows", "vowed", "vowing"},
	{"write", "writes", "wrote", "written"},
	{"tweet", "tweets", "tweeted"},
	{"post", "posted"},
	{"allege", "alleges", "alleged", "alleging"},
	{"estimate", "estimates", "estimated"},
	{"contend", "contends", "contended"},
	{"concede", "concedes", "conceded"},
	{"caution", "cautions", "cautioned"},
	{"observe", "observes", "observed"},
	{"agree", "agrees", "agreed"},
	{"complain", "complains", "complained"},
	{"pledge", "pledges", "pledged"},
	{"conclude", "concludes", "concluded"},
	{"inform", "informs", "informed"},
	{"assure", "assures", "assured"},
	{"brief", "briefed"},
	{"blame", "blames", "blamed"},
	{"charge", "charged"},
	{"point", "points", "pointed"}, // "pointed out"
	{"fear", "fears", "feared"},
	{"expect", "expects", "expected"},
	{"hope", "hopes", "hoped"},
	{"know", "knows", "knew"},
	{"describe", "describes", "described"},
	{"demand", "demands", "demanded"},
	{"question", "questioned"},
	{"dismiss", "dismisses", "dismissed"},
	{"read", "reads"}, // "the report reads"
	{"quote", "quoted"},
	{"cite", "cites", "cited", "citing"},
	{"show", "shows", "showed"}, // "the report shows"
	{"find", "finds", "found"},  // "the study found"
	{"boast", "boasts", "boasted", "boasting"},
	{"joke", "jokes", "joked", "joking"},
	{"quip", "quips", "quipped"},
	{"scold", "scolds", "scolded"},
	{"shout", "shouts", "shouted", "shouting"},
	{"yell", "yells", "yelled"},
	{"exclaim", "exclaims", "exclaimed"},
	{"chant", "chanted", "chanting"},
	{"call", "calls", "called", "calling"},
	{"lament", "laments", "lamented"},
	{"wonder", "wonders", "wondered"},
	{"counter", "counters", "countered"},
	{"retort", "retorts", "retorted"},
	{"plead", "pleads", "pleaded"},
	{"brag", "brags", "bragged"},
	{"testify", "testifies", "testified"},
	{"proclaim", "proclaims", "proclaimed"},
	{"liken", "likens", "likened"},
	{"criticise", "criticises", "criticised", "criticize", "criticizes", "criticized"},
	{"condemn", "condemns", "condemned"},
	{"welcome", "welcomes", "welcomed"},
	{"hail", "hails", "hailed"},
	{"slam", "slams", "slammed"},
	{"blast", "blasts", "blasted"},
	{"want", "wants", "wanted"},
	{"plan", "plans", "planned"},
	{"seek", "seeks", "sought"},
	{"refuse", "refuses", "refused"},
	{"decline", "declines", "declined"},
	{"oppose", "opposes", "opposed"},
	{"praise", "praises", "praised"},
	{"defend", "defends", "defended"},
	{"continue", "continues", "continued"}, // `She continued: "..."`
	// stances taken in public, reported with their object: "endorsed
	// Clinton", "proposed a tax cut", "denounced the ruling"
	{"endorse", "endorses", "endorsed", "endorsing"},
	{"support", "supports", "supported", "supporting"},
	{"propose", "proposes", "proposed", "proposing"},
	{"favor", "favors", "favored", "favour", "favours", "favoured"},
	{"prefer", "prefers", "preferred"},
	{"denounce", "denounces", "denounced", "denouncing"},
	{"decry", "decries", "decried", "decrying"},
	{"mock", "mocks", "mocked", "mocking"},
	{"thank", "thanks", "thanked", "thanking"},
	{"discuss", "discusses", "discussed", "discussing"},
	{"reiterate", "reiterates", "reiterated", "reiterating"},
	{"express", "expresses", "expressed", "expressing"}, // "expressed concern"
}

// cueForm maps a lowercase cue form to its lemma.
var cueForm = map[string]string{}

// baseForm marks base forms: cues only after a plural or pronoun subject
// ("officials say").
var baseForm = map[string]bool{}

// nounForm marks third-person forms that are also plural nouns ("claims",
// "reports"): cues only when not used as a noun and after a singular
// subject.
var nounForm = map[string]bool{}

// invertible lemmas may come before their speaker: "..., said X".
var invertible = set("say", "add", "tell", "write", "ask", "note", "explain", "warn", "insist", "reply", "recall", "argue", "state", "continue", "conclude", "observe", "remark", "comment", "respond", "caution", "declare", "stress", "emphasise", "tweet", "predict", "suggest", "admit", "concede", "acknowledge", "confirm", "announce", "report")

func init() {
	for _, l := range cueLemmas {
		for i, f := range l {
			cueForm[f] = l[0]
			if i == 0 {
				baseForm[f] = true
			}
		}
	}
	// Third-person forms that are common plural nouns.
	for _, f := range []string{"supports", "thanks", "favors", "favours", "claims", "reports", "states", "notes", "comments", "remarks", "estimates", "fears", "hopes", "demands", "promises", "stresses", "charges", "points", "posts", "tweets", "threatens", "questions", "finds", "shows", "reads", "cites"} {
		nounForm[f] = true
	}
}

// needClause are lemmas whose object is rarely a statement: they are cues
// only when a clause ("that ...", a colon, a quote) follows.
var needClause = map[string]bool{
	"call": false, "wonder": true, "want": false, "plan": false, "seek": false, "refuse": false, "decline": false, "oppose": false, "praise": false, "defend": false, "criticise": true, "condemn": true, "welcome": true, "hail": true, "slam": true, "blast": true, "liken": true, "counter": false,
	"know": true, "expect": true, "hope": true, "fear": true, "show": true, "find": true,
	"agree": true, "charge": true, "question": true, "demand": true, "describe": true,
	"brief": true, "post": true, "quote": true, "cite": false, "point": true, "read": false,
	"think": true, "believe": true, "recall": true, "ask": true, "respond": true, "reply": true,
	"mention": true, "note": false, "estimate": true, "promise": true, "pledge": true,
	"threaten": true, "blame": true, "dismiss": true, "accuse": false, "report": false,
	"continue": true,
}

// addresseeVerbs take the person spoken to as object: "told TOLOnews that".
var addresseeVerbs = map[string]bool{"tell": true, "inform": true, "assure": true, "brief": true, "warn": true, "urge": true, "ask": true, "remind": true}

// preverbs may stand between a speaker and the cue: "has also said".
var preverbs = set("also", "further", "however", "earlier", "later", "previously", "recently", "had", "has", "have", "would", "will", "then", "again", "repeatedly", "reportedly", "once", "separately", "meanwhile", "publicly", "privately", "officially", "categorically", "flatly", "strongly", "clearly", "firmly", "already", "even", "long", "too", "only", "just", "specifically", "explicitly", "openly", "angrily", "yesterday", "today", "tonight", "last", "night", "not", "never", "did", "does", "do", "may", "might", "could", "should", "can", "must", "emphatically", "bluntly", "vehemently", "often", "frequently", "subsequently", "initially", "first", "finally")

// npStop ends a speaker phrase read leftwards from its cue.
var npStop = set("that", "which", "who", "whom", "when", "while", "as", "after", "before", "because", "if", "but", "so", "since", "although", "though", "where", "than", "to", "where", "whether", "what", "how", "why", "once", "until", "unless", "whereas", "even", "not", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "do", "does", "did", "also", "however", "then", "there", "here", "earlier", "later", "meanwhile", "yet", "or", "nor", "by", "with", "without", "against", "into", "onto", "over", "under", "about", "during", "through", "like", "unlike", "despite", "amid", "among", "between")

// npInner may stand inside a speaker phrase but not at its start.
var npInner = set("of", "for", "at", "in", "from", "on", "and", "to")

// determiners open a noun phrase.
var determiners = set("the", "a", "an", "one", "another", "some", "several", "many", "most", "two", "three", "four", "five", "other", "his", "her", "their", "its", "our", "this", "these", "those", "both", "all", "senior", "few")

var pronouns = map[string]string{
	"he": "person", "she": "person", "i": "person", "they": "plural", "we": "plural", "it": "thing", "you": "person",
	"him": "person", "her": "person", "them": "plural",
}

// anonymousHeads are nouns for a speaker kept anonymous or collective.
var anonymousHeads = set("official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespersons",
	"expert", "experts", "analyst", "analysts", "diplomat", "diplomats", "officer", "officers", "commander", "commanders",
	"resident", "residents", "witness", "witnesses", "police", "policeman", "policemen", "leader", "leaders", "minister", "ministers",
	"observer", "observers", "insider", "insiders", "aide", "aides", "member", "members", "critic", "critics", "villager", "villagers",
	"elder", "elders", "activist", "activists", "militant", "militants", "fighter", "fighters", "soldier", "soldiers", "survivor", "survivors",
	"relative", "relatives", "doctor", "doctors", "people", "person", "man", "woman", "men", "women", "authorities", "authority",
	"government", "military", "army", "ministry", "office", "group", "administration", "agency", "department", "committee", "council",
	"embassy", "mission", "researcher", "researchers", "journalist", "journalists", "reporter", "reporters", "lawmaker", "lawmakers",
	"senator", "senators", "legislator", "legislators", "representative", "representatives", "envoy", "envoys", "ambassador",
	"general", "generals", "colonel", "chief", "chiefs", "head", "secretary", "director", "president", "governor", "mayor",
	"officialdom", "security", "intelligence", "investigator", "investigators", "prosecutor", "prosecutors", "judge", "spokespeople",
	"statement", "report", "study", "survey", "poll", "document", "letter", "communique", "communiqué", "video", "release", "assessment",
	"memo", "filing", "dossier", "analysis", "paper", "reports", "statements", "studies", "data", "figures", "records", "website", "channel",
	// people in politics and public life, named by what they do
	"staffer", "staffers", "supporter", "supporters", "voter", "voters", "strategist", "strategists", "operative", "operatives",
	"donor", "donors", "consultant", "consultants", "pollster", "pollsters",
	"organizer", "organizers", "organiser", "organisers", "volunteer", "volunteers", "protester", "protesters", "demonstrator", "demonstrators",
	"student", "students", "teacher", "teachers", "worker", "workers", "employee", "employees", "executive", "executives",
	"historian", "historians", "economist", "economists", "scholar", "scholars", "professor", "professors", "candidate", "candidates",
	"delegate", "delegates", "adviser", "advisers", "advisor", "advisors", "owner", "owners", "founder", "founders", "residents",
	"scientist", "scientists", "forecaster", "forecasters", "friend", "friends", "family", "families", "parent", "parents",
	"politician", "politicians", "respondents",
	// shares of a poll's respondents: "46 percent said", "47% say",
	// "three-quarters said", "Several said"
	"percent", "%", "majority", "majorities", "minority", "half", "quarters", "thirds", "several", "many", "most", "others", "some", "few", "both")

// quantities are heads of a share of people that take a plural verb:
// "46 percent say", "About one in five say".
var quantities = set("percent", "%", "majorities", "quarters", "thirds", "several", "many", "most", "others", "some", "few", "both", "half",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands")

// documentHeads are heads of a written source: "the report reads".
var documentHeads = set("journal", "statistics", "average", "estimate", "tally", "slide", "transcript", "panel", "review", "audit", "investigation", "inquiry", "census", "footage", "analysis", "research", "book", "article", "editorial", "ad", "advertisement", "spot", "indictment", "complaint", "lawsuit", "ruling", "verdict", "resolution", "bill", "law", "order", "decree", "fatwa", "manifesto", "pamphlet", "leaflet", "statement", "report", "study", "survey", "poll", "document", "letter", "communique", "communiqué", "video", "release",
	"assessment", "memo", "filing", "dossier", "analysis", "paper", "reports", "statements", "studies", "data", "figures", "records", "website", "channel", "message", "notification", "tweet", "post")

// roleHeads are nouns naming a role: "the army chief", "a military expert".
var roleHeads = set("spokesman", "spokeswoman", "spokesperson", "expert", "analyst", "diplomat", "officer", "commander", "official",
	"minister", "secretary", "chief", "head", "director", "president", "governor", "mayor", "general", "colonel", "ambassador", "envoy",
	"leader", "adviser", "advisor", "senator", "lawmaker", "representative", "chairman", "chairperson", "premier", "prosecutor",
	"judge", "researcher", "professor", "founder", "deputy", "inspector", "superintendent", "commissioner", "emir", "amir", "cleric", "mufti",
	"journalist", "reporter", "correspondent", "editor", "activist", "candidate", "nominee", "strategist", "economist", "scholar")

// groupHeads are institutions: "the government said".
var groupHeads = set("government", "military", "army", "ministry", "office", "group", "administration", "agency", "department", "committee", "council", "embassy", "mission", "police", "authorities", "authority", "organisation", "organization", "movement", "party", "cabinet", "parliament", "court", "commission", "directorate", "force", "forces", "regime", "coalition", "alliance", "command", "spokespeople")

// venueOpeners start a venue phrase after the cue.
var venueOpeners = set("while", "when")

// venueNouns head a venue: "at a press conference".
var venueNouns = set("conference", "briefing", "ceremony", "rally", "meeting", "session", "summit", "interview", "seminar", "gathering",
	"hearing", "event", "speech", "address", "forum", "jirga", "assembly", "statement", "sermon", "talk", "webinar", "show", "programme", "program")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func lower(s string) string { return strings.ToLower(s) }
