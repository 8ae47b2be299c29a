package web

// Adversarial probes of the page's accounts, sessions and CSRF (issue
// 23): forged and replayed cookies, CSRF on every form, a session
// planted before login, role changes and removals mid-session, cookie
// attributes behind an https proxy, and what the log keeps of a failed
// login.

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
)

const probeDraft = "/bao-cao/quarterly/2024-Q1/v1"

// bare sends one request with exactly the cookie given (no jar, no
// redirects followed).
func bare(t *testing.T, method, url string, ck *http.Cookie, body io.Reader, ctype string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, body)
	if ck != nil {
		req.Header.Set("Cookie", cookieName+"="+ck.Value)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	r, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r, string(b)
}

// actions counts what reached the fake backend.
func (f *fakeBackend) actions() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.approvals) + len(f.rejects) + len(f.sends) + len(f.runs)
}

// TestProbeForgedCookies: a cookie off by one character, truncated,
// re-encoded, the hash the sessions file keeps, a visitor's id signed
// with another key or with its expiry moved, or a session of another
// server is nobody: the page sends it to the login form, and an approval
// posted with it (and the real session's CSRF token) reaches nothing.
func TestProbeForgedCookies(t *testing.T) {
	f := newFake()
	s, _, c := asAccount(t, Settings{}, f, "hieutruong")
	ck := c.cookie()
	token := c.csrf(probeDraft)
	if r, body := bare(t, "GET", c.base+probeDraft, ck, nil, ""); r.StatusCode != 200 {
		t.Fatalf("the real cookie: %d %s", r.StatusCode, body)
	}
	raw, err := base64.RawURLEncoding.DecodeString(ck.Value)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(v string, i int) string {
		b := []byte(v)
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		return string(b)
	}
	other := Settings{}
	withAccounts(t, &other)
	s2, _ := testServer(t, other, newFake())
	c2 := newClient(t, s2.Handler())
	c2.login("hieutruong")
	vis := s.sessions.newVisitor().ID
	dot := strings.LastIndexByte(vis, '.')
	parts := strings.Split(vis[:dot], ".")
	movedExpiry := parts[0] + "." + parts[1] + "." + "99999999999" + vis[dot:]
	forged := map[string]string{
		"last char changed":           flip(ck.Value, len(ck.Value)-1),
		"first char changed":          flip(ck.Value, 0),
		"truncated by one":            ck.Value[:len(ck.Value)-1],
		"half":                        ck.Value[:len(ck.Value)/2],
		"re-encoded, std padding":     base64.StdEncoding.EncodeToString(raw),
		"upper case":                  strings.ToUpper(ck.Value),
		"the file's hash":             idHash(ck.Value),
		"with a suffix":               ck.Value + "A",
		"another server's":            c2.cookie().Value,
		"visitor, expiry moved":       movedExpiry,
		"visitor of another key":      s2.sessions.newVisitor().ID,
		"visitor prefix on a kept id": visitorPrefix + ck.Value,
	}
	for what, v := range forged {
		if v == ck.Value {
			t.Fatalf("%s: not forged", what)
		}
		r, _ := bare(t, "GET", c.base+probeDraft, &http.Cookie{Value: v}, nil, "")
		if r.StatusCode != 303 || !strings.HasPrefix(r.Header.Get("Location"), "/dang-nhap") {
			t.Errorf("%s: GET answers %d (Location %q), want the login form", what, r.StatusCode, r.Header.Get("Location"))
		}
		form := url.Values{"csrf": {token}, "note": {"giả mạo"}}
		r, _ = bare(t, "POST", c.base+probeDraft+"/duyet", &http.Cookie{Value: v}, strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
		if r.StatusCode < 400 {
			t.Errorf("%s: approval answered %d", what, r.StatusCode)
		}
	}
	if n := f.actions(); n != 0 {
		t.Fatalf("a forged cookie reached the backend: %q", f.approvals)
	}
	// Another account's session with the principal's token: the token
	// is refused; with its own token, the role is.
	clerk := newClient(t, s.Handler())
	clerk.login("van")
	form := url.Values{"csrf": {token}}
	r, body := bare(t, "POST", c.base+probeDraft+"/duyet", clerk.cookie(), strings.NewReader(form.Encode()), "application/x-www-form-urlencoded")
	if r.StatusCode != 403 || !strings.Contains(body, "mã bảo vệ") {
		t.Errorf("the clerk's cookie with the principal's token: %d", r.StatusCode)
	}
	r, body = clerk.post(probeDraft+"/duyet", url.Values{"csrf": {clerk.csrf(probeDraft)}})
	wantStatus(t, r, body, 403)
	if n := f.actions(); n != 0 {
		t.Fatalf("the clerk approved: %q", f.approvals)
	}
	// The real cookie still works: the probes above were refused for
	// what they forged, not because nothing works.
	r, body = c.post(probeDraft+"/duyet", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 303)
}

// multipartForm is a signed-copy upload form with the fields given.
func multipartForm(fields map[string]string) (io.Reader, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("tep", "bao-cao-da-ky.pdf")
	fw.Write([]byte("%PDF-1.7 signed"))
	w.Close()
	return &buf, w.FormDataContentType()
}

// TestProbeCSRFOnEveryForm: every form the page posts — login, logout,
// run, send, resend, approve, return, the signed copy's upload — is
// refused (403, nothing done, still logged in) without the session's
// token: none, empty, another session's, another account's, the token
// of before login, the token in upper case, the token in the query
// string instead of the form.
func TestProbeCSRFOnEveryForm(t *testing.T) {
	f := newFake()
	s, _, c := asAccount(t, Settings{}, f, "hieutruong")
	token := c.csrf(probeDraft)
	other := newClient(t, s.Handler())
	other.login("hieutruong")
	clerk := newClient(t, s.Handler())
	clerk.login("van")
	visitor := newClient(t, s.Handler())
	before := visitor.csrf("/dang-nhap")
	bad := map[string]url.Values{
		"no token":                {},
		"empty token":             {"csrf": {""}},
		"another session's":       {"csrf": {other.csrf("/")}},
		"another account's":       {"csrf": {clerk.csrf("/")}},
		"a visitor's":             {"csrf": {before}},
		"upper case":              {"csrf": {strings.ToUpper(token)}},
		"two tokens, wrong first": {"csrf": {"00", token}},
	}
	forms := map[string]url.Values{
		"/dang-xuat":                        {},
		"/chay":                             {"report": {"monthly"}, "period": {"2024-03"}},
		"/bao-cao/monthly/2024-03/v1/gui":   {},
		"/bao-cao/monthly/2024-02/v1/gui":   {"confirm": {"0123"}},
		probeDraft + "/duyet":               {"note": {"x"}},
		probeDraft + "/tra-lai":             {"reason": {"x"}},
		"/bao-cao/monthly/2024-03/v1/ky-so": {},
		passwordPath:                        {"current": {testPassword}, "new": {"một mật khẩu mới rất dài"}, "again": {"một mật khẩu mới rất dài"}},
	}
	for path, fields := range forms {
		for what, tok := range bad {
			form := url.Values{}
			for k, v := range fields {
				form[k] = v
			}
			for k, v := range tok {
				form[k] = v
			}
			var r *http.Response
			var body string
			if strings.HasSuffix(path, "/ky-so") {
				m := map[string]string{}
				for k, v := range form {
					m[k] = v[0]
				}
				b, ct := multipartForm(m)
				req, _ := http.NewRequest("POST", c.base+path, b)
				req.Header.Set("Content-Type", ct)
				r, body = c.do(req)
			} else {
				r, body = c.post(path, form)
			}
			if r.StatusCode != 403 || !strings.Contains(body, "mã bảo vệ") {
				t.Errorf("POST %s with %s: %d, want 403 for the token", path, what, r.StatusCode)
			}
		}
		// The token in the query string is not the form's.
		r, _ := c.post(path+"?csrf="+token, fields)
		if r.StatusCode != 403 {
			t.Errorf("POST %s with the token in the query string: %d", path, r.StatusCode)
		}
	}
	if n := f.actions(); n != 0 {
		t.Fatalf("a form without its token reached the backend: %q %q %q %q", f.approvals, f.rejects, f.sends, f.runs)
	}
	if r, _ := c.get(probeDraft); r.StatusCode != 200 {
		t.Fatalf("logged out by a logout (or a password change) without its token: %d", r.StatusCode)
	}
	if a, err := s.set.Accounts.Get("hieutruong"); err != nil || !accounts.Verify(a.Hash, testPassword) {
		t.Fatalf("the password was changed by a form without its token: %v", err)
	}
	// The login form: no token, another visitor's, a logged-in
	// session's.
	fresh := newClient(t, s.Handler())
	for what, tok := range map[string][]string{"none": nil, "another visitor's": {before}, "a logged-in session's": {token}} {
		form := url.Values{"name": {"hieutruong"}, "password": {testPassword}}
		if tok != nil {
			form["csrf"] = tok
		}
		fresh.get("/dang-nhap")
		r, _ := fresh.post("/dang-nhap", form)
		if r.StatusCode != 403 {
			t.Errorf("login with %s token: %d", what, r.StatusCode)
		}
		if r, _ := fresh.get("/"); r.StatusCode != 303 {
			t.Errorf("logged in by a login with %s token", what)
		}
	}
}

// TestProbeNoApprovalByGET: approval, return and sending are POSTs only:
// a GET or HEAD with the form in the query string, or another method,
// does nothing.
func TestProbeNoApprovalByGET(t *testing.T) {
	f := newFake()
	_, _, c := asAccount(t, Settings{}, f, "hieutruong")
	q := "?" + url.Values{"csrf": {c.csrf(probeDraft)}, "reason": {"x"}, "note": {"x"}}.Encode()
	for _, m := range []string{"GET", "HEAD", "PUT", "DELETE", "PATCH"} {
		for _, p := range []string{"/duyet", "/tra-lai"} {
			req, _ := http.NewRequest(m, c.base+probeDraft+p+q, nil)
			r, _ := c.do(req)
			if r.StatusCode < 400 {
				t.Errorf("%s %s: %d", m, p, r.StatusCode)
			}
		}
		req, _ := http.NewRequest(m, c.base+"/bao-cao/monthly/2024-03/v1/gui"+q, nil)
		if r, _ := c.do(req); r.StatusCode < 400 {
			t.Errorf("%s gui: %d", m, r.StatusCode)
		}
	}
	if n := f.actions(); n != 0 {
		t.Fatalf("an action by GET: %q %q %q", f.approvals, f.rejects, f.sends)
	}
}

// TestProbeSessionFixation: a session id planted in the browser before
// login — a visitor's the attacker fetched, or one made up — does not
// survive the login: the login sets a new one, and the planted one stays
// a visitor. After logout the sessions file no longer knows the session.
func TestProbeSessionFixation(t *testing.T) {
	set := Settings{}
	withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	attacker := newClient(t, s.Handler())
	attacker.get("/dang-nhap")
	for _, planted := range []string{attacker.cookie().Value, newID()} {
		victim := newClient(t, s.Handler())
		victim.c.Jar.SetCookies(mustURL(victim.base), []*http.Cookie{{Name: cookieName, Value: planted, Path: "/"}})
		victim.login("hieutruong")
		got := victim.cookie().Value
		if got == planted {
			t.Fatalf("the planted session id %q survived the login", planted)
		}
		if r, _ := bare(t, "GET", victim.base+probeDraft, &http.Cookie{Value: planted}, nil, ""); r.StatusCode != 303 {
			t.Errorf("the planted id is logged in after the victim's login: %d", r.StatusCode)
		}
		b, _ := os.ReadFile(set.SessionFile)
		if !strings.Contains(string(b), idHash(got)) || strings.Contains(string(b), got) {
			t.Fatalf("the sessions file should keep the session's hash, not its id")
		}
		r, body := victim.post("/dang-xuat", url.Values{"csrf": {victim.csrf("/")}})
		wantStatus(t, r, body, 303)
		b, _ = os.ReadFile(set.SessionFile)
		if strings.Contains(string(b), idHash(got)) {
			t.Errorf("the sessions file keeps the session after logout")
		}
		if r, _ := bare(t, "GET", victim.base+probeDraft, &http.Cookie{Value: got}, nil, ""); r.StatusCode != 303 {
			t.Errorf("the cookie of before logout: %d", r.StatusCode)
		}
	}
}

// TestProbeRemovedAccountStaysOut: a session of an account that was
// removed does not come back when an account of the same name is made
// again (for someone else, or the same person), whatever its password.
func TestProbeRemovedAccountStaysOut(t *testing.T) {
	f := newFake()
	set := Settings{}
	store := withAccounts(t, &set)
	s, _ := testServer(t, set, f)
	c := newClient(t, s.Handler())
	c.login("pho")
	old := c.cookie()
	if err := store.Remove("pho"); err != nil {
		t.Fatal(err)
	}
	// Made again at once, as `user remove` then `user add` in a script
	// does: a new person, now the head.
	err := store.Add(accounts.Account{Name: "pho", FullName: "Võ Thị Mới", Email: "moi@mn2010.edu.vn", Role: accounts.Principal}, testPassword, "Trường Mầm non 20/10")
	if err != nil {
		t.Fatal(err)
	}
	if r, body := bare(t, "GET", c.base+probeDraft, old, nil, ""); r.StatusCode != 303 {
		t.Fatalf("the removed account's session works for the new account: %d\n%s", r.StatusCode, body)
	}
	r, body := c.post(probeDraft+"/duyet", url.Values{"csrf": {s.sessions.csrf(old.Value)}})
	if r.StatusCode < 400 || len(f.approvals) != 0 {
		t.Fatalf("the removed account's session approved as the new one: %d %q\n%s", r.StatusCode, f.approvals, body)
	}
	// The new account's own login works.
	c2 := newClient(t, s.Handler())
	c2.login("pho")
	r, body = c2.get(probeDraft)
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Võ Thị Mới (hiệu trưởng)")
}

// TestProbeRoleChangeMidSession: a role changed under an open session
// applies at once to what it may do and to the name its actions are
// recorded under: a head demoted to clerk approves nothing and her
// sending is recorded as the clerk's; demoted to viewer she sends
// nothing.
func TestProbeRoleChangeMidSession(t *testing.T) {
	f := newFake()
	set := Settings{}
	store := withAccounts(t, &set)
	s, _ := testServer(t, set, f)
	c := newClient(t, s.Handler())
	c.login("hieutruong")
	token := c.csrf(probeDraft)
	if err := store.Update("hieutruong", func(a *accounts.Account) { a.Role = accounts.Clerk }); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/duyet", "/tra-lai"} {
		r, body := c.post(probeDraft+p, url.Values{"csrf": {token}, "reason": {"x"}})
		wantStatus(t, r, body, 403)
	}
	r, body := c.get(probeDraft)
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Nguyễn Thị Hồng Vân (văn thư)")
	if strings.Contains(body, "(hiệu trưởng)") {
		t.Errorf("the page still names her the head")
	}
	r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 303)
	f.mu.Lock()
	sends := append([]string(nil), f.sends...)
	f.mu.Unlock()
	if len(sends) != 1 || !strings.HasPrefix(sends[0], "Nguyễn Thị Hồng Vân (văn thư)|") {
		t.Errorf("the sending is recorded under %q, want the role she has now", sends)
	}
	if err := store.Update("hieutruong", func(a *accounts.Account) { a.Role = accounts.Viewer }); err != nil {
		t.Fatal(err)
	}
	r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 403)
	r, body = c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"2024-03"}})
	wantStatus(t, r, body, 403)
	if len(f.approvals)+len(f.rejects)+len(f.runs) != 0 {
		t.Fatalf("done after the demotion: %q %q %q", f.approvals, f.rejects, f.runs)
	}
}

