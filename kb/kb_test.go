package kb_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/kb"
)

func TestDefaultChecks(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Entries) < 50 {
		t.Errorf("got %d entries, want at least 50", len(k.Entries))
	}
	for _, p := range k.Check() {
		if !p.Warning {
			t.Errorf("%s", p)
		} else {
			t.Logf("%s", p)
		}
	}
	iskp := k.Get("iskp")
	if iskp == nil || iskp.Type != kb.Organization {
		t.Fatalf("iskp: %+v", iskp)
	}
	found := false
	for _, r := range iskp.Relations {
		if r.Type == "branch_of" && r.Target == "islamic-state" && r.Holds(2017) && !r.Holds(2014) {
			found = true
		}
	}
	if !found {
		t.Errorf("iskp should be a branch of islamic-state from 2015: %+v", iskp.Relations)
	}
	b := k.Get("qamar-javed-bajwa")
	if len(b.Titles) == 0 || b.Titles[0].Phrase != "army chief" || !b.Titles[0].Holds(2017) || b.Titles[0].Holds(2023) {
		t.Errorf("bajwa titles: %+v", b.Titles)
	}
}

func TestLoadUserFileAndErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.kb")
	os.WriteFile(good, []byte("# my notes\n[sadiq-shinwari]\nname = Sadiq Shinwari\ntype = person\naliases = Sadiq Shinwari\n"), 0o644)
	k, _ := kb.Default()
	if err := k.Load(good); err != nil {
		t.Fatal(err)
	}
	if e := k.Get("sadiq-shinwari"); e == nil || e.Sources[0] != "my notes" {
		t.Errorf("user entry: %+v", e)
	}
	tests := []struct{ name, body, want string }{
		{"bad type", "[x]\nname = X\ntype = thing\n", "type \"thing\""},
		{"unknown key", "[x]\nname = X\ncolour = red\n", "unknown key"},
		{"key before entry", "name = X\n", "before the first"},
		{"bad header", "[x\n", "entry header"},
		{"bad place id", "[x]\nname = X\ntype = location\nplace = somewhere\n", "gazetteer id"},
		{"bad coordinates", "[x]\nname = X\ntype = location\nplace = 95, 70\n", "bad coordinates"},
		{"bad level", "[x]\nname = X\ntype = location\nplace = 33.9, 70.1 street\n", "level must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.kb")
			os.WriteFile(p, []byte(tt.body), 0o644)
			err := k.Load(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad.kb:") {
				t.Errorf("got %v, want an error naming the file and %q", err, tt.want)
			}
		})
	}
}

func TestPlace(t *testing.T) {
	k, _ := kb.Default()
	if p := k.Get("durand-line").Place; p == nil || p.ID != "sitrep:durand-line" {
		t.Errorf("durand-line place: %+v", p)
	}
	p := filepath.Join(t.TempDir(), "camp.kb")
	os.WriteFile(p, []byte("# notes\n[camp]\nname = Camp X\ntype = location\nplace = 33.95, 70.11 district\n[near]\nname = Near\ntype = location\nplace = -1.5,2\n"), 0o644)
	if err := k.Load(p); err != nil {
		t.Fatal(err)
	}
	if got := *k.Get("camp").Place; got != (kb.Place{Lat: 33.95, Lon: 70.11, Precision: "district"}) {
		t.Errorf("camp: %+v", got)
	}
	if got := *k.Get("near").Place; got != (kb.Place{Lat: -1.5, Lon: 2, Precision: "town"}) {
		t.Errorf("near: %+v", got)
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := kb.Default(); err != nil {
			b.Fatal(err)
		}
	}
}
