package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testServer serves a fake backend; logs go to the returned buffer.
func testServer(t *testing.T, set Settings, b Backend) (*Server, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	if set.Listen == "" {
		set.Listen = "127.0.0.1:0"
	}
	set.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	set.Location = time.UTC
	set.Now = func() time.Time { return t0 }
	s, err := New(set, b)
	if err != nil {
		t.Fatal(err)
	}
	return s, &logs
}

// client is a browser: it keeps cookies and does not follow redirects.
type client struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newClient(t *testing.T, h http.Handler) *client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	r, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf opens page and returns the token its forms carry.
func (c *client) csrf(page string) string {
	c.t.Helper()
	_, body := c.get(page)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatalf("%s has no CSRF token: %s", page, body)
	}
	return m[1]
}

var confirmRe = regexp.MustCompile(`name="confirm" value="([0-9a-f]+)"`)

// confirmToken is the single-use token of a confirmation page.
func confirmToken(c *client, page string) string {
	c.t.Helper()
	_, body := c.get(page)
	m := confirmRe.FindStringSubmatch(body)
	if m == nil {
		c.t.Fatalf("%s has no confirmation token: %s", page, body)
	}
	return m[1]
}

func wantStatus(t *testing.T, r *http.Response, body string, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d: %s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, body)
	}
}

func wantIn(t *testing.T, body string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(body, p) {
			t.Errorf("page lacks %q", p)
		}
	}
}

func TestPages(t *testing.T) {
	_, _, c := asAccount(t, Settings{}, newFake(), "hieutruong")
	tests := []struct {
		name, path string
		want       []string
	}{
		{"overview: problems first, state, deadline, next run", "/", []string{"Tổng quan", "Báo cáo quý", "chờ duyệt", "Bản dự thảo đã quá hạn nộp mà chưa được duyệt.",
			"Báo cáo tháng", "2024-03", "chưa gửi", "Hạn nộp: 21/03/2024", "16/04/2024 07:00", "cho kỳ tháng 4 năm 2024", "Đạt 8/10", "1 cảnh báo"}},
		{"data check: by file, sheet, row, column, value, what to do; sources", "/kiem-tra", []string{"ho-so-tthc.xlsx", "Sheet1", `data-nhan="Dòng">12</td>`,
			"Ngày hẹn trả", "31/02/2024", "ngày không có thật: sửa lại", "examples/<wbr>data/<wbr>ho-so-tthc.xlsx", "2,0 KB", `data-nhan="Số dòng">40</td>`}},
		{"data check for a period", "/kiem-tra?ky=2024-03", []string{`value="2024-03"`}},
		{"version: PDF inline, indicators, breakdown, warnings, downloads, send", "/bao-cao/monthly/2024-03/v1", []string{"Báo cáo tháng 3 năm 2024, phiên bản 1",
			`<object class="pdf" data="/bao-cao/monthly/2024-03/v1/tep/bao-cao.pdf"`, "3.1", "97,50%", "Không đạt", "Xử lý đơn", "98,00%",
			"31/02/2024", "/tep/bao-cao.xlsx?tai=1", "/tep/manifest.json?tai=1", `action="/bao-cao/monthly/2024-03/v1/gui"`, "phongnoivu.q1@tphcm.gov.vn", "Chưa gửi lần nào."}},
		{"version sent: history and resend", "/bao-cao/monthly/2024-02/v1", []string{"&lt;m1@x&gt;", "đã gửi", "/gui-lai"}},
		{"resend asks, naming when and to whom", "/bao-cao/monthly/2024-02/v1/gui-lai", []string{"đã được gửi lúc <b>16/02/2024 07:00</b>",
			"<b>phongnoivu.q1@tphcm.gov.vn</b>", `name="confirm" value="`, "Xác nhận gửi lại",
			"<title>Gửi lại Báo cáo tháng 2 năm 2024, phiên bản 1 · baocao</title>", "Bản Báo cáo tháng 2 năm 2024, phiên bản 1 đã được gửi"}},
		{"run now: default the latest ended period", "/chay?bao-cao=quarterly", []string{`<option value="quarterly" selected>`, "kỳ vừa kết thúc: 2024-Q1", `id="period" value=""`}},
		{"run now: a period asked for", "/chay?bao-cao=monthly&ky=2024-02", []string{`id="period" value="2024-02"`}},
		{"draft: approve and return forms, no send", "/bao-cao/quarterly/2024-Q1/v1", []string{"chờ duyệt", `action="/bao-cao/quarterly/2024-Q1/v1/duyet"`,
			`name="number"`, `name="date"`, `name="note"`, `action="/bao-cao/quarterly/2024-Q1/v1/tra-lai"`, `name="reason"`,
			`Người duyệt: <strong>Nguyễn Thị Hồng Vân (hiệu trưởng)</strong>`, `placeholder="ví dụ 29/11/2026"`, "đang chờ Nguyễn Thị Hồng Vân duyệt",
			"Lịch sử duyệt và gửi", "lập bản dự thảo (chờ duyệt)", "thư mời duyệt gửi đến hieutruong.mn2010@hcm.edu.vn"}},
		{"history: all", "/lich-su", []string{"4 phiên bản.", "2023-Q4", "2024-02", "2024-03"}},
		{"history: by report", "/lich-su?bao-cao=quarterly", []string{"2 phiên bản.", "<td>Báo cáo quý</td><td>2023-Q4 <small class=\"muted\">quý IV năm 2023</small></td>", "2024-Q1"}},
		{"history: by year", "/lich-su?nam=2024", []string{"3 phiên bản.", `<option value="2024" selected>`}},
		{"assets", "/tai-nguyen/style.css", []string{"font"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, body := c.get(tt.path)
			wantStatus(t, r, body, 200)
			wantIn(t, body, tt.want...)
			if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") {
				t.Errorf("CSP %q", csp)
			}
		})
	}
	// each version offers only the actions the backend says apply
	_, body := c.get("/bao-cao/monthly/2024-02/v1")
	if strings.Contains(body, `id="gui"`) || strings.Contains(body, "/duyet") {
		t.Error("a sent version offers a plain send or approval")
	}
	_, body = c.get("/bao-cao/monthly/2024-03/v1")
	if strings.Contains(body, "/gui-lai") || strings.Contains(body, "/duyet") || strings.Contains(body, "/tra-lai") {
		t.Error("an unsent version offers resend, approve or return")
	}
	_, body = c.get("/bao-cao/quarterly/2024-Q1/v1")
	if strings.Contains(body, `id="gui"`) || strings.Contains(body, "/gui-lai") {
		t.Error("a draft offers sending")
	}
	_, body = c.get("/lich-su?bao-cao=quarterly")
	if strings.Contains(body, "2024-03") {
		t.Error("the report filter lets other reports through")
	}
	// the overview lists the failed quarterly report before the monthly one
	_, body = c.get("/")
	if strings.Index(body, "Báo cáo quý") > strings.Index(body, "Báo cáo tháng") {
		t.Error("problems are not first")
	}
}

