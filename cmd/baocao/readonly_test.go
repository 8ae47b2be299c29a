package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadOnlyArchiveSendsNothing puts the archive on a tmpfs, archives a
// version, remounts it read-only (a disk gone bad), and checks that no
// `send` and no `run` mails anything, since nothing can be recorded; once
// writable again, one send delivers it once. It needs the right to mount
// (root with CAP_SYS_ADMIN); elsewhere the fault-injected writer of
// reports/delivery tests the same refusal.
func TestReadOnlyArchiveSendsNothing(t *testing.T) {
	m := startMailpit(t)
	cfg := project(t)
	mailConfig(t, cfg, m)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	dir := filepath.Join(filepath.Dir(cfg), "archive")
	os.MkdirAll(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	remount := func(mode string) {
		if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
			t.Fatalf("remount %s: %v %s", mode, err, out)
		}
	}
	if code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email"); code != 0 {
		t.Fatalf("run: %d %s", code, errs)
	}
	for i := range 2 {
		if i == 1 { // the version's lock file exists: the refusal comes from writing the record itself
			os.WriteFile(filepath.Join(dir, "monthly", "2024-03", "v1", ".delivery.lock"), nil, 0o644)
		}
		remount("ro")
		code, _, errs := baocao("send", "-c", cfg, "-r", "monthly", "-p", "2024-03")
		if code != 1 || !strings.Contains(errs, "không ghi được hồ sơ gửi nên chưa gửi gì") || !strings.Contains(errs, "ổ đĩa chỉ cho đọc") {
			t.Errorf("send on a read-only archive: exit %d: %s", code, errs)
		}
		remount("rw")
	}
	remount("ro")
	if code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03"); code != 1 {
		t.Errorf("run on a read-only archive: exit %d: %s", code, errs)
	}
	if n := len(m.messages(t)); n != 0 {
		t.Fatalf("%d messages sent with no record possible", n)
	}
	remount("rw")
	if code, _, errs := baocao("send", "-c", cfg, "-r", "monthly", "-p", "2024-03"); code != 0 {
		t.Fatalf("send once writable: exit %d: %s", code, errs)
	}
	if n := len(m.messages(t)); n != 1 {
		t.Errorf("%d messages, want 1", n)
	}
}

// TestReadOnlyArchiveApproveAnswers503: the page's "Duyệt" on an archive
// that became read-only answers 503 in Vietnamese, saying what to fix,
// and records nothing; once writable, the same approval goes through.
func TestReadOnlyArchiveApproveAnswers503(t *testing.T) {
	m := startMailpit(t)
	cfgPath := project(t)
	mailConfig(t, cfgPath, m)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	dir := filepath.Join(filepath.Dir(cfgPath), "archive")
	os.MkdirAll(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	remount := func(mode string) {
		if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
			t.Fatalf("remount %s: %v %s", mode, err, out)
		}
	}
	withPrincipal(t, cfgPath) // the example's approvers name hieutruong: the review message goes to her account
	if code, _, errs := baocao("run", "-c", cfgPath, "-r", "quarterly", "-p", "2024-Q2"); code != 0 {
		t.Fatalf("run: %d %s", code, errs)
	}
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, base, _ := startWeb(t, cfg)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page := base + "/bao-cao/quarterly/2024-Q2/v1"
	login(t, c, base, "hieutruong")
	approve := func() (int, string) {
		r, err := c.Get(page)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(string(b))
		if m == nil {
			t.Fatalf("no form on the draft's page: %s", b)
		}
		r, err = c.PostForm(page+"/duyet", url.Values{"csrf": {m[1]}, "name": {"Nguyễn Thị Hồng Vân"}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ = io.ReadAll(r.Body)
		r.Body.Close()
		return r.StatusCode, string(b)
	}
	remount("ro")
	code, body := approve()
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "chế độ chỉ đọc") || !strings.Contains(body, "mount -o remount,rw") {
		t.Errorf("approve on a read-only archive: %d\n%s", code, body)
	}
	remount("rw")
	if _, err := os.Stat(filepath.Join(dir, "quarterly", "2024-Q2", "v1", "approval.json")); err == nil {
		t.Error("an approval was recorded on a read-only archive")
	}
	if code, body := approve(); code != http.StatusSeeOther {
		t.Errorf("approve once writable: %d\n%s", code, body)
	}
}
