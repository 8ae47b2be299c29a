package render

import (
	"image"
	"image/color"
	"math"

	"codeberg.org/go-pdf/fpdf"
	xfont "golang.org/x/image/font"
	plotfont "gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfCanvas is a gonum/plot canvas that draws into a box of the report's
// PDF, as vectors, with the report's embedded Liberation Serif: figures
// are sharp at any zoom and their labels are text. It follows
// gonum.org/v1/plot/vg/vgpdf, which draws into a PDF of its own.
type pdfCanvas struct {
	f      *fpdf.Fpdf
	family string // the report's embedded font
	w, h   vg.Length
	width  []vg.Length // line width, a stack for Push and Pop
}

// newPDFCanvas opens a canvas of w × h mm whose top left corner is at
// (x, y) on the current page. Close it before drawing anything else.
func newPDFCanvas(f *fpdf.Fpdf, family string, x, y, w, h float64) *pdfCanvas {
	c := &pdfCanvas{f: f, family: family, w: vg.Length(w) * vg.Millimeter, h: vg.Length(h) * vg.Millimeter, width: []vg.Length{vg.Points(1)}}
	resetPen(f)
	f.TransformBegin()
	// gonum/plot draws with y up from the bottom left corner.
	f.TransformTranslate(x, y+h)
	f.TransformScale(100, -100, 0, 0)
	f.SetLineWidth(c.unit(vg.Points(1)))
	return c
}

// Close ends the canvas's transforms and leaves the pen as the rest of the
// document expects it.
func (c *pdfCanvas) Close() {
	c.f.TransformEnd()
	resetPen(c.f)
}

// resetPen sets black, a solid line and fpdf's default width, so that
// fpdf's idea of the graphics state is the state itself on both sides of
// a canvas.
func resetPen(f *fpdf.Fpdf) {
	f.SetDrawColor(0, 0, 0)
	f.SetFillColor(0, 0, 0)
	f.SetTextColor(0, 0, 0)
	f.SetDashPattern([]float64{}, 0)
	f.SetLineWidth(0.2)
}

func (c *pdfCanvas) unit(l vg.Length) float64 { return float64(l / vg.Millimeter) }

func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.width[len(c.width)-1] = w
	if w > 0 {
		c.f.SetLineWidth(c.unit(w))
	}
}

func (c *pdfCanvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = c.unit(d)
	}
	c.f.SetDashPattern(ds, c.unit(offs))
}

func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, _ := clr.RGBA()
	c.f.SetDrawColor(int(r>>8), int(g>>8), int(b>>8))
	c.f.SetFillColor(int(r>>8), int(g>>8), int(b>>8))
	c.f.SetTextColor(int(r>>8), int(g>>8), int(b>>8))
}

func (c *pdfCanvas) Rotate(r float64) { c.f.TransformRotate(-r*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(pt vg.Point) { c.f.TransformTranslate(c.unit(pt.X), c.unit(pt.Y)) }

func (c *pdfCanvas) Scale(x, y float64) { c.f.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.width = append(c.width, c.width[len(c.width)-1])
	c.f.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.f.TransformEnd()
	c.width = c.width[:len(c.width)-1]
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.width[len(c.width)-1] > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

// FillString writes text with its baseline's left end at pt, in the
// report's Liberation Serif (gonum/plot measured it with the same font).
func (c *pdfCanvas) FillString(fnt plotfont.Face, pt vg.Point, text string) {
	if fnt.Font.Size == 0 {
		return
	}
	style := ""
	if fnt.Font.Weight == xfont.WeightBold {
		style += "B"
	}
	if fnt.Font.Style == xfont.StyleItalic {
		style += "I"
	}
	text = Clean(text)
	c.f.SetFont(c.family, style, fnt.Font.Size.Points())
	c.Push()
	defer c.Pop()
	c.Translate(pt)
	c.Scale(1, -1) // text upright again
	_, h := c.f.GetFontSize()
	d := c.f.GetFontDesc(c.family, style)
	top := -float64(d.Ascent) * h / float64(d.Ascent-d.Descent)
	c.f.MoveTo(-c.f.GetCellMargin(), top)
	c.f.CellFormat(c.f.GetStringWidth(text), h, text, "", 0, "BL", false, 0, "")
}

// DrawImage is not used by the report's figures.
func (c *pdfCanvas) DrawImage(vg.Rectangle, image.Image) {}

func (c *pdfCanvas) path(path vg.Path, style string) {
	var x, y float64
	for _, comp := range path {
		switch comp.Type {
		case vg.MoveComp:
			x, y = c.unit(comp.Pos.X), c.unit(comp.Pos.Y)
			c.f.MoveTo(x, y)
		case vg.LineComp:
			c.f.LineTo(c.unit(comp.Pos.X), c.unit(comp.Pos.Y))
		case vg.ArcComp:
			c.arc(comp)
		case vg.CurveComp:
			px, py := c.unit(comp.Pos.X), c.unit(comp.Pos.Y)
			switch len(comp.Control) {
			case 1:
				c.f.CurveTo(c.unit(comp.Control[0].X), c.unit(comp.Control[0].Y), px, py)
			case 2:
				c.f.CurveBezierCubicTo(c.unit(comp.Control[0].X), c.unit(comp.Control[0].Y),
					c.unit(comp.Control[1].X), c.unit(comp.Control[1].Y), px, py)
			}
		case vg.CloseComp:
			c.f.LineTo(x, y)
			c.f.ClosePath()
		}
	}
	c.f.DrawPath(style)
}

func (c *pdfCanvas) arc(comp vg.PathComp) {
	const deg = 180 / math.Pi
	r := c.unit(comp.Radius)
	beg := comp.Start * deg
	c.f.ArcTo(c.unit(comp.Pos.X), c.unit(comp.Pos.Y), r, r, 0, beg, beg+comp.Angle*deg)
}
