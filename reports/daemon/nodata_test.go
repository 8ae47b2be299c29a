package daemon

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// TestFreshInstallHoldsPeriodsWithoutData: the first start of the daemon on
// a fresh install, long after the example data ends (2026-11-29, data of
// 2024 with a few dossiers into 2025), catches up every report's latest
// period. 2026-11, 2026-Q3 and 2026-H1 have no row of any dated source:
// each is archived held (or a draft), nothing goes to the district or the
// reviewers, and admin_email gets one notice each. The year 2025 has a few
// rows (dossiers returned in January 2025): it is made as usual, its draft
// mailed to the reviewers.
func TestFreshInstallHoldsPeriodsWithoutData(t *testing.T) {
	box, port := startInbox(t)
	cfg := mailedConfig(t, port)
	cfg.Workflow.Unit.AdminEmail = "vanthu.mn2010@hcm.edu.vn"
	now := func() time.Time { return time.Date(2026, 11, 29, 8, 0, 0, 0, cfg.Maker.Location) }
	logs := &syncLog{}
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	d.jobs.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := d.Close(ctx); err != nil {
		t.Fatal(err)
	}
	st := d.state.maker.Store()
	for report, label := range map[string]string{"monthly": "2026-11", "quarterly": "2026-Q3", "half-year": "2026-H1"} {
		e, ok, _ := st.Latest(report, label)
		if !ok {
			t.Errorf("%s %s not archived:\n%s", report, label, logs.String())
			continue
		}
		rec, _, err := delivery.LoadRecord(e.Dir)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Status != delivery.Held && rec.Status != delivery.Draft || len(rec.Attempts) != 0 {
			t.Errorf("%s %s: %s with %d attempts, want held (or a draft) never sent", report, label, rec.Status, len(rec.Attempts))
		}
		if _, ok, _ := delivery.LoadNamed(e.Dir, "review.json"); ok {
			t.Errorf("%s %s: a reviewers' message is owed for a report without data", report, label)
		}
	}
	if e, ok, _ := st.Latest("annual", "2025"); !ok {
		t.Error("annual 2025 not archived")
	} else if _, ok, _ := delivery.LoadNamed(e.Dir, "review.json"); !ok {
		t.Error("annual 2025 has data: its draft is owed a reviewers' message")
	}
	var ids []string
	for _, id := range box.got() {
		if !strings.Contains(id, ".annual.2025.") {
			ids = append(ids, id)
		}
	}
	if len(ids) != 3 {
		t.Errorf("%d messages, want the 3 notices to admin_email: %v\n%s", len(ids), box.got(), logs.String())
	}
	for _, id := range ids {
		if !strings.Contains(id, "baocao.nodata.") {
			t.Errorf("message %s is not a no-data notice", id)
		}
		if to := box.recipients(id); len(to) != 1 || to[0] != cfg.Workflow.Unit.AdminEmail {
			t.Errorf("message %s went to %v", id, to)
		}
	}
	for _, w := range []string{"held: no dated source has a row in the period", "admin told of the held report"} {
		if !strings.Contains(logs.String(), w) {
			t.Errorf("logs lack %q:\n%s", w, logs.String())
		}
	}
}
