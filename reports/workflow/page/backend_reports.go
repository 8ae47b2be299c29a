package page

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mn2010/baocao/internal/schedule"
	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/reports/workflow"
	"github.com/mn2010/baocao/sources"
)

// ReportsBackend is the Backend over today's code: the config's reports,
// the archive, each version's manifest.json and delivery.json, and the
// sources as `baocao validate` reads them, and the review step
// (reports.Job's Approve and Reject, backend_review.go).
type ReportsBackend struct {
	cfg   *reports.Settings  // the maker's
	wf    *workflow.Settings // the workflow's
	set   Settings
	maker *workflow.Flow
	now   func() time.Time

	mu        sync.Mutex
	summaries map[string]manifestSummary // by version folder: a manifest is written once
	checks    map[string]*web.DataCheck  // by period and the sources' sizes and times
	files     *reports.SourceCache       // the data check's reads, by content: once per change of a file
}

// manifestSummary is what the lists need of a manifest.
type manifestSummary struct {
	generated, from, to time.Time
	measured, met, warn int
}

// Settings are what the backend needs beside the workflow: how to reach
// the mail server (Host "": mail is off) and each report's schedule.
type Settings struct {
	Mail      delivery.SMTP
	Schedules map[string]string // report id → cron spec; none: by hand only
}

// NewReportsBackend serves the reports of m's settings; now may be nil.
func NewReportsBackend(m *workflow.Flow, set Settings, now func() time.Time) *ReportsBackend {
	if now == nil {
		now = time.Now
	}
	return &ReportsBackend{cfg: m.Maker.Settings(), wf: m.Settings(), set: set, maker: m, now: now,
		summaries: map[string]manifestSummary{}, checks: map[string]*web.DataCheck{}, files: reports.NewSourceCache(1)}
}

var _ web.Backend = (*ReportsBackend)(nil)

// Reports lists the configured reports with their next scheduled run, the
// period it covers (as `baocao schedule` works them out) and the latest
// ended period.
func (b *ReportsBackend) Reports(ctx context.Context) ([]web.Report, error) {
	now := b.now().In(b.cfg.Location)
	var out []web.Report
	for _, id := range b.cfg.ReportIDs() {
		r := b.cfg.Reports[id]
		spec := b.set.Schedules[id]
		rep := web.Report{ID: id, Title: r.DisplayName(), Schedule: spec, Latest: period.LatestEnded(r.Kind, r.Boundary, now).Label()}
		if spec != "" {
			s, err := schedule.Parse(spec, b.cfg.Location)
			if err != nil {
				return nil, err
			}
			rep.NextRun = s.Next(now)
			rep.NextPeriod = period.LatestEnded(r.Kind, r.Boundary, rep.NextRun).Label()
		}
		out = append(out, rep)
	}
	return out, nil
}

// Versions lists the archive's versions of report ("" for all).
func (b *ReportsBackend) Versions(ctx context.Context, report string) ([]web.VersionSummary, error) {
	entries, err := b.maker.Store().List()
	if err != nil {
		return nil, err
	}
	newest := map[string]int{}
	for _, e := range entries {
		if k := e.Report + "/" + e.Period; e.Version > newest[k] {
			newest[k] = e.Version
		}
	}
	var out []web.VersionSummary
	for _, e := range entries {
		if report != "" && e.Report != report {
			continue
		}
		if _, ok := b.cfg.Reports[e.Report]; !ok {
			continue
		}
		v, _, err := b.summary(e, newest[e.Report+"/"+e.Period] == e.Version)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if !a.Deadline.Equal(c.Deadline) {
			return a.Deadline.After(c.Deadline)
		}
		if a.Report != c.Report {
			return a.Report < c.Report
		}
		return a.Version > c.Version
	})
	return out, nil
}

