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
// (once per account, with the command that makes it) or an address, and a
// reviewed report whose message would carry no usable link (a page open
// to other machines without public_url).
func TestReviewSection(t *testing.T) {
	run := func(cfg string) string {
		t.Helper()
		now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
		return text(Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }}))
	}
	// Before accounts (the old form, in a config text of its own): notes, no problem.
	cfg := example(t)
	b, _ := os.ReadFile(cfg)
	example := string(b)
	if strings.Count(example, `approvers = ["hieutruong"]`) != 3 {
		t.Fatalf("the example config no longer names approvers = [\"hieutruong\"] three times")
	}
	os.WriteFile(cfg, []byte(strings.ReplaceAll(example, `approvers = ["hieutruong"]`, `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`)), 0o644)
	out := run(cfg)
	for _, w := range []string{"! Tài khoản: chưa có tài khoản nào", "reviewers là cách ghi cũ", "approvers"} {
		if !strings.Contains(out, w) {
			t.Errorf("a config of before accounts: lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "✗ Người duyệt") {
		t.Errorf("a config of before accounts has no approver to miss:\n%s", out)
	}
	// The example as it is, before any account: one ✗ for hieutruong,
	// naming the three reports and the exact command, and a note for the
	// clerk's account; no "old form" note.
	os.WriteFile(cfg, []byte(example), 0o644)
	out = run(cfg)
	want := "✗ Người duyệt hieutruong (approvers của Báo cáo quý, Báo cáo 6 tháng, Báo cáo năm) chưa có tài khoản nên không nhận được thư xin duyệt và không duyệt được — tạo tài khoản (lệnh hỏi mật khẩu): " +
		"baocao user add hieutruong --full-name \"Nguyễn Thị Hồng Vân\" --email ĐỊA_CHỈ --role hieu-truong --title cô -c " + cfg
	if !strings.Contains(out, want) || strings.Count(out, "✗ Người duyệt") != 1 {
		t.Errorf("the example before accounts: want once %q:\n%s", want, out)
	}
	if w := "! Tài khoản: chưa có tài khoản nào — ngoài tài khoản người duyệt (dòng ✗ bên dưới), tạo tài khoản văn thư: baocao user add vanthu"; !strings.Contains(out, w) {
		t.Errorf("the example before accounts: lacks %q:\n%s", w, out)
	}
	if strings.Contains(out, "cách ghi cũ") || strings.Contains(out, "✗ Báo cáo") {
		t.Errorf("the example before accounts: an old-form note or a report's own ✗:\n%s", out)
	}
	// Approvers: one account missing, one without an address.
	store := accounts.Open(accounts.PathBeside(cfg))
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn", Role: accounts.Principal}, "hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	if err := store.Add(accounts.Account{Name: "van", FullName: "Lê Thị Mai", Role: accounts.Clerk}, "hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(example, `approvers = ["hieutruong"]`, `approvers = ["hieutruong", "pho", "van"]`, 1)
	text += "\n[web]\nlisten = \"0.0.0.0:18081\"\n"
	os.WriteFile(cfg, []byte(text), 0o644)
	out = run(cfg)
	for _, w := range []string{"✗ Báo cáo quý: người duyệt van (vai trò văn thư không được duyệt)",
		"✗ Người duyệt pho (approvers của Báo cáo quý) chưa có tài khoản", "--role pho-hieu-truong", // a principal exists: a deputy's
		"✓ Tài khoản: 2 tài khoản",
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
	// The reports in the order the clerk reads them everywhere (tháng, quý, 6 tháng, năm), not
	// by their keys (annual, half-year, quarterly).
	q, h, y := strings.Index(out, "✓ Báo cáo quý: người duyệt"), strings.Index(out, "✓ Báo cáo 6 tháng: người duyệt"), strings.Index(out, "✓ Báo cáo năm: người duyệt")
	if q < 0 || h < 0 || y < 0 || !(q < h && h < y) {
		t.Errorf("fixed: the approvers' lines are not in the order quý, 6 tháng, năm (%d, %d, %d):\n%s", q, h, y, out)
	}
}

// withApprover makes the account the example config's approvers name
// (hieutruong, the principal), beside cfg: the example's review step is
// then ready, and doctor's other checks are seen alone.
func withApprover(t *testing.T, cfg string) {
	t.Helper()
	if err := accounts.Open(accounts.PathBeside(cfg)).Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân",
		Email: "hieutruong.mn2010@hcm.edu.vn", Role: accounts.Principal, Title: accounts.Co}, "hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
}