// TestProbeCookieAttributes: the session cookie is HttpOnly,
// SameSite=Strict, Path=/; Secure when the page is reached over https —
// directly, or through the https proxy [web] public_url names — and not
// when it is opened by its plain LAN address (a Secure cookie there would
// never come back, and nobody could log in).
func TestProbeCookieAttributes(t *testing.T) {
	set := Settings{Listen: "0.0.0.0:8080", PublicURL: "https://baocao.mn2010.edu.vn/"}
	withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	h := s.Handler()
	sessionCookie := func(rec *httptest.ResponseRecorder) *http.Cookie {
		for _, k := range rec.Result().Cookies() {
			if k.Name == cookieName {
				return k
			}
		}
		return nil
	}
	login := func(host, proto string) (*http.Cookie, *http.Cookie) {
		r := httptest.NewRequest("GET", "/dang-nhap", nil)
		r.Host, r.RemoteAddr = host, "192.168.1.20:5000"
		if proto != "" {
			r.Header.Set("X-Forwarded-Proto", proto)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		visitor := sessionCookie(rec)
		m := csrfRe.FindStringSubmatch(rec.Body.String())
		if visitor == nil || m == nil {
			t.Fatalf("%s: no visitor cookie or token: %d", host, rec.Code)
		}
		form := url.Values{"csrf": {m[1]}, "name": {"hieutruong"}, "password": {testPassword}}
		r = httptest.NewRequest("POST", "/dang-nhap", strings.NewReader(form.Encode()))
		r.Host, r.RemoteAddr = host, "192.168.1.20:5000"
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Cookie", cookieName+"="+visitor.Value)
		if proto != "" {
			r.Header.Set("X-Forwarded-Proto", proto)
		}
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != 303 {
			t.Fatalf("%s: login %d: %s", host, rec.Code, rec.Body)
		}
		return visitor, sessionCookie(rec)
	}
	for _, tt := range []struct {
		host, proto string
		secure      bool
	}{
		{"baocao.mn2010.edu.vn", "", true},
		{"baocao.mn2010.edu.vn:443", "https", true},
		{"192.168.1.5:8080", "", false},
	} {
		visitor, se := login(tt.host, tt.proto)
		for _, k := range []*http.Cookie{visitor, se} {
			if k == nil || !k.HttpOnly || k.SameSite != http.SameSiteStrictMode || k.Path != "/" || k.Secure != tt.secure {
				t.Errorf("%s: cookie %+v, want HttpOnly, SameSite=Strict, Path=/, Secure=%v", tt.host, k, tt.secure)
			}
		}
	}
}

// TestProbeFailedLoginLogsNoPassword: a password typed into the name box
// is not written to the log by the failed login; a failure on a real
// account names the account.
func TestProbeFailedLoginLogsNoPassword(t *testing.T) {
	set := Settings{LoginDelay: 1}
	withAccounts(t, &set)
	s, logs := testServer(t, set, newFake())
	c := newClient(t, s.Handler())
	token := c.csrf("/dang-nhap")
	r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {testPassword}, "password": {testPassword}})
	wantStatus(t, r, body, 401)
	r, body = c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"van"}, "password": {"mật khẩu sai rồi"}})
	wantStatus(t, r, body, 401)
	if strings.Contains(logs.String(), testPassword) || strings.Contains(logs.String(), "hoa sen") || strings.Contains(logs.String(), "sai rồi") {
		t.Errorf("a password is in the log:\n%s", logs)
	}
	if !strings.Contains(logs.String(), `msg="web: login failed" account=van`) {
		t.Errorf("the failure on a real account does not name it:\n%s", logs)
	}
}