func TestRefusals(t *testing.T) {
	s, logs, c := asAccount(t, Settings{}, newFake(), "hieutruong")
	token := c.csrf("/chay")
	tests := []struct {
		name, method, path string
		form               url.Values
		status             int
		want               string
	}{
		{"send without CSRF token", "POST", "/bao-cao/monthly/2024-03/v1/gui", url.Values{}, 403, "thiếu mã bảo vệ"},
		{"send with a wrong token", "POST", "/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {strings.Repeat("0", 64)}}, 403, "thiếu mã bảo vệ"},
		{"run without CSRF token", "POST", "/chay", url.Values{"report": {"monthly"}}, 403, "thiếu mã bảo vệ"},
		{"approve without CSRF token", "POST", "/bao-cao/monthly/2024-03/v1/duyet", url.Values{"name": {"A"}}, 403, "thiếu mã bảo vệ"},
		{"resend of a sent version without confirmation", "POST", "/bao-cao/monthly/2024-02/v1/gui", url.Values{"csrf": {token}}, 409, "phải xác nhận"},
		{"approve: not a draft", "POST", "/bao-cao/monthly/2024-03/v1/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}, "number": {"15"}}, 409, "không phải bản dự thảo đang chờ duyệt"},
		{"approve: a date that does not exist", "POST", "/bao-cao/quarterly/2024-Q1/v1/duyet", url.Values{"csrf": {token}, "name": {"A"}, "date": {"31/02/2024"}}, 400, "Ngày “31/02/2024” không hợp lệ"},
		{"approve: number zero", "POST", "/bao-cao/quarterly/2024-Q1/v1/duyet", url.Values{"csrf": {token}, "name": {"A"}, "number": {"0"}}, 400, "Số văn bản"},
		{"approve: bad number", "POST", "/bao-cao/monthly/2024-03/v1/duyet", url.Values{"csrf": {token}, "name": {"A"}, "number": {"abc"}}, 400, "Số văn bản"},
		{"approve: bad date", "POST", "/bao-cao/monthly/2024-03/v1/duyet", url.Values{"csrf": {token}, "name": {"A"}, "date": {"2024-03-05"}}, 400, "NN/TT/NNNN"},
		{"approve: a typed name is not who approves", "POST", "/bao-cao/monthly/2024-03/v1/duyet", url.Values{"csrf": {token}, "name": {"Lê Thị Mai"}}, 409, "không phải bản dự thảo"},
		{"reject: not a draft", "POST", "/bao-cao/monthly/2024-03/v1/tra-lai", url.Values{"csrf": {token}, "reason": {"Sai số liệu"}}, 409, "không phải bản dự thảo đang chờ duyệt"},
		{"reject without CSRF token", "POST", "/bao-cao/quarterly/2024-Q1/v1/tra-lai", url.Values{"reason": {"Sai"}}, 403, "thiếu mã bảo vệ"},
		{"reject: no reason", "POST", "/bao-cao/monthly/2024-03/v1/tra-lai", url.Values{"csrf": {token}}, 400, "Thiếu lý do"},
		{"run: unknown report", "POST", "/chay", url.Values{"csrf": {token}, "report": {"weekly"}}, 400, "Không có báo cáo"},
		{"run: bad period", "POST", "/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"03/2024"}}, 400, "không đúng dạng"},
		{"run: a period of another kind", "POST", "/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"2024-Q1"}}, 400,
			"Báo cáo tháng là báo cáo theo tháng, nên không chạy cho kỳ “2024-Q1” (quý I năm 2024).</p>\n<p>Viết kỳ dạng NNNN-TT, ví dụ 2024-03 (tháng 3 năm 2024)"},
		{"run: a monthly period for a quarterly report", "POST", "/chay", url.Values{"csrf": {token}, "report": {"quarterly"}, "period": {"2024-03"}}, 400,
			"Báo cáo quý là báo cáo theo quý"},
		{"unknown version", "GET", "/bao-cao/monthly/2024-03/v9", nil, 404, "Không tìm thấy"},
		{"version without v", "GET", "/bao-cao/monthly/2024-03/1", nil, 404, "Không có phiên bản này"},
		{"version with a leading zero", "GET", "/bao-cao/monthly/2024-03/v01", nil, 404, "Không có phiên bản này"},
		{"version with a sign", "GET", "/bao-cao/monthly/2024-03/v+1", nil, 404, "Không có phiên bản này"},
		{"send to a version with a leading zero", "POST", "/bao-cao/monthly/2024-03/v01/gui", url.Values{"csrf": {token}}, 404, "Không có phiên bản này"},
		{"bad period in a version URL", "GET", "/bao-cao/monthly/..%2f..%2fetc/v1", nil, 404, "Không có trang này"},
		{"file the manifest does not list", "GET", "/bao-cao/monthly/2024-03/v1/tep/delivery.json", nil, 404, "Không tìm thấy"},
		{"file with an escaped ..", "GET", "/bao-cao/monthly/2024-03/v1/tep/%2e%2e%2fconfig.toml", nil, 404, "Không có trang này"},
		{"resend of an unsent version", "GET", "/bao-cao/monthly/2024-03/v1/gui-lai", nil, 409, "chưa được gửi"},
		{"data check: bad period", "GET", "/kiem-tra?ky=tháng3", nil, 400, "không đúng dạng"},
		{"history: bad year", "GET", "/lich-su?nam=abc", nil, 400, "không hợp lệ"},
		{"history: unknown report", "GET", "/lich-su?bao-cao=weekly", nil, 404, "Không có báo cáo"},
		{"unknown job", "GET", "/chay/abc", nil, 404, "Không có lần chạy này"},
		{"unknown page", "GET", "/quan-tri", nil, 404, "Không có trang này"},
		{"wrong method", "DELETE", "/bao-cao/monthly/2024-03/v1", nil, 405, "không nhận yêu cầu kiểu DELETE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.form != nil {
				body = strings.NewReader(tt.form.Encode())
			}
			req, _ := http.NewRequest(tt.method, c.base+tt.path, body)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r, got := c.do(req)
			wantStatus(t, r, got, tt.status)
			wantIn(t, got, tt.want)
			if strings.Contains(got, "goroutine") || strings.Contains(got, ".go:") {
				t.Errorf("page shows internals: %s", got)
			}
		})
	}
	if !strings.Contains(logs.String(), "no or wrong CSRF token") {
		t.Error("refused POSTs are not logged")
	}
	if f := s.backend.(*fakeBackend); len(f.runs) != 0 || len(f.sends) != 0 {
		t.Errorf("refused requests started runs %v or sends %v", f.runs, f.sends)
	}
}

// TestDotDot sends paths with ".." as a client that does not clean them
// would: each is a 404 page, never a redirect, never a file.
func TestDotDot(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	for _, p := range []string{"/tai-nguyen/../../../etc/passwd", "/bao-cao/monthly/2024-03/v1/tep/../../../../config.example.toml",
		"/bao-cao/monthly/2024-03/v1/tep/..", "/tai-nguyen/%2e%2e/server.go", "/..", "/bao-cao/monthly/2024-03/v1/tep/a%5c..%5cb"} {
		t.Run(p, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.Handler().ServeHTTP(w, httptest.NewRequest("GET", p, nil))
			if w.Code != 404 || !strings.Contains(w.Body.String(), "Không có trang này") {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
		})
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	c := newClient(t, s.Handler())
	token := c.csrf("/chay")
	req, _ := http.NewRequest("POST", c.base+"/bao-cao/monthly/2024-03/v1/gui", strings.NewReader("csrf="+token))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	r, body := c.do(req)
	wantStatus(t, r, body, 403)
	wantIn(t, body, "đến từ một trang khác")
}

func TestSendAndResend(t *testing.T) {
	f := newFake()
	s, logs := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	token := c.csrf("/bao-cao/monthly/2024-03/v1")
	r, body := c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != "/bao-cao/monthly/2024-03/v1?kq=da-gui" {
		t.Errorf("redirect to %q", loc)
	}
	r, body = c.post("/bao-cao/monthly/2024-02/v1/gui", url.Values{"csrf": {token}, "confirm": {"1"}})
	wantStatus(t, r, body, 409) // a confirmation not given by the page
	confirm := confirmToken(c, "/bao-cao/monthly/2024-02/v1/gui-lai")
	r, body = c.post("/bao-cao/monthly/2024-02/v1/gui", url.Values{"csrf": {token}, "confirm": {confirm}})
	wantStatus(t, r, body, 303)
	// A double click, or the same form posted again: one resend only.
	r, body = c.post("/bao-cao/monthly/2024-02/v1/gui", url.Values{"csrf": {token}, "confirm": {confirm}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "Lần xác nhận gửi lại này đã được dùng")
	want := []string{"người dùng trên máy này (127.0.0.1)|monthly 2024-03 v1|false", "người dùng trên máy này (127.0.0.1)|monthly 2024-02 v1|true"}
	if strings.Join(f.sends, "\n") != strings.Join(want, "\n") {
		t.Errorf("sends %q, want %q", f.sends, want)
	}
	_, body = c.get("/bao-cao/monthly/2024-03/v1?kq=da-gui")
	wantIn(t, body, "Đã gửi.")
	for _, l := range []string{`msg="web: send" who="người dùng trên máy này (127.0.0.1)" report=monthly period=2024-03 version=1 resend=false`,
		`resend=true`, `msg="web: sent"`} {
		if !strings.Contains(logs.String(), l) {
			t.Errorf("log lacks %s:\n%s", l, logs)
		}
	}
}

func TestRunShowsProgressThenTheVersion(t *testing.T) {
	f := newFake()
	f.runGate = make(chan struct{})
	s, logs := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	token := c.csrf("/chay")
	r, body := c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {""}})
	wantStatus(t, r, body, 303)
	job := r.Header.Get("Location")
	if !strings.HasPrefix(job, "/chay/") {
		t.Fatalf("redirect to %q", job)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		r, body = c.get(job) // the run goroutine may not have said anything yet
		if strings.Contains(body, "Đang đọc dữ liệu…") || time.Now().After(deadline) {
			break
		}
	}
	wantStatus(t, r, body, 200)
	wantIn(t, body, `<meta http-equiv="refresh" content="1">`, "Đang đọc dữ liệu…", "<h1>Đang chạy báo cáo tháng 3 năm 2024</h1>")
	close(f.runGate)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		r, body = c.get(job)
		if r.StatusCode == 303 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the run did not finish: %d %s", r.StatusCode, body)
		}
	}
	if loc := r.Header.Get("Location"); loc != "/bao-cao/monthly/2024-03/v2?kq=moi" {
		t.Errorf("redirect to %q", loc)
	}
	if len(f.runs) != 1 || f.runs[0] != "người dùng trên máy này (127.0.0.1)|monthly|2024-03" {
		t.Errorf("runs %q: the default period is the latest ended one", f.runs)
	}
	if !strings.Contains(logs.String(), `msg="web: run"`) || !strings.Contains(logs.String(), `msg="web: run done"`) {
		t.Errorf("run not logged:\n%s", logs)
	}
}

