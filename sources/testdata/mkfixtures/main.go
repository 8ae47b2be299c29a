// Command mkfixtures writes the raw fixtures of the reading-rule tests; the
// script make.sh beside it then has LibreOffice Calc save each workbook
// again, so the committed files are written by a real spreadsheet program.
package main

import (
	"log"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func main() {
	out := os.Args[1]
	must(messy(out + "/messy.xlsx"))
	must(date1904(out + "/date1904.xlsx"))
	must(os.WriteFile(out+"/bom-comma.csv", append([]byte("\xEF\xBB\xBF"), []byte(csvText(","))...), 0o644))
	must(os.WriteFile(out+"/cp1258-semicolon.csv", cp1258(csvText(";")), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func csvText(sep string) string {
	rows := [][]string{
		{"SỔ THEO DÕI HỒ SƠ", "", "", "", ""},
		{"Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"},
		{"HS1", "\"Khiếu nại, tố cáo\"", "01/03/2024", "10/03/2024", "09/03/2024"},
		{"HS2", "Xử lý đơn", "2024-03-02", "12.03.2024", ""},
	}
	s := ""
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				s += sep
			}
			s += c
		}
		s += "\r\n"
	}
	return s
}

// cp1258 encodes text the way legacy Vietnamese Excel does: letters with
// circumflex, breve or horn precomposed, tone marks as combining characters.
func cp1258(s string) []byte {
	enc := charmap.Windows1258.NewEncoder()
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, err := enc.String(string(r)); err == nil {
			out = append(out, b...)
			continue
		}
		d := []rune(norm.NFD.String(string(r)))
		base, rest := string(d[0]), ""
		for _, m := range d[1:] {
			if c := norm.NFC.String(base + string(m)); len([]rune(c)) == 1 && encodable(enc, c) {
				base = c
			} else {
				rest += string(m)
			}
		}
		b, err := enc.String(base + rest)
		must(err)
		out = append(out, b...)
	}
	return out
}

func encodable(enc interface{ String(string) (string, error) }, s string) bool {
	_, err := enc.String(s)
	return err == nil
}

var date = time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)

func messy(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Hồ sơ"
	f.SetSheetName("Sheet1", sh)
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStr(sh, "A1", "SỔ THEO DÕI HỒ SƠ THỦ TỤC HÀNH CHÍNH")
	f.MergeCell(sh, "A1", "H1")
	f.SetCellStr(sh, "A2", "Đơn vị: Trường Mầm non 20/10")
	header := []string{"STT", "  LĨNH   VỰC ", norm.NFD.String("Mã hồ sơ"), "Ngay tiep nhan", "Ngày hẹn trả", "Ghi chú", "NGÀY TRẢ KẾT QUẢ", "Tên thủ tục"}
	f.SetSheetRow(sh, "A4", &header)
	rows := [][]any{
		{1, "Giáo dục và Đào tạo", "HS-01", date, date.AddDate(0, 0, 5), "real date cells", date.AddDate(0, 0, 4), "Thủ tục A"},
		{2, "Tuyển sinh", "HS-02", "05/03/2024", "10/03/2024", "dd/mm/yyyy", "09/03/2024", nil},
		{3, "Tuyển sinh", "HS-03", "5/3/2024", "10/3/2024", "d/m/yyyy", "11/3/2024", nil},
		{4, "Xử lý đơn", "HS-04", "05-03-2024", "10-03-2024", "dd-mm-yyyy", "10-03-2024", nil},
		{5, "Xử lý đơn", "HS-05", "05.03.2024", "10.03.2024", "dd.mm.yyyy", nil, nil},
		{6, norm.NFD.String("Khiếu nại, tố cáo"), "HS-06", "2024-03-05", "2024-03-10", "yyyy-mm-dd, NFD field", "2024-03-08", nil},
		{7, "xử lý đơn ", "HS-07", "05/03/2024 14:30", "10/03/2024 08:00:00", "with times", "09/03/2024 16:45", nil},
		{8, "Tuyển sinh", "HS-08", 45356, 45361, "serials in plain cells", 45360.75, nil},
		nil, // a blank row
		{9, "Tuyển sinh", "HS-09", "05/03/2024", "31/02/2024", "bad date", nil, nil},
		{10, nil, "HS-10", "05/03/2024", "10/03/2024", "blank required cell", nil, nil},
		{11, "Tuyển sinh", "hs-01", "06/03/2024", "10/03/2024", "duplicate id", nil, nil},
		{"Tổng cộng", nil, nil, nil, nil, nil, nil, nil},
	}
	for i, r := range rows {
		for j, v := range r {
			axis, _ := excelize.CoordinatesToCellName(j+1, 5+i)
			switch v := v.(type) {
			case nil:
			case time.Time:
				f.SetCellValue(sh, axis, v)
				f.SetCellStyle(sh, axis, axis, dateStyle)
			case string:
				f.SetCellStr(sh, axis, v)
			default:
				f.SetCellValue(sh, axis, v)
			}
		}
	}
	f.NewSheet("Ghi chú")
	return f.SaveAs(path)
}

func date1904(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		return err
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	header := []string{"Mã hồ sơ", "Lĩnh vực", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả"}
	f.SetSheetRow("Sheet1", "A1", &header)
	// 1904 serials: 5 March 2024 is 43894 (45356 − 1462).
	row := []any{"HS-1904", "Tuyển sinh", 43894, 43899, 43898}
	f.SetSheetRow("Sheet1", "A2", &row)
	f.SetCellStyle("Sheet1", "C2", "E2", dateStyle)
	return f.SaveAs(path)
}
