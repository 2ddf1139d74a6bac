package ingest

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// DefaultMaxSize is the size limit used when Reader.MaxSize is not set.
const DefaultMaxSize = 32 << 20

// Input is one document to analyse, decoded to UTF-8.
type Input struct {
	// Source names where the input came from: the path as given (joined
	// with the names below it for files found in a directory), "-" for
	// standard input, and "path:LINE" for a record of a JSON Lines file or
	// a JSON array.
	Source string
	// Line is the 1-based line on which a JSON Lines or JSON array record
	// starts; 0 for an input that is a whole file.
	Line int
	// Format is sitrep.FormatText or sitrep.FormatHTML.
	Format string
	// Body is the text or the HTML, valid UTF-8. Text has LF line endings
	// and no control characters other than tab and newline. HTML is
	// decoded to UTF-8 whatever its <meta charset> says.
	Body string
	// URL is the record's "url" or "link" field. It is set only for JSON
	// records; finding the address of an HTML page is left to extraction.
	URL string
	// Title is the record's "title" or "headline" field (JSON records only).
	Title string
	// Published is the record's publication date (JSON records only). It is
	// zero when the record states none or states it in a form that cannot
	// be read without guessing.
	Published sitrep.Date
	// Authors lists the record's "author" or "authors" (JSON records only).
	Authors []string
	// Outlet is the record's "outlet", "publisher" or "site_name" (JSON
	// records only).
	Outlet string
}

// Reader walks paths and yields inputs. The zero Reader is ready to use.
// A Reader is not changed by Walk, so several walks may run at once, as
// long as only one of them reads the path "-".
type Reader struct {
	// MaxSize is the largest input read, in bytes: a file, the
	// decompressed content of a gzip file, or one line of a JSON Lines
	// file. A larger input is reported as an error with code
	// sitrep.ETOOLARGE and is never read whole: reading stops one byte past
	// the limit. A JSON Lines file may be larger than MaxSize as a whole;
	// it is streamed line by line. Zero or less means DefaultMaxSize.
	MaxSize int64
	// Stdin is read for the path "-". Nil means os.Stdin.
	Stdin io.Reader
}

// Walk reads each path and calls fn for every input, in order: paths in
// the order given, the files of a directory in lexical order of their
// names, depth first, and the records of a JSON file in file order.
//
// A path is a file, a directory or "-" for standard input. Directories are
// walked recursively; names beginning with "." are skipped below the path
// given (a hidden path named explicitly is read), symbolic links to files
// are read, symbolic links to directories are not followed, and special
// files (devices, sockets, pipes) found in a directory are skipped. A path
// named explicitly is read whatever kind of file it is, so "<(cmd)" works.
//
// A failure confined to one input (a missing path, an empty, binary or too
// large file, text that is not valid UTF-8, a JSON record that does not
// parse or has no text, unreadable gzip data) is passed to onErr as a
// *sitrep.InputError naming the source and, for a record, the line; its
// Err is a *sitrep.Error with a code. The walk then goes on. onErr may be
// nil to discard such failures.
//
// Walk returns a non-nil error only if ctx is cancelled (ctx.Err()) or fn
// returns an error (that error, as is); it then stops at once.
func (r *Reader) Walk(ctx context.Context, paths []string, fn func(Input) error, onErr func(error)) error {
	w := &walker{ctx: ctx, fn: fn, onErr: onErr, max: r.MaxSize, stdin: r.Stdin}
	if w.max <= 0 {
		w.max = DefaultMaxSize
	}
	if w.stdin == nil {
		w.stdin = os.Stdin
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

// walker is the state of one Walk. Its methods return a non-nil error only
// to stop the walk; failures of one input go to fail.
type walker struct {
	ctx   context.Context
	fn    func(Input) error
	onErr func(error)
	max   int64
	stdin io.Reader

	// br and zbr are reused from file to file: br reads the file, zbr the
	// decompressed stream of a gzip file.
	br, zbr *bufio.Reader
}

// fail reports a failure of one input.
func (w *walker) fail(source string, line int, err error) {
	if w.onErr != nil {
		w.onErr(&sitrep.InputError{Source: source, Line: line, Err: err})
	}
}

// emit passes one input to fn.
func (w *walker) emit(in Input) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(in)
}

func (w *walker) path(p string) error {
	if p == "-" {
		return w.read("-", w.stdin, -1, "")
	}
	fi, err := os.Stat(p)
	if err != nil {
		w.fail(p, 0, fileError(err))
		return nil
	}
	if fi.IsDir() {
		n, err := w.dir(p)
		if err == nil && n == 0 {
			w.fail(p, 0, sitrep.Errorf(sitrep.EEMPTY, "no input files in directory (names beginning with \".\" are skipped)"))
		}
		return err
	}
	return w.file(p, fi)
}

// dir walks the directory dir and returns the number of files it found
// plus the number of failures it reported.
func (w *walker) dir(dir string) (int, error) {
	n := 0
	// os.ReadDir sorts by name; on error it returns what it could read.
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.fail(dir, 0, fileError(err))
		n++
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return n, err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := join(dir, name)
		switch t := e.Type(); {
		case t.IsDir():
			m, err := w.dir(full)
			n += m
			if err != nil {
				return n, err
			}
		case t.IsRegular():
			n++
			if err := w.file(full, nil); err != nil {
				return n, err
			}
		case t&fs.ModeSymlink != 0:
			fi, err := os.Stat(full)
			if err != nil {
				n++
				w.fail(full, 0, fileError(err))
				continue
			}
			if !fi.Mode().IsRegular() {
				continue // links to directories are not followed
			}
			n++
			if err := w.file(full, fi); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// join joins a directory and a name, keeping the directory as spelled
// (filepath.Join would clean "./dir" to "dir").
func join(dir, name string) string {
	if dir != "" && os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// file reads the file at path; fi may be nil.
func (w *walker) file(path string, fi fs.FileInfo) error {
	f, err := os.Open(path)
	if err != nil {
		w.fail(path, 0, fileError(err))
		return nil
	}
	defer f.Close()
	if fi == nil {
		if fi, err = f.Stat(); err != nil {
			w.fail(path, 0, fileError(err))
			return nil
		}
	}
	if fi.IsDir() {
		// A directory that replaced a file during the walk: skip it.
		return nil
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return w.read(path, f, size, filepath.Base(path))
}

// fileError turns an error from the file system into a coded error whose
// message does not repeat the path (InputError adds it).
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return sitrep.Errorf(sitrep.ENOTFOUND, "no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return sitrep.Errorf(sitrep.EINVALID, "permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return sitrep.Errorf(sitrep.EINVALID, "cannot read: %v", err)
}
