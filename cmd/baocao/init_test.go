package main

import (
	"bytes"
	"encoding/json"

	"github.com/mn2010/baocao/internal/accounts"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitRefusesAPathItCannotWrite: a config path that cannot be written
// is caught before the first question, in Vietnamese, saying what to do.
func TestInitRefusesAPathItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "tep") // a file where a folder should be: no one can write under it, root included
	os.WriteFile(blocker, []byte("x"), 0o644)
	var out, errs strings.Builder
	err := initWith([]string{"-c", filepath.Join(blocker, "baocao", "baocao.toml")}, strings.NewReader("Trường Mầm non 20/10\n"), &out, &errs)
	code := exitCode(err, &errs, command{name: "init"})
	if code != exitBadInput || out.Len() != 0 {
		t.Fatalf("exit %d, questions asked:\n%s", code, out.String())
	}
	for _, w := range []string{"không ghi được tệp cấu hình", "quyền quản trị", "hoặc chọn chỗ khác: baocao init -c"} {
		if !strings.Contains(errs.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs.String())
		}
	}
	if words := englishWords(errs.String()); len(words) > 0 {
		t.Errorf("English words %q in %s", words, errs.String())
	}
}

// TestInitAnswersRunningOutIsBadInput: a script that stops before the
// last question is a bad answer of the scripted form: exit 2 (README's
// table), the message saying to run init again, and no config written.
func TestInitAnswersRunningOutIsBadInput(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "baocao.toml")
	var out, errs strings.Builder
	err := initWith([]string{"-c", cfg}, strings.NewReader("Trường Mầm non 20/10\n"), &out, &errs)
	if code := exitCode(err, &errs, command{name: "init"}); code != exitBadInput {
		t.Errorf("exit %d, want %d: %s", code, exitBadInput, errs.String())
	}
	if !strings.Contains(errs.String(), "chạy lại baocao init") {
		t.Errorf("stderr does not say to run init again:\n%s", errs.String())
	}
	if _, err := os.Stat(cfg); !os.IsNotExist(err) {
		t.Errorf("a config was written from half the answers (%v)", err)
	}
}

// initAccountsScript answers init's account questions: the principal's
// account hieutruong (password principalPassword), the clerk's vanthu
// (clerkPassword), the quarterly and later reports approved by the
// principal, the monthly sent by itself.
var initAccountsScript = strings.Join([]string{
	"", "", "hieutruong.mn2010@hcm.edu.vn", "", principalPassword,
	"", "Lê Thị Mai", "vanthu.mn2010@hcm.edu.vn", "cô", clerkPassword,
	"", "",
}, "\n") + "\n"

const clerkPassword = "mùa thu lá vàng rơi"

// TestInitMakesThePrincipalsAndTheClerksAccounts: init, fed by a script,
// makes the principal's and the clerk's accounts beside the config (0600,
// no password in clear) and says so in its "Tiếp theo"; the quarterly
// report it writes then waits for the principal: the clerk's account
// cannot approve it (exit 2, nothing sent), the principal's can, and
// status names her.
func TestInitMakesThePrincipalsAndTheClerksAccounts(t *testing.T) {
	data := filepath.Join(filepath.Dir(project(t)), "examples", "data")
	cfg := filepath.Join(t.TempDir(), "truong", "baocao.toml")
	script := strings.Join([]string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Quận 1", "", "MN2010", "", "Nguyễn Thị Hồng Vân",
		"Phòng Nội vụ Quận 1", "", "vanthu.mn2010@hcm.edu.vn", "", data, "không",
		"phongnoivu.q1@tphcm.gov.vn", "", "", "", "", "",
	}, "\n") + "\n" + initAccountsScript
	var out, errs bytes.Buffer
	if err := initWith([]string{"-c", cfg}, strings.NewReader(script), &out, &errs); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	said := out.String()
	users := filepath.Join(filepath.Dir(cfg), accounts.FileName)
	for _, want := range []string{"Tiếp theo:", "Tài khoản đã tạo (tệp " + users, "hieutruong: Nguyễn Thị Hồng Vân, hiệu trưởng",
		"vanthu: Lê Thị Mai, văn thư", "baocao user passwd"} {
		if !strings.Contains(said, want) {
			t.Errorf("init did not say %q:\n%s", want, said)
		}
	}
	b, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(users); st.Mode().Perm() != 0o600 {
		t.Errorf("users file mode %v", st.Mode())
	}
	if strings.Contains(string(b), principalPassword) || strings.Contains(string(b), clerkPassword) || strings.Contains(said, principalPassword) {
		t.Error("a password in clear in the users file or init's output")
	}
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	code, _, e := baocaoIn(clerkPassword+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "vanthu", "--password-stdin", "--no-email")
	if code != 2 || !strings.Contains(e, "không được duyệt hay trả lại") {
		t.Fatalf("the clerk approves: exit %d: %s", code, e)
	}
	code, _, e = baocaoIn(principalPassword+"\n", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--no-email")
	if code != 0 {
		t.Fatalf("the principal approves: exit %d: %s", code, e)
	}
	b, err = os.ReadFile(filepath.Join(filepath.Dir(cfg), "archive", "quarterly", "2024-Q2", "v1", "approval.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	json.Unmarshal(b, &rec)
	if rec["account"] != "hieutruong" || rec["full_name"] != "Nguyễn Thị Hồng Vân" || rec["role"] != "hieu-truong" || rec["os_user"] == "" || rec["by"] == "" {
		t.Errorf("the approval record does not keep the decider's fields apart: %s", b)
	}
	code, st, e := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || !strings.Contains(st, "Nguyễn Thị Hồng Vân") || !strings.Contains(st, "hiệu trưởng") {
		t.Errorf("status: exit %d: %s%s", code, st, e)
	}
}
