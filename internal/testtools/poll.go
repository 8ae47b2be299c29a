package testtools

import (
	"testing"
	"time"
)

// Poll waits until cond holds, checking it every few milliseconds, and
// fails the test saying what it waited for if it does not within timeout.
// Tests wait on conditions this way, never on a fixed sleep.
func Poll(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for wait := time.Millisecond; !cond(); wait = min(2*wait, 50*time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", timeout, what)
		}
		time.Sleep(wait)
	}
}
