package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCheckRefusedToOtherSites: a GET of Kiểm tra dữ liệu that another
// site's page made (an <img>, a link on another port of this machine) is
// refused before any work; one the page itself makes, or typed, runs.
func TestCheckRefusedToOtherSites(t *testing.T) {
	f := newFake()
	s, _ := testServer(t, Settings{}, f)
	for _, tc := range []struct {
		site string
		want int
	}{{"cross-site", 403}, {"same-site", 403}, {"same-origin", 200}, {"none", 200}, {"", 200}} {
		before := f.checked.Load()
		r := httptest.NewRequest("GET", "/kiem-tra?ky=2024-01", nil)
		r.Host, r.RemoteAddr = "127.0.0.1:8080", "127.0.0.1:5000"
		if tc.site != "" {
			r.Header.Set("Sec-Fetch-Site", tc.site)
		}
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		did := f.checked.Load() - before
		if w.Code != tc.want || (tc.want == 403) != (did == 0) {
			t.Errorf("Sec-Fetch-Site %q: %d, %d checks; want %d", tc.site, w.Code, did, tc.want)
		}
		if tc.want == 403 && !strings.Contains(w.Body.String(), "đến từ một trang khác") {
			t.Errorf("refusal: %s", w.Body)
		}
	}
}

// TestChecksBounded: however many ask at once, at most checkSlots checks
// run; past checkQueue waiting, the page answers 503 at once.
func TestChecksBounded(t *testing.T) {
	f := newFake()
	f.checkGate = make(chan struct{})
	s, _ := testServer(t, Settings{}, f)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	n := checkSlots + checkQueue + 8
	codes := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req, _ := http.NewRequest("GET", fmt.Sprintf("%s/kiem-tra?ky=2024-%02d", srv.URL, i%12+1), nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		})
	}
	// The ones over the queue are answered at once.
	busy := 0
	deadline := time.After(time.Minute)
	for busy < n-checkSlots-checkQueue {
		select {
		case c := <-codes:
			if c != http.StatusServiceUnavailable {
				t.Fatalf("answered %d while every slot is held", c)
			}
			busy++
		case <-deadline:
			t.Fatalf("%d answered busy, want %d", busy, n-checkSlots-checkQueue)
		}
	}
	close(f.checkGate)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Errorf("a queued check answered %d", c)
		}
	}
	if peak := f.checkPeak.Load(); peak > checkSlots || peak == 0 {
		t.Errorf("%d checks ran at once, want at most %d", peak, checkSlots)
	}
	if got := f.checked.Load(); got != int32(checkSlots+checkQueue) {
		t.Errorf("%d checks done, want %d", got, checkSlots+checkQueue)
	}
}