// TestProbeLockEndsOpenSessions: the failure that locks an account ends
// its open sessions too, and they stay ended once the lock is over.
func TestProbeLockEndsOpenSessions(t *testing.T) {
	set := Settings{LoginDelay: 1}
	store := withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	owner := newClient(t, s.Handler())
	owner.login("van")
	ck := owner.cookie()
	guesser := newClient(t, s.Handler())
	token := guesser.csrf("/dang-nhap")
	for i := 0; i < accounts.MaxFailures; i++ {
		r, body := guesser.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"van"}, "password": {"đoán " + strings.Repeat("x", i)}})
		wantStatus(t, r, body, 401)
	}
	if r, _ := bare(t, "GET", owner.base+"/", ck, nil, ""); r.StatusCode != 303 {
		t.Errorf("the locked account's session still works: %d", r.StatusCode)
	}
	if err := store.SetLocked("van", false); err != nil {
		t.Fatal(err)
	}
	if r, _ := bare(t, "GET", owner.base+"/", ck, nil, ""); r.StatusCode != 303 {
		t.Errorf("the session of before the lock works after the unlock: %d", r.StatusCode)
	}
}

// TestProbeNoOpenRedirectAfterLogin: the address the login returns to
// (tiep) is a path of this page only. A browser drops tabs and line ends
// inside a URL and reads a backslash as a slash, so "/<tab>/elsewhere"
// would send the person just logged in to another site (a copy of the
// login page asking for the password again).
func TestProbeNoOpenRedirectAfterLogin(t *testing.T) {
	set := Settings{}
	withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	for _, next := range []string{"/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\\evil.example", "//evil.example",
		"https://evil.example/", "/\x00/evil.example", "/\x0b/evil.example", "/ /evil.example", "/\u00a0/evil.example"} {
		c := newClient(t, s.Handler())
		_, body := c.get("/dang-nhap?tiep=" + url.QueryEscape(next))
		if strings.Contains(body, "evil.example") {
			t.Errorf("the login form keeps tiep %q", next)
		}
		token := c.csrf("/dang-nhap")
		r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"hieutruong"}, "password": {testPassword}, "tiep": {next}})
		wantStatus(t, r, body, 303)
		loc := r.Header.Get("Location")
		// What a browser makes of it: tabs and line ends dropped, a
		// backslash read as a slash.
		seen := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(loc)
		if u, err := url.Parse(seen); err != nil || u.Host != "" || strings.HasPrefix(seen, "//") || strings.Contains(loc, "evil.example") {
			t.Errorf("tiep %q: redirected to %q", next, loc)
		}
	}
	// A path of the page is kept.
	c := newClient(t, s.Handler())
	token := c.csrf("/dang-nhap")
	r, _ := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"hieutruong"}, "password": {testPassword}, "tiep": {probeDraft}})
	if r.Header.Get("Location") != probeDraft {
		t.Errorf("a path of the page: redirected to %q", r.Header.Get("Location"))
	}
}

