package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// cookieName is the session cookie.
const cookieName = "baocao_phien"

// session is one browser's visit; Who is set once logged in (or at once
// when the page needs no password).
type session struct {
	ID      string
	Who     string
	Expires time.Time
}

// sessions keeps the logged-in sessions only. A visitor who has not
// logged in (the login form's CSRF token) and the user of a page without
// a password get a signed session instead (visitorSession): nothing is
// kept for them, so requests without cookies cost no memory.
type sessions struct {
	mu  sync.Mutex
	m   map[string]*session
	ttl time.Duration
	now func() time.Time
	key []byte // signs the visitors' sessions
}

func newSessions(ttl time.Duration, now func() time.Time, key []byte) *sessions {
	return &sessions{m: map[string]*session{}, ttl: ttl, now: now, key: key}
}

func newID() string {
	b := make([]byte, 32)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// get returns the live session id names (a kept one, or a visitor's whose
// signature and expiry hold), or nil.
func (ss *sessions) get(id string) *session {
	if strings.HasPrefix(id, visitorPrefix) {
		return ss.visitor(id)
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	se := ss.m[id]
	if se == nil {
		return nil
	}
	if ss.now().After(se.Expires) {
		delete(ss.m, id)
		return nil
	}
	c := *se
	return &c
}

// maxSessions bounds the sessions kept in memory, all of them: past it,
// the expired ones and then the oldest are dropped. Only a login keeps a
// session, and logins are throttled.
const maxSessions = 10000

// create keeps a session for who, who just logged in.
func (ss *sessions) create(who string) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	if len(ss.m) >= maxSessions {
		var oldest *session
		for id, se := range ss.m {
			if now.After(se.Expires) {
				delete(ss.m, id)
			} else if oldest == nil || se.Expires.Before(oldest.Expires) {
				oldest = se
			}
		}
		if len(ss.m) >= maxSessions && oldest != nil {
			delete(ss.m, oldest.ID)
		}
	}
	se := &session{ID: newID(), Who: who, Expires: now.Add(ss.ttl)}
	ss.m[se.ID] = se
	c := *se
	return &c
}

// visitorPrefix starts a visitor's session id: "v.<random>.<expiry>.<mac>".
const visitorPrefix = "v."

// newVisitor is a session for a visitor who has not logged in, signed and
// not kept: the id carries its expiry and its signature.
func (ss *sessions) newVisitor() *session {
	b := make([]byte, 16)
	rand.Read(b)
	exp := ss.now().Add(ss.ttl).Unix()
	body := visitorPrefix + hex.EncodeToString(b) + "." + strconv.FormatInt(exp, 10)
	return &session{ID: body + "." + ss.sign(body), Expires: time.Unix(exp, 0)}
}

func (ss *sessions) sign(body string) string {
	m := hmac.New(sha256.New, ss.key)
	m.Write([]byte("visitor session\x00" + body))
	return hex.EncodeToString(m.Sum(nil))
}

// visitor checks a visitor's session id: its signature, then its expiry.
func (ss *sessions) visitor(id string) *session {
	dot := strings.LastIndexByte(id, '.')
	if dot < 0 || !hmac.Equal([]byte(id[dot+1:]), []byte(ss.sign(id[:dot]))) {
		return nil
	}
	parts := strings.Split(id[:dot], ".")
	if len(parts) != 3 {
		return nil
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || ss.now().After(time.Unix(exp, 0)) {
		return nil
	}
	return &session{ID: id, Expires: time.Unix(exp, 0)}
}

func (ss *sessions) drop(id string) {
	ss.mu.Lock()
	delete(ss.m, id)
	ss.mu.Unlock()
}

type ctxKey struct{}

// current is the request's session (set by the session middleware).
func current(r *http.Request) *session {
	se, _ := r.Context().Value(ctxKey{}).(*session)
	if se == nil {
		return &session{}
	}
	return se
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request, se *session) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: se.ID, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteStrictMode, MaxAge: int(s.set.SessionTTL.Seconds())})
}

// session gives every visitor a session: a signed, unkept one until login
// (it carries the login form's CSRF token), named at once as the user of
// this machine when no password is set; a login keeps one.
func (s *Server) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var se *session
		if c, err := r.Cookie(cookieName); err == nil {
			se = s.sessions.get(c.Value)
		}
		if se == nil {
			se = s.sessions.newVisitor()
			s.setCookie(w, r, se)
		}
		if se.Who == "" && s.set.Password == "" {
			se.Who = "người dùng trên máy này (" + clientIP(r) + ")"
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, se)))
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
			http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
			return
		}
		s.fail(w, r, http.StatusUnauthorized, "Bạn cần đăng nhập trước.", "Mở trang Đăng nhập, nhập họ tên và mật khẩu.")
	})
}

// csrfToken is the token a session's forms carry.
func (s *Server) csrfToken(se *session) string {
	h := sha256.New()
	h.Write(s.key)
	h.Write([]byte(se.ID))
	return hex.EncodeToString(h.Sum(nil))
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
						s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("Tệp quá lớn: giới hạn là %d MB.", s.set.SignedMaxBytes>>20),
							"Tệp ký số của một báo cáo thường dưới 1 MB: kiểm tra đã chọn đúng tệp. Người quản trị đổi giới hạn bằng [signed] max_mb.")
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
				s.fail(w, r, http.StatusForbidden, "Yêu cầu bị từ chối: thiếu mã bảo vệ của biểu mẫu.",
					"Tải lại trang rồi bấm nút một lần nữa. Nếu vẫn lỗi, đăng nhập lại.")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// loginThrottle slows password guessing. Each failure from an address
