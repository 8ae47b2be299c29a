package catalog

import (
	"errors"
	"syscall"
)

// The page's address that cannot be opened (baocao web, baocao serve).
var (
	WebCannotListen = add("WebCannotListen",
		"không mở được trang web ở %s: %s — đổi [web] listen (hoặc --listen) sang cổng khác, hoặc tắt chương trình đang dùng cổng đó",
		"web: cannot listen on %s: %s — change [web] listen (or --listen), or stop the other program")
	ListenInUse = add("ListenInUse",
		"cổng này đã có chương trình khác dùng (có thể là một baocao serve hay baocao web đang chạy)",
		"address already in use (perhaps by a running baocao serve or baocao web)")
	ListenNoAddress = add("ListenNoAddress", "máy này không có địa chỉ đó", "the machine has no such address")
	ListenDenied    = add("ListenDenied", "không có quyền mở cổng này (cổng dưới 1024 cần quyền quản trị)", "permission denied (ports below 1024 need administrator rights)")
)

// ListenWhy says why an address could not be listened on, in the
// language in force: in use, no such address, no permission; else the
// system's words.
func ListenWhy(err error) string {
	var en syscall.Errno
	if errors.As(err, &en) {
		switch {
		case en == syscall.EADDRINUSE || en == 10048: // WSAEADDRINUSE on Windows
			return ListenInUse.String()
		case en == syscall.EADDRNOTAVAIL || en == 10049: // WSAEADDRNOTAVAIL
			return ListenNoAddress.String()
		case en == syscall.EACCES || en == 10013: // WSAEACCES
			return ListenDenied.String()
		}
	}
	return err.Error()
}
