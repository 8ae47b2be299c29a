package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
)

// cookieName is the session cookie.
const cookieName = "baocao_phien"

type ctxKey struct{}

// visit is what the session middleware knows of a request: its session,
// and the account logged in (nil on a page without accounts, or before
// login).
type visit struct {
	se *session
	ac *accounts.Account
}

// withSession is ctx carrying the request's session and account.
func withSession(ctx context.Context, se *session, ac *accounts.Account) context.Context {
	return context.WithValue(ctx, ctxKey{}, &visit{se: se, ac: ac})
}

// current is the request's session (set by the session middleware).
func current(r *http.Request) *session {
	v, _ := r.Context().Value(ctxKey{}).(*visit)
	if v == nil || v.se == nil {
		return &session{}
	}
	return v.se
}

// account is the account logged in, nil when none.
func account(r *http.Request) *accounts.Account {
	v, _ := r.Context().Value(ctxKey{}).(*visit)
	if v == nil {
		return nil
	}
	return v.ac
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, se *session) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: se.ID, Path: "/", HttpOnly: true, Secure: s.overHTTPS(r),
		SameSite: http.SameSiteStrictMode, MaxAge: int(s.set.SessionTTL.Seconds())})
}

// overHTTPS tells whether the browser reached the page over https, so
// that the session cookie is marked Secure (never sent in clear): served
// with TLS; or through the https proxy of [web] public_url, known by the
// request's Host being public_url's host, or by the proxy's
// X-Forwarded-Proto. The page opened by its plain LAN address gets no
// Secure cookie, which the browser would never send back.
func (s *Server) overHTTPS(r *http.Request) bool {
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		return true
	}
	u, err := url.Parse(s.set.PublicURL)
	if err != nil || u.Scheme != "https" || u.Hostname() == "" {
		return false
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.EqualFold(strings.TrimSuffix(host, "."), u.Hostname())
}

// usesAccounts tells whether people log in with their own accounts: as
// soon as one account exists.
func (s *Server) usesAccounts() bool {
	if s.set.Accounts == nil {
		return false
	}
	empty, err := s.set.Accounts.Empty()
	if err != nil {
		s.set.Logger.Error("web: accounts file unreadable", "error", err.Error())
		return true // fail closed: nobody logs in until the file is fixed
	}
	return !empty
}

// needsLogin tells whether a visitor must log in: with accounts, or with
// the old shared password.
func (s *Server) needsLogin() bool { return s.usesAccounts() || s.set.Password != "" }

// session gives every visitor a session: anonymous until login (it carries
// the login form's CSRF token), or named at once when the page needs no
// login. A logged-in session is checked against its account on every
// request: an account removed, locked or whose password changed ends it;
// a role changed applies at once.
func (s *Server) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var se *session
		var ac *accounts.Account
		if c, err := r.Cookie(cookieName); err == nil {
			se = s.sessions.get(c.Value)
		}
		if se != nil && se.Who != "" {
			ok := true
			if se.Account != "" {
				a, err := s.set.Accounts.Get(se.Account)
				switch {
				case err != nil:
					ok = false
				case s.set.Accounts.Locked(a):
					ok = false
				case a.Generation != se.Gen:
					ok = false
				case !hmac.Equal([]byte(se.Cred), []byte(s.sessions.credential(&a))):
					ok = false // an account of the same name made again since
				default:
					ac = &a
					// Its name and role as they are now, not as they were
					// at login: what it does is recorded under them.
					se.Who = signedIn(ac)
				}
			} else if s.usesAccounts() || s.set.Password == "" {
				ok = false // a login of before the accounts: log in with an account now
			}
			if !ok {
				s.set.Logger.Info("web: session ended", "who", se.Who, "account", se.Account, "remote", clientIP(r))
				s.sessions.drop(se.ID)
				se = nil
			}
		}
		if se == nil {
			se = s.sessions.newVisitor()
			s.setCookie(w, r, se)
		}
		if se.Who == "" && !s.needsLogin() {
			se.Who = catalog.PgLocalVisitor.F(clientIP(r))
		}
		next.ServeHTTP(w, r.WithContext(withSession(r.Context(), se, ac)))
	})
}

// auth sends a visitor who has not logged in to the login form; the
// assets and the login form itself are open.
func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if current(r).Who != "" || r.URL.Path == "/dang-nhap" || strings.HasPrefix(r.URL.Path, "/tai-nguyen/") {
			next.ServeHTTP(w, r)
			return
		}
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			to := "/dang-nhap"
			if r.URL.Path != "/" {
				to += "?tiep=" + url.QueryEscape(r.URL.RequestURI())
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
		s.fail(w, r, http.StatusUnauthorized, catalog.WebNeedLogin.String(), catalog.WebNeedLoginHint.String())
	})
}

// csrfToken is the token a session's forms carry: an HMAC of the session.
func (s *Server) csrfToken(se *session) string {
	return s.sessions.csrf(se.ID)
}

// csrf refuses a POST without the session's token.
func (s *Server) csrf(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			if strings.HasSuffix(r.URL.Path, "/"+signedUploadPath) {
				// The signed copy's upload: a file up to the limit, with
				// room for the form around it.
				r.Body = http.MaxBytesReader(w, r.Body, s.set.SignedMaxBytes+64<<10)
				if err := r.ParseMultipartForm(1 << 20); err != nil {
					var tooBig *http.MaxBytesError
					if errors.As(err, &tooBig) {
						s.set.Logger.Warn("web: upload refused: too large", "path", r.URL.Path, "remote", clientIP(r), "limit", s.set.SignedMaxBytes)
						s.fail(w, r, http.StatusRequestEntityTooLarge, catalog.PgTooLarge.F(s.set.SignedMaxBytes>>20), catalog.PgTooLargeFix.String())
						return
					}
				}
			} else {
				r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
			}
			got := r.PostFormValue("csrf")
			want := s.csrfToken(current(r))
			if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
				s.set.Logger.Warn("web: request refused: no or wrong CSRF token", "path", r.URL.Path, "remote", clientIP(r))
				s.fail(w, r, http.StatusForbidden, catalog.WebCSRF.String(), catalog.WebCSRFHint.String())
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if !s.needsLogin() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", catalog.PgTitleLogin.String(), s.loginData("", "", r.URL.Query().Get("tiep")))
}

