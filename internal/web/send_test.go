package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

func TestSendFailureGivesAVietnamesePage(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		want   []string
	}{
		{"transient", sendFailure(fmt.Errorf("%w: %w: dial tcp 127.0.0.1:25: connect: connection refused", delivery.ErrTransient, delivery.FaultNetwork)), 503,
			[]string{"Chưa gửi được: máy chủ thư không trả lời.", "chờ gửi lại; baocao serve sẽ tự gửi lại", "Về trang phiên bản"}},
		{"wrong password", sendFailure(fmt.Errorf("%w: %w: authentication failed for mn2010: check the username and password (535 bad)", delivery.ErrPermanent, delivery.FaultLogin)), 502,
			[]string{"Chưa gửi được: máy chủ thư báo sai tên đăng nhập hoặc mật khẩu.", "Sửa [smtp] username", "rồi bấm “Gửi”"}},
		{"anything else", errors.New("reports: lock: no space left on device"), 502,
			[]string{"Chưa gửi được: lỗi khi gửi thư.", "nhật ký"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			var sf *SendFailure
			if !errors.As(tt.err, &sf) {
				tt.err = sendFailure(tt.err)
			}
			f.sendErr = tt.err
			s, logs := testServer(t, Settings{}, f)
			c := newClient(t, s.Handler())
			tok := c.csrf("/bao-cao/monthly/2024-03/v1")
			r, body := c.post("/bao-cao/monthly/2024-03/v1/gui", url.Values{"csrf": {tok}})
			wantStatus(t, r, body, tt.status)
			wantIn(t, body, tt.want...)
			if strings.Contains(body, "Lỗi 500") || strings.Contains(body, tt.err.(*SendFailure).Err.Error()) {
				t.Errorf("the page shows a 500 or the English detail: %s", body)
			}
			if !strings.Contains(logs.String(), tt.err.(*SendFailure).Err.Error()) {
				t.Errorf("the English detail is not in the log:\n%s", logs)
			}
		})
	}
}

// TestSendFromThePageTriesOnce: with the mail server down, a send from the
// page makes one attempt, answers at once and leaves the version pending.
func TestSendFromThePageTriesOnce(t *testing.T) {
	b, cfg, _ := project(t)
	ctx := context.Background()
	if _, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(string) {}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens there now: the mail server is down
	cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, cfg.SMTP.Username = "127.0.0.1", port, "none", ""
	cfg.SMTP.RetrySeconds = []int{5, 15, 40}

	start := time.Now()
	_, err = b.Send(ctx, "Lan", VersionRef{"monthly", "2024-03", 1}, false)
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("the send took %v: retried within the request", took)
	}
	var sf *SendFailure
	if !errors.As(err, &sf) || !sf.Transient || sf.Reason != "máy chủ thư không trả lời" {
		t.Fatalf("%#v", err)
	}
	rec, _, err := delivery.LoadRecord(filepath.Join(cfg.Path(cfg.Archive), "monthly", "2024-03", "v1"))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Status != delivery.Pending || len(rec.Attempts) != 1 {
		t.Errorf("record %s with %d attempts, want pending after 1", rec.Status, len(rec.Attempts))
	}
}
