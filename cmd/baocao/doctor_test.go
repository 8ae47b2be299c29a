package main

import (
	"os"
	"time"

	"github.com/mn2010/baocao/reports/period"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestInitThenDoctor is the first run on a school's PC: init (the scripted
// form) against a real mail server, then validate and doctor on what it
// wrote — healthy — and doctor on a broken setup, each problem named.
func TestInitThenDoctor(t *testing.T) {
	m := startMailpit(t)
	dir := t.TempDir()
	data := filepath.Join(filepath.Dir(project(t)), "examples", "data")
	os.Rename(filepath.Join(data, "ho-so-tthc.xlsx"), filepath.Join(data, "So theo doi ho so 2024.xlsx"))
	pw := filepath.Join(dir, "mat-khau.txt")
	os.WriteFile(pw, []byte("s3cret\n"), 0o600)
	cfg := filepath.Join(dir, "baocao.toml")
	// This year's plan of the school: the 2024 text with this year in it
	// (doctor wants a plan covering the latest period).
	year := period.LatestEnded(period.Month, period.Decree09, time.Now()).Year
	text, err := os.ReadFile(planData + "ke-hoach-cchc-2024.md")
	if err != nil {
		t.Fatal(err)
	}
	planDoc := filepath.Join(dir, "ke-hoach-cchc.md")
	os.WriteFile(planDoc, []byte(strings.ReplaceAll(string(text), "năm 2024", "năm "+strconv.Itoa(year))), 0o644)
	args := []string{"init", "--non-interactive", "-c", cfg, "--data", data, "--plan-doc", planDoc,
		"--unit", "Trường Mầm non 20/10", "--parent", "Ủy ban nhân dân Phường Sài Gòn", "--symbol", "MN2010",
		"--signer-name", "Nguyễn Thị Hồng Vân", "--recipients", "Phòng Nội vụ", "--admin-email", "ht@mn2010.edu.vn",
		"--to", "phongnoivu@tphcm.gov.vn", "--smtp-host", "127.0.0.1", "--smtp-port", itoa(m.smtpPort),
		"--smtp-user", "mn2010", "--from", "Trường Mầm non 20/10 <mn2010@hcm.edu.vn>",
		"--smtp-password-file", pw, "--smtp-ca-file", m.ca}
	code, out, errs := baocao(args...)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errs)
	}
	if msgs := m.messages(t); len(msgs) != 1 || msgs[0].To[0].Address != "ht@mn2010.edu.vn" {
		t.Errorf("init's test message: %+v", msgs)
	}
	if code, _, errs := baocao(args...); code != exitBadInput || !strings.Contains(errs, "--force") {
		t.Errorf("init over an existing config: exit %d: %s", code, errs)
	}
	if code, out, errs := baocao("validate", "-c", cfg); code != 0 || !strings.Contains(out, "đã đọc 9 sổ dữ liệu") {
		t.Fatalf("validate: exit %d\n%s%s", code, out, errs)
	}

	code, out, errs = baocao("doctor", "-c", cfg)
	if code != 0 {
		t.Fatalf("doctor on a healthy setup: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"✓ Tệp cấu hình", "Sổ theo dõi hồ sơ TTHC (So theo doi ho so 2024.xlsx): 195 dòng, ngày mới nhất 12/01/2025 (cột \"Ngày trả kết quả\")",
		"✓ Danh sách CBCCVC (can-bo.xlsx): 46 dòng", "ghi được", "kết nối được, đăng nhập được với mn2010",
		"Đồng hồ:", "Dịch vụ baocao:", "Kết quả: mọi thứ sẵn sàng.", "✓ Kế hoạch: Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm " + strconv.Itoa(year),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("healthy doctor did not say %q:\n%s", want, out)
		}
	}

	// Break it: a wrong password, a missing file, an archive that is a file.
	os.WriteFile(pw, []byte("wrong\n"), 0o600)
	os.Remove(filepath.Join(data, "can-bo.xlsx"))
	os.WriteFile(filepath.Join(dir, "reports-here"), []byte("x"), 0o644)
	setConfig(t, cfg, `archive = "archive"`, `archive = "reports-here"`)
	code, out, errs = baocao("doctor", "-c", cfg)
	if code != exitBadInput {
		t.Errorf("doctor on a broken setup: exit %d, want %d (a source cannot be used)", code, exitBadInput)
	}
	for _, want := range []string{
		"✗ Danh sách CBCCVC", "không tìm thấy tệp",
		"✗ Thư mục lưu báo cáo " + filepath.Join(dir, "reports-here") + " không ghi được",
		"✗ Máy chủ thư 127.0.0.1:" + itoa(m.smtpPort), "sai tên đăng nhập hoặc mật khẩu khi đăng nhập bằng tài khoản mn2010 (máy chủ trả lời mã 535)", "kiểm tra tên đăng nhập, mật khẩu",
		"Kết quả: 3 việc cần sửa",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("broken doctor did not say %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "doctor: 3 việc cần sửa") {
		t.Errorf("stderr: %s", errs)
	}
	code, out, _ = baocao("doctor", "-c", cfg, "--no-email")
	if code != exitBadInput || strings.Contains(out, "✗ Máy chủ thư") || !strings.Contains(out, "Kết quả: 2 việc cần sửa") {
		t.Errorf("doctor --no-email: exit %d\n%s", code, out)
	}

	// Only the mail server wrong: exit 1, and --no-email is healthy.
	os.WriteFile(filepath.Join(data, "can-bo.xlsx"), mustRead(t, "../../examples/data/can-bo.xlsx"), 0o644)
	setConfig(t, cfg, `archive = "reports-here"`, `archive = "archive"`)
	if code, out, _ := baocao("doctor", "-c", cfg); code != exitFailure {
		t.Errorf("doctor with a wrong password: exit %d\n%s", code, out)
	}
	if code, out, _ := baocao("doctor", "-c", cfg, "--no-email"); code != 0 {
		t.Errorf("doctor --no-email with only the password wrong: exit %d\n%s", code, out)
	}
	if code, out, _ := baocao("doctor", "-c", filepath.Join(dir, "none.toml")); code != exitBadInput || !strings.Contains(out, "✗ Tệp cấu hình") {
		t.Errorf("doctor without a config: exit %d\n%s", code, out)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }
