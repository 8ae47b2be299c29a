package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostCheck refuses (421) a request whose Host header is not a name this
// page is served under, before any session or action: a page on another
// site that rebinds its own name to this machine's address (DNS
// rebinding) would otherwise reach the page, which on loopback asks no
// password. Accepted: the listen address itself; localhost, 127.0.0.1
// and [::1] with the listen port; the host of [web] public_url (any port:
// a proxy in front may or may not pass its own); and, when the page
// listens on every interface, an IP address with the listen port (an IP
// written in the address bar is not a name anyone can rebind).
func (s *Server) hostCheck(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			s.set.Logger.Warn("web: request refused: unknown Host header (DNS rebinding?)", "host", r.Host, "path", r.URL.Path, "remote", clientIP(r))
			s.fail(w, r, http.StatusMisdirectedRequest, catalog.PgBadHost.F(r.Host), catalog.PgBadHostFix.String())
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) hostAllowed(h string) bool {
	host, port, err := net.SplitHostPort(h)
	if err != nil {
		host, port = h, "80"
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "" {
		return false
	}
	if pu := s.set.PublicURL; pu != "" {
		if u, err := url.Parse(pu); err == nil && strings.EqualFold(u.Hostname(), host) {
			return true
		}
	}
	lhost, lport, err := net.SplitHostPort(s.set.Listen)
	if err != nil {
		return false
	}
	if addr := s.Addr(); addr != "" {
		_, lport, _ = net.SplitHostPort(addr)
	}
	portOK := port == lport || lport == "0" // port 0 and not open: the handler is served by someone else's listener
	if !portOK {
		return false
	}
	lhost = strings.ToLower(strings.Trim(lhost, "[]"))
	switch host {
	case lhost, "localhost", "127.0.0.1", "::1":
		return true
	}
	if ip := net.ParseIP(host); ip != nil {
		if lip := net.ParseIP(lhost); lhost == "" || (lip != nil && lip.IsUnspecified()) {
			return true
		}
	}
	return false
}
