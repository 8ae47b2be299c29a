package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateNarrative: validate, with or without -p, names each
// narrative row it cannot use — file, row, column, value and what to write instead — and a run
// still makes the report.
func TestValidateNarrative(t *testing.T) {
	cfg := project(t)
	dir := filepath.Dir(cfg)
	os.WriteFile(filepath.Join(dir, "nhan-xet.csv"), []byte("Kỳ báo cáo;Phần;Nội dung\n2024-Q2;Ý kiến khác;Một ý kiến.\n2024-Q2;Đề xuất, kiến nghị;Đề nghị tập huấn.\n"), 0o644)
	f, err := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n[sources.narrative]\npath = \"nhan-xet.csv\"\n")
	f.Close()

	want := `cảnh báo: nhan-xet.csv, dòng 2, cột "Phần" = "Ý kiến khác": phần không có trong danh mục: ghi một trong Đánh giá chung; Nguyên nhân; Phương hướng; Đề xuất, kiến nghị`
	for _, args := range [][]string{{"validate", "-c", cfg, "-p", "2024-Q2"}, {"validate", "-c", cfg}} {
		code, out, errs := baocao(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if !strings.Contains(out, want) || !strings.Contains(out, "đã đọc 9 sổ dữ liệu, 4 cảnh báo") || strings.Count(out, "Ý kiến khác") != 1 {
			t.Errorf("%v: output lacks %q once, or the count:\n%s", args, want, out)
		}
	}
	code, out, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	man, err := os.ReadFile(filepath.Join(strings.TrimSpace(out), "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"source": "narrative"`, `"path": "nhan-xet.csv"`, `"part": "Đề xuất, kiến nghị"`, `"text": "Đề nghị tập huấn."`} {
		if !strings.Contains(string(man), w) {
			t.Errorf("manifest lacks %s", w)
		}
	}
}
