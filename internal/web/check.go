package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"regexp"
	"sync/atomic"
)

var labelRe = regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$`)

// checkSlots is how many data checks run at once; checkQueue how many may
// wait for a slot before the page answers "busy". Sources are read once
// per change of their files (the backend's cache), so most checks only
// compute; a check that reads waits for any read of the same file.
const (
	checkSlots = 2
	checkQueue = 32
)

// checkPool bounds the data checks under way, whoever asks.
type checkPool struct {
	slots   chan struct{}
	waiting atomic.Int32
}

func newCheckPool() *checkPool { return &checkPool{slots: make(chan struct{}, checkSlots)} }

// acquire takes a slot, waiting while the request lasts; false when too
// many wait already or the request ended.
func (p *checkPool) acquire(r *http.Request) bool {
	select {
	case p.slots <- struct{}{}:
		return true
	default:
	}
	if p.waiting.Add(1) > checkQueue {
		p.waiting.Add(-1)
		return false
	}
	defer p.waiting.Add(-1)
	select {
	case p.slots <- struct{}{}:
		return true
	case <-r.Context().Done():
		return false
	}
}

func (p *checkPool) release() { <-p.slots }

// crossSite reports a request a page of another site (or another port of
// this machine) made: a browser says so in Sec-Fetch-Site. A request
// typed, bookmarked or made by the page itself says "none" or
// "same-origin"; a client that says nothing (curl, an old browser) is not
// a web page acting behind the clerk's back.
func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "none", "same-origin":
		return false
	}
	return true
}

// check is Kiểm tra dữ liệu: what `baocao validate` prints, by file. It
// reads the sources, so it is refused to another site's page (an <img>
// pointed at the page would otherwise make it work for nothing), and
// bounded by checkPool.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	if crossSite(r) {
		s.set.Logger.Warn("web: data check refused: asked by another site's page", "site", r.Header.Get("Sec-Fetch-Site"), "remote", clientIP(r))
		s.renderView(w, r, http.StatusForbidden, "error", view{Title: catalog.PgTitleError.F(http.StatusForbidden), Nav: "-", Data: errorData{Status: http.StatusForbidden,
			Message: catalog.PgCrossSite.String(), Hint: catalog.PgCrossSiteFix.String(),
			Back: "/kiem-tra", BackText: catalog.PgCheckBack.String()}})
		return
	}
	label := r.URL.Query().Get("ky")
	if label != "" && !labelRe.MatchString(label) {
		s.fail(w, r, http.StatusBadRequest, catalog.PgBadPeriod.F(label), catalog.PgBadPeriodFix.String())
		return
	}
	if !s.checks.acquire(r) {
		w.Header().Set("Retry-After", "30")
		s.fail(w, r, http.StatusServiceUnavailable, catalog.PgCheckBusy.String(), catalog.PgCheckBusyFix.String())
		return
	}
	c, err := s.backend.Check(r.Context(), label)
	s.checks.release()
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "check", catalog.PgTitleCheck.String(), c)
}
