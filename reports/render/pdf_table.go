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
//
// A header never stands alone at the foot of a page: it starts on a page
// where at least two of its rows (or all, when fewer) fit below it.
func (p *pdfDoc) table(cols []column, rows [][]string) {
	keep := p.headerHeight(cols)
	for _, r := range rows[:min(2, len(rows))] {
		_, h := p.rowLines(cols, r)
		keep += h
	}
	p.need(keep)
	p.tableHeader(cols)
	for _, r := range rows {
		lines, h := p.rowLines(cols, r)
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

// rowLines breaks a row's cells into lines and gives the row's height;
// it leaves the table's regular font set.
func (p *pdfDoc) rowLines(cols []column, r []string) ([][]string, float64) {
	p.font("", tableSize)
	lines := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		lines[i] = p.f.SplitText(Clean(r[i]), c.width-2)
		h = max(h, float64(len(lines[i]))*tableLine+2*cellPadY)
	}
	return lines, h
}

func (p *pdfDoc) headerLines(cols []column) ([][]string, float64) {
	p.font("B", tableSize)
	lines := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		lines[i] = p.f.SplitText(c.title, c.width-2)
		h = max(h, float64(len(lines[i]))*tableLine+2*cellPadY)
	}
	return lines, h
}

func (p *pdfDoc) headerHeight(cols []column) float64 { _, h := p.headerLines(cols); return h }

func (p *pdfDoc) tableHeader(cols []column) {
	lines, h := p.headerLines(cols)
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
