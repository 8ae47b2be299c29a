package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/render"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// TestAwkwardText runs a report over dossiers whose text carries an emoji
// from a web form, a formula-looking value, NFD Vietnamese and a very long
// procedure name.
func TestAwkwardText(t *testing.T) {
	requireTool(t, "qpdf")
	requireTool(t, "pdftotext")
	emoji := "Đăng ký học 😀 online"
	formula := `=HYPERLINK("http://evil.example","Bấm vào đây")`
	long := strings.Repeat("Thủ tục chuyển trường cho trẻ mầm non giữa các quận huyện ", 30)
	nfd := norm.NFD.String("Khiếu nại, tố cáo")

	path := filepath.Join(t.TempDir(), "ho-so.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"Mã hồ sơ", "Lĩnh vực", "Tên thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày trả kết quả", "Ngày xin lỗi"},
		{"A1", "Tuyển sinh", emoji, "20/02/2024", "25/02/2024", "01/03/2024", ""},
		{"A2", "Xử lý đơn", formula, "20/02/2024", "25/02/2024", "02/03/2024", ""},
		{"A3", nfd, long, "20/02/2024", "25/02/2024", "03/03/2024", "03/03/2024"},
	}
	for i, r := range rows {
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", axis, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	cfg.Sources["dossiers"] = Source{Path: path}
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 3, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	p, _ := m.Period("monthly", "2024-03")
	e, _, err := m.Make("monthly", p, Options{})
	if err != nil {
		t.Fatal(err)
	}

	pdf := filepath.Join(e.Dir, "bao-cao-cchc-2024-03.pdf")
	run(t, "qpdf", "--check", pdf)
	text := spaces.ReplaceAllString(run(t, "pdftotext", "-raw", pdf, "-"), " ")
	for _, w := range []string{"Đăng ký học ? online", "=HYPERLINK(", "Khiếu nại, tố cáo", "Thủ tục chuyển trường cho trẻ mầm non"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF lacks %q", w)
		}
	}

	wb, err := excelize.OpenFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	got := map[string]string{}
	for r := 6; r <= 8; r++ {
		axis := "C" + string(rune('0'+r))
		v, _ := wb.GetCellValue(render.SheetLate, axis)
		if formula, _ := wb.GetCellFormula(render.SheetLate, axis); formula != "" {
			t.Errorf("%s holds a formula %q", axis, formula)
		}
		got[v] = axis
	}
	for _, w := range []string{emoji, formula, strings.TrimSpace(long)} {
		if _, ok := got[w]; !ok {
			t.Errorf("workbook lacks %q as text; has %q", w, got)
		}
	}
	if raw, _ := os.ReadFile(pdf); len(raw) == 0 {
		t.Error("empty PDF")
	}
}