type loginData struct {
	Name, Error, Next string
	Accounts          bool   // log in with an account; else the old shared password and a name
	FirstAccount      string // the command that creates the first account, when there is none
}

func (s *Server) loginData(name, msg, next string) loginData {
	d := loginData{Name: name, Error: msg, Next: safeNext(next), Accounts: s.usesAccounts()}
	if !d.Accounts {
		d.FirstAccount = firstAccountCommand
	}
	return d
}

// firstAccountCommand is what the page says to run when there is no
// account yet.
const firstAccountCommand = `baocao user add hieutruong --full-name "Họ và tên" --email dia-chi@truong.edu.vn --role hieu-truong --title cô -c baocao.toml`

// safeNext keeps a return address only when it is a path of this page.
// A browser drops tabs and line ends inside a URL and reads a backslash
// as a slash, so any control character, space or backslash refuses it:
// "/<tab>/elsewhere" would be another site. A path the page made is
// escaped and has none.
func safeNext(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/dang-") ||
		strings.ContainsFunc(p, func(r rune) bool { return r == '\\' || unicode.IsControl(r) || unicode.IsSpace(r) }) {
		return ""
	}
	return p
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !s.needsLogin() {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	pw := r.PostFormValue("password")
	next := r.PostFormValue("tiep")
	ip := clientIP(r)
	useAccounts := s.usesAccounts()
	keys := []string{"ip " + ip}
	if useAccounts {
		keys = append(keys, "account "+strings.ToLower(name))
	}
	// The delay in force is waited out before the password is checked:
	// after failures even the right password waits.
	checked, end, err := s.logins.begin(r.Context(), keys...)
	if err != nil {
		return
	}
	defer end()
	var ac *accounts.Account
	msg := ""
	// logName is what the log says of a failed attempt: the account when
	// the name is one, else nothing typed (people type their password
	// into the name box).
	logName := []any{"name", name}
	if useAccounts {
		l, err := s.set.Accounts.Authenticate(name, pw)
		checked()
		logName = []any{"account", l.Account.Name}
		switch {
		case err == nil:
			ac = &l.Account
		case errors.Is(err, accounts.ErrLocked):
			msg = catalog.WebLoginLocked.F(l.Account.Name)
			if l.JustLocked {
				s.set.Logger.Warn("web: account locked after failed logins", "account", l.Account.Name, "remote", ip, "failures", accounts.MaxFailures)
				s.tellLocked(l.Account, ip)
			}
		case errors.Is(err, accounts.ErrBadLogin):
			msg = catalog.WebLoginWrong.String()
		default:
			s.set.Logger.Error("web: login", "error", err.Error())
			s.fail(w, r, http.StatusInternalServerError, catalog.WebAccountsUnread.String(), catalog.WebAccountsHint.String())
			return
		}
	} else {
		a, b := sha256.Sum256([]byte(pw)), sha256.Sum256([]byte(s.set.Password))
		checked()
		switch {
		case subtle.ConstantTimeCompare(a[:], b[:]) != 1:
			msg = catalog.WebSharedWrong.String()
		case name == "":
			msg = catalog.WebSharedName.String()
		}
	}
	if msg != "" {
		d := s.logins.failed(keys...)
		s.set.Logger.Warn("web: login failed", append(logName, "remote", ip, "delay", d.String())...)
		// The answer waits too, holding the keys' turns (not a global
		// slot).
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		s.render(w, r, http.StatusUnauthorized, "login", catalog.PgTitleLogin.String(), s.loginData(name, msg, next))
		return
	}
	s.logins.succeeded(keys...)
	s.sessions.drop(current(r).ID)
	var se *session
	if ac != nil {
		se = s.sessions.createBound(signedIn(ac), ac.Name, ac.Generation, s.sessions.credential(ac), true)
		s.set.Logger.Info("web: login", "account", ac.Name, "role", string(ac.Role), "remote", ip)
	} else {
		se = s.sessions.create(name, "", 0, true)
		s.set.Logger.Info("web: login", "who", name, "remote", ip)
	}
	s.setCookie(w, r, se)
	to := safeNext(next)
	if to == "" {
		to = "/"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// signedIn is how the page shows, and the log and the records name, the
// person logged in: "Nguyễn Thị Hồng Vân (hiệu trưởng)".
func signedIn(ac *accounts.Account) string {
	return ac.FullName + " (" + ac.Role.Label() + ")"
}

// tellLocked mails admin_email that an account locked itself after
// failed logins.
func (s *Server) tellLocked(a accounts.Account, ip string) {
	if s.set.Notify == nil {
		return
	}
	subject := catalog.WebLockedSubject.F(a.Name)
	body := catalog.WebLockedBody.F(a.Name, a.FullName, a.Role.Label(), accounts.MaxFailures, ip, a.Name)
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		if err := s.set.Notify(subject, body); err != nil {
			s.set.Logger.Warn("web: admin not told of the locked account", "account", a.Name, "error", err.Error())
		}
	}()
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	se := current(r)
	s.sessions.drop(se.ID)
	s.set.Logger.Info("web: logout", "who", se.Who, "account", se.Account, "remote", clientIP(r))
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.overHTTPS(r), SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
