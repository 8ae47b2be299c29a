package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/idlemem"
	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/daemon"
)

// stopTimeout bounds how long SIGTERM waits for the run in hand.
const stopTimeout = 10 * time.Minute

func serveCmd(args []string, stdout, stderr io.Writer) error {
	limitMemory()
	fs, cfgPath := flagSet("serve", stderr)
	format := fs.String("log-format", "text", catalog.FlagLogFormat.String())
	logFile := fs.String("log-file", "", catalog.FlagLogFile.String())
	if err := parse(fs, args, lineOf(catalog.ArgsServe)); err != nil {
		return err
	}
	out, closeLog, err := logOutput(*logFile, stderr)
	if err != nil {
		return err
	}
	defer closeLog()
	log, err := logger(*format, out)
	if err != nil {
		return err
	}
	if ok, err := underServiceManager(*cfgPath, log); ok {
		return err
	}
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	u, err := openServe(context.Background(), cfg, log)
	if err != nil {
		return err
	}
	d, page := u.daemon, u.page
	for sig := range sigs {
		if sig == syscall.SIGHUP {
			reload(d, *cfgPath, log)
			if page != nil {
				log.Info("the web page keeps its settings until serve restarts ([web] and the reports it shows)")
			}
			continue
		}
		log.Info("stopping: finishing the run in hand", "signal", sig.String())
		ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
		err := u.Close(ctx)
		cancel()
		if err != nil {
			return err
		}
		log.Info("stopped")
		return nil
	}
	return nil
}

// serving is what serve runs: the daemon and, when [web] listen is set,
// the staff's page.
type serving struct {
	daemon *daemon.Daemon
	page   *web.Server // nil without [web] listen
}

// openServe starts the page, then the daemon. The page's settings are
// checked before anything starts: a listen address other than this
// machine without a password is a config error (exit 2) naming the key;
// and the page's address is taken before the daemon catches up missed
// runs, so that an address another program holds stops serve before it
// archives or mails anything.
func openServe(ctx context.Context, cfg *conf, log *slog.Logger) (*serving, error) {
	u := &serving{}
	idle := &idlemem.Tracker{} // the daemon's and the page's runs
	if cfg.Web.Listen != "" {
		if _, err := WebSettings(cfg.Config, log); err != nil {
			return nil, err
		}
		page, err := openServeWeb(ctx, cfg, log, idle)
		if err != nil {
			return nil, err
		}
		u.page = page
	}
	d, err := daemon.Open(ctx, cfg.daemon, daemon.Options{Logger: log, ReviewLink: reviewLink(cfg.Config), Accounts: accountsOf(cfg.Config), Idle: idle})
	if err != nil {
		if u.page != nil {
			cctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
			defer cancel()
			err = errors.Join(err, u.page.Close(cctx))
		}
		return nil, err
	}
	u.daemon = d
	return u, nil
}

// Close stops the page first (no new runs from it while the daemon
// stops), then the daemon; both finish what they have in hand until ctx
// ends.
func (u *serving) Close(ctx context.Context) error {
	var werr error
	if u.page != nil {
		werr = u.page.Close(ctx)
	}
	return errors.Join(werr, u.daemon.Close(ctx))
}

// openServeWeb starts the page beside the daemon, with a maker of its own
// (the daemon's is replaced on reload): its archive warnings go to the
// log, and its review messages link to the page.
func openServeWeb(ctx context.Context, cfg *conf, log *slog.Logger, idle *idlemem.Tracker) (*web.Server, error) {
	m, err := cfg.newFlow(reports.WarnTo(func(msg string) { log.Warn(msg) }))
	if err != nil {
		return nil, err
	}
	return OpenWeb(ctx, cfg, m, log, idle)
}

// reload validates the config file and switches to it; a config that
// cannot be used is logged and the old one kept.
func reload(d *daemon.Daemon, path string, log *slog.Logger) {
	cfg, err := loadConfig(path, io.Discard)
	if err == nil {
		err = d.Reload(cfg.daemon)
	}
	if err != nil {
		log.Error("config not reloaded; keeping the old one", "error", err.Error())
	}
}

func logger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, errUsage.Newf(catalog.BadLogFormat, format)
}
