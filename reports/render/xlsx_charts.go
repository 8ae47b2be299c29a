package render

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/xuri/excelize/v2"
)

// chartsTable is the sheet "Biểu đồ": one row per month, and for each
// series its value and its target. A month without cases is a blank cell,
// which the charts draw as a gap (never a zero).
func chartsTable(d *Doc) table {
	t := table{name: SheetCharts, landscape: true, noPrintTitles: true,
		headers: []string{"Tháng (năm " + strconv.Itoa(d.Period.Year) + ")", "Từ ngày", "Đến ngày"}, widths: []float64{10, 12, 12}}
	for _, s := range d.Outcome.Series {
		t.headers = append(t.headers, chartValueLegend, TargetLegend(s))
		t.widths = append(t.widths, 11, 11)
	}
	return t
}

// charts writes the sheet of monthly series with one native line chart per
// series: the monthly values against the target, percent axis.
func (w *book) charts() error {
	d := w.doc
	series := d.Outcome.Series
	if len(series) == 0 {
		return nil
	}
	t := chartsTable(d)
	if err := w.sheet(t); err != nil { // title block, header row, page setup
		return err
	}
	f, sh := w.f, SheetCharts
	// Above each pair of columns, the indicator they are about; the row is
	// as high as a label wrapped in one column needs (a reader may not
	// know the cells are merged).
	var labels []fit
	for k, s := range series {
		labels = append(labels, fit{text: "Chỉ tiêu " + s.ID, size: cellSize, bold: true, wrap: true, width: t.widths[3+2*k]})
		a, _ := excelize.CoordinatesToCellName(4+2*k, headerRow-1)
		b, _ := excelize.CoordinatesToCellName(5+2*k, headerRow-1)
		if err := f.SetCellStr(sh, a, "Chỉ tiêu "+s.ID); err != nil {
			return err
		}
		if err := f.MergeCell(sh, a, b); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, a, b, w.header); err != nil {
			return err
		}
	}
	n := len(series[0].Points)
	for i, p := range series[0].Points {
		r := headerRow + 1 + i
		from, _ := time.Parse(time.DateOnly, p.From)
		to, _ := time.Parse(time.DateOnly, p.To)
		row := []cell{{MonthLabel(p.Period), "text"}, {from, "date"}, {to, "date"}}
		if err := w.row(t, r, row); err != nil {
			return err
		}
		for k, s := range series {
			value, _ := excelize.CoordinatesToCellName(4+2*k, r)
			target, _ := excelize.CoordinatesToCellName(5+2*k, r)
			if v := s.Points[i].Value; v != nil {
				if err := f.SetCellFloat(sh, value, *v, -1, 64); err != nil {
					return err
				}
			}
			if err := f.SetCellFloat(sh, target, s.Target, -1, 64); err != nil {
				return err
			}
			if err := f.SetCellStyle(sh, value, target, w.style["pct"]); err != nil {
				return err
			}
		}
	}
	if err := f.SetRowHeight(sh, headerRow-1, w.height(labels)); err != nil {
		return err
	}
	end, _ := excelize.CoordinatesToCellName(len(t.headers), headerRow+n)
	if err := f.SetSheetDimension(sh, "A1:"+end); err != nil {
		return err
	}
	ref := func(col, from, to int) string {
		a, _ := excelize.CoordinatesToCellName(col, from, true)
		b, _ := excelize.CoordinatesToCellName(col, to, true)
		return fmt.Sprintf("'%s'!%s:%s", sh, a, b)
	}
	first, last := headerRow+1, headerRow+n
	for k, s := range series {
		// Two charts side by side per printed page, each pair after a row
		// break: a chart (340 px, 17 rows) is never cut across pages, and
		// fitting the width only ever shrinks it.
		row := ChartRow(n, k)
		if k%2 == 0 {
			if err := f.InsertPageBreak(sh, fmt.Sprintf("A%d", row)); err != nil {
				return err
			}
		}
		anchor, _ := excelize.CoordinatesToCellName(1+(k%2)*9, row)
		name := func(col int) string {
			a, _ := excelize.CoordinatesToCellName(col, headerRow, true)
			return fmt.Sprintf("'%s'!%s", sh, a)
		}
		chart := lineChart(s, d.Period.Year, ref(1, first, last), name(4+2*k), ref(4+2*k, first, last), name(5+2*k), ref(5+2*k, first, last))
		if err := f.AddChart(sh, anchor, chart); err != nil {
			return fmt.Errorf("render: chart %s: %w", s.ID, err)
		}
	}
	return nil
}

// ChartRow is the first row of the k-th chart (0-based) on the charts
// sheet whose table has n months: the first pair starts on the page after
// the table, each later pair on a page of its own (a row break above it).
func ChartRow(n, k int) int {
	return headerRow + n + 2 + (k/2)*chartRows
}

// chartRows is how many rows a pair of charts takes, with a margin: a
// chart is 340 px high, rows are 20 px.
const chartRows = 19

// lineChart draws a series' values (a black line with markers, gaps for
// blank months) against its target (a grey dashed line). The names are
// references to the header cells, as Excel expects.
func lineChart(s indicators.Series, year int, categories, valueName, values, targetName, targets string) *excelize.Chart {
	solid := func(rgb string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
	}
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: font, Size: size, Bold: bold, Color: "000000"}
	}
	low, high := axisFloor(s), 1.0
	title := []excelize.RichTextRun{{Text: ChartTitle(s), Font: font(11, true)}}
	if note := GapNote(s); note != "" {
		f := font(9, false)
		f.Italic = true
		title = append(title, excelize.RichTextRun{Text: "\n" + note, Font: f})
	}
	return &excelize.Chart{
		Type:      excelize.Line,
		Dimension: excelize.ChartDimension{Width: 600, Height: 340},
		Format:    excelize.GraphicOptions{AltText: ChartTitle(s)},
		Title:     excelize.ChartTitle{Paragraph: title},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: font(10, false)},
		Series: []excelize.ChartSeries{
			{Name: valueName, Categories: categories, Values: values, Fill: solid("000000"),
				Line:   excelize.LineOptions{Width: 2.25},
				Marker: excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: solid("000000")}},
			{Name: targetName, Categories: categories, Values: targets, Fill: solid("595959"),
				Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash},
				Marker: excelize.ChartMarker{Symbol: "none"}},
		},
		XAxis: excelize.ChartAxis{Font: *font(9, false),
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: ChartXTitle(year), Font: font(10, false)}}}},
		YAxis: excelize.ChartAxis{Font: *font(9, false), MajorGridLines: true, Minimum: &low, Maximum: &high, MajorUnit: 0.1,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"},
			Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: chartYTitle, Font: font(10, false)}}}},
		ShowBlanksAs: "gap",
	}
}
