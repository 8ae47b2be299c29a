package sources

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadPackages reads the workbooks third-party writers make (issue 12):
// each case is a small package made here, read end to end as the dossiers
// source; want is the IDs of the rows kept.
func TestReadPackages(t *testing.T) {
	base := bookParts(dossierRows)
	withSST := edit(base, "xl/_rels/workbook.xml.rels", relsOpen+
		`<Relationship Id="rId1" Type="`+relType+`worksheet" Target="worksheets/sheet1.xml"/>`+
		`<Relationship Id="rId2" Type="`+relType+`sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	backslashed := base
	for _, n := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		backslashed = rename(backslashed, n, strings.ReplaceAll(n, "/", `\`))
	}
	tests := []struct {
		name  string
		parts []part
		want  []string
	}{
		{"zip entries named with backslashes", backslashed, []string{"HS-1", "HS-2"}},
		{"entries in other case than the relationships", rename(rename(base, "xl/worksheets/sheet1.xml", "XL/Worksheets/SHEET1.xml"), "xl/workbook.xml", "xl/Workbook.xml"), []string{"HS-1", "HS-2"}},
		{"shared strings declared but absent", withSST, []string{"HS-1", "HS-2"}},
		{"relationship target percent-encoded and absolute", rename(edit(base, "xl/_rels/workbook.xml.rels", relsOpen+
			`<Relationship Id="rId1" Type="`+relType+`worksheet" Target="/xl/worksheets/sheet%201.xml"/></Relationships>`),
			"xl/worksheets/sheet1.xml", "xl/worksheets/sheet 1.xml"), []string{"HS-1", "HS-2"}},
		{"folder entries", append([]part{{"xl/", ""}, {"xl/worksheets/", ""}}, base...), []string{"HS-1", "HS-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := readPackage(t, zipParts(t, tt.parts), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !reflect.DeepEqual(got, tt.want) || len(res.Issues) != 0 {
				t.Errorf("rows %q, issues %+v; want %q", got, res.Issues, tt.want)
			}
		})
	}
}

func ids(res *Result) []string {
	var out []string
	for _, r := range res.Table.Rows() {
		out = append(out, r.Cell(res.Table.Col("id")).Text)
	}
	return out
}

// TestRefusedPackages: packages that cannot be read say why and what to do.
func TestRefusedPackages(t *testing.T) {
	base := bookParts(dossierRows)
	twoCases := append(base, part{"xl/worksheets/Sheet1.xml", sheetXML(`<row r="1">` + is("A1", "khác") + `</row>`)})
	noRel := edit(base, "xl/workbook.xml", xmlHead+`<workbook `+nsMain+` `+nsRels+`><sheets>`+
		`<sheet name="Bìa" sheetId="9"/><sheet name="S1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	tests := []struct {
		name, sheet string
		data        []byte
		words       []string
	}{
		{"two parts differing only in case", "", zipParts(t, twoCases), []string{"chỉ khác chữ hoa/thường", "lưu lại"}},
		{"first sheet has no relationship", "", zipParts(t, noRel), []string{`trang "Bìa"`, "không có nội dung", "lưu lại"}},
		{"sheet's part missing", "", zipParts(t, without(base, "xl/worksheets/sheet1.xml")), []string{`trang "S1"`, "không có nội dung"}},
		{"encrypted workbook", "", encryptedBook(t), []string{"mật khẩu", "gỡ mật khẩu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readPackage(t, tt.data, tt.sheet)
			if !errors.Is(err, ErrUnusable) {
				t.Fatalf("err = %v, want ErrUnusable", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err, w)
				}
			}
			if strings.Contains(err.Error(), ".xls)") && strings.Contains(tt.name, "encrypted") {
				t.Errorf("an encrypted workbook is called a legacy .xls: %v", err)
			}
		})
	}
	// A sheet with no relationship is still listed, and the one after it
	// can be read by name.
	res, err := readPackage(t, zipParts(t, noRel), "S1")
	if err != nil || res.Table.Len() != 2 {
		t.Fatalf("sheet S1 by name: %v", err)
	}
	wb, err := openWorkbook(zipParts(t, noRel), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.sheetNames(); !reflect.DeepEqual(got, []string{"Bìa", "S1"}) {
		t.Errorf("sheets %q, want every sheet the workbook lists", got)
	}
}

