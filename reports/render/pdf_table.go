package render

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

func (p *pdfDoc) orientation() string {
	if p.width > contentW {
		return "L"
	}
	return "P"
}

// column of a PDF table.
type column struct {
	title string
	width float64 // mm
	align string  // "L", "C", "R"
}

// table draws a table whose cells wrap and whose header row is repeated on
// each new page.
func (p *pdfDoc) table(cols []column, rows [][]string) {
	p.need(3 * tableLine)
	p.tableHeader(cols)
	for _, r := range rows {
		p.font("", tableSize)
		lines := make([][]string, len(cols))
		h := 0.0
		for i, c := range cols {
			lines[i] = p.f.SplitText(Clean(r[i]), c.width-2)
			h = max(h, float64(len(lines[i]))*tableLine+2*cellPadY)
		}
		if p.f.GetY()+h > p.height-marginB {
			p.f.AddPageFormat(p.orientation(), fpdf.SizeType{Wd: pageW, Ht: pageH})
			p.f.SetY(marginT)
			p.tableHeader(cols)
			p.font("", tableSize)
		}
		p.cells(cols, lines, h, "")
	}
	p.f.SetY(p.f.GetY() + paraAfter)
}

func (p *pdfDoc) tableHeader(cols []column) {
	p.font("B", tableSize)
	lines := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		lines[i] = p.f.SplitText(c.title, c.width-2)
		h = max(h, float64(len(lines[i]))*tableLine+2*cellPadY)
	}
	p.cells(cols, lines, h, "C")
}

// cells draws one row of bordered cells of height h.
func (p *pdfDoc) cells(cols []column, lines [][]string, h float64, align string) {
	x, y := marginL, p.f.GetY()
	p.f.SetLineWidth(0.2)
	for i, c := range cols {
		p.f.Rect(x, y, c.width, h, "D")
		a := align
		if a == "" {
			a = c.align
		}
		for k, l := range lines[i] {
			p.f.SetXY(x+1, y+cellPadY+float64(k)*tableLine)
			p.f.CellFormat(c.width-2, tableLine, strings.TrimSpace(l), "", 0, a, false, 0, "")
		}
		x += c.width
	}
	p.f.SetXY(marginL, y+h)
}
