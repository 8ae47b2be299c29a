package workflow

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/accounts"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
)

// reviewMaker is the example config with an admin, its clock at *now.
func reviewMaker(t *testing.T, now *time.Time) (*Flow, *Settings) {
	t.Helper()
	rs, cfg := loadExample(t, "../../config.example.toml")
	cfg.Unit.AdminEmail = "vanthu.mn2010@hcm.edu.vn"
	m := newFlow(t, rs, cfg, func() time.Time { return *now })
	withExampleApprover(t, m)
	return m, cfg
}

// withExampleApprover gives m the account the example's approvers name:
// hieutruong, the principal, at the address the example's reviewers had
// before accounts, with no title (greeted by her name alone).
func withExampleApprover(t testing.TB, m *Flow) *accounts.Store {
	t.Helper()
	store := accounts.Open(filepath.Join(t.TempDir(), accounts.FileName))
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "hieutruong.mn2010@hcm.edu.vn", Role: accounts.Principal},
		"hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	m.SetAccounts(store)
	return store
}

// TestReviewMessages checks the Vietnamese messages of the review step
// for the example's 2024-Q2 draft: the review message, the reminders, the
// deadline notice and the return notice (docs/duyet-bao-cao.md shows
// them; -v prints them).
func TestReviewMessages(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	out, err := NewJob(m, nil, nil).Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{})
	if err != nil || !out.Draft {
		t.Fatalf("run: %+v %v", out, err)
	}
	if rec, _, _ := delivery.LoadRecord(out.Entry.Dir); rec.Status != delivery.Draft {
		t.Fatalf("status %s, want draft", rec.Status)
	}
	if _, ok, _ := delivery.LoadNamed(out.Entry.Dir, ReviewMailName); ok {
		t.Error("a draft archived without mail owes no review message")
	}
	// Before accounts: the reviewers of a config of that form (the
	// example's approver written the old way), greeted by name.
	q := cfg.Reports["quarterly"]
	q.Approvers, q.Reviewers = nil, []string{"Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"}
	msg, err := m.ReviewMessage(out.Entry)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(msg.Body, "Kính gửi Nguyễn Thị Hồng Vân,") || len(msg.To) != 1 || msg.To[0] != "Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>" {
		t.Errorf("the reviewers' message of before accounts: to %v\n%s", msg.To, msg.Body)
	}
	q.Approvers, q.Reviewers = []string{"hieutruong"}, nil
	// The example's approver without an account: no message to nobody,
	// a refusal naming the account and the commands.
	m.SetAccounts(accounts.Open(filepath.Join(t.TempDir(), accounts.FileName)))
	if _, err := m.ReviewMessage(out.Entry); !errors.Is(err, ErrSettings) || !strings.Contains(err.Error(), "thư xin duyệt không gửi cho ai: người duyệt hieutruong chưa có tài khoản") ||
		!strings.Contains(err.Error(), "baocao send -c") {
		t.Errorf("an approver without an account: %v", err)
	}
	if _, err := m.reminderMessage(out.Entry, remindDue); !errors.Is(err, ErrSettings) {
		t.Errorf("a reminder with no approver's account: %v, want a refusal", err)
	}
	if msg, err := m.reminderMessage(out.Entry, remindLate); err != nil || !strings.Contains(msg.Body, "vẫn chờ hieutruong (chưa có tài khoản kèm địa chỉ thư: baocao user add) duyệt") {
		t.Errorf("the admin's overdue notice with no approver's account: %v\n%v", err, msg)
	}
	// With accounts: the approvers' addresses, greeted by title.
	store := accounts.Open(filepath.Join(t.TempDir(), accounts.FileName))
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn", Role: accounts.Principal, Title: accounts.Co},
		"hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	m.SetAccounts(store)
	cfg.Reports["quarterly"].Approvers = []string{"hieutruong"}
	msg, err = m.ReviewMessage(out.Entry)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", msg.Subject, msg.Body)
	if len(msg.To) != 1 || !strings.Contains(msg.To[0], "ht@mn2010.edu.vn") || len(msg.Cc) != 0 {
		t.Errorf("to %v cc %v", msg.To, msg.Cc)
	}
	if !strings.Contains(msg.Subject, "hạn 20/06/2024") {
		t.Errorf("subject %q", msg.Subject)
	}
	if len(msg.Attachments) != 3 {
		t.Errorf("%d attachments, want the PDF, workbook and Word draft", len(msg.Attachments))
	}
	// What to decide and by when first; the commands last, for the
	// administrator.
	order := []string{"Kính gửi cô Nguyễn Thị Hồng Vân,", "Xin cô duyệt báo cáo kết quả thực hiện công tác CCHC quý II năm 2024 - Trường Mầm non 20/10 trước ngày 20/06/2024 (còn 5 ngày)",
		"CHƯA được gửi", "Tóm tắt", "Trong kỳ, đơn vị đạt", "Cảnh báo dữ liệu: ", "Hạn gửi cấp trên: 20/06/2024 (còn 5 ngày).", "Bản dự thảo v1",
		"Dành cho quản trị", "-r quarterly -p 2024-Q2 --version 1 --as hieutruong", "baocao reject"}
	at := -1
	for _, w := range order {
		i := strings.Index(msg.Body, w)
		if i < 0 || i < at {
			t.Errorf("review message lacks %q, or has it out of order", w)
		}
		at = i
	}
	if strings.Contains(msg.Body, "--number 15") || strings.Contains(msg.Body, "--by") || strings.Contains(msg.Body, "127.0.0.1") {
		t.Errorf("review message has a sample number, --by, or a loopback link:\n%s", msg.Body)
	}
	m.SetReviewLink(func(e archive.Entry) string {
		return "http://192.168.1.10:8080/bao-cao/" + e.Report + "/" + e.Period + "/v1"
	})
	msg, _ = m.ReviewMessage(out.Entry)
	link := strings.Index(msg.Body, "\nhttp://192.168.1.10:8080/bao-cao/quarterly/2024-Q2/v1\n")
	if link < 0 || link > strings.Index(msg.Body, "Tóm tắt") || strings.Count(msg.Body, "http") != 1 {
		t.Errorf("not one link, before the summary:\n%s", msg.Body)
	}
	m.SetReviewLink(nil)
	m.SetLocalPage(true)
	if msg, _ := m.ReviewMessage(out.Entry); !strings.Contains(msg.Body, "Bản dự thảo có trên trang baocao của máy chủ") || strings.Contains(msg.Body, "http") {
		t.Errorf("a page on the server only:\n%s", msg.Body)
	}
	m.SetLocalPage(false)

	for _, c := range []struct {
		at   time.Time
		want string
		text string
	}{
		{time.Date(2024, 6, 18, 6, 0, 0, 0, cfg.Location), "", ""},
		{time.Date(2024, 6, 18, 7, 0, 0, 0, cfg.Location), RemindBefore, "Còn 2 ngày nữa là hạn gửi cấp trên (ngày 20/06/2024)"},
		{time.Date(2024, 6, 20, 7, 0, 0, 0, cfg.Location), RemindDue, "Hôm nay là hạn gửi cấp trên (ngày 20/06/2024)"},
		{time.Date(2024, 6, 21, 0, 0, 0, 0, cfg.Location), OverdueName, "Hạn gửi cấp trên là ngày 20/06/2024 (đã quá hạn 1 ngày)"},
	} {
		now = c.at
		got, err := m.DueReminder(out.Entry, now)
		if err != nil || got != c.want {
			t.Errorf("%s: reminder %q (%v), want %q", c.at, got, err, c.want)
			continue
		}
		if got == "" {
			continue
		}
		kind := map[string]reminder{RemindBefore: remindBefore, RemindDue: remindDue, OverdueName: remindLate}[got]
		msg, err := m.reminderMessage(out.Entry, kind)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s\n%s", msg.Subject, msg.Body)
		if !strings.Contains(msg.Body, c.text) {
			t.Errorf("%s lacks %q:\n%s", got, c.text, msg.Body)
		}
		if to := msg.To[0]; (got == OverdueName) != (to == cfg.Unit.AdminEmail) {
			t.Errorf("%s to %s", got, to)
		}
	}
	// Those reminders were of a draft made without mail: they say its
	// review message was not sent, and how to send it; once review.json
	// says sent, they say it was.
	late, err := m.reminderMessage(out.Entry, remindLate)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(late.Body, "CHƯA được gửi cho người duyệt") || !strings.Contains(late.Body, "baocao send") || strings.Contains(late.Body, "đã gửi người duyệt") {
		t.Errorf("the deadline notice of a draft never mailed:\n%s", late.Body)
	}
	sentRec := delivery.NewRecord(false)
	sentRec.Status = delivery.Sent
	if err := sentRec.SaveNamed(out.Entry.Dir, ReviewMailName); err != nil {
		t.Fatal(err)
	}
	if late, _ = m.reminderMessage(out.Entry, remindLate); !strings.Contains(late.Body, "đã gửi người duyệt") || strings.Contains(late.Body, "CHƯA được gửi cho người duyệt") {
		t.Errorf("the deadline notice of a mailed draft:\n%s", late.Body)
	}
	if due, _ := m.reminderMessage(out.Entry, remindDue); !strings.Contains(due.Body, "đã gửi kèm thư") {
		t.Errorf("the reminder of a mailed draft:\n%s", due.Body)
	}
	// The day before the deadline, the "two days before" reminder is still owed (if not sent).
	if got, _ := m.DueReminder(out.Entry, time.Date(2024, 6, 19, 8, 0, 0, 0, cfg.Location)); got != RemindBefore {
		t.Errorf("19/06: %q", got)
	}

	r, err := NewJob(m, nil, nil).Reject(context.Background(), RejectOptions{Report: "quarterly", Period: "2024-Q2",
		By: "Nguyễn Thị Hồng Vân", Reason: "Bổ sung nguyên nhân chỉ tiêu 3.1 chưa đạt."})
	if err != nil {
		t.Fatal(err)
	}
	msg, err = m.returnMessage(out.Entry, r.Return)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", msg.Subject, msg.Body)
	if !strings.HasPrefix(msg.Subject, "[Trả lại]") || !strings.Contains(msg.Body, "Bổ sung nguyên nhân chỉ tiêu 3.1 chưa đạt.") {
		t.Errorf("return notice %s\n%s", msg.Subject, msg.Body)
	}
	if got, _ := m.DueReminder(out.Entry, now); got != "" {
		t.Errorf("a returned draft is owed %q", got)
	}
	// return.json is written once.
	if _, err := NewJob(m, nil, nil).Reject(context.Background(), RejectOptions{Report: "quarterly", Period: "2024-Q2", By: "X", Reason: "Y"}); !errors.Is(err, ErrReturned) {
		t.Errorf("second reject: %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(out.Entry.Dir, ReturnName))
	if !strings.Contains(string(b), "Bổ sung nguyên nhân") {
		t.Errorf("return.json %s", b)
	}
}

func mustPeriod(t *testing.T, m *Flow, report, label string) period.Period {
	t.Helper()
	p, err := m.Period(report, label)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestApproveWithoutMailIsHeld: approve --no-email files the approval and
// the issued version held; the figures are the draft's.
func TestApproveWithoutMail(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	job := NewJob(m, nil, nil)
	out, err := job.Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(26 * time.Hour)
	a, err := job.Approve(context.Background(), ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân",
		Number: 9, ForceNumber: true, NoEmail: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.Issued.Version != 2 || a.Record != nil {
		t.Fatalf("%+v", a)
	}
	issued, _ := reports.ReadManifest(a.Issued.Dir)
	if issued.IssuedFrom == nil || issued.IssuedFrom.Number != 9 || issued.IssuedFrom.Date != "2024-06-15" || issued.Issued != "2024-06-15" ||
		changedFigures(out.Manifest, issued) != "" || issued.GeneratedAt != out.Manifest.GeneratedAt {
		t.Errorf("issued manifest %+v", issued.IssuedFrom)
	}
	if rec, _, _ := delivery.LoadRecord(a.Issued.Dir); rec.Status != delivery.Held {
		t.Errorf("issued version %s, want held", rec.Status)
	}
	if rec, _, _ := delivery.LoadRecord(out.Entry.Dir); rec.Status != delivery.Approved || rec.IssuedAs != 2 {
		t.Errorf("draft %+v", rec)
	}
	if _, err := job.Approve(context.Background(), ApproveOptions{Report: "quarterly", Period: "2024-Q2", Version: 1, By: "X"}); !errors.Is(err, ErrAlreadyApproved) {
		t.Errorf("second approval: %v", err)
	}
	st, err := m.Story("quarterly", "2024-Q2", 0)
	if err != nil || len(st) != 2 || st[0].Entry.Version != 1 || st[1].Entry.Version != 2 {
		t.Fatalf("story %v %v", st, err)
	}
	if s := st[0].Summary(cfg.Location); !strings.Contains(s, "đã duyệt, Nguyễn Thị Hồng Vân duyệt lúc 09:00 16/06/2024, ban hành thành phiên bản 2") {
		t.Errorf("summary %q", s)
	}
}