// puts a delay in force for that address (the base delay, doubling with
// each further failure up to 8×, forgotten after a success or 15 minutes
// without failures). Every attempt from the address waits until the delay
// is over BEFORE its password is checked, so the right password answers
// no sooner than a wrong one; the attempts of one address are taken one
// at a time, and at most maxLogins attempts are checked at once in all.
// N guesses from one address thus take at least the sum of their delays.
type loginThrottle struct {
	mu     sync.Mutex
	base   time.Duration
	fails  map[string]*failures
	global chan struct{} // a slot per login attempt in hand
}

type failures struct {
	turn  chan struct{} // held by the address's attempt in hand
	n     int
	last  time.Time
	until time.Time // no attempt is checked before
	users int       // attempts holding or waiting for turn
}

// maxLogins bounds the login attempts checked at once, whatever their
// address.
const maxLogins = 4

func newLoginThrottle(base time.Duration) *loginThrottle {
	return &loginThrottle{base: base, fails: map[string]*failures{}, global: make(chan struct{}, maxLogins)}
}

// begin waits for the address's turn, the end of the delay in force and
// a free slot, and returns checked, which frees the slot once the password
// is checked, and end, which ends the attempt (and frees the slot if
// still held); it fails only when ctx ends first.
func (l *loginThrottle) begin(ctx context.Context, ip string) (checked, end func(), err error) {
	l.mu.Lock()
	f := l.fails[ip]
	if f == nil {
		f = &failures{turn: make(chan struct{}, 1)}
		l.fails[ip] = f
	}
	f.users++
	l.mu.Unlock()
	release := func() {
		l.mu.Lock()
		f.users--
		if f.users == 0 && f.n == 0 {
			delete(l.fails, ip)
		}
		l.mu.Unlock()
	}
	select {
	case f.turn <- struct{}{}:
	case <-ctx.Done():
		release()
		return nil, nil, ctx.Err()
	}
	// The delay is waited out holding the address's turn but no global
	// slot: an address made to wait does not keep others out.
	l.mu.Lock()
	wait := time.Until(f.until)
	l.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-f.turn
			release()
			return nil, nil, ctx.Err()
		}
	}
	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		<-f.turn
		release()
		return nil, nil, ctx.Err()
	}
	var once sync.Once
	checked = func() { once.Do(func() { <-l.global }) }
	end = func() { checked(); <-f.turn; release() }
	return checked, end, nil
}

// failed records a failure from ip (within its turn) and returns the
// delay now in force.
func (l *loginThrottle) failed(ip string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	for k, o := range l.fails { // addresses quiet for 15 minutes are forgotten
		if k != ip && o.users == 0 && time.Since(o.last) > 15*time.Minute {
			delete(l.fails, k)
		}
	}
	f := l.fails[ip]
	if time.Since(f.last) > 15*time.Minute {
		f.n = 0
	}
	f.n++
	f.last = time.Now()
	d := l.base
	for i := 1; i < f.n && d < 8*l.base; i++ {
		d *= 2
	}
	f.until = f.last.Add(d)
	return d
}

// succeeded forgets ip's failures (within its turn).
func (l *loginThrottle) succeeded(ip string) {
	l.mu.Lock()
	f := l.fails[ip]
	f.n, f.until = 0, time.Time{}
	l.mu.Unlock()
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if s.set.Password == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login", "Đăng nhập", loginData{})
}

type loginData struct {
	Name, Error string
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if s.set.Password == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	pw := r.PostFormValue("password")
	ip := clientIP(r)
	// The delay in force is waited out before the password is checked:
	// after failures even the right password waits.
	checked, end, err := s.logins.begin(r.Context(), ip)
	if err != nil {
		return
	}
	defer end()
	a, b := sha256.Sum256([]byte(pw)), sha256.Sum256([]byte(s.set.Password))
	checked()
	if subtle.ConstantTimeCompare(a[:], b[:]) != 1 || name == "" {
		d := s.logins.failed(ip)
		s.set.Logger.Warn("web: login failed", "name", name, "remote", ip, "delay", d.String())
		// The answer waits too, holding the address's turn (not a
		// global slot).
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		msg := "Sai mật khẩu. Hãy nhập lại; mỗi lần sai phải chờ lâu hơn."
		if name == "" && subtle.ConstantTimeCompare(a[:], b[:]) == 1 {
			msg = "Hãy nhập họ tên của bạn: trang ghi lại ai đã làm gì."
		}
		s.render(w, r, http.StatusUnauthorized, "login", "Đăng nhập", loginData{Name: name, Error: msg})
		return
	}
	s.logins.succeeded(ip)
	s.sessions.drop(current(r).ID)
	se := s.sessions.create(name)
	s.setCookie(w, r, se)
	s.set.Logger.Info("web: login", "who", name, "remote", ip)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	se := current(r)
	s.sessions.drop(se.ID)
	s.set.Logger.Info("web: logout", "who", se.Who, "remote", clientIP(r))
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/dang-nhap", http.StatusSeeOther)
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
