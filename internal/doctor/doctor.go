package doctor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Level is how a result counts.
type Level int

// The levels: a problem makes doctor fail; a note does not.
const (
	OK Level = iota
	Note
	Problem
)

func (l Level) String() string { return [...]string{"✓", "!", "✗"}[l] }

// Result is one line of the report.
type Result struct {
	Level Level
	Text  string // Vietnamese: what was found and, for a problem, what to do
	Err   error  // a problem's cause, for the exit code
}

// Service is what the service manager says.
type Service struct {
	Known, Installed, Running bool
	Where                     string
}

// Options say what to check.
type Options struct {
	Config  string // the config file
	NoEmail bool   // leave the mail server out
	Now     func() time.Time
	// Service asks the service manager; nil skips the check.
	Service func() Service
	// Login tries the mail server (delivery.Login).
	Login func(ctx context.Context, s delivery.Settings) error
	// Stale is how old a source's latest date may be before a note (60 days).
	Stale time.Duration
}

// Report is every result, in order.
type Report struct{ Results []Result }

// Problems are the results that need fixing.
func (r *Report) Problems() []Result {
	var out []Result
	for _, x := range r.Results {
		if x.Level == Problem {
			out = append(out, x)
		}
	}
	return out
}

// Print writes one line per result and a closing line.
func (r *Report) Print(w io.Writer) {
	for _, x := range r.Results {
		fmt.Fprintf(w, "%s %s\n", x.Level, x.Text)
	}
	if n := len(r.Problems()); n > 0 {
		fmt.Fprintln(w, catalog.DrToFix.F(n))
	} else {
		fmt.Fprintln(w, catalog.DrAllGood)
	}
}

type run struct {
	o     Options
	r     Report
	now   time.Time
	maker *reports.Maker // once the config loads
}

// reportName is what people call report id ("Báo cáo quý"), never its key.
func (x *run) reportName(id string) string {
	if x.maker == nil {
		return id
	}
	return x.maker.Settings().ReportName(id)
}

// add records a result saying m with args.
func (x *run) add(l Level, err error, m *catalog.Msg, args ...any) {
	x.say(l, err, m.F(args...))
}

// say records a result saying text, made of catalogue messages.
func (x *run) say(l Level, err error, text string) {
	x.r.Results = append(x.r.Results, Result{Level: l, Text: text, Err: err})
}

// Run checks everything and reports.
func Run(o Options) *Report {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Stale == 0 {
		o.Stale = 60 * 24 * time.Hour
	}
	x := &run{o: o, now: o.Now()}
	cfg, m := x.config()
	if cfg != nil {
		newest := x.sources(cfg, m)
		newest = later(newest, x.archive(cfg))
		if o.NoEmail {
			x.add(Note, nil, catalog.DrMailSkipped)
		} else {
			x.mail(cfg, m)
		}
		x.clock(cfg, newest)
		x.web(cfg)
		x.review(cfg)
	}
	x.service()
	return &x.r
}

func (x *run) config() (*config.Config, *reports.Maker) {
	cfg, err := config.Load(x.o.Config)
	if err != nil {
		x.add(Problem, err, catalog.DrConfigBad, x.o.Config, err)
		return nil, nil
	}
	rs := &reports.Settings{}
	if err = cfg.Into(rs); err == nil {
		if err = rs.Provision(cfg.File); err != nil {
			err = fmt.Errorf("%w: %s: %v", config.ErrInvalid, cfg.File, err)
		}
	}
	if err != nil {
		x.add(Problem, err, catalog.DrConfigBad, x.o.Config, err)
		return nil, nil
	}
	m, err := reports.NewMaker(rs, x.o.Now)
	if err != nil {
		x.add(Problem, err, catalog.DrPlanBad, x.o.Config, err)
		return nil, nil
	}
	x.maker = m
	x.add(OK, nil, catalog.DrConfigOK, cfg.File, len(cfg.Reports), len(cfg.Sources))
	for _, w := range cfg.Warnings {
		x.add(Note, nil, catalog.DrConfigNote, w)
	}
	x.plan(cfg, m)
	return cfg, m
}

