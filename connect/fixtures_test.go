package connect_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// The fixtures of these tests are short news-style texts written for
// them: invented incidents and statements by invented officials. The
// groups, countries and places are real knowledge-base and gazetteer
// entries, so that ids and admin areas are those sitrep produces.

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, w, g)
		}
	}
	return ""
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Places as the gazetteer gives them.
var (
	parachinar = sitrep.IncidentPlace{Name: "Parachinar", Entity: "auto:location:parachinar", Country: "Pakistan",
		Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Lat: 33.8997, Lon: 70.1001, Precision: "town", GeoPrecision: 1}
	sadda = sitrep.IncidentPlace{Name: "Sadda", Entity: "auto:location:sadda", Country: "Pakistan",
		Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Lat: 33.7032, Lon: 70.3225, Precision: "town", GeoPrecision: 1}
	kurram = sitrep.IncidentPlace{Name: "Kurram", Entity: "auto:location:kurram", Country: "Pakistan",
		Admin1: "Khyber Pakhtunkhwa", Admin2: "Kurram", Lat: 33.8997, Lon: 70.1001, Precision: "district", GeoPrecision: 2}
	quetta = sitrep.IncidentPlace{Name: "Quetta", Entity: "auto:location:quetta", Country: "Pakistan",
		Admin1: "Balochistan", Admin2: "Quetta", Lat: 30.1841, Lon: 67.0014, Precision: "town", GeoPrecision: 1}
	peshawar = sitrep.IncidentPlace{Name: "Peshawar", Entity: "auto:location:peshawar", Country: "Pakistan",
		Admin1: "Khyber Pakhtunkhwa", Admin2: "Peshawar", Lat: 34.008, Lon: 71.5785, Precision: "town", GeoPrecision: 1}
	jalalabad = sitrep.IncidentPlace{Name: "Jalalabad", Entity: "auto:location:jalalabad", Country: "Afghanistan",
		Admin1: "Nangarhar", Admin2: "Jalalabad", Lat: 34.4265, Lon: 70.4515, Precision: "town", GeoPrecision: 1}
	nangarhar = sitrep.IncidentPlace{Name: "Nangarhar", Entity: "kb:nangarhar", Country: "Afghanistan",
		Admin1: "Nangarhar", Lat: 34.3, Lon: 70.5, Precision: "province", GeoPrecision: 3}
	torkhamPK = sitrep.IncidentPlace{Name: "Landi Kotal", Entity: "auto:location:landi-kotal", Country: "Pakistan",
		Admin1: "Khyber Pakhtunkhwa", Admin2: "Khyber", Lat: 34.0988, Lon: 71.1411, Precision: "town", GeoPrecision: 1}
)

// Actors of the knowledge base.
var (
	iskp        = sitrep.Actor{Name: "Islamic State Khorasan Province", Entity: "kb:iskp"}
	isCore      = sitrep.Actor{Name: "Islamic State", Entity: "kb:islamic-state"}
	ttp         = sitrep.Actor{Name: "Tehrik-i-Taliban Pakistan", Entity: "kb:ttp"}
	jua         = sitrep.Actor{Name: "Jamaat-ul-Ahrar", Entity: "kb:jamaat-ul-ahrar"}
	lej         = sitrep.Actor{Name: "Lashkar-e-Jhangvi", Entity: "kb:lashkar-e-jhangvi"}
	pakistan    = sitrep.Actor{Name: "Pakistan", Entity: "kb:pakistan"}
	afghanistan = sitrep.Actor{Name: "Afghanistan", Entity: "kb:afghanistan"}
)

// relations are the knowledge base's links the fixtures rely on.
var relations = map[string][]sitrep.EntityRelation{
	"kb:iskp":            {{Type: "branch_of", Target: "kb:islamic-state", Name: "Islamic State", Years: "2015-"}},
	"kb:jamaat-ul-ahrar": {{Type: "split_from", Target: "kb:ttp", Name: "Tehrik-i-Taliban Pakistan"}},
}

