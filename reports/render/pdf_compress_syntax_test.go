package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testsign"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/sources"
)

// pdfSyntaxTexts are texts a unit could write that are PDF syntax.
var pdfSyntaxTexts = []string{"endstream", "endobj", "xref 0 7", "startxref 12", "%%EOF", "3 0 obj <</Type /Page",
	"((( mở ngoặc", "))) đóng ngoặc", `gạch \ngược\`, "cr\rlf\r\n", strings.Repeat("dòng dài ", 300), "stream", "trailer <<>>",
	"/Contents 4 0 R", "/Length 99"}

// TestPDFWithPDFSyntaxInItsTexts: a report whose unit name, late
// dossiers (a thousand: some three hundred pages), tasks, narrative and
// warnings are PDF syntax is compressed into a file qpdf finds sound,
// whose text pdftotext reads, and which pdfsig signs and verifies.
func TestPDFWithPDFSyntaxInItsTexts(t *testing.T) {
	requireTool(t, "qpdf")
	requireTool(t, "pdftotext")
	testsign.Require(t)
	d := testDoc(t, 5, 0)
	d.Unit.Name = "Trường endobj (xref %%EOF"
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	n := len(pdfSyntaxTexts)
	for i := range 1000 {
		d.Outcome.Late = append(d.Outcome.Late, indicators.LateDossier{ID: fmt.Sprintf("HS-%04d", i), Field: pdfSyntaxTexts[i%n],
			Procedure: pdfSyntaxTexts[(i+3)%n] + " X" + fmt.Sprint(i), Received: day, Due: day.AddDate(0, 0, 5),
			Returned: day.AddDate(0, 0, 5+i%9), DaysLate: i % 9})
	}
	for i, s := range pdfSyntaxTexts {
		d.Outcome.Tasks = append(d.Outcome.Tasks, indicators.TaskStatus{ID: fmt.Sprintf("9.%d", i), Title: s, Status: "Đang thực hiện", Result: s})
		d.Narrative = append(d.Narrative, narrative.Entry{Part: narrative.Part(1 + i%4), Text: "Ghi chú " + s + " hết", Row: i + 2})
		d.Warnings = append(d.Warnings, sources.Issue{Severity: sources.Warning, Source: "dossiers", File: s + ".xlsx", Sheet: s,
			Row: i + 2, Column: "B", Value: s, Message: "cảnh báo " + s})
	}
	pdf, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%.2000s", err, out)
	}
	text, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"endstream", "startxref 12", "%%EOF", "((( mở ngoặc", "))) đóng ngoặc", `gạch \ngược\`, "HS-0999", "X999"} {
		if !bytes.Contains(text, []byte(s)) {
			t.Errorf("pdftotext does not read %q", s)
		}
	}
	s, err := testsign.New(t.TempDir(), "CA Thử", "Hiệu Trưởng", 30)
	if err != nil {
		t.Fatal(err)
	}
	signed := filepath.Join(dir, "signed.pdf")
	if err := s.Sign(file, signed); err != nil {
		t.Fatal(err)
	}
	if report, err := s.Check(signed); err != nil || !testsign.Valid(report) {
		t.Errorf("pdfsig: %v\n%s", err, report)
	}
}

// TestCompressStreamsRefusesWhatIsNotFpdfsLayout: a PDF cut short, whose
// startxref, cross-reference entries or page content's length do not
// match its objects, is refused, never rewritten into a broken file.
func TestCompressStreamsRefusesWhatIsNotFpdfsLayout(t *testing.T) {
	p := newPDF(testDoc(t, 5, 0))
	p.render()
	var raw bytes.Buffer
	if err := p.f.Output(&raw); err != nil {
		t.Fatal(err)
	}
	u := raw.Bytes()
	if _, err := compressStreams(u); err != nil {
		t.Fatalf("fpdf's own output refused: %v", err)
	}
	sx := bytes.LastIndex(u, []byte("startxref\n"))
	xref := bytes.LastIndex(u, []byte("\nxref\n")) + 1
	entry := xref + len("xref\n0 ") + bytes.IndexByte(u[xref+len("xref\n0 "):], '\n') + 1 + 20 // object 1's
	content := bytes.Index(u, []byte(" 0 obj\n<</Length ")) + len(" 0 obj\n<</Length ")
	edit := func(at int, s string) []byte {
		b := bytes.Clone(u)
		copy(b[at:], s)
		return b
	}
	for name, bad := range map[string][]byte{
		"cut short":                    u[:len(u)/2],
		"cut in the table":             u[:xref+40],
		"startxref past the table":     edit(sx+len("startxref\n"), "9"),
		"an entry off by one":          edit(entry+9, string('0'+(u[entry+9]-'0'+1)%10)),
		"an entry not in use":          edit(entry+17, "f"),
		"a content's length too large": edit(content, string('0'+(u[content]-'0'+1)%10)),
		"no startxref":                 bytes.ReplaceAll(u, []byte("startxref"), []byte("startxreg")),
	} {
		if out, err := compressStreams(bad); err == nil {
			t.Errorf("%s: rewritten (%d bytes) instead of refused", name, len(out))
		}
	}
}
