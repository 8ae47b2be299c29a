package web

import (
	"errors"
	"net/http"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

type overviewRow struct {
	Report   Report
	Latest   *VersionSummary
	Problems []string
}

// attention is a version of any period that needs someone: failed,
// pending, returned, or a draft waiting past its deadline.
type attention struct {
	VersionSummary
	Title   string // the report's title
	Problem string
}

func (a attention) Path() string { return a.VersionRef.path() }

type overviewData struct {
	Attention []attention // every period, listed first
	Rows      []overviewRow
	Check     *DataCheck // nil when the check failed
}

// overview is Tổng quan: each report's latest version, state, deadline and
// next run, those with a problem first.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	reps, err := s.backend.Reports(ctx)
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	all, err := s.backend.Versions(ctx, "")
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	latest := map[string]*VersionSummary{}
	for i := range all {
		if _, ok := latest[all[i].Report]; !ok {
			latest[all[i].Report] = &all[i]
		}
	}
	var d overviewData
	if c, err := s.backend.Check(ctx, ""); err == nil {
		d.Check = c
	}
	now := s.set.Now()
	// The newest version of every period, whatever its age: an older
	// period's failed send or returned draft must not hide behind a newer
	// period.
	seen := map[string]bool{}
	names := titles(reps)
	for _, v := range all {
		k := v.Report + "/" + v.Period
		if seen[k] {
			continue
		}
		seen[k] = true
		a := attention{VersionSummary: v, Title: names[v.Report]}
		switch {
		case v.State == StateFailed:
			a.Problem = catalog.PgProbFailed.String()
		case v.State == StatePending:
			a.Problem = catalog.PgProbPendingNow.String()
		case v.State == StateMaybeSent:
			a.Problem = catalog.PgMaybeSent.String()
		case v.State == StateReturned:
			a.Problem = catalog.PgProbReturned.String()
		case v.State == StateDraft && v.Late(now):
			a.Problem = catalog.PgProbDraftLate.String()
		default:
			continue
		}
		if a.Title == "" {
			a.Title = v.Report
		}
		d.Attention = append(d.Attention, a)
	}
	for _, rep := range reps {
		row := overviewRow{Report: rep, Latest: latest[rep.ID]}
		if v := row.Latest; v != nil {
			switch v.State {
			case StateFailed:
				row.Problems = append(row.Problems, catalog.PgProbFailed.String())
			case StatePending:
				row.Problems = append(row.Problems, catalog.PgProbPending.String())
			case StateMaybeSent:
				row.Problems = append(row.Problems, catalog.PgMaybeSent.String())
			case StateReturned:
				row.Problems = append(row.Problems, catalog.PgProbReturned.String())
			}
			switch {
			case v.Late(now) && v.State == StateDraft:
				row.Problems = append(row.Problems, catalog.PgProbDraftLate.String())
			case v.Late(now):
				row.Problems = append(row.Problems, catalog.PgProbLate.String())
			}
		}
		if d.Check != nil && d.Check.Errors > 0 {
			row.Problems = append(row.Problems, catalog.PgProbData.String())
		}
		d.Rows = append(d.Rows, row)
	}
	// The cards keep the reports' order (tháng, quý, 6 tháng, năm), whatever
	// their state: what needs attention is listed above them.
	s.render(w, r, http.StatusOK, "overview", catalog.PgTitleOverview.String(), d)
}

// statusOf is the one map from an error's class (internal/fault) to the
// HTTP status the page answers with.
func statusOf(err error) int {
	switch fault.Of(err) {
	case fault.BadInput:
		return http.StatusBadRequest
	case fault.NotFound:
		return http.StatusNotFound
	case fault.Refused:
		return http.StatusConflict
	case fault.Transient:
		return http.StatusServiceUnavailable
	case fault.Permanent:
		return http.StatusBadGateway
	}
	return http.StatusInternalServerError
}

// backendFail answers a backend error with the page it calls for: the
// status from its class (statusOf), the words from the page's own errors.
func (s *Server) backendFail(w http.ResponseWriter, r *http.Request, err error) {
	if s.storageFail(w, r, err) {
		return
	}
	status := statusOf(err)
	switch {
	case errors.Is(err, ErrNotFound):
		s.fail(w, r, status, catalog.PgNotFound.F(plain(err)), catalog.PgNotFoundFix.String())
	case errors.Is(err, ErrBadInput):
		s.fail(w, r, status, catalog.PgBadRequest.F(plain(err)), catalog.PgBadRequestFix.String())
	case errors.Is(err, ErrRefused):
		s.fail(w, r, status, catalog.PgRefused.F(plain(err)), "")
	case errors.Is(err, ErrNotAvailable):
		s.fail(w, r, status, catalog.PgNotNow.F(plain(err)), "")
	case errors.Is(err, ErrNeedsConfirm):
		s.fail(w, r, status, catalog.PgSentBefore.String(), catalog.PgSentBeforeFix.String())
	case status == http.StatusInternalServerError:
		// An error of no class is a bug or the machine: its text is the
		// server's (paths, the system's English), for the log only.
		s.set.Logger.Error("web: backend", "path", r.URL.Path, "error", err.Error())
		s.fail(w, r, status, catalog.WebInternal.String(), catalog.WebInternalHint.F(s.set.Now().In(s.set.Location).Format("15:04 02/01/2006")))
	default:
		s.fail(w, r, status, catalog.PgFailed.F(plain(err)), catalog.PgFailedFix.String())
	}
}

// plain is an error's message without the package's class words in
// front ("không tìm thấy: …"); a bare class is its words.
func plain(err error) string {
	m := err.Error()
	for _, e := range []error{ErrNotFound, ErrBadInput, ErrNotAvailable, ErrNeedsConfirm, ErrRefused} {
		if p := e.Error() + ": "; len(m) > len(p) && m[:len(p)] == p {
			m = m[len(p):]
		}
	}
	return m
}
