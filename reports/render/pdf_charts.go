package render

import (
	"fmt"
	"image/color"

	"github.com/mn2010/baocao/reports/indicators"
	"gonum.org/v1/plot"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Figures of the PDF's "Biểu đồ" page, in mm.
const (
	figureW, figureH = 76.0, 38.0
	figureStep       = figureH + 16 // caption and legend above, the note on gaps below
	figureGapX       = contentW - 2*figureW
	captionSize      = 10.0
)

// ChartsHeading heads the PDF's page of figures.
const ChartsHeading = "BIỂU ĐỒ"

// charts draws the page of figures: for each ratio indicator with a
// monthly series, its title, a legend and a figure of its monthly values
// against the target, drawn by gonum/plot as vectors in Liberation Serif.
// A month without cases is a gap in the line, never a zero. An error is
// fpdf's: Output returns it.
func (p *pdfDoc) charts() {
	d := p.doc
	series := d.Outcome.Series
	if len(series) == 0 {
		return
	}
	plots := make([]*plot.Plot, len(series))
	for i, s := range series {
		var err error
		if plots[i], err = figure(s, d.Period.Year); err != nil {
			p.f.SetError(fmt.Errorf("render: figure %s: %w", s.ID, err))
			return
		}
	}
	for i, s := range series {
		if i%2 == 0 {
			p.need(figureStep)
		}
		x := marginL + float64(i%2)*(figureW+figureGapX)
		top := p.f.GetY()
		p.figure(x, top, s, plots[i])
		if i%2 == 1 || i == len(series)-1 {
			p.f.SetY(top + figureStep)
		} else {
			p.f.SetY(top)
		}
	}
}

// figure places one figure under its caption (two lines at most) and a
// legend, both written as PDF text.
func (p *pdfDoc) figure(x, y float64, s indicators.Series, pl *plot.Plot) {
	f := p.f
	p.font("B", captionSize)
	lines := f.SplitText(Clean(ChartTitle(s)), figureW)
	if len(lines) > 2 {
		lines = lines[:2]
	}
	for k, l := range lines {
		f.SetXY(x, y+float64(k)*4.2)
		f.CellFormat(figureW, 4.2, l, "", 0, "C", false, 0, "")
	}
	ly := y + 9.5
	p.font("", 8.5)
	f.SetLineWidth(0.35)
	f.Line(x+4, ly+1.6, x+12, ly+1.6)
	f.Circle(x+8, ly+1.6, 0.7, "F")
	f.SetXY(x+13, ly)
	f.CellFormat(25, 3.2, chartValueLegend, "", 0, "L", false, 0, "")
	f.SetDashPattern([]float64{1.5, 1}, 0)
	f.SetDrawColor(89, 89, 89)
	f.Line(x+38, ly+1.6, x+46, ly+1.6)
	f.SetDashPattern([]float64{}, 0)
	f.SetDrawColor(0, 0, 0)
	f.SetXY(x+47, ly)
	f.CellFormat(33, 3.2, Clean(TargetLegend(s)), "", 0, "L", false, 0, "")
	c := newPDFCanvas(f, p.family, x, y+13, figureW, figureH)
	pl.Draw(draw.New(c))
	c.Close()
	if note := GapNote(s); note != "" {
		p.font("I", 8.5)
		f.SetXY(x, y+13+figureH+0.3)
		f.CellFormat(figureW, 3.2, Clean(note), "", 0, "C", false, 0, "")
	}
}

// figure plots a series: the months on the x axis, a percent y axis, the
// values as a black line with dots broken where a month has no value, the
// target as a grey dashed line. No title or legend: the PDF writes them.
func figure(s indicators.Series, year int) (*plot.Plot, error) {
	pl := plot.New()
	pl.BackgroundColor = color.White
	small := func(size float64) plotfont.Font { return plotfont.From(plot.DefaultFont, vg.Points(size)) }
	pl.X.Label.Text = ChartXTitle(year)
	pl.Y.Label.Text = chartYTitle
	pl.X.Label.TextStyle.Font, pl.Y.Label.TextStyle.Font = small(8), small(8)
	pl.X.Tick.Label.Font, pl.Y.Tick.Label.Font = small(7), small(7)
	n := len(s.Points)
	pl.X.Min, pl.X.Max = 0.5, float64(n)+0.5
	pl.Y.Min, pl.Y.Max = axisFloor(s), 1
	var months plot.ConstantTicks
	for i, pt := range s.Points {
		months = append(months, plot.Tick{Value: float64(i + 1), Label: pt.Period[len(pt.Period)-2:]})
	}
	pl.X.Tick.Marker = months
	pl.Y.Tick.Marker = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ticks []plot.Tick
		for v := 0; v <= 10; v++ {
			if f := float64(v) / 10; f >= lo-1e-9 && f <= hi+1e-9 {
				ticks = append(ticks, plot.Tick{Value: f, Label: pctTick(f)})
			}
		}
		return ticks
	})
	pl.Add(plotter.NewGrid())
	target, err := plotter.NewLine(plotter.XYs{{X: 0.5, Y: s.Target}, {X: float64(n) + 0.5, Y: s.Target}})
	if err != nil {
		return nil, err
	}
	target.LineStyle = draw.LineStyle{Color: color.Gray{Y: 89}, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(2.5)}}
	pl.Add(target)
	// One line per run of months with a value: a month without breaks it.
	var run, all plotter.XYs
	flush := func() error {
		if len(run) > 1 {
			l, err := plotter.NewLine(run)
			if err != nil {
				return err
			}
			l.LineStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(1.2)}
			pl.Add(l)
		}
		run = nil
		return nil
	}
	for i, pt := range s.Points {
		if pt.Value == nil {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		xy := plotter.XY{X: float64(i + 1), Y: *pt.Value}
		run, all = append(run, xy), append(all, xy)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(all) > 0 {
		sc, err := plotter.NewScatter(all)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
		pl.Add(sc)
	}
	return pl, nil
}
