package reports

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/render"
	"github.com/xuri/excelize/v2"
)

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// makeExample makes a report from the example config and data, on
// 16/06/2024.
func makeExample(t *testing.T, report, label string, opt Options) (archive.Entry, *Manifest) {
	t.Helper()
	return makeWith(t, exampleMaker(t, 2024, 6, 16), report, label, opt)
}

// exampleMaker is a maker of the example config, archiving into a
// temporary folder, whose clock says 07:00 on the given day.
func exampleMaker(t *testing.T, year int, month time.Month, day int) *Maker {
	t.Helper()
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	m, err := NewMaker(cfg, func() time.Time { return time.Date(year, month, day, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// makeWith makes a report with m.
func makeWith(t *testing.T, m *Maker, report, label string, opt Options) (archive.Entry, *Manifest) {
	t.Helper()
	p, err := m.Period(report, label)
	if err != nil {
		t.Fatal(err)
	}
	e, man, err := m.Make(report, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	return e, man
}

var spaces = regexp.MustCompile(`\s+`)

func TestPDFIsAnOfficialDocument(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts", "qpdf"} {
		requireTool(t, tool)
	}
	e, man := makeExample(t, "quarterly", "2024-Q2", Options{Number: 5, Issued: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)})
	pdf := filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2.pdf")

	info := run(t, "pdfinfo", pdf)
	if !strings.Contains(info, "(A4)") {
		t.Errorf("pdfinfo does not say A4:\n%s", info)
	}
	for _, line := range strings.Split(strings.TrimSpace(run(t, "pdffonts", pdf)), "\n")[2:] {
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" || !strings.Contains(strings.ToLower(f[0]), "liberationserif") {
			t.Errorf("font not embedded Liberation Serif: %q", line)
		}
	}
	run(t, "qpdf", "--check", pdf)

	text := spaces.ReplaceAllString(run(t, "pdftotext", "-raw", pdf, "-"), " ")
	want := []string{
		"ỦY BAN NHÂN DÂN QUẬN 1", "TRƯỜNG MẦM NON 20/10",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 05/BC-MN2010", "Quận 1, ngày 05 tháng 3 năm 2024",
		"BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024",
		"I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "IV. ĐÁNH GIÁ CHUNG",
		"Kính gửi: Phòng Nội vụ Quận 1", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Nguyễn Thị Hồng Vân",
		"Phụ lục",
	}
	for _, r := range man.Indicators {
		want = append(want, r.ID+". "+r.Text, render.ResultText(r), r.Status)
		for _, g := range r.Breakdown {
			want = append(want, "- Lĩnh vực "+g.Key, render.Percent(*g.Value))
		}
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("pdftotext lacks %q", w)
		}
	}

	page := func(n string) []string {
		var lines []string
		for _, l := range strings.Split(run(t, "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-"), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return lines
	}
	if p2 := page("2"); len(p2) == 0 || p2[0] != "2" {
		t.Errorf("page 2 does not start with its number: %q", p2[:min(3, len(p2))])
	}
	if p1 := page("1"); p1[0] == "1" {
		t.Errorf("page 1 carries a number: %q", p1[0])
	}
}

func TestPDFDateLine(t *testing.T) {
	tests := []struct {
		date time.Time
		want string
	}{
		{time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), "ngày 05 tháng 3 năm 2024"},
		{time.Date(2024, 1, 12, 0, 0, 0, 0, time.UTC), "ngày 12 tháng 01 năm 2024"},
		{time.Date(2024, 2, 9, 0, 0, 0, 0, time.UTC), "ngày 09 tháng 02 năm 2024"},
		{time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC), "ngày 20 tháng 12 năm 2024"},
	}
	for _, tt := range tests {
		if got := render.LongDate(tt.date); got != tt.want {
			t.Errorf("LongDate(%v) = %q, want %q", tt.date, got, tt.want)
		}
	}
}

func TestWorkbook(t *testing.T) {
	e, man := makeExample(t, "monthly", "2024-03", Options{})
	f, err := excelize.OpenFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range []string{render.SheetIndicators, render.SheetFields, render.SheetLate, render.SheetTasks, render.SheetWarnings} {
		if idx, _ := f.GetSheetIndex(s); idx < 0 {
			t.Errorf("no sheet %q", s)
		}
	}
	// Results are numbers with a percent format, not text.
	rows, _ := f.GetRows(render.SheetIndicators)
	found := 0
	for i, r := range rows {
		if len(r) < 5 || r[1] != "9.4" {
			continue
		}
		axis := "E" + strconv.Itoa(i+1)
		raw, _ := f.GetCellValue(render.SheetIndicators, axis, excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(render.SheetIndicators, axis)
		typ, _ := f.GetCellType(render.SheetIndicators, axis)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || !strings.HasSuffix(shown, "%") || strings.Contains(raw, "%") {
			t.Errorf("9.4 result: raw %q shown %q type %v; want a number shown as a percent", raw, shown, typ)
		}
		found++
	}
	if found != 1 {
		t.Errorf("indicator 9.4 found %d times", found)
	}
	// A carried manual value's note in the PDF's words, not the period's
	// code (indicator 2 of March 2024 is the figure of 2024-Q1); the
	// manifest keeps the note as computed.
	for _, r := range rows {
		if len(r) > 8 && r[1] == "2" && r[8] != "Số liệu quý I năm 2024" {
			t.Errorf("indicator 2's note in the workbook: %q, want \"Số liệu quý I năm 2024\"", r[8])
		}
	}
	for _, ind := range man.Indicators {
		if ind.ID == "2" && ind.Note != "Số liệu kỳ 2024-Q1" {
			t.Errorf("indicator 2's note in the manifest: %q", ind.Note)
		}
	}
	// One row per warning, under a header at row 5.
	warn, _ := f.GetRows(render.SheetWarnings)
	if got := len(warn) - 5; got != len(man.Issues) {
		t.Errorf("%d warning rows, manifest has %d", got, len(man.Issues))
	}
	panes, _ := f.GetPanes(render.SheetIndicators)
	if !panes.Freeze || panes.YSplit != 5 {
		t.Errorf("header row not frozen: %+v", panes)
	}
}
