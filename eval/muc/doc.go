// Package muc scores incident extraction against the MUC-4 terrorism
// corpus (Fourth Message Understanding Conference, 1992): 1,300
// development messages and four test sets of 100, 1988–90 Latin American
// news in upper case, each with key templates of 25 slots.
//
// It reads the corpora as NIST distributed them (TASK/CORPORA: message
// files, key files), turns the slots sitrep can fill into types (Gold),
// and matches sitrep's incidents to the key templates per message.
//
// # Rules
//
// Each message is analysed as plain text with its dateline's date as the
// publication date. Per message, predicted incidents of a type MUC has
// (bombing and suicide bombing → BOMBING; armed attack, armed clash,
// assassination, shelling and airstrike → ATTACK; kidnapping →
// KIDNAPPING) are paired one to one with the key's incident templates by
// an optimal assignment (the Hungarian method) that maximises the number
// of agreeing slots. A pair needs a type the key allows and at least one
// agreeing slot besides the type. Security operations and arrests have no
// MUC type: they are counted, not scored.
//
// Templates: a paired template is a true positive; an unpaired key
// template is missed unless marked OPTIONAL (a paired optional template
// counts as gold and as found); an unpaired prediction is spurious,
// including every prediction in a message whose key says it is
// irrelevant. Key templates of types sitrep lacks (ARSON, ROBBERY,
// HIJACKING, FORCED WORK STOPPAGE) stay in the gold: they cost recall.
//
// Slots, each scored all or nothing:
//
//   - date: the predicted date (a day, ISO week, month or year) lies
//     within one of the key's alternatives: a day, a range of days, or
//     "- DD MMM YY" (on or before), read as the BeforeWindow (7) days up
//     to that day;
//   - location: for a key that names only a country, any place in that
//     country; otherwise the key's most specific place ("LIMA" in "PERU:
//     LIMA (CITY)") and the predicted place's name, words in the text,
//     province or district hold the same words, one run inside the other
//     (folded: case, diacritics, punctuation); a country-level place
//     does not match a more specific key;
//   - perpetrator: each PERP: ORGANIZATION ID filler is paired with a
//     predicted perpetrator when one alternative and one of the
//     perpetrator's names (its name, its words in the text, its
//     knowledge-base aliases) have content words one a subset of the
//     other (folded, function words, numbers and a plural "s" left out);
//     an airstrike's or a shelling's actors (the state forces that
//     struck) count as its perpetrators;
//   - target: the same over the human targets (a name, with its
//     description as an alternative, or an unnamed description) and the
//     physical targets, against the predicted targets;
//   - deaths, injuries: the sum of HUM TGT: NUMBER over the targets whose
//     effect is DEATH (INJURY); "PLURAL" is 2 or more, a named target
//     without a number 1, "~N" N; "NO DEATH" alone is 0. The predicted
//     killed (injured) figure matches when its estimate lies within
//     the key's bounds or, for a key of one number, its range holds it.
//
// A wrong filler counts once as gold and once as predicted; a filler the
// key marks "?" counts as gold only when it is found. The slots of missed
// templates count as missed, those of spurious predictions as spurious
// (MUC-4's ALL TEMPLATES view). Precision, recall and F1 are reported per
// slot and micro-averaged over the six slots.
package muc
