package daemon

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	cronspec "github.com/mn2010/baocao/internal/schedule"

	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/robfig/cron/v3"
)

var hcm, _ = time.LoadLocation("Asia/Ho_Chi_Minh")

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, hcm)
	if err != nil {
		panic(err)
	}
	return t
}

func schedule(spec string) cron.Schedule {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		panic(err)
	}
	return s
}

func TestLastRunAndPeriod(t *testing.T) {
	tests := []struct {
		spec, now, last, label string
		kind                   period.Kind
	}{
		{"0 7 15 * *", "2024-03-15 07:00", "2024-03-15 07:00", "2024-03", period.Month},
		{"0 7 15 * *", "2024-03-15 06:59", "2024-02-15 07:00", "2024-02", period.Month},
		{"0 7 15 * *", "2024-03-20 10:00", "2024-03-15 07:00", "2024-03", period.Month},
		{"0 7 15 * *", "2025-01-02 09:00", "2024-12-15 07:00", "2024-12", period.Month},
		{"0 7 15 3,6,9,12 *", "2024-05-01 00:00", "2024-03-15 07:00", "2024-Q1", period.Quarter},
		{"0 7 15 6,12 *", "2024-11-30 00:00", "2024-06-15 07:00", "2024-H1", period.HalfYear},
		{"0 7 15 12 *", "2025-06-01 00:00", "2024-12-15 07:00", "2024", period.Year},
		{"*/5 * * * *", "2024-03-15 07:03", "2024-03-15 07:00", "2024-03", period.Month},
	}
	for _, tt := range tests {
		t.Run(tt.spec+"@"+tt.now, func(t *testing.T) {
			last, ok := LastRun(schedule(tt.spec), at(tt.now))
			if !ok || !last.Equal(at(tt.last)) {
				t.Fatalf("LastRun = %v %v, want %v", last, ok, tt.last)
			}
			if got := period.LatestEnded(tt.kind, period.Decree09, last).Label(); got != tt.label {
				t.Errorf("period %s, want %s", got, tt.label)
			}
		})
	}
}

func TestPlanCatchUp(t *testing.T) {
	reports := []Report{
		{ID: "monthly", Kind: period.Month, Boundary: period.Decree09, Schedule: schedule("0 7 15 * *")},
		{ID: "quarterly", Kind: period.Quarter, Boundary: period.Decree09, Schedule: schedule("0 7 15 3,6,9,12 *")},
	}
	archive := map[string]bool{"monthly/2024-01": true, "quarterly/2023-Q4": true}
	has := func(r, l string) bool { return archive[r+"/"+l] }

	// Down from 10 February to 2 April 2024, across two month ends and a
	// quarter's run: only the latest period of each report is run; the
	// missed February is a gap to log.
	got := PlanCatchUp(reports, at("2024-04-02 08:00"), has)
	if len(got) != 2 {
		t.Fatalf("catch-up %+v", got)
	}
	if c := got[0]; c.Report != "monthly" || c.Period.Label() != "2024-03" || !c.Missed.Equal(at("2024-03-15 07:00")) ||
		len(c.Gaps) == 0 || c.Gaps[0] != "2024-02" {
		t.Errorf("monthly: %+v", c)
	}
	if c := got[1]; c.Report != "quarterly" || c.Period.Label() != "2024-Q1" {
		t.Errorf("quarterly: %+v", c)
	}

	// Once archived, nothing is owed.
	archive["monthly/2024-03"], archive["quarterly/2024-Q1"] = true, true
	if got := PlanCatchUp(reports, at("2024-04-02 08:00"), has); len(got) != 0 {
		t.Errorf("catch-up %+v, want none", got)
	}
	// Before the month's run time, last month is the one owed.
	if got := PlanCatchUp(reports[:1], at("2024-04-15 06:00"), has); len(got) != 0 {
		t.Errorf("catch-up before the run time: %+v", got)
	}
	if got := PlanCatchUp(reports[:1], at("2024-04-15 07:30"), has); len(got) != 1 || got[0].Period.Label() != "2024-04" {
		t.Errorf("catch-up after the run time: %+v", got)
	}
}

