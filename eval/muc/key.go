package muc

import (
	"fmt"
	"strconv"
	"strings"
)

// The 25 slots of a MUC-4 template (TASK/TASKDOC/templ-doc-basic/
// template-doc-part1.v7, section 2.0), by number.
const (
	SlotMessageID       = 0
	SlotTemplateID      = 1
	SlotDate            = 2
	SlotLocation        = 3
	SlotType            = 4
	SlotStage           = 5
	SlotInstrumentID    = 6
	SlotInstrumentType  = 7
	SlotPerpCategory    = 8
	SlotPerpIndividual  = 9
	SlotPerpOrg         = 10
	SlotPerpConfidence  = 11
	SlotPhysTargetID    = 12
	SlotPhysTargetType  = 13
	SlotPhysTargetNum   = 14
	SlotPhysTargetNat   = 15
	SlotPhysTargetEff   = 16
	SlotPhysTargetTotal = 17
	SlotHumTargetName   = 18
	SlotHumTargetDesc   = 19
	SlotHumTargetType   = 20
	SlotHumTargetNum    = 21
	SlotHumTargetNat    = 22
	SlotHumTargetEffect = 23
	SlotHumTargetTotal  = 24
	NumSlots            = 25
)

// SlotNames are the slots' labels as the key files write them.
var SlotNames = [NumSlots]string{
	"MESSAGE: ID", "MESSAGE: TEMPLATE", "INCIDENT: DATE", "INCIDENT: LOCATION",
	"INCIDENT: TYPE", "INCIDENT: STAGE OF EXECUTION", "INCIDENT: INSTRUMENT ID",
	"INCIDENT: INSTRUMENT TYPE", "PERP: INCIDENT CATEGORY", "PERP: INDIVIDUAL ID",
	"PERP: ORGANIZATION ID", "PERP: ORGANIZATION CONFIDENCE", "PHYS TGT: ID",
	"PHYS TGT: TYPE", "PHYS TGT: NUMBER", "PHYS TGT: FOREIGN NATION",
	"PHYS TGT: EFFECT OF INCIDENT", "PHYS TGT: TOTAL NUMBER", "HUM TGT: NAME",
	"HUM TGT: DESCRIPTION", "HUM TGT: TYPE", "HUM TGT: NUMBER",
	"HUM TGT: FOREIGN NATION", "HUM TGT: EFFECT OF INCIDENT", "HUM TGT: TOTAL NUMBER",
}

// Template is one key template: one incident of a message, or the single
// template of an irrelevant message (every slot "*").
type Template struct {
	Message    string // the message id, "DEV-MUC3-0001"
	Number     int    // the template number within the message; 0 when irrelevant
	Optional   bool   // "1 (OPTIONAL)": generating it is optional
	Irrelevant bool   // the message reports no relevant incident
	Line       int    // line of the key file where the template starts
	// Slots holds each slot's fillers; "-" (null) and "*" (inapplicable)
	// give none.
	Slots [NumSlots][]Filler
}

// Filler is one filler of a slot: alternatives (separated by "/" in the
// key), each unquoted, and the cross-reference a slot such as HUM TGT:
// EFFECT OF INCIDENT gives after a colon ("DEATH: \"JAIRO ORTEGA\"").
type Filler struct {
	Values   []string // the alternatives, quotes and enclosing parentheses removed
	Refs     []string // the cross-reference's alternatives, unquoted
	Optional bool     // "?" before the filler: leaving it out is also correct
	Raw      string   // the filler as written
}

// crossRefSlots are the slots whose fillers end with a cross-reference to
// another slot's filler.
var crossRefSlots = map[int]bool{
	SlotInstrumentType: true, SlotPerpConfidence: true, SlotPhysTargetType: true,
	SlotPhysTargetNum: true, SlotPhysTargetNat: true, SlotPhysTargetEff: true,
	SlotHumTargetDesc: true, SlotHumTargetType: true, SlotHumTargetNum: true,
	SlotHumTargetNat: true, SlotHumTargetEffect: true,
}

// KeyError is a line of a key file that cannot be read.
type KeyError struct {
	Line int
	Err  string
}

func (e *KeyError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Err) }

