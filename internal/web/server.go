package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"io/fs"
	"net"
	"net/http"
	"sync"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Server is the staff's web page.
type Server struct {
	set     Settings
	backend Backend
	pages   map[string]*pageTemplate
	handler http.Handler

	sessions *sessions
	logins   *loginThrottle
	jobs     *jobs
	confirms *confirmations
	checks   *checkPool

	mu     sync.Mutex
	srv    *http.Server
	ln     net.Listener
	served chan error
	ctx    context.Context // cancelled by Close: stops runs in hand
	cancel context.CancelFunc
}

// New checks the settings and builds the page's handler; Open starts
// listening.
func New(set Settings, b Backend) (*Server, error) {
	if err := set.Check(); err != nil {
		return nil, err
	}
	set = set.withDefaults()
	if set.Accounts != nil {
		// A lock's 15 minutes are counted on the page's clock, as the
		// sessions' times and the login delays are.
		set.Accounts.SetClock(set.Now)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	ss, err := newSessions(set.SessionFile, set.SessionIdle, set.SessionTTL, set.Now, func(msg string, err error) {
		set.Logger.Error(msg, "error", err.Error())
	})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{set: set, backend: b, pages: pages,
		sessions: ss, logins: newLoginThrottle(set.LoginDelay, set.Now), jobs: newJobs(), confirms: newConfirmations(), checks: newCheckPool(),
		ctx: ctx, cancel: cancel}
	s.handler = s.routes()
	return s, nil
}

// Handler is the whole page, for tests and for a caller with its own
// listener.
func (s *Server) Handler() http.Handler { return s.handler }

// Open listens on the settings' address and serves in the background.
func (s *Server) Open(ctx context.Context) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.set.Listen)
	if err != nil {
		return fmt.Errorf("web: listen %s: %w", s.set.Listen, err)
	}
	srv := &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		IdleTimeout: 2 * time.Minute, ErrorLog: nil}
	s.mu.Lock()
	served := make(chan error, 1)
	s.srv, s.ln, s.served = srv, ln, served
	s.mu.Unlock()
	go func() { served <- srv.Serve(ln) }()
	// Read the manifests and the sources once now, so that the first
	// visitor does not wait for them.
	s.jobs.wg.Add(1)
	go func() {
		defer s.jobs.wg.Done()
		s.backend.Versions(s.ctx, "")
		s.backend.Check(s.ctx, "")
	}()
	s.set.Logger.Info("web page listening", "url", "http://"+ln.Addr().String()+"/", "login", s.needsLogin(), "accounts", s.usesAccounts())
	return nil
}

// Addr is the address the server listens on, once open.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Close stops taking requests, lets those in hand and the runs started
// from the page finish until ctx ends, then cancels what is left: the
// runs' context (a run waiting for the mail server stops; a version being
// archived is whole or not there, as always) and the caches' warm-up.
func (s *Server) Close(ctx context.Context) error {
	s.mu.Lock()
	srv, served := s.srv, s.served
	s.srv, s.served = nil, nil // a second Close has nothing to wait for
	s.mu.Unlock()
	var err error
	if srv != nil {
		err = srv.Shutdown(ctx)
		if serr := <-served; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
			err = serr
		}
	}
	done := make(chan struct{})
	go func() { s.jobs.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.cancel()
		<-done
		if err == nil {
			err = catalog.PgRunsCancelled.Errorf(ctx.Err())
		}
	}
	s.cancel()
	return err
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assetFS, "assets")
	mux.Handle("GET /tai-nguyen/", http.StripPrefix("/tai-nguyen/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", s.overview)
	mux.HandleFunc("GET /kiem-tra", s.check)
	mux.HandleFunc("GET /lich-su", s.history)
	mux.HandleFunc("GET /ke-hoach", s.plan)
	mux.HandleFunc("GET /chay", s.runForm)
	mux.HandleFunc("POST /chay", s.runStart)
	mux.HandleFunc("GET /chay/{job}", s.runJob)
	mux.HandleFunc("GET /bao-cao/{report}/{period}/{version}", s.version)
	mux.HandleFunc("GET /bao-cao/{report}/{period}/{version}/tep/{name}", s.file)
	mux.HandleFunc("GET /bao-cao/{report}/{period}/{version}/gui-lai", s.resendConfirm)
	mux.HandleFunc("POST /bao-cao/{report}/{period}/{version}/gui", s.send)
	mux.HandleFunc("POST /bao-cao/{report}/{period}/{version}/duyet", s.approve)
	mux.HandleFunc("POST /bao-cao/{report}/{period}/{version}/tra-lai", s.reject)
	mux.HandleFunc("POST /bao-cao/{report}/{period}/{version}/"+signedUploadPath, s.uploadSigned)
	mux.HandleFunc("GET /dang-nhap", s.loginForm)
	mux.HandleFunc("POST /dang-nhap", s.login)
	mux.HandleFunc("POST /dang-xuat", s.logout)
	mux.HandleFunc("GET "+passwordPath, s.passwordForm)
	mux.HandleFunc("POST "+passwordPath, s.passwordChange)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			s.fail(w, r, http.StatusMethodNotAllowed, catalog.PgBadMethod.F(r.Method), catalog.PgBadMethodFix.String())
			return
		}
		s.fail(w, r, http.StatusNotFound, catalog.PgNoPage.String(), catalog.PgNoPageFix.String())
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, catalog.PgOtherSite.String(), catalog.PgOtherSiteFix.String())
	}))
	var h http.Handler = mux
	h = s.csrf(h)
	h = cop.Handler(h)
	h = s.auth(h)
	h = s.session(h)
	h = s.hostCheck(h)
	h = s.cleanPath(h)
	h = s.headers(h)
	h = s.recover(h)
	return h
}