// busyServer answers every connection "421 busy" and hangs up: a mail
// server that is down for maintenance.
func busyServer(t *testing.T) (host string, port int) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Write([]byte("421 4.3.2 Service not available, closing channel\r\n"))
			c.Close()
		}
	}()
	return "127.0.0.1", l.Addr().(*net.TCPAddr).Port
}

// TestRetryTiming runs real delivery rounds against a server that answers
// 421, each round making several attempts ([smtp] retry_seconds), and
// checks that the daemon's waits between rounds are 1, 2, 5, 10, 30
// minutes, then hourly.
func TestRetryTiming(t *testing.T) {
	host, port := busyServer(t)
	clock := at("2024-03-15 07:00")
	s := delivery.Settings{Host: host, Port: port, Security: "none", From: "mn2010@hcm.edu.vn",
		Backoff: []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}}
	d := delivery.New(s, delivery.Options{Now: func() time.Time { return clock }})
	msg := &delivery.Message{From: "mn2010@hcm.edu.vn", To: []string{"phongnoivu@tphcm.gov.vn"}, Subject: "x", Body: "x",
		MessageID: "retry.test@hcm.edu.vn", Date: clock}
	dir := t.TempDir()
	if err := delivery.NewRecord(false).Save(dir); err != nil {
		t.Fatal(err)
	}
	rec, _, _ := delivery.LoadRecord(dir)
	if !NextRetry(rec).IsZero() {
		t.Error("a record with no attempt is due at once")
	}
	want := []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute, time.Hour, time.Hour}
	for i, w := range want {
		rec, err := d.Deliver(context.Background(), dir, msg, false)
		if !errors.Is(err, delivery.ErrTransient) || rec.Status != delivery.Pending {
			t.Fatalf("round %d: %v, %+v", i+1, err, rec)
		}
		if got := len(rec.Attempts); got != 4*(i+1) {
			t.Fatalf("round %d recorded %d attempts in all, want %d", i+1, got, 4*(i+1))
		}
		saved, _, _ := delivery.LoadRecord(dir)
		next := NextRetry(saved)
		if got := next.Sub(clock); got != w {
			t.Errorf("after round %d: wait %v, want %v", i+1, got, w)
		}
		clock = next
	}
}

// TestCatchUpOnAMachineInUTC: the machine's zone is UTC, the config's
// Asia/Ho_Chi_Minh. At 00:30 UTC on 15 April it is 07:30 in Viet Nam: the
// 07:00 monthly run of that day was missed and covers 2024-04. (Read in
// UTC, the last run would be 15 March and the missed period never made.)
func TestCatchUpOnAMachineInUTC(t *testing.T) {
	saved := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = saved })
	s, err := cronspec.Parse("0 7 15 * *", hcm)
	if err != nil {
		t.Fatal(err)
	}
	reports := []Report{{ID: "monthly", Kind: period.Month, Boundary: period.Decree09, Schedule: s}}
	has := func(r, l string) bool { return l == "2024-03" }
	now := time.Date(2024, 4, 15, 0, 30, 0, 0, time.UTC)
	got := PlanCatchUp(reports, now, has)
	if len(got) != 1 || got[0].Period.Label() != "2024-04" || !got[0].Missed.Equal(at("2024-04-15 07:00")) {
		t.Fatalf("catch-up %+v, want 2024-04 missed at 07:00 +07", got)
	}
	// At 23:30 UTC on the 14th it is 06:30 on the 15th in Viet Nam: not yet.
	if got := PlanCatchUp(reports, time.Date(2024, 4, 14, 23, 30, 0, 0, time.UTC), has); len(got) != 0 {
		t.Errorf("catch-up before the run time: %+v", got)
	}
}
