package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A source whose path is a pattern: the newest matching export is read,
// and validate, doctor and the manifest say which; a newer file with other
// headers is a warning naming both.
func TestSourcePatternFollowsTheNewestExport(t *testing.T) {
	cfg := project(t)
	dir := filepath.Dir(cfg)
	exports := filepath.Join(dir, "exports")
	os.MkdirAll(exports, 0o755)
	src := filepath.Join(dir, "examples", "data", "thanh-toan-hoc-phi.xlsx")
	t0 := time.Now().Add(-48 * time.Hour)
	for i, name := range []string{"Yoyoschool_T3.xlsx", "Yoyoschool_T4.xlsx"} {
		p := filepath.Join(exports, name)
		copyFile(t, src, p)
		mod := t0.Add(time.Duration(i) * time.Hour)
		os.Chtimes(p, mod, mod)
	}
	os.Remove(src)
	setConfig(t, cfg, `path = "examples/data/thanh-toan-hoc-phi.xlsx"`, `path = "exports/Yoyoschool*.xlsx"`)

	code, out, errs := baocao("validate", "-c", cfg)
	if code != 0 || !strings.Contains(out, "exports/Yoyoschool*.xlsx → đọc tệp exports/Yoyoschool_T4.xlsx") {
		t.Errorf("validate: exit %d:\n%s%s", code, out, errs)
	}
	code, out, _ = baocao("doctor", "-c", cfg, "--no-email")
	if !strings.Contains(out, "Yoyoschool_T4.xlsx") || strings.Contains(out, "không tìm thấy tệp") {
		t.Errorf("doctor: exit %d:\n%s", code, out)
	}
	code, out, errs = baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	man, _ := os.ReadFile(filepath.Join(strings.TrimSpace(out), "manifest.json"))
	if !strings.Contains(string(man), `"exports/Yoyoschool_T4.xlsx"`) {
		t.Errorf("the manifest does not name the file read:\n%s", man)
	}

	// A newer export with other headers: the older one is read, with a warning naming both.
	bad := filepath.Join(exports, "Yoyoschool_T5.xlsx")
	copyFile(t, filepath.Join(dir, "examples", "data", "can-bo.xlsx"), bad)
	code, out, errs = baocao("validate", "-c", cfg)
	if code != 0 || !strings.Contains(out, "→ đọc tệp exports/Yoyoschool_T4.xlsx") ||
		!strings.Contains(out, "Yoyoschool_T5.xlsx") || !strings.Contains(out, "không có đúng dòng tiêu đề") {
		t.Errorf("validate with a newer, other file: exit %d:\n%s%s", code, out, errs)
	}
}
