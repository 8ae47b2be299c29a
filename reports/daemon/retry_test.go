package daemon

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// inbox is a go-smtp server on a loopback port that keeps the Message-IDs
// it takes.
type inbox struct {
	mu  sync.Mutex
	ids []string
	to  map[string][]string // Message-ID → envelope recipients
}

func (b *inbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &inboxSession{b: b}, nil }

type inboxSession struct {
	b    *inbox
	rcpt []string
}

func (s *inboxSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *inboxSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, _, _ string) error { return nil }), nil
}
func (s *inboxSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *inboxSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.rcpt = append(s.rcpt, to)
	return nil
}
func (s *inboxSession) Data(r io.Reader) error {
	b, _ := io.ReadAll(r)
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	for _, line := range splitLines(string(b)) {
		if len(line) > 12 && line[:12] == "Message-Id: " {
			s.b.ids = append(s.b.ids, line[12:])
			if s.b.to == nil {
				s.b.to = map[string][]string{}
			}
			s.b.to[line[12:]] = s.rcpt
		}
	}
	return nil
}
func (s *inboxSession) Reset()        { s.rcpt = nil }
func (s *inboxSession) Logout() error { return nil }

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := 0
		for i < len(s) && s[i] != '\n' {
			i++
		}
		out = append(out, trimCR(s[:i]))
		if i < len(s) {
			i++
		}
		s = s[i:]
	}
	return out
}

func trimCR(s string) string {
	if len(s) > 0 && s[len(s)-1] == '\r' {
		return s[:len(s)-1]
	}
	return s
}

func (b *inbox) recipients(id string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.to[id]
}

func (b *inbox) got() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string{}, b.ids...)
}

func startInbox(t *testing.T) (*inbox, int) {
	b := &inbox{}
	srv := smtp.NewServer(b)
	srv.Domain, srv.AllowInsecureAuth = "localhost", true
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return b, l.Addr().(*net.TCPAddr).Port
}

func mailedConfig(t *testing.T, port int) *Settings {
	cfg, err := loadSettings(t, "../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Maker.Archive = t.TempDir()
	cfg.Mail.Host, cfg.Mail.Port, cfg.Mail.Security = "127.0.0.1", port, "none"
	cfg.Mail.Password, cfg.Mail.PasswordEnv = "s3cret", ""
	cfg.Mail.RetrySeconds = []int{}
	return cfg
}

// TestDaemonSendsWhatOthersLeftPending: while the daemon runs, `baocao
// run` leaves v1 of 2024-03 pending (the server was down), then v2
// pending too; the daemon's scan sends v2 only, and marks v1 superseded.
func TestDaemonSendsWhatOthersLeftPending(t *testing.T) {
	box, port := startInbox(t)
	cfg := mailedConfig(t, port)
	var mu sync.Mutex
	clock := time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location)
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	d.jobs.Wait()
	before := len(box.got())

	// Another process archives two versions of monthly 2024-02 with mail
	// on; its sends fail (a server that is not there).
	m, err := newFlow(cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	down := delivery.Settings{Host: "127.0.0.1", Port: 1, Security: "none", Backoff: []time.Duration{}}
	job := workflow.NewJob(m, &down, nil)
	p, _ := m.Period("monthly", "2024-02")
	var entries []archive.Entry
	for range 2 {
		out, err := job.Run(context.Background(), "monthly", p, workflow.RunOptions{})
		if err != nil || out.SendErr == nil {
			t.Fatalf("run: %v, send %v", err, out.SendErr)
		}
		entries = append(entries, out.Entry)
	}
	if got := d.retryPending(false); !got.Equal(clock.Add(time.Minute)) {
		t.Errorf("next retry at %v, want a minute after the failed round", got)
	}
	mu.Lock()
	clock = clock.Add(time.Minute)
	mu.Unlock()
	d.retryPending(false)
	d.retryPending(false)
	want := "<baocao.mn2010.monthly.2024-02.v2@hcm.edu.vn>"
	got := box.got()[before:]
	if len(got) != 1 || got[0] != want {
		t.Fatalf("sent %v, want only %s", got, want)
	}
	if rec, _, _ := delivery.LoadRecord(entries[0].Dir); rec.Status != delivery.Superseded || rec.SupersededBy != 2 {
		t.Errorf("v1: %+v, want superseded by v2", rec)
	}
}

// TestAtMostTwoRunsAtOnce: with the run locks of the four reports held
// elsewhere, two catch-up runs wait for a lock, holding both slots; the
// two others wait for a slot. Once the locks are free, all four run.
func TestAtMostTwoRunsAtOnce(t *testing.T) {
	cfg, err := loadSettings(t, "../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Maker.Archive, cfg.Mail.Host = t.TempDir(), ""
	store := &archive.Store{Root: cfg.Maker.Path(cfg.Maker.Archive)}
	var unlocks []func()
	for _, id := range cfg.Maker.ReportIDs() {
		u, err := store.LockReport(id, nil)
		if err != nil {
			t.Fatal(err)
		}
		unlocks = append(unlocks, u)
	}
	now := func() time.Time { return time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location) }
	logs := &syncLog{}
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	if n := strings.Count(logs.String(), "waiting for another run"); n != MaxRuns {
		t.Errorf("%d runs under way, want %d:\n%s", n, MaxRuns, logs.String())
	}
	for _, u := range unlocks {
		u()
	}
	d.jobs.Wait()
	d.Close(context.Background())
	for _, r := range []struct{ id, label string }{{"monthly", "2024-03"}, {"quarterly", "2024-Q1"}, {"annual", "2023"}, {"half-year", "2023-H2"}} {
		if _, ok, _ := store.Latest(r.id, r.label); !ok {
			t.Errorf("%s %s not run once the slots were free", r.id, r.label)
		}
	}
}

type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) { l.mu.Lock(); defer l.mu.Unlock(); return l.b.Write(p) }
func (l *syncLog) String() string              { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// TestLockKeptWhenTheArchiveIsRemoved: the archive folder is deleted under
// a running daemon; at its next scan it makes the lock again, and a second
// daemon is refused.
func TestLockKeptWhenTheArchiveIsRemoved(t *testing.T) {
	cfg, err := loadSettings(t, "../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Maker.Archive, cfg.Mail.Host = t.TempDir(), ""
	now := func() time.Time { return time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location) }
	logs := &syncLog{}
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	d.jobs.Wait()
	defer d.Close(context.Background())
	if err := os.RemoveAll(cfg.Maker.Archive); err != nil {
		t.Fatal(err)
	}
	d.checkLock() // what the retry loop does at each wake-up
	if _, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.DiscardHandler)}); !errors.Is(err, archive.ErrLocked) {
		t.Errorf("a second daemon after the archive was removed: %v, want ErrLocked", err)
	}
	if !strings.Contains(logs.String(), "lock file was removed") {
		t.Errorf("logs:\n%s", logs)
	}
}
