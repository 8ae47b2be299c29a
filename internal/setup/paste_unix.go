//go:build unix

package setup

import (
	"time"

	"golang.org/x/sys/unix"
)

// TerminalWaiting is Prompter.Waiting for the terminal fd: whether input
// is there within d.
func TerminalWaiting(fd uintptr) func(d time.Duration) bool {
	return func(d time.Duration) bool {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, err := unix.Poll(fds, int(d/time.Millisecond))
			if err == unix.EINTR {
				continue
			}
			return err == nil && n > 0 && fds[0].Revents&unix.POLLIN != 0
		}
	}
}
