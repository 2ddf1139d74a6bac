package geo

// Names calls fn with the name, kind and population of every entry, in
// file order. It serves build commands that need the gazetteer's words
// (extract/truecase/gen builds its casing lexicon with it).
func (g *Gazetteer) Names(fn func(name, kind string, population int)) {
	for i := range int32(g.d.Len()) {
		fn(g.d.Name(i), g.kind(i), g.pop(i))
	}
}
