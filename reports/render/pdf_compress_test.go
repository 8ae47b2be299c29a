package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
)

// TestPDFCompressedAsFpdfDoes: a report with both appendices, written
// by fpdf uncompressed and then compressed by compressStreams: every
// cross-reference entry points at its object, each page's content
// decompresses to what fpdf wrote, every other object is as fpdf wrote it,
// qpdf finds the file sound, and pdftotext reads the same text, page for
// page, as in the PDF fpdf compresses itself.
func TestPDFCompressedAsFpdfDoes(t *testing.T) {
	requireTool(t, "qpdf")
	requireTool(t, "pdftotext")
	d := docWithAppendices(t)
	p := newPDF(d)
	p.render()
	var raw bytes.Buffer
	if err := p.f.Output(&raw); err != nil {
		t.Fatal(err)
	}
	u := raw.Bytes()
	c, err := compressStreams(u)
	if err != nil {
		t.Fatal(err)
	}
	if len(c) >= len(u) {
		t.Errorf("compressed %d bytes, uncompressed %d", len(c), len(u))
	}
	uo, co := pdfObjects(t, u), pdfObjects(t, c)
	if len(uo) != len(co) || len(co) < 40 {
		t.Fatalf("%d objects, then %d", len(uo), len(co))
	}
	pages := 0
	for j := 1; j < len(co); j++ {
		if bytes.Equal(uo[j], co[j]) {
			continue
		}
		head := fmt.Sprintf("%d 0 obj\n<</Filter /FlateDecode /Length ", j)
		if !bytes.HasPrefix(co[j], []byte(head)) {
			t.Fatalf("object %d changed and is not a compressed stream: %q", j, co[j][:min(len(co[j]), 60)])
		}
		body := co[j][bytes.Index(co[j], []byte("stream\n"))+len("stream\n") : len(co[j])-len("\nendstream\nendobj\n")]
		zr, err := zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("object %d: %v", j, err)
		}
		want := uo[j][bytes.Index(uo[j], []byte("stream\n"))+len("stream\n") : len(uo[j])-len("\nendstream\nendobj\n")]
		if !bytes.Equal(plain, want) {
			t.Fatalf("object %d decompresses to other content", j)
		}
		pages++
	}
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "ours.pdf"), filepath.Join(dir, "theirs.pdf")
	os.WriteFile(ours, c, 0o644)
	q := newPDF(d)
	q.f.SetCompression(true)
	q.render()
	var fp bytes.Buffer
	if err := q.f.Output(&fp); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(theirs, fp.Bytes(), 0o644)
	if n := bytes.Count(fp.Bytes(), []byte("/Type /Page\n")); pages != n || n < 10 {
		t.Errorf("%d pages' contents compressed, fpdf compresses %d", pages, n)
	}
	if out, err := exec.Command("qpdf", "--check", ours).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	a, err := exec.Command("pdftotext", "-layout", ours, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command("pdftotext", "-layout", theirs, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) || !bytes.Contains(a, []byte("HS-0299")) {
		t.Errorf("pdftotext reads %d bytes of text, %d from fpdf's own compression", len(a), len(b))
	}
}

// pdfObjects are a PDF's objects by number, from its cross-reference
// table: each must start at its entry's offset, and runs to the next
// object or the table.
func pdfObjects(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	var xref, n int
	fmt.Sscanf(string(pdf[sx:]), "startxref\n%d", &xref)
	fmt.Sscanf(string(pdf[xref:]), "xref\n0 %d", &n)
	entries := xref + bytes.Index(pdf[xref:], []byte("0000000000 65535 f \n")) + 20
	offs := make([]int, n)
	for j := 1; j < n; j++ {
		fmt.Sscanf(string(pdf[entries+20*(j-1):]), "%d", &offs[j])
	}
	sorted := append([]int{}, offs[1:]...)
	slices.Sort(sorted)
	objs := make([][]byte, n)
	for j := 1; j < n; j++ {
		k, _ := slices.BinarySearch(sorted, offs[j])
		end := xref
		if k+1 < len(sorted) {
			end = sorted[k+1]
		}
		objs[j] = pdf[offs[j]:end]
		if !bytes.HasPrefix(objs[j], []byte(fmt.Sprintf("%d 0 obj\n", j))) || !bytes.HasSuffix(objs[j], []byte("endobj\n")) {
			t.Fatalf("cross-reference entry %d points at %q", j, objs[j][:min(len(objs[j]), 20)])
		}
	}
	return objs
}

// docWithAppendices is a report with 300 late dossiers and two monthly
// series: both appendices, some fifteen pages.
func docWithAppendices(t *testing.T) *Doc {
	t.Helper()
	d := testDoc(t, 5, 0)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		d.Outcome.Late = append(d.Outcome.Late, indicators.LateDossier{ID: fmt.Sprintf("HS-%04d", i), Field: "Giáo dục",
			Procedure: "Chuyển trường đối với học sinh tiểu học & <trung học>", Received: day, Due: day.AddDate(0, 0, 5),
			Returned: day.AddDate(0, 0, 5+i%9), DaysLate: i % 9})
	}
	for k := range 2 {
		s := indicators.Series{ID: fmt.Sprintf("3.%d", k+1), Text: "Tỷ lệ hồ sơ đúng hạn", Target: 0.95, Compare: ">="}
		for m := 1; m <= 3; m++ {
			v := 0.9 + float64(m)/40
			s.Points = append(s.Points, indicators.Point{Period: fmt.Sprintf("2024-%02d", m), Value: &v})
		}
		d.Outcome.Series = append(d.Outcome.Series, s)
	}
	return d
}
