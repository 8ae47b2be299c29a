package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
)

func TestLoginThrottle(t *testing.T) {
	const delay = 60 * time.Millisecond
	newLoginAt := func(t *testing.T) (*Server, *client, string) {
		s, _ := testServer(t, Settings{Listen: "0.0.0.0:0", Password: "đúng-mật-khẩu-dài", LoginDelay: delay}, newFake())
		c := newClient(t, s.Handler())
		return s, c, c.csrf("/dang-nhap")
	}
	newLogin := func(t *testing.T) (*client, string) {
		_, c, token := newLoginAt(t)
		return c, token
	}
	login := func(ctx context.Context, c *client, token, pw string) (int, error) {
		form := url.Values{"csrf": {token}, "name": {"Lan"}, "password": {pw}}
		req, _ := http.NewRequestWithContext(ctx, "POST", c.base+"/dang-nhap", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r, err := c.c.Do(req)
		if err != nil {
			return 0, err
		}
		r.Body.Close()
		return r.StatusCode, nil
	}

	t.Run("parallel wrong attempts are taken one at a time", func(t *testing.T) {
		c, token := newLogin(t)
		start := time.Now()
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if code, err := login(context.Background(), c, token, "sai"); err != nil || code != 401 {
					t.Errorf("wrong password: %d %v", code, err)
				}
			}()
		}
		wg.Wait()
		// 1×, 2× and 4× the delay, one after the other.
		if took, least := time.Since(start), 7*delay; took < least {
			t.Errorf("3 parallel wrong attempts took %v, want at least %v (the sum of their delays)", took, least)
		}
	})
	t.Run("the right password waits for the delay in force", func(t *testing.T) {
		s, c, token := newLoginAt(t)
		// A wrong attempt whose client gives up as soon as the server has
		// it in hand: its delay stays in force.
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		done := make(chan struct{})
		go func() {
			defer close(done)
			login(ctx, c, token, "sai")
		}()
		testtools.Poll(t, 5*time.Second, "the server to have the wrong attempt in hand", func() bool {
			s.logins.mu.Lock()
			defer s.logins.mu.Unlock()
			f := s.logins.fails["ip 127.0.0.1"]
			return f != nil && (len(f.turn) == 1 || f.n > 0)
		})
		cancel()
		<-done
		code, err := login(context.Background(), c, token, "đúng-mật-khẩu-dài")
		if err != nil || code != 303 {
			t.Fatalf("right password: %d %v", code, err)
		}
		if took := time.Since(start); took < delay {
			t.Errorf("the right password answered %v after a failure, want at least the delay %v", took, delay)
		}
	})
	t.Run("the right password queues behind a wrong one in hand", func(t *testing.T) {
		s, c, token := newLoginAt(t)
		start := time.Now()
		done := make(chan struct{})
		go func() {
			defer close(done)
			login(context.Background(), c, token, "sai")
		}()
		testtools.Poll(t, 5*time.Second, "the wrong attempt to hold its address's turn", func() bool {
			s.logins.mu.Lock()
			defer s.logins.mu.Unlock()
			f := s.logins.fails["ip 127.0.0.1"]
			return f != nil && len(f.turn) == 1
		})
		code, err := login(context.Background(), c, token, "đúng-mật-khẩu-dài")
		if err != nil || code != 303 {
			t.Fatalf("right password: %d %v", code, err)
		}
		if took := time.Since(start); took < delay {
			t.Errorf("the right password answered %v after a wrong attempt began, want at least %v", took, delay)
		}
		<-done
	})
	t.Run("a global cap on attempts in hand", func(t *testing.T) {
		l := newLoginThrottle(time.Hour, time.Now)
		var ends []func()
		for i := range maxLogins {
			_, end, err := l.begin(context.Background(), "10.0.0."+string(rune('1'+i)))
			if err != nil {
				t.Fatal(err)
			}
			ends = append(ends, end)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		if _, _, err := l.begin(ctx, "10.0.0.99"); err == nil {
			t.Fatalf("attempt %d began while %d were in hand", maxLogins+1, maxLogins)
		}
		ends[0]()
		_, end, err := l.begin(context.Background(), "10.0.0.99")
		if err != nil {
			t.Fatalf("a freed slot was not given: %v", err)
		}
		end()
	})
}

