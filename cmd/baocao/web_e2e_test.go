package main

import (
	"context"
	"flag"
	"fmt"
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
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/workflow"
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
	_, base, logs := startWeb(t, cfg)
	br := newBrowser(t, bin, logs)
	do, get, text, shot := br.do, br.get, br.text, br.shot

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

// TestWebReviewInChromium drives the review step in a real headless
// Chromium against a real Mailpit: open the overview, run the quarterly
// report (which has reviewers) now, see the draft; Mailpit has exactly one
// message, to the reviewer, with the page's link; open that link, approve
// with a number and date; Mailpit then has exactly one message to the
// district (the report's to and cc), whose PDF carries the number and
// date; resend asks for confirmation and, unconfirmed, sends nothing.
func TestWebReviewInChromium(t *testing.T) {
	bin := chromium(t)
	mp := startMailpit(t)
	cfgPath := project(t)
	mailConfig(t, cfgPath, mp) // the monthly report's cc
	b, _ := os.ReadFile(cfgPath)
	os.WriteFile(cfgPath, []byte(strings.Replace(string(b), `cc = []`, `cc = ["Phòng Giáo dục <pgd.q1@tphcm.gov.vn>"]`, 1)), 0o644) // the quarterly's
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if q := cfg.Reports["quarterly"]; len(q.Reviewers) != 1 || len(q.Cc) != 1 {
		t.Fatalf("the quarterly report: reviewers %v cc %v", q.Reviewers, q.Cc)
	}
	m, base, logs := startWeb(t, cfg)
	m.SetReviewLink(func(e archive.Entry) string {
		return fmt.Sprintf("%s/bao-cao/%s/%s/v%d", base, e.Report, e.Period, e.Version)
	})

	br := newBrowser(t, bin, logs)
	br.do("open the overview", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#bc-quarterly")))
	br.do("run the quarterly report now",
		chromedp.Click(chromedp.CSS(`#bc-quarterly a.button`)),
		chromedp.WaitVisible(chromedp.CSS("#period")),
		chromedp.SetValue(chromedp.CSS("#period"), "2024-Q2"),
		chromedp.Click(chromedp.CSS("#chay")),
		chromedp.WaitVisible(chromedp.CSS("#form-duyet")))
	if loc := br.get("location", chromedp.Location()); !strings.HasSuffix(loc, "/bao-cao/quarterly/2024-Q2/v1?kq=moi") {
		t.Fatalf("after the run the browser is at %s", loc)
	}
	main := br.text("main")
	for _, w := range []string{"Đã tạo bản dự thảo mới", "chờ duyệt", "đang chờ Nguyễn Thị Hồng Vân duyệt", "Lịch sử duyệt và gửi",
		"lập bản dự thảo (chờ duyệt)", "thư mời duyệt gửi đến hieutruong.mn2010@hcm.edu.vn: đã gửi", "Trả lại để sửa"} {
		if !strings.Contains(main, w) {
			t.Errorf("the draft's page lacks %q", w)
		}
	}
	if strings.Contains(main, "Gửi lại") || br.count("#gui") != 0 {
		t.Error("the draft's page offers sending")
	}
	if name := br.get("approver", chromedp.Value(chromedp.CSS("#ten-duyet"))); name != "Nguyễn Thị Hồng Vân" {
		t.Errorf("the approver's name is prefilled with %q", name)
	}

	msgs := mp.messages(t)
	if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0].Address != "hieutruong.mn2010@hcm.edu.vn" || len(msgs[0].Cc) != 0 ||
		!strings.HasPrefix(msgs[0].Subject, "[Chờ duyệt]") {
		t.Fatalf("after the run Mailpit has %+v, want one review message to the reviewer", msgs)
	}
	msgs0ID := msgs[0].ID
	var review mpFull
	mp.get(t, "/api/v1/message/"+msgs[0].ID, &review)
	link := base + "/bao-cao/quarterly/2024-Q2/v1"
	if !strings.Contains(review.Text, "Hoặc mở trang duyệt báo cáo: "+link) {
		t.Errorf("the review message lacks the page's link %s:\n%s", link, review.Text)
	}

	br.do("open the link from the review message", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#form-duyet")))
	if *webScreenshots != "" {
		// the PDF viewer draws only what has been on screen
		br.do("scroll to the PDF", chromedp.ScrollIntoView(chromedp.CSS("object.pdf")))
		time.Sleep(3 * time.Second)
		br.shot("trang-web-duyet.png")
		br.do("open the page again", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#form-duyet")))
	}
	br.do("approve with a number and date",
		chromedp.SetValue(chromedp.CSS("#so"), "15"),
		chromedp.SetValue(chromedp.CSS("#ngay"), "19/06/2024"),
		chromedp.SetValue(chromedp.CSS("#ghi-chu"), "Đồng ý ban hành."),
		chromedp.Click(chromedp.CSS("#dung-so-trung")), // 15 is in the example's outgoing register
		chromedp.Click(chromedp.CSS("#duyet")),
		chromedp.WaitVisible(chromedp.CSS("#gui-lai")))
	if loc := br.get("location", chromedp.Location()); !strings.HasSuffix(loc, "/bao-cao/quarterly/2024-Q2/v2?kq=da-duyet") {
		t.Fatalf("after approving the browser is at %s", loc)
	}
	main = br.text("main")
	for _, w := range []string{"Đã duyệt và đã gửi cấp trên.", "đã gửi", "Văn bản ban hành từ bản dự thảo phiên bản 1 đã duyệt: số 15, ngày 19/06/2024",
		"được Nguyễn Thị Hồng Vân duyệt, ghi chú “Đồng ý ban hành.”, số 15, ngày 19/06/2024", "gửi cấp trên đến phongnoivu.q1@tphcm.gov.vn, pgd.q1@tphcm.gov.vn: đã gửi"} {
		if !strings.Contains(main, w) {
			t.Errorf("the issued version's page lacks %q:\n%s", w, main)
		}
	}
	msgs = mp.messages(t)
	var district []mpSummary
	for _, msg := range msgs {
		if msg.ID != msgs0ID {
			district = append(district, msg)
		}
	}
	if len(msgs) != 2 || len(district) != 1 || len(district[0].To) != 1 || district[0].To[0].Address != "phongnoivu.q1@tphcm.gov.vn" ||
		len(district[0].Cc) != 1 || district[0].Cc[0].Address != "pgd.q1@tphcm.gov.vn" || district[0].MessageID != "baocao.mn2010.quarterly.2024-q2.v2@hcm.edu.vn" {
		t.Fatalf("after approving Mailpit has %+v, want the review message and one message to the district", msgs)
	}
	var full mpFull
	mp.get(t, "/api/v1/message/"+district[0].ID, &full)
	var pdf []byte
	for _, a := range full.Attachments {
		if strings.HasSuffix(a.FileName, ".pdf") {
			pdf = mp.get(t, "/api/v1/message/"+district[0].ID+"/part/"+a.PartID, nil)
		}
	}
	got := filepath.Join(t.TempDir(), "got.pdf")
	os.WriteFile(got, pdf, 0o644)
	text := pdfText(t, got)
	for _, w := range []string{"Số: 15/BC-MN2010", "ngày 19 tháng 6 năm 2024"} {
		if !strings.Contains(text, w) {
			t.Errorf("the district's PDF lacks %q", w)
		}
	}

	br.do("resend asks first", chromedp.Click(chromedp.CSS("#gui-lai")), chromedp.WaitVisible(chromedp.CSS("#xac-nhan")))
	main = br.text("main")
	for _, w := range []string{"đã được gửi lúc", "phongnoivu.q1@tphcm.gov.vn", "pgd.q1@tphcm.gov.vn", "Xác nhận gửi lại"} {
		if !strings.Contains(main, w) {
			t.Errorf("confirmation lacks %q:\n%s", w, main)
		}
	}
	br.do("cancel", chromedp.Click(chromedp.CSS(`a[href$="/v2"]`)), chromedp.WaitVisible(chromedp.CSS("#gui-lai")))
	time.Sleep(500 * time.Millisecond)
	if n := len(mp.messages(t)); n != 2 {
		t.Fatalf("asking to resend sent something: %d messages", n)
	}
	br.do("the overview shows it sent", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#bc-quarterly")))
	if card := br.text("#bc-quarterly"); !strings.Contains(card, "đã gửi") || !strings.Contains(card, "2024-Q2") {
		t.Errorf("overview card: %s", card)
	}
	for _, w := range []string{`msg="web: approve" who="người dùng trên máy này (127.0.0.1)" version="quarterly 2024-Q2 v1" name="Nguyễn Thị Hồng Vân" number=15 date=19/06/2024`,
		`msg="web: approved"`, `issued="quarterly 2024-Q2 v2"`} {
		if !strings.Contains(logs.String(), w) {
			t.Errorf("the log lacks %s:\n%s", w, logs.String())
		}
	}
}

// browser is a headless Chromium for the page's tests.
type browser struct {
	t    *testing.T
	ctx  context.Context
	logs *strings.Builder
}

// startWeb serves the page of cfg on a free loopback port, logging into
// the builder returned, and gives its maker and address.
func startWeb(t *testing.T, cfg *conf) (*workflow.Flow, string, *strings.Builder) {
	t.Helper()
	mk, err := reports.NewMaker(cfg.maker, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := workflow.New(mk, cfg.workflow)
	cfg.Web.Listen = "127.0.0.1:0"
	logs := &strings.Builder{}
	srv, err := OpenWeb(context.Background(), cfg, m, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	return m, "http://" + srv.Addr(), logs
}

func newBrowser(t *testing.T, bin string, logs *strings.Builder) *browser {
	t.Helper()
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
	t.Cleanup(cancelA)
	bctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(cancelB)
	if err := chromedp.Do(bctx); err != nil { // starts the browser: no timeout on this first call
		t.Fatalf("chromium: %v", err)
	}
	return &browser{t: t, ctx: bctx, logs: logs}
}

func (b *browser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v\nserver log:\n%s", step, err, b.logs.String())
	}
}

func (b *browser) get(step string, a chromedp.Action[string]) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	return b.get("text of "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// count is how many elements match sel now.
func (b *browser) count(sel string) int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
	if err != nil {
		b.t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

// shot saves a screenshot into -web-screenshots, when given.
func (b *browser) shot(name string) {
	b.t.Helper()
	if *webScreenshots == "" {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*webScreenshots, name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
