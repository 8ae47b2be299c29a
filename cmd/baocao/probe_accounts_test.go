package main

// Adversarial probes of `approve`/`reject --as` (issue 23): a shell on
// the server is no way around the roles, a wrong, empty or missing
// password, a locked, demoted or removed account.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
)

// probeProject is the example project whose quarterly report is approved
// by the head or the deputy "pho", with a draft of 2024-Q2 waiting, and
// the accounts: hieutruong (head), van (clerk), pho (the deputy named),
// pho2 (a deputy not named).
func probeProject(t *testing.T) string {
	t.Helper()
	cfg := project(t)
	b, _ := os.ReadFile(cfg)
	text := strings.ReplaceAll(string(b), exampleApprovers, `approvers = ["hieutruong", "pho"]`)
	os.WriteFile(cfg, []byte(text), 0o644)
	withPrincipal(t, cfg)
	addUser(t, cfg, "pho", "Trần Văn Bình", "pho@mn2010.edu.vn", "pho-hieu-truong", principalPassword)
	addUser(t, cfg, "pho2", "Đỗ Thị Cúc", "pho2@mn2010.edu.vn", "pho-hieu-truong", principalPassword)
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	return cfg
}

func failures(t *testing.T, cfg, name string) int {
	t.Helper()
	a, err := accounts.Open(accounts.PathBeside(cfg)).Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return a.Failures
}

