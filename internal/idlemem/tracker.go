package idlemem

import "sync"

// Tracker counts the work a process has in hand (the daemon's runs, the
// page's runs) and calls Release when the last piece of work ends. The
// zero value is ready; a nil *Tracker does nothing.
type Tracker struct {
	mu      sync.Mutex
	busy    int
	release func() // nil: Release
}

// NewTracker is a Tracker that calls release instead of Release: for
// tests, which count the moments a process would give memory back.
func NewTracker(release func()) *Tracker { return &Tracker{release: release} }

// Begin marks a piece of work under way; call the returned function, once,
// when it ends.
func (t *Tracker) Begin() (end func()) {
	if t == nil {
		return func() {}
	}
	t.mu.Lock()
	t.busy++
	t.mu.Unlock()
	var once sync.Once
	return func() { once.Do(t.end) }
}

func (t *Tracker) end() {
	t.mu.Lock()
	t.busy--
	idle := t.busy == 0
	t.mu.Unlock()
	if idle {
		t.releaseNow()
	}
}

// Idle releases now if nothing is under way: for the moment a process
// has finished starting (the daemon's catch-up done).
func (t *Tracker) Idle() {
	if t == nil {
		return
	}
	t.mu.Lock()
	idle := t.busy == 0
	t.mu.Unlock()
	if idle {
		t.releaseNow()
	}
}

func (t *Tracker) releaseNow() {
	if t.release != nil {
		t.release()
		return
	}
	Release()
}
