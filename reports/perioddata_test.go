package reports

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
)

// TestHasData: the one test of "the period has data" — any dated source
// with a row inside it.
func TestHasData(t *testing.T) {
	tests := []struct {
		name  string
		cover PeriodCover
		want  bool
	}{
		{"no dated source", nil, true},
		{"every source stale", PeriodCover{{Source: "dossiers", Latest: "2024-12-14"}, {Source: "manual", Latest: "2024-12-14"}}, false},
		{"one row in one source", PeriodCover{{Source: "dossiers"}, {Source: "feedback", InPeriod: 1}}, true},
		{"sources without dated rows", PeriodCover{{Source: "dossiers"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cover.HasData(); got != tt.want {
				t.Errorf("HasData() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCoverOfExampleData counts the example's dated sources for periods
// with and without rows: the data runs through 2024 (dossiers returned
// into January 2025); the staff list (undated) and the narrative are not
// counted.
func TestCoverOfExampleData(t *testing.T) {
	now := time.Now()
	m, _ := reviewMaker(t, &now)
	d, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		label string
		want  bool
	}{
		{"2024-03", true}, {"2024-Q2", true}, {"2024", true},
		{"2025", true}, // a few dossiers returned in January 2025
		{"2025-03", false}, {"2026-11", false}, {"2026-Q3", false}, {"2026-H1", false}, {"2019", false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			p, err := period.Parse(tt.label, period.Decree09)
			if err != nil {
				t.Fatal(err)
			}
			c := CoverOf(m.plan, d.Tables, p)
			if got := c.HasData(); got != tt.want {
				t.Errorf("HasData %v, want %v: %+v", got, tt.want, c)
			}
			for _, s := range c {
				if s.Source == "staff" || s.Source == m.plan.Narrative.Source {
					t.Errorf("undated source %s counted", s.Source)
				}
				if s.Latest == "" {
					t.Errorf("%s: no latest day", s.Source)
				}
			}
		})
	}
}

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
	held, err := NewJob(m, mail, nil).Run(context.Background(), "monthly", p, RunOptions{Options: Options{HoldWithoutData: true}})
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
		"tệp ho-so-tthc.xlsx (trang Sheet1) — nguồn dossiers: số liệu mới nhất ngày 12/01/2025", "CHƯA được gửi",
		"cập nhật các tệp số liệu", "baocao run -r monthly -p 2026-10", "baocao send -r monthly -p 2026-10"} {
		if !strings.Contains(msg.Body, w) {
			t.Errorf("notice lacks %q", w)
		}
	}
}
