package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
)

// csp allows nothing from elsewhere and no inline script; the PDF is shown
// in a frame of the page's own origin.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; object-src 'self'; " +
	"form-action 'self'; frame-ancestors 'self'; base-uri 'none'"

func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// recover turns a panic into a Vietnamese 500 page; the stack goes to the
// log, never to the browser.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.set.Logger.Error("web: panic", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.fail(w, r, http.StatusInternalServerError, catalog.PgInternal.String(), catalog.PgInternalFix.String())
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// cleanPath answers 404 to any path with a ".." segment (plain or
// escaped), a backslash or a NUL, before routing: such a path is never
// redirected, never looked up.
func (s *Server) cleanPath(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := r.URL.EscapedPath()
		dec, err := url.PathUnescape(raw)
		if err != nil || strings.Contains(dec, "..") || strings.ContainsAny(dec, "\\\x00") || strings.Contains(r.URL.Path, "..") {
			s.set.Logger.Warn("web: path refused", "path", raw, "remote", clientIP(r))
			s.fail(w, r, http.StatusNotFound, catalog.PgNoPage.String(), catalog.PgNoPageBadFix.String())
			return
		}
		next.ServeHTTP(w, r)
	})
}
