package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
)

// oldConfig is the example project as a config of before accounts:
// reviewers on the quarterly, half-year and annual reports, and a page
// open to the LAN behind one shared password.
func oldConfig(t *testing.T) (cfg string, old []byte) {
	t.Helper()
	cfg = project(t)
	b, _ := os.ReadFile(cfg)
	text := string(b) + "\n[web]\nlisten = \"192.168.1.10:18080\"\npassword_file = \"web-password\"\n"
	os.WriteFile(cfg, []byte(text), 0o644)
	os.WriteFile(filepath.Join(filepath.Dir(cfg), "web-password"), []byte("mật khẩu chung của trường\n"), 0o600)
	if strings.Count(text, "\nreviewers = ") != 3 {
		t.Fatalf("the example config has %d reviewers lines, want 3", strings.Count(text, "\nreviewers = "))
	}
	return cfg, []byte(text)
}

// upgraded checks what every upgrade leaves: the old config kept beside
// the new one, which loads with approvers in place of reviewers, no
// shared password, a public_url; and the principal's account.
func upgraded(t *testing.T, cfg string, old []byte, said string) accounts.Account {
	t.Helper()
	backups, _ := filepath.Glob(cfg + ".truoc-nang-cap-*")
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	if b, _ := os.ReadFile(backups[0]); !bytes.Equal(b, old) {
		t.Errorf("the backup is not the old config")
	}
	c, err := config.Load(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"quarterly", "half-year", "annual"} {
		if r := c.Reports[id]; len(r.Reviewers) != 0 || len(r.Approvers) != 1 || r.Approvers[0] != "hieutruong" {
			t.Errorf("%s: reviewers %q, approvers %q", id, r.Reviewers, r.Approvers)
		}
	}
	if r := c.Reports["monthly"]; len(r.Approvers) != 0 {
		t.Errorf("the monthly report got approvers %q", r.Approvers)
	}
	if c.Web.PasswordFile != "" || c.Web.PublicURL != "http://192.168.1.10:18080" || c.Web.Listen != "192.168.1.10:18080" {
		t.Errorf("[web] after the upgrade: %+v", c.Web)
	}
	for _, w := range []string{"Đã nâng cấp " + cfg, backups[0], "tài khoản hieutruong: Nguyễn Thị Hồng Vân, hiệu trưởng", "web-password không còn dùng"} {
		if !strings.Contains(said, w) {
			t.Errorf("init --upgrade did not say %q:\n%s", w, said)
		}
	}
	a, err := accounts.Open(accounts.PathBeside(cfg)).Get("hieutruong")
	if err != nil || a.Role != accounts.Principal || a.Email != "hieutruong.mn2010@hcm.edu.vn" || a.FullName != "Nguyễn Thị Hồng Vân" {
		t.Fatalf("the principal's account: %+v %v", a, err)
	}
	code, out, _ := baocao("doctor", "-c", cfg)
	if strings.Contains(out, "reviewers là cách ghi cũ") || strings.Contains(out, "Mật khẩu chung") || !strings.Contains(out, "Báo cáo quý: người duyệt hieutruong") {
		t.Errorf("doctor after the upgrade (exit %d):\n%s", code, out)
	}
	return a
}

