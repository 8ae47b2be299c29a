package delivery

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/mn2010/baocao/internal/testcert"
)

// faultServer is go-smtp's server with faults injected.
type faultServer struct {
	newSession error                                 // answered to EHLO
	auth       error                                 // answered to AUTH
	noAuth     bool                                  // offer no AUTH at all
	data       func(c *smtp.Conn, r io.Reader) error // at DATA
	mu         sync.Mutex
	sessions   int
	delivered  int
}

func (f *faultServer) NewSession(c *smtp.Conn) (smtp.Session, error) {
	f.mu.Lock()
	f.sessions++
	f.mu.Unlock()
	if f.newSession != nil {
		return nil, f.newSession
	}
	s := &session{f: f, c: c}
	if f.noAuth {
		return plainSession{s}, nil
	}
	return s, nil
}

type session struct {
	f *faultServer
	c *smtp.Conn
}

type plainSession struct{ *session } // hides AuthMechanisms: no AUTH offered

func (s plainSession) AuthMechanisms() {}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }
func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if s.f.auth != nil {
			return s.f.auth
		}
		if user != "mn2010" || pass != "s3cret" {
			return smtp.ErrAuthFailed
		}
		return nil
	}), nil
}
func (s *session) Mail(string, *smtp.MailOptions) error { return nil }
func (s *session) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s *session) Data(r io.Reader) error {
	if s.f.data != nil {
		return s.f.data(s.c, r)
	}
	io.Copy(io.Discard, r)
	s.f.mu.Lock()
	s.f.delivered++
	s.f.mu.Unlock()
	return nil
}
func (s *session) Reset()        {}
func (s *session) Logout() error { return nil }

// start serves f on a loopback port; tlsCfg, if set, offers STARTTLS.
func (f *faultServer) start(t *testing.T, tlsCfg *tls.Config) (host string, port int) {
	t.Helper()
	srv := smtp.NewServer(f)
	srv.Domain, srv.AllowInsecureAuth, srv.TLSConfig = "localhost", true, tlsCfg
	srv.ReadTimeout, srv.WriteTimeout = 5*time.Second, 5*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	a := l.Addr().(*net.TCPAddr)
	return "127.0.0.1", a.Port
}

func testMessage() *Message {
	return &Message{From: "Trường Mầm non 20/10 <mn2010@hcm.edu.vn>", To: []string{"phongnoivu@tphcm.gov.vn"},
		Subject: "Báo cáo CCHC tháng 3 năm 2024", Body: "Kính gửi", MessageID: "test.1@hcm.edu.vn",
		Date:        time.Date(2024, 3, 16, 7, 0, 0, 0, time.UTC),
		Attachments: []Attachment{{Name: "bao-cao.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4")}}}
}

func settings(host string, port int, security string) Settings {
	return Settings{Host: host, Port: port, Security: security, Username: "mn2010", Password: "s3cret",
		From: "mn2010@hcm.edu.vn", DialTimeout: 2 * time.Second, CommandTimeout: 2 * time.Second,
		DataTimeout: 2 * time.Second, Backoff: []time.Duration{time.Millisecond, time.Millisecond}}
}

