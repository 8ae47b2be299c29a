package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/period"
	"github.com/xuri/excelize/v2"
)

// project copies the example config and data into a temporary folder, as
// a fresh checkout would have them, and returns the config's path.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile(t, "../../config.example.toml", filepath.Join(dir, "config.example.toml"))
	data := filepath.Join(dir, "examples", "data")
	os.MkdirAll(data, 0o755)
	files, _ := filepath.Glob("../../examples/data/*.xlsx")
	for _, f := range files {
		copyFile(t, f, filepath.Join(data, filepath.Base(f)))
	}
	return filepath.Join(dir, "config.example.toml")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// baocao runs a command; --password-stdin reads the principal's password.
func baocao(args ...string) (code int, stdout, stderr string) {
	return baocaoIn(principalPassword+"\n", args...)
}

// baocaoIn runs a command with input on stdin.
func baocaoIn(input string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	old := stdin
	stdin = strings.NewReader(input)
	defer func() { stdin = old }()
	code = dispatch(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunTwiceMakesV2AndKeepsV1(t *testing.T) {
	cfg := project(t)
	code, out, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	v1 := strings.TrimSpace(out)
	if want := filepath.Join(filepath.Dir(cfg), "archive", "monthly", "2024-03", "v1"); v1 != want {
		t.Fatalf("printed %q, want %q", v1, want)
	}
	names := []string{"bao-cao-cchc-2024-03.pdf", "bao-cao-cchc-2024-03.xlsx", "manifest.json"}
	before := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(v1, n))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v", n, err)
		}
		before[n] = b
	}
	code, out, errs = baocao("run", "--config", cfg, "--report", "monthly", "--period", "2024-03", "--no-email")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), filepath.Join("2024-03", "v2")) {
		t.Fatalf("second run: exit %d, printed %q: %s", code, out, errs)
	}
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(v1, n))
		if !bytes.Equal(b, before[n]) {
			t.Errorf("%s in v1 changed when v2 was made", n)
		}
	}
}

func TestValidatePrintsWarningsAndExitsZero(t *testing.T) {
	cfg := project(t)
	code, out, errs := baocao("validate", "-c", cfg, "-p", "2024-03")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{`ho-so-tthc.xlsx, trang "Sheet1"`, `cột "Ngày hẹn trả" = "31/02/2024"`, "trùng Mã hồ sơ", "Tổng cộng", "đã đọc 9 sổ dữ liệu, 3 cảnh báo"} {
		if !strings.Contains(out, w) {
			t.Errorf("validate output lacks %q:\n%s", w, out)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive")); !os.IsNotExist(err) {
		t.Error("validate wrote to the archive")
	}
}

func TestBadCommandLines(t *testing.T) {
	cfg := project(t)
	tests := []struct {
		name  string
		args  []string
		words string
	}{
		{"no command", nil, "cách dùng: baocao"},
		{"unknown command", []string{"frobnicate"}, `không có lệnh "frobnicate"`},
		{"missing flags", []string{"run", "-c", cfg}, "cần cả -r BÁO_CÁO và -p KỲ"},
		{"unknown flag", []string{"run", "-c", cfg, "--bogus"}, "cách dùng: baocao run"},
		{"unknown report", []string{"run", "-c", cfg, "-r", "weekly", "-p", "2024-03"}, `không có báo cáo: "weekly"`},
		{"bad period", []string{"run", "-c", cfg, "-r", "monthly", "-p", "03/2024"}, "kỳ báo cáo viết chưa đúng"},
		{"period of another kind", []string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-Q1"}, "Báo cáo tháng lập theo tháng, ví dụ 2024-03"},
		{"missing config", []string{"validate", "-c", filepath.Join(t.TempDir(), "none.toml")}, "không có tệp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := baocao(tt.args...)
			if code != 2 || !strings.Contains(errs, tt.words) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tt.words)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive")); !os.IsNotExist(err) {
		t.Error("a bad command line wrote to the archive")
	}
}

func regexpReplace(s, pattern, repl string) string {
	return regexp.MustCompile(pattern).ReplaceAllLiteralString(s, repl)
}

// withCurrentData adds to the project's manual values a row for each
// report's latest ended period at the real clock (indicator 1, rank 3):
// the daemon holds a catch-up run of a period without data, and the
// example data ends in 2024, so tests of `serve` that expect its
// catch-up runs to be sent need a row in those periods.
func withCurrentData(t *testing.T, cfg string) {
	t.Helper()
	c, err := config.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(filepath.Dir(cfg), "examples", "data", "so-lieu-nhap-tay.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	next := len(rows) + 1
	now := time.Now().In(c.Location)
	for _, id := range c.ReportIDs() {
		r := c.Reports[id]
		p := period.LatestEnded(period.Kind(r.Kind), period.Boundary(r.Boundary), now)
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", next), &[]any{"1", p.Label(), "3", "dữ liệu của kỳ hiện tại (kiểm thử)"}); err != nil {
			t.Fatal(err)
		}
		next++
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
