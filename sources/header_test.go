package sources

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// register writes a workbook laid out as offices keep registers: a title
// and the unit above, a header of several rows with merged cells, the
// rows of the header given as cells by reference, then data from dataRow.
func register(t *testing.T, header map[string]string, merges [][2]string, numbering []string, dataRow int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Sổ"
	f.SetSheetName("Sheet1", s)
	f.SetCellStr(s, "A1", "SỔ THEO DÕI HỒ SƠ")
	f.MergeCell(s, "A1", "H1")
	f.SetCellStr(s, "A2", "Đơn vị: Trường Mầm non 20/10")
	for ref, v := range header {
		f.SetCellStr(s, ref, v)
	}
	for _, m := range merges {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	for j, v := range numbering {
		ref, _ := excelize.CoordinatesToCellName(j+1, dataRow-1)
		if n, err := strconv.Atoi(v); err == nil {
			f.SetCellInt(s, ref, int64(n)) // a number cell, as typed
		} else if v != "" {
			f.SetCellStr(s, ref, v)
		}
	}
	rows := [][]any{
		{1, "HS-1", "Tuyển sinh", "Đăng ký", "01/03/2024", "08/03/2024", "07/03/2024"},
		{2, "HS-2", "Xử lý đơn", "Đơn", "02/03/2024", "12/03/2024", "13/03/2024", "13/03/2024"},
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, dataRow+i)
		f.SetSheetRow(s, ref, &r)
	}
	p := filepath.Join(t.TempDir(), "register.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The dossier book of the issue: single columns merged down rows 4–5, the
// group "Nhận và trả kết quả" merged across E4:G4 above the dates.
var (
	registerHeader = map[string]string{
		"A4": "STT", "B4": "Mã hồ sơ", "C4": "Lĩnh vực", "D4": "Tên thủ tục", "E4": "Nhận và trả kết quả",
		"E5": "Ngày tiếp nhận", "F5": "Ngày hẹn trả", "G5": "Ngày trả kết quả", "H4": "Ngày xin lỗi",
	}
	registerMerges = [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "C5"}, {"D4", "D5"}, {"E4", "G4"}, {"H4", "H5"}}
)

func TestRegisterHeaders(t *testing.T) {
	numbers := func(format func(int) string) []string {
		var out []string
		for j := 1; j <= 8; j++ {
			out = append(out, format(j))
		}
		return out
	}
	paren := numbers(func(j int) string { return "(" + string(rune('0'+j)) + ")" })
	threeRows := map[string]string{
		"A4": "STT", "B4": "Mã hồ sơ", "C4": "Lĩnh vực", "D4": "Tên thủ tục", "E4": "Hồ sơ",
		"E5": "Nhận và trả kết quả", "E6": "Ngày tiếp nhận", "F6": "Ngày hẹn trả", "G6": "Ngày trả kết quả", "H5": "Xin lỗi", "H6": "Ngày xin lỗi",
	}
	threeMerges := [][2]string{{"A4", "A6"}, {"B4", "B6"}, {"C4", "C6"}, {"D4", "D6"}, {"E4", "H4"}, {"E5", "G5"}}
	// The required columns are all in row 4; the optional dates are named
	// in row 5 under a group: row 5 still belongs to the header.
	optionalBelow := map[string]string{
		"A4": "STT", "B4": "Mã hồ sơ", "C4": "Lĩnh vực", "D4": "Tên thủ tục", "E4": "Ngày tiếp nhận", "F4": "Ngày hẹn trả", "G4": "Kết quả",
		"G5": "Ngày trả kết quả", "H5": "Ngày xin lỗi",
	}
	tests := []struct {
		name      string
		header    map[string]string
		merges    [][2]string
		numbering []string
		dataRow   int
	}{
		{"two rows, numbering (1) (2)…", registerHeader, registerMerges, paren, 7},
		{"two rows, no numbering", registerHeader, registerMerges, nil, 6},
		{"numbering 1 2 3 as numbers", registerHeader, registerMerges, numbers(func(j int) string { return string(rune('0' + j)) }), 7},
		{"numbering A B C", registerHeader, registerMerges, numbers(func(j int) string { return string(rune('A' - 1 + j)) }), 7},
		{"numbering (a) (b), some cells blank", registerHeader, registerMerges, []string{"(a)", "(b)", "", "(d)", "(e)", "(f)", "(g)", ""}, 7},
		{"three rows", threeRows, threeMerges, paren, 8},
		{"optional sub-columns in the row below", optionalBelow, [][2]string{{"G4", "H4"}}, paren, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := readPackage(t, register(t, tt.header, tt.merges, tt.numbering, tt.dataRow), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Issues) != 0 {
				t.Errorf("warnings %+v, want none", res.Issues)
			}
			tab := res.Table
			if got := ids(res); !reflect.DeepEqual(got, []string{"HS-1", "HS-2"}) {
				t.Fatalf("rows %q", got)
			}
			r := tab.Row(1)
			if r.Line != tt.dataRow+1 || !r.Cell(tab.Col("returned")).Date().Equal(day(2024, 3, 13)) ||
				!r.Cell(tab.Col("apology")).Date().Equal(day(2024, 3, 13)) || r.Cell(tab.Col("procedure")).Text != "Đơn" {
				t.Errorf("second row %+v", r)
			}
		})
	}
}

