package doctor

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/loopback"
	"github.com/mn2010/baocao/reports/delivery"
)

// errWeb is the cause of a [web] problem: a config to fix (exit 2).
var errWeb = fmt.Errorf("doctor: [web]: %w", config.ErrInvalid)

// web checks the staff's page when [web] listen is set: the address
// parses; one other than this machine has a password that can be read;
// and the address is free, or already the page of a running baocao.
func (x *run) web(cfg *config.Config) {
	w := cfg.Web
	if w.Listen == "" {
		return
	}
	host, port, err := net.SplitHostPort(w.Listen)
	if err != nil || port == "" {
		x.add(Problem, fmt.Errorf("%w: listen %q: %v", errWeb, w.Listen, err),
			"Trang web: [web] listen = %q không phải địa chỉ:cổng — ghi ví dụ \"127.0.0.1:8080\" (chỉ máy này) hoặc \"0.0.0.0:8080\" (mọi máy trong mạng, cần mật khẩu)", w.Listen)
		return
	}
	empty, _ := accounts.Open(accounts.PathBeside(cfg.File)).Empty()
	if !loopback.Host(host) && empty {
		switch {
		case w.PasswordEnv == "" && w.PasswordFile == "":
			x.add(Problem, fmt.Errorf("%w: listen %q without a password", errWeb, w.Listen),
				"Trang web: [web] listen = %q mở trang cho các máy khác nhưng chưa có mật khẩu nào: chưa có tài khoản — tạo tài khoản hiệu trưởng và văn thư (baocao user add hieutruong --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role hieu-truong -c %s; rồi --role van-thu), hoặc nghe \"127.0.0.1:%s\"", w.Listen, cfg.File, port)
			return
		default:
			if _, _, err := delivery.Password(w.PasswordEnv, cfg.Path(w.PasswordFile)); err != nil {
				x.add(Problem, fmt.Errorf("%w: password: %v", errWeb, err),
					"Trang web: không đọc được mật khẩu chung của trang ([web] password_env/password_file): %v — chuyển sang tài khoản riêng: baocao init --upgrade -c %s", err, cfg.File)
				return
			}
		}
	}
	l, err := net.Listen("tcp", w.Listen)
	if err == nil {
		l.Close()
		x.add(OK, nil, "Trang web: địa chỉ %s còn trống; baocao serve sẽ mở trang ở http://%s/", w.Listen, w.Listen)
		return
	}
	if servedByBaocao(w.Listen) {
		x.add(OK, nil, "Trang web: baocao đang phục vụ trang ở http://%s/", w.Listen)
		return
	}
	x.add(Problem, fmt.Errorf("%w: listen %q: %v", errWeb, w.Listen, err),
		"Trang web: không mở được địa chỉ %s (%v) — một chương trình khác đang dùng cổng này, hoặc máy không có địa chỉ đó: đổi [web] listen hoặc tắt chương trình kia", w.Listen, err)
}

// servedByBaocao tells whether the page at addr is baocao's: its pages
// (and the login form) are titled "… · baocao".
func servedByBaocao(addr string) bool {
	host, port, _ := net.SplitHostPort(addr)
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	return strings.Contains(string(b), "· baocao</title>")
}
