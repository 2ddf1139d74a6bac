package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep-project/sitrep"
)

// ShowCommand runs "sitrep show".
type ShowCommand struct {
	*Main
}

const showUsage = `Usage: sitrep show [flags] ID...

Prints stored documents in full, by ID (as "sitrep search" and "sitrep
quotes" list them): one JSON document per line, as "sitrep analyze" prints
them, or with --format text a readable summary.`

// Run implements the command.
func (c *ShowCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("show", showUsage)
	db := fs.String("db", "", dbHelp)
	format := fs.String("format", "json", "output `format`: json (JSON Lines) or text")
	ids, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no document ID given", ErrUsage)
	}
	if err := formatFlag(*format, "json", "text"); err != nil {
		return err
	}
	s, err := openStore(ctx, *db, false)
	if err != nil {
		return err
	}
	defer s.Close()
	out := bufio.NewWriter(c.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := false
	for _, id := range ids {
		d, err := s.Document(ctx, id)
		if sitrep.ErrorCode(err) == sitrep.ENOTFOUND {
			fmt.Fprintf(c.Stderr, "sitrep: %v\n", err)
			failed = true
			continue
		} else if err != nil {
			return err
		}
		if *format == "text" {
			err = writeSummary(out, d)
		} else {
			err = enc.Encode(d)
		}
		if err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed {
		return errFailed
	}
	return nil
}
