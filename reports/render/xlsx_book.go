package render

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// book writes tables into a workbook with the report's styles.
type book struct {
	f      *excelize.File
	doc    *Doc
	faces  *faces // to fit row heights to their text
	style  map[string]int
	header int
	title  int
}

// The workbook's font, and black, written out: a border or font without an
// explicit colour gets an invalid one from excelize (rgb="FF"), which strict
// readers such as openpyxl refuse.
const (
	font  = "Times New Roman"
	black = "000000"
)

// Font sizes in points.
const (
	cellSize  = 12.0
	titleSize = 13.0
)

// headerRow is where each sheet's header row goes, under the title block.
const headerRow = 5

func (w *book) styles() error {
	// The default font sets the unit of column widths (the width of its
	// widest digit): Times New Roman, whose metric twin every office suite
	// has, makes columns as wide in LibreOffice as in Excel.
	if err := w.f.SetDefaultFont(font); err != nil {
		return fmt.Errorf("render: default font: %w", err)
	}
	var border []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		border = append(border, excelize.Border{Type: side, Style: 1, Color: black})
	}
	base := func(numFmt string, wrap bool, halign string) *excelize.Style {
		s := &excelize.Style{Font: &excelize.Font{Family: font, Size: cellSize, Color: black}, Border: border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: wrap, Horizontal: halign}}
		if numFmt != "" {
			s.CustomNumFmt = &numFmt
		}
		return s
	}
	defs := map[string]*excelize.Style{
		"text": base("@", false, ""),
		"wrap": base("@", true, ""),
		"int":  base("#,##0", false, "right"),
		// STT and Mã side by side, centred, so that "3" and "3.1" never
		// read as "33.1".
		"int_c":  base("0", false, "center"),
		"text_c": base("@", false, "center"),
		"pct":    base("0.00%", false, "right"),
		"date":   base("dd/mm/yyyy", false, "center"),
		"yesno":  base(`[=1]"Có";[=0]"Không";General`, false, "center"),
		// Changes since an earlier period (xlsx_compare.go): numbers, shown in words.
		"chg_pct":   base(`"tăng "0.00" điểm %";"giảm "0.00" điểm %";"không đổi"`, false, "right"),
		"chg_rank":  base(`"xuống "0" bậc";"lên "0" bậc";"không đổi"`, false, "right"),
		"chg_yesno": base(`"Không → Có";"Có → Không";"không đổi"`, false, "center"),
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
	w.header, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: cellSize, Bold: true, Color: black}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	w.title, err = w.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: font, Size: titleSize, Bold: true, Color: black}})
	return err
}

func (w *book) sheet(t table) error {
	f := w.f
	if _, err := f.NewSheet(t.name); err != nil {
		return err
	}
	for i, s := range w.titles(t) {
		if err := f.SetCellStr(t.name, fmt.Sprintf("A%d", i+1), s); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.name, fmt.Sprintf("A%d", i+1), fmt.Sprintf("A%d", i+1), w.title); err != nil {
			return err
		}
		if err := f.SetRowHeight(t.name, i+1, w.height([]fit{{text: s, size: titleSize, bold: true}})); err != nil {
			return err
		}
	}
	t.widths = w.fitWidths(t)
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
	var fits []fit
	for j, h := range t.headers {
		fits = append(fits, fit{text: h, size: cellSize, bold: true, wrap: true, width: t.widths[j]})
	}
	if err := f.SetRowHeight(t.name, headerRow, w.height(fits)); err != nil {
		return err
	}
	for i, row := range t.rows {
		if err := w.row(t, headerRow+1+i, row); err != nil {
			return err
		}
	}
	end, _ := excelize.CoordinatesToCellName(len(t.headers), headerRow+len(t.rows))
	if err := f.SetSheetDimension(t.name, "A1:"+end); err != nil {
		return err
	}
	return w.page(t)
}

func (w *book) row(t table, r int, cells []cell) error {
	sheet := t.name
	fits := make([]fit, 0, len(cells))
	for j, c := range cells {
		s, _ := c.v.(string)
		fits = append(fits, fit{text: s, size: cellSize, wrap: c.style == "wrap", width: t.widths[j]})
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
	return w.f.SetRowHeight(sheet, r, w.height(fits))
}

// titles are a sheet's title block: the unit, the sheet and period, the
// dates.
func (w *book) titles(t table) []string {
	d := w.doc
	return []string{d.Unit.Parent + " - " + d.Unit.Name,
		t.name + " - " + PeriodWords(string(d.Period.Kind), d.Period.Year, d.Period.N),
		fmt.Sprintf("Số liệu từ ngày %s đến ngày %s", Date(d.Period.From), Date(d.Period.To))}
}

// panes freeze the title block and the header row.
func (w *book) panes() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft"}
}

// page sets the frozen header, A4 fit to width, repeated header row and page
// numbers.
func (w *book) page(t table) error {
	f := w.f
	if err := f.SetPanes(t.name, w.panes()); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(t.name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return w.printSetup(t)
}

// printSetup sets A4 fit to width, the repeated header row and page
// numbers.
func (w *book) printSetup(t table) error {
	f := w.f
	orient := "portrait"
	if t.landscape {
		orient = "landscape"
	}
	size, one, zero := 9, 1, 0
	if err := f.SetPageLayout(t.name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(t.name, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"Trang &P/&N"}); err != nil {
		return err
	}
	if t.noPrintTitles {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: t.name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", t.name, headerRow, headerRow)})
}

// properties fills the workbook's document properties, which otherwise
// name excelize's author and a date of 2006: the unit is the author, the
// summary line the title, the period the subject.
func (w *book) properties() error {
	d := w.doc
	at := d.Generated.UTC().Format(time.RFC3339)
	if err := w.f.SetDocProps(&excelize.DocProperties{Creator: d.Unit.Name, LastModifiedBy: d.Unit.Name,
		Title: Fill(d.Texts.Summary, textData(d)), Subject: Subject(d), Language: "vi-VN",
		Created: at, Modified: at}); err != nil {
		return fmt.Errorf("render: workbook properties: %w", err)
	}
	if err := w.f.SetAppProps(&excelize.AppProperties{Application: "baocao", Company: d.Unit.Name}); err != nil {
		return fmt.Errorf("render: workbook properties: %w", err)
	}
	return nil
}
