package doctor

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// TestWebSection: doctor checks [web] when it is set — the address
// parses, one open to other machines has a password, and the address is
// free or already baocao's page.
func TestWebSection(t *testing.T) {
	free := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0") // another program
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><head><title>Tổng quan · baocao</title></head></html>")
	}))
	defer page.Close()
	tests := []struct {
		name  string
		web   string // the [web] table; "" none
		level Level  // of the "Trang web" line; -1 none
		words string
	}{
		{"not set", "", -1, ""},
		{"free loopback address", fmt.Sprintf("listen = %q", free()), OK, "còn trống"},
		{"used by baocao", fmt.Sprintf("listen = %q", page.Listener.Addr().String()), OK, "baocao đang phục vụ trang"},
		{"used by another program", fmt.Sprintf("listen = %q", busy.Addr().String()), Problem, "chương trình khác"},
		{"not an address", `listen = "8080"`, Problem, "không phải địa chỉ:cổng"},
		{"all machines without a password", `listen = "0.0.0.0:18080"`, Problem, "chưa có mật khẩu"},
		{"all machines, password file missing", `listen = "0.0.0.0:18080"` + "\npassword_file = \"no-such-file\"", Problem, "không đọc được mật khẩu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := example(t)
			if tt.web != "" {
				f, _ := os.OpenFile(cfg, os.O_APPEND|os.O_WRONLY, 0)
				fmt.Fprintf(f, "\n[web]\n%s\n", tt.web)
				f.Close()
			}
			now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
			r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }})
			var line *Result
			for i, x := range r.Results {
				if strings.HasPrefix(x.Text, "Trang web") {
					line = &r.Results[i]
				}
				if strings.HasPrefix(x.Text, "Tệp cấu hình") && x.Level == Problem {
					t.Fatalf("config refused: %s", x.Text)
				}
			}
			switch {
			case tt.level == -1 && line != nil:
				t.Errorf("a line without [web]: %s", line.Text)
			case tt.level == -1:
			case line == nil:
				t.Errorf("no Trang web line:\n%s", text(r))
			case line.Level != tt.level || !strings.Contains(line.Text, tt.words):
				t.Errorf("%s %s, want %s and %q", line.Level, line.Text, tt.level, tt.words)
			}
		})
	}
}
