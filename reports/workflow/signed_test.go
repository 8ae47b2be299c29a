package workflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// TestSigningReminders: with require_signed, the approved version waits
// (chờ ký số) and is owed the review's reminders at the same times, with
// the PDF to sign; the notice after the deadline goes to admin_email.
func TestSigningReminders(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	cfg.Reports["quarterly"].RequireSigned = true
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	job := NewJob(m, nil, nil)
	if _, err := job.Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{}); err != nil {
		t.Fatal(err)
	}
	out, err := job.Approve(context.Background(), ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân", Number: 15, ForceNumber: true})
	if err != nil || !out.AwaitingSignature || out.Record != nil {
		t.Fatalf("approve: %+v %v", out, err)
	}
	e := out.Issued
	if rec, _, _ := delivery.LoadRecord(e.Dir); rec.Status != delivery.AwaitingSignature {
		t.Fatalf("issued v%d is %s, want awaiting-signature", e.Version, rec.Status)
	}
	if _, err := m.DueReminder(e, now); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at         time.Time
		want, text string
	}{
		{time.Date(2024, 6, 18, 6, 0, 0, 0, cfg.Location), "", ""},
		{time.Date(2024, 6, 18, 7, 0, 0, 0, cfg.Location), SignBefore, "Còn 2 ngày nữa là hạn gửi cấp trên (ngày 20/06/2024). Bản v2"},
		{time.Date(2024, 6, 20, 7, 0, 0, 0, cfg.Location), SignDue, "Hôm nay là hạn gửi cấp trên (ngày 20/06/2024)"},
		{time.Date(2024, 6, 21, 0, 0, 0, 0, cfg.Location), SignOverdue, "vẫn chờ ký số. Hạn gửi cấp trên là ngày 20/06/2024 (đã quá hạn 1 ngày)"},
	} {
		now = c.at
		got, err := m.DueSignReminder(e, now)
		if err != nil || got != c.want {
			t.Errorf("%s: %q (%v), want %q", c.at, got, err, c.want)
			continue
		}
		if got == "" {
			continue
		}
		msg, err := m.signReminderMessage(e, got)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s\n%s", msg.Subject, msg.Body)
		if !strings.Contains(msg.Body, c.text) || !strings.Contains(msg.Body, "baocao signed") || !strings.Contains(msg.Body, "Tải lên bản đã ký số") {
			t.Errorf("%s lacks %q:\n%s", got, c.text, msg.Body)
		}
		if overdue := got == SignOverdue; overdue != (msg.To[0] == cfg.Unit.AdminEmail) || !overdue && (len(msg.Attachments) != 1 || msg.Attachments[0].Name != "bao-cao-cchc-2024-Q2.pdf") {
			t.Errorf("%s to %v with %d attachments", got, msg.To, len(msg.Attachments))
		}
	}
	// send refuses it without the copy, even forced.
	if _, err := NewJob(m, &delivery.Settings{Host: "127.0.0.1"}, nil).Send(context.Background(), e, true); err == nil || !strings.Contains(err.Error(), "chờ ký số") {
		t.Errorf("send without the signed copy: %v", err)
	}
}