// plan checks that the plan in force is this unit's and this year's: a
// plan whose year does not cover the latest period, or that another unit
// issued, is a problem (the reports would measure another year's or
// another school's targets).
func (x *run) plan(cfg *config.Config, m *reports.Maker) {
	p, latest := m.Plan(), m.LatestMonth()
	y := m.PlanYear()
	ok := true
	if y != 0 && y != latest.Year {
		ok = false
		x.add(Problem, plan.ErrInvalid, catalog.DrPlanYear, m.PlanName(), y, latest.Label(), latest.Year, y, latest.Year, latest.Year, latest.Year)
	}
	if p.Unit != "" && !plan.SameUnit(p.Unit, cfg.Unit.Name) {
		ok = false
		x.add(Problem, plan.ErrInvalid, catalog.DrPlanUnit, m.PlanName(), p.Unit, cfg.Unit.Name)
	}
	if !ok {
		return
	}
	year := catalog.DrNoYear.String()
	if y != 0 {
		year = catalog.DrYear.F(y)
	}
	x.add(OK, nil, catalog.DrPlanOK, p.Reference, year, len(p.Indicators), len(p.Tasks.Items))
}

// sources reads each source in full and reports its rows and latest date;
// it returns the newest modification time among the files.
func (x *run) sources(cfg *config.Config, m *reports.Maker) time.Time {
	specs := m.Settings().Specs()
	schemas := m.Plan().Sources
	names := make([]string, 0, len(schemas))
	for n := range schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	var newest time.Time
	for _, n := range names {
		title := schemas[n].Title
		spec, ok := specs[n]
		if !ok && m.Plan().Optional(n) {
			continue // the narrative: read from the manual workbook's sheet when it has one
		}
		if !ok {
			x.add(Problem, config.ErrInvalid, catalog.DrNoSource, title, n)
			continue
		}
		res, err := sources.Read(spec, schemas[n])
		if err != nil {
			var se *sources.SourceError
			msg := err.Error()
			if errors.As(err, &se) {
				msg = se.Message
			}
			x.add(Problem, err, catalog.DrSourceBad, title, spec.Path, msg)
			continue
		}
		if st, err := os.Stat(res.Path); err == nil {
			newest = later(newest, st.ModTime())
		}
		file := filepath.Base(res.Path)
		if res.Path != spec.Path { // a pattern or folder: say which file it picked
			file = catalog.DrPicked.F(spec.Path, res.Path)
		}
		line := catalog.DrSourceRows.F(title, file, res.Table.Len())
		latest, col := latestDate(res.Table)
		level := OK
		if !latest.IsZero() {
			line += catalog.DrLatest.F(latest.Format("02/01/2006"), col)
			today := time.Date(x.now.In(cfg.Location).Year(), x.now.In(cfg.Location).Month(), x.now.In(cfg.Location).Day(), 0, 0, 0, 0, time.UTC)
			switch {
			case latest.After(today.AddDate(0, 0, 1)) && col != "" && !isDueColumn(col):
				level = Note
				line += catalog.DrFuture.String()
			case today.Sub(latest) > x.o.Stale:
				level = Note
				line += catalog.DrStale.F(int(today.Sub(latest).Hours() / 24))
			}
		}
		if n := len(res.Issues) - len(res.Notes); n > 0 {
			line += catalog.DrSkipped.F(n, x.o.Config)
		}
		for _, note := range res.Notes {
			level = Note
			line += " — " + note
		}
		x.say(level, nil, line)
	}
	return newest
}

// isDueColumn tells columns that hold deadlines, which may be in the
// future ("Ngày hẹn trả", "Hạn trả lời").
func isDueColumn(header string) bool {
	f := sources.FoldMarks(header)
	return f == "ngay hen tra" || f == "han tra loi"
}

// latestDate is the latest date in any date column a user fills as things
// happen, and that column's header.
func latestDate(t *sources.Table) (time.Time, string) {
	var best time.Time
	var col string
	for _, c := range t.Schema.Columns {
		if c.Kind != sources.Date || isDueColumn(c.Header) {
			continue
		}
		j := t.Col(c.Key)
		for _, r := range t.Rows() {
			if d := r.Cell(j).Date(); d.After(best) {
				best, col = d, c.Header
			}
		}
	}
	return best, col
}

