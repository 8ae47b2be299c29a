package delivery

import (
	"context"
	"errors"
	"io"
	"net/mail"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// storingServer stores every message it receives (its Message-ID), then
// misbehaves before answering: it drops the connection, or answers only
// once released, long after the client gave up.
type storingServer struct {
	mu      sync.Mutex
	stored  []string
	drop    bool
	release chan struct{} // nil: answer at once
}

func (s *storingServer) data(c *smtp.Conn, r io.Reader) error {
	m, err := mail.ReadMessage(r)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, m.Body)
	s.mu.Lock()
	s.stored = append(s.stored, m.Header.Get("Message-ID"))
	drop, release := s.drop, s.release
	s.mu.Unlock()
	if drop {
		c.Conn().Close()
		return errors.New("dropped after storing")
	}
	if release != nil {
		<-release
	}
	return nil
}

// waitCopies waits (a minute at most) until the server holds n copies,
// and returns what it holds.
func (s *storingServer) waitCopies(n int) []string {
	for deadline := time.Now().Add(time.Minute); len(s.copies()) < n && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
	}
	return s.copies()
}

func (s *storingServer) copies() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.stored...)
}

// TestNoAnswerAfterDataIsUncertain: a server that stores the message and
// then drops the connection before "250", or answers "250" after the
// client's deadline, gets one copy, not one per retry. The version is
// recorded "uncertain" (có thể đã gửi); a send without force refuses it,
// and the decided resend repeats the same Message-ID.
func TestNoAnswerAfterDataIsUncertain(t *testing.T) {
	for _, tc := range []struct {
		name string
		drop bool
	}{{"drops before 250", true}, {"answers 250 late", false}} {
		t.Run(tc.name, func(t *testing.T) {
			store := &storingServer{drop: tc.drop}
			release := make(chan struct{})
			if !tc.drop {
				store.release = release
			}
			defer close(release)
			f := &faultServer{data: store.data}
			host, port := f.start(t, nil)
			s := settings(host, port, "none")
			s.Username, s.Password = "", ""
			s.DataTimeout = 300 * time.Millisecond
			s.Backoff = []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond, time.Millisecond}
			d, dir := New(s, Options{}), t.TempDir()

			rec, err := d.Deliver(context.Background(), dir, testMessage(), false)
			if !errors.Is(err, ErrUncertain) || errors.Is(err, ErrTransient) || !errors.Is(err, FaultUncertain) {
				t.Fatalf("err = %v, want an uncertain outcome", err)
			}
			// The client gave up 300 ms after its last byte; on a loaded
			// machine the server may store the message only after that.
			if got := store.waitCopies(1); len(got) != 1 {
				t.Fatalf("the server stored %d copies %v, want 1", len(got), got)
			}
			saved, ok, _ := LoadRecord(dir)
			if !ok || saved.Status != Uncertain || len(saved.Attempts) != 1 || !saved.MaybeSent() || rec.Status != Uncertain {
				t.Fatalf("record %+v", saved)
			}
			if saved.Status.String() != "có thể đã gửi" {
				t.Errorf("status reads %q", saved.Status.String())
			}

			// Nothing sends it again by itself: a later send (the daemon's
			// retry, `baocao send`) is refused without force.
			if _, err := d.Deliver(context.Background(), dir, testMessage(), false); !errors.Is(err, ErrMaybeSent) {
				t.Fatalf("second delivery: %v, want ErrMaybeSent", err)
			}
			if got := store.copies(); len(got) != 1 {
				t.Fatalf("after a refused send the server holds %d copies", len(got))
			}

			// A resend is a decision, and keeps the Message-ID.
			store.mu.Lock()
			store.drop, store.release = false, nil
			store.mu.Unlock()
			rec, err = d.Deliver(context.Background(), dir, testMessage(), true)
			if err != nil || rec.Status != Sent {
				t.Fatalf("forced: %+v, %v", rec, err)
			}
			got := store.copies()
			if len(got) != 2 || got[0] != "<test.1@hcm.edu.vn>" || got[1] != got[0] {
				t.Errorf("copies %v, want the same Message-ID twice", got)
			}
		})
	}
}

// TestDroppedBeforeEndOfDataIsRetried: a connection lost while the message
// is still being sent cannot have delivered it; that stays transient.
func TestDroppedBeforeEndOfDataIsRetried(t *testing.T) {
	err := classifyEnd(&smtp.SMTPError{Code: 451, Message: "later"})
	if !errors.Is(err, ErrTransient) || errors.Is(err, ErrUncertain) {
		t.Errorf("451 at the end of DATA: %v, want transient", err)
	}
	err = classifyEnd(&smtp.SMTPError{Code: 554, Message: "no"})
	if !errors.Is(err, ErrPermanent) {
		t.Errorf("554 at the end of DATA: %v, want permanent", err)
	}
	if err := classifyEnd(io.EOF); !errors.Is(err, ErrUncertain) {
		t.Errorf("EOF at the end of DATA: %v, want uncertain", err)
	}
}

// TestDroppedMidMessageIsRetried: a connection dropped while a large
// message is still being written cannot have delivered it: transient,
// retried, pending.
func TestDroppedMidMessageIsRetried(t *testing.T) {
	f := &faultServer{data: func(c *smtp.Conn, r io.Reader) error {
		io.CopyN(io.Discard, r, 10)
		c.Conn().Close()
		return errors.New("dropped")
	}}
	host, port := f.start(t, nil)
	s := settings(host, port, "none")
	s.Username, s.Password = "", ""
	msg := testMessage()
	msg.Attachments[0].Data = make([]byte, 8<<20)
	dir := t.TempDir()
	_, err := New(s, Options{}).Deliver(context.Background(), dir, msg, false)
	if !errors.Is(err, ErrTransient) || errors.Is(err, ErrUncertain) {
		t.Fatalf("err = %v, want transient", err)
	}
	saved, _, _ := LoadRecord(dir)
	if saved.Status != Pending || len(saved.Attempts) != 3 {
		t.Errorf("status %s after %d attempts, want pending after 3", saved.Status, len(saved.Attempts))
	}
}