// summary reads a version's manifest (once) and delivery record (each
// time: it changes).
func (b *ReportsBackend) summary(e archive.Entry, newest bool) (web.VersionSummary, *delivery.Record, error) {
	v := web.VersionSummary{VersionRef: web.VersionRef{Report: e.Report, Period: e.Period, Version: e.Version}}
	b.mu.Lock()
	ms, ok := b.summaries[e.Dir]
	b.mu.Unlock()
	if !ok {
		var err error
		if ms, err = b.readSummary(e.Dir); err != nil {
			return v, nil, err
		}
		b.mu.Lock()
		b.summaries[e.Dir] = ms
		b.mu.Unlock()
	}
	v.Generated, v.Measured, v.Met, v.Warnings = ms.generated, ms.measured, ms.met, ms.warn
	v.Year = ms.to.Year()
	if p, err := b.period(e.Report, e.Period); err == nil {
		v.Year = p.Year
		d := p.Deadline(b.wf.Reports[e.Report].DeadlineDay) // the report's deadline_day
		v.Deadline = time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, b.cfg.Location)
	}
	rec, has, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return v, nil, err
	}
	v.State = state(rec, has)
	if v.State == web.StateDraft { // an approval or return a crash interrupted counts as done, as reports.State has it
		if _, err := os.Stat(filepath.Join(e.Dir, workflow.ReturnName)); err == nil {
			v.State = web.StateReturned
		} else if _, err := os.Stat(filepath.Join(e.Dir, workflow.ApprovalName)); err == nil {
			v.State = web.StateApproved
		}
	}
	if !newest && v.State == web.StateNotSent { // held, and a newer version exists: it will not be the one sent
		v.State = web.StateSuperseded
	}
	if has {
		if a := lastSent(rec, b.cfg.Location); a != nil {
			v.SentAt = a.At
		}
	}
	return v, rec, nil
}

// slimManifest is the part of manifest.json the lists read; decoding
// only it is about three times faster than the whole manifest.
type slimManifest struct {
	GeneratedAt string                 `json:"generated_at"`
	Period      reports.ManifestPeriod `json:"period"`
	Indicators  []struct{ Met *bool }  `json:"indicators"`
	Issues      []struct{}             `json:"issues"`
}

func (b *ReportsBackend) readSummary(dir string) (manifestSummary, error) {
	path := filepath.Join(dir, reports.ManifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		return manifestSummary{}, fmt.Errorf("web: %w", err)
	}
	var man slimManifest
	if err := json.Unmarshal(data, &man); err != nil {
		return manifestSummary{}, fmt.Errorf("web: %s: %w", path, err)
	}
	ms := manifestSummary{warn: len(man.Issues)}
	ms.generated, _ = time.Parse(time.RFC3339, man.GeneratedAt)
	ms.generated = ms.generated.In(b.cfg.Location)
	ms.from, _ = time.Parse("2006-01-02", man.Period.From)
	ms.to, _ = time.Parse("2006-01-02", man.Period.To)
	for _, r := range man.Indicators {
		if r.Met != nil {
			ms.measured++
			if *r.Met {
				ms.met++
			}
		}
	}
	return ms, nil
}

// state maps a delivery record's status to the page's states.
func state(rec *delivery.Record, has bool) web.State {
	switch {
	case rec.Status == delivery.Sent:
		return web.StateSent
	case rec.Status == delivery.Draft:
		return web.StateDraft
	case rec.Status == delivery.Returned:
		return web.StateReturned
	case rec.Status == delivery.Approved:
		return web.StateApproved
	case rec.Status == delivery.Held:
		return web.StateNotSent
	case rec.Status == delivery.Superseded:
		return web.StateSuperseded
	case rec.Status == delivery.Failed:
		return web.StateFailed
	case rec.Status == delivery.Uncertain:
		return web.StateMaybeSent
	case rec.Status == delivery.AwaitingSignature:
		return web.StateAwaitingSignature
	case rec.Status == delivery.Pending && len(rec.Attempts) == 0:
		return web.StateQueued // also a version without a record: the daemon sends it
	case rec.Status == delivery.Pending:
		return web.StatePending
	}
	return web.StateUnknown
}

func attempts(rec *delivery.Record, loc *time.Location) []web.Attempt {
	var out []web.Attempt
	for _, a := range rec.Attempts {
		t, _ := time.Parse(time.RFC3339, a.At)
		at := web.Attempt{At: t.In(loc), To: a.To, Result: a.Result, OK: a.Result == "sent"}
		switch {
		case at.OK:
			at.Result = catalog.PbSent.String()
		case a.Result == delivery.InFlight:
			at.Result = catalog.PbInterrupted.String()
		}
		out = append(out, at)
	}
	return out
}

func lastSent(rec *delivery.Record, loc *time.Location) *web.Attempt {
	d := web.Delivery{Attempts: attempts(rec, loc)}
	return d.LastSent()
}

