package doctor

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
)

// TestReviewSection: doctor says what to change in a config of before
// accounts (reviewers, no account), refuses approvers without an account
// or an address, and a reviewed report whose message would carry no
// usable link (a page open to other machines without public_url).
func TestReviewSection(t *testing.T) {
	run := func(cfg string) string {
		t.Helper()
		now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
		return text(Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }}))
	}
	// Before accounts: notes, no problem.
	cfg := example(t)
	out := run(cfg)
	for _, w := range []string{"! Tài khoản: chưa có tài khoản nào", "reviewers là cách ghi cũ", "approvers"} {
		if !strings.Contains(out, w) {
			t.Errorf("a config of before accounts: lacks %q:\n%s", w, out)
		}
	}
	// Approvers: one account missing, one without an address.
	store := accounts.Open(accounts.PathBeside(cfg))
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn", Role: accounts.Principal}, "hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	if err := store.Add(accounts.Account{Name: "van", FullName: "Lê Thị Mai", Role: accounts.Clerk}, "hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(cfg)
	text := strings.Replace(string(b), `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`, `approvers = ["hieutruong", "pho", "van"]`, 1)
	text += "\n[web]\nlisten = \"0.0.0.0:18081\"\n"
	os.WriteFile(cfg, []byte(text), 0o644)
	out = run(cfg)
	for _, w := range []string{"✗ Báo cáo", "pho (chưa có tài khoản)", "van (vai trò văn thư không được duyệt)",
		"✗ Thư xin duyệt: trang web mở cho các máy khác (0.0.0.0:18081) nhưng thư không có đường dẫn dùng được — đặt [web] public_url"} {
		if !strings.Contains(out, w) {
			t.Errorf("lacks %q:\n%s", w, out)
		}
	}
	os.WriteFile(cfg, []byte(strings.Replace(text, `approvers = ["hieutruong", "pho", "van"]`, `approvers = ["hieutruong"]`, 1)+"public_url = \"http://192.168.1.10:18081\"\n"), 0o644)
	out = run(cfg)
	for _, w := range []string{"✓ Báo cáo", "người duyệt hieutruong", "✓ Thư xin duyệt: có đường dẫn tới bản dự thảo tại http://192.168.1.10:18081"} {
		if !strings.Contains(out, w) {
			t.Errorf("fixed: lacks %q:\n%s", w, out)
		}
	}
}
