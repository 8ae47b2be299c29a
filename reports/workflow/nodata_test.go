package workflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// TestManualRunOfAPeriodWithoutData: `baocao run` (no HoldWithoutData)
// archives and would send as before, the manifest saying the period has
// no data; the daemon's run (HoldWithoutData) archives it held; the admin's
// notice says what the files hold and what to do.
func TestManualRunOfAPeriodWithoutData(t *testing.T) {
	now := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	m, cfg := reviewMaker(t, &now)
	p := mustPeriod(t, m, "monthly", "2026-10")
	out, err := NewJob(m, nil, nil).Run(context.Background(), "monthly", p, RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !out.NoData || len(out.Manifest.NoPeriodData) == 0 {
		t.Fatalf("2026-10 has data? %+v", out.Manifest.NoPeriodData)
	}
	if p24 := mustPeriod(t, m, "monthly", "2024-03"); true {
		o, err := NewJob(m, nil, nil).Run(context.Background(), "monthly", p24, RunOptions{})
		if err != nil || o.NoData || o.Manifest.NoPeriodData != nil {
			t.Errorf("2024-03: %v %+v", err, o.Manifest.NoPeriodData)
		}
	}
	mail := &delivery.Settings{Host: "127.0.0.1", Port: 1, Security: "none"} // never dialled: the run holds
	held, err := NewJob(m, mail, nil).Run(context.Background(), "monthly", p, RunOptions{HoldWithoutData: true})
	if err != nil || !held.NoData || held.Record != nil || held.SendErr != nil {
		t.Fatalf("held run: %+v %v", held, err)
	}
	if rec, _, _ := delivery.LoadRecord(held.Entry.Dir); rec.Status != delivery.Held || len(rec.Attempts) != 0 {
		t.Errorf("daemon's run of a period without data: %s, %d attempts", rec.Status, len(rec.Attempts))
	}
	msg := m.NoDataNotice(held.Entry, held.Manifest)
	t.Logf("%s\n%s", msg.Subject, msg.Body)
	if len(msg.To) != 1 || msg.To[0] != cfg.Unit.AdminEmail {
		t.Errorf("to %v", msg.To)
	}
	for _, w := range []string{"không có dòng nào thuộc kỳ này", "tháng 10 năm 2026", "số liệu từ ngày 15/09/2026 đến ngày 14/10/2026",
		"Sổ theo dõi hồ sơ TTHC (tệp ho-so-tthc.xlsx, trang \"Sheet1\"): số liệu mới nhất ngày 12/01/2025", "CHƯA được gửi",
		"đã lập tự động Báo cáo tháng kỳ 2026-10",
		"cập nhật các tệp số liệu", "baocao run -r monthly -p 2026-10", "baocao send -r monthly -p 2026-10"} {
		if !strings.Contains(msg.Body, w) {
			t.Errorf("notice lacks %q", w)
		}
	}
	// The report and the books by their names, not their keys.
	if msg.Subject != "baocao: Báo cáo tháng kỳ 2026-10 không có số liệu của kỳ, chưa gửi cấp trên" {
		t.Errorf("subject %q", msg.Subject)
	}
	for _, key := range []string{"monthly kỳ", "nguồn ", "dossiers", "payments"} {
		if strings.Contains(msg.Body, key) {
			t.Errorf("notice says %q", key)
		}
	}
}
