package delivery

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/emersion/go-message/mail"
)

func TestComposeRoundTrip(t *testing.T) {
	msg := testMessage()
	msg.Cc = []string{"Phó Hiệu trưởng <pht@hcm.edu.vn>"}
	msg.Attachments = append(msg.Attachments, Attachment{Name: "báo-cáo-tháng-3.xlsx", ContentType: "application/octet-stream", Data: []byte{0, 1, 2, 255}})
	raw, err := Compose(msg)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Subject: =?utf-8?", "filename*=utf-8''b%C3%A1o-c%C3%A1o-th%C3%A1ng-3.xlsx", "Message-Id: <test.1@hcm.edu.vn>"} {
		if !bytes.Contains(raw, []byte(w)) {
			t.Errorf("message lacks %q", w)
		}
	}
	r, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := r.Header.Subject(); s != msg.Subject {
		t.Errorf("subject %q", s)
	}
	if from, _ := r.Header.AddressList("From"); len(from) != 1 || from[0].Name != "Trường Mầm non 20/10" {
		t.Errorf("from %v", from)
	}
	names := map[string][]byte{}
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h, ok := p.Header.(*mail.AttachmentHeader); ok {
			name, _ := h.Filename()
			names[name], _ = io.ReadAll(p.Body)
		}
	}
	if !bytes.Equal(names["báo-cáo-tháng-3.xlsx"], []byte{0, 1, 2, 255}) || string(names["bao-cao.pdf"]) != "%PDF-1.4" {
		t.Errorf("attachments %v", names)
	}
	msg.Attachments[0].Name = "bao-cao-20/10.pdf"
	if _, err := Compose(msg); err == nil || !strings.Contains(err.Error(), `contains "/"`) {
		t.Errorf("a / in a file name should be refused: %v", err)
	}
}
