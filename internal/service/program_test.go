package service

import (
	"context"
	"errors"
	"testing"
	"time"
)

// fakeDaemon finishes its "run in hand" when release is closed.
type fakeDaemon struct {
	release  chan struct{}
	closed   chan struct{}
	deadline time.Time
}

func (f *fakeDaemon) Close(ctx context.Context) error {
	f.deadline, _ = ctx.Deadline()
	close(f.closed)
	select {
	case <-f.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func newFake() *fakeDaemon {
	return &fakeDaemon{release: make(chan struct{}), closed: make(chan struct{})}
}

// TestStopFinishesTheRunInHand is the Windows stop path: the service
// control manager's Stop (and Shutdown) closes the daemon and returns only
// when the run in hand is over, as SIGTERM does.
func TestStopFinishesTheRunInHand(t *testing.T) {
	for _, how := range []string{"stop", "shutdown"} {
		t.Run(how, func(t *testing.T) {
			f := newFake()
			p := &Program{Open: func(context.Context) (Daemon, error) { return f, nil }}
			if err := p.Start(nil); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			start := time.Now()
			go func() {
				if how == "stop" {
					done <- p.Stop(nil)
				} else {
					done <- p.Shutdown(nil)
				}
			}()
			<-f.closed
			select {
			case err := <-done:
				t.Fatalf("%s returned before the run in hand finished: %v", how, err)
			case <-time.After(50 * time.Millisecond):
			}
			close(f.release)
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			if d := f.deadline.Sub(start); d < StopTimeout-time.Minute || d > StopTimeout+time.Minute {
				t.Errorf("stop waits %v for the run in hand, want %v", d, StopTimeout)
			}
			if err := p.Stop(nil); !errors.Is(err, ErrNotStarted) {
				t.Errorf("second stop: %v", err)
			}
		})
	}
}

func TestStopTimesOut(t *testing.T) {
	f := newFake()
	p := &Program{Open: func(context.Context) (Daemon, error) { return f, nil }, StopTimeout: 20 * time.Millisecond}
	if err := p.Start(nil); err != nil {
		t.Fatal(err)
	}
	if err := p.Stop(nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("stop past its timeout: %v", err)
	}
}

func TestStartFails(t *testing.T) {
	bad := errors.New("config: invalid")
	p := &Program{Open: func(context.Context) (Daemon, error) { return nil, bad }}
	if err := p.Start(nil); !errors.Is(err, bad) {
		t.Errorf("start: %v", err)
	}
	if err := p.Stop(nil); !errors.Is(err, ErrNotStarted) {
		t.Errorf("stop after a failed start: %v", err)
	}
}
