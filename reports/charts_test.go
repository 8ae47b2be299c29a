package reports

import (
	"archive/zip"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/render"
	"github.com/xuri/excelize/v2"
)

// chartPart is what a test reads of xl/charts/chartN.xml.
type chartPart struct {
	Title  []string `xml:"chart>title>tx>rich>p>r>t"`
	XTitle []string `xml:"chart>plotArea>catAx>title>tx>rich>p>r>t"`
	Lines  []struct {
		Series []struct {
			Name   string `xml:"tx>strRef>f"`
			Cat    string `xml:"cat>strRef>f"`
			Values string `xml:"val>numRef>f"`
		} `xml:"ser"`
	} `xml:"chart>plotArea>lineChart"`
	Blanks struct {
		Val string `xml:"val,attr"`
	} `xml:"chart>dispBlanksAs"`
}

var rangeRe = regexp.MustCompile(`^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$`)

// cellsOf lists the cells of a reference such as 'Biểu đồ'!$D$6:$D$17.
func cellsOf(t *testing.T, ref string) (sheet string, cells []string) {
	t.Helper()
	m := rangeRe.FindStringSubmatch(ref)
	if m == nil {
		t.Fatalf("chart reference %q is not a range", ref)
	}
	if m[4] == "" {
		return m[1], []string{m[2] + m[3]}
	}
	if m[2] != m[4] {
		t.Fatalf("chart reference %q spans columns", ref)
	}
	from, _ := strconv.Atoi(m[3])
	to, _ := strconv.Atoi(m[5])
	for r := from; r <= to; r++ {
		cells = append(cells, m[2]+strconv.Itoa(r))
	}
	return m[1], cells
}

// TestWorkbookChartParts reads the chart parts of the annual workbook and
// the ranges they point at: one line chart per series, titled in
// Vietnamese, whose value cells hold the monthly values (blank for a month
// without cases) and whose target cells hold the target.
func TestWorkbookChartParts(t *testing.T) {
	e, man := makeExample(t, "annual", "2024", Options{})
	path := filepath.Join(e.Dir, "bao-cao-cchc-2024.xlsx")
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	byTitle := map[string]indicators.Series{}
	for _, s := range man.Series {
		byTitle[render.ChartTitle(s)] = s
	}
	if len(byTitle) != 8 {
		t.Fatalf("%d series in the manifest, want 8", len(byTitle))
	}
	charts := 0
	for _, zf := range zr.File {
		if !regexp.MustCompile(`^xl/charts/chart\d+\.xml$`).MatchString(zf.Name) {
			continue
		}
		charts++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(rc)
		rc.Close()
		var c chartPart
		if err := xml.Unmarshal(raw, &c); err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		// The title, then, for a series with gaps, the line naming them.
		title, gaps, _ := strings.Cut(strings.Join(c.Title, ""), "\n")
		s, ok := byTitle[title]
		if !ok {
			t.Errorf("%s: title %q names no series", zf.Name, title)
			continue
		}
		delete(byTitle, title)
		if gaps != render.GapNote(s) {
			t.Errorf("%s: gaps %q, want %q", title, gaps, render.GapNote(s))
		}
		if x := strings.Join(c.XTitle, ""); x != "Tháng (kỳ số liệu năm 2024)" {
			t.Errorf("%s: x axis title %q, want the PDF's \"Tháng (kỳ số liệu năm 2024)\"", title, x)
		}
		if c.Blanks.Val != "gap" {
			t.Errorf("%s: blanks shown as %q, want gap", title, c.Blanks.Val)
		}
		if len(c.Lines) != 1 || len(c.Lines[0].Series) != 2 {
			t.Fatalf("%s: want one line chart of two series, got %+v", title, c.Lines)
		}
		value, target := c.Lines[0].Series[0], c.Lines[0].Series[1]
		for _, ser := range []struct{ ref, want string }{{value.Name, "Kết quả"}, {target.Name, render.TargetLegend(s)}} {
			sheet, cells := cellsOf(t, ser.ref)
			if got, _ := book.GetCellValue(sheet, cells[0]); got != ser.want {
				t.Errorf("%s: series named by %s = %q, want %q", title, ser.ref, got, ser.want)
			}
		}
		sheet, cats := cellsOf(t, value.Cat)
		_, vals := cellsOf(t, value.Values)
		_, targets := cellsOf(t, target.Values)
		if sheet != render.SheetCharts || len(cats) != len(s.Points) || len(vals) != len(s.Points) || len(targets) != len(s.Points) {
			t.Fatalf("%s: ranges %s %s %s for %d months", title, value.Cat, value.Values, target.Values, len(s.Points))
		}
		for i, p := range s.Points {
			if got, _ := book.GetCellValue(sheet, cats[i]); got != render.MonthLabel(p.Period) {
				t.Errorf("%s: category %s = %q, want %q", title, cats[i], got, render.MonthLabel(p.Period))
			}
			raw, _ := book.GetCellValue(sheet, vals[i], excelize.Options{RawCellValue: true})
			typ, _ := book.GetCellType(sheet, vals[i])
			if p.Value == nil {
				if raw != "" || typ != excelize.CellTypeUnset {
					t.Errorf("%s %s: cell %s holds %q (type %v), want a blank (a gap)", title, p.Period, vals[i], raw, typ)
				}
			} else if v, err := strconv.ParseFloat(raw, 64); err != nil || math.Abs(v-*p.Value) > 1e-12 {
				t.Errorf("%s %s: cell %s holds %q, want %v", title, p.Period, vals[i], raw, *p.Value)
			}
			raw, _ = book.GetCellValue(sheet, targets[i], excelize.Options{RawCellValue: true})
			if v, err := strconv.ParseFloat(raw, 64); err != nil || v != s.Target {
				t.Errorf("%s: target cell %s holds %q, want %v", title, targets[i], raw, s.Target)
			}
		}
	}
	if charts != 8 || len(byTitle) != 0 {
		t.Errorf("%d chart parts; series without a chart: %v", charts, byTitle)
	}
}

