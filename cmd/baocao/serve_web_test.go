package main

import (
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/archive"
)

// withWeb appends a [web] table to a project's config and drops the
// schedules (no catch-up runs) and the mail server.
func withWeb(t *testing.T, cfg, table string) {
	t.Helper()
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`(?m)^schedule = .*$`).ReplaceAllString(string(b), "")
	s = strings.Replace(s, `host = "smtp.example.vn"`, `host = ""`, 1)
	if err := os.WriteFile(cfg, []byte(s+"\n[web]\n"+table+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeWebWithoutPassword: a listen address other than this machine
// without a password stops serve before anything starts: exit 2, naming
// the key.
func TestServeWebWithoutPassword(t *testing.T) {
	cfg := project(t)
	withWeb(t, cfg, `listen = "0.0.0.0:18080"`)
	code, _, errs := baocao("serve", "-c", cfg)
	if code != 2 || !strings.Contains(errs, "[web] password_env hoặc password_file") || !strings.Contains(errs, `listen "0.0.0.0:18080"`) {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// TestServeWebAddressTaken: the page's address held by another program
// stops serve before the daemon catches up missed runs: a Vietnamese
// error naming the address, and nothing archived (so nothing mailed).
func TestServeWebAddressTaken(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cfg := project(t)
	b, _ := os.ReadFile(cfg)
	s := strings.Replace(string(b), `host = "smtp.example.vn"`, `host = ""`, 1) // the schedules kept: serve would catch up
	os.WriteFile(cfg, []byte(s+"\n[web]\nlisten = \""+busy.Addr().String()+"\"\n"), 0o644)
	code, _, errs := baocao("serve", "-c", cfg)
	if code == 0 || !strings.Contains(errs, "không mở được trang web ở "+busy.Addr().String()) || !strings.Contains(errs, "cổng này đã có chương trình khác dùng") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if words := englishWords(strings.Join(regexp.MustCompile(`(?m)^baocao: .*$`).FindAllString(errs, -1), "\n")); len(words) > 0 {
		t.Errorf("English words %q in: %s", words, errs)
	}
	entries, err := (&archive.Store{Root: filepath.Join(filepath.Dir(cfg), "archive")}).List()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) > 0 {
		t.Errorf("serve archived %d versions before it stopped on the page's address: %v", len(entries), entries)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestServeServesThePage: with [web] listen set, serve serves the page
// beside the daemon; SIGHUP reloads the daemon and leaves the page
// running; SIGTERM closes both and exits 0.
func TestServeServesThePage(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	cfg := project(t)
	addr := "127.0.0.1:" + strconv.Itoa(freePort(t))
	withWeb(t, cfg, `listen = "`+addr+`"`)
	cmd, logs := startServe(t, bin, cfg)
	waitFor(t, "the page", func() bool { return strings.Contains(logs.String(), `"msg":"web page listening"`) })
	get := func() (int, string) {
		r, err := http.Get("http://" + addr + "/")
		if err != nil {
			t.Fatalf("%v\n%s", err, logs.String())
		}
		defer r.Body.Close()
		b, _ := io.ReadAll(r.Body)
		return r.StatusCode, string(b)
	}
	if code, body := get(); code != 200 || !strings.Contains(body, "Tổng quan") || !strings.Contains(body, "Báo cáo quý") {
		t.Fatalf("status %d:\n%s", code, body)
	}
	cmd.Process.Signal(syscall.SIGHUP)
	waitFor(t, "the reload", func() bool {
		return strings.Contains(logs.String(), "the web page keeps its settings until serve restarts")
	})
	if code, _ := get(); code != 200 {
		t.Fatalf("after SIGHUP: status %d", code)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("logs:\n%s", logs.String())
	}
	if _, err := http.Get("http://" + addr + "/"); err == nil {
		t.Error("the page still answers after SIGTERM")
	}
}

// TestReviewLink: the link in the reviewers' messages.
func TestReviewLink(t *testing.T) {
	e := archive.Entry{Report: "quarterly", Period: "2024-Q1", Version: 2}
	tests := []struct {
		name string
		web  config.Web
		want string
	}{
		{"public_url", config.Web{Listen: "0.0.0.0:8080", PublicURL: "http://192.168.1.10:8080/"}, "http://192.168.1.10:8080/bao-cao/quarterly/2024-Q1/v2"},
		{"loopback listen: no link that opens only on the server", config.Web{Listen: "127.0.0.1:8080"}, ""},
		{"another address without public_url: no link", config.Web{Listen: "0.0.0.0:8080"}, ""},
		{"no [web]", config.Web{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if f := reviewLink(&config.Config{Web: tt.web}); f != nil {
				got = f(e)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if local := localPage(&config.Config{Web: tt.web}); local != (tt.name == "loopback listen: no link that opens only on the server") {
				t.Errorf("localPage %v", local)
			}
		})
	}
}