// TestUpgradeWithoutATerminal: doctor tells an old config to run init
// --upgrade; run without a terminal it makes the accounts with no
// password and prints the exact commands that set them; nobody approves
// until one is set, then the principal does.
func TestUpgradeWithoutATerminal(t *testing.T) {
	cfg, old := oldConfig(t)
	if _, out, _ := baocao("doctor", "-c", cfg); strings.Count(out, "baocao init --upgrade") < 2 {
		t.Errorf("doctor does not tell to run baocao init --upgrade:\n%s", out)
	}
	code, said, errs := baocao("init", "--upgrade", "--non-interactive", "-c", cfg)
	if code != 0 {
		t.Fatalf("init --upgrade: exit %d: %s%s", code, said, errs)
	}
	a := upgraded(t, cfg, old, said)
	for _, w := range englishWords(said) {
		if w != "vanthu" { // the clerk's account in the command to make it
			t.Errorf("English word %q in:\n%s", w, said)
		}
	}
	if !a.NoPassword() {
		t.Errorf("a password was set without being asked: %+v", a)
	}
	for _, w := range []string{"chưa có mật khẩu", "baocao user passwd hieutruong -c " + cfg,
		"baocao user add vanthu --full-name \"Họ và tên\" --role van-thu -c " + cfg} {
		if !strings.Contains(said, w) {
			t.Errorf("init --upgrade did not say %q:\n%s", w, said)
		}
	}
	if code, _, _ := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatal("run failed")
	}
	approve := []string{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--no-email"}
	if code, _, e := baocaoIn("\n", approve...); code != 2 {
		t.Fatalf("an account without a password approves: exit %d: %s", code, e)
	}
	if _, out, _ := baocao("doctor", "-c", cfg); !strings.Contains(out, "Tài khoản hieutruong chưa có mật khẩu") || !strings.Contains(out, "baocao user passwd hieutruong -c "+cfg) {
		t.Errorf("doctor does not say the account has no password:\n%s", out)
	}
	if code, _, e := baocaoIn(principalPassword+"\n", "user", "passwd", "hieutruong", "-c", cfg, "--password-stdin"); code != 0 {
		t.Fatalf("user passwd: exit %d: %s", code, e)
	}
	if code, _, e := baocaoIn(principalPassword+"\n", approve...); code != 0 {
		t.Fatalf("the principal approves: exit %d: %s", code, e)
	}
	if code, out, _ := baocao("init", "--upgrade", "-c", cfg); code != 0 || !strings.Contains(out, "không có gì cần nâng cấp") {
		t.Errorf("a second upgrade: exit %d: %s", code, out)
	}
}

// TestUpgradeAsksThePasswords: fed by a script, init --upgrade asks how
// the principal is addressed and her password, and makes the clerk's
// account in place of the shared password: the principal approves, the
// clerk is refused.
func TestUpgradeAsksThePasswords(t *testing.T) {
	cfg, old := oldConfig(t)
	script := strings.Join([]string{
		"thầy", "ngắn", principalPassword, // the principal: a title, a refused password, hers
		"Lê Thị Mai", clerkPassword, // the clerk's account
		"", // public_url: the listen address
	}, "\n") + "\n"
	var out, errs bytes.Buffer
	if err := initWith([]string{"--upgrade", "-c", cfg}, strings.NewReader(script), &out, &errs); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	said := out.String()
	a := upgraded(t, cfg, old, said)
	if a.Title != accounts.Thay || !accounts.Verify(a.Hash, principalPassword) || !strings.Contains(said, "ít nhất 10 ký tự") {
		t.Errorf("the principal's account: %+v\n%s", a, said)
	}
	if strings.Contains(said, principalPassword) || strings.Contains(said, "user passwd hieutruong") {
		t.Errorf("init --upgrade echoed a password or asked to set one given:\n%s", said)
	}
	c, err := accounts.Open(accounts.PathBeside(cfg)).Get("vanthu")
	if err != nil || c.Role != accounts.Clerk || c.FullName != "Lê Thị Mai" || !accounts.Verify(c.Hash, clerkPassword) {
		t.Fatalf("the clerk's account: %+v %v", c, err)
	}
	if code, _, _ := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatal("run failed")
	}
	if code, _, e := baocaoIn(clerkPassword+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "vanthu", "--password-stdin", "--no-email"); code != 2 {
		t.Fatalf("the clerk approves: exit %d: %s", code, e)
	}
	if code, _, e := baocaoIn(principalPassword+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--no-email"); code != 0 {
		t.Fatalf("the principal approves: exit %d: %s", code, e)
	}
}
