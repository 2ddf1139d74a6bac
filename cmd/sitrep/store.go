package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/sitrep-project/sitrep/internal/numfmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/kb"
	"github.com/sitrep-project/sitrep/sqlite"
)

// The store's location: --db, else $SITREP_DB, else the XDG data
// directory.
const dbHelp = "the store `file` (default $SITREP_DB, else $XDG_DATA_HOME/sitrep/sitrep.db, else ~/.local/share/sitrep/sitrep.db)"

// defaultDBPath returns where the store lives when --db is not given.
func defaultDBPath() (string, error) {
	if p := os.Getenv("SITREP_DB"); p != "" {
		return p, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "sitrep", "sitrep.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no --db given and no home directory to keep the store in: %v", err)
	}
	return filepath.Join(home, ".local", "share", "sitrep", "sitrep.db"), nil
}

// openStore opens the store at path (the default one when path is
// empty). With create, the file and its directory are made when missing;
// without, a missing store is an error that says how to make one.
func openStore(ctx context.Context, path string, create bool) (*sqlite.DB, error) {
	if path == "" {
		var err error
		if path, err = defaultDBPath(); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if !create {
			return nil, sitrep.Errorf(sitrep.ENOTFOUND, "no store at %s: run \"sitrep ingest PATH...\" first, or name one with --db", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("create the store's directory: %w", err)
		}
	}
	return sqlite.Open(ctx, path)
}

// parseArgs parses flags that may come before, between or after the
// positional arguments ("sitrep search Taliban --since 2024-01-01") and
// returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// dateFlag is a flag holding a sitrep.Date (YYYY-MM-DD; YYYY-MM and YYYY
// stand for their first day, or with end set their last).
type dateFlag struct {
	d   sitrep.Date
	end bool
}

func (f *dateFlag) String() string { return f.d.String() }

func (f *dateFlag) Set(s string) error {
	d, err := sitrep.ParseDateBound(s, f.end)
	if err != nil {
		return err
	}
	f.d = d
	return nil
}

// formatFlag checks an output format against the allowed ones.
func formatFlag(format string, allowed ...string) error {
	for _, a := range allowed {
		if format == a {
			return nil
		}
	}
	return fmt.Errorf("%w: --format must be %s, not %q", ErrUsage, strings.Join(allowed, ", "), format)
}

// resolveEntity turns a name, alias or ID given on the command line into
// an entity ID: the matching entity in the most documents. The others
// that match are noted on w.
func resolveEntity(ctx context.Context, s sitrep.Store, flagName, ref string, w io.Writer) (string, error) {
	found, err := s.FindEntities(ctx, sitrep.EntityFilter{Name: ref, Page: sitrep.Page{Limit: 6}})
	if err != nil {
		return "", err
	}
	if len(found) == 0 {
		// A name the knowledge base knows for an entity the store holds
		// under other names ("BLA" for a group the texts name in full).
		if id := kbEntity(ref); id != "" {
			if found, err = s.FindEntities(ctx, sitrep.EntityFilter{Name: id, Page: sitrep.Page{Limit: 1}}); err != nil {
				return "", err
			}
		}
	}
	if len(found) == 0 {
		return "", sitrep.Errorf(sitrep.ENOTFOUND, "%s: no entity %q in the store (try a name, an alias or an ID such as kb:ttp)", flagName, ref)
	}
	if len(found) > 1 && w != nil {
		var others []string
		for _, e := range found[1:] {
			others = append(others, fmt.Sprintf("%s (%s, %d documents)", e.ID, e.Name, e.Documents))
		}
		fmt.Fprintf(w, "sitrep: %s %q is %s (%s, %d documents); it also names %s\n", flagName, ref, found[0].ID, found[0].Name,
			found[0].Documents, strings.Join(others, ", "))
	}
	return found[0].ID, nil
}

// kbEntity returns the entity ID of the knowledge-base entry with the
// name, alias or acronym ref (ignoring case), or "".
func kbEntity(ref string) string {
	k, err := kb.Default()
	if err != nil {
		return ""
	}
	ref = strings.Join(strings.Fields(ref), " ")
	for _, e := range k.Entries {
		for _, n := range append(append([]string{e.Name}, e.Aliases...), e.Acronyms...) {
			if strings.EqualFold(n, ref) {
				return "kb:" + e.ID
			}
		}
	}
	return ""
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// thousands formats n with thin separators: 21,578.
func thousands(n int) string { return numfmt.Thousands(n) }

// oneLine squeezes white space and clips s to n runes.
func oneLine(s string, n int) string {
	return clip(strings.Join(strings.Fields(s), " "), n)
}
