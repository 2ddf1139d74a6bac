package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fixtures are short news-style texts written for these tests.

// scraped is an article as copied from a web page: share buttons, a
// navigation line, the headline, a byline, a dateline, the body and the
// page's footer.
const scraped = `Share
Tweet
Home | World | Asia
Militants attack checkpoint near border town
By Jane Doe

KABUL, Afghanistan

Gunmen attacked a police checkpoint in the eastern province of Nangarhar late on Tuesday, killing four officers and wounding two others, provincial officials said.

The attack began shortly before midnight when a group of armed men opened fire from a nearby orchard, a spokesman for the provincial governor told reporters. Security forces returned fire and the fighting lasted for about an hour.

No group immediately claimed responsibility for the attack. The district has seen several similar raids in recent months, and local elders have called for more patrols along the main road.

Related Posts
Floods hit northern districts
Leave a Comment
`

// body is the article body of scraped, as the body of other fixtures.
const body = `Gunmen attacked a police checkpoint in the eastern province of Nangarhar late on Tuesday, killing four officers and wounding two others, provincial officials said.

The attack began shortly before midnight when a group of armed men opened fire from a nearby orchard, a spokesman for the provincial governor told reporters. Security forces returned fire and the fighting lasted for about an hour.

No group immediately claimed responsibility for the attack. The district has seen several similar raids in recent months, and local elders have called for more patrols along the main road.
`

// syndicated is the same story as republished by another outlet, with
// its own header and footer lines.
const syndicated = `Skip to content
Subscribe
Militants attack checkpoint near border town
Frontier Daily Staff

` + body + `
Share this article
Follow us on Facebook
Copyright 2024 Frontier Daily. All rights reserved.
`

// other is an unrelated story.
const other = `Officials in Karachi said on Monday that the city's port would reopen after a three-day strike by transport workers ended with an agreement on wages.

The strike had halted the movement of thousands of containers and left long queues of lorries on the roads leading to the harbour, traders said.
`

