package web

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
)

// Test accounts: one per role, and a deputy named as the quarterly
// report's approver.
const testPassword = "hoa sen nở giữa hè"

var testAccounts = []accounts.Account{
	{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn", Role: accounts.Principal, Title: accounts.Co},
	{Name: "pho", FullName: "Trần Văn Bình", Email: "pho@mn2010.edu.vn", Role: accounts.Deputy, Title: accounts.Thay},
	{Name: "pho2", FullName: "Đỗ Thị Cúc", Email: "pho2@mn2010.edu.vn", Role: accounts.Deputy, Title: accounts.Co},
	{Name: "van", FullName: "Lê Thị Mai", Role: accounts.Clerk},
	{Name: "xem", FullName: "Phạm Văn Xem", Role: accounts.Viewer},
}

// withAccounts gives set the test accounts in a users file of its own, a
// sessions file beside it, and the approvers of the fake's reports.
func withAccounts(t *testing.T, set *Settings) *accounts.Store {
	t.Helper()
	dir := t.TempDir()
	store := accounts.Open(filepath.Join(dir, accounts.FileName))
	for _, a := range testAccounts {
		if err := store.Add(a, testPassword, "Trường Mầm non 20/10"); err != nil {
			t.Fatal(err)
		}
	}
	set.Accounts = store
	set.SessionFile = filepath.Join(dir, "sessions.json")
	set.Approvers = map[string][]string{"quarterly": {"hieutruong", "pho"}}
	return store
}

// login logs c in as account and fails the test unless it works.
func (c *client) login(account string) {
	c.t.Helper()
	token := c.csrf("/dang-nhap")
	r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {account}, "password": {testPassword}})
	if r.StatusCode != 303 {
		c.t.Fatalf("login as %s: %d\n%s", account, r.StatusCode, body)
	}
}

// asAccount serves the fake with accounts, and a client logged in as
// account.
func asAccount(t *testing.T, set Settings, b Backend, account string) (*Server, *bytes.Buffer, *client) {
	t.Helper()
	if set.Accounts == nil {
		withAccounts(t, &set)
	}
	s, logs := testServer(t, set, b)
	c := newClient(t, s.Handler())
	c.login(account)
	return s, logs, c
}

func (c *client) cookie() *http.Cookie {
	u, _ := url.Parse(c.base)
	for _, k := range c.c.Jar.Cookies(u) {
		if k.Name == cookieName {
			return k
		}
	}
	return nil
}

// TestRolesOnThePage: only the principal, or a deputy the report names,
// approves or returns; the clerk and a viewer get a 403 page in
// Vietnamese and the backend is never called; a viewer cannot run or
// send.
func TestRolesOnThePage(t *testing.T) {
	f := newFake()
	set := Settings{}
	withAccounts(t, &set)
	s, logs := testServer(t, set, f)
	const draft = "/bao-cao/quarterly/2024-Q1/v1"
	for _, tt := range []struct {
		account            string
		review, operate    bool
		page, notOnThePage []string
	}{
		{"hieutruong", true, true, []string{`id="form-duyet"`, "Nguyễn Thị Hồng Vân (hiệu trưởng)"}, []string{`id="ten-duyet"`, `name="name"`}},
		{"pho", true, false, []string{`id="form-duyet"`, "Trần Văn Bình (phó hiệu trưởng)"}, nil},
		{"pho2", false, false, []string{"không được giao duyệt báo cáo này"}, []string{`id="form-duyet"`}},
		{"van", false, true, []string{"không được duyệt hay trả lại", "Nghị định 30"}, []string{`id="form-duyet"`, `id="form-tra-lai"`}},
		{"xem", false, false, []string{"không được duyệt hay trả lại"}, []string{`id="form-duyet"`}},
	} {
		t.Run(tt.account, func(t *testing.T) {
			c := newClient(t, s.Handler())
			c.login(tt.account)
			r, body := c.get(draft)
			wantStatus(t, r, body, 200)
			wantIn(t, body, tt.page...)
			for _, no := range tt.notOnThePage {
				if strings.Contains(body, no) {
					t.Errorf("the page has %s", no)
				}
			}
			token := c.csrf(draft)
			f.mu.Lock()
			before := len(f.approvals) + len(f.rejects)
			f.mu.Unlock()
			r, body = c.post(draft+"/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}})
			if tt.review {
				wantStatus(t, r, body, 303)
			} else {
				wantStatus(t, r, body, 403)
				wantIn(t, body, "Không có gì được gửi đi")
				r, body = c.post(draft+"/tra-lai", url.Values{"csrf": {token}, "reason": {"Sai"}})
				wantStatus(t, r, body, 403)
				f.mu.Lock()
				after := len(f.approvals) + len(f.rejects)
				f.mu.Unlock()
				if after != before {
					t.Errorf("a refused review reached the backend")
				}
			}
			r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
			if tt.operate != (r.StatusCode == 303) || (!tt.operate && r.StatusCode != 403) {
				t.Errorf("send as %s: %d", tt.account, r.StatusCode)
			}
			r, body = c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"2024-03"}})
			if !tt.operate && r.StatusCode != 403 {
				t.Errorf("run as %s: %d", tt.account, r.StatusCode)
			}
		})
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// The decision is recorded with the account's name and role, never
	// the typed name.
	want := "Nguyễn Thị Hồng Vân (hiệu trưởng)|quarterly 2024-Q1 v1|Nguyễn Thị Hồng Vân|hieutruong|hieu-truong"
	if len(f.approvals) != 2 || !strings.HasPrefix(f.approvals[0], want) || !strings.Contains(f.approvals[1], "|Trần Văn Bình|pho|pho-hieu-truong|") {
		t.Errorf("approvals %q", f.approvals)
	}
	if !strings.Contains(logs.String(), `msg="web: refused: role does not allow it"`) {
		t.Errorf("refusals not logged")
	}
}