func TestLogin(t *testing.T) {
	const delay = 80 * time.Millisecond
	s, logs := testServer(t, Settings{Listen: "0.0.0.0:0", Password: "mật-khẩu-trang-web", LoginDelay: delay}, newFake())
	c := newClient(t, s.Handler())

	r, body := c.get("/")
	wantStatus(t, r, body, 303)
	if r.Header.Get("Location") != "/dang-nhap" {
		t.Fatalf("redirect to %q", r.Header.Get("Location"))
	}
	r, body = c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{})
	wantStatus(t, r, body, 401)
	token := c.csrf("/dang-nhap")

	t.Run("wrong password: 401 after a delay that grows", func(t *testing.T) {
		for i, least := range []time.Duration{delay, 2 * delay} {
			start := time.Now()
			r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"Lan"}, "password": {"sai"}})
			wantStatus(t, r, body, 401)
			wantIn(t, body, "Sai mật khẩu")
			if took := time.Since(start); took < least {
				t.Errorf("failure %d answered in %v, want at least %v", i+1, took, least)
			}
		}
		if !strings.Contains(logs.String(), `msg="web: login failed" name=Lan`) {
			t.Errorf("failed login not logged:\n%s", logs)
		}
	})
	t.Run("login without CSRF token: 403", func(t *testing.T) {
		r, body := c.post("/dang-nhap", url.Values{"name": {"Lan"}, "password": {"mật-khẩu-trang-web"}})
		wantStatus(t, r, body, 403)
	})
	t.Run("right password: a session cookie, HttpOnly, SameSite=Strict", func(t *testing.T) {
		r, body := c.post("/dang-nhap", url.Values{"csrf": {token}, "name": {"Lan"}, "password": {"mật-khẩu-trang-web"}})
		wantStatus(t, r, body, 303)
		var ck *http.Cookie
		for _, k := range r.Cookies() {
			if k.Name == cookieName {
				ck = k
			}
		}
		if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode {
			t.Fatalf("cookie %+v", ck)
		}
		r, body = c.get("/")
		wantStatus(t, r, body, 200)
		wantIn(t, body, "Lan", "Đăng xuất")
	})
	t.Run("the old token dies with the anonymous session", func(t *testing.T) {
		r, body := c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {token}})
		wantStatus(t, r, body, 403)
	})
	t.Run("no approval with the shared password: it needs an approver's account", func(t *testing.T) {
		_, body := c.get("/bao-cao/quarterly/2024-Q1/v1")
		wantIn(t, body, "cần tài khoản của người duyệt")
	})
	t.Run("actions carry the name", func(t *testing.T) {
		tok := c.csrf("/bao-cao/monthly/2024-03/v1")
		r, body := c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {tok}})
		wantStatus(t, r, body, 303)
		if !strings.Contains(logs.String(), `msg="web: send" who=Lan`) {
			t.Errorf("send not logged with who:\n%s", logs)
		}
		r, body = c.post("/dang-xuat", url.Values{"csrf": {tok}})
		wantStatus(t, r, body, 303)
		r, _ = c.get("/")
		if r.StatusCode != 303 {
			t.Errorf("after logout / answers %d", r.StatusCode)
		}
	})
}