// page is a small HTML article page.
const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Port reopens after strike | Frontier Daily</title>
<meta property="og:title" content="Port reopens after strike">
<meta name="author" content="John Roe">
<script>var tracking = "not article text";</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Port reopens after strike</h1>
<p>Officials in Karachi said on Monday that the city's port would reopen after a three-day strike by transport workers ended with an agreement on wages.</p>
<p>The strike had halted the movement of thousands of containers and left long queues of lorries on the roads leading to the harbour, traders said.</p>
<p>Union leaders said the agreement would be reviewed in six months, and warned that they would strike again if its terms were not honoured.</p>
</article>
<footer><p>Copyright 2024 Frontier Daily. All rights reserved.</p></footer>
</body>
</html>
`

// run runs the command line args in process and returns what it printed.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	err = m.Run(context.Background(), args)
	return out.String(), errOut.String(), err
}

// exitCode returns the exit status main would give for err.
func exitCode(err error) int {
	return (&Main{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer)}).exitCode(err)
}

// write writes the files of a fixture below dir, creating directories.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// doc is the part of the output document the tests look at.
type doc struct {
	ID             string   `json:"id"`
	Source         string   `json:"source"`
	Format         string   `json:"format"`
	Title          string   `json:"title"`
	Authors        []string `json:"authors"`
	Published      *string  `json:"published"`
	Outlet         string   `json:"outlet"`
	Dateline       string   `json:"dateline"`
	Text           string   `json:"text"`
	Removed        []struct{ Text, Reason string }
	Sentences      []struct{ Start, End int }
	NearDuplicates []struct {
		ID         string
		Source     string
		Similarity float64
	} `json:"near_duplicates"`
	raw map[string]json.RawMessage
}

// parse reads JSON Lines output.
func parse(t *testing.T, out string) []doc {
	t.Helper()
	var docs []doc
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var d doc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("output line %d is not a JSON document: %v\n%s", i+1, err, line)
		}
		if err := json.Unmarshal([]byte(line), &d.raw); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// checkDoc checks the invariants every output document keeps.
func checkDoc(t *testing.T, d doc) {
	t.Helper()
	for _, f := range []string{"id", "source", "format", "title", "authors", "published", "outlet", "dateline", "text", "removed", "sentences", "dates", "entities", "quotes", "incidents", "claims"} {
		if _, ok := d.raw[f]; !ok {
			t.Errorf("%s: field %q missing", d.Source, f)
		}
	}
	for _, f := range []string{"authors", "removed", "sentences", "dates", "entities", "quotes", "incidents", "claims"} {
		if v := string(d.raw[f]); !strings.HasPrefix(v, "[") {
			t.Errorf("%s: %s = %s, want a JSON array", d.Source, f, v)
		}
	}
	if len(d.ID) != 32 {
		t.Errorf("%s: id %q, want 32 hex digits", d.Source, d.ID)
	}
	if d.Text == "" || !utf8.ValidString(d.Text) {
		t.Errorf("%s: text empty or not valid UTF-8", d.Source)
	}
	if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
		t.Errorf("%s: paragraphs not separated by one blank line: %q", d.Source, d.Text)
	}
	prev := 0
	for i, s := range d.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > len(d.Text) {
			t.Fatalf("%s: sentence %d [%d,%d) out of order or out of text (len %d)", d.Source, i, s.Start, s.End, len(d.Text))
		}
		if !utf8.ValidString(d.Text[s.Start:s.End]) {
			t.Errorf("%s: sentence %d splits a character", d.Source, i)
		}
		prev = s.End
	}
	if len(d.Sentences) == 0 {
		t.Errorf("%s: no sentences", d.Source)
	}
}

func TestAnalyzeScrapedText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"article.txt": scraped})
	out, errOut, err := run(t, "", "analyze", filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	docs := parse(t, out)
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	d := docs[0]
	checkDoc(t, d)
	if d.Source != filepath.Join(dir, "article.txt") || d.Format != "text" {
		t.Errorf("source %q format %q", d.Source, d.Format)
	}
	if d.Title != "Militants attack checkpoint near border town" {
		t.Errorf("title %q", d.Title)
	}
	if len(d.Authors) != 1 || d.Authors[0] != "Jane Doe" {
		t.Errorf("authors %q, want [Jane Doe]", d.Authors)
	}
	if d.Dateline != "KABUL, Afghanistan" {
		t.Errorf("dateline %q", d.Dateline)
	}
	if string(d.raw["published"]) != "null" {
		t.Errorf("published %s, want null: the article states no date", d.raw["published"])
	}
	if got, want := d.Text, strings.TrimSpace(body); got != want {
		t.Errorf("text:\n%q\nwant:\n%q", got, want)
	}
	if n := len(strings.Split(d.Text, "\n\n")); n != 3 {
		t.Errorf("%d paragraphs, want 3", n)
	}
	for _, junk := range []string{"Share", "Tweet", "Related Posts", "Leave a Comment", "By Jane Doe", "KABUL", "Home |"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	removed := map[string]string{}
	for _, r := range d.Removed {
		removed[r.Text] = r.Reason
	}
	for line, reason := range map[string]string{
		"By Jane Doe": "byline", "KABUL, Afghanistan": "dateline", "Share": "share", "Tweet": "share",
		"Related Posts": "related", "Leave a Comment": "comments",
	} {
		if removed[line] != reason {
			t.Errorf("removed[%q] = %q, want %q", line, removed[line], reason)
		}
	}
	if !strings.Contains(errOut, "1 documents analysed, 0 failed") {
		t.Errorf("summary line missing: %q", errOut)
	}
	// Every byte of the text is in a sentence or between sentences.
	if s := d.Sentences; d.Text[s[0].Start:s[0].End] != "Gunmen attacked a police checkpoint in the eastern province of Nangarhar late on Tuesday, killing four officers and wounding two others, provincial officials said." {
		t.Errorf("first sentence %q", d.Text[s[0].Start:s[0].End])
	}
}

func TestAnalyzeHTML(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"page.html": page})
	out, errOut, err := run(t, "", "analyze", "--quiet", filepath.Join(dir, "page.html"))
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	if errOut != "" {
		t.Errorf("--quiet printed %q", errOut)
	}
	docs := parse(t, out)
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	d := docs[0]
	checkDoc(t, d)
	if d.Format != "html" || d.Title != "Port reopens after strike" || len(d.Authors) != 1 || d.Authors[0] != "John Roe" {
		t.Errorf("format %q title %q authors %q", d.Format, d.Title, d.Authors)
	}
	if n := len(strings.Split(d.Text, "\n\n")); n != 3 {
		t.Errorf("%d paragraphs, want 3:\n%s", n, d.Text)
	}
	for _, junk := range []string{"tracking", "Home", "Copyright"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
}

func TestAnalyzePublished(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt": scraped,
		// A record that states its own date keeps it.
		"b.json": `{"text": "Officials in Karachi said on Monday that the city's port would reopen after a strike by transport workers ended.", "published": "2023-01-02"}`,
	})
	out, errOut, err := run(t, "", "analyze", "--published", "2024-06-26", dir)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	docs := parse(t, out)
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if p := docs[0].Published; p == nil || *p != "2024-06-26" {
		t.Errorf("a.txt published %v, want 2024-06-26", docs[0].raw["published"])
	}
	if p := docs[1].Published; p == nil || *p != "2023-01-02" {
		t.Errorf("b.json published %s, want its own 2023-01-02", docs[1].raw["published"])
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": scraped})
	a := filepath.Join(dir, "a.txt")
	for _, tc := range []struct {
		args []string
		msg  string // printed on standard error
	}{
		{[]string{"analyze", "--published", "26/06/2024", a}, "want YYYY-MM-DD"},
		{[]string{"analyze", "--published", "2024-02-30", a}, "invalid date"},
		{[]string{"analyze", "--format", "xml", a}, "--format must be json or text"},
		{[]string{"analyze"}, "no PATH given"},
		{[]string{"analyze", "--no-such-flag", a}, "flag provided but not defined"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{nil, "Commands:"},
		{[]string{"eval"}, "eval needs a task"},
		{[]string{"eval", "extract", "--mode", "pdf"}, "--mode must be html or text"},
		{[]string{"eval", "quotes", "--split", "validation"}, "--split must be dev, test or train"},
		{[]string{"bench"}, "no PATH given"},
		{[]string{"bench", "--cpu", "0", a}, "--cpu must be 1 or more"},
	} {
		out, errOut, err := run(t, "", tc.args...)
		if !errors.Is(err, ErrUsage) {
			t.Errorf("%q: error %v, want a usage error", tc.args, err)
			continue
		}
		var m Main
		var buf bytes.Buffer
		m.Stderr = &buf
		if c := m.exitCode(err); c != 2 {
			t.Errorf("%q: exit code %d, want 2", tc.args, c)
		}
		if got := errOut + buf.String(); !strings.Contains(got, tc.msg) {
			t.Errorf("%q: standard error %q does not say %q", tc.args, got, tc.msg)
		}
		if out != "" {
			t.Errorf("%q: printed %q on standard output", tc.args, out)
		}
	}
}

func TestAnalyzeFormatText(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"article.txt": scraped})
	out, errOut, err := run(t, "", "analyze", "--format", "text", filepath.Join(dir, "article.txt"))
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	for _, want := range []string{
		"== " + filepath.Join(dir, "article.txt") + "  [text]  id ",
		"Title:     Militants attack checkpoint near border town\n",
		"Authors:   Jane Doe\n",
		"Published: unknown\n",
		"Dateline:  KABUL, Afghanistan\n",
		"Text:      3 paragraphs, 5 sentences,",
		"Removed:   9 lines (",
		"  Gunmen attacked a police checkpoint",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "{") {
		t.Errorf("text format printed JSON:\n%s", out)
	}
}

func TestAnalyzeDirectoryAndStdin(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"b.txt":          other,
		"a/one.txt":      scraped,
		"a/deep/two.htm": page,
		".hidden/x.txt":  other,
	})
	out, errOut, err := run(t, body, "analyze", dir, "-")
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	docs := parse(t, out)
	var sources []string
	for _, d := range docs {
		checkDoc(t, d)
		sources = append(sources, d.Source)
	}
	want := []string{
		filepath.Join(dir, "a", "deep", "two.htm"),
		filepath.Join(dir, "a", "one.txt"),
		filepath.Join(dir, "b.txt"),
		"-",
	}
	if strings.Join(sources, "\n") != strings.Join(want, "\n") {
		t.Errorf("sources:\n%s\nwant:\n%s", strings.Join(sources, "\n"), strings.Join(want, "\n"))
	}
	if len(docs) == 4 && docs[3].ID != docs[1].ID {
		t.Errorf("the body read from stdin has id %s, the same article from a file %s", docs[3].ID, docs[1].ID)
	}
}

func TestAnalyzeJSONLinesBadRecord(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"records.jsonl": strings.Join([]string{
		`{"url": "https://example.com/a", "title": "Port reopens", "text": "Officials in Karachi said on Monday that the city's port would reopen after a strike by transport workers ended."}`,
		`{"title": "broken", "text": "this record is cut off`,
		`{"text": "Gunmen attacked a police checkpoint in Nangarhar late on Tuesday, killing four officers, officials said.", "authors": ["Jane Doe"]}`,
	}, "\n") + "\n"})
	p := filepath.Join(dir, "records.jsonl")
	out, errOut, err := run(t, "", "analyze", p)
	if !errors.Is(err, errFailed) || exitCode(err) != 1 {
		t.Errorf("error %v (exit code %d), want some inputs failed (1)", err, exitCode(err))
	}
	if !strings.Contains(errOut, p+":2: ") {
		t.Errorf("standard error does not name %s:2:\n%s", p, errOut)
	}
	docs := parse(t, out)
	if len(docs) != 2 || docs[0].Source != p+":1" || docs[1].Source != p+":3" {
		t.Fatalf("documents %+v, want records 1 and 3", docs)
	}
	if docs[0].Title != "Port reopens" || len(docs[1].Authors) != 1 || docs[1].Authors[0] != "Jane Doe" {
		t.Errorf("record fields lost: title %q authors %q", docs[0].Title, docs[1].Authors)
	}
	if !strings.Contains(errOut, "2 documents analysed, 1 failed") {
		t.Errorf("summary: %s", errOut)
	}
}

