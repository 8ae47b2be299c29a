package web

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
)

// clock is a settable clock for the page.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// startRun posts "Chạy ngay" and returns the run's progress page.
func startRun(t *testing.T, c *client) string {
	t.Helper()
	token := c.csrf("/chay")
	r, body := c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {""}})
	wantStatus(t, r, body, 303)
	return r.Header.Get("Location")
}

// TestCloseCancelsRunsInHand: a run still waiting when Close's grace
// period ends is cancelled (its context), and Close says so.
func TestCloseCancelsRunsInHand(t *testing.T) {
	f := newFake()
	f.runGate = make(chan struct{}) // never opened: the run waits until cancelled
	s, err := New(Settings{Listen: "127.0.0.1:0", Logger: slog.New(slog.DiscardHandler), Location: time.UTC}, f)
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, s.Handler())
	job := startRun(t, c)
	testtools.Poll(t, 5*time.Second, "the run to start", func() bool {
		_, body := c.get(job)
		return strings.Contains(body, "Đang đọc dữ liệu…")
	})
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // no grace period at all
	if err := s.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Close = %v, want the runs in hand cancelled", err)
	}
	j := s.jobs.get(strings.TrimPrefix(job, "/chay/"))
	v := j.view()
	if !v.Done || !strings.Contains(v.Error, context.Canceled.Error()) {
		t.Errorf("the run after Close: %+v", v)
	}
}

// TestFinishedRunsArePruned: the page forgets a run keepRuns after it
// finished; one still going is kept whatever its age.
func TestFinishedRunsArePruned(t *testing.T) {
	f := newFake()
	clk := &clock{t: t0}
	s, err := New(Settings{Listen: "127.0.0.1:0", Logger: slog.New(slog.DiscardHandler), Location: time.UTC, Now: clk.now}, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	c := newClient(t, s.Handler())
	done := startRun(t, c)
	testtools.Poll(t, 5*time.Second, "the first run to finish", func() bool {
		r, _ := c.get(done)
		return r.StatusCode == 303
	})
	f.mu.Lock()
	f.runGate = make(chan struct{})
	f.mu.Unlock()
	going := startRun(t, c)
	clk.add(keepRuns + time.Minute)
	if r, body := c.get(done); r.StatusCode != 404 {
		t.Errorf("a run finished over an hour ago: %d %s", r.StatusCode, body)
	}
	if r, body := c.get(going); r.StatusCode != 200 || !strings.Contains(body, "Đang chạy") {
		t.Errorf("a run still going was forgotten: %d", r.StatusCode)
	}
	close(f.runGate)
	s.jobs.mu.Lock()
	n := len(s.jobs.m)
	s.jobs.mu.Unlock()
	if n != 1 {
		t.Errorf("%d runs remembered, want 1", n)
	}
}

// TestThrottleReadsThePageClock: the login delay and the 15 minutes after
// which failures are forgotten are read on the page's clock.
func TestThrottleReadsThePageClock(t *testing.T) {
	clk := &clock{t: t0}
	l := newLoginThrottle(time.Minute, clk.now)
	fail := func() time.Duration {
		_, end, err := l.begin(context.Background(), "10.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		defer end()
		return l.failed("10.0.0.1")
	}
	if d := fail(); d != time.Minute {
		t.Fatalf("first failure: delay %v", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := l.begin(ctx, "10.0.0.1"); err == nil {
		t.Fatal("an attempt began inside the delay")
	}
	clk.add(2 * time.Minute) // the delay is over on the page's clock: no wait
	if d := fail(); d != 2*time.Minute {
		t.Fatalf("second failure within 15 minutes of the delay's end: %v, want doubled", d)
	}
	clk.add(20 * time.Minute) // more than 15 minutes since the last failure
	if d := fail(); d != time.Minute {
		t.Errorf("a failure after a quiet 15 minutes: %v, want the base delay", d)
	}
}
