package render

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"golang.org/x/text/unicode/norm"
)

func TestDocxText(t *testing.T) {
	tests := []struct{ in, want string }{
		{norm.NFD.String("Khiếu nại, tố cáo"), "Khiếu nại, tố cáo"},
		{"Đăng ký học 😀 online", "Đăng ký học 😀 online"}, // unlike the PDF, Word shows emoji
		{"dòng một\ndòng\thai", "dòng một dòng hai"},
		{"a\x00b\x1fc", "abc"},
	}
	for _, tt := range tests {
		if got := docxText(tt.in); got != tt.want {
			t.Errorf("docxText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTwips(t *testing.T) {
	for mm, want := range map[float64]int{210: 11906, 297: 16838, 20: 1134, 30: 1701, 15: 850, 12.7: 720} {
		if got := twips(mm); got != want {
			t.Errorf("twips(%v) = %d, want %d", mm, got, want)
		}
	}
}

// TestDOCXWithoutAppendix: with no late dossier the draft is one portrait
// section, and the same bytes come out twice.
func TestDOCXWithoutAppendix(t *testing.T) {
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := period.Parse("2024-03", period.Decree09)
	if err != nil {
		t.Fatal(err)
	}
	d := &Doc{Unit: Unit{Parent: "Ủy ban nhân dân Quận 1", Name: "Trường Mầm non 20/10", Place: "Quận 1", Symbol: "MN2010",
		SignerTitle: "Hiệu trưởng", SignerName: "Nguyễn Thị Hồng Vân"},
		Period: p, Issued: time.Date(2024, 3, 16, 0, 0, 0, 0, time.UTC), Texts: texts, Generated: time.Date(2024, 3, 16, 7, 0, 0, 0, time.UTC),
		Outcome: &indicators.Outcome{Fields: []indicators.FieldStats{{Field: indicators.Total}}}}
	if len(d.Layout().Appendices) != 0 {
		t.Fatal("an appendix without late dossiers")
	}
	a, err := DOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DOCX(d)
	if !bytes.Equal(a, b) {
		t.Error("the same report gives different bytes")
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			raw, _ := io.ReadAll(r)
			doc = string(raw)
		}
	}
	if n := strings.Count(doc, "<w:sectPr>"); n != 1 || strings.Contains(doc, "landscape") {
		t.Errorf("%d sections (landscape: %v), want one portrait section", n, strings.Contains(doc, "landscape"))
	}
	for _, w := range []string{"ỦY BAN NHÂN DÂN QUẬN 1", "Nơi nhận:", "- Lưu: VT.", "HIỆU TRƯỞNG", "Nguyễn Thị Hồng Vân"} {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %q", w)
		}
	}
}