// encryptedBook is a workbook Excel would save with a password; excelize
// writes the same ECMA-376 agile encryption.
func encryptedBook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellStr("Sheet1", "A1", "Mã hồ sơ")
	p := filepath.Join(t.TempDir(), "enc.xlsx")
	if err := f.SaveAs(p, excelize.Options{Password: "20/10"}); err != nil {
		t.Fatal(err)
	}
	return mustRead(t, p)
}

// TestCellPlacement places cells as Excel does when references repeat,
// are missing or are written oddly; want maps row numbers to cells.
func TestCellPlacement(t *testing.T) {
	tests := []struct {
		name string
		rows string
		want map[int][]string
	}{
		{"a <row r=\"1\"> for every cell", `<row r="1">` + is("A1", "a") + `</row><row r="1">` + is("B1", "b") + `</row><row r="1">` + is("C1", "c") + `</row>` +
			`<row r="2"><c r="A2"><v>2</v></c></row>`,
			map[int][]string{1: {"a", "b", "c"}, 2: {"2"}}},
		{"bare-number references", `<row r="1"><c r="1"><v>1</v></c><c r="2"><v>2</v></c><c r="3"><v>3</v></c></row><row r="2"><c r="1"><v>4</v></c><c r="2"><v>5</v></c></row>`,
			map[int][]string{1: {"1", "2", "3"}, 2: {"4", "5"}}},
		{"r=\"0\" on cells", `<row r="1"><c r="0"><v>1</v></c><c r="0"><v>2</v></c></row><row r="2"><c r="0"><v>3</v></c></row>`,
			map[int][]string{1: {"1", "2"}, 2: {"3"}}},
		{"r=\"0\" on the first row keeps its cells and the numbers after", `<row r="0"><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c><v>3</v></c></row><row r="4"><c r="B4"><v>4</v></c></row>`,
			map[int][]string{1: {"1", "2"}, 3: {"3"}, 4: {"", "4"}}},
		{"no references at all", `<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`,
			map[int][]string{1: {"1", "2"}, 2: {"3"}}},
		{"a cell's reference names its row", `<row r="1"><c r="A1"><v>1</v></c><c r="B5"><v>5</v></c></row><row r="7"><c r="A7"><v>7</v></c></row>`,
			map[int][]string{1: {"1"}, 5: {"", "5"}, 7: {"7"}}},
		{"a reference repeated: the later cell wins", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c></row>`,
			map[int][]string{1: {"2", "3"}}},
		{"inline string with a <v> too", `<row r="1"><c r="A1" t="inlineStr"><v>1.0</v><is><t>1.</t></is></c><c r="B1" t="inlineStr"><is><t>2.</t></is><v>2.0</v></c><c r="C1" t="inlineStr"><v>only v</v></c></row>`,
			map[int][]string{1: {"1.", "2.", "only v"}}},
		{"escaped surrogate pair", `<row r="1">` + is("A1", "x_xD801__xDC05_y") + is("B1", "lone _xD801_ half") + is("C1", "_x005F_xD801_") + `</row>`,
			map[int][]string{1: {"x\U00010405y", "lone _xD801_ half", "_xD801_"}}},
		{"empty styled cells far right cost nothing", `<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="3"/></row><row r="2" spans="1:16384"><c r="XFC2" s="1"/><c r="XFD2" s="1"></c></row>`,
			map[int][]string{1: {"1"}, 2: nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowsOf(t, zipParts(t, bookParts(tt.rows)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestExcelBounds: a reference past row 1,048,576 or column XFD, or a cell
// longer than 32,767 characters, is refused naming where it is.
func TestExcelBounds(t *testing.T) {
	long := strings.Repeat("ạ", maxCellChars+1)
	tests := []struct {
		name  string
		rows  string
		words []string
	}{
		{"column past XFD", dossierRows + `<row r="4"><c r="XFE4"><v>1</v></c></row>`, []string{"tệp ghi ô XFE4", "giới hạn của Excel"}},
		{"row past 1,048,576", dossierRows + `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, []string{"tệp ghi dòng 1048577", "giới hạn của Excel"}},
		{"rows without numbers past 1,048,576", dossierRows + `<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>`, []string{"tệp ghi dòng thứ 1048577", "giới hạn của Excel"}},
		{"a bad escape in a cell is not a long cell", dossierRows + `<row r="4"><c r="A4" t="str"><v>&bogus;</v></c></row>`, []string{"không đọc được dòng sau dòng"}},
		{"cells without references past XFD", dossierRows + `<row r="4">` + strings.Repeat(`<c><v>1</v></c>`, maxColumns+1) + `</row>`, []string{"tệp ghi ô thứ 16385 của dòng 4", "giới hạn của Excel"}},
		{"inline text over 32,767 characters", dossierRows + `<row r="4">` + is("C4", long) + `</row>`, []string{"ô C4 (dòng 4, cột C)", "32.767 ký tự"}},
		{"escaped text over 32,767 characters", dossierRows + `<row r="4"><c r="B4" t="str"><v>` + strings.Repeat("&amp;", maxCellChars+1) + `</v></c></row>`, []string{"ô B4 (dòng 4, cột B)", "32.767 ký tự"}},
		{"rich text over 32,767 characters", dossierRows + `<row r="5"><c r="D5" t="inlineStr"><is>` + strings.Repeat(`<r><t>`+strings.Repeat("x", 1000)+`</t></r>`, 200) + `</is></c></row>`, []string{"ô D5 (dòng 5, cột D)", "32.767 ký tự"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readPackage(t, zipParts(t, bookParts(tt.rows)), "")
			if !errors.Is(err, ErrUnusable) {
				t.Fatalf("err = %v, want ErrUnusable", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q does not say %q", err, w)
				}
			}
		})
	}
	// Exactly 32,767 characters (a supplementary character counts two, as
	// in Excel) is allowed.
	ok := strings.Repeat("ạ", maxCellChars-2) + "\U00010405"
	rows := rowsOf(t, zipParts(t, bookParts(`<row r="1">`+is("A1", ok)+`</row>`)))
	if rows[1][0] != ok {
		t.Errorf("a cell of exactly 32,767 characters was not read whole")
	}
	if !tooLong(ok + "a") {
		t.Errorf("32,768 characters not found too long")
	}
}

