package render

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// streamSheet writes a table sheet, made already, as sheet does (the same title block,
// header row, cells, styles, row heights, columns and page set-up) through
// excelize's stream writer: its rows go straight to XML instead of into a
// sheet model that is then encoded, which was most of the workbook's time
// and memory with thousands of late dossiers. Texts are written as inline
// strings rather than shared ones.
func (w *book) streamSheet(t table) error {
	f := w.f
	// The sheet's properties and dimension come before its rows in the
	// XML: set before the stream starts.
	fitPage := true
	if err := f.SetSheetProps(t.name, &excelize.SheetPropsOptions{FitToPage: &fitPage}); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.headers), headerRow+len(t.rows))
	if err := f.SetSheetDimension(t.name, "A1:"+end); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(w.panes()); err != nil {
		return err
	}
	t.widths = w.fitWidths(t)
	// The stream writer puts each column set before those set already:
	// set from the last, they are written in order, as the format wants.
	for j := len(t.widths) - 1; j >= 0; j-- {
		if err := sw.SetColWidth(j+1, j+1, t.widths[j]); err != nil {
			return err
		}
	}
	for i, s := range w.titles(t) {
		h := w.height([]fit{{text: s, size: titleSize, bold: true}})
		if err := sw.SetRow(fmt.Sprintf("A%d", i+1), []any{excelize.Cell{StyleID: w.title, Value: s}}, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	values := make([]any, len(t.headers))
	fits := make([]fit, len(t.headers))
	for j, h := range t.headers {
		values[j] = excelize.Cell{StyleID: w.header, Value: h}
		fits[j] = fit{text: h, size: cellSize, bold: true, wrap: true, width: t.widths[j]}
	}
	if err := sw.SetRow(fmt.Sprintf("A%d", headerRow), values, excelize.RowOpts{Height: w.height(fits)}); err != nil {
		return err
	}
	for i, row := range t.rows {
		values, fits = values[:0], fits[:0]
		for j, c := range row {
			s, _ := c.v.(string)
			fits = append(fits, fit{text: s, size: cellSize, wrap: c.style == "wrap", width: t.widths[j]})
			values = append(values, excelize.Cell{StyleID: w.style[c.style], Value: c.v})
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", headerRow+1+i), values, excelize.RowOpts{Height: w.height(fits)}); err != nil {
			return err
		}
	}
	if err := w.printSetup(t); err != nil {
		return err
	}
	return sw.Flush()
}