// TestAnalyzeBadInputs gives each bad input beside a good one: the bad
// one is reported on standard error by name (or analysed cleanly), never
// crashes the run, and the good one is still analysed.
func TestAnalyzeBadInputs(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div><span>", 20000) + "Gunmen attacked a police checkpoint late on Tuesday, officials said." + "</body></html>"
	hugeAttr := `<html><head><title>Attack on checkpoint</title></head><body><article><p title="` + strings.Repeat("x", 1<<20) + `">` + strings.TrimSpace(strings.Split(body, "\n\n")[0]) + `</p><script>document.write("Gunmen attacked again");</script></article></body></html>`
	binary := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\x01\x02\x03", 100)
	tests := []struct {
		name, content string
		maxSize       string
		fail          string // what standard error says; "" if the input may be analysed
	}{
		{"missing.txt", "", "", "no such file"},
		{"empty.txt", "", "", "empty"},
		{"blank.txt", "\n \n\t\n", "", "empty"},
		{"image.png", binary, "", "binary"},
		{"nul.txt", "Gunmen attacked\x00\x00\x00\x00 a checkpoint\x00\x00", "", "binary"},
		{"latin.txt", "Gunmen attacked \x81\x8d\x8f\x90\x9d a checkpoint late on Tuesday, officials said.", "", "UTF-8"},
		{"huge.txt", strings.Repeat(body, 20), "1000", "too large"},
		{"deep.html", deep, "", "?"},
		{"attr.html", hugeAttr, "", "?"},
		{"script.html", `<html><head><title>x</title></head><body><script>document.write("Gunmen attacked a police checkpoint late on Tuesday, officials said.");</script></body></html>`, "", "no article text"},
		{"truncated.html", `<html><head><title>Cut off</title></head><body><article><h1>Cut off</h1><p>Gunmen attacked a police checkpoint in the eastern province of Nangarhar late on Tuesday, killing four officers and wou`, "", "?"},
		{"garbage.html", "<html><<<>>></p></div><body <p <b>>\x00", "", "?"},
		{"bad.json", `{"text": 42}`, "", "?"},
		{"notext.json", `{"title": "no body here"}`, "", "?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"good.txt": scraped}
			if tc.name != "missing.txt" {
				files[tc.name] = tc.content
			}
			write(t, dir, files)
			args := []string{"analyze"}
			if tc.maxSize != "" {
				args = append(args, "--max-size", tc.maxSize)
			}
			bad, good := filepath.Join(dir, tc.name), filepath.Join(dir, "good.txt")
			out, errOut, err := run(t, "", append(args, bad, good)...)
			docs := parse(t, out)
			var sources []string
			for _, d := range docs {
				checkDoc(t, d)
				sources = append(sources, d.Source)
				if strings.Contains(d.Text, "document.write") || strings.Contains(d.Text, "xxxxxxxx") || strings.Contains(d.Text, "<") {
					t.Errorf("%s: text keeps script, attribute or markup: %q", d.Source, d.Text)
				}
			}
			if len(docs) == 0 || docs[len(docs)-1].Source != good {
				t.Errorf("good.txt was not analysed; documents %q; stderr:\n%s", sources, errOut)
			}
			if strings.Contains(errOut, "internal error") || strings.Contains(errOut, "panic") {
				t.Errorf("crashed: %s", errOut)
			}
			failed := len(docs) == 1
			switch {
			case failed && !strings.Contains(errOut, "sitrep: "+bad):
				t.Errorf("no error naming %s:\n%s", bad, errOut)
			case failed && (!errors.Is(err, errFailed) || exitCode(err) != 1):
				t.Errorf("error %v, want some inputs failed (exit code 1)", err)
			case failed && tc.fail != "?" && !strings.Contains(errOut, tc.fail):
				t.Errorf("error does not say %q:\n%s", tc.fail, errOut)
			case !failed && tc.fail != "?":
				t.Errorf("%s analysed, want an error saying %q", tc.name, tc.fail)
			case !failed && err != nil:
				t.Errorf("error %v with every input analysed", err)
			}
		})
	}
}

