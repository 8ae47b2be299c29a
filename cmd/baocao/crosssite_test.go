package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCrossSiteCheckFloodDoesNoWork: a page of another loopback origin,
// opened in Chromium, points 16 <img> at the page's Kiểm tra dữ liệu, one
// per period (the probe's attack). Every request is refused before any
// source is read; the page's own link still checks.
func TestCrossSiteCheckFloodDoesNoWork(t *testing.T) {
	bin := chromium(t)
	cfg, err := loadConfig(project(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, base, logs := startWeb(t, cfg)
	var imgs strings.Builder
	periods := []string{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08",
		"2024-09", "2024-10", "2024-11", "2024-12", "2024-Q1", "2024-Q2", "2024-H1", "2024"}
	for _, p := range periods {
		fmt.Fprintf(&imgs, `<img src="%s/kiem-tra?ky=%s" onload="done()" onerror="done()">`, base, p)
	}
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html><head><title>…</title><script>
var n = 0; function done() { if (++n == %d) document.title = "xong"; }
</script></head><body>%s</body></html>`, len(periods), imgs.String())
	}))
	defer evil.Close()
	if strings.Split(evil.URL, ":")[2] == strings.Split(base, ":")[2] {
		t.Fatal("the two servers share a port")
	}
	br := newBrowser(t, bin, logs)
	br.do("open the other origin's page", chromedp.Navigate(evil.URL+"/"), chromedp.WaitReady(`//title[text()="xong"]`))
	br.do("open the check from the page itself", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("nav")),
		chromedp.Click(chromedp.CSS(`a[href="/kiem-tra"]`)), chromedp.WaitVisible(chromedp.CSS("main")))
	if main := br.text("main"); !strings.Contains(main, "ho-so-tthc.xlsx") {
		t.Errorf("the page's own check did not run:\n%s", main)
	}
	out := logs.String()
	if n := strings.Count(out, "data check refused"); n != len(periods) {
		t.Errorf("%d cross-site checks refused, want %d:\n%s", n, len(periods), out)
	}
	if !strings.Contains(out, "site=cross-site") && !strings.Contains(out, "site=same-site") {
		t.Errorf("the refusals do not say who asked:\n%s", out)
	}
}