// openpyxlCharts reads the charts of sheet "Biểu đồ" with openpyxl, and the
// cells each series points at.
const openpyxlCharts = `
import json, sys, openpyxl
from openpyxl.utils import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ch in wb["Biểu đồ"]._charts:
    title = "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or []))
    series = []
    for s in ch.series:
        ref = s.val.numRef.f
        sheet, cells = ref.rsplit("!", 1)
        ws = wb[sheet.strip("'")]
        c1, r1, c2, r2 = range_boundaries(cells.replace("$", ""))
        series.append([ws.cell(r, c1).value for r in range(r1, r2 + 1)])
    out.append({"title": title, "series": series})
print(json.dumps(out, ensure_ascii=False))
`

// TestWorkbookChartsOpenpyxlAndLibreOffice opens the annual workbook as
// office software does: openpyxl finds its charts and the values they
// plot; LibreOffice converts it to PDF, charts drawn with their titles.
func TestWorkbookChartsOpenpyxlAndLibreOffice(t *testing.T) {
	requirePython(t, "openpyxl")
	e, man := makeExample(t, "annual", "2024", Options{})
	path := filepath.Join(e.Dir, "bao-cao-cchc-2024.xlsx")
	out, err := exec.Command("/usr/bin/python3", "-c", openpyxlCharts, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var charts []struct {
		Title  string       `json:"title"`
		Series [][]*float64 `json:"series"`
	}
	if err := json.Unmarshal(out, &charts); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(charts) != len(man.Series) {
		t.Fatalf("openpyxl finds %d charts, want %d", len(charts), len(man.Series))
	}
	for i, c := range charts {
		s := man.Series[i]
		want := render.ChartTitle(s)
		if note := render.GapNote(s); note != "" {
			want += "\n" + note
		}
		if c.Title != want || len(c.Series) != 2 {
			t.Errorf("chart %d: %q with %d series, want %q with 2", i, c.Title, len(c.Series), want)
			continue
		}
		for k, p := range s.Points {
			got := c.Series[0][k]
			if (got == nil) != (p.Value == nil) || got != nil && math.Abs(*got-*p.Value) > 1e-12 {
				t.Errorf("%s %s: openpyxl reads %v, want %v", s.ID, p.Period, show(got), show(p.Value))
			}
			if tg := c.Series[1][k]; tg == nil || *tg != s.Target {
				t.Errorf("%s %s: target %v, want %v", s.ID, p.Period, show(tg), s.Target)
			}
		}
	}

	requireTool(t, "soffice")
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	profile := "file://" + filepath.Join(dir, "profile")
	if out, err := exec.Command("soffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "bao-cao-cchc-2024.pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("LibreOffice made no PDF: %v", err)
	}
	text := spaces.ReplaceAllString(run(t, "pdftotext", pdf, "-"), " ")
	for _, s := range man.Series {
		if !strings.Contains(text, render.ChartTitle(s)) {
			t.Errorf("LibreOffice's rendering lacks the chart %q", render.ChartTitle(s))
		}
	}
	if !strings.Contains(text, "Tháng (kỳ số liệu năm 2024)") || !strings.Contains(text, "Tỷ lệ (%)") {
		t.Errorf("LibreOffice's rendering lacks the axis titles")
	}
}

// TestPDFFigurePage checks the annual PDF's page of figures with
// pdftotext: its heading, each figure's title and legend, and the axis
// labels and ticks that gonum/plot drew as text (the figures are vectors:
// pdfimages finds no picture); qpdf checks the structure, pdffonts that
// only Liberation Serif is used. A quarterly report has no such page.
func TestPDFFigurePage(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfimages", "pdffonts", "qpdf"} {
		requireTool(t, tool)
	}
	e, man := makeExample(t, "annual", "2024", Options{})
	pdf := filepath.Join(e.Dir, "bao-cao-cchc-2024.pdf")
	pages := strings.Split(run(t, "pdftotext", pdf, "-"), "\f")
	page := -1
	for i, p := range pages {
		if strings.Contains(p, render.ChartsHeading) {
			page = i + 1
		}
	}
	if page < 0 {
		t.Fatalf("no page headed %q", render.ChartsHeading)
	}
	text := spaces.ReplaceAllString(pages[page-1], " ")
	for _, s := range man.Series {
		for _, w := range []string{render.ChartTitle(s), render.TargetLegend(s)} {
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks %q", page, w)
			}
		}
	}
	for w, n := range map[string]int{"Tháng (kỳ số liệu năm 2024)": len(man.Series), "Tỷ lệ (%)": len(man.Series), "100%": len(man.Series)} {
		if got := strings.Count(text, w); got < n {
			t.Errorf("page %d has %q %d times, want %d (one per figure)", page, w, got, n)
		}
	}
	if lines := strings.Split(strings.TrimSpace(run(t, "pdfimages", "-list", pdf)), "\n"); len(lines) != 2 {
		t.Errorf("pictures in the PDF, want vector figures only:\n%s", strings.Join(lines, "\n"))
	}
	run(t, "qpdf", "--check", pdf)
	for _, line := range strings.Split(strings.TrimSpace(run(t, "pdffonts", pdf)), "\n")[2:] {
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-5] != "yes" || !strings.Contains(strings.ToLower(f[0]), "liberationserif") {
			t.Errorf("font not embedded Liberation Serif: %q", line)
		}
	}

	e, h1 := makeExample(t, "half-year", "2024-H1", Options{})
	if len(h1.Series) != len(man.Series) || len(h1.Series[0].Points) != 6 {
		t.Errorf("half-year: %d series of %d months, want %d of 6", len(h1.Series), len(h1.Series[0].Points), len(man.Series))
	}
	if h := run(t, "pdftotext", filepath.Join(e.Dir, "bao-cao-cchc-2024-H1.pdf"), "-"); !strings.Contains(h, render.ChartsHeading) {
		t.Errorf("the half-year report has no page of figures")
	}

	e, _ = makeExample(t, "quarterly", "2024-Q2", Options{})
	q := run(t, "pdftotext", filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2.pdf"), "-")
	if strings.Contains(q, render.ChartsHeading) {
		t.Errorf("a quarterly report (series not asked for) has a page of figures")
	}
}

