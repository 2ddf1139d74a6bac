package main

// Representative points of countries and provinces.
//
// A country is placed at the centroid of its largest landmass in Natural
// Earth's 1:50m Admin 0 polygons (npm world-atlas, countries-50m.json),
// or, when that centroid falls outside the landmass, at the point of the
// landmass farthest from its border. Which polygon is which country is
// decided by the GeoNames towns inside it, not by name or code tables: a
// country owns the polygon that holds most of its towns, if its towns are
// the most numerous there. A country that owns no polygon (Guadeloupe
// inside France's, the Vatican inside Italy's) and every province is
// placed at its settled centre: the town of the area nearest to the mean
// position of the area's towns, so that the point lies in the area and is
// not its capital unless the capital is central.

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
)

type pt struct{ lon, lat float64 }

// ring is a closed ring of points (first point not repeated at the end).
type ring []pt

// polygon is an outer ring and its holes.
type polygon []ring

// feature is one country of the Natural Earth file.
type feature struct {
	name  string
	parts []polygon
}

// readTopoJSON decodes the countries of a world-atlas TopoJSON file:
// quantized, delta-encoded arcs referenced by index (~i for arc i
// reversed).
func readTopoJSON(path string) ([]feature, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var topo struct {
		Transform struct {
			Scale     [2]float64 `json:"scale"`
			Translate [2]float64 `json:"translate"`
		} `json:"transform"`
		Arcs    [][][2]int64 `json:"arcs"`
		Objects struct {
			Countries struct {
				Geometries []struct {
					Type       string          `json:"type"`
					Arcs       json.RawMessage `json:"arcs"`
					Properties struct {
						Name string `json:"name"`
					} `json:"properties"`
				} `json:"geometries"`
			} `json:"countries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal(b, &topo); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	arcs := make([][]pt, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y int64
		line := make([]pt, len(a))
		for j, d := range a {
			x += d[0]
			y += d[1]
			line[j] = pt{
				lon: float64(x)*topo.Transform.Scale[0] + topo.Transform.Translate[0],
				lat: float64(y)*topo.Transform.Scale[1] + topo.Transform.Translate[1],
			}
		}
		arcs[i] = line
	}
	mkRing := func(refs []int) ring {
		var r ring
		for k, ref := range refs {
			var line []pt
			if ref >= 0 {
				line = arcs[ref]
			} else {
				src := arcs[^ref]
				line = make([]pt, len(src))
				for i := range src {
					line[i] = src[len(src)-1-i]
				}
			}
			if k > 0 && len(line) > 0 {
				line = line[1:] // shared with the previous arc's end
			}
			r = append(r, line...)
		}
		if n := len(r); n > 1 && r[0] == r[n-1] {
			r = r[:n-1]
		}
		return r
	}
	mkPolygon := func(rings [][]int) polygon {
		var p polygon
		for _, refs := range rings {
			p = append(p, mkRing(refs))
		}
		return p
	}
	var out []feature
	for _, g := range topo.Objects.Countries.Geometries {
		f := feature{name: g.Properties.Name}
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, f.name, err)
			}
			f.parts = []polygon{mkPolygon(rings)}
		case "MultiPolygon":
			var polys [][][]int
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, f.name, err)
			}
			for _, rings := range polys {
				f.parts = append(f.parts, mkPolygon(rings))
			}
		default:
			continue
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no countries", path)
	}
	return out, nil
}

// inRing reports whether p lies inside r (even-odd rule).
func inRing(r ring, p pt) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.lat > p.lat) != (b.lat > p.lat) &&
			p.lon < (b.lon-a.lon)*(p.lat-a.lat)/(b.lat-a.lat)+a.lon {
			in = !in
		}
	}
	return in
}

// inPolygon reports whether p lies inside the outer ring and outside the
// holes.
func inPolygon(poly polygon, p pt) bool {
	if len(poly) == 0 || !inRing(poly[0], p) {
		return false
	}
	for _, h := range poly[1:] {
		if inRing(h, p) {
			return false
		}
	}
	return true
}

type bbox struct{ minLon, minLat, maxLon, maxLat float64 }

func ringBox(r ring) bbox {
	b := bbox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range r {
		b.minLon, b.maxLon = math.Min(b.minLon, p.lon), math.Max(b.maxLon, p.lon)
		b.minLat, b.maxLat = math.Min(b.minLat, p.lat), math.Max(b.maxLat, p.lat)
	}
	return b
}

func (b bbox) has(p pt) bool {
	return p.lon >= b.minLon && p.lon <= b.maxLon && p.lat >= b.minLat && p.lat <= b.maxLat
}

// area returns the area of a ring in square degrees of longitude scaled
// by the cosine of latitude (proportional to the area on the sphere for
// small rings), and the centroid in the same projection, in degrees.
func area(r ring) (float64, pt) {
	var a, cx, cy float64
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		// Project each point: x = lon·cos(lat), y = lat.
		x0, y0 := r[j].lon*math.Cos(r[j].lat*math.Pi/180), r[j].lat
		x1, y1 := r[i].lon*math.Cos(r[i].lat*math.Pi/180), r[i].lat
		c := x0*y1 - x1*y0
		a += c
		cx += (x0 + x1) * c
		cy += (y0 + y1) * c
	}
	if a == 0 {
		return 0, r[0]
	}
	cx /= 3 * a
	cy /= 3 * a
	lon := cx / math.Cos(cy*math.Pi/180)
	return math.Abs(a / 2), pt{lon: lon, lat: cy}
}

// polyArea is the area of the outer ring less the holes', with the
// centroid of the whole.
func polyArea(poly polygon) (float64, pt) {
	a, c := area(poly[0])
	sx, sy := a*c.lon, a*c.lat
	total := a
	for _, h := range poly[1:] {
		ha, hc := area(h)
		total -= ha
		sx -= ha * hc.lon
		sy -= ha * hc.lat
	}
	if total <= 0 {
		return a, c
	}
	return total, pt{lon: sx / total, lat: sy / total}
}

// interior returns the point of poly farthest from its border, found on
// grids of decreasing step around the best point so far.
func interior(poly polygon) pt {
	b := ringBox(poly[0])
	best, bestD := poly[0][0], -1.0
	cx, cy := (b.minLon+b.maxLon)/2, (b.minLat+b.maxLat)/2
	w, h := b.maxLon-b.minLon, b.maxLat-b.minLat
	for round := 0; round < 6; round++ {
		const n = 24
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				p := pt{lon: cx - w/2 + w*float64(i)/n, lat: cy - h/2 + h*float64(j)/n}
				if !inPolygon(poly, p) {
					continue
				}
				if d := borderDistance(poly, p); d > bestD {
					best, bestD = p, d
				}
			}
		}
		cx, cy = best.lon, best.lat
		w, h = w/4, h/4
	}
	return best
}

// borderDistance is the distance from p to the nearest edge of poly, in
// degrees of latitude (longitude scaled by the cosine of p's latitude).
func borderDistance(poly polygon, p pt) float64 {
	k := math.Cos(p.lat * math.Pi / 180)
	best := math.Inf(1)
	for _, r := range poly {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			ax, ay := (r[j].lon-p.lon)*k, r[j].lat-p.lat
			bx, by := (r[i].lon-p.lon)*k, r[i].lat-p.lat
			dx, dy := bx-ax, by-ay
			t := 0.0
			if l := dx*dx + dy*dy; l > 0 {
				t = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l))
			}
			x, y := ax+t*dx, ay+t*dy
			best = math.Min(best, x*x+y*y)
		}
	}
	return math.Sqrt(best)
}

// countryPoints returns the representative point of each country code
// that owns a Natural Earth polygon (see the file comment), and the name
// of the polygon for the build log.
func countryPoints(features []feature, cities []city) (map[string]pt, map[string]string) {
	type part struct {
		f     int
		poly  polygon
		box   bbox
		area  float64
		towns map[string]int
	}
	var parts []*part
	largest := map[int]*part{}
	for fi, f := range features {
		for _, poly := range f.parts {
			if len(poly) == 0 || len(poly[0]) < 3 {
				continue
			}
			a, _ := polyArea(poly)
			p := &part{f: fi, poly: poly, box: ringBox(poly[0]), area: a, towns: map[string]int{}}
			parts = append(parts, p)
			if l := largest[fi]; l == nil || a > l.area {
				largest[fi] = p
			}
		}
	}
	// Count each country's towns in each feature.
	byFeature := make([]map[string]int, len(features))
	for i := range byFeature {
		byFeature[i] = map[string]int{}
	}
	for i := range cities {
		c := &cities[i]
		p := pt{lon: c.lon, lat: c.lat}
		for _, pa := range parts {
			if pa.box.has(p) && inPolygon(pa.poly, p) {
				pa.towns[c.cc]++
				byFeature[pa.f][c.cc]++
				break
			}
		}
	}
	// A feature belongs to the country with the most towns in it.
	owner := make([]string, len(features))
	for fi, counts := range byFeature {
		bestN := 0
		for _, cc := range sortedKeys(counts) {
			if counts[cc] > bestN {
				owner[fi], bestN = cc, counts[cc]
			}
		}
	}
	// A country takes the feature it owns that holds most of its towns.
	chosen := map[string]int{}
	for fi, cc := range owner {
		if cc == "" {
			continue
		}
		if old, ok := chosen[cc]; !ok || byFeature[fi][cc] > byFeature[old][cc] {
			chosen[cc] = fi
		}
	}
	points := map[string]pt{}
	names := map[string]string{}
	for cc, fi := range chosen {
		l := largest[fi]
		if l == nil {
			continue
		}
		_, c := polyArea(l.poly)
		if !inPolygon(l.poly, c) {
			c = interior(l.poly)
		}
		points[cc] = c
		names[cc] = features[fi].name
	}
	return points, names
}

// settledCentre returns the town of towns nearest to their mean position.
func settledCentre(towns []*city) pt {
	var sx, sy float64
	for _, c := range towns {
		sx += c.lon
		sy += c.lat
	}
	m := pt{lon: sx / float64(len(towns)), lat: sy / float64(len(towns))}
	k := math.Cos(m.lat * math.Pi / 180)
	best, bestD := towns[0], math.Inf(1)
	for _, c := range towns {
		dx, dy := (c.lon-m.lon)*k, c.lat-m.lat
		if d := dx*dx + dy*dy; d < bestD || d == bestD && c.id < best.id {
			best, bestD = c, d
		}
	}
	return pt{lon: best.lon, lat: best.lat}
}

// sortTowns orders towns by id, so that means do not depend on input order.
func sortTowns(ts []*city) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].id < ts[j].id })
}