func TestAnalyzeDuplicates(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"1.txt": scraped,
		"2.txt": other,
		"3.txt": scraped,
		"4.txt": syndicated,
	})
	out, errOut, err := run(t, "", "analyze", "--workers", "3", dir)
	if err != nil {
		t.Fatalf("analyze: %v\n%s", err, errOut)
	}
	docs := parse(t, out)
	if len(docs) != 4 {
		t.Fatalf("got %d documents", len(docs))
	}
	first, unrelated, again, copy := docs[0], docs[1], docs[2], docs[3]
	if len(first.NearDuplicates) != 0 || len(unrelated.NearDuplicates) != 0 {
		t.Errorf("first occurrences have duplicates: %+v %+v", first.NearDuplicates, unrelated.NearDuplicates)
	}
	if again.ID != first.ID {
		t.Errorf("same content, ids %s and %s", first.ID, again.ID)
	}
	if nd := again.NearDuplicates; len(nd) != 1 || nd[0].ID != first.ID || nd[0].Source != first.Source || nd[0].Similarity != 1 {
		t.Errorf("second copy near_duplicates %+v, want %s with similarity 1", nd, first.Source)
	}
	found := false
	for _, nd := range copy.NearDuplicates {
		if nd.ID == first.ID && nd.Source == first.Source && nd.Similarity >= 0.7 {
			found = true
		}
	}
	if !found {
		t.Errorf("syndicated copy (id %s) near_duplicates %+v, want %s (id %s)\ntext:\n%s", copy.ID, copy.NearDuplicates, first.Source, first.ID, copy.Text)
	}
	if !strings.Contains(errOut, "1 exact and 1 near duplicates") && !strings.Contains(errOut, "2 exact and 0 near duplicates") {
		t.Errorf("summary: %s", errOut)
	}
}

