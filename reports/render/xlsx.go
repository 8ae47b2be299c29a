package render

import (
	"bytes"
	"fmt"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/xuri/excelize/v2"
)

// Sheet names of the workbook.
const (
	SheetIndicators = "Chỉ tiêu"
	SheetFields     = "Hồ sơ theo lĩnh vực"
	SheetLate       = "Hồ sơ trễ hạn"
	SheetTasks      = "Nhiệm vụ"
	SheetNarrative  = "Nhận xét" // only when the clerk wrote something for the period
	SheetWarnings   = "Dữ liệu cần kiểm tra"
)

// cell is one value and the style it is written with.
type cell struct {
	v     any
	style string
}

// table is one sheet: a title block, a header row and rows.
type table struct {
	name      string
	headers   []string
	widths    []float64
	rows      [][]cell
	landscape bool
	// noPrintTitles prints the header row once, not atop every page: the
	// charts sheet, whose later pages hold charts, not table rows.
	noPrintTitles bool
}

// Workbook renders the report as an .xlsx file.
func Workbook(d *Doc) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	fs, err := newFaces()
	if err != nil {
		return nil, err
	}
	w := &book{f: f, doc: d, faces: fs}
	if err := w.styles(); err != nil {
		return nil, err
	}
	if err := w.properties(); err != nil {
		return nil, err
	}
	tables := []table{indicatorTable(d), fieldTable(d), lateTable(d), taskTable(d)}
	if len(d.Narrative) > 0 {
		tables = append(tables, narrativeTable(d))
	}
	tables = append(tables, warningTable(d))
	// Every sheet is made, in order, and the first made active, before
	// any is written: a streamed sheet is only XML afterwards, which
	// excelize would parse again to delete a sheet or change the active one.
	if err := f.SetSheetName("Sheet1", tables[0].name); err != nil {
		return nil, err
	}
	for _, t := range tables[1:] {
		if _, err := f.NewSheet(t.name); err != nil {
			return nil, fmt.Errorf("render: sheet %s: %w", t.name, err)
		}
	}
	if len(d.Outcome.Series) > 0 {
		if _, err := f.NewSheet(SheetCharts); err != nil {
			return nil, fmt.Errorf("render: sheet %s: %w", SheetCharts, err)
		}
	}
	f.SetActiveSheet(0)
	for _, t := range tables {
		if err := w.streamSheet(t); err != nil {
			return nil, fmt.Errorf("render: sheet %s: %w", t.name, err)
		}
	}
	if err := w.charts(); err != nil {
		return nil, fmt.Errorf("render: sheet %s: %w", SheetCharts, err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("render: workbook: %w", err)
	}
	return buf.Bytes(), nil
}

func indicatorTable(d *Doc) table {
	t := table{name: SheetIndicators, landscape: true,
		headers: append([]string{"STT", "Mã", "Chỉ tiêu", "Chỉ tiêu kế hoạch", "Kết quả", "Tử số", "Mẫu số", "Đánh giá", "Ghi chú"}, comparisonHeaders...),
		widths:  append([]float64{6, 7, 60, 26, 13, 9, 9, 16, 30}, comparisonWidths...)}
	for i, r := range d.Outcome.Indicators {
		t.rows = append(t.rows, []cell{{i + 1, "int_c"}, {r.ID, "text_c"}, {r.Text, "wrap"}, {r.TargetText, "wrap"},
			resultCell(r.Unit, r.Value, r.Status), intCell(r.Numerator), intCell(r.Denominator), {r.Status, "text"}, {NoteText(r.Note), "wrap"}})
		t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], comparisonCells(r)...)
		for _, g := range r.Breakdown {
			status := indicators.NotMet
			if *g.Met {
				status = indicators.Met
			}
			t.rows = append(t.rows, append([]cell{{"", "text"}, {r.ID, "text_c"}, {"   - Lĩnh vực " + g.Key, "wrap"},
				{g.Target, "pct"}, {*g.Value, "pct"}, {g.Numerator, "int"}, {g.Denominator, "int"}, {status, "text"}, {"", "text"}}, comparisonCells(indicators.Result{})...))
		}
	}
	return t
}

func resultCell(unit string, v *float64, status string) cell {
	switch {
	case v == nil:
		return cell{status, "text"}
	case unit == "rank":
		return cell{*v, "int"}
	case unit == "yesno":
		return cell{*v, "yesno"}
	}
	return cell{*v, "pct"}
}

func intCell(n *int) cell {
	if n == nil {
		return cell{"", "text"}
	}
	return cell{*n, "int"}
}

