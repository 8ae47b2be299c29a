package main

import (
	"net"
	"net/url"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"

	"context"
	"fmt"
	"io"
	"log/slog"
	"os/signal"
	"syscall"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/signature"
	"github.com/mn2010/baocao/reports/workflow"
	"github.com/mn2010/baocao/reports/workflow/page"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/idlemem"
	"github.com/mn2010/baocao/internal/loopback"
	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports/delivery"
)

func webCmd(args []string, stdout, stderr io.Writer) error {
	limitMemory()
	fs, cfgPath := flagSet("web", stderr)
	format := fs.String("log-format", "text", catalog.FlagLogFormat.String())
	listen := fs.String("listen", "", catalog.FlagListen.F(config.DefaultWebListen))
	if err := parse(fs, args, lineOf(catalog.ArgsWeb)); err != nil {
		return err
	}
	log, err := logger(*format, stderr)
	if err != nil {
		return err
	}
	cfg, m, err := openMaker(*cfgPath, stderr)
	if err != nil {
		return err
	}
	if *listen != "" {
		cfg.Web.Listen = *listen
		setReviewPage(cfg.Config, m) // the review messages of runs from the page say where it is
	}
	// Stop on a signal from the moment the address is printed: whoever
	// read it may stop the page at once.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	idle := &idlemem.Tracker{} // the page's runs
	srv, err := OpenWeb(context.Background(), cfg, m, log, idle)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.WebListening.F(srv.Addr()))
	idle.Idle()
	<-ctx.Done()
	log.Info("stopping the web page: finishing requests and runs in hand")
	closeCtx, cancel := context.WithTimeout(context.Background(), stopTimeout)
	defer cancel()
	return srv.Close(closeCtx)
}

// WebSettings builds the page's settings from the config's [web]: a
// listen address other than this machine without a password is a config
// error naming the key.
func WebSettings(cfg *config.Config, log *slog.Logger) (web.Settings, error) {
	w := cfg.Web
	set := web.Settings{Listen: w.Listen, PublicURL: w.PublicURL, Location: cfg.Location, Logger: log, Unit: cfg.Unit.Name,
		PasswordKey: catalog.PgPasswordKey.String(), SignedMaxBytes: signature.Settings{MaxMB: cfg.Signed.MaxMB}.MaxBytes(),
		Accounts: accountsOf(cfg), SessionFile: sessionsFile(cfg), Approvers: approversOf(cfg)}
	if set.Listen == "" {
		set.Listen = config.DefaultWebListen
	}
	if w.PasswordEnv != "" || w.PasswordFile != "" {
		pw, warning, err := delivery.Password(w.PasswordEnv, cfg.Path(w.PasswordFile))
		if err != nil {
			return set, fmt.Errorf("%w: [web]: %v", config.ErrInvalid, err)
		}
		if warning != "" {
			log.Warn("[web] " + warning)
		}
		set.Password = pw
	}
	if err := set.Check(); err != nil {
		return set, fmt.Errorf("%w: %s: [web] %v", config.ErrInvalid, cfg.File, err)
	}
	return set, nil
}

// OpenWeb starts the staff's web page for cfg and returns it running; the
// caller Closes it. `baocao web` calls it alone; `baocao serve` calls it
// beside the daemon when [web] listen is set.
func OpenWeb(ctx context.Context, cfg *conf, m *workflow.Flow, log *slog.Logger, idle *idlemem.Tracker) (*web.Server, error) {
	set, err := WebSettings(cfg.Config, log)
	if err != nil {
		return nil, err
	}
	set.Notify = adminNotifier(cfg, m)
	m.SetAccounts(set.Accounts) // the review messages of runs from the page go to the approvers' accounts
	var backend web.Backend = page.NewReportsBackend(m, cfg.pageSettings(), nil)
	if idle != nil {
		backend = idleBackend{backend, idle}
	}
	srv, err := web.New(set, backend)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", config.ErrInvalid, err)
	}
	if err := srv.Open(ctx); err != nil {
		return nil, listenError{set.Listen, err}
	}
	return srv, nil
}

// listenError is the page's address that cannot be opened, in the
// language in force; errors.Is and errors.As see the system's error.
type listenError struct {
	addr string
	err  error
}

func (e listenError) Error() string {
	return catalog.WebCannotListen.F(e.addr, catalog.ListenWhy(e.err))
}
func (e listenError) Unwrap() error { return e.err }

// reviewLink is the link to a version's page for the reviewers' messages:
// [web] public_url; nil when the config gives the page no address others
// could open (a link to 127.0.0.1 opens only on the server, never on the
// principal's phone).
func reviewLink(cfg *config.Config) func(e archive.Entry) string {
	base := strings.TrimRight(cfg.Web.PublicURL, "/")
	if base == "" {
		return nil
	}
	return func(e archive.Entry) string {
		return fmt.Sprintf("%s/bao-cao/%s/%s/v%d", base, url.PathEscape(e.Report), url.PathEscape(e.Period), e.Version)
	}
}

// localPage tells whether the page listens on this machine only (and has
// no public_url): the review message then says the draft is on the
// server's page.
func localPage(cfg *config.Config) bool {
	if cfg.Web.PublicURL != "" || cfg.Web.Listen == "" {
		return false
	}
	host, _, err := net.SplitHostPort(cfg.Web.Listen)
	return err == nil && loopback.Host(host)
}

// setReviewPage tells m's review messages where the draft's page is.
func setReviewPage(cfg *config.Config, m *workflow.Flow) {
	m.SetReviewLink(reviewLink(cfg))
	m.SetLocalPage(localPage(cfg))
}

// idleBackend is the page's backend whose runs count as work in hand for
// the process's idlemem.Tracker: when the last run ends, the memory it
// used goes back to the system.
type idleBackend struct {
	web.Backend
	idle *idlemem.Tracker
}

func (b idleBackend) Run(ctx context.Context, who, report, period string, progress func(string)) (web.VersionRef, error) {
	defer b.idle.Begin()()
	return b.Backend.Run(ctx, who, report, period, progress)
}
