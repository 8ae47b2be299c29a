package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// slowServer takes messages slowly: it tells the test when DATA began,
// then waits before its 250.
type slowServer struct {
	inData chan struct{}
	delay  time.Duration
}

func (s *slowServer) NewSession(*smtp.Conn) (smtp.Session, error) { return slowSession{s}, nil }

type slowSession struct{ s *slowServer }

func (slowSession) AuthMechanisms() []string { return []string{sasl.Plain} }
func (slowSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, _, _ string) error { return nil }), nil
}
func (slowSession) Mail(string, *smtp.MailOptions) error { return nil }
func (slowSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (x slowSession) Data(r io.Reader) error {
	io.Copy(io.Discard, r)
	select {
	case x.s.inData <- struct{}{}:
	default:
	}
	time.Sleep(x.s.delay)
	return nil
}
func (slowSession) Reset()        {}
func (slowSession) Logout() error { return nil }

// TestSIGTERMLetsTheDeliveryAttemptFinish: serve gets SIGTERM while the
// server is taking its first message; it waits for the server's answer,
// records the message sent, starts nothing else and exits 0.
func TestSIGTERMLetsTheDeliveryAttemptFinish(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	slow := &slowServer{inData: make(chan struct{}, 1), delay: 2 * time.Second}
	srv := smtp.NewServer(slow)
	srv.Domain, srv.AllowInsecureAuth = "localhost", true
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	defer srv.Close()
	cfg := project(t)
	withCurrentData(t, cfg) // its catch-up runs have data to send
	b, _ := os.ReadFile(cfg)
	s := strings.NewReplacer(`host = "smtp.example.vn"`, `host = "127.0.0.1"`, "port = 587", fmt.Sprintf("port = %d", l.Addr().(*net.TCPAddr).Port),
		`security = "starttls"`, `security = "none"`).Replace(string(b))
	os.WriteFile(cfg, []byte(s), 0o644)
	withoutReviewers(t, cfg) // every catch-up run sends to the district

	cmd := child(bin, "", "serve", "-c", cfg, "--log-format", "json")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	select {
	case <-slow.inData:
	case <-time.After(60 * time.Second):
		t.Fatalf("no message reached the server\n%s", logs)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, logs)
	}
	sent, other := 0, 0
	dirs, _ := filepath.Glob(filepath.Join(filepath.Dir(cfg), "archive", "*", "*", "v1"))
	for _, d := range dirs {
		rec := readRecord(t, d)
		switch {
		case rec.Status == "sent":
			sent++
		case len(rec.Attempts) > 0:
			other++
		}
	}
	if sent < 1 || other != 0 {
		t.Errorf("%d versions sent, %d with an unfinished attempt; want the one in hand sent\n%s", sent, other, logs)
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("logs:\n%s", logs)
	}
}
