//go:build windows

package setup

import (
	"time"

	"golang.org/x/sys/windows"
)

// TerminalWaiting is Prompter.Waiting for the console fd: whether input
// is there within d.
func TerminalWaiting(fd uintptr) func(d time.Duration) bool {
	return func(d time.Duration) bool {
		ev, err := windows.WaitForSingleObject(windows.Handle(fd), uint32(d/time.Millisecond))
		return err == nil && ev == windows.WAIT_OBJECT_0
	}
}
