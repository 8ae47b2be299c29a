package daemon

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// TestReviewWithAnInjectedClock follows the reviewed reports through the
// daemon with an injected clock: the scheduled (caught-up) runs make
// drafts and mail the reviewers only; the reminders two days before and
// on the deadline's morning, and the notice to admin_email once the
// deadline passed, are each sent once; an approval made while the daemon
// runs whose sending failed is delivered by the daemon, once; one the CLI
// delivered is left alone; a restart sends nothing more.
func TestReviewWithAnInjectedClock(t *testing.T) {
	box, port := startInbox(t)
	cfg := mailedConfig(t, port)
	cfg.Workflow.Unit.AdminEmail = "vanthu.mn2010@hcm.edu.vn"
	const reviewer = "hieutruong.mn2010@hcm.edu.vn"
	var mu sync.Mutex
	clock := time.Date(2024, 6, 15, 8, 0, 0, 0, cfg.Maker.Location)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	set := func(t time.Time) { mu.Lock(); clock = t; mu.Unlock() }
	var logs syncLog
	users := exampleAccounts(t) // the example's approvers name hieutruong
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil)), Accounts: users})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { d.Close(context.Background()) }()
	d.jobs.Wait()

	// The catch-up runs: monthly is sent to the district; the reviewed
	// reports are drafts, and only their reviewers are mailed.
	seen := 0
	newMail := func() []string {
		got := box.got()
		out := got[seen:]
		seen = len(got)
		return out
	}
	scan := func(at time.Time) []string {
		set(at)
		d.retryPending(false)
		d.retryPending(false) // a second scan at the same time owes nothing
		return newMail()
	}
	// The first scan also tells the admin that the 2023 annual report's
	// deadline (20/12/2023) has long passed (the daemon's own first scan
	// may have done so already).
	got := scan(clock)
	want := map[string]string{
		"<baocao.mn2010.monthly.2024-06.v1@hcm.edu.vn>":          "phongnoivu.q1@tphcm.gov.vn",
		"<baocao.review.mn2010.quarterly.2024-q2.v1@hcm.edu.vn>": reviewer,
		"<baocao.review.mn2010.half-year.2024-h1.v1@hcm.edu.vn>": reviewer,
		"<baocao.review.mn2010.annual.2023.v1@hcm.edu.vn>":       reviewer,
		"<baocao.overdue.mn2010.annual.2023.v1@hcm.edu.vn>":      cfg.Workflow.Unit.AdminEmail,
	}
	for _, id := range got {
		to, ok := want[id]
		if !ok {
			t.Errorf("unexpected message %s", id)
			continue
		}
		delete(want, id)
		if rcpt := box.recipients(id); len(rcpt) != 1 || rcpt[0] != to {
			t.Errorf("%s went to %v, want %s only", id, rcpt, to)
		}
	}
	if len(want) > 0 {
		t.Fatalf("not sent: %v (got %v)\n%s", want, got, logs.String())
	}
	st := d.state
	q2, _, _ := st.maker.Store().Latest("quarterly", "2024-Q2")
	if rec, _, _ := delivery.LoadRecord(q2.Dir); rec.Status != delivery.Draft {
		t.Fatalf("quarterly 2024-Q2 v1 is %s, want a draft", rec.Status)
	}

	if got := scan(time.Date(2024, 6, 18, 6, 59, 0, 0, cfg.Maker.Location)); len(got) != 0 {
		t.Errorf("before 07:00 two days ahead: sent %v", got)
	}
	reminders := []struct {
		at   time.Time
		kind string
	}{
		{time.Date(2024, 6, 18, 7, 0, 0, 0, cfg.Maker.Location), "remind-before"},
		{time.Date(2024, 6, 20, 7, 30, 0, 0, cfg.Maker.Location), "remind-due"},
	}
	for _, r := range reminders {
		got := scan(r.at)
		if len(got) != 2 || !strings.Contains(strings.Join(got, " "), "baocao."+r.kind+".mn2010.quarterly.2024-q2.v1") ||
			!strings.Contains(strings.Join(got, " "), "baocao."+r.kind+".mn2010.half-year.2024-h1.v1") {
			t.Errorf("%s: sent %v, want the %s reminders of Q2 and H1", r.at, got, r.kind)
		}
		for _, id := range got {
			if to := box.recipients(id); len(to) != 1 || to[0] != reviewer {
				t.Errorf("%s went to %v", id, to)
			}
		}
	}

	// Approvals while the daemon runs. H1: approved with a number and
	// date by a process whose server is down; the daemon delivers the
	// issued version, once. Q2: approved and sent by the CLI; the daemon
	// sends nothing for it.
	set(time.Date(2024, 6, 20, 9, 0, 0, 0, cfg.Maker.Location))
	m, err := newFlow(cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	down := delivery.Settings{Host: "127.0.0.1", Port: 1, Security: "none", Backoff: []time.Duration{}}
	h1, err := workflow.NewJob(m, &down, nil).Approve(context.Background(), workflow.ApproveOptions{Report: "half-year", Period: "2024-H1",
		By: "Nguyễn Thị Hồng Vân", Number: 42, ForceNumber: true, Date: time.Date(2024, 6, 20, 0, 0, 0, 0, cfg.Maker.Location)})
	if err != nil || h1.SendErr == nil || h1.Issued.Version != 2 {
		t.Fatalf("approve H1 with the server down: %+v, %v", h1, err)
	}
	mail := *st.mail
	q, err := workflow.NewJob(m, &mail, nil).Approve(context.Background(), workflow.ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân"})
	if err != nil || q.SendErr != nil {
		t.Fatalf("approve Q2: %+v, %v", q, err)
	}
	if got := newMail(); len(got) != 1 || got[0] != "<baocao.mn2010.quarterly.2024-q2.v1@hcm.edu.vn>" {
		t.Errorf("the CLI's approval sent %v", got)
	} else if to := box.recipients(got[0]); len(to) != 1 || to[0] != "phongnoivu.q1@tphcm.gov.vn" {
		t.Errorf("the approved report went to %v, want the district (to)", to)
	}
	set(time.Date(2024, 6, 20, 9, 2, 0, 0, cfg.Maker.Location))
	if got := scan(clock); len(got) != 1 || got[0] != "<baocao.mn2010.half-year.2024-h1.v2@hcm.edu.vn>" {
		t.Errorf("the daemon sent %v, want the issued H1 v2 once\n%s", got, logs.String())
	}
	// The deadline passed for nothing still waiting: no notice for the
	// approved ones.
	if got := scan(time.Date(2024, 6, 21, 0, 5, 0, 0, cfg.Maker.Location)); len(got) != 0 {
		t.Errorf("after the deadline: sent %v; nothing is waiting for review", got)
	}

	t.Logf("messages: %v", box.got())

	// A restart owes nothing.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := d.Close(ctx); err != nil {
		t.Fatal(err)
	}
	var logs2 bytes.Buffer
	d, err = Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs2, nil)), Accounts: users})
	if err != nil {
		t.Fatal(err)
	}
	d.jobs.Wait()
	d.retryPending(true)
	if got := newMail(); len(got) != 0 {
		t.Errorf("a restart sent %v\n%s", got, logs2.String())
	}
	for _, v := range []struct {
		report, label string
		version       int
		status        delivery.Status
	}{
		{"quarterly", "2024-Q2", 1, delivery.Sent},
		{"half-year", "2024-H1", 1, delivery.Approved},
		{"half-year", "2024-H1", 2, delivery.Sent},
		{"annual", "2023", 1, delivery.Draft},
	} {
		vs, _ := m.Store().Versions(v.report, v.label)
		if len(vs) < v.version {
			t.Errorf("%s %s has %d versions", v.report, v.label, len(vs))
			continue
		}
		if rec, _, _ := delivery.LoadRecord(vs[v.version-1].Dir); rec.Status != v.status {
			t.Errorf("%s %s v%d is %s, want %s", v.report, v.label, v.version, rec.Status, v.status)
		}
	}
}

