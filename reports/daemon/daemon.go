package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/idlemem"
	cronspec "github.com/mn2010/baocao/internal/schedule"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
	"github.com/robfig/cron/v3"
)

// Options tune a daemon; zero values are fine.
type Options struct {
	Logger *slog.Logger
	Now    func() time.Time // the clock, for tests
	// ReviewLink, if set, gives the reviewers' messages a link to a
	// draft's page on the staff web page (workflow.Flow.SetReviewLink).
	ReviewLink func(e archive.Entry) string
	// Accounts are the approvers' accounts (the users file beside the
	// config): the review messages and reminders go to the addresses of
	// the accounts a report's approvers name (workflow.Flow.SetAccounts).
	// Without them only the old reviewers' addresses are mailed.
	Accounts *accounts.Store
	// Idle, if set, counts the daemon's runs: when the start-up catch-up
	// is over, and whenever the last run under way ends, it gives the
	// memory the runs left back to the system (idlemem.Tracker).
	Idle *idlemem.Tracker
}

// Daemon runs reports on schedule.
type Daemon struct {
	log   *slog.Logger
	now   func() time.Time
	link  func(e archive.Entry) string
	users *accounts.Store
	idle  *idlemem.Tracker
	lock  *archive.DaemonLock
	slots chan struct{} // runs under way: at most MaxRuns

	mu      sync.Mutex // guards the fields below
	state   *state
	closing bool

	running sync.Map // report id → *sync.Mutex: one run of a report at a time
	jobs    sync.WaitGroup
	wake    chan struct{} // a delivery may be due
	stop    chan struct{}
	loop    sync.WaitGroup
	backoff map[string]retryState // version folder → the daemon's own waits; retry loop only
}

// MaxRuns is how many runs the daemon makes at once: reports due at the
// same minute wait for a slot rather than all reading and rendering
// together.
const MaxRuns = 2

// ScanInterval is how often the daemon looks at the archive between
// retries: for pending records left by `baocao run` or `baocao send`, and
// to keep its lock valid. A scan reads a few folders and small files.
const ScanInterval = time.Minute

// state is what a config yields; Reload swaps it whole.
type state struct {
	cfg     *Settings
	maker   *workflow.Flow
	mail    *delivery.Settings // nil without [smtp] host
	job     *workflow.Job
	reports map[string]Report
	cron    *cron.Cron
}

// Open takes the archive's daemon lock, catches up missed runs, retries
// pending deliveries and starts the schedules.
func Open(ctx context.Context, cfg *Settings, opt Options) (*Daemon, error) {
	d := &Daemon{log: opt.Logger, now: opt.Now, link: opt.ReviewLink, users: opt.Accounts, idle: opt.Idle, wake: make(chan struct{}, 1), stop: make(chan struct{}),
		slots: make(chan struct{}, MaxRuns), backoff: map[string]retryState{}}
	if d.log == nil {
		d.log = slog.Default()
	}
	if d.now == nil {
		d.now = time.Now
	}
	st, err := d.load(cfg)
	if err != nil {
		return nil, err
	}
	if d.lock, err = st.maker.Store().LockDaemon(); err != nil {
		return nil, err
	}
	d.state = st
	if removed, err := st.maker.Store().CleanStaging(); err != nil {
		d.log.Warn("cleaning the archive", "error", err.Error())
	} else if len(removed) > 0 {
		d.log.Info("removed what killed runs left half written", "folders", removed)
	}
	caught := d.catchUp(st)
	scanned := make(chan struct{})
	d.loop.Add(1)
	go d.retryLoop(scanned)
	d.loop.Add(1) // Close waits for this line too: nothing is logged after Close
	go func() {
		defer d.loop.Done()
		// The line tests (and an admin) wait on: whatever the start-up
		// owed is done.
		caught.Wait()
		<-scanned
		d.log.Info("started: missed runs caught up, pending deliveries scanned")
		d.idle.Idle()
	}()
	st.cron.Start()
	d.log.Info("serving", "reports", len(st.reports), "archive", cfg.Maker.Path(cfg.Maker.Archive), "timezone", cfg.Maker.Location.String())
	return d, nil
}

