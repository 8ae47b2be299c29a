package daemon

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/idlemem"
)

// TestOpenCatchesUpWithAnInjectedClock starts the daemon "on 2 April 2024"
// with an empty archive: every report's latest period is run at once, and
// a second Open on the same archive is refused.
func TestOpenCatchesUpWithAnInjectedClock(t *testing.T) {
	cfg, err := loadSettings(t, "../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Maker.Archive = t.TempDir()
	cfg.Mail.Host = "" // archive only
	now := func() time.Time { return time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location) }
	var logs bytes.Buffer
	var releases atomic.Int32
	idle := idlemem.NewTracker(func() { releases.Add(1) })
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil)), Idle: idle})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(context.Background(), cfg, Options{Now: now}); err == nil || !strings.Contains(err.Error(), ".daemon.lock") {
		t.Errorf("a second daemon on the archive: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d.jobs.Wait()
	if err := d.Close(ctx); err != nil {
		t.Fatal(err)
	}
	// The memory the four runs left went back when the last one ended
	// (and at the "started" line if nothing was under way then); never
	// while the runs went on, as the tracker counts them.
	if n := releases.Load(); n < 1 || n > 2 {
		t.Errorf("memory given back %d times after the catch-up's runs, want 1 or 2", n)
	}
	st := d.state.maker.Store()
	for report, label := range map[string]string{"monthly": "2024-03", "quarterly": "2024-Q1", "half-year": "2023-H2", "annual": "2023"} {
		if _, ok, _ := st.Latest(report, label); !ok {
			t.Errorf("%s %s not caught up\n%s", report, label, logs.String())
		}
	}
	out := logs.String()
	for _, w := range []string{"catching up a missed run", "report=monthly period=2024-03 version=1", "result=archived", "older periods were never archived"} {
		if !strings.Contains(out, w) {
			t.Errorf("logs lack %q:\n%s", w, out)
		}
	}

	// A restart owes nothing.
	logs.Reset()
	d, err = Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	d.jobs.Wait()
	d.Close(ctx)
	if strings.Contains(logs.String(), "catching up") {
		t.Errorf("a restart caught up again:\n%s", logs.String())
	}
}

func TestReloadKeepsTheOldConfigWhenTheNewOneIsWrong(t *testing.T) {
	cfg, err := loadSettings(t, "../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Maker.Archive, cfg.Mail.Host = t.TempDir(), ""
	now := func() time.Time { return time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location) }
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	bad := *cfg
	bad.Mail.Host, bad.Mail.Username, bad.Mail.PasswordEnv = "smtp.example.vn", "x", "BAOCAO_NO_SUCH_VARIABLE"
	if err := d.Reload(&bad); err == nil {
		t.Fatal("a config whose password cannot be read should not be taken")
	}
	if st, _ := d.current(); st.cfg != cfg {
		t.Error("the old config was dropped")
	}
	good := *cfg
	if err := d.Reload(&good); err != nil {
		t.Fatal(err)
	}
	if st, _ := d.current(); st.cfg != &good {
		t.Error("the new config was not taken")
	}
}
