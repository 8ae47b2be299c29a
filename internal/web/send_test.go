package web

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/delivery"
)

func TestSendFailureGivesAVietnamesePage(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		want   []string
	}{
		{"transient", &SendFailure{Transient: true, Reason: delivery.FaultNetwork.String(),
			Err: fmt.Errorf("%w: %w: dial tcp 127.0.0.1:25: connect: connection refused", delivery.ErrTransient, delivery.FaultNetwork)}, 503,
			[]string{"Chưa gửi được: máy chủ thư không trả lời.", "chờ gửi lại; baocao serve sẽ tự gửi lại", "Về trang phiên bản"}},
		{"wrong password", &SendFailure{Reason: delivery.FaultLogin.String(), Fix: delivery.FaultLogin.Fix(),
			Err: fmt.Errorf("%w: %w: authentication failed for mn2010: check the username and password (535 bad)", delivery.ErrPermanent, delivery.FaultLogin)}, 502,
			[]string{"Chưa gửi được: máy chủ thư báo sai tên đăng nhập hoặc mật khẩu.", "Sửa [smtp] username", "rồi bấm “Gửi”"}},
		{"anything else", errors.New("reports: lock: no space left on device"), 502,
			[]string{"Chưa gửi được: lỗi khi gửi thư.", "nhật ký"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			var sf *SendFailure
			if !errors.As(tt.err, &sf) {
				tt.err = &SendFailure{Reason: delivery.FaultOther.String(), Fix: delivery.FaultOther.Fix(), Err: tt.err}
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

// TestStatusOf: the page answers each class of error with one status.
func TestStatusOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{fmt.Errorf("%w: no such version", ErrNotFound), 404},
		{fmt.Errorf("%w: bad date", ErrBadInput), 400},
		{fmt.Errorf("%w: returned", ErrRefused), 409},
		{ErrNeedsConfirm, 409},
		{ErrNotAvailable, 409},
		{&SendFailure{Transient: true, Err: errors.New("dial")}, 503},
		{&SendFailure{Err: errors.New("535")}, 502},
		{errors.New("disk on fire"), 500},
	}
	for _, tt := range tests {
		if got := statusOf(tt.err); got != tt.want {
			t.Errorf("%v: %d, want %d", tt.err, got, tt.want)
		}
	}
}