// period parses a label for a report; anything but a report of the config
// and the label's own canonical form is ErrNotFound.
func (b *ReportsBackend) period(report, label string) (period.Period, error) {
	p, err := b.maker.Period(report, label)
	if err != nil || p.Label() != label {
		if _, ok := b.cfg.Reports[report]; !ok {
			return p, catalog.PbNoReport.Errorf(web.ErrNotFound, report)
		}
		return p, catalog.PbNoPeriod.Errorf(web.ErrNotFound, b.title(report), label)
	}
	return p, nil
}

// entry finds a version in the archive; the folder is built from the
// parsed, canonical names, never from the request's text.
func (b *ReportsBackend) entry(report, label string, n int) (archive.Entry, period.Period, error) {
	p, err := b.period(report, label)
	if err != nil {
		return archive.Entry{}, p, err
	}
	latest, ok, err := b.maker.Store().Latest(report, p.Label())
	if err != nil {
		return archive.Entry{}, p, err
	}
	if !ok || n < 1 || n > latest.Version {
		return archive.Entry{}, p, catalog.PbNoVersion.Errorf(web.ErrNotFound, web.VersionName(b.title(report), web.VersionRef{Report: report, Period: label, Version: n}))
	}
	e := archive.Entry{Report: report, Period: p.Label(), Version: n,
		Dir: filepath.Join(filepath.Dir(latest.Dir), "v"+strconv.Itoa(n))}
	if st, err := os.Stat(filepath.Join(e.Dir, reports.ManifestName)); err != nil || !st.Mode().IsRegular() {
		return e, p, catalog.PbNoVersion.Errorf(web.ErrNotFound, web.VersionName(b.title(report), web.VersionRef{Report: report, Period: label, Version: n}))
	}
	return e, p, nil
}

// Version is one version's whole story.
func (b *ReportsBackend) Version(ctx context.Context, report, label string, n int) (*web.VersionDetail, error) {
	e, p, err := b.entry(report, label, n)
	if err != nil {
		return nil, err
	}
	latest, _, _ := b.maker.Store().Latest(report, p.Label())
	sum, rec, err := b.summary(e, latest.Version == n)
	if err != nil {
		return nil, err
	}
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	title, r := b.title(report), b.wf.Reports[report]
	d := &web.VersionDetail{VersionSummary: sum, Title: title, From: p.From.Format("02/01/2006"), To: p.To.Format("02/01/2006"),
		Recipients: append(append([]string{}, r.To...), r.Cc...)}
	if t, err := time.Parse("2006-01-02", man.Issued); err == nil {
		d.Issued = t.Format("02/01/2006")
	}
	for _, o := range man.Outputs {
		d.Files = append(d.Files, web.FileInfo{Name: o.Path, Kind: kindOf(o.Path), Bytes: int64(o.Bytes)})
	}
	if st, err := os.Stat(filepath.Join(e.Dir, reports.ManifestName)); err == nil {
		d.Files = append(d.Files, web.FileInfo{Name: reports.ManifestName, Kind: "Manifest", Bytes: st.Size()})
	}
	for _, res := range man.Indicators {
		d.Indicators = append(d.Indicators, indicatorRow(res))
	}
	for _, is := range man.Issues {
		d.Issues = append(d.Issues, issue(is))
	}
	if len(rec.Attempts) > 0 || rec.MessageID != "" {
		d.Delivery = &web.Delivery{Status: state(rec, true), MessageID: rec.MessageID, Attempts: attempts(rec, b.cfg.Location)}
	}
	d.Reviewers = b.maker.ReviewerNames(e.Report)
	if err := b.story(d, e, rec); err != nil {
		return nil, err
	}
	if d.Signed, err = b.signedCopy(e); err != nil {
		return nil, err
	}
	if d.Signed != nil {
		d.Files = append(d.Files, web.FileInfo{Name: d.Signed.File, Kind: catalog.PbSignedPDF.String(), Bytes: d.Signed.Bytes})
	} else if latest.Version == n && b.maker.CanSign(e) {
		d.Actions = append(d.Actions, web.ActSign)
	}
	if r.Reviewed() && sum.State == web.StateDraft && latest.Version == n {
		d.Actions = append(d.Actions, web.ActApprove, web.ActReject)
		day := time.Now().In(b.cfg.Location) // the year of the draft's date, which issue keeps by default
		if t, err := time.Parse("2006-01-02", man.Issued); err == nil {
			day = t
		}
		if next, err := b.maker.NextNumber(report, p.Label(), day); err == nil {
			d.NextNumber = next
		}
	}
	if b.set.Mail.Host != "" && latest.Version == n && len(r.To) > 0 {
		switch {
		case sum.State == web.StateSent, sum.State == web.StateMaybeSent:
			d.Actions = append(d.Actions, web.ActResend) // a resend asks for confirmation
		case sum.State == web.StateApproved && rec.IssuedAs == 0,
			sum.State == web.StateNotSent, sum.State == web.StateQueued, sum.State == web.StatePending, sum.State == web.StateFailed:
			d.Actions = append(d.Actions, web.ActSend)
		}
	}
	return d, nil
}

func kindOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "PDF"
	case ".xlsx":
		return "Excel"
	case ".docx":
		return "Word"
	case ".json":
		return "Manifest"
	}
	return catalog.PbFileKind.String()
}

func indicatorRow(r indicators.Result) web.Indicator {
	in := web.Indicator{ID: r.ID, Text: r.Text, Target: r.TargetText, Value: render.ResultText(r), Status: r.Status, Note: render.NoteText(r.Note), Met: r.Met}
	if r.Numerator != nil {
		in.Numerator = render.Int(*r.Numerator)
	}
	if r.Denominator != nil {
		in.Denominator = render.Int(*r.Denominator)
	}
	for _, g := range r.Breakdown {
		row := web.Group{Key: g.Key, Numerator: render.Int(g.Numerator), Denominator: render.Int(g.Denominator),
			Target: render.Percent(g.Target), Met: g.Met, Value: catalog.PbNoCases.String()}
		if g.Value != nil {
			row.Value = render.Percent(*g.Value)
		}
		in.Breakdown = append(in.Breakdown, row)
	}
	return in
}

func issue(i sources.Issue) web.Issue {
	return web.Issue{Severity: i.Severity, Source: i.Source, File: i.File, Sheet: i.Sheet, Row: i.Row, Column: i.Column, Value: i.Value, Message: i.Message}
}

