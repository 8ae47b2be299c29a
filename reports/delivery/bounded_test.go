package delivery

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// rawServer accepts connections and hands each to serve: a mail server
// that misbehaves below what go-smtp's server allows.
func rawServer(t *testing.T, serve func(c net.Conn)) (string, int) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); serve(c) }()
		}
	}()
	return "127.0.0.1", l.Addr().(*net.TCPAddr).Port
}

// greetThenStartTLS says hello, offers STARTTLS, agrees to it, then never
// answers the TLS handshake.
func greetThenStartTLS(c net.Conn) {
	r := bufio.NewReader(c)
	io.WriteString(c, "220 mail.example.vn ESMTP\r\n")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		switch strings.ToUpper(strings.Fields(line + " x")[0]) {
		case "EHLO":
			io.WriteString(c, "250-mail.example.vn\r\n250 STARTTLS\r\n")
		case "STARTTLS":
			io.WriteString(c, "220 go ahead\r\n")
			io.Copy(io.Discard, r) // and hang in the handshake
			return
		}
	}
}

// TestHostileServersAreBounded: each attempt against a server that streams
// an endless greeting, sends a 1 MB reply line or hangs in TLS ends within
// its deadline, having used little memory.
func TestHostileServersAreBounded(t *testing.T) {
	endless := func(c net.Conn) {
		line := []byte("220-" + strings.Repeat("x", 70) + "\r\n")
		for {
			if _, err := c.Write(line); err != nil {
				return
			}
		}
	}
	hugeLine := func(c net.Conn) {
		c.Write([]byte("220 " + strings.Repeat("y", 1<<20) + "\r\n"))
		io.Copy(io.Discard, c)
	}
	silent := func(c net.Conn) { io.Copy(io.Discard, c) } // accepts, never speaks: hangs a TLS handshake
	tests := []struct {
		name     string
		serve    func(net.Conn)
		security string
		words    string
	}{
		{"endless 220- greeting", endless, "none", "oversized reply"},
		{"endless greeting before STARTTLS", endless, "starttls", "oversized reply"},
		{"1 MB reply line", hugeLine, "starttls", "too long a line"},
		{"server hanging in TLS (465)", silent, "tls", "TLS with"},
		{"server hanging in STARTTLS", greetThenStartTLS, "starttls", "i/o timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host, port := rawServer(t, tt.serve)
			s := settings(host, port, tt.security)
			s.CommandTimeout, s.DataTimeout, s.DialTimeout = time.Hour, time.Hour, time.Hour // go-smtp's own would wait that long
			s.AttemptTimeout = 2 * time.Second
			s.Backoff = []time.Duration{}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			began := time.Now()
			_, err := New(s, Options{}).Deliver(context.Background(), t.TempDir(), testMessage(), false)
			took := time.Since(began)
			runtime.ReadMemStats(&after)
			if err == nil || !errors.Is(err, ErrTransient) || !strings.Contains(English(err), tt.words) {
				t.Errorf("err = %v, want a transient failure saying %q", English(err), tt.words)
			}
			if took > 3*time.Second {
				t.Errorf("the attempt took %v; its deadline was 2s", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 50<<20 {
				t.Errorf("the attempt allocated %d MB", alloc>>20)
			}
			t.Logf("%v, %d KB allocated: %v", took.Round(time.Millisecond), (after.TotalAlloc-before.TotalAlloc)>>10, err)
		})
	}
}

// TestNothingSentWithoutARecord: when the record cannot be written (a
// full or read-only disk, here a writer that fails), nothing is sent.
func TestNothingSentWithoutARecord(t *testing.T) {
	f := &faultServer{}
	host, port := f.start(t, nil)
	dir := t.TempDir()
	failing := func(string, *Record) error { return errors.New("write delivery.json: no space left on device") }
	for range 3 { // a daemon restart, a `send` again: still nothing
		_, err := New(settings(host, port, "none"), Options{Save: failing}).Deliver(context.Background(), dir, testMessage(), false)
		if !errors.Is(err, ErrNotRecorded) || !strings.Contains(err.Error(), "no space left") {
			t.Fatalf("err = %v, want ErrNotRecorded", err)
		}
	}
	if f.sessions != 0 || f.delivered != 0 {
		t.Errorf("%d sessions, %d messages with no record", f.sessions, f.delivered)
	}
}

// TestReadOnlyArchive: the same with a version folder the process cannot
// write (skipped as root, which writes anyway).
func TestReadOnlyArchive(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if f, err := os.CreateTemp(dir, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		t.Skip("this user writes into read-only folders (root); TestNothingSentWithoutARecord injects the fault instead")
	}
	f := &faultServer{}
	host, port := f.start(t, nil)
	_, err := New(settings(host, port, "none"), Options{}).Deliver(context.Background(), dir, testMessage(), false)
	if !errors.Is(err, ErrNotRecorded) || f.sessions != 0 {
		t.Errorf("err %v, %d sessions", err, f.sessions)
	}
}

// TestInFlightIsRecordedBeforeData: at DATA, the record on disk already
// holds the attempt, in flight.
func TestInFlightIsRecordedBeforeData(t *testing.T) {
	dir := t.TempDir()
	var seen *Record
	f := &faultServer{data: func(_ *smtp.Conn, r io.Reader) error {
		io.Copy(io.Discard, r)
		seen, _, _ = LoadRecord(dir)
		return nil
	}}
	host, port := f.start(t, nil)
	rec, err := New(settings(host, port, "none"), Options{}).Deliver(context.Background(), dir, testMessage(), false)
	if err != nil || rec.Status != Sent {
		t.Fatal(err)
	}
	if seen == nil || !seen.Unknown() || seen.MessageID != "<test.1@hcm.edu.vn>" {
		t.Fatalf("record during DATA: %+v", seen)
	}
	saved, _, _ := LoadRecord(dir)
	if saved.Unknown() || saved.Attempts[0].Result != "sent" || saved.Attempts[0].Round != 1 {
		t.Errorf("record after: %+v", saved)
	}
}

// TestStopLetsTheAttemptFinish: a context ended (SIGTERM) before and
// during an attempt does not cut it short, and no further attempt starts.
func TestStopLetsTheAttemptFinish(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := &faultServer{data: func(_ *smtp.Conn, r io.Reader) error {
		cancel() // SIGTERM arrives during DATA
		time.Sleep(200 * time.Millisecond)
		io.Copy(io.Discard, r)
		return &smtp.SMTPError{Code: 451, Message: "try later"}
	}}
	host, port := f.start(t, nil)
	dir := t.TempDir()
	rec, err := New(settings(host, port, "none"), Options{}).Deliver(ctx, dir, testMessage(), false)
	if !errors.Is(err, ErrTransient) || !strings.Contains(err.Error(), "451") || len(rec.Attempts) != 1 || f.sessions != 1 {
		t.Errorf("err %v, %d attempts, %d sessions; want the one attempt finished with 451", err, len(rec.Attempts), f.sessions)
	}
}

// TestPasswordEchoedByTheServerIsScrubbed: a server that quotes the AUTH
// data in its 535 reply.
func TestPasswordEchoedByTheServerIsScrubbed(t *testing.T) {
	plain := base64.StdEncoding.EncodeToString([]byte("\x00mn2010\x00s3cret"))
	f := &faultServer{auth: &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8},
		Message: "authentication failed for " + plain + " (s3cret / " + base64.StdEncoding.EncodeToString([]byte("s3cret")) + ")"}}
	host, port := f.start(t, nil)
	dir := t.TempDir()
	_, err := New(settings(host, port, "none"), Options{}).Deliver(context.Background(), dir, testMessage(), false)
	if err == nil || !errors.Is(err, ErrPermanent) {
		t.Fatalf("err = %v", err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, RecordName))
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("%q holds the password", err)
	}
	for _, text := range []string{English(err), string(b)} {
		for _, secret := range []string{"s3cret", plain, base64.StdEncoding.EncodeToString([]byte("s3cret")), "czNjcmV0"} {
			if strings.Contains(text, secret) {
				t.Errorf("%q holds %q", text, secret)
			}
		}
		if !strings.Contains(text, "[hidden]") {
			t.Errorf("%q: the server's words should be kept, the secret hidden", text)
		}
	}
}

// TestStopBeforeTheFirstAttempt: SIGTERM came while the report was being
// made; its delivery still makes its one attempt.
func TestStopBeforeTheFirstAttempt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := &faultServer{}
	host, port := f.start(t, nil)
	rec, err := New(settings(host, port, "none"), Options{}).Deliver(ctx, t.TempDir(), testMessage(), false)
	if err != nil || rec.Status != Sent || f.delivered != 1 {
		t.Errorf("err %v, status %s, %d delivered", err, rec.Status, f.delivered)
	}
}