func TestFaults(t *testing.T) {
	pair, err := testcert.New("baocao test CA")
	if err != nil {
		t.Fatal(err)
	}
	serverTLS, _ := pair.TLSConfig()
	untrusted, _ := testcert.New("someone else")
	tests := []struct {
		name      string
		server    *faultServer
		tls       *tls.Config // offer STARTTLS with this
		security  string
		trust     *testcert.Pair
		transient bool
		words     string
		fault     Fault
	}{
		{"421 at connect", &faultServer{newSession: &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 3, 2}, Message: "Too busy, try later"}},
			nil, "none", nil, true, "421 Too busy", FaultBusy},
		{"451 after DATA", &faultServer{data: func(_ *smtp.Conn, r io.Reader) error {
			io.Copy(io.Discard, r)
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Local error in processing"}
		}}, nil, "none", nil, true, "end of DATA: the server answered 451", FaultBusy},
		// The small message is all in the server's buffer when it drops
		// the connection: to baocao, the whole message went and no answer
		// came, so it may have arrived (uncertain_test.go has the drop in
		// the middle of a large one).
		{"connection dropped after the message", &faultServer{data: func(c *smtp.Conn, r io.Reader) error {
			io.CopyN(io.Discard, r, 10)
			c.Conn().Close()
			return errors.New("dropped")
		}}, nil, "none", nil, false, "may have been accepted", FaultUncertain},
		{"535 on AUTH", &faultServer{auth: smtp.ErrAuthFailed}, nil, "none", nil, false, "authentication failed for mn2010", FaultLogin},
		{"untrusted certificate", &faultServer{}, serverTLS, "starttls", untrusted, false, "certificate is not trusted", FaultCertificate},
		{"server without AUTH", &faultServer{noAuth: true}, nil, "none", nil, false, "offers no AUTH PLAIN or LOGIN", FaultNoLogin},
		{"server without STARTTLS", &faultServer{}, nil, "starttls", pair, false, "STARTTLS", FaultNoStartTLS},
		{"nothing listening", nil, nil, "none", nil, true, "connecting to", FaultNetwork},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host, port := "127.0.0.1", freePort(t)
			if tt.server != nil {
				host, port = tt.server.start(t, tt.tls)
			}
			s := settings(host, port, tt.security)
			if tt.trust != nil {
				s.RootCAs = tt.trust.Pool()
			}
			dir := t.TempDir()
			rec, err := New(s, Options{}).Deliver(context.Background(), dir, testMessage(), false)
			// The record keeps the server's words in English; the person
			// reads the fault in Vietnamese.
			if err == nil || !strings.Contains(English(err), tt.words) {
				t.Fatalf("err = %v, want one saying %q", err, tt.words)
			}
			if f := FaultOther; errors.As(err, &f) && !strings.Contains(err.Error(), f.String()) {
				t.Errorf("err = %v, want it saying %q", err, f.String())
			}
			if strings.Contains(err.Error(), "s3cret") || strings.Contains(English(err), "s3cret") {
				t.Error("the password appears in the error")
			}
			if f := FaultOther; !errors.As(err, &f) || f != tt.fault || f.String() == "" {
				t.Errorf("fault %v (%s), want %v: %v", f, f, tt.fault, err)
			}
			if errors.Is(err, ErrTransient) != tt.transient {
				t.Errorf("transient = %v, want %v: %v", errors.Is(err, ErrTransient), tt.transient, err)
			}
			saved, ok, _ := LoadRecord(dir)
			if !ok || saved.Status == Sent || saved.Status != rec.Status {
				t.Fatalf("record %+v", saved)
			}
			wantTries, wantStatus := 1, Failed
			if tt.fault == FaultUncertain {
				wantStatus = Uncertain
			}
			if tt.transient {
				wantTries, wantStatus = 3, Pending
			}
			if len(saved.Attempts) != wantTries || saved.Status != wantStatus {
				t.Errorf("%d attempts, status %s; want %d, %s", len(saved.Attempts), saved.Status, wantTries, wantStatus)
			}
			if tt.server != nil && tt.server.delivered != 0 {
				t.Errorf("the server took %d messages", tt.server.delivered)
			}
		})
	}
}

func TestSendOnceThenNotAgain(t *testing.T) {
	pair, _ := testcert.New("baocao test CA")
	serverTLS, _ := pair.TLSConfig()
	f := &faultServer{}
	host, port := f.start(t, serverTLS)
	s := settings(host, port, "starttls")
	s.RootCAs = pair.Pool()
	d, dir := New(s, Options{}), t.TempDir()
	rec, err := d.Deliver(context.Background(), dir, testMessage(), false)
	if err != nil || rec.Status != Sent || rec.MessageID != "<test.1@hcm.edu.vn>" {
		t.Fatalf("%+v, %v", rec, err)
	}
	if _, err := d.Deliver(context.Background(), dir, testMessage(), false); !errors.Is(err, ErrAlreadySent) {
		t.Fatalf("second delivery: %v, want ErrAlreadySent", err)
	}
	if _, err := d.Deliver(context.Background(), dir, testMessage(), true); err != nil {
		t.Fatalf("forced: %v", err)
	}
	if f.delivered != 2 {
		t.Errorf("server took %d messages, want 2 (one, then one forced)", f.delivered)
	}
}

func TestRefusesPlaintextPasswordToAnotherHost(t *testing.T) {
	f := &faultServer{}
	host, port := f.start(t, nil)
	local := settings(host, port, "none")
	c, err := connect(context.Background(), local.withDefaults(), time.Now().Add(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	remote := settings("smtp.example.vn", 25, "none")
	err = authenticate(c, remote)
	if !errors.Is(err, ErrPermanent) || !errors.Is(err, FaultPlaintext) || !strings.Contains(English(err), "refusing to send the password over an unencrypted connection") || !strings.Contains(err.Error(), "không mã hoá tới smtp.example.vn") {
		t.Errorf("err = %v", err)
	}
}

func TestTooLargeIsNotSent(t *testing.T) {
	f := &faultServer{}
	host, port := f.start(t, nil)
	s := settings(host, port, "none")
	s.MaxBytes = 4
	dir := t.TempDir()
	_, err := New(s, Options{}).Deliver(context.Background(), dir, testMessage(), false)
	if !errors.Is(err, ErrPermanent) || !errors.Is(err, FaultTooLarge) || !strings.Contains(English(err), "over the limit of 4 bytes") || !strings.Contains(err.Error(), "quá giới hạn 4 bytes") || f.sessions != 0 {
		t.Errorf("err %v, sessions %d", err, f.sessions)
	}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
