package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/connect"
)

// ClaimsCommand runs "sitrep claims".
type ClaimsCommand struct {
	*Main
}

const claimsUsage = `Usage: sitrep claims [flags] [PATH...]

Builds the claims matrix of the store's claims (--db), or with PATH of the
inputs analysed as "sitrep analyze" does: each proposition (subject, predicate, object: "presence(Islamic
State, Pakistan)") with who affirmed it and who denied it, and when (the
claim's date, else its document's publication date: "by" that date).
Actors are told apart by entity: a claim about ISKP is not a claim about
the Islamic State. See docs/connect.md.

--subject, --object and --speaker take an entity's name, alias or id
("Daesh", "kb:iskp"); with --speaker the matrix holds only that speaker's
stances. --predicate is one of presence, threat, responsibility, support,
cooperation, affiliation, strength. --since and --until keep the claims
made in the range (over the store).

--format table (default) prints the matrix, json one JSON object
{"propositions": [...]} with every claim's evidence (over the store, each
stance's evidence has its excerpt), csv one row per stance.

Examples:
  sitrep claims --subject ISKP --contested
  sitrep claims --speaker "Zabihullah Mujahid" --since 2024 --format json`

// claimsOutput is the JSON form of "sitrep claims".
type claimsOutput struct {
	Propositions []connect.Proposition `json:"propositions"`
}

// Run implements the command.
func (c *ClaimsCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("claims", claimsUsage)
	var af analysisFlags
	af.register(fs, "a `file` of entity decisions (\"not FORM ID\", \"same ID ID\", \"apart ID ID\")")
	format := fs.String("format", "table", "output `format`: table, json or csv")
	var sf storeFlags
	sf.register(fs, "claims made")
	var subjects, objects, speakers stringList
	fs.Var(&subjects, "subject", "only propositions about this `entity` (name, alias or id; repeatable)")
	fs.Var(&objects, "object", "only propositions whose object is this `entity` (repeatable)")
	fs.Var(&speakers, "speaker", "only the stances of this `speaker` (repeatable)")
	predicate := fs.String("predicate", "", "only propositions with this `predicate`")
	contested := fs.Bool("contested", false, "only propositions both affirmed and denied")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format, "table", "json", "csv"); err != nil {
		return err
	}
	if err := checkPredicate(*predicate); err != nil {
		return err
	}
	if err := noDatesWithPaths(&sf, paths); err != nil {
		return err
	}
	f := connect.PropositionFilter{Predicate: *predicate, Contested: *contested}
	var claims []connect.ClaimRecord
	var opt connect.Options
	var speakerSel *connect.Selector
	var finish func(string) error
	if len(paths) == 0 {
		st, err := openConnectStore(ctx, &sf, af.kb)
		if err != nil {
			return err
		}
		defer st.db.Close()
		opt = st.opt
		sc := connect.Scope{DateRange: sf.dates(), Evidence: true}
		for _, x := range []struct {
			flag  string
			names []string
			terms *[]string
		}{{"--subject", subjects, &f.Subject}, {"--object", objects, &f.Object}, {"--speaker", speakers, nil}} {
			if len(x.names) == 0 {
				continue
			}
			sel, err := st.resolve(ctx, x.flag, x.names, c.Stderr)
			if err != nil {
				return err
			}
			if x.terms != nil {
				*x.terms = selectorTerms(sel)
			} else {
				speakerSel = &sel
			}
			sc.Entities = append(sc.Entities, sel.Entities...)
		}
		l, err := connect.Load(ctx, st.db, sc, connect.LoadClaims)
		if err != nil {
			return err
		}
		claims = l.Claims
		finish = func(what string) error {
			if !af.quiet {
				fmt.Fprintf(c.Stderr, "sitrep: from the store: %s\n", what)
			}
			return nil
		}
	} else {
		a, err := c.analyzeCorpus(ctx, &af, paths)
		if err != nil {
			return err
		}
		claims, opt = a.claims, a.opt
		if len(subjects) > 0 {
			f.Subject = selectorTerms(a.resolve(subjects))
		}
		if len(objects) > 0 {
			f.Object = selectorTerms(a.resolve(objects))
		}
		if len(speakers) > 0 {
			sel := a.resolve(speakers)
			speakerSel = &sel
		}
		finish = func(what string) error { return a.finish(c.Main, af.quiet, what) }
	}
	if speakerSel != nil {
		claims = connect.ClaimsBy(*speakerSel, claims, opt)
	}
	ps := f.Filter(connect.ClaimMatrix(claims, opt))
	out := bufio.NewWriter(c.Stdout)
	switch *format {
	case "json":
		if ps == nil {
			ps = []connect.Proposition{}
		}
		err = writeJSON(out, claimsOutput{Propositions: ps})
	case "csv":
		err = writeClaimsCSV(out, ps)
	default:
		writeClaimsTable(out, ps)
	}
	if err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	return finish(fmt.Sprintf("%d claims, %d propositions shown", len(claims), len(ps)))
}

