//go:build !unix && !windows

package setup

import "time"

// TerminalWaiting: on this system no paste is told apart; each answer is
// one line.
func TerminalWaiting(fd uintptr) func(d time.Duration) bool { return nil }