func fieldTable(d *Doc) table {
	t := table{name: SheetFields,
		headers: []string{"Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Trễ hạn", "Đang giải quyết", "Quá hạn chưa giải quyết", "Tỷ lệ đúng hạn"},
		widths:  []float64{30, 11, 13, 11, 11, 14, 15, 14}}
	for _, s := range d.Outcome.Fields {
		rate := cell{"Không phát sinh", "text"}
		if s.Rate != nil {
			rate = cell{*s.Rate, "pct"}
		}
		t.rows = append(t.rows, []cell{{s.Field, "text"}, {s.Received, "int"}, {s.Resolved, "int"}, {s.OnTime, "int"},
			{s.Late, "int"}, {s.Pending, "int"}, {s.OverduePending, "int"}, rate})
	}
	return t
}

func lateTable(d *Doc) table {
	t := table{name: SheetLate, landscape: true,
		headers: []string{"Mã hồ sơ", "Lĩnh vực", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Số ngày trễ", "Ngày xin lỗi", "Xin lỗi"},
		widths:  []float64{16, 20, 36, 13, 13, 13, 10, 13, 14}}
	for _, l := range d.Outcome.Late {
		apology, status := cell{"", "text"}, "Chưa xin lỗi"
		if !l.Apology.IsZero() {
			apology, status = cell{l.Apology, "date"}, "Đã xin lỗi"
		}
		t.rows = append(t.rows, []cell{{l.ID, "text"}, {l.Field, "text"}, {l.Procedure, "wrap"}, {l.Received, "date"},
			{l.Due, "date"}, {l.Returned, "date"}, {l.DaysLate, "int"}, apology, {status, "text"}})
	}
	return t
}

func taskTable(d *Doc) table {
	t := table{name: SheetTasks,
		headers: []string{"Mã", "Nhiệm vụ", "Tình trạng", "Kết quả thực hiện", "Kỳ số liệu"},
		widths:  []float64{7, 55, 16, 45, 11}}
	for _, s := range d.Outcome.Tasks {
		t.rows = append(t.rows, []cell{{s.ID, "text"}, {s.Title, "wrap"}, {s.Status, "text"}, {s.Result, "wrap"}, {s.Period, "text"}})
	}
	return t
}

// narrativeTable lists what the clerk wrote for the period, part by part
// as the document shows it, with the row of the source it came from.
func narrativeTable(d *Doc) table {
	t := table{name: SheetNarrative,
		headers: []string{"STT", "Phần", "Nội dung", "Dòng nguồn"},
		widths:  []float64{6, 20, 90, 10}}
	for i, e := range d.Narrative {
		t.rows = append(t.rows, []cell{{i + 1, "int"}, {e.Part.String(), "text"}, {e.Text, "wrap"}, {e.Row, "int"}})
	}
	return t
}

func warningTable(d *Doc) table {
	t := table{name: SheetWarnings, landscape: true,
		headers: []string{"Mức độ", "Nguồn", "Tệp", "Trang", "Dòng", "Cột", "Giá trị", "Nội dung"},
		widths:  []float64{10, 22, 24, 10, 7, 18, 22, 60}}
	for _, w := range d.Warnings {
		sev := "Cảnh báo"
		if w.Severity != "warning" {
			sev = "Lỗi"
		}
		row := cell{"", "text"}
		if w.Row > 0 {
			row = cell{w.Row, "int"}
		}
		source := w.Source
		if n := d.SourceNames[w.Source]; n != "" {
			source = n
		}
		t.rows = append(t.rows, []cell{{sev, "text"}, {source, "text"}, {w.File, "text"}, {w.Sheet, "text"}, row,
			{w.Column, "text"}, {w.Value, "text"}, {w.Message, "wrap"}})
	}
	return t
}

// DistrictCopy is the workbook as the district's message carries it:
// without the sheet "Dữ liệu cần kiểm tra", which is the unit's own
// business (the archived workbook keeps it). A workbook without that
// sheet comes back as it was.
func DistrictCopy(xlsx []byte) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		return nil, fmt.Errorf("render: workbook: %w", err)
	}
	defer f.Close()
	if idx, err := f.GetSheetIndex(SheetWarnings); err != nil || idx < 0 {
		return xlsx, nil
	}
	if err := f.DeleteSheet(SheetWarnings); err != nil {
		return nil, fmt.Errorf("render: workbook: %w", err)
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("render: workbook: %w", err)
	}
	return buf.Bytes(), nil
}
