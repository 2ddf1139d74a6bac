package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"strings"
	"text/tabwriter"

	"github.com/sitrep-project/sitrep/extract"
	"github.com/sitrep-project/sitrep/sample"
)

// DemoCommand runs "sitrep demo".
type DemoCommand struct {
	*Main
}

const demoUsage = `Usage: sitrep demo [flags]

Analyses the sample corpus built into the binary (71 official statements on
Daesh and the campaigns in Iraq and Syria from the US State Department,
CENTCOM and the UK Government; public domain and Open Government Licence
v3.0, via the re3d data set) and prints what it found; then ingests them
into a store as "sitrep ingest" does and prints what the store answers:
its counts, the dossier and timeline of the armed group or person the most
documents name, the most argued-over propositions of the claims matrix and
the strongest contradictions. Nothing to set up: the store is made in a
temporary directory and removed at the end, unless --db names a file to
keep it in.

On a terminal, the demo ends by serving the web UI and the JSON API on the
demo store (as "sitrep serve" does, at --addr, default 127.0.0.1:8080, or
a free port when that one is taken) until Ctrl-C. --serve=false skips it;
--serve serves even when the output is not a terminal.`

// Run implements the command.
func (c *DemoCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("demo", demoUsage)
	full := fs.Bool("full", false, "print every document in full (as analyze --format text)")
	db := fs.String("db", "", "ingest into this store `file` and keep it (default: a temporary store, removed at the end)")
	serve := fs.Bool("serve", isTerminal(c.Stdout), "end by serving the web UI on the demo store (default: when the output is a terminal)")
	addr := fs.String("addr", "127.0.0.1:8080", "where to serve the UI: `host:port`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	arts, err := sample.Articles()
	if err != nil {
		return err
	}
	a := extract.NewAnalyzer()
	out := bufio.NewWriter(c.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, "sitrep demo: analysing %d built-in sample statements (US State Department, CENTCOM: public domain; UK Government: Open Government Licence v3.0; via Dstl's re3d data set)\n\n", len(arts))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTLET\tTITLE\tPARAS\tSENTENCES\tWORDS\tREMOVED\tQUOTES\tCLAIMS\tINCIDENTS")
	var docs, sents, words, removed, nq, nc, ni int
	var sampleClaims, sampleIncidents []string
	// Armed groups and people by the documents naming them: the store
	// shows the dossier of the first it holds.
	candidates := map[string]int{}
	for _, art := range arts {
		d, err := a.Analyze(ctx, extract.Source{
			Name: art.URL, Format: "text", Body: art.Text, URL: art.URL, Title: art.Title, Outlet: art.Outlet,
		})
		if err != nil {
			fmt.Fprintf(tw, "%s\t%s\terror: %v\t\t\t\n", art.Outlet, clip(art.Title, 60), err)
			continue
		}
		for _, e := range d.Entities {
			if e.Type == "person" || e.Subtype == "armed_group" {
				candidates[e.ID]++
			}
		}
		if *full {
			if err := writeSummary(out, d); err != nil {
				return err
			}
			continue
		}
		w := len(strings.Fields(d.Text))
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", d.Outlet, clip(d.Title, 60), strings.Count(d.Text, "\n\n")+1, len(d.Sentences), w, len(d.Removed), len(d.Quotes), len(d.Claims), len(d.Incidents))
		nq += len(d.Quotes)
		nc += len(d.Claims)
		ni += len(d.Incidents)
		for _, in := range d.Incidents {
			if len(sampleIncidents) < 4 && (in.Killed != nil || len(in.Perpetrators) > 0) {
				sampleIncidents = append(sampleIncidents, incidentLine(in))
			}
		}
		for _, cl := range d.Claims {
			if len(sampleClaims) < 6 && cl.Speaker.Name != "" {
				sampleClaims = append(sampleClaims, claimLine(cl))
			}
		}
		docs++
		sents += len(d.Sentences)
		words += w
		removed += len(d.Removed)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d documents, %d sentences, %d words, %d lines taken out as metadata or boilerplate, %d quotes, %d claims, %d incidents.\n", docs, sents, words, removed, nq, nc, ni)
	if len(sampleClaims) > 0 {
		fmt.Fprintln(out, "\nSome claims, with who made them:")
		for _, l := range sampleClaims {
			fmt.Fprintln(out, "  "+l)
		}
	}
	if len(sampleIncidents) > 0 {
		fmt.Fprintln(out, "\nSome incidents:")
		for _, l := range sampleIncidents {
			fmt.Fprintln(out, "  "+l)
		}
	}
	fmt.Fprintln(out, "Next: sitrep analyze --format text PATH... (your own articles), or sitrep analyze PATH... for JSON Lines.")
	path, cleanup, err := demoStore(ctx, out, *db, candidates)
	defer cleanup()
	if err != nil || !*serve {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(c.Stdout, "\nThe web UI on this store (dashboard, search, articles with their evidence highlighted, dossiers, incidents map, claims matrix):")
	o := serveOptions{db: path, addr: *addr, readOnly: *db == ""}
	if l, err := net.Listen("tcp", *addr); err != nil {
		o.addr = "127.0.0.1:0" // taken: any free port on this machine
	} else {
		l.Close()
	}
	return c.serveStore(ctx, o)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
