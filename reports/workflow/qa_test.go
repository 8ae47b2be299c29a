package workflow

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// TestDistrictMailNamesTheNumber: the district's message names the number
// and date of issue, given to run or to approve; none when blank.
func TestDistrictMailNamesTheNumber(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	job := NewJob(m, nil, nil)
	if _, err := job.Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{}); err != nil {
		t.Fatal(err)
	}
	a, err := job.Approve(context.Background(), ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân",
		Number: 15, ForceNumber: true, Date: time.Date(2024, 6, 16, 0, 0, 0, 0, time.UTC), NoEmail: true})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := m.Message(a.Issued)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Báo cáo số 15/BC-" + cfg.Unit.Symbol + " ngày 16/06/2024."; !strings.Contains(msg.Body, want) {
		t.Errorf("the issued document's message lacks %q:\n%s", want, msg.Body)
	}
	if strings.Contains(msg.Body, AutomaticNotice) {
		t.Errorf("an approved report's message says it was not approved:\n%s", msg.Body)
	}

	out, err := job.Run(context.Background(), "monthly", mustPeriod(t, m, "monthly", "2024-05"), RunOptions{Options: reports.Options{Number: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := m.Message(out.Entry); err != nil || !strings.Contains(msg.Body, "Báo cáo số 07/BC-"+cfg.Unit.Symbol+" ngày 15/06/2024.") ||
		!strings.HasPrefix(msg.Body, AutomaticNotice+"\n") {
		t.Errorf("run --number 7 of the monthly report, sent without review: %v\n%s", err, msg.Body)
	}
	out, err = job.Run(context.Background(), "monthly", mustPeriod(t, m, "monthly", "2024-04"), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := m.Message(out.Entry); err != nil || strings.Contains(msg.Body, "Báo cáo số") {
		t.Errorf("a blank number is named: %v\n%s", err, msg.Body)
	}
}

// TestSendPicksTheApprovedVersionBeforeANewerDraft: a draft made after an
// approval (by an older baocao, or the run refused now) does not strand
// the approved document: ToSend picks it.
func TestSendPicksTheApprovedVersionBeforeANewerDraft(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	job := NewJob(m, nil, nil)
	p := mustPeriod(t, m, "quarterly", "2024-Q2")
	if _, err := job.Run(context.Background(), "quarterly", p, RunOptions{}); err != nil {
		t.Fatal(err)
	}
	a, err := job.Approve(context.Background(), ApproveOptions{Report: "quarterly", Period: "2024-Q2", By: "X", Number: 4, NoEmail: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := job.Run(context.Background(), "quarterly", p, RunOptions{}); !errors.Is(err, ErrApprovedUnsent) {
		t.Fatalf("a run stranding v%d: %v", a.Issued.Version, err)
	}
	if e, _, err := m.Make("quarterly", p, reports.Options{Records: func(*reports.Manifest) ([]archive.File, error) { return records(delivery.NewDraft(), nil) }}); err != nil || e.Version != 3 {
		t.Fatalf("draft v3: %v %v", e, err)
	}
	e, err := m.ToSend("quarterly", p)
	if err != nil || e.Version != a.Issued.Version {
		t.Errorf("ToSend = v%d (%v), want the issued v%d", e.Version, err, a.Issued.Version)
	}
}
