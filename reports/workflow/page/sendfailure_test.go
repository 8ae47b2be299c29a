package page

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/delivery"
)

// TestSendFailureFromDeliveryErrors: a failed send is told in the page's
// words from the fault delivery names (internal/web's
// TestSendFailureGivesAVietnamesePage renders these).
func TestSendFailureFromDeliveryErrors(t *testing.T) {
	tests := []struct {
		name            string
		err             error
		transient       bool
		reason, fixWord string
	}{
		{"transient", fmt.Errorf("%w: %w: dial tcp 127.0.0.1:25: connect: connection refused", delivery.ErrTransient, delivery.FaultNetwork),
			true, "máy chủ thư không trả lời", ""},
		{"wrong password", fmt.Errorf("%w: %w: authentication failed for mn2010: check the username and password (535 bad)", delivery.ErrPermanent, delivery.FaultLogin),
			false, "máy chủ thư báo sai tên đăng nhập hoặc mật khẩu", "Sửa [smtp] username"},
		{"anything else", errors.New("reports: lock: no space left on device"), false, "lỗi khi gửi thư", "nhật ký"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sendFailure(tt.err)
			if f.Transient != tt.transient || f.Reason != tt.reason || (tt.fixWord == "") != (f.Fix == "") || !strings.Contains(f.Fix, tt.fixWord) || f.Err != tt.err {
				t.Errorf("%+v", f)
			}
		})
	}
}
