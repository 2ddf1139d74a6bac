package sitrep

// Incident types, aligned with ACLED sub-event types and GTD attack types.
const (
	IncidentSuicideBombing    = "suicide_bombing"    // a suicide attack with explosives
	IncidentBombing           = "bombing"            // IED, remote or planted explosive, grenade
	IncidentArmedClash        = "armed_clash"        // two armed sides fight
	IncidentArmedAttack       = "armed_attack"       // shooting, gunfire, storming by attackers
	IncidentAirstrike         = "airstrike"          // drone or air strike
	IncidentShelling          = "shelling"           // rocket, artillery, mortar, missile fire
	IncidentKidnapping        = "kidnapping"         // abduction, hostage taking
	IncidentAssassination     = "assassination"      // targeted killing of a named person
	IncidentSecurityOperation = "security_operation" // raid, military or police operation
	IncidentArrest            = "arrest"             // arrest, detention
)

// IncidentTypes lists the incident types in a stable order.
var IncidentTypes = []string{
	IncidentSuicideBombing, IncidentBombing, IncidentArmedClash, IncidentArmedAttack,
	IncidentAirstrike, IncidentShelling, IncidentKidnapping, IncidentAssassination,
	IncidentSecurityOperation, IncidentArrest,
}

// Perpetrator bases: why a group is named as the perpetrator.
const (
	BasisClaimed    = "claimed"    // the group claimed responsibility
	BasisAttributed = "attributed" // a speaker (or the article) blamed the group
	BasisSuspected  = "suspected"  // the group is suspected, believed or likely
)

// Incident is one violent or security event reported by a document: what
// happened, where, when, to whom and by whom, each argument with the span
// of its evidence in Text.
type Incident struct {
	// Type is one of the Incident* constants.
	Type string `json:"type"`
	// Cue is the word or phrase that reports the event ("suicide
	// bombing", "ambushed", "drone strike"); CueStart, CueEnd locate it.
	Cue      string `json:"cue"`
	CueStart int    `json:"cue_start"`
	CueEnd   int    `json:"cue_end"`
	// Place is where it happened, from the gazetteer; null when the text
	// does not say.
	Place *IncidentPlace `json:"place"`
	// Date is when it happened in ISO 8601 form at DatePrecision ("2024-06-04",
	// "2024-W23", "2024-06", "2024"), resolved against the publication
	// date; empty (null) when the text gives no date, and never resolved
	// from a relative expression without a reference date.
	Date string `json:"date"`
	// DatePrecision is "day", "week", "month" or "year".
	DatePrecision string `json:"date_precision,omitempty"`
	// DateText is the date expression ("On June 4", "earlier this week");
	// DateStart, DateEnd locate it. DateBasis is "stated" when the date
	// comes from DateText and "published" when the report only says the
	// event happened by the publication date ("on Sunday" missing; the
	// date is then the publication date's and its precision "day" is an
	// upper bound).
	DateText  string `json:"date_text"`
	DateStart int    `json:"date_start,omitempty"`
	DateEnd   int    `json:"date_end,omitempty"`
	DateBasis string `json:"date_basis,omitempty"`
	// Killed and Injured are the reported casualty figures; null when the
	// text gives none. Kidnapped and Arrested count people taken.
	Killed    *Figure `json:"killed"`
	Injured   *Figure `json:"injured"`
	Kidnapped *Figure `json:"kidnapped,omitempty"`
	Arrested  *Figure `json:"arrested,omitempty"`
	// Perpetrators are the groups that claimed, were blamed for or are
	// suspected of the incident; several when competing claims are made.
	Perpetrators []Perpetrator `json:"perpetrators"`
	// Targets are who or what was attacked: people ("Shia Muslims", "U.S.
	// troops"), places ("a Sufi shrine"), organisations.
	Targets []Actor `json:"targets"`
	// Actors are the state forces that carried out an operation, strike
	// or arrest.
	Actors []Actor `json:"actors"`
	// Hedged marks an incident the text reports with reserve ("reportedly",
	// "allegedly").
	Hedged bool `json:"hedged,omitempty"`
	// Start and End span the evidence: the sentence or sentences that
	// report the incident.
	Start int `json:"start"`
	End   int `json:"end"`
}

// IncidentPlace is where an incident happened: the place's words in the
// text and its gazetteer entry. A village or area the gazetteer lacks is
// named as the text names it, with the admin levels, coordinates and
// precision of the division the text puts it in ("Kanak area of Mastung
// District": Kanak, at Mastung District's point, precision "district");
// a district the gazetteer lacks has its name, precision "district", the
// document's country and no coordinates (Lat and Lon 0, GeoPrecision 0).
type IncidentPlace struct {
	// Name is the gazetteer's canonical name; Entity the location entity.
	Name    string `json:"name"`
	Entity  string `json:"entity"`
	Country string `json:"country,omitempty"`
	Admin1  string `json:"admin1,omitempty"`
	Admin2  string `json:"admin2,omitempty"`
	// Lat and Lon are WGS84 coordinates at Precision ("town", "district",
	// "province", "country"); GeoPrecision is ACLED's code for it.
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Precision    string  `json:"precision"`
	GeoPrecision int     `json:"geo_precision,omitempty"`
	// Text is the place as written; Start and End locate it.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Figure is a reported number of people: "over 70", "a dozen", "70 to
// 80", "two Pakistani soldiers". Min and Max bound what the words say
// (Max is null when they give no upper bound: "more than 100"); Estimate
// is the conservative single figure, coded as ACLED does (the lower
// bound; see docs/incidents.md for vague quantities).
type Figure struct {
	Min      int  `json:"min"`
	Max      *int `json:"max"`
	Estimate int  `json:"estimate"`
	// Text is the figure's words; Start and End locate them.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Source is who gave the figure when the text says ("police said"),
	// else null: the article itself.
	Source *Actor `json:"source,omitempty"`
}

// Perpetrator is a group named as having carried out an incident.
type Perpetrator struct {
	Actor
	// Basis is "claimed", "attributed" or "suspected".
	Basis string `json:"basis"`
	// Speaker is who blamed or suspected the group, for an attributed or
	// suspected perpetrator, when the text says.
	Speaker *Actor `json:"speaker,omitempty"`
}