// TestProbeLoginDelayPerAccountAndPerAddress: guesses at one account
// from a new address each time, and guesses from one address at a new
// account each time, both wait the growing delay (1, 2, 4, 8 × the
// base): neither changing address nor changing name starts it over.
func TestProbeLoginDelayPerAccountAndPerAddress(t *testing.T) {
	const base = 40 * time.Millisecond
	set := Settings{LoginDelay: base}
	withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	h := s.Handler()
	attempt := func(addr, name string) int {
		r := httptest.NewRequest("GET", "/dang-nhap", nil)
		r.Host, r.RemoteAddr = "127.0.0.1:8080", addr+":5000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		m := csrfRe.FindStringSubmatch(rec.Body.String())
		var visitor string
		for _, k := range rec.Result().Cookies() {
			visitor = k.Value
		}
		if m == nil || visitor == "" {
			t.Fatalf("no login form: %d", rec.Code)
		}
		form := url.Values{"csrf": {m[1]}, "name": {name}, "password": {"đoán mò mật khẩu"}}
		r = httptest.NewRequest("POST", "/dang-nhap", strings.NewReader(form.Encode()))
		r.Host, r.RemoteAddr = "127.0.0.1:8080", addr+":5000"
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Cookie", cookieName+"="+visitor)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Code
	}
	for _, tt := range []struct {
		what        string
		addr, names func(i int) string
	}{
		{"one account from four addresses", func(i int) string { return fmt.Sprintf("127.0.1.%d", i+1) }, func(int) string { return "van" }},
		{"four names from one address", func(int) string { return "127.0.2.1" }, func(i int) string { return fmt.Sprintf("khong-co-%d", i) }},
	} {
		start := time.Now()
		for i := range 4 {
			if code := attempt(tt.addr(i), tt.names(i)); code != 401 {
				t.Fatalf("%s: attempt %d answered %d", tt.what, i+1, code)
			}
		}
		if took, least := time.Since(start), 15*base; took < least {
			t.Errorf("%s: 4 wrong attempts took %v, want at least %v (1+2+4+8 delays)", tt.what, took, least)
		}
	}
}