// TestNoAccountsNoReview: on a loopback page without accounts everything
// works as before but approval and return, and the page says how to
// create the first account.
func TestNoAccountsNoReview(t *testing.T) {
	f := newFake()
	set := Settings{}
	withAccounts(t, &set)
	set.Accounts = accounts.Open(filepath.Join(t.TempDir(), accounts.FileName)) // none yet
	s, _ := testServer(t, set, f)
	c := newClient(t, s.Handler())
	_, home := c.get("/")
	wantIn(t, home, `id="tao-tai-khoan"`, "baocao user add hieutruong")
	_, body := c.get("/bao-cao/quarterly/2024-Q1/v1")
	wantIn(t, body, "cần tài khoản của người duyệt", "baocao user add hieutruong")
	token := c.csrf("/chay")
	r, body := c.post("/bao-cao/quarterly/2024-Q1/v1/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}})
	wantStatus(t, r, body, 403)
	r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 303)
	if len(f.approvals) != 0 {
		t.Errorf("approved without an account: %q", f.approvals)
	}
	if err := (Settings{Listen: "0.0.0.0:8080"}).Check(); err == nil || !strings.Contains(err.Error(), "baocao user add") {
		t.Errorf("a page beyond loopback without accounts: %v", err)
	}
}

// TestSessionsSurviveARestartAndEnd: a login is kept across a restart;
// logout ends it on the server, so the old cookie is refused even after
// another restart; idle and total time end it; a forged cookie is
// nobody; a CSRF token of one session is refused in another.
func TestSessionsSurviveARestartAndEnd(t *testing.T) {
	now := t0
	clock := func() time.Time { return now }
	set := Settings{}
	withAccounts(t, &set)
	set.Now = clock
	start := func() *Server {
		t.Helper()
		s, err := New(withLogger(set), newFake())
		if err != nil {
			t.Fatal(err)
		}
		s.set.Now = clock
		s.sessions.now = clock
		return s
	}
	s1 := start()
	c := newClient(t, s1.Handler())
	c.login("hieutruong")
	ck := c.cookie()
	if fi, err := os.Stat(set.SessionFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("sessions file: %v %v", fi, err)
	}
	b, _ := os.ReadFile(set.SessionFile)
	if strings.Contains(string(b), ck.Value) || strings.Contains(string(b), testPassword) {
		t.Fatal("the sessions file holds the cookie or the password")
	}
	// Restart: the same cookie is still logged in.
	s2 := start()
	c2 := newClient(t, s2.Handler())
	get := func(c *client, ck *http.Cookie) (*http.Response, string) {
		req, _ := http.NewRequest("GET", c.base+"/bao-cao/quarterly/2024-Q1/v1", nil)
		req.AddCookie(ck)
		r, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Body.Close()
		var buf bytes.Buffer
		buf.ReadFrom(r.Body)
		return r, buf.String()
	}
	r, body := get(c2, ck)
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Nguyễn Thị Hồng Vân (hiệu trưởng)", `id="form-duyet"`)
	// A forged cookie, and one off by a character, are nobody.
	flipped := "A"
	if strings.HasSuffix(ck.Value, "A") {
		flipped = "B"
	}
	for _, v := range []string{newID(), ck.Value[:len(ck.Value)-1] + flipped, ""} {
		r, _ := get(c2, &http.Cookie{Name: cookieName, Value: v})
		if r.StatusCode != 303 {
			t.Errorf("forged cookie %q: %d", v, r.StatusCode)
		}
	}
	// CSRF across sessions: the clerk's token does not work in the
	// principal's session, nor the reverse.
	clerk := newClient(t, s2.Handler())
	clerk.login("van")
	clerkToken := clerk.csrf("/chay")
	c2.c.Jar.SetCookies(mustURL(c2.base), []*http.Cookie{{Name: cookieName, Value: ck.Value, Path: "/"}})
	r, body = c2.post("/bao-cao/quarterly/2024-Q1/v1/tra-lai", url.Values{"csrf": {clerkToken}, "reason": {"x"}})
	wantStatus(t, r, body, 403)
	wantIn(t, body, "thiếu mã bảo vệ")
	// Idle for 31 minutes: over.
	now = now.Add(31 * time.Minute)
	r, _ = get(c2, ck)
	if r.StatusCode != 303 {
		t.Errorf("after 31 idle minutes: %d", r.StatusCode)
	}
	now = now.Add(time.Minute)
	// Logout ends it on the server: the old cookie is refused, after a
	// restart too.
	c3 := newClient(t, s2.Handler())
	c3.login("hieutruong")
	old := c3.cookie()
	tok := c3.csrf("/")
	r, body = c3.post("/dang-xuat", url.Values{"csrf": {tok}})
	wantStatus(t, r, body, 303)
	if r, _ := get(c3, old); r.StatusCode != 303 {
		t.Errorf("the cookie of before logout works: %d", r.StatusCode)
	}
	s3 := start()
	if r, _ := get(newClient(t, s3.Handler()), old); r.StatusCode != 303 {
		t.Errorf("the cookie of before logout works after a restart: %d", r.StatusCode)
	}
	// 12 hours in all, even with requests every 20 minutes.
	c4 := newClient(t, s3.Handler())
	c4.login("hieutruong")
	k4 := c4.cookie()
	for i := 0; i < 12*3; i++ {
		now = now.Add(20 * time.Minute)
		r, _ := get(c4, k4)
		if r.StatusCode != 200 && now.Sub(t0) < 12*time.Hour {
			t.Fatalf("after %d requests: %d", i, r.StatusCode)
		}
	}
	now = now.Add(20 * time.Minute)
	if r, _ := get(c4, k4); r.StatusCode != 303 {
		t.Errorf("after 12 hours: %d", r.StatusCode)
	}
}

