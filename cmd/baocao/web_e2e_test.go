package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mn2010/baocao/reports"
)

var webScreenshots = flag.String("web-screenshots", "", "write screenshots of the overview and a version page into `DIR` (scripts/web-screenshots.sh)")

// chromium finds Debian's chromium; without it the browser test skips on a
// workstation and fails under CI.
func chromium(t *testing.T) string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: .ci/run should apt-get install chromium")
	}
	t.Skip("chromium is not installed (apt-get install chromium)")
	return ""
}

// TestWebInChromium drives the page in a real headless Chromium against a
// real Mailpit: open the overview, run the monthly report now, see the
// version, send it (Mailpit receives exactly one message, to the
// district), and resend asks for confirmation, naming when and to whom.
func TestWebInChromium(t *testing.T) {
	bin := chromium(t)
	mp := startMailpit(t)
	cfgPath := project(t)
	mailConfig(t, cfgPath, mp)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	m, err := reports.NewMaker(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Web.Listen = "127.0.0.1:0"
	var logs strings.Builder
	srv, err := OpenWeb(context.Background(), cfg, m, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	base := "http://" + srv.Addr()

	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(bctx); err != nil { // starts the browser: no timeout on this first call
		t.Fatalf("chromium: %v", err)
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		ctx, cancel := context.WithTimeout(bctx, time.Minute)
		defer cancel()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\nserver log:\n%s", step, err, logs.String())
		}
	}
	get := func(step string, a chromedp.Action[string]) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(bctx, time.Minute)
		defer cancel()
		v, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return v
	}
	text := func(sel string) string { return get("text of "+sel, chromedp.Text(chromedp.CSS(sel))) }
	shot := func(name string) {
		if *webScreenshots == "" {
			return
		}
		ctx, cancel := context.WithTimeout(bctx, time.Minute)
		defer cancel()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*webScreenshots, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	do("open the overview", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#bc-monthly")))
	main := text("main")
	for _, w := range []string{"Tổng quan", "Báo cáo tháng", "Báo cáo quý", "Chưa có báo cáo nào", "Lần chạy tới"} {
		if !strings.Contains(main, w) {
			t.Errorf("overview lacks %q:\n%s", w, main)
		}
	}

	do("run the monthly report now",
		chromedp.Click(chromedp.CSS(`#bc-monthly a.button`)),
		chromedp.WaitVisible(chromedp.CSS("#period")),
		chromedp.SetValue(chromedp.CSS("#period"), "2024-03"),
		chromedp.Click(chromedp.CSS("#chay")),
		chromedp.WaitVisible(chromedp.CSS("object.pdf")))
	loc := get("location", chromedp.Location())
	main = text("main")
	if !strings.HasSuffix(loc, "/bao-cao/monthly/2024-03/v1?kq=moi") {
		t.Fatalf("after the run the browser is at %s", loc)
	}
	for _, w := range []string{"Đã tạo phiên bản mới.", "chưa gửi", "Kết quả chỉ tiêu", "3.1", "Xử lý đơn", "Dữ liệu cần kiểm tra", "bao-cao-cchc-2024-03.pdf", "Gửi"} {
		if !strings.Contains(main, w) {
			t.Errorf("version page lacks %q", w)
		}
	}
	if n := len(mp.messages(t)); n != 0 {
		t.Fatalf("running sent %d messages", n)
	}

	do("send it", chromedp.Click(chromedp.CSS("#gui")), chromedp.WaitVisible(chromedp.CSS("#gui-lai")))
	main = text("main")
	msgs := mp.messages(t)
	if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0].Address != "phongnoivu.q1@tphcm.gov.vn" ||
		msgs[0].MessageID != "baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn" {
		t.Fatalf("mailpit has %+v, want one message to the district", msgs)
	}
	for _, w := range []string{"Đã gửi.", "đã gửi", "<baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn>", "phongnoivu.q1@tphcm.gov.vn"} {
		if !strings.Contains(main, w) {
			t.Errorf("version page after sending lacks %q", w)
		}
	}
	if *webScreenshots != "" {
		time.Sleep(3 * time.Second) // let the PDF viewer draw the first page
	}
	shot("trang-web-phien-ban.png")

	do("resend asks first", chromedp.Click(chromedp.CSS("#gui-lai")), chromedp.WaitVisible(chromedp.CSS("#xac-nhan")))
	main = text("main")
	for _, w := range []string{"đã được gửi lúc", "phongnoivu.q1@tphcm.gov.vn", "Xác nhận gửi lại"} {
		if !strings.Contains(main, w) {
			t.Errorf("confirmation lacks %q:\n%s", w, main)
		}
	}
	if n := len(mp.messages(t)); n != 1 {
		t.Fatalf("asking to resend sent something: %d messages", n)
	}
	if !strings.Contains(logs.String(), `msg="web: send" who="người dùng trên máy này (127.0.0.1)" report=monthly period=2024-03 version=1 resend=false`) {
		t.Errorf("the send is not logged with who:\n%s", logs.String())
	}

	do("the overview shows it sent", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#bc-monthly")))
	if card := text("#bc-monthly"); !strings.Contains(card, "đã gửi") || !strings.Contains(card, "2024-03") {
		t.Errorf("overview card: %s", card)
	}
	shot("trang-web-tong-quan.png")
	if *webScreenshots != "" {
		do("phone-sized overview", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
		shot("trang-web-dien-thoai.png")
	}
}
