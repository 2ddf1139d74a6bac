package ui

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/connect"
)

// worldmap.txt holds the country outlines of the incidents map, written
// by ui/gen/worldmap from Natural Earth data (see docs/ui.md).
//
//go:embed worldmap.txt
var worldmapData string

// Map units of worldmap.txt: x = lon·cos(30°)·mapScale, y = −lat·mapScale.
const mapScale = 20

var mapCos = math.Cos(30 * math.Pi / 180)

// mapAttribution is shown on every map.
const mapAttribution = "Country outlines: Natural Earth (public domain), via world-atlas"

type country struct {
	name string
	box  [4]float64 // minx, miny, maxx, maxy in map units
	path string
}

type worldMap struct{ countries []country }

func loadWorldMap() (*worldMap, error) {
	w := &worldMap{}
	for n, line := range strings.Split(worldmapData, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("ui: worldmap.txt:%d: want 3 fields", n+1)
		}
		c := country{name: f[0], path: f[2]}
		for i, v := range strings.Split(f[1], ",") {
			if i > 3 {
				break
			}
			x, err := strconv.Atoi(v)
			if err != nil {
				return nil, fmt.Errorf("ui: worldmap.txt:%d: %w", n+1, err)
			}
			c.box[i] = float64(x)
		}
		w.countries = append(w.countries, c)
	}
	if len(w.countries) == 0 {
		return nil, fmt.Errorf("ui: worldmap.txt has no countries")
	}
	return w, nil
}

func project(lat, lon float64) (x, y float64) { return lon * mapCos * mapScale, -lat * mapScale }

// mapPoint is an incident on the map.
type mapPoint struct {
	Lat, Lon float64
	Killed   int
	Title    string
	URL      string
}

// mapWidth is the width in CSS pixels the map is drawn for; circle sizes
// and strokes are set for it.
const mapWidth = 960

// render draws the map as inline SVG: the countries in view, the points
// as circles with area proportional to the killed (a point with none is
// a small dot), each linked to its row. The view is the points' extent,
// padded and at least 14° wide, at a 2:1 ratio; with no points, or points
// all over the world, the whole world.
func (w *worldMap) render(points []mapPoint) template.HTML {
	minx, miny, maxx, maxy := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range points {
		x, y := project(p.Lat, p.Lon)
		minx, miny, maxx, maxy = math.Min(minx, x), math.Min(miny, y), math.Max(maxx, x), math.Max(maxy, y)
	}
	world := [4]float64{-180 * mapCos * mapScale, -84 * mapScale, 180 * mapCos * mapScale, 60 * mapScale}
	if len(points) == 0 || maxx-minx > 0.6*(world[2]-world[0]) {
		minx, miny, maxx, maxy = world[0], world[1], world[2], world[3]
	} else {
		pad := 3.0 * mapScale
		minx, miny, maxx, maxy = minx-pad, miny-pad, maxx+pad, maxy+pad
		if min := 14.0 * mapScale; maxx-minx < min {
			c := (minx + maxx) / 2
			minx, maxx = c-min/2, c+min/2
		}
	}
	// A 2:1 view: widen or heighten around the centre.
	wdt, hgt := maxx-minx, maxy-miny
	if wdt < 2*hgt {
		c := (minx + maxx) / 2
		wdt = 2 * hgt
		minx, maxx = c-wdt/2, c+wdt/2
	} else {
		c := (miny + maxy) / 2
		hgt = wdt / 2
		miny, maxy = c-hgt/2, c+hgt/2
	}
	px := wdt / mapWidth // map units per pixel
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="map" viewBox="%.1f %.1f %.1f %.1f" role="img" aria-label="Map of the incidents">`, minx, miny, wdt, hgt)
	// The sea covers more than the view, so that a box wider than 2:1
	// shows no gap.
	fmt.Fprintf(&b, `<rect class="sea" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, minx-wdt, miny-hgt, 3*wdt, 3*hgt)
	b.WriteString(`<g class="land">`)
	for _, c := range w.countries {
		if c.box[2] < minx || c.box[0] > maxx || c.box[3] < miny || c.box[1] > maxy {
			continue
		}
		fmt.Fprintf(&b, `<path d="%s"><title>%s</title></path>`, c.path, html.EscapeString(c.name))
	}
	b.WriteString(`</g><g class="points">`)
	// Big circles first, so that small ones stay clickable on top.
	sorted := append([]mapPoint(nil), points...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Killed > sorted[j].Killed })
	for _, p := range sorted {
		x, y := project(p.Lat, p.Lon)
		r := (3 + 2.5*math.Sqrt(float64(p.Killed))) * px
		cls := "pt"
		if p.Killed == 0 {
			cls = "pt none"
		}
		fmt.Fprintf(&b, `<a href="%s"><circle class="%s" cx="%.1f" cy="%.1f" r="%.2f" stroke-width="%.2f"><title>%s</title></circle></a>`,
			html.EscapeString(p.URL), cls, x, y, r, px, html.EscapeString(p.Title))
	}
	b.WriteString(`</g>`)
	fmt.Fprintf(&b, `<text class="attribution" x="%.1f" y="%.1f" font-size="%.2f" text-anchor="end">%s</text>`,
		maxx-6*px, maxy-6*px, 11*px, html.EscapeString(mapAttribution))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// monthCount is one month of the incidents chart.