// load checks a config and builds what the daemon needs from it.
func (d *Daemon) load(cfg *Settings) (*state, error) {
	mk, err := reports.NewMaker(cfg.Maker, d.now, reports.WarnTo(func(msg string) { d.log.Warn(msg) }))
	if err != nil {
		return nil, err
	}
	m := workflow.New(mk, cfg.Workflow)
	if d.link != nil {
		m.SetReviewLink(d.link)
	}
	if d.users != nil {
		m.SetAccounts(d.users)
	}
	st := &state{cfg: cfg, maker: m, reports: map[string]Report{}}
	if cfg.Mail.Host != "" {
		s, warnings, err := cfg.Mail.Settings(cfg.Maker.Dir)
		if err != nil {
			return nil, err
		}
		for _, w := range warnings {
			d.log.Warn(w)
		}
		st.mail = &s
	}
	st.job = workflow.NewJob(m, st.mail, func(n workflow.Notice) { d.log.Warn(n.Text) })
	loc := cfg.Maker.Location
	st.cron = cron.New(cron.WithLocation(loc), cron.WithChain(cron.Recover(cronLogger{d.log})))
	for _, id := range cfg.Maker.ReportIDs() {
		r := cfg.Maker.Reports[id]
		sch := cfg.Reports[id]
		if sch == nil || sch.Schedule == "" {
			continue
		}
		s, err := cronspec.Parse(sch.Schedule, loc)
		if err != nil {
			return nil, fmt.Errorf("%w: [reports.%s] %v", ErrSettings, id, err)
		}
		st.reports[id] = Report{ID: id, Kind: r.Kind, Boundary: r.Boundary, Schedule: s}
		st.cron.Schedule(s, cron.FuncJob(func() { d.start(id, d.now()) }))
	}
	return st, nil
}

// Reload switches to a new config; if it cannot be used, the old one stays.
func (d *Daemon) Reload(cfg *Settings) error {
	st, err := d.load(cfg)
	if err != nil {
		return err
	}
	d.mu.Lock()
	old := d.state
	d.state = st
	closing := d.closing
	d.mu.Unlock()
	old.cron.Stop()
	if !closing {
		st.cron.Start()
	}
	d.log.Info("config reloaded", "reports", len(st.reports))
	return nil
}

// Close stops taking work and waits, until ctx ends, for the run in hand.
func (d *Daemon) Close(ctx context.Context) error {
	d.mu.Lock()
	d.closing = true
	st := d.state
	d.mu.Unlock()
	st.cron.Stop()
	close(d.stop)
	done := make(chan struct{})
	go func() { d.jobs.Wait(); d.loop.Wait(); close(done) }()
	defer d.lock.Unlock()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("daemon: stopped before the run in hand finished: %w", ctx.Err())
	}
}

func (d *Daemon) current() (*state, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.state, d.closing
}

// catchUp starts the runs missed while the daemon was down; the group is
// done when they are.
func (d *Daemon) catchUp(st *state) *sync.WaitGroup {
	var caught sync.WaitGroup
	var list []Report
	for _, id := range st.cfg.Maker.ReportIDs() {
		if r, ok := st.reports[id]; ok {
			list = append(list, r)
		}
	}
	archived := func(report, label string) bool {
		_, ok, _ := st.maker.Store().Latest(report, label)
		return ok
	}
	for _, c := range PlanCatchUp(list, d.now().In(st.cfg.Maker.Location), archived) {
		if len(c.Gaps) > 0 {
			d.log.Warn("older periods were never archived; run them by hand if they are needed", "report", c.Report, "periods", c.Gaps)
		}
		d.log.Info("catching up a missed run", "report", c.Report, "period", c.Period.Label(), "missed", c.Missed.Format(time.RFC3339))
		caught.Add(1)
		d.startThen(c.Report, c.Missed, caught.Done)
	}
	return &caught
}

// start runs a report in the background for the run scheduled at t, when
// one of the MaxRuns slots is free.
func (d *Daemon) start(id string, t time.Time) { d.startThen(id, t, func() {}) }

// startThen is start, calling then when the run is over (or not started).
func (d *Daemon) startThen(id string, t time.Time, then func()) {
	if _, closing := d.current(); closing {
		then()
		return
	}
	d.jobs.Add(1)
	end := d.idle.Begin()
	go func() {
		defer d.jobs.Done()
		defer end()
		defer then()
		select {
		case d.slots <- struct{}{}:
		case <-d.stop:
			d.log.Info("run not started: stopping", "report", id)
			return
		}
		defer func() { <-d.slots }()
		d.runReport(id, t)
	}()
}

type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "error", err)...)
}

// periodOf is the period a run of report id at t covers.
func (st *state) periodOf(id string, t time.Time) (period.Period, bool) {
	r, ok := st.reports[id]
	if !ok {
		return period.Period{}, false
	}
	return period.LatestEnded(r.Kind, r.Boundary, t.In(st.cfg.Maker.Location)), true
}
