package page

import (
	"bytes"
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

	"github.com/mn2010/baocao/internal/web"
)

// The page's client, as internal/web's tests drive it: a browser without
// a browser, over the real backend.

var t0 = time.Date(2024, 3, 16, 7, 0, 0, 0, time.UTC)

// pagePath is a version's page.
func pagePath(v web.VersionRef) string {
	return fmt.Sprintf("/bao-cao/%s/%s/v%d", v.Report, v.Period, v.Version)
}

// testServer serves a fake backend; logs go to the returned buffer.
func testServer(t *testing.T, set web.Settings, b web.Backend) (*web.Server, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	if set.Listen == "" {
		set.Listen = "127.0.0.1:0"
	}
	set.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	set.Location = time.UTC
	set.Now = func() time.Time { return t0 }
	s, err := web.New(set, b)
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
