package indicators

import (
	"sync/atomic"
	"testing"
)

// TestRunAllRaisesAPanicInTheCaller runs counts on every core and finds
// a count's panic (a programming error) raised by wait, in the caller's
// goroutine where the page's recover sees it, after every other count ran.
func TestRunAllRaisesAPanicInTheCaller(t *testing.T) {
	var ran atomic.Int32
	var jobs []job
	for i := range 9 {
		jobs = append(jobs, job{rows: i, run: func() {
			ran.Add(1)
			if i == 4 {
				panic("count 4")
			}
		}})
	}
	wait := runAll(jobs)
	defer func() {
		if v := recover(); v != "count 4" {
			t.Errorf("wait raised %v, want the count's panic", v)
		}
		if n := ran.Load(); n != 9 {
			t.Errorf("%d counts ran, want 9", n)
		}
	}()
	wait()
	t.Error("wait returned after a count panicked")
}
