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
	"github.com/mn2010/baocao/internal/catalog"
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
		x.add(Problem, errWeb, catalog.DrWebListen, w.Listen)
		return
	}
	empty, _ := accounts.Open(accounts.PathBeside(cfg.File)).Empty()
	if !loopback.Host(host) && empty {
		switch {
		case w.PasswordEnv == "" && w.PasswordFile == "":
			x.add(Problem, errWeb, catalog.DrWebNoPassword, w.Listen, cfg.File, port)
			return
		default:
			if _, _, err := delivery.Password(w.PasswordEnv, cfg.Path(w.PasswordFile)); err != nil {
				x.add(Problem, errWeb, catalog.DrWebPassword, err, cfg.File)
				return
			}
		}
	}
	l, err := net.Listen("tcp", w.Listen)
	if err == nil {
		l.Close()
		x.add(OK, nil, catalog.DrWebFree, w.Listen, w.Listen)
		return
	}
	if servedByBaocao(w.Listen) {
		x.add(OK, nil, catalog.DrWebServed, w.Listen)
		return
	}
	x.add(Problem, errWeb, catalog.DrWebBusy, w.Listen, err)
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