func TestPanicGivesAVietnamesePage(t *testing.T) {
	f := newFake()
	f.panicky = true
	s, logs := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	r, body := c.get("/")
	wantStatus(t, r, body, 500)
	wantIn(t, body, "Đã có lỗi bên trong chương trình")
	if strings.Contains(body, "boom") || strings.Contains(body, "goroutine") {
		t.Errorf("page shows the panic: %s", body)
	}
	if !strings.Contains(logs.String(), "boom: internal detail") {
		t.Error("panic not logged")
	}
}

func TestSettingsCheck(t *testing.T) {
	tests := []struct {
		listen, password string
		ok               bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{":8080", "", false},
		{"0.0.0.0:8080", "", false},
		{"192.168.1.10:8080", "", false},
		{"192.168.1.10:8080", "mười-ký-tự", true},
		{"192.168.1.10:8080", "x", false},
		{"192.168.1.10:8080", "   ", false},
		{"192.168.1.10:8080", "  ngắn quá  ", false},
		{"127.0.0.1:8080", "   ", false},
		{"8080", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.listen+"/"+tt.password, func(t *testing.T) {
			err := Settings{Listen: tt.listen, Password: tt.password}.Check()
			if (err == nil) != tt.ok {
				t.Fatalf("Check: %v", err)
			}
			if err != nil && !errors.Is(err, ErrSettings) {
				t.Errorf("%v does not wrap ErrSettings", err)
			}
			if err != nil && tt.listen != "8080" && !strings.Contains(err.Error(), "password_env hoặc password_file") {
				t.Errorf("%v does not name the key", err)
			}
		})
	}
}

