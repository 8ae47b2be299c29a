package page

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
)

// fiveYears fills the archive with five years (2020–2024) of versions,
// 300 in all: 60 months × 3 versions, 20 quarters × 4, 10 half-years × 3
// and 5 years × 2, each with a real manifest (that of an example run,
// relabelled) and, for the newest of each period, a delivery record.
func fiveYears(tb testing.TB) (*ReportsBackend, *testConfig, *workflow.Flow) {
	tb.Helper()
	b, cfg, m := project(tb)
	ref, err := b.Run(context.Background(), "bench", "monthly", "2024-03", func(string) {})
	if err != nil {
		tb.Fatal(err)
	}
	root := cfg.Path(cfg.Archive)
	model, err := reports.ReadManifest(filepath.Join(root, ref.Report, ref.Period, "v1"))
	if err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(filepath.Join(root, "monthly"))
	plan := []struct {
		report   string
		kind     period.Kind
		n        int // periods a year
		versions int
	}{{"monthly", period.Month, 12, 3}, {"quarterly", period.Quarter, 4, 4}, {"half-year", period.HalfYear, 2, 3}, {"annual", period.Year, 1, 2}}
	total := 0
	for _, p := range plan {
		for y := 2020; y <= 2024; y++ {
			for i := 1; i <= p.n; i++ {
				per := period.New(p.kind, period.Decree09, y, i)
				for v := 1; v <= p.versions; v++ {
					man := *model
					man.Report, man.Version = p.report, v
					man.Period = reports.ManifestPeriod{Label: per.Label(), From: per.From.Format("2006-01-02"), To: per.To.Format("2006-01-02"), Boundaries: "decree09"}
					man.GeneratedAt = per.To.AddDate(0, 0, v).Format(time.RFC3339)
					dir := filepath.Join(root, p.report, per.Label(), fmt.Sprintf("v%d", v))
					os.MkdirAll(dir, 0o755)
					js, _ := json.MarshalIndent(&man, "", "  ")
					if err := os.WriteFile(filepath.Join(dir, reports.ManifestName), js, 0o644); err != nil {
						tb.Fatal(err)
					}
					if v == p.versions {
						at := per.To.AddDate(0, 0, v).Format(time.RFC3339)
						rec := &delivery.Record{Status: delivery.Sent, MessageID: "<x@y>", Attempts: []delivery.Attempt{
							{At: at, To: []string{"phongnoivu.q1@tphcm.gov.vn"}, Result: "dial tcp: connection refused"},
							{At: at, To: []string{"phongnoivu.q1@tphcm.gov.vn"}, Result: "sent"}}}
						if err := rec.Save(dir); err != nil {
							tb.Fatal(err)
						}
					}
					total++
				}
			}
		}
	}
	if total != 300 {
		tb.Fatalf("%d versions", total)
	}
	return b, cfg, m
}

func benchServer(tb testing.TB, b web.Backend) http.Handler {
	s, err := web.New(web.Settings{Listen: "127.0.0.1:0", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Location: time.UTC}, b)
	if err != nil {
		tb.Fatal(err)
	}
	return s.Handler()
}

func renderPage(tb testing.TB, h http.Handler, path string) time.Duration {
	start := time.Now()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, localRequest("GET", path))
	took := time.Since(start)
	if w.Code != 200 {
		tb.Fatalf("%s: %d %s", path, w.Code, w.Body)
	}
	return took
}

// TestFiveYearsRender: with 300 versions the overview and the history
// render whole. How fast they render is measured by BenchmarkOverview and
// BenchmarkHistory (and their cold variants), which .ci/run runs once; a
// unit test asserts no time.
func TestFiveYearsRender(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a five-year archive")
	}
	b, _, _ := fiveYears(t)
	h := benchServer(t, b)
	for _, path := range []string{"/", "/lich-su", "/lich-su?bao-cao=monthly&nam=2023"} {
		renderPage(t, h, path)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, localRequest("GET", "/lich-su"))
	if want := "300 phiên bản."; !strings.Contains(w.Body.String(), want) {
		t.Errorf("history lacks %q", want)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, localRequest("GET", "/lich-su?bao-cao=monthly&nam=2023"))
	if n := strings.Count(w.Body.String(), "2023-"); n < 12 {
		t.Errorf("the monthly history of 2023 names %d periods of 2023, want at least 12", n)
	}
}

func benchPage(b *testing.B, path string, cold bool) {
	be, _, m := fiveYears(b)
	h := benchServer(b, be)
	renderPage(b, h, path) // reads the sources for the data banner
	b.ResetTimer()
	for b.Loop() {
		if cold { // a fresh backend: every manifest read again (the sources' check kept)
			fresh := NewReportsBackend(m, be.set, nil)
			fresh.checks = be.checks
			h = benchServer(b, fresh)
		}
		renderPage(b, h, path)
	}
}

func BenchmarkOverview(b *testing.B)     { benchPage(b, "/", false) }
func BenchmarkHistory(b *testing.B)      { benchPage(b, "/lich-su", false) }
func BenchmarkOverviewCold(b *testing.B) { benchPage(b, "/", true) }
func BenchmarkHistoryCold(b *testing.B)  { benchPage(b, "/lich-su", true) }

// localRequest is a request as a browser on this machine sends it (the
// page refuses other Host headers).
func localRequest(method, path string) *http.Request {
	r := httptest.NewRequest(method, path, nil)
	r.Host = "127.0.0.1:8080"
	return r
}