// newDoc returns a document with its metadata and text.
func newDoc(id, outlet, published, text string) *sitrep.Document {
	d := &sitrep.Document{ID: id, Source: id + ".txt", Outlet: outlet, Title: "", Text: text}
	if published != "" {
		var err error
		if d.Published, err = sitrep.ParseDate(published); err != nil {
			panic(err)
		}
	}
	return d.Normalize()
}

// find returns the span of s in d's text, panicking when it is absent: a
// fixture error. "CONTEXT@WORDS" finds WORDS inside the first CONTEXT.
func find(d *sitrep.Document, s string) (int, int) {
	off := 0
	if ctx, w, ok := strings.Cut(s, "@"); ok {
		off = strings.Index(d.Text, ctx)
		if off < 0 {
			panic(fmt.Sprintf("%s: %q not in the text", d.ID, ctx))
		}
		s = w
	}
	i := strings.Index(d.Text[off:], s)
	if i < 0 {
		panic(fmt.Sprintf("%s: %q not in the text", d.ID, s))
	}
	return off + i, off + i + len(s)
}

// words returns what find locates: the part after "@".
func words(s string) string {
	if _, w, ok := strings.Cut(s, "@"); ok {
		return w
	}
	return s
}

func actorIn(d *sitrep.Document, a sitrep.Actor, w string) sitrep.Actor {
	a.Start, a.End = find(d, w)
	return a
}

type incOpt func(d *sitrep.Document, inc *sitrep.Incident)

// addIncident adds an incident whose cue is the first occurrence of cue,
// its evidence the sentence around it.
func addIncident(d *sitrep.Document, typ, cue string, opts ...incOpt) {
	inc := sitrep.Incident{Type: typ, Cue: cue, Perpetrators: []sitrep.Perpetrator{}, Targets: []sitrep.Actor{}, Actors: []sitrep.Actor{}}
	inc.CueStart, inc.CueEnd = find(d, cue)
	inc.Start = strings.LastIndex(d.Text[:inc.CueStart], ". ") + 1
	if inc.Start > 0 {
		inc.Start++
	}
	inc.End = len(d.Text)
	if k := strings.Index(d.Text[inc.CueEnd:], "."); k >= 0 {
		inc.End = inc.CueEnd + k + 1
	}
	for _, o := range opts {
		o(d, &inc)
	}
	d.Incidents = append(d.Incidents, inc)
}

func at(p sitrep.IncidentPlace, w string) incOpt {
	return func(d *sitrep.Document, inc *sitrep.Incident) {
		p.Text = words(w)
		p.Start, p.End = find(d, w)
		inc.Place = &p
	}
}

func on(date, basis, w string) incOpt {
	return func(d *sitrep.Document, inc *sitrep.Incident) {
		inc.Date, inc.DateBasis, inc.DateText = date, basis, words(w)
		switch len(date) {
		case 10:
			inc.DatePrecision = "day"
		case 8:
			inc.DatePrecision = "week"
		case 7:
			inc.DatePrecision = "month"
		case 4:
			inc.DatePrecision = "year"
		}
		if w != "" {
			inc.DateStart, inc.DateEnd = find(d, w)
		}
	}
}

// figure sets a figure; source, when given, is "Name" or "Name|entity".
func figure(kind string, n int, w, source string) incOpt {
	return func(d *sitrep.Document, inc *sitrep.Incident) {
		f := &sitrep.Figure{Min: n, Max: &n, Estimate: n, Text: words(w)}
		if l := strings.ToLower(f.Text); strings.HasPrefix(l, "at least") || strings.HasPrefix(l, "over") || strings.HasPrefix(l, "more than") {
			f.Max = nil
		}
		f.Start, f.End = find(d, w)
		if source != "" {
			name, id, _ := strings.Cut(source, "|")
			a := sitrep.Actor{Name: name, Entity: id}
			f.Source = &a
		}
		switch kind {
		case "killed":
			inc.Killed = f
		case "injured":
			inc.Injured = f
		case "arrested":
			inc.Arrested = f
		}
	}
}

