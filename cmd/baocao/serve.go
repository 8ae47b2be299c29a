package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/mn2010/baocao/reports/daemon"
)

// stopTimeout bounds how long SIGTERM waits for the run in hand.
const stopTimeout = 10 * time.Minute

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("serve", stderr)
	format := fs.String("log-format", "text", "log `FORMAT`: text or json")
	logFile := fs.String("log-file", "", "append logs to `FILE` instead of stderr (a Windows service has no console)")
	if err := parse(fs, args, "[--log-format text|json] [--log-file FILE] [-c CONFIG]"); err != nil {
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
	d, err := daemon.Open(context.Background(), cfg, daemon.Options{Logger: log})
	if err != nil {
		return err
	}
	for sig := range sigs {
		if sig == syscall.SIGHUP {
			reload(d, *cfgPath, log)
			continue
		}
		log.Info("stopping: finishing the run in hand", "signal", sig.String())
		ctx, cancel := context.WithTimeout(context.Background(), stopTimeout)
		err := d.Close(ctx)
		cancel()
		if err != nil {
			return err
		}
		log.Info("stopped")
		return nil
	}
	return nil
}

// reload validates the config file and switches to it; a config that
// cannot be used is logged and the old one kept.
func reload(d *daemon.Daemon, path string, log *slog.Logger) {
	cfg, err := loadConfig(path, io.Discard)
	if err == nil {
		err = d.Reload(cfg)
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
	return nil, fmt.Errorf("%w: --log-format %q: want text or json", errUsage, format)
}