// TestProbeApproveAs: every way around the rule exits 2 and records
// nothing; the head's own password then approves, once.
func TestProbeApproveAs(t *testing.T) {
	cfg := probeProject(t)
	approve := func(input string, as ...string) (int, string) {
		args := append([]string{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"}, as...)
		code, _, errs := baocaoIn(input, args...)
		return code, errs
	}
	reject := func(input string, as ...string) (int, string) {
		args := append([]string{"reject", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--reason", "Sai số liệu"}, as...)
		code, _, errs := baocaoIn(input, args...)
		return code, errs
	}
	pw := principalPassword + "\n"
	refused := []struct {
		what, input string
		as          []string
		says        string
	}{
		{"no --as", pw, []string{"--password-stdin"}, "--as"},
		{"the clerk", pw, []string{"--as", "van", "--password-stdin"}, "không được duyệt hay trả lại Báo cáo quý:"}, // the report by its name, not "quarterly"
		{"a deputy not named", pw, []string{"--as", "pho2", "--password-stdin"}, "không được duyệt hay trả lại"},
		{"no such account", pw, []string{"--as", "khongco", "--password-stdin"}, "khongco"},
		{"a wrong password", "mật khẩu đoán mò\n", []string{"--as", "hieutruong", "--password-stdin"}, "sai mật khẩu"},
		{"the password with a space more", principalPassword + " \n", []string{"--as", "hieutruong", "--password-stdin"}, "sai mật khẩu"},
		{"no terminal, no --password-stdin", pw, []string{"--as", "hieutruong"}, "--password-stdin"},
	}
	for _, tt := range refused {
		for name, do := range map[string]func(string, ...string) (int, string){"approve": approve, "reject": reject} {
			code, errs := do(tt.input, tt.as...)
			if code != 2 || !strings.Contains(errs, tt.says) {
				t.Errorf("%s by %s: exit %d, want 2 saying %q: %s", name, tt.what, code, tt.says, errs)
			}
			// Someone refused learns nothing of the report: not the
			// register's next number, not its draft.
			for _, state := range []string{"sổ văn bản đi", "số trống", "thêm --number", "v1", "chờ duyệt", "2024-Q2"} {
				if strings.Contains(errs, state) {
					t.Errorf("%s by %s: the refusal tells %q: %s", name, tt.what, state, errs)
				}
			}
			// The accounts package's English (its errors' text, for the
			// log) is not what the person reads.
			for _, en := range []string{"accounts:", "wrong name or password", "not allowed", "no such account", "locked", "quarterly"} {
				if strings.Contains(errs, en) {
					t.Errorf("%s by %s: English %q in: %s", name, tt.what, en, errs)
				}
			}
		}
	}
	// Nothing was decided.
	code, st, _ := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || strings.Contains(st, "duyệt lúc") || !strings.Contains(st, "chờ duyệt") || strings.Contains(st, "trả lại") {
		t.Fatalf("a refused decision was recorded: %s", st)
	}
	if n := failures(t, cfg, "hieutruong"); n != 4 {
		t.Errorf("the head's account counts %d failures, want 4 (two wrong passwords, twice)", n)
	}
	// Locked by hand: the right password is refused. Demoted: refused.
	// Removed: refused.
	if code, _, errs := baocao("user", "lock", "hieutruong", "-c", cfg); code != 0 {
		t.Fatalf("lock: %s", errs)
	}
	if code, errs := approve(pw, "--as", "hieutruong", "--password-stdin"); code != 2 || !strings.Contains(errs, "khoá") {
		t.Errorf("a locked account approves: exit %d: %s", code, errs)
	}
	baocao("user", "lock", "hieutruong", "--unlock", "-c", cfg)
	if code, _, errs := baocao("user", "edit", "hieutruong", "-c", cfg, "--role", "van-thu"); code != 0 {
		t.Fatalf("edit: %s", errs)
	}
	if code, errs := approve(pw, "--as", "hieutruong", "--password-stdin"); code != 2 || !strings.Contains(errs, "không được duyệt") {
		t.Errorf("a head demoted to clerk approves: exit %d: %s", code, errs)
	}
	baocao("user", "edit", "hieutruong", "-c", cfg, "--role", "hieu-truong")
	if code, _, errs := baocao("user", "remove", "pho", "-c", cfg); code != 0 {
		t.Fatalf("remove: %s", errs)
	}
	if code, errs := approve(pw, "--as", "pho", "--password-stdin"); code != 2 {
		t.Errorf("a removed account approves: exit %d: %s", code, errs)
	}
	code, st, _ = baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || strings.Contains(st, "duyệt lúc") || !strings.Contains(st, "chờ duyệt") {
		t.Fatalf("a refused decision was recorded: %s", st)
	}
	// The head approves with her own password.
	if code, errs := approve(pw, "--as", "hieutruong", "--password-stdin"); code != 0 {
		t.Fatalf("the head approves: exit %d: %s", code, errs)
	}
	code, st, _ = baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || !strings.Contains(st, "Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong") || !strings.Contains(st, "duyệt lúc") {
		t.Errorf("status after the approval: %s", st)
	}
	b, _ := os.ReadFile(filepath.Join(filepath.Dir(cfg), accounts.FileName))
	if strings.Contains(string(b), principalPassword) {
		t.Error("the users file holds the password in clear")
	}
}

// TestProbeEmptyPasswordStdin: --password-stdin with nothing on stdin (a
// script run with no input, /dev/null) is refused as no password given
// (exit 2): it is no guess, so it does not count towards the lock — ten
// such runs must not lock the head out.
func TestProbeEmptyPasswordStdin(t *testing.T) {
	cfg := probeProject(t)
	for _, input := range []string{"", "\n", "\r\n"} {
		code, _, errs := baocaoIn(input, "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--as", "hieutruong", "--password-stdin")
		if code != 2 || !strings.Contains(errs, "chưa có mật khẩu") {
			t.Errorf("stdin %q: exit %d, want 2 saying no password was given: %s", input, code, errs)
		}
	}
	if n := failures(t, cfg, "hieutruong"); n != 0 {
		t.Errorf("an empty password counted as %d failures", n)
	}
	// Ten wrong passwords lock the account: then the right one is refused.
	for i := 0; i < accounts.MaxFailures; i++ {
		baocaoIn("sai "+strings.Repeat("x", i)+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--as", "hieutruong", "--password-stdin")
	}
	code, _, errs := baocao("approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--as", "hieutruong", "--password-stdin")
	if code != 2 || !strings.Contains(errs, "khoá") {
		t.Errorf("after ten wrong passwords the right one: exit %d: %s", code, errs)
	}
}

// TestProbeCommandLineLockTellsTheAdmin: ten wrong passwords given to
// `approve --as` lock the account and mail admin_email once (Mailpit);
// more tries while locked mail nothing more, the right password is
// refused, and no message carries a guessed password.
func TestProbeCommandLineLockTellsTheAdmin(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	guess := func(i int) string { return fmt.Sprintf("mật khẩu đoán thứ %02d", i) }
	for i := 1; i <= accounts.MaxFailures+2; i++ {
		code, _, errs := baocaoIn(guess(i)+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--as", "hieutruong", "--password-stdin")
		if code != 2 {
			t.Fatalf("guess %d: exit %d: %s", i, code, errs)
		}
		if i >= accounts.MaxFailures && !strings.Contains(errs, "khoá") {
			t.Errorf("guess %d does not say the account is locked: %s", i, errs)
		}
	}
	code, _, errs := baocao("approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email", "--as", "hieutruong", "--password-stdin")
	if code != 2 || !strings.Contains(errs, "khoá") {
		t.Fatalf("the right password while locked: exit %d: %s", code, errs)
	}
	var locked []mpSummary
	for _, msg := range m.messages(t) {
		if strings.Contains(msg.Subject, "bị khoá") {
			locked = append(locked, msg)
		}
		var full struct{ Text string }
		m.get(t, "/api/v1/message/"+msg.ID, &full)
		if strings.Contains(full.Text, "đoán thứ") || strings.Contains(full.Text, principalPassword) {
			t.Errorf("a password in the message %q", msg.Subject)
		}
	}
	if len(locked) != 1 || len(locked[0].To) != 1 || locked[0].To[0].Address != "vanthu@mn2010.hcm.edu.vn" || !strings.Contains(locked[0].Subject, "hieutruong") {
		t.Fatalf("the admin's lock messages: %+v", locked)
	}
}

// TestProbeCommandLineReachesOpenSessions: the page served by `baocao`
// as it runs, and the account commands run beside it (another process's
// store of the same file): a removed account made again under its name,
// a role taken away, a lock, a new password — each reaches the open
// session at its next request, and nothing is approved by the old one.
func TestProbeCommandLineReachesOpenSessions(t *testing.T) {
	path := probeProject(t)
	cfg, err := loadConfig(path, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, base, _ := startWeb(t, cfg)
	const draft = "/bao-cao/quarterly/2024-Q2/v1"
	newBrowserless := func() *http.Client {
		jar, _ := cookiejar.New(nil)
		return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	get := func(c *http.Client) (int, string) {
		r, err := c.Get(base + draft)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	token := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	cli := func(args ...string) {
		t.Helper()
		if code, _, errs := baocao(append(args, "-c", path)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	// The deputy's account removed and made again for someone else.
	pho := newBrowserless()
	login(t, pho, base, "pho")
	if code, body := get(pho); code != 200 || !strings.Contains(body, `id="form-duyet"`) {
		t.Fatalf("the deputy's page: %d", code)
	}
	cli("user", "remove", "pho")
	addUser(t, path, "pho", "Võ Thị Mới", "moi@mn2010.edu.vn", "hieu-truong", principalPassword)
	if code, _ := get(pho); code != http.StatusSeeOther {
		t.Errorf("the removed deputy's session is the new head's: %d", code)
	}
	// The head demoted to clerk by `user edit`, mid-session.
	ht := newBrowserless()
	login(t, ht, base, "hieutruong")
	_, body := get(ht)
	m := token.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no token on the draft's page")
	}
	cli("user", "edit", "hieutruong", "--role", "van-thu")
	r, err := ht.PostForm(base+draft+"/duyet", url.Values{"csrf": {m[1]}})
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("the demoted head approves: %d", r.StatusCode)
	}
	cli("user", "edit", "hieutruong", "--role", "hieu-truong")
	// Locked, then unlocked: the session of before stays ended.
	cli("user", "lock", "hieutruong")
	if code, _ := get(ht); code != http.StatusSeeOther {
		t.Errorf("a locked account's session: %d", code)
	}
	cli("user", "lock", "hieutruong", "--unlock")
	if code, _ := get(ht); code != http.StatusSeeOther {
		t.Errorf("the session of before the lock, after the unlock: %d", code)
	}
	// A new password from the command line ends the session.
	login(t, ht, base, "hieutruong")
	if code, _ := get(ht); code != 200 {
		t.Fatalf("logged in again: %d", code)
	}
	if code, _, errs := baocaoIn("mật khẩu mới của cô Vân\n", "user", "passwd", "hieutruong", "-c", path, "--password-stdin"); code != 0 {
		t.Fatalf("passwd: %s", errs)
	}
	if code, _ := get(ht); code != http.StatusSeeOther {
		t.Errorf("the session of before the new password: %d", code)
	}
	code, st, _ := baocao("status", "-c", path, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || strings.Contains(st, "duyệt lúc") || !strings.Contains(st, "chờ duyệt") {
		t.Fatalf("something was approved: %s", st)
	}
}