// TestCSVCellTooLong: Excel's cell limit holds for CSV too.
func TestCSVCellTooLong(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.csv")
	body := "Mã hồ sơ;Lĩnh vực;Ngày tiếp nhận;Ngày hẹn trả\nHS1;" + strings.Repeat("x", maxCellChars+1) + ";01/03/2024;05/03/2024\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(Spec{Name: "dossiers", Path: p}, dossierSchema())
	if !errors.Is(err, ErrUnusable) || !strings.Contains(err.Error(), "ô B2 (dòng 2, cột B)") || !strings.Contains(err.Error(), "32.767") {
		t.Errorf("err %v", err)
	}
}

// TestOddPackagesMatchExcelize: where excelize reads a third-party oddity
// right, this reader reads it the same, cell by cell. (Not compared:
// escaped surrogate pairs, which excelize v2.11.1 drops — "x_xD801__xDC05_y"
// reads "xy" — and references such as "7" or row 0, whose cells it loses.)
func TestOddPackagesMatchExcelize(t *testing.T) {
	base := bookParts(dossierRows)
	backslashed := base
	for _, n := range []string{"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		backslashed = rename(backslashed, n, strings.ReplaceAll(n, "/", `\`))
	}
	cases := map[string][]part{
		"backslashes": backslashed,
		"shared strings declared, absent": edit(base, "xl/_rels/workbook.xml.rels", relsOpen+
			`<Relationship Id="rId1" Type="`+relType+`worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="`+relType+`sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
		"repeated row numbers":  bookParts(`<row r="1">` + is("A1", "a") + `</row><row r="1">` + is("B1", "b") + `</row><row r="2"><c r="C2"><v>2</v></c></row>`),
		"inline string and <v>": bookParts(`<row r="1"><c r="A1" t="inlineStr"><v>1.0</v><is><t>1.</t></is></c></row>`),
		"no references":         bookParts(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`),
	}
	for name, parts := range cases {
		t.Run(name, func(t *testing.T) {
			data := zipParts(t, parts)
			p := filepath.Join(t.TempDir(), "odd.xlsx")
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			wb, err := openWorkbook(data, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			compareSheet(t, wb, wb.sheets[0], f)
		})
	}
}

// TestBoundsInHeader: a reference past Excel's limits before the header is
// found is named like one after it.
func TestBoundsInHeader(t *testing.T) {
	_, err := readPackage(t, zipParts(t, bookParts(`<row r="1"><c r="XFE1"><v>1</v></c></row>`+dossierRows)), "")
	if err == nil || !strings.Contains(err.Error(), "tệp ghi ô XFE1") {
		t.Errorf("err %v", err)
	}
}
