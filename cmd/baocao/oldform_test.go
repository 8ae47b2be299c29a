package main

import (
	"os"
	"strings"
	"testing"
)

// exampleApprovers is how the example config names its approver, on the
// quarterly, half-year and annual reports.
const exampleApprovers = `approvers = ["hieutruong"]`

// oldReviewers is the same approver in the form of before accounts.
const oldReviewers = `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`

// oldProject is the example project written the way configs were before
// accounts: reviewers ("Name <address>") in place of approvers. Tests of
// that old form (doctor's notes, init --upgrade, review mail by address)
// start from it.
func oldProject(t *testing.T) string {
	t.Helper()
	cfg := project(t)
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), exampleApprovers); n != 3 {
		t.Fatalf("the example config names %s %d times, want 3", exampleApprovers, n)
	}
	if err := os.WriteFile(cfg, []byte(strings.ReplaceAll(string(b), exampleApprovers, oldReviewers)), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestExampleApproverWithoutAccount (real Mailpit): the example config as
// a newcomer has it — approvers = ["hieutruong"], no users file. doctor
// names the missing account once with the command that makes it; a run
// of the quarterly report archives the draft, sends nothing to anybody
// and exits 2 naming the account; once the account exists, send mails the
// review message to its address, once.
func TestExampleApproverWithoutAccount(t *testing.T) {
	m := startMailpit(t)
	cfg := project(t)
	mailConfig(t, cfg, m)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	_, out, _ := baocao("doctor", "-c", cfg, "--no-email")
	want := "✗ Người duyệt hieutruong (approvers của Báo cáo quý, Báo cáo 6 tháng, Báo cáo năm) chưa có tài khoản"
	cmd := "baocao user add hieutruong --full-name \"Nguyễn Thị Hồng Vân\" --email ĐỊA_CHỈ --role hieu-truong --title cô -c " + cfg
	if !strings.Contains(out, want) || !strings.Contains(out, cmd) || strings.Contains(out, "cách ghi cũ") {
		t.Errorf("doctor on the example without accounts:\n%s", out)
	}
	code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 2 || !strings.Contains(errs, "thư xin duyệt không gửi cho ai: người duyệt hieutruong chưa có tài khoản kèm địa chỉ thư") ||
		!strings.Contains(errs, "baocao user add hieutruong --full-name") || !strings.Contains(errs, "baocao send -c "+cfg+" -r quarterly -p 2024-Q2") {
		t.Fatalf("run without the approver's account: exit %d: %s", code, errs)
	}
	if msgs := m.messages(t); len(msgs) != 0 {
		t.Fatalf("%d messages sent with no approver's account, want none", len(msgs))
	}
	withPrincipal(t, cfg)
	if code, _, errs := baocao("send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 {
		t.Fatalf("send once the account exists: exit %d: %s", code, errs)
	}
	msgs := m.messages(t)
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0].Subject, "[Chờ duyệt]") || len(msgs[0].To) != 1 || msgs[0].To[0].Address != "hieutruong.mn2010@hcm.edu.vn" {
		t.Fatalf("after the account: %+v", msgs)
	}
}
