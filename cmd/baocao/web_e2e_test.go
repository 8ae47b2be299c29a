package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/workflow"
)

var webScreenshots = flag.String("web-screenshots", "", "write screenshots of the overview and a version page into `DIR` (scripts/web-screenshots.sh)")

// chromium finds Debian's chromium; without it the browser test skips on a
// workstation and fails under CI.
func chromium(t *testing.T) string { t.Helper(); return testtools.Chromium(t) }

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

// TestWebReviewInChromium drives the review step with personal accounts
// in a real headless Chromium against a real Mailpit. The clerk logs in
// and runs the quarterly report (which has approvers): the draft's page
// offers her no approval, a forced POST is a 403 page in Vietnamese and
// `baocao approve --as van` exits 2, and nothing is sent. Mailpit has
// exactly one message, to the principal, with the draft's link; the
// principal opens it on a 390 px phone screen, logs in, and approves with
// a number and date: Mailpit then has exactly one message to the district
// (the report's to and cc), whose PDF carries the number and date, and
// `status` names her account. A restart keeps her logged in; after
// logout the old cookie is refused. Neither the users file nor the log
// holds a password.
func TestWebReviewInChromium(t *testing.T) {
	bin := chromium(t)
	mp := startMailpit(t)
	cfgPath := project(t)
	mailConfig(t, cfgPath, mp) // the monthly report's cc
	b, _ := os.ReadFile(cfgPath)
	text := strings.Replace(string(b), `cc = []`, `cc = ["Phòng Giáo dục <pgd.q1@tphcm.gov.vn>"]`, 1) // the quarterly's
	os.WriteFile(cfgPath, []byte(text), 0o644)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	withPrincipal(t, cfgPath)
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if q := cfg.Reports["quarterly"]; len(q.Approvers) != 1 || len(q.Cc) != 1 {
		t.Fatalf("the quarterly report: approvers %v cc %v", q.Approvers, q.Cc)
	}
	m, srv, base, logs := startWebServer(t, cfg, "127.0.0.1:0")
	m.SetReviewLink(func(e archive.Entry) string {
		return fmt.Sprintf("%s/bao-cao/%s/%s/v%d", base, e.Report, e.Period, e.Version)
	})

	br := newBrowser(t, bin, logs)
	login := br.login
	br.do("open the page: the login form", chromedp.Navigate(base+"/"))
	login("van")
	br.do("run the quarterly report now as the clerk",
		chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#bc-quarterly")),
		chromedp.Click(chromedp.CSS(`#bc-quarterly a.button`)),
		chromedp.WaitVisible(chromedp.CSS("#period")),
		chromedp.SetValue(chromedp.CSS("#period"), "2024-Q2"),
		chromedp.Click(chromedp.CSS("#chay")),
		chromedp.WaitVisible(chromedp.CSS("#khong-duyet")))
	if loc := br.get("location", chromedp.Location()); !strings.HasSuffix(loc, "/bao-cao/quarterly/2024-Q2/v1?kq=moi") {
		t.Fatalf("after the run the browser is at %s", loc)
	}
	main := br.text("main")
	for _, w := range []string{"Đã tạo bản dự thảo mới", "chờ duyệt", "Lịch sử duyệt và gửi", "lập bản dự thảo (chờ duyệt)",
		"thư mời duyệt gửi đến hieutruong.mn2010@hcm.edu.vn: đã gửi", "Tài khoản van (văn thư) không được duyệt hay trả lại báo cáo"} {
		if !strings.Contains(main, w) {
			t.Errorf("the draft's page, as the clerk, lacks %q", w)
		}
	}
	if br.count("#form-duyet")+br.count("#form-tra-lai")+br.count("#gui")+br.count("#ten-duyet") != 0 {
		t.Error("the clerk is offered approval, return or sending of a draft, or a name box")
	}
	// The clerk forges the approval form: the server refuses it.
	br.get("the clerk posts a forged approval", chromedp.Evaluate[string](`(() => {
		const f = document.createElement("form");
		f.method = "post";
		f.action = location.pathname + "/duyet";
		for (const [k, v] of [["csrf", document.querySelector("form.logout input[name=csrf]").value], ["number", "15"]]) {
			const i = document.createElement("input");
			i.name = k; i.value = v; f.appendChild(i);
		}
		document.body.appendChild(f);
		f.submit();
		return "ok";
	})()`))
	br.do("the refusal", chromedp.WaitVisible(chromedp.CSS("div.panel.bad")))
	if forged := br.text("main"); !strings.Contains(forged, "Mã lỗi 403") || !strings.Contains(forged, "không được duyệt hay trả lại") || !strings.Contains(forged, "Không có gì được gửi đi") {
		t.Errorf("the clerk's forged approval: %s", forged)
	}
	code, _, errs := baocao("approve", "-c", cfgPath, "-r", "quarterly", "-p", "2024-Q2", "--as", "van", "--password-stdin", "--number", "15")
	if code != 2 || !strings.Contains(errs, "không được duyệt hay trả lại") {
		t.Errorf("approve --as van: exit %d: %s", code, errs)
	}
	code, _, errs = baocao("reject", "-c", cfgPath, "-r", "quarterly", "-p", "2024-Q2", "--as", "van", "--password-stdin", "--reason", "x")
	if code != 2 {
		t.Errorf("reject --as van: exit %d: %s", code, errs)
	}
	msgs := mp.messages(t)
	if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0].Address != "hieutruong.mn2010@hcm.edu.vn" || len(msgs[0].Cc) != 0 ||
		!strings.HasPrefix(msgs[0].Subject, "[Chờ duyệt]") {
		t.Fatalf("after the run and the clerk's attempts Mailpit has %+v, want one review message to the principal", msgs)
	}
	br.do("the clerk logs out", chromedp.Click(chromedp.CSS("form.logout button")), chromedp.WaitVisible(chromedp.CSS("#tai-khoan")))

	msgs0ID := msgs[0].ID
	var review mpFull
	mp.get(t, "/api/v1/message/"+msgs[0].ID, &review)
	link := base + "/bao-cao/quarterly/2024-Q2/v1"
	if !strings.Contains(review.Text, link) {
		t.Fatalf("the review message lacks the page's link %s:\n%s", link, review.Text)
	}

	br.do("the principal opens the link on her phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(link))
	login("hieutruong")
	if loc := br.get("location", chromedp.Location()); loc != link {
		t.Errorf("after login the phone is at %s, want the draft %s", loc, link)
	}
	if *webScreenshots != "" {
		br.do("scroll to the PDF", chromedp.ScrollIntoView(chromedp.CSS("object.pdf")))
		time.Sleep(3 * time.Second) // the PDF viewer draws only what has been on screen
		br.shot("trang-web-duyet.png")
		br.do("open the page again", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#form-duyet")))
	}
	if who := br.text("#nguoi-duyet"); !strings.Contains(who, "Nguyễn Thị Hồng Vân (hiệu trưởng)") {
		t.Errorf("the approval form names %q", who)
	}
	if br.count("#ten-duyet") != 0 {
		t.Error("the approval form has a name box")
	}
	if w := br.get("page width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "390" {
		t.Errorf("the draft's page is %s px wide on a 390 px screen", w)
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
		"được Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong) duyệt, ghi chú “Đồng ý ban hành.”, số 15, ngày 19/06/2024",
		"gửi cấp trên đến phongnoivu.q1@tphcm.gov.vn, pgd.q1@tphcm.gov.vn: đã gửi"} {
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
	pdfWords := pdfText(t, got)
	for _, w := range []string{"Số: 15/BC-MN2010", "ngày 19 tháng 6 năm 2024"} {
		if !strings.Contains(pdfWords, w) {
			t.Errorf("the district's PDF lacks %q", w)
		}
	}
	if code, out, errs := baocao("status", "-c", cfgPath, "-r", "quarterly", "-p", "2024-Q2"); code != 0 ||
		!strings.Contains(out, "đã duyệt, Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong) duyệt lúc") {
		t.Errorf("status does not name the principal's account: exit %d: %s%s", code, out, errs)
	}

	sends := strings.Count(logs.String(), `msg="web: send"`) // every send from the page is logged before it starts
	br.do("resend asks first", chromedp.Click(chromedp.CSS("#gui-lai")), chromedp.WaitVisible(chromedp.CSS("#xac-nhan")))
	main = br.text("main")
	for _, w := range []string{"đã được gửi lúc", "phongnoivu.q1@tphcm.gov.vn", "pgd.q1@tphcm.gov.vn", "Xác nhận gửi lại"} {
		if !strings.Contains(main, w) {
			t.Errorf("confirmation lacks %q:\n%s", w, main)
		}
	}
	br.do("cancel", chromedp.Click(chromedp.CSS(`a[href$="/v2"]`)), chromedp.WaitVisible(chromedp.CSS("#gui-lai")))
	// The page has answered every request the clicks made: a send they
	// started would be in the log already.
	if n := strings.Count(logs.String(), `msg="web: send"`); n != sends {
		t.Fatalf("asking to resend started a send:\n%s", logs.String())
	}
	if n := len(mp.messages(t)); n != 2 {
		t.Fatalf("asking to resend sent something: %d messages", n)
	}

	// A restart keeps her logged in (the cookie is the host's, whatever
	// the port).
	if err := srv.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _, base2, logs2 := startWebServer(t, cfg, "127.0.0.1:0")
	br.logs = logs2
	br.do("after a restart", chromedp.Navigate(base2+"/bao-cao/quarterly/2024-Q2/v2"), chromedp.WaitVisible(chromedp.CSS("#gui-lai")))
	if who := br.text("form.logout span"); who != "Nguyễn Thị Hồng Vân (hiệu trưởng)" {
		t.Errorf("after a restart the page is %q's", who)
	}
	// Logout ends the session on the server: the old cookie is refused.
	var old string
	br.do("read the session cookie", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		res, err := chromedp.Call(ctx, network.GetCookies, network.GetCookiesParams{})
		for _, c := range res.Cookies {
			if c.Name == "baocao_phien" {
				old = c.Value
			}
		}
		return err
	}))
	br.do("log out", chromedp.Click(chromedp.CSS("form.logout button")), chromedp.WaitVisible(chromedp.CSS("#tai-khoan")))
	req, _ := http.NewRequest("GET", base2+"/bao-cao/quarterly/2024-Q2/v2", nil)
	req.AddCookie(&http.Cookie{Name: "baocao_phien", Value: old})
	r, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if old == "" || r.StatusCode != http.StatusSeeOther {
		t.Errorf("the cookie of before logout: %d (cookie %q)", r.StatusCode, old)
	}

	for _, w := range []string{`msg="web: approve" who="Nguyễn Thị Hồng Vân (hiệu trưởng)" account=hieutruong role=hieu-truong version="quarterly 2024-Q2 v1" number=15 date=19/06/2024`,
		`msg="web: approved"`, `issued="quarterly 2024-Q2 v2"`, `msg="web: refused: role does not allow it" who="Lê Thị Mai (văn thư)" account=van role=van-thu`} {
		if !strings.Contains(logs.String(), w) {
			t.Errorf("the log lacks %s:\n%s", w, logs.String())
		}
	}
	users, _ := os.ReadFile(filepath.Join(filepath.Dir(cfgPath), "users.toml"))
	for name, b := range map[string]string{"users file": string(users), "log": logs.String() + logs2.String(), "sessions file": readFile(t, filepath.Join(filepath.Dir(cfgPath), sessionsFileName))} {
		if strings.Contains(b, principalPassword) {
			t.Errorf("the %s holds the password in clear", name)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// browser is a headless Chromium for the page's tests.
type browser struct {
	t    *testing.T
	ctx  context.Context
	logs *syncBuffer
}

// startWeb serves the page of cfg on a free loopback port, logging into
// the builder returned, and gives its maker and address.
func startWeb(t *testing.T, cfg *conf) (*workflow.Flow, string, *syncBuffer) {
	t.Helper()
	m, _, base, logs := startWebServer(t, cfg, "127.0.0.1:0")
	return m, base, logs
}

// startWebServer is startWeb on listen, giving the server too.
func startWebServer(t *testing.T, cfg *conf, listen string) (*workflow.Flow, *web.Server, string, *syncBuffer) {
	t.Helper()
	mk, err := reports.NewMaker(cfg.maker, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := workflow.New(mk, cfg.workflow)
	cfg.Web.Listen = listen
	logs := &syncBuffer{}
	srv, err := OpenWeb(context.Background(), cfg, m, slog.New(slog.NewTextHandler(logs, nil)), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	return m, srv, "http://" + srv.Addr(), logs
}

func newBrowser(t *testing.T, bin string, logs *syncBuffer) *browser {
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

// login fills the login form the browser is on as account (the test
// accounts' password) and waits for the page behind it.
func (b *browser) login(account string) {
	b.t.Helper()
	b.do("log in as "+account,
		chromedp.WaitVisible(chromedp.CSS("#tai-khoan")),
		chromedp.SetValue(chromedp.CSS("#tai-khoan"), account),
		chromedp.SetValue(chromedp.CSS("#mat-khau"), principalPassword),
		chromedp.Click(chromedp.CSS("#dang-nhap")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")))
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