// TestAccountChangesReachOpenSessions: a role change applies to an open
// session at once; a lock, a password change or a removal ends it.
func TestAccountChangesReachOpenSessions(t *testing.T) {
	f := newFake()
	set := Settings{}
	store := withAccounts(t, &set)
	s, _ := testServer(t, set, f)
	c := newClient(t, s.Handler())
	c.login("hieutruong")
	const draft = "/bao-cao/quarterly/2024-Q1/v1"
	token := c.csrf(draft)
	// Demoted to clerk mid-session: the approval is refused.
	if err := store.Update("hieutruong", func(a *accounts.Account) { a.Role = accounts.Clerk }); err != nil {
		t.Fatal(err)
	}
	r, body := c.post(draft+"/duyet", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 403)
	if err := store.Update("hieutruong", func(a *accounts.Account) { a.Role = accounts.Principal }); err != nil {
		t.Fatal(err)
	}
	r, _ = c.get(draft)
	wantStatus(t, r, "", 200)
	// Locked: the old session is refused, the right password too.
	if err := store.SetLocked("hieutruong", true); err != nil {
		t.Fatal(err)
	}
	r, body = c.post(draft+"/duyet", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 401)
	if len(f.approvals) != 0 {
		t.Fatalf("a locked account approved: %q", f.approvals)
	}
	tok := c.csrf("/dang-nhap")
	r, body = c.post("/dang-nhap", url.Values{"csrf": {tok}, "name": {"hieutruong"}, "password": {testPassword}})
	wantStatus(t, r, body, 401)
	wantIn(t, body, "đang bị khoá")
	// Unlocked: the session of before the lock stays ended; a new login
	// works; a password change ends it.
	store.SetLocked("hieutruong", false)
	c.login("hieutruong")
	if err := store.SetPassword("hieutruong", "mật khẩu mới của cô Vân", "Trường"); err != nil {
		t.Fatal(err)
	}
	if r, _ := c.get(draft); r.StatusCode != 303 {
		t.Errorf("the session of before the password change: %d", r.StatusCode)
	}
}

// TestTenFailuresLockAndTellTheAdmin: the 10th wrong password locks the
// account, admin_email is told once, the right password is refused while
// locked; the password is never logged.
func TestTenFailuresLockAndTellTheAdmin(t *testing.T) {
	set := Settings{LoginDelay: time.Millisecond}
	withAccounts(t, &set)
	told := make(chan string, 4)
	set.Notify = func(subject, body string) error { told <- subject + "\n" + body; return nil }
	s, logs := testServer(t, set, newFake())
	c := newClient(t, s.Handler())
	token := c.csrf("/dang-nhap")
	for i := 1; i <= accounts.MaxFailures; i++ {
		r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"van"}, "password": {"đoán mò lần thứ " + string(rune('0'+i))}})
		wantStatus(t, r, body, 401)
		if i == accounts.MaxFailures {
			wantIn(t, body, "đang bị khoá")
		}
	}
	select {
	case msg := <-told:
		if !strings.Contains(msg, "Tài khoản van") || !strings.Contains(msg, "15 phút") {
			t.Errorf("the admin's message: %s", msg)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("admin_email not told")
	}
	r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"van"}, "password": {testPassword}})
	wantStatus(t, r, body, 401)
	wantIn(t, body, "đang bị khoá")
	if strings.Contains(logs.String(), testPassword) || strings.Contains(logs.String(), "đoán mò") {
		t.Error("a password is in the log")
	}
}

// withLogger sends set's log to a buffer nobody reads.
func withLogger(set Settings) Settings {
	set.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	set.Location = time.UTC
	if set.Listen == "" {
		set.Listen = "127.0.0.1:0"
	}
	return set
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
