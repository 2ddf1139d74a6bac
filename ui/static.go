package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// assets are the embedded static files under content-hashed names:
// "style.css" is served as /static/style.3f2a9c1d0b7e.css, with a year's
// cache lifetime, so that a new build never meets a stale cached file.
type assets struct {
	urls  map[string]string // file name → URL
	files map[string]asset  // hashed name → file
}

type asset struct {
	body  []byte
	ctype string
}

func newAssets(fsys fs.FS) (*assets, error) {
	a := &assets{urls: map[string]string{}, files: map[string]asset{}}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(e.Name())
		hashed := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		a.urls[e.Name()] = "/static/" + hashed
		a.files[hashed] = asset{body: b, ctype: ctype}
	}
	return a, nil
}

// url returns the hashed URL of a static file; a name that is not embedded
// is a bug of a view, caught when the view is rendered.
func (a *assets) url(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fs.ErrNotExist
	}
	return u, nil
}

func (a *assets) serve(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[r.PathValue("name")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", f.ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Write(f.body)
}
