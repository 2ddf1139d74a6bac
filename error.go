package sitrep

import (
	"errors"
	"fmt"
)

// Application error codes. They are few and stable; adapters map them to
// exit statuses and HTTP statuses in one place each.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	EINTERNAL = "internal"
	ETOOLARGE = "too_large"
	EEMPTY    = "empty"
	EBINARY   = "binary"
	// EUNAUTHORIZED is a request without the credentials a server wants.
	EUNAUTHORIZED = "unauthorized"
)

// Error is an application error with a code and a message fit for users.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain,
// EINTERNAL for any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// InputError is a failure to read or analyse one input, naming the source
// and, for JSON Lines records, the line.
type InputError struct {
	Source string
	Line   int // 1-based line of a JSON Lines record, 0 otherwise
	Err    error
}

// Error implements the error interface.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }
