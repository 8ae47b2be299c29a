package sources

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

type sheetRow struct {
	line  int
	cells []string
}

func readSheetXML(t *testing.T, xml string, shared []string) ([]sheetRow, error) {
	t.Helper()
	s := newSheetRows(io.NopCloser(strings.NewReader(xml)), &sharedStrings{list: shared})
	var out []sheetRow
	for {
		row, line, ok, err := s.next()
		if err != nil || !ok {
			return out, err
		}
		out = append(out, sheetRow{line, row.dense()})
	}
}

func TestSheetRows(t *testing.T) {
	shared := []string{"Mã hồ sơ", "HS-01", "a b"}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	const tail = `</sheetData></worksheet>`
	tests := []struct {
		name string
		xml  string
		want []sheetRow
	}{
		{"shared strings and numbers", `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>45356</v></c></row>`,
			[]sheetRow{{1, []string{"Mã hồ sơ", "45356"}}}},
		{"gaps keep row numbers and columns", `<row r="2"><c r="C2" t="s"><v>1</v></c></row><row r="7"><c r="B7"><v>1.5</v></c></row>`,
			[]sheetRow{{2, []string{"", "", "HS-01"}}, {7, []string{"", "1.5"}}}},
		{"no references count on", `<row><c><v>1</v></c><c t="s"><v>1</v></c></row><row><c><v>2</v></c></row>`,
			[]sheetRow{{1, []string{"1", "HS-01"}}, {2, []string{"2"}}}},
		{"inline string with runs, phonetic left out", `<row r="1"><c r="A1" t="inlineStr"><is><r><t>Ngày </t></r><r><t xml:space="preserve">tiếp nhận</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>`,
			[]sheetRow{{1, []string{"Ngày tiếp nhận"}}}},
		{"formula keeps its cached value", `<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>a&amp;b &lt;c&gt;</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c></row>`,
			[]sheetRow{{1, []string{"a&b <c>", "1", "#N/A"}}}},
		{"ISO date cell", `<row r="3"><c r="A3" t="d"><v>2024-03-05T00:00:00Z</v></c></row>`,
			[]sheetRow{{3, []string{"2024-03-05T00:00:00Z"}}}},
		{"empty and self-closing", `<row r="1"/><row r="2"><c r="A2" s="1"/><c r="B2" t="s"><v>2</v></c></row>`,
			[]sheetRow{{1, nil}, {2, []string{"", "a b"}}}},
		{"escaped character reference", `<row r="1"><c r="A1" t="inlineStr"><is><t>&#272;&#xE3; k&#253;</t></is></c></row>`,
			[]sheetRow{{1, []string{"Đã ký"}}}},
		{"namespace prefixes", `<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c></x:row>`,
			[]sheetRow{{1, []string{"HS-01"}}}},
		{"CDATA", `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c></row>`,
			[]sheetRow{{1, []string{"<b>"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readSheetXML(t, head+tt.xml+tail, shared)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i].line != tt.want[i].line || !slices.Equal(got[i].cells, tt.want[i].cells) {
					t.Errorf("row %d: got %d %q, want %d %q", i, got[i].line, got[i].cells, tt.want[i].line, tt.want[i].cells)
				}
			}
		})
	}
}

func TestSheetRowsErrors(t *testing.T) {
	tests := []struct{ name, xml, want string }{
		{"shared string out of range", `<sheetData><row r="4"><c r="A4" t="s"><v>9</v></c></row></sheetData>`, "row 4: cell A4: a cell refers to a shared string"},
		{"cut short in a row", `<sheetData><row r="1"><c r="A1"><v>1</v></c>`, "ends inside"},
		{"cut short in a tag", `<sheetData><row r="1"><c r="A1"`, "unexpected EOF"},
		{"bad entity", `<sheetData><row r="1"><c r="A1" t="str"><v>&bogus;</v></c></row></sheetData>`, "escape"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readSheetXML(t, tt.xml, []string{"x"})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSharedStrings(t *testing.T) {
	xml := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">` +
		`<si><t>Mã hồ sơ</t></si>` +
		`<si><r><rPr><b/></rPr><t>Ngày </t></r><r><t xml:space="preserve">trả  </t></r><rPh sb="0" eb="2"><t>ふりがな</t></rPh></si>` +
		`<si><t/></si>` +
		`<si><t>line_x000D__x000A_next _x005F_x0041_ A&amp;B</t></si></sst>`
	got, err := parseStrings(strings.NewReader(xml))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mã hồ sơ", "Ngày trả  ", "", "line\r\nnext _x0041_ A&B"}
	if !reflect.DeepEqual(got.list, want) {
		t.Errorf("got %q, want %q", got.list, want)
	}
}

func TestCellRef(t *testing.T) {
	tests := []struct {
		ref      string
		col, row int
		bad      bool
	}{
		{"A1", 0, 1, false}, {"Z9", 25, 9, false}, {"AA10", 26, 10, false}, {"xfd1048576", 16383, 1048576, false},
		{"", -1, 0, false}, {"7", -1, 0, false}, {"0", -1, 0, false}, {"A0", 0, 0, false}, {"B", 1, 0, false},
		{"R1C1", -1, 0, false}, {"TOTAL", -1, 0, false},
		{"XFE1", 0, 0, true}, {"ZZZZ1", 0, 0, true}, {"A1048577", 0, 0, true}, {"A99999999999", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			col, row, err := cellRef([]byte(tt.ref))
			if (err != nil) != tt.bad || !tt.bad && (col != tt.col || row != tt.row) {
				t.Errorf("cellRef(%q) = %d, %d, %v; want %d, %d, error %v", tt.ref, col, row, err, tt.col, tt.row, tt.bad)
			}
		})
	}
}

// TestSheetReaderMatchesExcelize reads every workbook in the repository's
// test and example data with this package's reader and with excelize's
// Rows iterator, which it replaced, and compares every cell.
func TestSheetReaderMatchesExcelize(t *testing.T) {
	var files []string
	for _, pattern := range []string{"testdata/*.xlsx", "../testdata/office-messy/*.xlsx", "../examples/data/*.xlsx"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found only %d workbooks", len(files))
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			wb, err := openWorkbook(data, DefaultLimits.MaxUnzipBytes)
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, want := wb.sheetNames(), f.GetSheetList(); !reflect.DeepEqual(got, want) {
				t.Fatalf("sheets %q, excelize %q", got, want)
			}
			props, _ := f.GetWorkbookProps()
			if want := props.Date1904 != nil && *props.Date1904; wb.date1904 != want {
				t.Errorf("date1904 %v, excelize %v", wb.date1904, want)
			}
			for _, s := range wb.sheets {
				compareSheet(t, wb, s, f)
			}
		})
	}
}

func compareSheet(t *testing.T, wb *workbook, s sheetPart, f *excelize.File) {
	t.Helper()
	rows, err := f.Rows(s.name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var want [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, trimRight(cells))
	}
	sr, err := wb.openSheet(s.part)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	got := make([][]string, 0, len(want))
	for {
		row, line, ok, err := sr.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		for len(got) < line-1 { // excelize gives blank rows for gaps
			got = append(got, nil)
		}
		got = append(got, trimRight(row.dense()))
	}
	for len(want) > len(got) && len(want[len(want)-1]) == 0 {
		want = want[:len(want)-1]
	}
	if len(got) != len(want) {
		t.Fatalf("sheet %s: %d rows, excelize %d", s.name, len(got), len(want))
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("sheet %s row %d: %q, excelize %q", s.name, i+1, got[i], want[i])
		}
	}
}

func trimRight(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return nil
	}
	return cells
}

// TestWorkbookParts reads a minimal package whose parts are found through
// absolute relationship targets and a non-default workbook name, as some
// exporters write them.
func TestWorkbookParts(t *testing.T) {
	parts := map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>`,
		"book/main.xml": `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<workbookPr date1904="true"/><sheets><sheet name="Dữ liệu" sheetId="2" r:id="rId7"/><sheet name="Ghi chú" sheetId="1" r:id="rId3"/></sheets></workbook>`,
		"book/_rels/main.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/b.xml"/>` +
			`<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/book/sheets/a.xml"/>` +
			`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
		"book/strings.xml":  `<sst><si><t>xin chào</t></si></sst>`,
		"book/sheets/a.xml": `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
		"book/sheets/b.xml": `<worksheet><sheetData/></worksheet>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(text))
	}
	zw.Close()
	wb, err := openWorkbook(buf.Bytes(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.sheetNames(); !slices.Equal(got, []string{"Dữ liệu", "Ghi chú"}) || !wb.date1904 {
		t.Fatalf("sheets %q, date1904 %v", got, wb.date1904)
	}
	sr, err := wb.openSheet(wb.sheets[0].part)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	if row, line, ok, err := sr.next(); !ok || err != nil || line != 1 || !slices.Equal(row.dense(), []string{"xin chào"}) {
		t.Errorf("first row %+v line %d ok %v err %v", row, line, ok, err)
	}
	if _, err := openWorkbook(buf.Bytes(), 100); !errors.Is(err, errUnzipLimit) {
		t.Errorf("with a 100-byte limit: %v, want errUnzipLimit", err)
	}
}

// TestLyingZipEntry: a sheet whose zip entry declares 100 bytes but inflates
// to megabytes passes the directory check and is refused while streaming.
func TestLyingZipEntry(t *testing.T) {
	sheet := `<worksheet><sheetData>` + strings.Repeat(`<row><c><v>1</v></c></row>`, 100000) + `</sheetData></worksheet>`
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write([]byte(sheet))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(text))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE([]byte(sheet)), CompressedSize64: uint64(raw.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	zw.Close()
	wb, err := openWorkbook(buf.Bytes(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	sr, err := wb.openSheet(wb.sheets[0].part)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	for n := 0; ; n++ {
		_, _, ok, err := sr.next()
		if err != nil {
			if !errors.Is(err, zip.ErrFormat) {
				t.Errorf("error %v, want zip.ErrFormat", err)
			}
			return
		}
		if !ok {
			t.Fatalf("read %d rows of a lying entry without error", n)
		}
	}
}