func perp(a sitrep.Actor, words, basis string, speaker *sitrep.Actor) incOpt {
	return func(d *sitrep.Document, inc *sitrep.Incident) {
		inc.Perpetrators = append(inc.Perpetrators, sitrep.Perpetrator{Actor: actorIn(d, a, words), Basis: basis, Speaker: speaker})
	}
}

func target(name, words string) incOpt {
	return func(d *sitrep.Document, inc *sitrep.Incident) {
		inc.Targets = append(inc.Targets, actorIn(d, sitrep.Actor{Name: name}, words))
	}
}

// incidentDocs are the incident fixtures: three reports of a bombing in
// Parachinar with a growing toll and a claim; two different bombings in
// Quetta on one day and an arrest there; a Jalalabad bombing claimed by
// ISKP and blamed on the Islamic State; a Peshawar attack claimed by two
// rival groups; a syndicated copy; an undated report.
func incidentDocs() []*sitrep.Document {
	var docs []*sitrep.Document

	d := newDoc("dawn-0623", "Dawn", "2017-06-23",
		"At least 25 people were killed when a suicide bomber blew himself up at Turi Market in Parachinar on Friday, police said. Lashkar-e-Jhangvi claimed responsibility.")
	addIncident(d, sitrep.IncidentSuicideBombing, "suicide bomber blew himself up",
		at(parachinar, "Parachinar"), on("2017-06-23", "stated", "on Friday"),
		figure("killed", 25, "At least 25 people", "police"),
		perp(lej, "Lashkar-e-Jhangvi", sitrep.BasisClaimed, nil), target("market", "Turi Market"))
	docs = append(docs, d)

	d = newDoc("reuters-0624", "Reuters", "2017-06-24",
		"The death toll from twin blasts in the Kurram tribal district rose to 45, hospital officials said on Saturday, a day after the bombing at a crowded market.")
	addIncident(d, sitrep.IncidentBombing, "twin blasts",
		at(kurram, "Kurram tribal district"), on("2017-06-23", "stated", "a day after"),
		figure("killed", 45, "45", "hospital officials"), target("market", "a crowded market"))
	docs = append(docs, d)

	d = newDoc("ary-0625", "ARY News", "2017-06-25",
		"In a statement, Jamaat-ul-Ahrar said its fighter killed 100 people in Parachinar on Friday.")
	addIncident(d, sitrep.IncidentArmedAttack, "killed",
		at(parachinar, "Parachinar"), on("2017-06-23", "stated", "on Friday"),
		figure("killed", 100, "100 people", "Jamaat-ul-Ahrar|kb:jamaat-ul-ahrar"),
		perp(jua, "Jamaat-ul-Ahrar", sitrep.BasisClaimed, nil))
	docs = append(docs, d)

	d = newDoc("tribune-0626", "The Express Tribune", "2017-06-26",
		"Jamaat-ul-Ahrar also claimed the Parachinar suicide bombing, in which 67 people died.")
	addIncident(d, sitrep.IncidentSuicideBombing, "Parachinar suicide bombing",
		at(parachinar, "Parachinar"), on("2017-06-26", "published", ""),
		figure("killed", 67, "67 people", ""),
		perp(jua, "Jamaat-ul-Ahrar", sitrep.BasisClaimed, nil))
	docs = append(docs, d)

	d = newDoc("geo-0808a", "Geo News", "2017-08-08",
		"A suicide bomber attacked a police training centre in Quetta on Tuesday, killing three recruits, police said.")
	addIncident(d, sitrep.IncidentSuicideBombing, "suicide bomber attacked",
		at(quetta, "Quetta"), on("2017-08-08", "stated", "on Tuesday"),
		figure("killed", 3, "three recruits", "police"), target("police training centre", "a police training centre"))
	docs = append(docs, d)

	d = newDoc("samaa-0808", "Samaa", "2017-08-08",
		"A bomb ripped through a vegetable market in Quetta on Tuesday evening, killing 40 people, officials said.")
	addIncident(d, sitrep.IncidentBombing, "bomb ripped through",
		at(quetta, "Quetta"), on("2017-08-08", "stated", "on Tuesday evening"),
		figure("killed", 40, "40 people", "officials"), target("vegetable market", "a vegetable market"))
	docs = append(docs, d)

	d = newDoc("dawn-0809", "Dawn", "2017-08-09",
		"The toll of Tuesday's blast at a Quetta vegetable market stood at 38, officials said. Separately, police arrested five suspects in Quetta.")
	addIncident(d, sitrep.IncidentBombing, "blast",
		at(quetta, "Quetta"), on("2017-08-08", "stated", "Tuesday's"),
		figure("killed", 38, "38", "officials"), target("vegetable market", "Quetta vegetable market"))
	addIncident(d, sitrep.IncidentArrest, "arrested",
		at(quetta, "suspects in Quetta@Quetta"), on("2017-08-09", "published", ""),
		figure("arrested", 5, "five suspects", "police"))
	docs = append(docs, d)

	d = newDoc("tolo-0305", "Tolonews", "2019-03-05",
		"A car bomb exploded near a government compound in Jalalabad on Tuesday, killing seven people. Islamic State Khorasan Province claimed the attack.")
	addIncident(d, sitrep.IncidentBombing, "car bomb exploded",
		at(jalalabad, "Jalalabad"), on("2019-03-05", "stated", "on Tuesday"),
		figure("killed", 7, "seven people", ""),
		perp(iskp, "Islamic State Khorasan Province", sitrep.BasisClaimed, nil))
	docs = append(docs, d)

	gov := sitrep.Actor{Name: "Nangarhar governor's office"}
	d = newDoc("pajhwok-0306", "Pajhwok", "2019-03-06",
		"Officials in Nangarhar blamed the Islamic State for Tuesday's car bombing, which killed eight people.")
	addIncident(d, sitrep.IncidentBombing, "car bombing",
		at(nangarhar, "Nangarhar"), on("2019-03-05", "stated", "Tuesday's"),
		figure("killed", 8, "eight people", "Officials"),
		perp(isCore, "Islamic State", sitrep.BasisAttributed, &gov))
	docs = append(docs, d)

	d = newDoc("dawn-1201", "Dawn", "2017-12-01",
		"Gunmen stormed an agricultural training institute in Peshawar on Friday, killing nine students. Tehrik-i-Taliban Pakistan claimed the attack; Jamaat-ul-Ahrar also claimed it.")
	addIncident(d, sitrep.IncidentArmedAttack, "Gunmen stormed",
		at(peshawar, "Peshawar"), on("2017-12-01", "stated", "on Friday"),
		figure("killed", 9, "nine students", ""),
		perp(ttp, "Tehrik-i-Taliban Pakistan", sitrep.BasisClaimed, nil),
		perp(jua, "Jamaat-ul-Ahrar", sitrep.BasisClaimed, nil), target("agricultural training institute", "an agricultural training institute"))
	docs = append(docs, d)

	// A syndicated copy of the Dawn story, marked a near duplicate.
	d = newDoc("nation-1201", "The Nation", "2017-12-01", docs[len(docs)-1].Text)
	d.Incidents = append(d.Incidents, docs[len(docs)-1].Incidents...)
	d.NearDuplicates = []sitrep.NearDuplicate{{ID: "dawn-1201", Source: "dawn-1201.txt", Similarity: 0.93}}
	docs = append(docs, d)

	d = newDoc("blog-undated", "", "",
		"Militants ambushed a convoy near Landi Kotal, killing two soldiers.")
	addIncident(d, sitrep.IncidentArmedAttack, "ambushed",
		at(torkhamPK, "Landi Kotal"), figure("killed", 2, "two soldiers", ""), target("convoy", "a convoy"))
	docs = append(docs, d)
	return docs
}