func TestOpenClose(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	if err := s.Open(t.Context()); err != nil {
		t.Fatal(err)
	}
	r, err := http.Get("http://" + s.Addr() + "/")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != 200 {
		t.Errorf("status %d", r.StatusCode)
	}
	if err := s.Close(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get("http://" + s.Addr() + "/"); err == nil {
		t.Error("still serving after Close")
	}
}

func TestRunThatFailsSaysWhy(t *testing.T) {
	f := newFake()
	f.runErr = fmt.Errorf("%w: kỳ \"2023-13\" không dùng được cho báo cáo tháng: viết kỳ như 2024-03", ErrBadInput)
	s, _ := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	token := c.csrf("/chay")
	r, body := c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"2024-02"}})
	wantStatus(t, r, body, 303)
	job := r.Header.Get("Location")
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		r, body = c.get(job)
		if strings.Contains(body, "Không tạo được báo cáo") || time.Now().After(deadline) {
			break
		}
	}
	wantStatus(t, r, body, 200)
	wantIn(t, body, "Không tạo được báo cáo.", "không dùng được cho báo cáo tháng: viết kỳ như 2024-03", "/kiem-tra")
	if strings.Contains(body, `http-equiv="refresh"`) || strings.Contains(body, "web: bad input") {
		t.Errorf("a finished, failed run: %s", body)
	}
}