type monthCount struct {
	Month     string // "2024-06"
	Incidents int
	Killed    int
}

// incidentMonths counts merged incidents and their best killed estimate
// by month of the incident's date, every month between the first and the
// last (at most the latest maxMonths); incidents dated only to a year are
// left out, and their number returned.
func incidentMonths(ms []connect.MergedIncident, maxMonths int) ([]monthCount, int) {
	by := map[string]*monthCount{}
	coarse := 0
	for i := range ms {
		m := monthOf(ms[i].Date)
		if m == "" {
			coarse++
			continue
		}
		c := by[m]
		if c == nil {
			c = &monthCount{Month: m}
			by[m] = c
		}
		c.Incidents++
		if ms[i].Killed != nil {
			c.Killed += ms[i].Killed.Best
		}
	}
	if len(by) == 0 {
		return nil, coarse
	}
	var keys []string
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	first, _ := time.Parse("2006-01", keys[0])
	last, _ := time.Parse("2006-01", keys[len(keys)-1])
	var out []monthCount
	for t := last; !t.Before(first) && len(out) < maxMonths; t = t.AddDate(0, -1, 0) {
		k := t.Format("2006-01")
		if c := by[k]; c != nil {
			out = append(out, *c)
		} else {
			out = append(out, monthCount{Month: k})
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, coarse
}

// monthOf is the month of an ISO date at day, week or month precision.
func monthOf(d string) string {
	switch {
	case len(d) == 10 && d[4] == '-' && d[7] == '-', len(d) == 7 && d[4] == '-':
		return d[:7]
	case len(d) == 8 && d[4] == '-' && d[5] == 'W':
		y, err1 := strconv.Atoi(d[:4])
		wk, err2 := strconv.Atoi(d[6:])
		if err1 != nil || err2 != nil {
			return ""
		}
		// The Thursday of ISO week wk lies in the week's month by majority.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(wk-1))
		return mon.AddDate(0, 0, 3).Format("2006-01")
	}
	return ""
}

// monthChart draws incidents and killed by month as two bar rows sharing
// the months' axis.
func monthChart(months []monthCount) template.HTML {
	if len(months) == 0 {
		return ""
	}
	const left, top, rowH, gap, bottom = 70.0, 10.0, 90.0, 28.0, 40.0
	barW := math.Max(4, math.Min(36, 860/float64(len(months))))
	width := left + barW*float64(len(months)) + 20
	height := top + 2*rowH + gap + bottom
	maxI, maxK := 1, 1
	for _, m := range months {
		maxI, maxK = max(maxI, m.Incidents), max(maxK, m.Killed)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" width="%.0f" role="img" aria-label="Incidents and killed by month">`, width, height, width)
	row := func(y0 float64, label string, val func(monthCount) int, maxV int, cls string) {
		fmt.Fprintf(&b, `<text class="axis" x="%.0f" y="%.0f" text-anchor="end">%s</text>`, left-8, y0+12, label)
		fmt.Fprintf(&b, `<text class="axis" x="%.0f" y="%.0f" text-anchor="end">max %d</text>`, left-8, y0+26, maxV)
		fmt.Fprintf(&b, `<line class="base" x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f"/>`, left, y0+rowH, width-20, y0+rowH)
		for i, m := range months {
			v := val(m)
			if v == 0 {
				continue
			}
			h := math.Max(1, rowH*float64(v)/float64(maxV))
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d %s</title></rect>`,
				cls, left+barW*float64(i)+1, y0+rowH-h, barW-2, h, m.Month, v, strings.ToLower(label))
		}
	}
	row(top, "Incidents", func(m monthCount) int { return m.Incidents }, maxI, "bar-i")
	row(top+rowH+gap, "Killed", func(m monthCount) int { return m.Killed }, maxK, "bar-k")
	step := max(1, int(math.Ceil(48/barW)))
	for i, m := range months {
		if i%step != 0 {
			continue
		}
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%.0f" text-anchor="middle">%s</text>`, left+barW*(float64(i)+0.5), height-bottom+18, m.Month)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// sparkline draws an entity's mentions by month as small bars.
func sparkline(months []string, values []int) template.HTML {
	if len(values) == 0 {
		return ""
	}
	const h = 40.0
	w := math.Max(4, math.Min(16, 600/float64(len(values))))
	maxV := 1
	for _, v := range values {
		maxV = max(maxV, v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="Mentions by month">`, w*float64(len(values)), h, w*float64(len(values)), h)
	for i, v := range values {
		bh := math.Max(1, h*float64(v)/float64(maxV))
		if v == 0 {
			bh = 0.5
		}
		fmt.Fprintf(&b, `<rect class="bar-i" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s: %d</title></rect>`, w*float64(i)+0.5, h-bh, w-1, bh, html.EscapeString(months[i]), v)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
