package idlemem

import (
	"sync"
	"testing"
)

func TestTrackerReleasesWhenTheLastWorkEnds(t *testing.T) {
	var mu sync.Mutex
	released := 0
	tr := NewTracker(func() { mu.Lock(); released++; mu.Unlock() })
	count := func() int { mu.Lock(); defer mu.Unlock(); return released }

	a := tr.Begin()
	b := tr.Begin()
	tr.Idle() // work in hand: nothing released
	if got := count(); got != 0 {
		t.Fatalf("released %d times with two runs under way", got)
	}
	a()
	a() // a second call of the same end counts once
	if got := count(); got != 0 {
		t.Fatalf("released %d times with one run still under way", got)
	}
	b()
	if got := count(); got != 1 {
		t.Fatalf("released %d times when the last run ended, want 1", got)
	}
	tr.Idle()
	if got := count(); got != 2 {
		t.Fatalf("Idle with nothing under way released %d times in all, want 2", got)
	}

	var none *Tracker // a daemon without a tracker
	none.Begin()()
	none.Idle()
}
