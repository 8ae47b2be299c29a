package workflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// TestSortEventsByCause: events are oldest first; within one second (the
// records' resolution) the cause comes before its consequence.
func TestSortEventsByCause(t *testing.T) {
	t0 := time.Date(2024, 6, 16, 8, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Second)
	tests := []struct {
		name string
		in   []Event
		want []string
	}{
		{"return notice added first, same second", []Event{
			{At: t0, What: "made", step: stepMade},
			{At: t1, What: "return notice", step: stepMessage},
			{At: t1, What: "returned", step: stepDecision},
		}, []string{"made", "returned", "return notice"}},
		{"delivery after approval, same second", []Event{
			{At: t1, What: "delivery", step: stepDelivery},
			{At: t1, What: "issued", step: stepMessage},
			{At: t1, What: "approved", step: stepDecision},
		}, []string{"approved", "issued", "delivery"}},
		{"time wins over step", []Event{
			{At: t1, What: "made again", step: stepMade},
			{At: t0, What: "delivery", step: stepDelivery},
		}, []string{"delivery", "made again"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := append([]Event(nil), tt.in...)
			sortEvents(ev)
			var got []string
			for _, e := range ev {
				got = append(got, e.What)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("order %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStoryReturnBeforeNotice: a draft returned and its notice sent in the
// same second reads "returned by …" before "return notice … sent".
func TestStoryReturnBeforeNotice(t *testing.T) {
	var now time.Time
	m, cfg := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, cfg.Location)
	out, err := NewJob(m, nil, nil).Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Hour)
	r, err := NewJob(m, nil, nil).Reject(context.Background(), RejectOptions{Report: "quarterly", Period: "2024-Q2", By: "Nguyễn Thị Hồng Vân", Reason: "Bổ sung."})
	if err != nil {
		t.Fatal(err)
	}
	notice := delivery.NewRecord(false)
	notice.Status = delivery.Sent
	notice.Attempts = []delivery.Attempt{{At: r.Return.At, To: []string{cfg.Unit.AdminEmail}, Result: "sent"}}
	if err := notice.SaveNamed(out.Entry.Dir, ReturnMailName); err != nil {
		t.Fatal(err)
	}
	st, err := m.State(out.Entry)
	if err != nil {
		t.Fatal(err)
	}
	ret, note := -1, -1
	for i, e := range st.Events {
		switch {
		case strings.Contains(e.What, "trả lại: "):
			ret = i
		case strings.HasPrefix(e.What, "thư báo trả lại"):
			note = i
		}
	}
	if ret < 0 || note < 0 || ret > note {
		t.Errorf("returned at %d, notice at %d: %+v", ret, note, st.Events)
	}
}