// TestRegisterNotAHeader: a row under the header that is data, though it
// has a number and a letter, is read as data; a header missing a column
// across its rows names the rows it looked at.
func TestRegisterNotAHeader(t *testing.T) {
	res, err := readPackage(t, register(t, registerHeader, registerMerges, nil, 6), "")
	if err != nil || res.Table.Len() != 2 || res.Table.Row(0).Line != 6 {
		t.Fatalf("rows %+v err %v", res.Table, err)
	}
	h := map[string]string{}
	for k, v := range registerHeader {
		if k != "F5" {
			h[k] = v
		}
	}
	_, err = readPackage(t, register(t, h, registerMerges, nil, 6), "")
	if err == nil || !strings.Contains(err.Error(), `thiếu cột bắt buộc "Ngày hẹn trả"; các dòng 4–5 có các tiêu đề`) {
		t.Errorf("err %v, want the missing column and rows 4–5", err)
	}
	if !isNumbering(&cells{col: []int{0, 1}, val: []string{"(1)", "(2)"}}) || isNumbering(&cells{col: []int{0, 1}, val: []string{"1", "HS-1"}}) ||
		isNumbering(&cells{col: []int{0}, val: []string{"1"}}) || isNumbering(&cells{col: []int{0, 1}, val: []string{"(12", "3)"}}) {
		t.Error("isNumbering")
	}
}

// TestNotAHeaderIsNeverEchoed: a "source" whose first lines name no column
// (a password file, /etc/shadow through a symbolic link) is refused
// without a word of its content.
func TestNotAHeaderIsNeverEchoed(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "smtp-password")
	os.WriteFile(secret, []byte("Hunter2-very-secret-line\nroot:$6$salt$hash:19000:0:99999:7:::\n"), 0o600)
	link := filepath.Join(dir, "ho-so.csv")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	_, err := Read(Spec{Name: "dossiers", Path: link}, dossierSchema())
	if err == nil || !errors.Is(err, ErrUnusable) || !strings.Contains(err.Error(), "không có dòng tiêu đề") {
		t.Fatalf("err = %v, want no header found", err)
	}
	if strings.Contains(err.Error(), "Hunter2") || strings.Contains(err.Error(), "root:") {
		t.Errorf("the error echoes the file's content: %v", err)
	}
	// Named as private (the password file, the archive), it is not even read.
	_, err = Read(Spec{Name: "dossiers", Path: link, Private: []string{secret}}, dossierSchema())
	if err == nil || !strings.Contains(err.Error(), "tệp mật khẩu của baocao") {
		t.Errorf("err = %v, want the private file refused", err)
	}
	arch := filepath.Join(dir, "archive")
	os.MkdirAll(filepath.Join(arch, "monthly"), 0o755)
	os.WriteFile(filepath.Join(arch, "monthly", "x.csv"), []byte("a,b\n"), 0o644)
	os.Symlink(filepath.Join(arch, "monthly", "x.csv"), filepath.Join(dir, "y.csv"))
	if !InsideAny(filepath.Join(dir, "y.csv"), []string{arch}) || InsideAny(link, []string{arch}) {
		t.Error("InsideAny does not follow the link into the archive, or sees one where there is none")
	}
}
