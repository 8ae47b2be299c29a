package delivery

import (
	"context"
	"io"
	"net/mail"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// TestForcedResendGetsNewMessageID: a deliberate resend (force, after the
// message went out) carries a new Message-ID "….r2@…", "….r3@…" with
// References and In-Reply-To the original, so that Gmail and Exchange do
// not drop it as a duplicate; an automatic retry of an unfinished resend
// keeps that resend's Message-ID.
func TestForcedResendGetsNewMessageID(t *testing.T) {
	var mu sync.Mutex
	var got []mail.Header
	fail := false
	f := &faultServer{}
	f.data = func(c *smtp.Conn, r io.Reader) error {
		mu.Lock()
		defer mu.Unlock()
		if fail {
			io.Copy(io.Discard, r)
			return &smtp.SMTPError{Code: 451, Message: "try again later"}
		}
		m, err := mail.ReadMessage(r)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, m.Body)
		got = append(got, m.Header)
		return nil
	}
	host, port := f.start(t, nil)
	s := settings(host, port, "none")
	s.Username, s.Password = "", ""
	d, dir := New(s, Options{}), t.TempDir()
	ctx := context.Background()

	steps := []struct {
		name  string
		force bool
		fail  bool
		id    string // the Message-ID recorded
		refs  string // References and In-Reply-To of the message sent; "" none
	}{
		{"first send", false, false, "<test.1@hcm.edu.vn>", ""},
		{"forced resend", true, false, "<test.1.r2@hcm.edu.vn>", "<test.1@hcm.edu.vn>"},
		{"second forced resend", true, false, "<test.1.r3@hcm.edu.vn>", "<test.1@hcm.edu.vn>"},
		{"third resend fails", true, true, "<test.1.r4@hcm.edu.vn>", ""},
		{"its retry keeps its Message-ID", false, false, "<test.1.r4@hcm.edu.vn>", "<test.1@hcm.edu.vn>"},
	}
	for _, st := range steps {
		mu.Lock()
		fail, got = st.fail, nil
		mu.Unlock()
		rec, err := d.Deliver(ctx, dir, testMessage(), st.force)
		if st.fail != (err != nil) {
			t.Fatalf("%s: %v", st.name, err)
		}
		if rec.MessageID != st.id {
			t.Errorf("%s: recorded Message-ID %s, want %s", st.name, rec.MessageID, st.id)
		}
		if rec.Original != "" && rec.Original != "<test.1@hcm.edu.vn>" {
			t.Errorf("%s: original %s", st.name, rec.Original)
		}
		if st.fail {
			continue
		}
		if len(got) != 1 {
			t.Fatalf("%s: server took %d messages", st.name, len(got))
		}
		h := got[0]
		if h.Get("Message-Id") != st.id {
			t.Errorf("%s: Message-ID %q, want %s", st.name, h.Get("Message-Id"), st.id)
		}
		if h.Get("References") != st.refs || h.Get("In-Reply-To") != st.refs {
			t.Errorf("%s: References %q In-Reply-To %q, want %q", st.name, h.Get("References"), h.Get("In-Reply-To"), st.refs)
		}
	}
	rec, _, err := LoadRecord(dir)
	if err != nil || rec.Resends != 3 || rec.MessageID != "<test.1.r4@hcm.edu.vn>" || rec.Status != Sent {
		t.Errorf("delivery.json: %+v %v", rec, err)
	}
}

func TestResendID(t *testing.T) {
	for _, c := range []struct {
		id   string
		n    int
		want string
	}{
		{"baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn", 2, "baocao.mn2010.monthly.2024-03.v1.r2@hcm.edu.vn"},
		{"a@b@c", 3, "a@b.r3@c"},
		{"noat", 2, "noat.r2"},
	} {
		if got := ResendID(c.id, c.n); got != c.want {
			t.Errorf("ResendID(%q, %d) = %q, want %q", c.id, c.n, got, c.want)
		}
	}
}