func TestDownloads(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	c := newClient(t, s.Handler())
	r, body := c.get("/bao-cao/monthly/2024-03/v1/tep/bao-cao.pdf")
	wantStatus(t, r, body, 200)
	if body != "%PDF" || r.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.Header.Get("Content-Disposition"), "inline;") {
		t.Errorf("%q %v", body, r.Header)
	}
	r, body = c.get("/bao-cao/monthly/2024-03/v1/tep/bao-cao.xlsx?tai=1")
	wantStatus(t, r, body, 200)
	if cd := r.Header.Get("Content-Disposition"); cd != "attachment; filename*=utf-8''bao-cao.xlsx" {
		t.Errorf("disposition %q", cd)
	}
	r, body = c.get("/bao-cao/monthly/2024-03/v1/tep/manifest.json")
	wantStatus(t, r, body, 200)
}

func TestOverviewFailedDeliveryIsAProblem(t *testing.T) {
	f := newFake()
	f.versions = append(f.versions[:1], f.versions[2:]...) // no draft: the failed 2023-Q4 is the newest quarterly
	s, _ := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	r, body := c.get("/")
	wantStatus(t, r, body, 200)
	wantIn(t, body, "gửi lỗi", "Gửi lỗi: cần sửa rồi gửi lại.")
	if strings.Index(body, "Báo cáo quý") > strings.Index(body, "Báo cáo tháng") {
		t.Error("the failed report is not first")
	}
}

