package entity

import (
	"strings"
	"testing"
	"unicode"

	"github.com/sitrep-project/sitrep/kb"
)

// foldReference is fold as first written: lower case the whole string,
// then filter it.
func foldReference(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range strings.ToLower(s) {
		switch r {
		case '0':
			r = 'o'
		case '1':
			r = 'l'
		case '5':
			r = 's'
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if r == prev {
			continue
		}
		if r == 'h' && prev != 0 && !strings.ContainsRune("aeiouy", prev) && prev != 'c' && prev != 's' {
			continue
		}
		prev = r
		b.WriteRune(r)
	}
	return b.String()
}

func TestFoldLowersRuneByRune(t *testing.T) {
	for _, s := range []string{"", "Zabihullah Mujahid", "T0LOnews", "ZABIULLAH", "İstanbul", "ΣΟΦΙΑ", "Ǆemal",
		"Jalālābād", "bad \xff\xfe utf-8", "Khyber-Pakhtunkhwa 5th", strings.Repeat("Waziristan ", 20)} {
		if got, want := fold(s), foldReference(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestVariantByLength checks the length buckets against a scan of every
// folded name, as variant first did.
func TestVariantByLength(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(k)
	scan := func(name, typ string) *kb.Entry {
		f := fold(name)
		if len(f) < 5 {
			return nil
		}
		if e, ok := m.folded[f]; ok && compatible(e.Type, typ) {
			return e
		}
		if len(f) < 8 {
			return nil
		}
		var found *kb.Entry
		for k, e := range m.folded {
			if abs(len(k)-len(f)) <= 1 && compatible(e.Type, typ) && within1(k, f) {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
		return found
	}
	n := 0
	for key := range m.folded {
		// Each folded name, and its one-edit neighbours of each kind.
		for _, name := range []string{key, key[1:], key + "x", "q" + key[1:], key[:len(key)/2] + key[len(key)/2+1:]} {
			for _, typ := range []string{"", kb.Person, kb.Organization, kb.Location} {
				if got, want := m.variant(name, typ), scan(name, typ); got != want {
					t.Fatalf("variant(%q, %q) = %v, want %v", name, typ, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d look-ups agree", n)
}
