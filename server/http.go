package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
)

// Codes of errors only the server gives, beside the root package's.
const (
	codeMethod  = "method_not_allowed"
	codeTimeout = "timeout"
)

// statusOf maps an error code to its HTTP status: the one place it is
// done.
func statusOf(code string) int {
	switch code {
	case sitrep.EINVALID, sitrep.EEMPTY:
		return http.StatusBadRequest
	case sitrep.EBINARY:
		return http.StatusUnsupportedMediaType
	case sitrep.ENOTFOUND:
		return http.StatusNotFound
	case sitrep.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case sitrep.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case codeMethod:
		return http.StatusMethodNotAllowed
	case codeTimeout:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of an error answer.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError answers with err as JSON. Internal errors are logged and
// answered without their details.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		body.Error.Code = sitrep.ETOOLARGE
		body.Error.Message = "request body larger than " + sizeText(mbe.Limit)
	case errors.Is(err, context.DeadlineExceeded):
		body.Error.Code = codeTimeout
		body.Error.Message = "the request took too long and was stopped; narrow it (filters, dates, a smaller limit)"
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		body.Error.Code = codeTimeout
		body.Error.Message = "the request was cancelled"
	default:
		body.Error.Code = sitrep.ErrorCode(err)
		body.Error.Message = err.Error()
	}
	if body.Error.Code == sitrep.EINTERNAL {
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		body.Error.Message = "internal error (logged by the server)"
	}
	if body.Error.Code == sitrep.EUNAUTHORIZED {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	}
	writeJSON(w, statusOf(body.Error.Code), body)
}

// writeJSON answers with v as JSON. HTML's special characters are
// escaped (\u003c), so that no answer can be read as markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal error: the answer could not be encoded"}}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}

// recorder keeps the status and size of an answer for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logged writes an access log line per request and turns a panic into a
// 500 answer.
func (s *Server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				if rec.status == 0 {
					s.writeError(rec, r, sitrep.Errorf(sitrep.EINTERNAL, "panic: %v", v))
				}
			}
			if rec.status == 0 {
				rec.status = http.StatusOK
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.String("query", redactedQuery(r.URL)),
				slog.Int("status", rec.status),
				slog.Int64("bytes", rec.bytes),
				slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
				slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// redactedQuery is the query of u with any token hidden.
func redactedQuery(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	q := u.Query()
	if q.Has("token") {
		q.Set("token", "REDACTED")
	}
	return q.Encode()
}

// secured sets the headers every answer carries.
func (s *Server) secured(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// cookieName is the cookie a browser logs in with (?token=).
const cookieName = "sitrep_session"

// session is the cookie's value for the token: a hash, so that the
// token itself is not kept in the browser.
func session(token string) string {
	h := sha256.Sum256([]byte("sitrep session\x00" + token))
	return hex.EncodeToString(h[:])
}

func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// authorized lets through requests with the token (a bearer token or
// the session cookie), and /healthz. A GET with ?token=TOKEN sets the
// cookie and is sent on to the same address without the token.
func (s *Server) authorized(next http.Handler) http.Handler {
	token := s.cfg.Token
	if token == "" {
		return next
	}
	sess := session(token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" {
			next.ServeHTTP(w, r)
			return
		}
		if a := r.Header.Get("Authorization"); a != "" {
			if t, ok := strings.CutPrefix(a, "Bearer "); ok && equal(strings.TrimSpace(t), token) {
				next.ServeHTTP(w, r)
				return
			}
			s.unauthorized(w, r, "wrong token in the Authorization header")
			return
		}
		if q := r.URL.Query(); q.Has("token") && (r.Method == "GET" || r.Method == "HEAD") {
			if !equal(q.Get("token"), token) {
				s.unauthorized(w, r, "wrong token")
				return
			}
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: sess, Path: "/", HttpOnly: true,
				SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
			q.Del("token")
			// Back to the same path and query without the token; never
			// "//host", which a browser would take for another site.
			u := url.URL{Path: "/" + strings.TrimLeft(r.URL.Path, "/"), RawQuery: q.Encode()}
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		if c, err := r.Cookie(cookieName); err == nil && equal(c.Value, sess) {
			next.ServeHTTP(w, r)
			return
		}
		s.unauthorized(w, r, "this server wants a token: send \"Authorization: Bearer TOKEN\" (or open any page once with ?token=TOKEN)")
	})
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep: token needed</title></head>
<body><h1>sitrep</h1><p>{{.}}</p>
<form method="get"><label>Token <input type="password" name="token" autocomplete="current-password" autofocus></label>
<button>Open</button></form></body></html>
`))

// unauthorized answers 401: JSON for the API, a page with a token form
// for browsers.
func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") || r.Header.Get("Authorization") != "" {
		s.writeError(w, r, sitrep.Errorf(sitrep.EUNAUTHORIZED, "%s", msg))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	w.WriteHeader(http.StatusUnauthorized)
	loginPage.Execute(w, "A token is needed to open this server.")
}

var indexPage = []byte(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>sitrep</title></head>
<body><h1>sitrep</h1>
<p>This server answers the sitrep JSON API under <code>/api/v1</code>; its routes are described in
<a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3). Try
<a href="/api/v1/stats">/api/v1/stats</a> or <a href="/api/v1/search?q=Taliban">/api/v1/search?q=Taliban</a>.</p>
</body></html>
`)

// index is the page at "/" when no UI is mounted.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.Write(indexPage)
}