// brokenArchive is the fake with an archive that cannot be read: the
// error carries the server's paths and the system's English.
type brokenArchive struct{ *fakeBackend }

const brokenDetail = "web: /srv/baocao/archive/monthly/2024-03/v1/manifest.json: open: input/output error"

func (brokenArchive) Version(context.Context, string, string, int) (*VersionDetail, error) {
	return nil, errors.New(brokenDetail)
}

// TestProbeErrorPagesKeepInternals: an error the page does not know (no
// class: a bug or the machine) is a Vietnamese 500 page that names no
// path of the server and no system message; the log has the detail.
func TestProbeErrorPagesKeepInternals(t *testing.T) {
	set := Settings{}
	withAccounts(t, &set)
	s, logs := testServer(t, set, brokenArchive{newFake()})
	c := newClient(t, s.Handler())
	c.login("xem")
	r, body := c.get(probeDraft)
	wantStatus(t, r, body, 500)
	for _, inside := range []string{"/srv/baocao", "input/output error", "manifest.json", "web:"} {
		if strings.Contains(body, inside) {
			t.Errorf("the error page shows %q", inside)
		}
	}
	wantIn(t, body, "nhật ký")
	if !strings.Contains(logs.String(), "input/output error") {
		t.Errorf("the detail is not in the log:\n%s", logs)
	}
}

