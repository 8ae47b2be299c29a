package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"sort"
	"strconv"
)

type historyData struct {
	Reports  []Report
	Titles   map[string]string // by report id
	Years    []int
	Report   string
	Year     int
	Versions []VersionSummary
}

// history is Lịch sử: every period and version, by report and year.
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	d := historyData{Report: q.Get("bao-cao")}
	if y := q.Get("nam"); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 1900 || n > 9999 {
			s.fail(w, r, http.StatusBadRequest, catalog.PgBadYear.F(y), catalog.PgBadYearFix.String())
			return
		}
		d.Year = n
	}
	var err error
	if d.Reports, err = s.backend.Reports(ctx); err != nil {
		s.backendFail(w, r, err)
		return
	}
	d.Titles = map[string]string{}
	for _, rep := range d.Reports {
		d.Titles[rep.ID] = rep.Title
	}
	if d.Report != "" && !hasReport(d.Reports, d.Report) {
		s.fail(w, r, http.StatusNotFound, catalog.PgNoReport.F(d.Report), catalog.PgNoReportFix.String())
		return
	}
	all, err := s.backend.Versions(ctx, d.Report)
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	years := map[int]bool{}
	for _, v := range all {
		years[v.Year] = true
		if d.Year == 0 || v.Year == d.Year {
			d.Versions = append(d.Versions, v)
		}
	}
	for y := range years {
		d.Years = append(d.Years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(d.Years)))
	s.render(w, r, http.StatusOK, "history", catalog.PgTitleHistory.String(), d)
}

func hasReport(reps []Report, id string) bool {
	for _, r := range reps {
		if r.ID == id {
			return true
		}
	}
	return false
}
