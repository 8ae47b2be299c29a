package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSignedUploadInChromium: a report with require_signed approved on
// the page waits "chờ ký số"; the clerk uploads a file that is not signed
// (refused, nothing sent), then the issued PDF signed by pdfsig: the page
// says it was received and sent, shows "đã ký số" and the signer, and the
// district's message carries the signed file byte for byte.
func TestSignedUploadInChromium(t *testing.T) {
	bin := chromium(t)
	s := signer(t)
	mp := startMailpit(t)
	cfgPath := reviewConfig(t, mp)
	requireSigned(t, cfgPath, "quarterly")
	if code, _, errs := baocao("run", "-c", cfgPath, "-r", "quarterly", "-p", "2024-Q2"); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	_, base, logs := startWeb(t, cfg)
	br := newBrowser(t, bin, logs)
	br.do("open the draft", chromedp.Navigate(base+"/bao-cao/quarterly/2024-Q2/v1"))
	br.login("hieutruong")
	br.do("the draft's approval form", chromedp.WaitVisible(chromedp.CSS("#form-duyet")))
	br.do("approve the draft on the page",
		chromedp.SetValue(chromedp.CSS("#so"), "15"),
		chromedp.Click(chromedp.CSS("#duyet")),
		chromedp.WaitVisible(chromedp.CSS("#form-ky-so")))
	if n := len(districtMessages(t, mp)); n != 0 {
		t.Fatalf("approval sent %d messages to the district", n)
	}
	if main := br.text("main"); !strings.Contains(main, "chờ ký số") {
		t.Errorf("the approved version does not say chờ ký số:\n%s", main)
	}
	v2 := filepath.Join(filepath.Dir(cfgPath), "archive", "quarterly", "2024-Q2", "v2")
	pdf := filepath.Join(v2, "bao-cao-cchc-2024-Q2.pdf")
	br.do("upload the unsigned PDF",
		chromedp.SetUploadFiles(chromedp.CSS("#tep-ky-so"), []string{pdf}),
		chromedp.Click(chromedp.CSS("#tai-len-ky-so")),
		chromedp.WaitVisible(chromedp.CSS("#loi")))
	if msg := br.text("#loi"); !strings.Contains(msg, "tệp chưa có chữ ký số") || !strings.Contains(msg, "Không có gì được lưu hay gửi") {
		t.Errorf("the refusal says %q", msg)
	}
	signed := sign(t, s, pdf)
	br.do("upload the signed PDF",
		chromedp.SetUploadFiles(chromedp.CSS("#tep-ky-so"), []string{signed}),
		chromedp.Click(chromedp.CSS("#tai-len-ky-so")),
		chromedp.WaitVisible(chromedp.CSS("#ban-ky-so")))
	main := br.text("main")
	for _, w := range []string{"lưu vào kho và gửi cấp trên", "đã ký số", "Người ký: Nguyễn Thị Hồng Vân", "bao-cao-cchc-2024-Q2-da-ky.pdf"} {
		if !strings.Contains(main, w) {
			t.Errorf("the page after the upload lacks %q", w)
		}
	}
	msgs := districtMessages(t, mp)
	if len(msgs) != 1 {
		t.Fatalf("%d messages to the district after the upload, want 1", len(msgs))
	}
	good, _ := os.ReadFile(signed)
	if name, att := attachment(t, mp, msgs[0].ID, ".pdf"); name != "bao-cao-cchc-2024-Q2-da-ky.pdf" || !bytes.Equal(att, good) {
		t.Errorf("the district got %s, not the signed copy byte for byte", name)
	}
}
