package delivery

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/mn2010/baocao/internal/catalog"
)

// Fault says what went wrong in a failed attempt, beside its class
// (ErrTransient or ErrPermanent): a closed list, so that the CLI, the log
// and the staff's page can each say it their own way without reading the
// error's words. A failed attempt's error wraps exactly one Fault.
type Fault int

const (
	FaultOther       Fault = iota // anything else
	FaultNetwork                  // no connection, a dropped one, a timeout
	FaultBusy                     // a 4xx reply: the server cannot take it now
	FaultRefused                  // a 5xx reply: the server refuses the message
	FaultLogin                    // the username or password was refused (535)
	FaultPlaintext                // the password would go over an unencrypted connection
	FaultNoLogin                  // the server offers no AUTH PLAIN or LOGIN here
	FaultCertificate              // the server's certificate is not trusted
	FaultNoStartTLS               // the server offers no STARTTLS
	FaultTooLarge                 // the attachments are over max_attachment_mb
	FaultUncertain                // the server took the whole message, then gave no answer
)

var faults = [...]struct{ en, vi, fix string }{
	FaultOther:       {"failure", "lỗi khi gửi thư", "Xem chi tiết trong nhật ký của baocao hoặc báo người quản trị"},
	FaultNetwork:     {"no answer", "máy chủ thư không trả lời", "Kiểm tra [smtp] host và mạng của máy"},
	FaultBusy:        {"server busy", "máy chủ thư tạm thời không nhận thư", ""},
	FaultRefused:     {"refused", "máy chủ thư từ chối thư", "Xem chi tiết trong nhật ký (địa chỉ người nhận, người gửi [smtp] from) rồi sửa cấu hình"},
	FaultLogin:       {"login refused", "máy chủ thư báo sai tên đăng nhập hoặc mật khẩu", "Sửa [smtp] username và mật khẩu thư (password_env hoặc password_file) trong tệp cấu hình"},
	FaultPlaintext:   {"unencrypted", "cấu hình gửi mật khẩu thư qua kết nối không mã hóa", "Đặt [smtp] security = \"starttls\" (cổng 587) hoặc \"tls\" (cổng 465)"},
	FaultNoLogin:     {"no login", "máy chủ thư không cho đăng nhập ở cổng này", "Kiểm tra [smtp] host và port (587 với starttls, 465 với tls)"},
	FaultCertificate: {"untrusted certificate", "chứng chỉ của máy chủ thư không được tin cậy", "Nếu máy chủ dùng chứng chỉ riêng của đơn vị, khai báo nó ở [smtp] ca_file"},
	FaultNoStartTLS:  {"no STARTTLS", "máy chủ thư không hỗ trợ STARTTLS", "Kiểm tra [smtp] port và security"},
	FaultTooLarge:    {"too large", "tệp đính kèm quá lớn", "Tăng [smtp] max_attachment_mb nếu máy chủ thư nhận được, hoặc báo người quản trị"},
	FaultUncertain:   {"no answer after the message", "máy chủ thư đã nhận hết nội dung thư nhưng không trả lời: thư có thể đã gửi", "Hỏi cấp trên (hoặc xem hộp thư đã gửi) xem thư đã đến chưa; chỉ gửi lại nếu chưa đến"},
}

func (f Fault) valid() bool { return f >= 0 && int(f) < len(faults) }

// Error names the fault in English, for logs.
func (f Fault) Error() string {
	if !f.valid() {
		return faults[FaultOther].en
	}
	return faults[f].en
}

// String says the fault in Vietnamese, for the unit's staff.
func (f Fault) String() string {
	if !f.valid() {
		return faults[FaultOther].vi
	}
	return faults[f].vi
}

// Fix says, in Vietnamese, what to change; "" when there is nothing to do
// but wait (the daemon retries).
func (f Fault) Fix() string {
	if !f.valid() {
		return faults[FaultOther].fix
	}
	return faults[f].fix
}

// failure is a failed attempt's error: its class and Fault, where it
// failed (the step, the server's reply code, the network's cause), and
// its English words ("permanent failure: RCPT TO …: the server answered
// 550 …"), which the delivery record and the daemon's log keep. Error says
// it in the language in force: in Vietnamese from those parts, without the
// server's English.
type failure struct {
	class   error // ErrPermanent, ErrTransient or ErrUncertain
	fault   Fault
	at      catalog.Phrase // where: " với địa chỉ người nhận …"; zero: nowhere in particular
	code    int            // the server's reply code, 0 when none
	cause   *catalog.Msg   // the network's trouble, nil when none
	english string
}

func (e *failure) Error() string {
	if catalog.Current() == catalog.English {
		return e.english
	}
	text := e.fault.String() + e.at.String()
	if e.code != 0 {
		text += catalog.SmtpCode.F(e.code)
	}
	if e.cause != nil {
		text += catalog.SmtpCause.F(e.cause)
	}
	if errors.Is(e.class, ErrTransient) {
		text = ErrTransient.Error() + ": " + text
	}
	if e.fault == FaultOther {
		text += "; " + catalog.SmtpSeeRecord.F(e.english)
	}
	if fix := e.fault.Fix(); fix != "" {
		text = catalog.SmtpFixed.F(text, fix)
	}
	return text
}

func (e *failure) Unwrap() []error { return []error{e.class, e.fault} }

// English is a failed attempt's words in English, for the record.
func English(err error) string {
	var f *failure
	if errors.As(err, &f) {
		return f.english
	}
	return err.Error()
}

// fail makes a failed attempt's error; its English words are
// "<class>: <format>".
func fail(f Fault, class *catalog.Class, format string, args ...any) *failure {
	return &failure{class: class, fault: f, english: class.In(catalog.English) + ": " + fmt.Sprintf(format, args...)}
}

// where says where the attempt failed.
func (e *failure) where(at catalog.Phrase) *failure { e.at = at; return e }

// answered is the server's reply code.
func (e *failure) answered(code int) *failure { e.code = code; return e }

// because says the network's trouble behind err.
func (e *failure) because(err error) *failure { e.cause = netCause(err); return e }

// netCause names a network failure for a person: refused, timed out, no
// such host, dropped.
func netCause(err error) *catalog.Msg {
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, errReplyTooLarge):
		return catalog.SmtpNetReply
	case errors.Is(err, syscall.ECONNREFUSED):
		return catalog.SmtpNetRefused
	case errors.As(err, &dns) && dns.IsNotFound:
		return catalog.SmtpNetNoHost
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return catalog.SmtpNetTimeout
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return catalog.SmtpNetDropped
	case errors.Is(err, context.Canceled):
		return nil
	}
	return catalog.SmtpNetOther
}