// TestSessionsAreBounded: visitors who do not log in (with or without a
// password on the page) leave nothing in memory; the logged-in sessions
// are capped, the oldest dropped first.
func TestSessionsAreBounded(t *testing.T) {
	for _, pw := range []string{"", "mật-khẩu-trang-web"} {
		s, _ := testServer(t, Settings{Password: pw}, newFake())
		for range 500 {
			r := httptest.NewRequest("GET", "/", nil)
			r.Host, r.RemoteAddr = "127.0.0.1:8080", "127.0.0.1:5000"
			s.Handler().ServeHTTP(httptest.NewRecorder(), r)
		}
		if n := len(s.sessions.m); n != 0 {
			t.Errorf("password %q: 500 requests without a cookie left %d sessions", pw, n)
		}
	}
	clock := time.Now()
	ss, err := newSessions("", time.Hour, time.Hour, func() time.Time { return clock }, func(string, error) {})
	if err != nil {
		t.Fatal(err)
	}
	first := ss.create("Lan", "", 0, true)
	for range maxSessions + 10 {
		clock = clock.Add(time.Millisecond)
		ss.create("Hùng", "", 0, true)
	}
	if n := len(ss.m); n > maxSessions {
		t.Errorf("%d sessions kept", n)
	}
	if ss.get(first.ID) != nil {
		t.Error("the oldest session was kept past the cap")
	}
	v := ss.newVisitor()
	if got := ss.get(v.ID); got == nil || got.Who != "" {
		t.Errorf("a visitor's signed session does not hold: %+v", got)
	}
	last := "0"
	if strings.HasSuffix(v.ID, "0") {
		last = "1"
	}
	if ss.get(v.ID[:len(v.ID)-1]+last) != nil || ss.get(strings.Replace(v.ID, ".", "x.", 1)) != nil {
		t.Error("a forged visitor session was taken")
	}
	clock = clock.Add(2 * time.Hour)
	if ss.get(v.ID) != nil {
		t.Error("an expired visitor session was taken")
	}
}

// TestReviewActions: approve and return go to the backend with the
// account's full name, account and role (a typed name is ignored), the
// number, date and note, are logged with who, and land on the version
// that goes to the district (approve) or the returned draft.
func TestReviewActions(t *testing.T) {
	f := newFake()
	_, logs, c := asAccount(t, Settings{Location: time.UTC}, f, "hieutruong")
	token := c.csrf("/bao-cao/quarterly/2024-Q1/v1")
	r, body := c.post("/bao-cao/quarterly/2024-Q1/v1/duyet", url.Values{"csrf": {token}, "name": {"Lê Thị Mai"},
		"number": {"15"}, "date": {"05/04/2024"}, "note": {"Đồng ý"}})
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != "/bao-cao/quarterly/2024-Q1/v2?kq=da-duyet" {
		t.Errorf("approve goes to %q", loc)
	}
	r, body = c.post("/bao-cao/quarterly/2024-Q1/v1/tra-lai", url.Values{"csrf": {token}, "name": {"Lê Thị Mai"}, "reason": {"Sai số liệu quý"}})
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != "/bao-cao/quarterly/2024-Q1/v1?kq=tra-lai" {
		t.Errorf("return goes to %q", loc)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	want := []string{"Nguyễn Thị Hồng Vân (hiệu trưởng)|quarterly 2024-Q1 v1|Nguyễn Thị Hồng Vân|hieutruong|hieu-truong|15|2024-04-05|Đồng ý"}
	if strings.Join(f.approvals, "\n") != strings.Join(want, "\n") {
		t.Errorf("approvals %q, want %q", f.approvals, want)
	}
	want = []string{"Nguyễn Thị Hồng Vân|hieutruong|hieu-truong|quarterly 2024-Q1 v1|Sai số liệu quý"}
	if strings.Join(f.rejects, "\n") != strings.Join(want, "\n") {
		t.Errorf("returns %q, want %q", f.rejects, want)
	}
	for _, w := range []string{`msg="web: approve" who="Nguyễn Thị Hồng Vân (hiệu trưởng)" account=hieutruong role=hieu-truong version="quarterly 2024-Q1 v1" number=15 date=05/04/2024`,
		`msg="web: reject" who="Nguyễn Thị Hồng Vân (hiệu trưởng)" account=hieutruong role=hieu-truong version="quarterly 2024-Q1 v1"`} {
		if !strings.Contains(logs.String(), w) {
			t.Errorf("log lacks %s:\n%s", w, logs)
		}
	}
}
