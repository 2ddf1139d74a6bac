package sitrep

// Actor names who or what a statement or claim is about: an entity of the
// document when one could be tied to it, else the words of the text.
type Actor struct {
	// Name is the entity's canonical name, or the text's own words for an
	// actor outside the entity list ("a senior Pakistani official").
	Name string `json:"name"`
	// Entity is the Entity.ID the actor was resolved to, or "".
	Entity string `json:"entity"`
	// Start and End locate the actor's words in Text (0, 0 when the actor
	// is implied, e.g. the speaker of a claim inside a quote).
	Start int `json:"start"`
	End   int `json:"end"`
}

// Speaker kinds: how the text names who is speaking.
const (
	SpeakerNamed      = "named"      // a name or a resolved title ("the army chief")
	SpeakerPronoun    = "pronoun"    // he, she, they ... resolved to an earlier speaker
	SpeakerAnonymous  = "anonymous"  // "a senior official", "the source"
	SpeakerCollective = "collective" // "U.S. officials", "analysts", "residents"
	SpeakerOutlet     = "outlet"     // a news outlet or agency reporting
	SpeakerDocument   = "document"   // "the report", "the statement"
)

// Speaker is who a quote is attributed to.
type Speaker struct {
	Actor
	// Text is the speaker's words in the quote's sentence: a name, a
	// pronoun, a title or a description ("security and intelligence
	// sources"). Start and End locate it.
	Text string `json:"text"`
	// Kind is one of the Speaker* constants.
	Kind string `json:"kind"`
	// Role is the speaker's role when the text gives it: "spokesman",
	// "army chief", "official", "military expert".
	Role string `json:"role,omitempty"`
}

// Quote is a statement attributed to a speaker: a direct quote (the
// speaker's words in quotation marks) or indirect speech ("X said that
// ...", "according to X").
type Quote struct {
	Speaker Speaker `json:"speaker"`
	// Text is what was said: the words inside the quotation marks, or the
	// reported clause; for a quote split around its cue, the parts joined
	// by a space.
	Text string `json:"text"`
	// Direct is true for words in quotation marks.
	Direct bool `json:"direct"`
	// Cue is the verb or phrase that attributes the words: "said",
	// "told", "according to", "denied".
	Cue      string `json:"cue"`
	CueStart int    `json:"cue_start"`
	CueEnd   int    `json:"cue_end"`
	// Addressee is who the words were said to ("told TOLOnews"), when the
	// text names them.
	Addressee *Actor `json:"addressee,omitempty"`
	// Venue is where or while what the words were said ("while briefing
	// the Senate Standing Committee on Foreign Affairs").
	Venue string `json:"venue,omitempty"`
	// Via is the outlet or report the statement reaches the article
	// through, for a chain ("a diplomatic source told Express Tribune").
	Via *Actor `json:"via,omitempty"`
	// ReportedBy is who reports the speaker's words when the speaker is
	// not the one talking ("A source told X that Pakistani officials have
	// claimed ...": the speaker is Pakistani officials, reported by the
	// source).
	ReportedBy *Actor `json:"reported_by,omitempty"`
	// Date is when the words were said (YYYY-MM-DD, or coarser as in
	// DateMention.Value): from a date expression of the attribution ("said
	// on Monday") resolved against the publication date, else the
	// publication date itself, with DateBasis telling which.
	Date string `json:"date"`
	// DateText is the date expression used, "" when Date is the
	// publication date.
	DateText string `json:"date_text,omitempty"`
	// DateBasis is "stated" (from DateText), "published" (the words were
	// said by the publication date) or "" (no date known).
	DateBasis string `json:"date_basis"`
	// Start and End span the quoted words (the quotation marks included
	// for a direct quote); for a split quote, from the first part's start
	// to the last part's end.
	Start int `json:"start"`
	End   int `json:"end"`
	// Parts are the spans of a quote split around its cue or continued
	// over several paragraphs; absent for a quote in one piece.
	Parts []Span `json:"parts,omitempty"`
}

// Claim predicates.
const (
	PredicatePresence       = "presence"       // a group is present in a place
	PredicateThreat         = "threat"         // a group threatens a place or target
	PredicateResponsibility = "responsibility" // a group carried out or claimed an incident
	PredicateSupport        = "support"        // an actor backs another
	PredicateCooperation    = "cooperation"    // actors work together
	PredicateAffiliation    = "affiliation"    // a group is linked to another
	PredicateStrength       = "strength"       // a size estimate (Value)
)

// Claim polarities.
const (
	PolarityAffirm = "affirm"
	PolarityDeny   = "deny"
)

// Claim is a normalised proposition with the stance of who asserts it:
// "Daesh has no presence in Pakistan", denied by the Pakistani
// government.
type Claim struct {
	Subject   Actor  `json:"subject"`
	Predicate string `json:"predicate"`
	Object    Actor  `json:"object"`
	// Polarity is "affirm" or "deny".
	Polarity string `json:"polarity"`
	// Value holds a size estimate of a strength claim ("70 to 80").
	Value string `json:"value,omitempty"`
	// Hedged marks a claim made with reserve: "believed", "reportedly",
	// "likely", "could".
	Hedged bool `json:"hedged"`
	// Speaker is who asserts the claim (not who reports it).
	Speaker Actor `json:"speaker"`
	// Date, DateBasis: as in Quote.
	Date      string `json:"date"`
	DateBasis string `json:"date_basis"`
	// Quote is the index in Document.Quotes of the statement the claim
	// comes from, or -1 when it comes from the article's own reporting.
	Quote int `json:"quote"`
	// Start and End span the evidence: the words stating the claim.
	Start int `json:"start"`
	End   int `json:"end"`
}