// archive checks that a file can be written, synced and removed in the
// archive folder; it returns the newest manifest's time.
func (x *run) archive(cfg *config.Config) time.Time {
	dir := cfg.Path(cfg.Archive)
	fail := func(err error) {
		x.add(Problem, err, catalog.DrArchiveBad, dir, catalog.FileWhy(err))
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		fail(err)
		return time.Time{}
	}
	f, err := os.CreateTemp(dir, ".doctor-*")
	if err != nil {
		fail(err)
		return time.Time{}
	}
	_, err = f.WriteString("baocao doctor\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if rerr := os.Remove(f.Name()); err == nil {
		err = rerr
	}
	if err != nil {
		fail(err)
		return time.Time{}
	}
	var newest time.Time
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "manifest.json" {
			n++
			if info, err := d.Info(); err == nil {
				newest = later(newest, info.ModTime())
			}
		}
		return nil
	})
	x.add(OK, nil, catalog.DrArchiveOK, dir, n)
	return newest
}

func (x *run) mail(cfg *config.Config, m *reports.Maker) {
	if cfg.SMTP.Host == "" {
		x.add(Note, nil, catalog.DrNoSMTP)
		return
	}
	for _, id := range cfg.ReportIDs() {
		if len(cfg.Reports[id].To) == 0 {
			x.add(Problem, config.ErrInvalid, catalog.DrNoTo, x.reportName(id), id)
		}
	}
	var smtp delivery.SMTP
	err := cfg.Into(delivery.Table(&smtp))
	var s delivery.Settings
	var warnings []string
	if err == nil {
		s, warnings, err = smtp.Settings(cfg.Dir)
	}
	if err != nil {
		x.add(Problem, err, catalog.DrSMTPBad, err)
		return
	}
	for _, w := range warnings {
		x.add(Note, nil, catalog.DrSMTPNote, w)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s.DialTimeout, s.CommandTimeout = 20*time.Second, 30*time.Second
	if err := x.o.Login(ctx, s); err != nil {
		what := catalog.DrCheckNetwork.String()
		if errors.Is(err, delivery.ErrPermanent) {
			what = catalog.DrCheckLogin.String()
		}
		x.add(Problem, err, catalog.DrSMTPFailed, cfg.SMTP.Host, cfg.SMTP.Port, err, what)
		return
	}
	login := catalog.DrNoLogin.String()
	if cfg.SMTP.Username != "" {
		login = catalog.DrLoginAs.F(cfg.SMTP.Username)
	}
	x.add(OK, nil, catalog.DrSMTPOK, cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, login)
}

// clock checks the machine's clock against the files it made or read, and
// says which zone schedules follow.
func (x *run) clock(cfg *config.Config, newest time.Time) {
	now := x.now
	switch {
	case now.Year() < 2024:
		x.add(Problem, nil, catalog.DrClockOld, now.Format("15:04 02/01/2006"))
		return
	case newest.After(now.Add(5 * time.Minute)):
		x.add(Problem, nil, catalog.DrClockBehind,
			now.In(cfg.Location).Format("15:04 02/01/2006"), newest.In(cfg.Location).Format("15:04 02/01/2006"))
		return
	}
	_, local := now.Zone()
	_, want := now.In(cfg.Location).Zone()
	line := catalog.DrClock.F(now.In(cfg.Location).Format("15:04 02/01/2006"), cfg.Location)
	if local != want {
		x.add(Note, nil, catalog.DrClockZone, line, (local-want)/3600, cfg.Location)
		return
	}
	x.say(OK, nil, line)
}

func (x *run) service() {
	if x.o.Service == nil {
		return
	}
	s := x.o.Service()
	switch {
	case !s.Known:
		x.add(Note, nil, catalog.DrSvcUnknown, s.Where)
	case !s.Installed:
		x.add(Note, nil, catalog.DrSvcMissing, x.o.Config)
	case !s.Running:
		x.add(Problem, nil, catalog.DrSvcStopped, s.Where)
	default:
		x.add(OK, nil, catalog.DrSvcRunning, s.Where)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