// TestDaemonCompletesAnInterruptedApproval: an approval recorded by a
// process that died before it issued and sent the document (the draft's
// record still says draft, no issued version) is completed by the
// daemon's scan: the document is issued from the same inputs and sent
// once.
func TestDaemonCompletesAnInterruptedApproval(t *testing.T) {
	box, port := startInbox(t)
	cfg := mailedConfig(t, port)
	now := func() time.Time { return time.Date(2024, 6, 15, 8, 0, 0, 0, cfg.Maker.Location) }
	m, err := newFlow(cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := m.Period("quarterly", "2024-Q2")
	job := workflow.NewJob(m, nil, nil)
	out, err := job.Run(context.Background(), "quarterly", p, workflow.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := job.Approve(context.Background(), workflow.ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân", Number: 8, NoEmail: true})
	if err != nil {
		t.Fatal(err)
	}
	// Undo what followed the approval record: the state a crash right
	// after writing approval.json leaves.
	if err := os.RemoveAll(a.Issued.Dir); err != nil {
		t.Fatal(err)
	}
	if err := delivery.NewDraft().Save(out.Entry.Dir); err != nil {
		t.Fatal(err)
	}

	var logs syncLog
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	d.jobs.Wait()
	d.retryPending(false)
	d.retryPending(false)
	want := "<baocao.mn2010.quarterly.2024-q2.v2@hcm.edu.vn>"
	n := 0
	for _, id := range box.got() {
		if strings.Contains(id, "quarterly") && !strings.Contains(id, "review") {
			if id != want {
				t.Errorf("sent %s", id)
			}
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the approved Q2 was sent %d times, want once\n%s", n, logs.String())
	}
	if rec, _, _ := delivery.LoadRecord(out.Entry.Dir); rec.Status != delivery.Approved || rec.IssuedAs != 2 {
		t.Errorf("draft record %+v", rec)
	}
	man, err := reports.ReadManifest(a.Issued.Dir)
	if err != nil || man.IssuedFrom == nil || man.IssuedFrom.Number != 8 || man.IssuedFrom.ApprovalSHA256 == "" {
		t.Errorf("issued manifest: %v %+v", err, man)
	}
}
