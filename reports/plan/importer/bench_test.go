package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// longPlan makes a plan of about 48 pages: the 2024 plan's Word file
// (12 pages as LibreOffice prints it) with its body written four times
// over, every part else unchanged.
func longPlan(tb testing.TB) string {
	tb.Helper()
	zr, err := zip.OpenReader("testdata/ke-hoach-cchc-2024.docx")
	if err != nil {
		tb.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			s := string(data)
			start := strings.Index(s, "<w:body>") + len("<w:body>")
			end := strings.LastIndex(s, "<w:sectPr")
			if start < len("<w:body>") || end < start {
				tb.Fatal("no body in document.xml")
			}
			data = []byte(s[:start] + strings.Repeat(s[start:end], 4) + s[end:])
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	p := filepath.Join(tb.TempDir(), "ke-hoach-48-trang.docx")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// BenchmarkImport40Pages imports a plan of about 48 pages (reading the
// Word file, finding its parts, matching its targets, writing and loading
// the plan file); the issue asks for under 1 s.
func BenchmarkImport40Pages(b *testing.B) {
	p := longPlan(b)
	b.ResetTimer()
	for b.Loop() {
		res, err := Import(p)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Targets) != 16 {
			b.Fatalf("%d targets", len(res.Targets))
		}
	}
}