func TestHostHeaderChecked(t *testing.T) {
	tests := []struct {
		name, listen, public, host string
		ok                         bool
	}{
		{"listen address", "127.0.0.1:8080", "", "127.0.0.1:8080", true},
		{"localhost with the port", "127.0.0.1:8080", "", "localhost:8080", true},
		{"::1 with the port", "127.0.0.1:8080", "", "[::1]:8080", true},
		{"localhost, another port", "127.0.0.1:8080", "", "localhost:9999", false},
		{"a rebinding name", "127.0.0.1:8080", "", "evil.example:8080", false},
		{"a rebinding name, no port", "127.0.0.1:8080", "", "evil.example", false},
		{"public_url host", "127.0.0.1:8080", "https://baocao.truong.edu.vn/", "baocao.truong.edu.vn", true},
		{"public_url host, case", "127.0.0.1:8080", "https://baocao.truong.edu.vn/", "BaoCao.Truong.edu.vn:443", true},
		{"another host with public_url", "127.0.0.1:8080", "https://baocao.truong.edu.vn/", "evil.example", false},
		{"every interface: an IP with the port", "0.0.0.0:8080", "", "192.168.1.10:8080", true},
		{"every interface: a name", "0.0.0.0:8080", "", "evil.example:8080", false},
		{"one interface: another IP", "192.168.1.10:8080", "", "10.0.0.1:8080", false},
		{"empty", "127.0.0.1:8080", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := Settings{Listen: tt.listen, PublicURL: tt.public}
			if !IsLoopback(strings.Split(tt.listen, ":")[0]) {
				set.Password = "mật-khẩu-trang-web"
			}
			s, logs := testServer(t, set, newFake())
			f := s.backend.(*fakeBackend)
			for _, method := range []string{"GET", "POST"} {
				path := "/chay"
				if method == "POST" {
					path = "/bao-cao/monthly/2024-03/v1/gui"
				}
				req := httptest.NewRequest(method, path, strings.NewReader("csrf=x"))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Host = tt.host
				w := httptest.NewRecorder()
				s.Handler().ServeHTTP(w, req)
				refused := w.Code == http.StatusMisdirectedRequest
				if refused == tt.ok {
					t.Errorf("%s Host %q: status %d, want accepted=%v: %s", method, tt.host, w.Code, tt.ok, w.Body)
				}
				if refused {
					wantIn(t, w.Body.String(), "không phải địa chỉ của trang baocao", "[web] public_url")
					if w.Header().Get("Set-Cookie") != "" {
						t.Errorf("a refused request got a session cookie")
					}
				}
			}
			if !tt.ok {
				if len(f.sends) != 0 {
					t.Errorf("a refused POST sent: %v", f.sends)
				}
				if !strings.Contains(logs.String(), "unknown Host header") {
					t.Errorf("refusal not logged:\n%s", logs)
				}
			}
		})
	}
	t.Run("a real loopback page: Host of a rebinding name refused, its own address served", func(t *testing.T) {
		s, _ := testServer(t, Settings{Listen: "127.0.0.1:0"}, newFake())
		if err := s.Open(context.Background()); err != nil {
			t.Fatal(err)
		}
		defer s.Close(context.Background())
		for host, want := range map[string]int{s.Addr(): 200, "evil.example:" + strings.Split(s.Addr(), ":")[1]: 421, "localhost:1": 421} {
			req, _ := http.NewRequest("GET", "http://"+s.Addr()+"/chay", nil)
			req.Host = host
			r, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode != want {
				t.Errorf("Host %q: %d, want %d", host, r.StatusCode, want)
			}
		}
	})
}
