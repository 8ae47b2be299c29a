package sources

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// dossierSchema is the dossiers source of the 2024 plan.
func dossierSchema() *Schema {
	return &Schema{Title: "dossiers", Columns: []Column{
		{Key: "id", Header: "Mã hồ sơ", Kind: Text, Required: true, Unique: true},
		{Key: "field", Header: "Lĩnh vực", Kind: Text, Required: true},
		{Key: "procedure", Header: "Tên thủ tục", Kind: Text},
		{Key: "received", Header: "Ngày tiếp nhận", Kind: Date, Required: true},
		{Key: "due", Header: "Ngày hẹn trả", Kind: Date, Required: true},
		{Key: "returned", Header: "Ngày trả kết quả", Kind: Date},
		{Key: "apology", Header: "Ngày xin lỗi", Kind: Date},
	}}
}

func read(t *testing.T, file, sheet string) (*Result, error) {
	t.Helper()
	return Read(Spec{Name: "dossiers", Path: filepath.Join("testdata", file), Sheet: sheet}, dossierSchema())
}

// TestReadMessyWorkbook reads a workbook saved by LibreOffice Calc with a
// title row, merged cells, shuffled headers in capitals, NFD and without
// diacritics, an extra column, every date form, serials in plain cells, a
// blank row, a bad date, a blank required cell, a duplicate and a totals row.
func TestReadMessyWorkbook(t *testing.T) {
	res, err := read(t, "messy.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	tab := res.Table
	if tab.Sheet != "Hồ sơ" {
		t.Errorf("sheet %q, want the first one", tab.Sheet)
	}
	wantIDs := []string{"HS-01", "HS-02", "HS-03", "HS-04", "HS-05", "HS-06", "HS-07", "HS-08"}
	if tab.Len() != len(wantIDs) {
		t.Fatalf("%d rows kept, want %d: %+v", tab.Len(), len(wantIDs), res.Issues)
	}
	id, rec, due, ret := tab.Col("id"), tab.Col("received"), tab.Col("due"), tab.Col("returned")
	mar := func(d int) time.Time { return day(2024, 3, d) }
	wantRet := []time.Time{mar(9), mar(9), mar(11), mar(10), {}, mar(8), mar(9), mar(9)}
	for i, r := range tab.Rows() {
		t.Run(wantIDs[i], func(t *testing.T) {
			c := r.Cells()
			if c[id].Text != wantIDs[i] || r.Line != 5+i {
				t.Errorf("row %d id %q, want line %d id %q", r.Line, c[id].Text, 5+i, wantIDs[i])
			}
			if !c[rec].Date().Equal(mar(5)) || !c[due].Date().Equal(mar(10)) || !c[ret].Date().Equal(wantRet[i]) {
				t.Errorf("dates %v %v %v; want %v %v %v", c[rec].Date(), c[due].Date(), c[ret].Date(), mar(5), mar(10), wantRet[i])
			}
			if c[ret].Empty != wantRet[i].IsZero() {
				t.Errorf("returned empty = %v", c[ret].Empty)
			}
		})
	}
	if f := tab.Row(5).Cell(tab.Col("field")).Text; f != "Khiếu nại, tố cáo" || !norm.NFC.IsNormalString(f) {
		t.Errorf("field %q not NFC", f)
	}
	if a := tab.Row(0).Cell(tab.Col("apology")); !a.Empty {
		t.Errorf("an absent optional column should read empty, got %+v", a)
	}
	wantIssues := []struct {
		row    int
		column string
		value  string
		words  string
	}{
		{14, "Ngày hẹn trả", "31/02/2024", "ngày không hợp lệ"},
		{15, "Lĩnh vực", "", "để trống"},
		{16, "Mã hồ sơ", "hs-01", "trùng Mã hồ sơ với dòng 5"},
		{17, "STT", "Tổng cộng", "tổng cộng"},
	}
	if len(res.Issues) != len(wantIssues) {
		t.Fatalf("issues %+v, want %d", res.Issues, len(wantIssues))
	}
	for i, w := range wantIssues {
		got := res.Issues[i]
		if got.Row != w.row || got.Column != w.column || got.Value != w.value || !strings.Contains(got.Message, w.words) ||
			got.File != "messy.xlsx" || got.Sheet != "Hồ sơ" || got.Severity != Warning {
			t.Errorf("issue %d = %+v, want row %d column %q value %q saying %q", i, got, w.row, w.column, w.value, w.words)
		}
	}
	if res.SHA256 == "" || res.Bytes == 0 {
		t.Error("no hash or size")
	}
}

func TestReadDate1904Workbook(t *testing.T) {
	res, err := read(t, "date1904.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Table.Len() != 1 {
		t.Fatalf("rows %+v, issues %+v", keptRows(res.Table), res.Issues)
	}
	c := res.Table.Row(0).Cells()
	if got := c[res.Table.Col("received")].Date(); !got.Equal(day(2024, 3, 5)) {
		t.Errorf("received %v, want 2024-03-05 (1904 date system)", got)
	}
}

func TestReadCSV(t *testing.T) {
	for _, file := range []string{"bom-comma.csv", "cp1258-semicolon.csv"} {
		t.Run(file, func(t *testing.T) {
			res, err := read(t, file, "")
			if err != nil {
				t.Fatal(err)
			}
			tab := res.Table
			if tab.Len() != 2 || len(res.Issues) != 0 {
				t.Fatalf("rows %+v issues %+v", keptRows(tab), res.Issues)
			}
			r0, r1 := tab.Row(0).Cells(), tab.Row(1).Cells()
			if r0[tab.Col("id")].Text != "HS1" {
				t.Errorf("first id %q: a BOM stuck to the header?", r0[tab.Col("id")].Text)
			}
			if f := r0[tab.Col("field")].Text; f != "Khiếu nại, tố cáo" {
				t.Errorf("field %q, want \"Khiếu nại, tố cáo\" in NFC", f)
			}
			if f := r1[tab.Col("field")].Text; f != "Xử lý đơn" {
				t.Errorf("field %q", f)
			}
			if !r1[tab.Col("due")].Date().Equal(day(2024, 3, 12)) || tab.Row(1).Line != 4 {
				t.Errorf("row 2: due %v line %d", r1[tab.Col("due")].Date(), tab.Row(1).Line)
			}
		})
	}
}

// TestUnusableSources checks that each source that cannot be used is an
// error naming what to fix.
func TestUnusableSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noCols := write("no-cols.csv", []byte("Mã hồ sơ,Lĩnh vực,Ghi chú\nHS1,Tuyển sinh,x\n"))
	tests := []struct {
		name, path, sheet string
		words             []string
	}{
		{"missing file", filepath.Join(dir, "nope.xlsx"), "", []string{"không tìm thấy tệp"}},
		{"legacy xls", write("old.xls", []byte{0xD0, 0xCF, 0x11, 0xE0}), "", []string{".xls", "--convert-to xlsx"}},
		{"xls content named xlsx", write("old.xlsx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}), "", []string{".xls"}},
		{"not a workbook", write("notes.xlsx", []byte("hello")), "", []string{"không phải sổ tính"}},
		{"missing sheet", "testdata/messy.xlsx", "Tháng 3", []string{"không có trang \"Tháng 3\"", "Hồ sơ, Ghi chú"}},
		{"empty sheet", "testdata/messy.xlsx", "Ghi chú", []string{"trang tính trống"}},
		{"missing columns", noCols, "", []string{"thiếu cột bắt buộc \"Ngày tiếp nhận\", \"Ngày hẹn trả\"", "\"Mã hồ sơ\", \"Lĩnh vực\", \"Ghi chú\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(Spec{Name: "dossiers", Path: tt.path, Sheet: tt.sheet}, dossierSchema())
			if !errors.Is(err, ErrUnusable) {
				t.Fatalf("err = %v, want ErrUnusable", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err, w)
				}
			}
			if noSheet := tt.name == "missing sheet"; errors.Is(err, ErrNoSheet) != noSheet {
				t.Errorf("errors.Is(%v, ErrNoSheet) = %v, want %v", err, !noSheet, noSheet)
			}
		})
	}
}

func TestAliasesFromConfig(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.csv")
	os.WriteFile(p, []byte("Số hồ sơ;Lĩnh vực;Ngày nhận;Hẹn trả\nA1;Tuyển sinh;01/03/2024;05/03/2024\n"), 0o644)
	res, err := Read(Spec{Name: "dossiers", Path: p, Aliases: map[string][]string{
		"Mã hồ sơ": {"Số hồ sơ"}, "received": {"Ngày nhận"}, "Ngày hẹn trả": {"Hẹn trả"}}}, dossierSchema())
	if err != nil {
		t.Fatal(err)
	}
	if res.Table.Len() != 1 {
		t.Fatalf("rows %+v issues %+v", keptRows(res.Table), res.Issues)
	}
}

// TestReadCorruptSheet: a sheet that breaks off after good rows names the
// cell at fault, or else the last row read; nothing of the source is used.
func TestReadCorruptSheet(t *testing.T) {
	tests := []struct{ name, tail, where, cause string }{
		{"shared string out of range", `<row r="40"><c r="A40" t="s"><v>99999</v></c></row></sheetData>`,
			"ô A40 (dòng 40, cột A): ô trỏ tới một chuỗi không có", "row 40: cell A40: a cell refers to a shared string"},
		{"cut short", `<row r="40"><c r="A40"><v>1</v>`, "không đọc được dòng sau dòng 17", "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := rewriteSheet(t, "testdata/messy.xlsx", "xl/worksheets/sheet1.xml", func(x string) string {
				return x[:strings.Index(x, "</sheetData>")] + tt.tail
			})
			_, err := Read(Spec{Name: "dossiers", Path: path}, dossierSchema())
			var se *SourceError
			if !errors.As(err, &se) || !errors.Is(err, ErrUnusable) {
				t.Fatalf("err %v, want a SourceError", err)
			}
			if !strings.Contains(se.Message, tt.where) || se.Err == nil || !strings.Contains(se.Err.Error(), tt.cause) {
				t.Errorf("message %q, want %q and %q", err, tt.where, tt.cause)
			}
		})
	}
}

// rewriteSheet copies a workbook with one part's text changed by edit.
func rewriteSheet(t *testing.T, src, part string, edit func(string) string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	path := filepath.Join(t.TempDir(), filepath.Base(src))
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			data = []byte(edit(string(data)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out.Close()
	return path
}
