package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
)

// TestChangeOwnPassword: a person logged in with her account changes her
// password on /mat-khau: the current password is needed (a wrong one is
// refused and counted), the new one twice and by the rules; the form
// needs the session's CSRF token; the change ends the account's other
// sessions and keeps this one; the old password no longer logs in, the
// new one does; the users file never holds it in clear.
func TestChangeOwnPassword(t *testing.T) {
	f := newFake()
	set := Settings{Unit: "Trường Mầm non 20/10"}
	store := withAccounts(t, &set)
	s, logs := testServer(t, set, f)
	phone := newClient(t, s.Handler()) // her other session
	phone.login("hieutruong")
	other := newClient(t, s.Handler()) // another account's session
	other.login("van")
	c := newClient(t, s.Handler())
	c.login("hieutruong")

	r, body := c.get("/")
	wantStatus(t, r, body, 200)
	wantIn(t, body, `href="/mat-khau"`)
	r, body = c.get("/mat-khau")
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Mật khẩu hiện tại", "hieutruong", `autocomplete="new-password"`)
	token := c.csrf("/mat-khau")
	const newPassword = "trăng rằm sáng tỏ mười lăm"

	// Without the session's token (another session's, or none): refused.
	for _, bad := range []string{"", other.csrf("/")} {
		r, body = c.post("/mat-khau", url.Values{"csrf": {bad}, "current": {testPassword}, "new": {newPassword}, "again": {newPassword}})
		wantStatus(t, r, body, 403)
	}
	for _, tt := range []struct {
		current, new, again string
		status              int
		says                string
	}{
		{"sai mật khẩu rồi nhé", newPassword, newPassword, 401, "Mật khẩu hiện tại không đúng"},
		{testPassword, newPassword, newPassword + "x", 400, "không giống nhau"},
		{testPassword, "ngắn", "ngắn", 400, "ít nhất 10 ký tự"},
		{testPassword, "Nguyen Thi Hong Van", "Nguyen Thi Hong Van", 400, "không được là tên"},
	} {
		r, body = c.post("/mat-khau", url.Values{"csrf": {token}, "current": {tt.current}, "new": {tt.new}, "again": {tt.again}})
		wantStatus(t, r, body, tt.status)
		wantIn(t, body, tt.says)
	}
	if a, _ := store.Get("hieutruong"); !accounts.Verify(a.Hash, testPassword) || a.Generation != 1 {
		t.Fatalf("a refused change changed the account: %+v", a)
	}

	r, body = c.post("/mat-khau", url.Values{"csrf": {token}, "current": {testPassword}, "new": {newPassword}, "again": {newPassword}})
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Đã đổi mật khẩu", "đã kết thúc")
	// This session goes on; her other one has ended; another account's
	// has not.
	r, body = c.get("/")
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Nguyễn Thị Hồng Vân (hiệu trưởng)")
	if r, _ := phone.get("/"); r.StatusCode != 303 || !strings.HasPrefix(r.Header.Get("Location"), "/dang-nhap") {
		t.Errorf("her other session after the change: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	r, body = other.get("/")
	wantStatus(t, r, body, 200)

	// The old password no longer logs in; the new one does.
	fresh := newClient(t, s.Handler())
	r, body = fresh.post("/dang-nhap", url.Values{"csrf": {fresh.csrf("/dang-nhap")}, "name": {"hieutruong"}, "password": {testPassword}})
	wantStatus(t, r, body, 401)
	r, body = fresh.post("/dang-nhap", url.Values{"csrf": {fresh.csrf("/dang-nhap")}, "name": {"hieutruong"}, "password": {newPassword}})
	wantStatus(t, r, body, 303)

	a, _ := store.Get("hieutruong")
	if !accounts.Verify(a.Hash, newPassword) {
		t.Error("the new password is not the account's")
	}
	for _, pw := range []string{newPassword, testPassword} {
		if strings.Contains(logs.String(), pw) {
			t.Error("a password in the log")
		}
	}
}

// TestPasswordPageNeedsAnAccount: a page without accounts has no
// password to change there.
func TestPasswordPageNeedsAnAccount(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	c := newClient(t, s.Handler())
	r, body := c.get("/mat-khau")
	wantStatus(t, r, body, 404)
	wantIn(t, body, "chỉ dành cho người đăng nhập bằng tài khoản riêng")
	if strings.Contains(body, `href="/mat-khau"`) {
		t.Error("the page links to the password page without an account")
	}
}
