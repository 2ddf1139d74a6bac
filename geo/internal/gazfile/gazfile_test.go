package gazfile

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand"
	"slices"
	"testing"
)

// rows are a few made-up entries: a shared name, aliases that repeat
// the name's key or are empty, a leading "the", diacritics and IDs of
// both kinds.
var rows = []Row{
	{ID: "geonames:PK", Name: "Pakistan", Kind: "country", Country: "Pakistan", Precision: "country", Lat: 300000, Lon: 700000, Aliases: []string{"Islamic Republic of Pakistan", "PAKISTAN", ""}},
	{ID: "geonames:1176734", Name: "Hyderabad", Kind: "city", Country: "Pakistan", Admin1: "Sindh", Lat: 253923, Lon: 683675, Pop: 1386330},
	{ID: "geonames:1269843", Name: "Hyderabad", Kind: "city", Country: "India", Admin1: "Telangana", Lat: 173840, Lon: 784564, Pop: 3597816},
	{ID: "sitrep:durand-line", Name: "Durand Line", Kind: "region", Precision: "province", Lat: -1, Lon: -1799999, Aliases: []string{"the Durand Line"}},
	{ID: "geonames:1138958", Name: "Jalālābād", Kind: "city", Country: "Afghanistan", Admin1: "Nangarhar", Admin2: "Jalalabad", Precision: "town", Lat: 344303, Lon: 704528, Pop: 200331, Aliases: []string{"Jalalabad", "Hyderabad"}},
	{ID: "geonames:007", Name: "Leading Zero", Kind: "city", Country: "X"},
}

func write(t testing.TB, rows []Row) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, "notice\n", rows); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	file := write(t, rows)
	if again := write(t, rows); !bytes.Equal(file, again) {
		t.Error("Write is not deterministic")
	}
	d, err := Read(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if d.Notice != "notice\n" || d.Len() != len(rows) {
		t.Fatalf("notice %q, %d rows", d.Notice, d.Len())
	}
	for i, r := range rows {
		n := int32(i)
		got := Row{ID: d.ID(n), Name: d.Name(n), Kind: d.Kinds[d.Kind[n]], Country: d.Countries[d.Country[n]],
			Admin1: d.Admin1s[d.Admin1[n]], Admin2: d.Admin2s[d.Admin2[n]], Precision: d.Precisions[d.Precision[n]],
			Lat: d.Lat[n], Lon: d.Lon[n], Pop: d.Pop[n]}
		want := r
		want.Aliases = nil
		if got.ID != want.ID || got.Name != want.Name || got.Kind != want.Kind || got.Country != want.Country ||
			got.Admin1 != want.Admin1 || got.Admin2 != want.Admin2 || got.Precision != want.Precision || got.Lat != want.Lat || got.Lon != want.Lon || got.Pop != want.Pop {
			t.Errorf("row %d = %+v, want %+v", i, got, want)
		}
	}
	index := map[string][]int32{}
	for k := range d.KeyEnd {
		index[d.Key(k)] = d.KeyRows(k)
	}
	want := map[string][]int32{
		"pakistan":                     {0},
		"islamic republic of pakistan": {0},
		"hyderabad":                    {1, 2, 4},
		"durand line":                  {3},
		"jalalabad":                    {4},
		"leading zero":                 {5},
	}
	if len(index) != len(want) {
		t.Errorf("index has %d keys, want %d: %v", len(index), len(want), index)
	}
	for k, l := range want {
		if !slices.Equal(index[k], l) {
			t.Errorf("index[%q] = %v, want %v", k, index[k], l)
		}
	}
}

func TestReadWithoutSize(t *testing.T) {
	file := write(t, rows)
	d0, err := Read(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	zw := gzip.NewWriter(&plain)
	zw.Write(raw)
	zw.Close()
	d1, err := Read(&plain)
	if err != nil {
		t.Fatal(err)
	}
	if d1.Names != d0.Names || d1.Keys != d0.Keys || !slices.Equal(d1.Rows, d0.Rows) {
		t.Error("a file without the size field reads differently")
	}
}

func TestDamaged(t *testing.T) {
	file := write(t, rows)
	zr, err := gzip.NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Decode(raw); err != nil {
		t.Fatal(err)
	}
	for n := range len(raw) {
		if _, err := Decode(raw[:n]); err == nil {
			t.Errorf("Decode of the first %d bytes: no error", n)
		}
	}
	if _, err := Decode(append(raw[:len(raw):len(raw)], 0)); err == nil {
		t.Error("Decode with a trailing byte: no error")
	}
	// Damaged bytes must give an error or a decoding, never a panic.
	rng := rand.New(rand.NewSource(1))
	for range 2000 {
		b := slices.Clone(raw)
		for range 1 + rng.Intn(3) {
			b[len(Magic)+rng.Intn(len(b)-len(Magic))] = byte(rng.Intn(256))
		}
		_, _ = Decode(b)
	}
	if _, err := Read(bytes.NewReader(file[:len(file)/2])); err == nil {
		t.Error("Read of half a file: no error")
	}
	if _, err := Read(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("Read of garbage: no error")
	}
}
