package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"sync"
	"time"
)

// job is a run started from the page.
type job struct {
	ID     string
	Ref    VersionRef // the new version, once done
	Report string
	Title  string // the report's title
	Period string
	Who    string
	Start  time.Time

	mu       sync.Mutex
	steps    []string
	done     bool
	finished time.Time // when done
	err      error
}

func (j *job) progress(msg string) {
	j.mu.Lock()
	j.steps = append(j.steps, msg)
	j.mu.Unlock()
}

type jobView struct {
	ID, Report, Title, Period string
	Steps                     []string
	Done                      bool
	Error                     string
}

func (j *job) view() jobView {
	j.mu.Lock()
	defer j.mu.Unlock()
	v := jobView{ID: j.ID, Report: j.Report, Title: j.Title, Period: j.Period, Steps: append([]string(nil), j.steps...), Done: j.done}
	if j.err != nil {
		v.Error = plain(j.err)
	}
	return v
}

type jobs struct {
	mu sync.Mutex
	m  map[string]*job
	wg sync.WaitGroup
}

func newJobs() *jobs { return &jobs{m: map[string]*job{}} }

// keepRuns is how long the page remembers a finished run: its progress
// page redirects to the new version until then, and is "not found" after.
const keepRuns = time.Hour

// prune forgets the runs finished more than keepRuns before now.
func (js *jobs) prune(now time.Time) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for id, j := range js.m {
		j.mu.Lock()
		old := j.done && now.Sub(j.finished) > keepRuns
		j.mu.Unlock()
		if old {
			delete(js.m, id)
		}
	}
}

func (js *jobs) get(id string) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return js.m[id]
}

type runData struct {
	Reports []Report
	Report  string
	Period  string
	Error   string
}

// runForm is Chạy ngay: choose a report and a period (default: the latest
// ended period).
func (s *Server) runForm(w http.ResponseWriter, r *http.Request) {
	reps, err := s.backend.Reports(r.Context())
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	d := runData{Reports: reps, Report: r.URL.Query().Get("bao-cao")}
	if d.Report == "" && len(reps) > 0 {
		d.Report = reps[0].ID
	}
	if ky := r.URL.Query().Get("ky"); labelRe.MatchString(ky) {
		d.Period = ky
	}
	s.render(w, r, http.StatusOK, "run", catalog.PgTitleRun.String(), d)
}

// runStart starts a run in the background and shows its progress page.
func (s *Server) runStart(w http.ResponseWriter, r *http.Request) {
	if !s.permit(w, r, dutyOperate, r.PostFormValue("report")) {
		return
	}
	reps, err := s.backend.Reports(r.Context())
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	report, label := r.PostFormValue("report"), r.PostFormValue("period")
	if !hasReport(reps, report) {
		s.fail(w, r, http.StatusBadRequest, catalog.PgNoReport.F(report), catalog.PgNoReportFix.String())
		return
	}
	if label == "" {
		for _, rep := range reps {
			if rep.ID == report {
				label = rep.Latest
			}
		}
	}
	if !labelRe.MatchString(label) {
		s.fail(w, r, http.StatusBadRequest, catalog.PgBadPeriod.F(label), catalog.PgBadPeriodRun.String())
		return
	}
	title := reportTitle(reps, report)
	// A period of another kind is refused before any job starts.
	for _, rep := range reps {
		if rep.ID == report && rep.Latest != "" && periodForm(rep.Latest) != periodForm(label) {
			s.fail(w, r, http.StatusBadRequest,
				catalog.PgWrongForm.F(title, periodForm(rep.Latest), label, periodWords(label)),
				catalog.PgWrongFormFix.F(formExample(rep.Latest), rep.Latest, periodWords(rep.Latest)))
			return
		}
	}
	j := &job{ID: newID()[:16], Report: report, Title: title, Period: label, Who: current(r).Who, Start: s.set.Now()}
	s.jobs.prune(j.Start)
	s.jobs.mu.Lock()
	s.jobs.m[j.ID] = j
	s.jobs.mu.Unlock()
	s.set.Logger.Info("web: run", "who", j.Who, "report", report, "period", label, "remote", clientIP(r))
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		// Close cancels s.ctx once its grace period is over: a run still
		// waiting (for the report's lock, for the mail server) stops.
		ref, err := s.backend.Run(s.ctx, j.Who, report, label, j.progress)
		// Logged before the job says done, so that whoever sees it done
		// sees the log line too.
		if err != nil {
			s.set.Logger.Warn("web: run failed", "who", j.Who, "report", report, "period", label, "error", err.Error())
		} else {
			s.set.Logger.Info("web: run done", "who", j.Who, "version", ref.String())
		}
		j.mu.Lock()
		j.Ref, j.err, j.done, j.finished = ref, err, true, s.set.Now()
		j.mu.Unlock()
	}()
	http.Redirect(w, r, "/chay/"+j.ID, http.StatusSeeOther)
}

// runJob shows a run's progress, refreshing itself, then goes to the new
// version.
func (s *Server) runJob(w http.ResponseWriter, r *http.Request) {
	s.jobs.prune(s.set.Now())
	j := s.jobs.get(r.PathValue("job"))
	if j == nil {
		s.fail(w, r, http.StatusNotFound, catalog.PgNoRun.String(), catalog.PgNoRunFix.String())
		return
	}
	v := j.view()
	if v.Done && v.Error == "" {
		j.mu.Lock()
		ref := j.Ref
		j.mu.Unlock()
		http.Redirect(w, r, ref.path()+"?kq=moi", http.StatusSeeOther)
		return
	}
	vw := view{Title: catalog.PgTitleRunning.F(lowerFirst(titled(v.Title, v.Period))), Nav: "run", Data: v}
	if !v.Done {
		vw.Refresh = 1
	}
	s.renderView(w, r, http.StatusOK, "job", vw)
}
