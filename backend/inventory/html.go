package inventory

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
	"sync"

	"proofkeys/backend/apikey"
)

//go:embed report.html.tmpl
var reportHTML string

// page is the HTML report's template. html/template escapes every value, so a key's
// name is shown as text whatever it holds. It is parsed at its first use rather than when
// the program starts: every command of the binary would pay for it (0.3 ms), and only the
// HTML export uses it.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"date":  apikey.Readable,
		"words": words,
	}).Parse(reportHTML))
})

// WriteHTML writes the report as one self-contained page: inline styles, the chart as
// inline SVG, no script and nothing fetched, so it opens offline in any browser and can
// be mailed to an auditor. Its Content-Security-Policy forbids scripts outright.
func WriteHTML(w io.Writer, r Report) error {
	names := make(map[string]string, len(r.Rows))
	for _, row := range r.Rows {
		names[row.ID] = row.Name + " (" + row.Key + ")" // two keys may share a name: the hint tells them apart
	}
	return page().Execute(w, struct {
		Report
		Plot  plot
		Names map[string]string
	}{r, plotOf(r.Chart), names})
}

// words turns a rotation such as due_soon into "due soon".
func words(r Rotation) string { return strings.ReplaceAll(string(r), "_", " ") }

// plot is the chart's geometry in SVG units.
type plot struct {
	Width, Height, Left, Bottom, Top int
	Base                             int // the y of the axis
	Bars                             []bar
	Ticks                            []tick
	PolicyX                          int // 0: no policy line
	PolicyDays                       int
}

type bar struct {
	X, Y, W, H, Mid int
	Band
}

type tick struct {
	Y     int
	Value int
}

func plotOf(c Chart) plot {
	p := plot{Width: 640, Height: 260, Left: 48, Bottom: 40, Top: 24, PolicyDays: c.PolicyDays}
	inner := p.Height - p.Bottom - p.Top
	p.Base = p.Top + inner
	scale := c.Ceil()
	step := (p.Width - p.Left - 8) / max(1, len(c.Bands))
	for i, b := range c.Bands {
		h := b.Count * inner / scale
		x := p.Left + i*step + step/8
		p.Bars = append(p.Bars, bar{X: x, Y: p.Top + inner - h, W: step * 3 / 4, H: h, Mid: x + step*3/8, Band: b})
		if b.Overdue && p.PolicyX == 0 {
			p.PolicyX = p.Left + i*step
		}
	}
	for _, v := range []int{0, scale / 2, scale} {
		p.Ticks = append(p.Ticks, tick{Y: p.Top + inner - v*inner/scale, Value: v})
	}
	return p
}
