package render

import "math"

// Rows carry an explicit height fitted to their text: a row without one is
// drawn one line high when printed from LibreOffice, and a wrapped
// three-line name runs into the rows below.
const (
	// digitPx is the width in pixels of the widest digit of the workbook's
	// default font (Times New Roman 11 pt, see styles), the unit of column widths (ECMA-376
	// §18.3.1.13).
	digitPx = 7.0
	// cellMarginPx is the room a cell keeps free beside its text: Excel's
	// 5 px of margins and grid line, and 2 px to spare for a renderer that
	// sets the text a shade wider.
	cellMarginPx = 7.0
	// rowPadPx is the room above the first line and below the last.
	rowPadPx = 3.0
	// maxRowPt is the tallest row a spreadsheet holds (Excel: 409 pt); a
	// cell with more text shows its first lines.
	maxRowPt = 409.0
)

// fit is what decides one cell's height: its text, font and column width
// (in characters, as set on the sheet).
type fit struct {
	text  string
	size  float64 // points
	bold  bool
	wrap  bool
	width float64
}

// columnPx is the width in pixels of a column width in characters.
func columnPx(width float64) float64 {
	return math.Floor((256*width + math.Floor(128/digitPx)) / 256 * digitPx)
}

// height is the height in points of a row whose cells are cells: enough
// for the most lines any of them takes, whole pixels, at most maxRowPt.
func (w *book) height(cells []fit) float64 {
	px := 0.0
	for _, c := range cells {
		fc := w.faces.get(c.bold)
		n := 1
		if c.wrap && c.text != "" {
			n = fc.lines(c.text, c.size, columnPx(c.width)-cellMarginPx)
		}
		px = max(px, float64(n)*fc.lineHeight(c.size)+rowPadPx)
	}
	return min(px/pxPerPt, maxRowPt)
}