// File opens a file the version's manifest lists, checked against the
// hash recorded there, or the manifest itself.
func (b *ReportsBackend) File(ctx context.Context, report, label string, n int, name string) (*web.File, error) {
	e, _, err := b.entry(report, label, n)
	if err != nil {
		return nil, err
	}
	if f, ok, err := b.signedFile(e, name); ok || err != nil {
		return f, err
	}
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	var want *reports.Output
	for i, o := range man.Outputs {
		if o.Path == name && filepath.Base(o.Path) == o.Path && !strings.ContainsAny(o.Path, `/\`) {
			want = &man.Outputs[i]
		}
	}
	if want == nil && name != reports.ManifestName {
		return nil, catalog.PbNoSuchFile.Errorf(web.ErrNotFound, name)
	}
	path := filepath.Join(e.Dir, reports.ManifestName)
	if want != nil {
		path = filepath.Join(e.Dir, want.Path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("web: %s: %w", path, err)
	}
	if want != nil {
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != want.SHA256 {
			return nil, catalog.PbHashMismatch.Errorf(web.ErrNotAvailable, name, report, label, n)
		}
	}
	st, _ := os.Stat(path)
	f := &web.File{Name: filepath.Base(path), ContentType: workflow.ContentType(path), Content: nopCloser{bytes.NewReader(data)}}
	if st != nil {
		f.ModTime = st.ModTime()
	}
	return f, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

var _ io.ReadSeekCloser = nopCloser{}

// maxChecks bounds the data checks kept (one per period asked for); the
// sources they read are kept once, by content, in files.
const maxChecks = 16

// Check reads every source as `baocao validate [-p period]` does, each on
// its own so that one unusable file does not hide the others. The result
// is kept until a source file changes.
func (b *ReportsBackend) Check(ctx context.Context, label string) (*web.DataCheck, error) {
	specs := b.cfg.Specs()
	pl := b.maker.Plan()
	names := make([]string, 0, len(pl.Sources))
	for n := range pl.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	if label != "" {
		if _, err := b.maker.AnyPeriod(label); err != nil {
			return nil, catalog.PbBadPeriod.Errorf(web.ErrBadInput, label)
		}
	}
	key := label
	for _, n := range names {
		for _, f := range sources.Files(specs[n].Path) { // a pattern or folder: each of its files
			if st, err := os.Stat(f); err == nil {
				key += fmt.Sprintf("|%s:%s:%d:%d", n, f, st.Size(), st.ModTime().UnixNano())
			} else {
				key += "|" + n + ":-"
			}
		}
	}
	b.mu.Lock()
	c := b.checks[key]
	b.mu.Unlock()
	if c != nil {
		return c, nil
	}
	c = &web.DataCheck{Period: label}
	var all []sources.Issue
	if data, err := b.maker.ValidateCached(label, b.files); err == nil {
		// every source usable: exactly what `baocao validate` reads
		for _, in := range data.Inputs {
			src := web.Source{Name: in.Source, Title: sourceTitle(pl, in.Source), Path: in.Path, Bytes: in.Bytes}
			if t := data.Tables[in.Source]; t != nil {
				src.Rows = t.Len()
			}
			if st, err := os.Stat(b.cfg.Path(filepath.FromSlash(in.Path))); err == nil {
				src.ModTime = st.ModTime().In(b.cfg.Location)
			}
			c.Sources = append(c.Sources, src)
		}
		all = append(all, data.Issues...)
	} else {
		// some source cannot be used: read each on its own, so that one
		// unusable file does not hide the state of the others
		for _, n := range names {
			spec, ok := specs[n]
			if !ok && pl.Optional(n) {
				continue
			}
			src := web.Source{Name: n, Title: sourceTitle(pl, n)}
			if !ok {
				src.Error = catalog.PbNoSource.F(n)
				c.Sources = append(c.Sources, src)
				c.Errors++
				continue
			}
			src.Path = b.cfg.Display(spec.Path)
			if st, err := os.Stat(spec.Path); err == nil {
				src.Bytes, src.ModTime = st.Size(), st.ModTime().In(b.cfg.Location)
			}
			spec.Keep = pl.Used(n)
			res, err := b.files.Read(spec, pl.Sources[n])
			if err != nil {
				var se *sources.SourceError
				if errors.As(err, &se) {
					src.Error = se.Message
				} else {
					src.Error = err.Error()
				}
				c.Errors++
			} else {
				src.Rows = res.Table.Len()
				if res.Path != spec.Path { // the file a pattern or folder picked
					src.Path = b.cfg.Display(res.Path)
					if st, err := os.Stat(res.Path); err == nil {
						src.Bytes, src.ModTime = st.Size(), st.ModTime().In(b.cfg.Location)
					}
				}
				all = append(all, res.Issues...)
			}
			c.Sources = append(c.Sources, src)
		}
	}
	byFile := map[string]int{}
	for _, is := range all {
		i, ok := byFile[is.File]
		if !ok {
			i = len(c.Files)
			byFile[is.File] = i
			c.Files = append(c.Files, web.FileIssues{File: is.File})
		}
		c.Files[i].Issues = append(c.Files[i].Issues, issue(is))
	}
	c.Total = len(all)
	b.mu.Lock()
	if len(b.checks) >= maxChecks {
		b.checks = map[string]*web.DataCheck{} // older states of the files, or many periods
	}
	b.checks[key] = c
	b.mu.Unlock()
	return c, nil
}

// sourceTitle is the plan's title of a source ([sources.X] title), or
// its name when the plan gives none.
func sourceTitle(pl *plan.Plan, name string) string {
	if sc := pl.Sources[name]; sc != nil && sc.Title != "" {
		return sc.Title
	}
	return name
}

// Plan is the plan the maker computes, with how each target is measured.
func (b *ReportsBackend) Plan(ctx context.Context) (*web.PlanInfo, error) {
	p := b.maker.Plan()
	out := &web.PlanInfo{Reference: p.Reference, Title: p.Title, Unit: p.Unit, Year: p.ForYear(), File: b.cfg.Plan}
	for _, ind := range p.Indicators {
		out.Targets = append(out.Targets, web.PlanTarget{ID: ind.ID, Text: ind.Text, Threshold: ind.TargetText,
			How: p.HowMeasured(ind), Manual: ind.Kind == "manual"})
	}
	for _, t := range p.Tasks.Items {
		out.Tasks = append(out.Tasks, web.PlanTask{ID: t.ID, Title: t.Title})
	}
	return out, nil
}