// TestChartsSheetPrintLayout reads the charts sheet's XML: month labels
// short enough for any axis ("T01"), each chart on a single printed page
// (a row break above each pair of charts, none inside a chart), and no
// header row repeated over the pages of charts.
func TestChartsSheetPrintLayout(t *testing.T) {
	e, man := makeExample(t, "annual", "2024", Options{})
	path := filepath.Join(e.Dir, "bao-cao-cchc-2024.xlsx")
	book, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	for i, p := range man.Series[0].Points {
		cell, _ := excelize.CoordinatesToCellName(1, 6+i)
		if got, _ := book.GetCellValue(render.SheetCharts, cell); got != fmt.Sprintf("T%02d", i+1) || len(got) > 3 {
			t.Errorf("%s %s: month label %q, want T%02d", cell, p.Period, got, i+1)
		}
	}
	for _, dn := range book.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == render.SheetCharts {
			t.Errorf("the charts sheet repeats %s on every page", dn.RefersTo)
		}
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) []byte {
		for _, f := range zr.File {
			if f.Name == name {
				rc, _ := f.Open()
				defer rc.Close()
				b, _ := io.ReadAll(rc)
				return b
			}
		}
		return nil
	}
	var sheetXML []byte
	for _, f := range zr.File {
		if b := read(f.Name); strings.HasPrefix(f.Name, "xl/worksheets/sheet") && strings.Contains(string(b), "<drawing ") {
			sheetXML = b
		}
	}
	var ws struct {
		Breaks []struct {
			ID int `xml:"id,attr"`
		} `xml:"rowBreaks>brk"`
	}
	if err := xml.Unmarshal(sheetXML, &ws); err != nil {
		t.Fatalf("charts sheet: %v", err)
	}
	var dr struct {
		Anchors []struct {
			From int `xml:"from>row"`
			To   int `xml:"to>row"`
		} `xml:"twoCellAnchor"`
	}
	if err := xml.Unmarshal(read("xl/drawings/drawing1.xml"), &dr); err != nil {
		t.Fatalf("drawing: %v", err)
	}
	if len(dr.Anchors) != len(man.Series) || len(ws.Breaks) == 0 {
		t.Fatalf("%d anchors for %d charts, %d row breaks", len(dr.Anchors), len(man.Series), len(ws.Breaks))
	}
	// page is the printed page (0: the table) a 1-based row is on: a
	// break with id N puts row N+1 on a new page.
	page := func(row int) int {
		n := 0
		for _, b := range ws.Breaks {
			if row > b.ID {
				n++
			}
		}
		return n
	}
	months := len(man.Series[0].Points)
	if page(5+months) != 0 {
		t.Errorf("the table's last row is on page %d", page(5+months))
	}
	for k, a := range dr.Anchors {
		from, to := a.From+1, a.To+1 // 0-based in the XML
		if page(from) != page(to) {
			t.Errorf("chart %d (rows %d–%d) is cut by a row break %+v", k, from, to, ws.Breaks)
		}
		if page(from) != 1+k/2 {
			t.Errorf("chart %d is on page %d, want %d (two per page after the table)", k, page(from), 1+k/2)
		}
		if to-from+1 > 19 {
			t.Errorf("chart %d spans %d rows", k, to-from+1)
		}
	}
}