// TestProbeOperatorsOnly: the signed copy's upload and the resend's
// confirmation page are the clerk's (and the head's) work: a viewer and a
// deputy get 403 with their own valid token, and nothing is sent.
func TestProbeOperatorsOnly(t *testing.T) {
	f := newFake()
	set := Settings{}
	withAccounts(t, &set)
	s, _ := testServer(t, set, f)
	for _, name := range []string{"xem", "pho"} {
		c := newClient(t, s.Handler())
		c.login(name)
		token := c.csrf("/")
		b, ct := multipartForm(map[string]string{"csrf": token})
		req, _ := http.NewRequest("POST", c.base+"/bao-cao/monthly/2024-03/v1/ky-so", b)
		req.Header.Set("Content-Type", ct)
		r, body := c.do(req)
		wantStatus(t, r, body, 403)
		r, body = c.get("/bao-cao/monthly/2024-02/v1/gui-lai")
		wantStatus(t, r, body, 403)
		if strings.Contains(body, `name="confirm"`) {
			t.Errorf("%s got a resend confirmation token", name)
		}
		r, body = c.post("/bao-cao/monthly/2024-02/v1/gui", url.Values{"csrf": {token}, "confirm": {"00"}})
		wantStatus(t, r, body, 403)
	}
	if n := f.actions(); n != 0 {
		t.Fatalf("done by a role that may not: %q", f.sends)
	}
}

