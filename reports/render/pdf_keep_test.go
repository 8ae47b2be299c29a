package render

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
)

// requireTool skips a test when a command is missing on a workstation, and
// fails it under CI, where .ci/run installs it.
func requireTool(t *testing.T, name string) { t.Helper(); testtools.Command(t, name) }

// testDoc is a report with tasks updated tasks and directions extra
// one-line paragraphs of directions.
func testDoc(t *testing.T, tasks, directions int) *Doc {
	t.Helper()
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	tx := *texts
	for i := range directions {
		tx.Directions = append(append([]string{}, tx.Directions...), fmt.Sprintf("Phương hướng bổ sung số %d.", i+1))
	}
	p, err := period.Parse("2024-03", period.Decree09)
	if err != nil {
		t.Fatal(err)
	}
	v, n, dd, met := 0.9, 9, 10, false
	out := &indicators.Outcome{
		Indicators: []indicators.Result{{ID: "1", Text: "Tỷ lệ hồ sơ đúng hạn", TargetText: "100%", Value: &v,
			Numerator: &n, Denominator: &dd, Target: 1, Met: &met, Status: indicators.NotMet, Unit: "fraction"}},
		Fields: []indicators.FieldStats{{Field: indicators.Total, Received: 10, Resolved: 10, OnTime: 9, Late: 1, Rate: &v}},
	}
	for i := range tasks {
		out.Tasks = append(out.Tasks, indicators.TaskStatus{ID: fmt.Sprintf("%d.1", i+1), Title: "Nhiệm vụ thử",
			Status: "Đang thực hiện", Result: "Đã triển khai"})
	}
	return &Doc{Unit: Unit{Parent: "Ủy ban nhân dân Quận 1", Name: "Trường Mầm non 20/10", Place: "Quận 1",
		Symbol: "MN2010", SignerTitle: "Hiệu trưởng", SignerName: "Nguyễn Thị Hồng Vân"},
		ReportID: "monthly", Period: p, Issued: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC),
		PlanReference: "Kế hoạch số 13/KH-MN2010", Outcome: out, Texts: &tx,
		Generated: time.Date(2024, 3, 15, 7, 0, 3, 0, time.FixedZone("ICT", 7*3600))}
}

var pageNumber = regexp.MustCompile(`^\d+$`)

// TestSignatureNeverAlone renders reports whose body ends at every height
// of the last page, by adding task rows and paragraphs of directions, and
// checks with pdftotext that the page holding the signature holds body
// text too: at least the closing paragraph.
func TestSignatureNeverAlone(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	const band = 2.5 // mm: one report for each band of the page the body ends in
	type layout struct {
		p      *pdfDoc
		tasks  int
		dirs   int
		bodyAt float64
	}
	cases := map[int]layout{}
	var ends []float64
	for tasks := 0; tasks <= 36; tasks++ {
		for dirs := 0; dirs <= 6; dirs++ {
			p := newPDF(testDoc(t, tasks, dirs))
			p.render()
			ends = append(ends, p.bodyEnd)
			b := int((p.bodyEnd - marginT) / band)
			if _, ok := cases[b]; !ok {
				cases[b] = layout{p, tasks, dirs, p.bodyEnd}
			}
		}
	}
	// A body ends a line and a paragraph's space below the top at the
	// earliest, and text ends in steps of lines: every step from there to
	// the bottom margin must be seen.
	slices.Sort(ends)
	ends = append(slices.Compact(ends), pageH-marginB)
	for i, prev := 0, marginT+bodyLine+paraAfter; i < len(ends); prev, i = ends[i], i+1 {
		if ends[i]-prev > bodyLine+paraAfter+0.01 {
			t.Errorf("no report's body ends between %.1f and %.1f mm: the cases do not cover the page", prev, ends[i])
		}
	}
	for _, c := range cases {
		d := c.p.doc
		pdf, err := c.p.output()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("t%d-d%d.pdf", c.tasks, c.dirs))
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", path, err)
		}
		pages := strings.Split(string(out), "\f")
		sig := -1
		for i, pg := range pages {
			if strings.Contains(pg, d.Unit.SignerName) {
				sig = i
			}
		}
		if sig < 0 {
			t.Fatalf("%s: no page holds the signer's name", path)
		}
		// What is left of the page without the signature block and the
		// page number is body text, ending with the closing paragraph.
		block := append([]string{"Nơi nhận:", "HIỆU TRƯỞNG", d.Unit.SignerName}, d.Layout().Signature.Recipients...)
		var body []string
		for _, l := range strings.Split(pages[sig], "\n") {
			for _, s := range block {
				l = strings.ReplaceAll(l, s, "")
			}
			if l = strings.TrimSpace(l); l != "" && !pageNumber.MatchString(l) {
				body = append(body, l)
			}
		}
		if text := strings.Join(body, " "); !strings.HasSuffix(text, "./.") {
			t.Errorf("tasks %d, directions %d (body ends at %.1f mm): page %d holds the signature without the closing paragraph: %q",
				c.tasks, c.dirs, c.bodyAt, sig+1, text)
		}
	}
	t.Logf("%d reports, their bodies ending from %.1f to %.1f mm", len(cases), marginT+bodyLine+paraAfter, pageH-marginB)
}