func TestAnalyzeIdempotent(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"1.txt": scraped, "2.txt": other, "3.html": page, "4.txt": syndicated, "5.txt": scraped,
		"6.jsonl": `{"text": "Officials in Karachi said on Monday that the port would reopen."}` + "\n" + `{"html": "<p>Gunmen attacked a checkpoint on Tuesday, killing four officers, officials said.</p>"}` + "\n",
	})
	var outs []string
	for _, w := range []string{"1", "4", "4"} {
		out, errOut, err := run(t, "", "analyze", "--workers", w, dir)
		if err != nil {
			t.Fatalf("analyze: %v\n%s", err, errOut)
		}
		outs = append(outs, out)
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Errorf("run %d differs from run 1:\n%s\nvs\n%s", i+1, outs[i], outs[0])
		}
	}
	if n := len(parse(t, outs[0])); n != 7 {
		t.Errorf("%d documents, want 7", n)
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": scraped})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	err := m.Run(ctx, []string{"analyze", dir})
	if !errors.Is(err, context.Canceled) || m.exitCode(err) != 130 {
		t.Errorf("error %v, want context.Canceled and exit code 130", err)
	}
}

func TestDemo(t *testing.T) {
	out, errOut, err := run(t, "", "demo")
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "\n71 documents, ") {
		t.Errorf("demo did not analyse 71 documents:\n%s", out)
	}
	if strings.Contains(out, "error:") {
		t.Errorf("demo reports errors:\n%s", out)
	}
	// One table row per document, between the header and the blank line.
	table := out[strings.Index(out, "OUTLET"):]
	table = table[:strings.Index(table, "\n\n")]
	if rows := strings.Count(table, "\n"); rows != 71 {
		t.Errorf("%d table rows, want 71", rows)
	}
	if !strings.Contains(out, "Some claims, with who made them:") {
		t.Errorf("demo shows no claims:\n%s", out)
	}
	// Then what the store answers, about a subject chosen from the data.
	for _, w := range []string{"\n=== The store\n", "Ingested the 71 statements", "It holds 71 documents",
		"=== Dossier of the most documented armed group or person (sitrep entity kb:islamic-state)", "Seen as:",
		"=== Timeline of Islamic State: ", "=== Claims matrix: ", "PROPOSITION", "=== Contradictions: "} {
		if !strings.Contains(out, w) {
			t.Errorf("demo: no %q in:\n%s", w, out)
		}
	}
	// The temporary store is removed at the end.
	m := regexp.MustCompile(`Store: (\S+) \(temporary`).FindStringSubmatch(out)
	if m == nil {
		t.Errorf("demo does not say where its store is:\n%s", out)
	} else if _, err := os.Stat(m[1]); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary store %s is still there: %v", m[1], err)
	}
	full, _, err := run(t, "", "demo", "--full")
	if err != nil || strings.Count(full, "\n== ") != 71 {
		t.Errorf("demo --full: %v, %d documents", err, strings.Count(full, "\n== "))
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, err := run(t, "", "version")
	if err != nil || out != "sitrep "+Version+"\n" {
		t.Errorf("version: %q, %v", out, err)
	}
	out, _, err = run(t, "", "help")
	if err != nil || !strings.Contains(out, "Commands:") || !strings.Contains(out, "analyze") {
		t.Errorf("help: %q, %v", out, err)
	}
	for _, cmd := range []string{"analyze", "demo", "eval", "bench"} {
		_, errOut, err := run(t, "", "help", cmd)
		if exitCode(err) != 0 || !strings.Contains(errOut, "Usage: sitrep "+cmd) {
			t.Errorf("help %s: %v, %q", cmd, err, errOut)
		}
	}
}

