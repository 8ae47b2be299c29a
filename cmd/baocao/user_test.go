package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
)

// principalPassword is the password of the accounts the tests make.
const principalPassword = "hoa sen nở giữa hè"

// addUser creates an account through `baocao user add`.
func addUser(t *testing.T, cfg, name, full, email, role, pw string) {
	t.Helper()
	args := []string{"user", "add", name, "-c", cfg, "--full-name", full, "--role", role, "--password-stdin", "--title", "cô"}
	if email != "" {
		args = append(args, "--email", email)
	}
	if code, _, errs := baocaoIn(pw+"\n", args...); code != 0 {
		t.Fatalf("user add %s: exit %d: %s", name, code, errs)
	}
}

// withPrincipal gives the project at cfg the principal's account
// (hieutruong, password principalPassword) and the clerk's (van).
func withPrincipal(t *testing.T, cfg string) {
	t.Helper()
	addUser(t, cfg, "hieutruong", "Nguyễn Thị Hồng Vân", "hieutruong.mn2010@hcm.edu.vn", "hieu-truong", principalPassword)
	addUser(t, cfg, "van", "Lê Thị Mai", "vanthu.mn2010@hcm.edu.vn", "van-thu", principalPassword)
}

// asPrincipal are the flags that approve or return as the principal.
var asPrincipal = []string{"--as", "hieutruong", "--password-stdin"}

func TestUserCommands(t *testing.T) {
	cfg := project(t)
	const pw = "hoa sen nở giữa hè"
	addUser(t, cfg, "hieutruong", "Nguyễn Thị Hồng Vân", "ht@mn2010.edu.vn", "hieu-truong", pw)
	code, _, errs := baocaoIn("ngan\n", "user", "add", "van", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin")
	if code != 2 || !strings.Contains(errs, "ít nhất 10 ký tự") {
		t.Fatalf("a short password: exit %d: %s", code, errs)
	}
	code, _, errs = baocaoIn("TruongMamNon2010\n", "user", "add", "van", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin")
	if code != 2 || !strings.Contains(errs, "không được là tên") {
		t.Fatalf("the unit's name as password: exit %d: %s", code, errs)
	}
	if code, _, errs := baocaoIn("", "user", "add", "van", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu"); code != 2 || !strings.Contains(errs, "--password-stdin") {
		t.Fatalf("no terminal, no --password-stdin: exit %d: %s", code, errs)
	}
	addUser(t, cfg, "van", "Lê Thị Mai", "", "van-thu", "mùa thu lá vàng rơi")
	code, out, errs := baocao("user", "list", "-c", cfg)
	if code != 0 || !strings.Contains(out, "hieutruong") || !strings.Contains(out, "hiệu trưởng") || !strings.Contains(out, "Lê Thị Mai") {
		t.Fatalf("list: exit %d: %s%s", code, out, errs)
	}
	if code, _, errs := baocao("user", "lock", "van", "-c", cfg); code != 0 {
		t.Fatalf("lock: %d %s", code, errs)
	}
	if code, out, _ := baocao("user", "list", "-c", cfg); code != 0 || !strings.Contains(out, "đã khoá") {
		t.Fatalf("list after lock: %s", out)
	}
	if code, _, errs := baocaoIn("một mật khẩu mới toanh\n", "user", "passwd", "hieutruong", "-c", cfg, "--password-stdin"); code != 0 {
		t.Fatalf("passwd: %d %s", code, errs)
	}
	if code, _, errs := baocao("user", "edit", "van", "-c", cfg, "--role", "xem"); code != 0 {
		t.Fatalf("edit: %d %s", code, errs)
	}
	if code, _, errs := baocao("user", "remove", "van", "-c", cfg); code != 0 {
		t.Fatalf("remove: %d %s", code, errs)
	}
	path := filepath.Join(filepath.Dir(cfg), accounts.FileName)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{pw, "một mật khẩu mới toanh", "mùa thu lá vàng rơi"} {
		if strings.Contains(string(b), secret) {
			t.Fatalf("the users file holds a password in clear")
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Fatalf("users file mode %v", fi.Mode())
	}
	as, _ := accounts.Open(path).List()
	if len(as) != 1 || as[0].Generation != 2 || !accounts.Verify(as[0].Hash, "một mật khẩu mới toanh") {
		t.Fatalf("accounts after the commands: %+v", as)
	}
}

// login logs the client c in to the page at base as account.
func login(t *testing.T, c *http.Client, base, account string) {
	t.Helper()
	r, err := c.Get(base + "/dang-nhap")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatalf("no login form: %s", b)
	}
	r, err = c.PostForm(base+"/dang-nhap", url.Values{"csrf": {m[1]}, "name": {account}, "password": {principalPassword}})
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("login as %s: %d", account, r.StatusCode)
	}
}

// TestAccountMessagesSpeakVietnamese: what `user` and the approval's
// account checks answer when refused is Vietnamese from the catalogue,
// with no English class words ("accounts: password refused").
func TestAccountMessagesSpeakVietnamese(t *testing.T) {
	cfg := project(t)
	withPrincipal(t, cfg)
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--no-email"); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	approve := []string{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--password-stdin", "--no-email", "--as"}
	for _, tt := range []struct {
		stdin string
		args  []string
		says  string
	}{
		{"ngắn\n", []string{"user", "add", "mai", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin"}, "mật khẩu không dùng được: cần ít nhất 10 ký tự"},
		{"Le Thi Mai 2024\n", []string{"user", "add", "mai", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin"}, "không được là tên"},
		{"", []string{"user", "add", "Mai Anh", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin"}, "tên tài khoản"},
		{"", []string{"user", "add", "mai", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "sep", "--password-stdin"}, "vai trò"},
		{"", []string{"user", "add", "mai", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "hieu-truong", "--password-stdin"}, "người duyệt cần địa chỉ thư"},
		{principalPassword + "\n", []string{"user", "add", "van", "-c", cfg, "--full-name", "Lê Thị Mai", "--role", "van-thu", "--password-stdin"}, "tài khoản đã có"},
		{"", []string{"user", "remove", "khongco", "-c", cfg}, "không có tài khoản này"},
		{"", []string{"user", "lock", "khongco", "-c", cfg}, "không có tài khoản này"},
		{"", []string{"user", "edit", "van", "-c", cfg, "--title", "bà"}, "danh xưng"},
		{"sai mật khẩu rồi\n", append(approve, "hieutruong"), "sai mật khẩu của tài khoản hieutruong"},
		{principalPassword + "\n", append(approve, "van"), "không được duyệt hay trả lại"},
		{principalPassword + "\n", append(approve, "khongco"), "không có tài khoản"},
	} {
		code, _, errs := baocaoIn(tt.stdin, tt.args...)
		if code != 2 || !strings.Contains(errs, tt.says) {
			t.Errorf("%s: exit %d, want 2 saying %q:\n%s", strings.Join(tt.args[:2], " "), code, tt.says, errs)
		}
		var words []string
		for _, w := range englishWords(errs) {
			if w != "van" && w != "vanthu" { // account names: what the person typed
				words = append(words, w)
			}
		}
		if len(words) > 0 || strings.Contains(errs, "accounts:") {
			t.Errorf("%s: English %q in:\n%s", strings.Join(tt.args[:2], " "), words, errs)
		}
	}
}