// ParseKeys reads a key file: templates of 25 numbered slots separated by
// blank lines, comment lines starting with ";", and further fillers of a
// slot on indented lines of their own.
func ParseKeys(file string) ([]*Template, error) {
	var (
		out  []*Template
		cur  *Template
		slot = -1
		seen uint32 // the slots the current template has given
		// raw lines of the current slot, joined into fillers at its end
		lines []string
	)
	flush := func() {
		if cur != nil && slot >= 0 {
			cur.Slots[slot] = parseFillers(slot, lines)
		}
		lines = nil
	}
	finish := func() error {
		flush()
		if cur == nil {
			return nil
		}
		if cur.Message == "" {
			return &KeyError{cur.Line, "template without a MESSAGE: ID"}
		}
		out = append(out, cur)
		cur, slot, seen = nil, -1, 0
		return nil
	}
	for i, line := range strings.Split(strings.ReplaceAll(file, "\r\n", "\n"), "\n") {
		n := i + 1
		line = strings.ReplaceAll(line, "\t", "        ")
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, ";"):
			continue
		case trimmed == "":
			if err := finish(); err != nil {
				return nil, err
			}
			continue
		}
		num, rest, ok := slotLine(trimmed)
		if !ok {
			if line[0] != ' ' || cur == nil || slot < 0 {
				return nil, &KeyError{n, fmt.Sprintf("unexpected line %q", trimmed)}
			}
			lines = append(lines, trimmed)
			continue
		}
		if num == SlotMessageID && cur != nil {
			// Some files put no blank line between templates.
			if err := finish(); err != nil {
				return nil, err
			}
		}
		if cur == nil {
			if num != SlotMessageID {
				return nil, &KeyError{n, fmt.Sprintf("template starts with slot %d, not 0", num)}
			}
			cur = &Template{Line: n}
		}
		if seen&(1<<num) != 0 {
			return nil, &KeyError{n, fmt.Sprintf("slot %d given twice", num)}
		}
		seen |= 1 << num
		flush()
		slot = num
		switch num {
		case SlotMessageID:
			f := strings.Fields(rest)
			if len(f) == 0 {
				return nil, &KeyError{n, "empty MESSAGE: ID"}
			}
			cur.Message = f[0]
		case SlotTemplateID:
			v := strings.TrimSpace(rest)
			if v == "*" {
				cur.Irrelevant = true
				break
			}
			if x, ok := strings.CutSuffix(v, "(OPTIONAL)"); ok {
				cur.Optional, v = true, strings.TrimSpace(x)
			}
			num, err := strconv.Atoi(v)
			if err != nil {
				return nil, &KeyError{n, fmt.Sprintf("template number %q", v)}
			}
			cur.Number = num
		default:
			lines = append(lines, strings.TrimSpace(rest))
		}
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

// slotLine reads "10. PERP: ORGANIZATION ID   value" into the slot number
// and the value.
func slotLine(s string) (int, string, bool) {
	dot := strings.IndexByte(s, '.')
	if dot < 1 || dot > 2 {
		return 0, "", false
	}
	num, err := strconv.Atoi(s[:dot])
	if err != nil || num < 0 || num >= NumSlots {
		return 0, "", false
	}
	rest := strings.TrimLeft(s[dot+1:], " ")
	label := SlotNames[num]
	if !strings.HasPrefix(rest, label) {
		return 0, "", false
	}
	return num, rest[len(label):], true
}

// parseFillers turns a slot's lines into fillers, one a line, joining a
// line whose quotes are left open with the next one.
func parseFillers(slot int, lines []string) []Filler {
	var out []Filler
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		for strings.Count(l, `"`)%2 == 1 && i+1 < len(lines) && strings.Count(lines[i+1], `"`)%2 == 1 {
			i++
			l += " " + lines[i]
		}
		if l == "" || l == "-" || l == "*" {
			continue
		}
		out = append(out, parseFiller(slot, l))
	}
	return out
}

// parseFiller reads one filler: an optional "?", alternatives separated
// by "/" (outside quotes and parentheses), and, in a cross-referencing
// slot, ": " and the referenced filler's alternatives.
func parseFiller(slot int, s string) Filler {
	f := Filler{Raw: s}
	if rest, ok := strings.CutPrefix(s, "?"); ok {
		f.Optional, s = true, strings.TrimSpace(rest)
	}
	value, ref := s, ""
	if crossRefSlots[slot] {
		if i := refColon(s); i >= 0 {
			value, ref = s[:i], s[i+1:]
		}
	}
	f.Values = alternatives(value)
	if ref != "" {
		f.Refs = alternatives(ref)
	}
	return f
}

// refColon returns the index of the colon that opens a cross-reference:
// the first one outside quotes followed by a quoted string, or -1.
func refColon(s string) int {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted && strings.HasPrefix(strings.TrimLeft(s[i+1:], " "), `"`) {
				return i
			}
		}
	}
	return -1
}

// alternatives splits s at the slashes outside quotes and parentheses and
// cleans each part: white space collapsed, enclosing quotes and
// parentheses removed.
func alternatives(s string) []string {
	var parts []string
	quoted, depth, start := false, 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case '(':
			if !quoted {
				depth++
			}
		case ')':
			if !quoted && depth > 0 {
				depth--
			}
		case '/':
			if !quoted && depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, s[start:])
	var out []string
	for _, p := range parts {
		if p = unwrap(p); p != "" && p != "-" {
			out = append(out, p)
		}
	}
	return out
}

// unwrap collapses white space and removes enclosing parentheses and
// quotes: `("A B")` is `A B`.
func unwrap(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for {
		switch {
		case len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' && balanced(s[1:len(s)-1]):
			s = strings.TrimSpace(s[1 : len(s)-1])
		case len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`):
			s = strings.TrimSpace(s[1 : len(s)-1])
		default:
			// A stray quote (a typo in the key) is dropped.
			if strings.Count(s, `"`) == 1 {
				s = strings.TrimSpace(strings.ReplaceAll(s, `"`, ""))
			}
			return s
		}
	}
}

// balanced reports whether s's parentheses pair up.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}
