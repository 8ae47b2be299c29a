package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/mn2010/baocao/internal/accounts"
)

// TestChangeOwnPasswordInChromium: on a phone's width (390 px) in
// Debian's Chromium, the principal logs in, follows "Đổi mật khẩu" from
// the header, changes her password with the form, and is still logged
// in; the new password is the account's.
func TestChangeOwnPasswordInChromium(t *testing.T) {
	bin := chromiumOrSkip(t)
	set := Settings{Unit: "Trường Mầm non 20/10"}
	store := withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	ctx := browser(t, bin)
	const newPassword = "trăng rằm sáng tỏ mười lăm"
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	step("log in", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+"/dang-nhap"),
		chromedp.WaitVisible(chromedp.CSS("#tai-khoan")),
		chromedp.SetValue(chromedp.CSS("#tai-khoan"), "hieutruong"),
		chromedp.SetValue(chromedp.CSS("#mat-khau"), testPassword),
		chromedp.Click(chromedp.CSS("#dang-nhap")),
		chromedp.WaitVisible(chromedp.CSS("#doi-mat-khau-link")))
	step("change the password", chromedp.Click(chromedp.CSS("#doi-mat-khau-link")),
		chromedp.WaitVisible(chromedp.CSS("#mat-khau-cu")),
		chromedp.SetValue(chromedp.CSS("#mat-khau-cu"), testPassword),
		chromedp.SetValue(chromedp.CSS("#mat-khau-moi"), newPassword),
		chromedp.SetValue(chromedp.CSS("#nhap-lai"), newPassword),
		chromedp.Click(chromedp.CSS("#doi-mat-khau")),
		chromedp.WaitVisible(chromedp.CSS("#da-doi")))
	done := text("#da-doi")
	step("back to the overview", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("form.logout")))
	header := text("header")
	if !strings.Contains(done, "Đã đổi mật khẩu của tài khoản hieutruong") {
		t.Errorf("the page says %q", done)
	}
	if !strings.Contains(header, "Nguyễn Thị Hồng Vân") || !strings.Contains(header, "Đăng xuất") {
		t.Errorf("not logged in after the change: header %q", header)
	}
	if a, _ := store.Get("hieutruong"); !accounts.Verify(a.Hash, newPassword) {
		t.Error("the new password is not the account's")
	}
}
