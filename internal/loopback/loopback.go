// Package loopback decides, in one place, what is "this machine only":
// the mail server a password may reach unencrypted (a test server), and
// the page's listen address that needs no password. Every other address
// needs TLS (mail) or a password (the page).
package loopback

import (
	"net"
	"strings"
)

// Host reports whether host (a name or an IP, maybe in brackets) is this
// machine only: localhost, 127.0.0.0/8, ::1. An empty host means every
// interface: not loopback.
func Host(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// NeedsPassword reports whether a page listening on listen (host:port) is
// reachable from other machines, and so must have a password. An address
// that does not parse needs one too.
func NeedsPassword(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	return err != nil || !Host(host)
}
