package geo

import "testing"

func TestNames(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n, kabul := 0, false
	g.Names(func(name, kind string, pop int) {
		n++
		kabul = kabul || name == "Kabul" && kind == City && pop > 1000000
	})
	if n != g.Len() || !kabul {
		t.Errorf("%d names of %d, Kabul found: %v", n, g.Len(), kabul)
	}
}