func TestBench(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.txt": scraped, "b.html": page, "c.txt": ""})
	out, errOut, err := run(t, "", "bench", "--time", "1ms", "--startup", "0", "--baseline", dir)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errOut)
	}
	for _, want := range []string{"corpus: 2 inputs (1 HTML, 1 text)", "1 unreadable", "start-up in process:", "documents/s", "tokens/s", "go-trafilatura alone:", "peak memory"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := run(t, "", "bench", "--time", "1ms", dir); err == nil || !strings.Contains(err.Error(), "--startup 0") {
		t.Errorf("bench with start-up runs from a test binary: %v, want an error naming --startup 0", err)
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " U.S.-backed  forces\n\nsaid 5.93\u00a0mln\t", "Jalālābād, Afghanistan"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// aeb is the article-extraction benchmark, read in place.
const aeb = "../../../shared/datasets/aeb"

func TestEvalPublishedOutput(t *testing.T) {
	if _, err := os.Stat(filepath.Join(aeb, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction benchmark not found at %s (the shared data sets sit beside the repository): %v", aeb, err)
	}
	out, errOut, err := run(t, "", "eval", "extract", "--data", aeb, "--output", aeb+"/output/go_trafilatura.json")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "go_trafilatura.json on "+aeb+": 181 pages,") || !strings.Contains(out, "F1 0.960") {
		t.Errorf("eval of go-trafilatura's published output:\n%s\nwant F1 0.960 on 181 pages", out)
	}
}
