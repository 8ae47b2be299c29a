package daemon

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// dropper stores each message, then drops the connection before "250".
type dropper struct{ stored atomic.Int32 }

func (d *dropper) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &dropSession{d: d, c: c}, nil
}

type dropSession struct {
	d *dropper
	c *smtp.Conn
}

func (s *dropSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *dropSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s *dropSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	s.d.stored.Add(1)
	s.c.Conn().Close()
	return errors.New("dropped after storing")
}
func (s *dropSession) Reset()        {}
func (s *dropSession) Logout() error { return nil }

// TestDaemonNeverResendsMaybeSent: a run leaves a version "uncertain"
// (the server stored the message and dropped the connection before
// answering). The daemon's scans never send it again; they tell
// admin_email once, and log it.
func TestDaemonNeverResendsMaybeSent(t *testing.T) {
	drop := &dropper{}
	srv := smtp.NewServer(drop)
	srv.Domain = "localhost"
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })

	box, port := startInbox(t)
	cfg := mailedConfig(t, port)
	cfg.Mail.Username = ""
	cfg.Workflow.Unit.AdminEmail = "admin@mn2010.edu.vn"
	now := func() time.Time { return time.Date(2024, 4, 2, 8, 0, 0, 0, cfg.Maker.Location) }
	logs := &syncLog{}
	d, err := Open(context.Background(), cfg, Options{Now: now, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	d.jobs.Wait()
	before := len(box.got())

	m, err := newFlow(cfg, now)
	if err != nil {
		t.Fatal(err)
	}
	s := delivery.Settings{Host: "127.0.0.1", Port: l.Addr().(*net.TCPAddr).Port, Security: "none",
		Backoff: []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}}
	p, _ := m.Period("monthly", "2024-02")
	out, err := workflow.NewJob(m, &s, nil).Run(context.Background(), "monthly", p, workflow.RunOptions{})
	if err != nil || !errors.Is(out.SendErr, delivery.ErrUncertain) || out.Record.Status != delivery.Uncertain {
		t.Fatalf("run: %v, send %v", err, out.SendErr)
	}
	if n := drop.stored.Load(); n != 1 {
		t.Fatalf("the dropping server stored %d copies, want 1 (no retry)", n)
	}
	for range 3 {
		d.retryPending(true)
	}
	var got []string // what the scans sent about monthly 2024-02
	for _, id := range box.got()[before:] {
		if strings.Contains(id, "2024-02") {
			got = append(got, id)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "maybe-sent.monthly.2024-02.v1") {
		t.Fatalf("the daemon sent %v, want only the notice to the admin; logs:\n%s", got, logs)
	}
	if to := box.recipients(got[0]); len(to) != 1 || to[0] != cfg.Workflow.Unit.AdminEmail {
		t.Errorf("notice to %v, want %s", to, cfg.Workflow.Unit.AdminEmail)
	}
	if rec, _, _ := delivery.LoadRecord(out.Entry.Dir); rec.Status != delivery.Uncertain || len(rec.Attempts) != 1 {
		t.Errorf("record %+v, want uncertain after one attempt", rec)
	}
	if !strings.Contains(logs.String(), "may have arrived") {
		t.Errorf("logs:\n%s", logs)
	}
}
