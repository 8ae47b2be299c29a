package render

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// book writes tables into a workbook with the report's styles.
type book struct {
	f      *excelize.File
	doc    *Doc
	style  map[string]int
	header int
	title  int
}

const font = "Times New Roman"

// headerRow is where each sheet's header row goes, under the title block.
const headerRow = 5

func (w *book) styles() error {
	border := []excelize.Border{{Type: "left", Style: 1}, {Type: "right", Style: 1}, {Type: "top", Style: 1}, {Type: "bottom", Style: 1}}
	base := func(numFmt string, wrap bool, halign string) *excelize.Style {
		s := &excelize.Style{Font: &excelize.Font{Family: font, Size: 12}, Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: wrap, Horizontal: halign}}
		if numFmt != "" {
			s.CustomNumFmt = &numFmt
		}
		return s
	}
	defs := map[string]*excelize.Style{
		"text":  base("@", false, ""),
		"wrap":  base("@", true, ""),
		"int":   base("#,##0", false, "right"),
		"pct":   base("0.00%", false, "right"),
		"date":  base("dd/mm/yyyy", false, "center"),
		"yesno": base(`[=1]"Có";[=0]"Không";General`, false, "center"),
	}
	w.style = map[string]int{}
	for name, s := range defs {
		id, err := w.f.NewStyle(s)
		if err != nil {
			return fmt.Errorf("render: style %s: %w", name, err)
		}
		w.style[name] = id
	}
	var err error
	w.header, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: 12, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	w.title, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: 13, Bold: true}})
	return err
}

func (w *book) sheet(t table) error {
	f := w.f
	if _, err := f.NewSheet(t.name); err != nil {
		return err
	}
	d := w.doc
	titles := []string{d.Unit.Parent + " - " + d.Unit.Name,
		t.name + " - " + PeriodWords(string(d.Period.Kind), d.Period.Year, d.Period.N),
		fmt.Sprintf("Số liệu từ ngày %s đến ngày %s", Date(d.Period.From), Date(d.Period.To))}
	for i, s := range titles {
		if err := f.SetCellStr(t.name, fmt.Sprintf("A%d", i+1), s); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.name, fmt.Sprintf("A%d", i+1), fmt.Sprintf("A%d", i+1), w.title); err != nil {
			return err
		}
	}
	for j, h := range t.headers {
		axis, _ := excelize.CoordinatesToCellName(j+1, headerRow)
		if err := f.SetCellStr(t.name, axis, h); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(t.name, col, col, t.widths[j]); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.headers), headerRow)
	if err := f.SetCellStyle(t.name, fmt.Sprintf("A%d", headerRow), last, w.header); err != nil {
		return err
	}
	for i, row := range t.rows {
		if err := w.row(t.name, headerRow+1+i, row); err != nil {
			return err
		}
	}
	return w.page(t)
}

func (w *book) row(sheet string, r int, cells []cell) error {
	for j, c := range cells {
		axis, _ := excelize.CoordinatesToCellName(j+1, r)
		var err error
		if s, ok := c.v.(string); ok {
			err = w.f.SetCellStr(sheet, axis, s) // always text, never a formula
		} else {
			err = w.f.SetCellValue(sheet, axis, c.v)
		}
		if err != nil {
			return err
		}
		if err := w.f.SetCellStyle(sheet, axis, axis, w.style[c.style]); err != nil {
			return err
		}
	}
	return nil
}

// page sets the frozen header, A4 fit to width, repeated header row and page
// numbers.
func (w *book) page(t table) error {
	f := w.f
	if err := f.SetPanes(t.name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	orient := "portrait"
	if t.landscape {
		orient = "landscape"
	}
	size, one, zero := 9, 1, 0
	if err := f.SetPageLayout(t.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(t.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(t.name, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"Trang &P/&N"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: t.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", t.name, headerRow, headerRow)})
}