// checkPredicate reports a --predicate value that is not a predicate.
func checkPredicate(p string) error {
	switch p {
	case "", sitrep.PredicatePresence, sitrep.PredicateThreat, sitrep.PredicateResponsibility, sitrep.PredicateSupport,
		sitrep.PredicateCooperation, sitrep.PredicateAffiliation, sitrep.PredicateStrength:
		return nil
	}
	return fmt.Errorf("%w: --predicate %q: want presence, threat, responsibility, support, cooperation, affiliation or strength", ErrUsage, p)
}

// selectorTerms are the ids and names of a selector, as PropositionFilter
// takes them.
func selectorTerms(s connect.Selector) []string {
	return append(append([]string(nil), s.Entities...), s.Names...)
}

// writeClaimsTable prints the matrix: a proposition, then its affirming
// and denying stances side by side, one per line.
func writeClaimsTable(w io.Writer, ps []connect.Proposition) {
	if len(ps) == 0 {
		fmt.Fprintln(w, "No claims found.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PROPOSITION\tAFFIRMED BY\tDENIED BY")
	for i := range ps {
		p := &ps[i]
		name := connect.PropositionText(p.Predicate, p.Subject, p.Object)
		if rel := relationText(p.SubjectRelations); rel != "" {
			name += " [" + rel + "]"
		}
		rows := max(len(p.Affirmed), len(p.Denied))
		for r := range rows {
			aff, den := "", ""
			if r == 0 {
				// A side no one took shows "-"; a shorter side ends blank.
				aff, den = "-", "-"
			}
			if r < len(p.Affirmed) {
				aff = stanceCell(&p.Affirmed[r])
			}
			if r < len(p.Denied) {
				den = stanceCell(&p.Denied[r])
			}
			if r > 0 {
				name = ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", name, aff, den)
		}
	}
	tw.Flush()
}

// relationText is "branch of Islamic State" for the relations worth
// showing beside a subject.
func relationText(rs []sitrep.EntityRelation) string {
	var parts []string
	for _, r := range rs {
		switch r.Type {
		case "branch_of", "part_of", "split_from", "member_of":
			parts = append(parts, strings.ReplaceAll(r.Type, "_", " ")+" "+r.Name)
		}
	}
	return strings.Join(parts, ", ")
}

// stanceCell is "Zabihullah Mujahid (by 2024-02-01, hedged, 70 to 80) x2".
func stanceCell(s *connect.Stance) string {
	who := s.Speaker.Name
	if s.SpeakerKind == connect.SpeakerArticle {
		who = "article: " + who
	}
	notes := []string{whenText(s.When)}
	if s.Hedged {
		notes = append(notes, "hedged")
	}
	if s.Value != "" {
		notes = append(notes, s.Value)
	}
	cell := who + " (" + strings.Join(notes, ", ") + ")"
	if n := len(s.Evidence); n > 1 {
		cell += " x" + strconv.Itoa(n)
	}
	return cell
}

// writeClaimsCSV prints one row per stance.
func writeClaimsCSV(w io.Writer, ps []connect.Proposition) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"proposition", "predicate", "subject", "subject_entity", "object", "object_entity", "polarity",
		"speaker", "speaker_entity", "speaker_kind", "date", "date_precision", "date_basis", "hedged", "value", "evidence"})
	for i := range ps {
		p := &ps[i]
		for _, side := range [][]connect.Stance{p.Affirmed, p.Denied} {
			for _, s := range side {
				var ev []string
				for _, e := range s.Evidence {
					ev = append(ev, fmt.Sprintf("%s:%d-%d", e.DocID, e.Start, e.End))
				}
				cw.Write([]string{p.Key, p.Predicate, p.Subject.Name, p.Subject.Entity, p.Object.Name, p.Object.Entity, s.Polarity,
					s.Speaker.Name, s.Speaker.Entity, s.SpeakerKind, s.When.Date, s.When.Precision, s.When.Basis,
					strconv.FormatBool(s.Hedged), s.Value, strings.Join(ev, " ")})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
