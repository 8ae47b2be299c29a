package delivery

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"strings"
	"time"

	"github.com/emersion/go-message/mail"
	"github.com/mn2010/baocao/internal/catalog"
)

// Message is one e-mail.
type Message struct {
	From      string
	To, Cc    []string
	Subject   string
	Body      string // plain text
	MessageID string // without angle brackets
	// References is the Message-ID (without angle brackets) of the
	// message this one resends, written as References and In-Reply-To;
	// empty for a first send.
	References  string
	Date        time.Time
	Attachments []Attachment
}

// Attachment is one attached file.
type Attachment struct {
	Name        string // no "/" (some mail clients cut at it)
	ContentType string
	Data        []byte
}

// Recipients are To and Cc, for the envelope.
func (m *Message) Recipients() []string {
	var out []string
	for _, a := range append(append([]string{}, m.To...), m.Cc...) {
		if p, err := mail.ParseAddress(a); err == nil {
			out = append(out, p.Address)
		}
	}
	return out
}

// envelopeFrom is the bare address of From, for MAIL FROM.
func (m *Message) envelopeFrom() string {
	if a, err := parseList([]string{m.From}); err == nil {
		return a[0].Address
	}
	return m.From
}

// Size is the size of the attachments.
func (m *Message) Size() int64 {
	var n int64
	for _, a := range m.Attachments {
		n += int64(len(a.Data))
	}
	return n
}

// Compose writes the message as MIME: headers RFC 2047-encoded, a text
// part, and attachments named per RFC 2231.
func Compose(m *Message) ([]byte, error) {
	var h mail.Header
	h.SetDate(m.Date)
	h.SetSubject(m.Subject)
	h.SetMessageID(m.MessageID)
	if m.References != "" {
		h.SetMsgIDList("References", []string{m.References})
		h.SetMsgIDList("In-Reply-To", []string{m.References})
	}
	for key, list := range map[string][]string{"From": {m.From}, "To": m.To, "Cc": m.Cc} {
		if len(list) == 0 {
			continue
		}
		addrs, err := parseList(list)
		if err != nil {
			return nil, fmt.Errorf("delivery: %s: %w", key, err)
		}
		h.SetAddressList(key, addrs)
	}
	var buf bytes.Buffer
	w, err := mail.CreateWriter(&buf, h)
	if err != nil {
		return nil, catalog.DlvFile.Errorf(catalog.Said(err))
	}
	if err := writeText(w, m.Body); err != nil {
		return nil, err
	}
	for _, a := range m.Attachments {
		if err := writeAttachment(w, a); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, catalog.DlvFile.Errorf(catalog.Said(err))
	}
	return buf.Bytes(), nil
}

func parseList(list []string) ([]*mail.Address, error) {
	var out []*mail.Address
	for _, s := range list {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return nil, catalog.CfgAddress.Errorf(s)
		}
		out = append(out, a)
	}
	return out, nil
}

func writeText(w *mail.Writer, body string) error {
	var th mail.InlineHeader
	th.Set("Content-Type", "text/plain; charset=utf-8")
	tw, err := w.CreateSingleInline(th)
	if err != nil {
		return catalog.DlvFile.Errorf(catalog.Said(err))
	}
	if _, err := io.WriteString(tw, body); err != nil {
		return catalog.DlvFile.Errorf(catalog.Said(err))
	}
	return tw.Close()
}

func writeAttachment(w *mail.Writer, a Attachment) error {
	if strings.Contains(a.Name, "/") {
		return fmt.Errorf("delivery: attachment name %q contains \"/\"", a.Name)
	}
	var ah mail.AttachmentHeader
	ah.Set("Content-Type", mime.FormatMediaType(a.ContentType, map[string]string{"name": a.Name}))
	// mime.FormatMediaType writes filename*=utf-8''… (RFC 2231) for non-ASCII names.
	ah.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	aw, err := w.CreateAttachment(ah)
	if err != nil {
		return catalog.DlvFile.Errorf(catalog.Said(err))
	}
	if _, err := aw.Write(a.Data); err != nil {
		return catalog.DlvFile.Errorf(catalog.Said(err))
	}
	return aw.Close()
}
