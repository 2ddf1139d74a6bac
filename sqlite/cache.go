package sqlite

import (
	"fmt"
	"strconv"
	"sync"
)

// answers keeps the answers to the costliest reads (a search page, an
// entity's profile) while the store is unchanged, so that a page asked
// for again (by another analyst, by paging back, by a refresh) is not
// computed again. Any write makes every answer stale: one committed by
// this handle bumps db.writes; one by another process changes the files
// on disk (fileState). Answers are shared between callers: they must not
// be modified.
type answers struct {
	mu    sync.Mutex
	state string // the store's state the answers were read in
	m     map[string]any
	order []string // oldest first, for eviction
}

// maxAnswers is how many answers are kept (a search page or a profile:
// 5 to 50 KB each).
const maxAnswers = 512

// state is the store's state for answers: "" when the files cannot be
// read, and nothing is kept.
func (db *DB) state() string {
	fs := db.fileState()
	if fs == "" {
		return ""
	}
	return strconv.FormatInt(db.writes.Load(), 10) + fs
}

// cachedRead returns the answer kept for key, or reads it and keeps it
// when the store did not change while it was read. Errors are not kept.
func cachedRead[T any](db *DB, key string, read func() (T, error)) (T, error) {
	a := &db.answers
	state := db.state()
	if state != "" && !db.noCache {
		a.mu.Lock()
		if a.state == state {
			if v, ok := a.m[key]; ok {
				a.mu.Unlock()
				return v.(T), nil
			}
		}
		a.mu.Unlock()
	}
	v, err := read()
	if err != nil || state == "" || db.noCache || db.state() != state {
		return v, err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.state != state {
		a.state, a.m, a.order = state, map[string]any{}, nil
	}
	if _, ok := a.m[key]; !ok {
		if len(a.order) >= maxAnswers {
			delete(a.m, a.order[0])
			a.order = a.order[1:]
		}
		a.m[key] = v
		a.order = append(a.order, key)
	}
	return v, nil
}

// answerKey is the key of a read: its kind and its arguments as Go
// syntax.
func answerKey(kind string, args ...any) string {
	return kind + fmt.Sprintf("%#v", args)
}
