package service

import (
	"context"
	"github.com/mn2010/baocao/internal/catalog"
	"sync"
	"time"

	kservice "github.com/kardianos/service"
)

// Daemon is what a Program runs: reports/daemon.Daemon.
type Daemon interface {
	Close(ctx context.Context) error
}

// Program runs a daemon under a service manager: Start opens it, Stop and
// Shutdown close it the way SIGTERM does, finishing the run in hand.
type Program struct {
	// Open starts the daemon; it must return once the daemon is serving.
	Open func(ctx context.Context) (Daemon, error)
	// StopTimeout bounds the wait for the run in hand (StopTimeout if 0).
	StopTimeout time.Duration
	// Logf, if set, is told what happens.
	Logf func(format string, args ...any)

	mu sync.Mutex
	d  Daemon
}

// ErrNotStarted is returned by Stop before a successful Start.
var ErrNotStarted = catalog.NewClass(catalog.SvcNotStarted)

// Start opens the daemon.
func (p *Program) Start(kservice.Service) error {
	d, err := p.Open(context.Background())
	if err != nil {
		return catalog.SvcStartFailed.Errorf(err)
	}
	p.mu.Lock()
	p.d = d
	p.mu.Unlock()
	return nil
}

// Stop closes the daemon, waiting for the run in hand.
func (p *Program) Stop(kservice.Service) error { return p.stop("stop") }

// Shutdown is Stop when the machine shuts down.
func (p *Program) Shutdown(kservice.Service) error { return p.stop("shutdown") }

func (p *Program) stop(why string) error {
	p.mu.Lock()
	d := p.d
	p.d = nil
	p.mu.Unlock()
	if d == nil {
		return ErrNotStarted
	}
	p.logf("stopping (%s): finishing the run in hand", why)
	timeout := p.StopTimeout
	if timeout == 0 {
		timeout = StopTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := d.Close(ctx); err != nil {
		return catalog.SvcStopFailed.Errorf(why, err)
	}
	p.logf("stopped")
	return nil
}

func (p *Program) logf(format string, args ...any) {
	if p.Logf != nil {
		p.Logf(format, args...)
	}
}

var _ kservice.Shutdowner = (*Program)(nil)
