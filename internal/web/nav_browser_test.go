package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestNavOnAPhone opens the page at a phone's width (390 px) in Debian's
// Chromium: no menu item breaks inside ("Kiểm tra dữ / liệu"); the items
// wrap between them.
func TestNavOnAPhone(t *testing.T) {
	bin := ""
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		if p, err := exec.LookPath("chromium"); err == nil {
			bin = p
		}
	}
	if bin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed: .ci/run should apt-get install chromium")
		}
		t.Skip("chromium is not installed (apt-get install chromium)")
	}
	s, _ := testServer(t, Settings{}, newFake())
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(bin), chromedp.Flag("headless", true),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()))
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("nav"))); err != nil {
		t.Fatal(err)
	}
	lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll("header nav a")].map(a => a.getClientRects().length)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 5 {
		t.Fatalf("nav has %d items", len(lines))
	}
	for i, n := range lines {
		if n != 1 {
			t.Errorf("nav item %d breaks over %d lines at 390 px", i, n)
		}
	}
}
