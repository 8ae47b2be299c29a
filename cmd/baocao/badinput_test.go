package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook writes an .xlsx with one sheet holding rows.
func workbook(t *testing.T, path string, rows ...[]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		axis, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", axis, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// zipBomb writes a workbook whose one sheet inflates to n bytes.
func zipBomb(t *testing.T, path string, n int) {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(chunk)
	}
	z.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func setConfig(t *testing.T, cfg, old, new string) {
	t.Helper()
	b, _ := os.ReadFile(cfg)
	s := string(b)
	if !strings.Contains(s, old) {
		t.Fatalf("config lacks %q", old)
	}
	os.WriteFile(cfg, []byte(strings.Replace(s, old, new, 1)), 0o644)
}

// TestBadInputStopsTheRun feeds the kinds of broken file and config a clerk
// will, with mail on: each must end with exit code 2, a message saying what
// to fix, nothing in the archive and nothing at the mail server.
func TestBadInputStopsTheRun(t *testing.T) {
	m := startMailpit(t)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	staff := `path = "examples/data/can-bo.xlsx"`
	tests := []struct {
		name  string
		setup func(t *testing.T, cfg, data string)
		words []string
	}{
		{"missing file", func(t *testing.T, cfg, data string) { os.Remove(filepath.Join(data, "can-bo.xlsx")) },
			[]string{"staff", "can-bo.xlsx", "không tìm thấy tệp"}},
		{"missing sheet", func(t *testing.T, cfg, data string) { setConfig(t, cfg, staff, staff+"\nsheet = \"Tháng 3\"") },
			[]string{"không có trang \"Tháng 3\"", "Sheet1"}},
		{"missing required column", func(t *testing.T, cfg, data string) {
			workbook(t, filepath.Join(data, "can-bo.xlsx"), []any{"DANH SÁCH"}, []any{"STT", "Họ và tên", "Chức vụ", "Email"}, []any{1, "A", "GV", "a@hcm.edu.vn"})
		}, []string{"thiếu cột bắt buộc \"Email công vụ\"", "\"STT\", \"Họ và tên\", \"Chức vụ\", \"Email\"", "aliases"}},
		{"legacy xls", func(t *testing.T, cfg, data string) {
			os.WriteFile(filepath.Join(data, "can-bo.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0o644)
			setConfig(t, cfg, staff, `path = "examples/data/can-bo.xls"`)
		}, []string{".xls", "libreoffice --headless --convert-to xlsx"}},
		{"not a workbook", func(t *testing.T, cfg, data string) {
			os.WriteFile(filepath.Join(data, "can-bo.xlsx"), []byte("Họ và tên,Email công vụ\n"), 0o644)
		}, []string{"không phải sổ tính"}},
		{"oversized file", func(t *testing.T, cfg, data string) {
			setConfig(t, cfg, "max_file_mb = 100", "max_file_mb = 1")
			os.WriteFile(filepath.Join(data, "can-bo.xlsx"), bytes.Repeat([]byte("x"), 3<<20), 0o644)
		}, []string{"tệp quá lớn", "max_file_mb"}},
		{"zip bomb", func(t *testing.T, cfg, data string) {
			setConfig(t, cfg, "max_unzip_mb = 1024", "max_unzip_mb = 16")
			zipBomb(t, filepath.Join(data, "can-bo.xlsx"), 64<<20)
		}, []string{"giải nén vượt giới hạn 16 MB", "max_unzip_mb"}},
		{"empty sheet", func(t *testing.T, cfg, data string) { workbook(t, filepath.Join(data, "can-bo.xlsx")) },
			[]string{"trang tính trống"}},
		{"a folder instead of a file", func(t *testing.T, cfg, data string) {
			os.Remove(filepath.Join(data, "can-bo.xlsx"))
			os.Mkdir(filepath.Join(data, "can-bo.xlsx"), 0o755)
		}, []string{"thư mục"}},
		{"two bad sources at once", func(t *testing.T, cfg, data string) {
			os.Remove(filepath.Join(data, "can-bo.xlsx"))
			os.Remove(filepath.Join(data, "van-ban.xlsx"))
		}, []string{"can-bo.xlsx", "van-ban.xlsx"}},
		{"config typo", func(t *testing.T, cfg, data string) { setConfig(t, cfg, "archive = ", "archiv = ") },
			[]string{"config.example.toml: dòng", "không có khoá \"archiv\""}},
		{"bad cron spec", func(t *testing.T, cfg, data string) { setConfig(t, cfg, `"0 7 15 * *"`, `"0 0 30 2 *"`) },
			[]string{"[reports.monthly] schedule", "không bao giờ chạy"}},
		{"unknown time zone", func(t *testing.T, cfg, data string) { setConfig(t, cfg, `"Asia/Ho_Chi_Minh"`, `"Asia/HCM"`) },
			[]string{"timezone = \"Asia/HCM\""}},
		{"plaintext smtp to a remote host", func(t *testing.T, cfg, data string) {
			setConfig(t, cfg, `host = "127.0.0.1"`, `host = "smtp.example.vn"`)
			setConfig(t, cfg, `security = "starttls"`, `security = "none"`)
		},
			[]string{"security = \"none\"", "smtp.example.vn"}},
		{"malformed address", func(t *testing.T, cfg, data string) {
			setConfig(t, cfg, `to = ["phongnoivu.q1@tphcm.gov.vn"]`, `to = ["phong noi vu"]`)
		},
			[]string{"địa chỉ thư \"phong noi vu\" viết chưa đúng"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := project(t)
			mailConfig(t, cfg, m)
			tt.setup(t, cfg, filepath.Join(filepath.Dir(cfg), "examples", "data"))
			code, out, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03")
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr: %s", code, errs)
			}
			for _, w := range tt.words {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			if out != "" {
				t.Errorf("printed %q: nothing should be archived", out)
			}
			if files := archivedFiles(t, cfg); len(files) > 0 {
				t.Errorf("the archive was written to: %v", files)
			}
			// validate reports the same problem, with the same exit code.
			if code, _, _ := baocao("validate", "-c", cfg); code != 2 {
				t.Errorf("validate exit %d, want 2", code)
			}
		})
	}
	if n := len(m.messages(t)); n != 0 {
		t.Errorf("the mail server received %d messages", n)
	}
}

func TestUsageLineOnCommandLineErrors(t *testing.T) {
	cfg := project(t)
	for _, args := range [][]string{
		{"run", "-c", cfg, "-r", "weekly", "-p", "2024-03"},
		{"run", "-c", cfg, "-r", "monthly", "-p", "2024-3-1"},
		{"run", "-c", cfg, "-p", "2024-03"},
	} {
		code, _, errs := baocao(args...)
		if code != 2 || !strings.Contains(errs, "cách dùng: baocao run -r BÁO_CÁO -p KỲ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and the usage line", args, code, errs)
		}
	}
}

func TestPeriodNotEndedIsAWarning(t *testing.T) {
	cfg := project(t)
	code, _, errs := baocao("run", "-c", cfg, "-r", "annual", "-p", "2099", "--no-email")
	if code != 0 || !strings.Contains(errs, "kỳ 2099 chưa kết thúc") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// archivedFiles lists what the archive beside cfg holds, lock files aside.
func archivedFiles(t *testing.T, cfg string) []string {
	t.Helper()
	var files []string
	root := filepath.Join(filepath.Dir(cfg), "archive")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(path, ".lock") {
			files = append(files, path)
		}
		return nil
	})
	return files
}