// TestProbeLockReadsThePageClock: the 15 minutes of a lock are counted
// on the page's clock (Settings.Now), like the sessions' and the
// delays': locked after ten failures, still locked 14 minutes later,
// open after 16.
func TestProbeLockReadsThePageClock(t *testing.T) {
	clk := &clock{t: t0}
	set := Settings{LoginDelay: 1, Now: clk.now}
	withAccounts(t, &set)
	s, err := New(withLogger(set), newFake())
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, s.Handler())
	token := c.csrf("/dang-nhap")
	try := func(pw string) (int, string) {
		r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"van"}, "password": {pw}})
		return r.StatusCode, body
	}
	for i := 0; i < accounts.MaxFailures; i++ {
		if code, _ := try("đoán " + strings.Repeat("x", i)); code != 401 {
			t.Fatalf("failure %d: %d", i+1, code)
		}
	}
	clk.add(14 * time.Minute)
	if code, body := try(testPassword); code != 401 || !strings.Contains(body, "khoá") {
		t.Fatalf("14 minutes into the lock: %d", code)
	}
	clk.add(2 * time.Minute)
	if code, body := try(testPassword); code != 303 {
		t.Fatalf("16 minutes after the lock, the right password: %d\n%s", code, body)
	}
}

// TestProbeSessionsFileMadePrivate: a sessions file left readable by
// others (copied by hand, an old version) is made 0600 when the page
// starts; a file that cannot be read logs everyone out rather than
// taking what it says.
func TestProbeSessionsFileMadePrivate(t *testing.T) {
	set := Settings{}
	withAccounts(t, &set)
	if err := os.WriteFile(set.SessionFile, []byte(`{"key":"`+base64.StdEncoding.EncodeToString(make([]byte, 32))+`","sessions":[]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(set.SessionFile, 0o644)
	if _, err := New(withLogger(set), newFake()); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(set.SessionFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("sessions file mode %v %v", fi.Mode(), err)
	}
	// Garbage: a new key, no session.
	os.WriteFile(set.SessionFile, []byte("{not json"), 0o600)
	s, err := New(withLogger(set), newFake())
	if err != nil {
		t.Fatal(err)
	}
	if len(s.sessions.m) != 0 {
		t.Errorf("sessions taken from an unreadable file")
	}
}
