package web

import (
	"context"
	"slices"
	"sync"
	"time"
)

// loginThrottle slows password guessing. Each failure puts a delay in
// force for the request's keys — its address, and the account it names —
// (the base delay, doubling with each further failure up to 8×, forgotten
// after a success or 15 minutes without failures). Every attempt waits
// until the delays of all its keys are over BEFORE its password is
// checked, so the right password answers no sooner than a wrong one; the
// attempts of one key are taken one at a time, and at most maxLogins
// attempts are checked at once in all. N guesses from one address, or at
// one account from many addresses, thus take at least the sum of their
// delays.
type loginThrottle struct {
	mu     sync.Mutex
	base   time.Duration
	fails  map[string]*failures
	global chan struct{} // a slot per login attempt in hand
}

type failures struct {
	turn  chan struct{} // held by the key's attempt in hand
	n     int
	last  time.Time
	until time.Time // no attempt is checked before
	users int       // attempts holding or waiting for turn
}

// maxLogins bounds the login attempts checked at once, whatever their
// address.
const maxLogins = 4

func newLoginThrottle(base time.Duration) *loginThrottle {
	return &loginThrottle{base: base, fails: map[string]*failures{}, global: make(chan struct{}, maxLogins)}
}

// begin waits for the turn of each key (taken in sorted order, so that two
// attempts never hold each other's), the end of the delays in force and a
// free slot, and returns checked, which frees the slot once the password
// is checked, and end, which ends the attempt (and frees the slot if
// still held); it fails only when ctx ends first.
func (l *loginThrottle) begin(ctx context.Context, keys ...string) (checked, end func(), err error) {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	l.mu.Lock()
	fs := make([]*failures, len(keys))
	for i, k := range keys {
		f := l.fails[k]
		if f == nil {
			f = &failures{turn: make(chan struct{}, 1)}
			l.fails[k] = f
		}
		f.users++
		fs[i] = f
	}
	l.mu.Unlock()
	held := 0
	release := func() {
		for _, f := range fs[:held] {
			<-f.turn
		}
		l.mu.Lock()
		for i, f := range fs {
			f.users--
			if f.users == 0 && f.n == 0 {
				delete(l.fails, keys[i])
			}
		}
		l.mu.Unlock()
	}
	for _, f := range fs {
		select {
		case f.turn <- struct{}{}:
			held++
		case <-ctx.Done():
			release()
			return nil, nil, ctx.Err()
		}
	}
	// The delays are waited out holding the keys' turns but no global
	// slot: a key made to wait does not keep others out.
	l.mu.Lock()
	var until time.Time
	for _, f := range fs {
		if f.until.After(until) {
			until = f.until
		}
	}
	l.mu.Unlock()
	if wait := time.Until(until); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			release()
			return nil, nil, ctx.Err()
		}
	}
	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		release()
		return nil, nil, ctx.Err()
	}
	var once sync.Once
	checked = func() { once.Do(func() { <-l.global }) }
	end = func() { checked(); release() }
	return checked, end, nil
}

// failed records a failure for keys (within their turns) and returns the
// longest delay now in force.
func (l *loginThrottle) failed(keys ...string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	for k, o := range l.fails { // keys quiet for 15 minutes are forgotten
		if o.users == 0 && time.Since(o.last) > 15*time.Minute {
			delete(l.fails, k)
		}
	}
	var longest time.Duration
	for _, k := range keys {
		f := l.fails[k]
		if f == nil {
			continue
		}
		if time.Since(f.last) > 15*time.Minute {
			f.n = 0
		}
		f.n++
		f.last = time.Now()
		d := l.base
		for i := 1; i < f.n && d < 8*l.base; i++ {
			d *= 2
		}
		f.until = f.last.Add(d)
		longest = max(longest, d)
	}
	return longest
}

// succeeded forgets the keys' failures (within their turns).
func (l *loginThrottle) succeeded(keys ...string) {
	l.mu.Lock()
	for _, k := range keys {
		if f := l.fails[k]; f != nil {
			f.n, f.until = 0, time.Time{}
		}
	}
	l.mu.Unlock()
}
