package delivery

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"
	"time"
)

// errReplyTooLarge ends an attempt whose server sends more than MaxReply
// bytes without the client saying anything: an endless greeting, a reply
// line of megabytes.
var errReplyTooLarge = errors.New("the server sent an oversized reply")

// boundedConn is the connection to the mail server, bounded in time and
// in what it reads. go-smtp sets a fresh deadline before each command (and
// clears it after), so each deadline asked for is clamped to the
// attempt's. Everything read from the server between two writes of the
// client (one reply, or one flight of the TLS handshake) is counted and
// cut at maxReply; go-smtp itself cuts a line at 2000 bytes.
type boundedConn struct {
	net.Conn
	deadline   time.Time
	maxReply   int
	sinceWrite int
}

func (c *boundedConn) clamp(t time.Time) time.Time {
	if t.IsZero() || t.After(c.deadline) {
		return c.deadline
	}
	return t
}

func (c *boundedConn) SetDeadline(t time.Time) error      { return c.Conn.SetDeadline(c.clamp(t)) }
func (c *boundedConn) SetReadDeadline(t time.Time) error  { return c.Conn.SetReadDeadline(c.clamp(t)) }
func (c *boundedConn) SetWriteDeadline(t time.Time) error { return c.Conn.SetWriteDeadline(c.clamp(t)) }

func (c *boundedConn) Read(p []byte) (int, error) {
	if c.sinceWrite >= c.maxReply {
		return 0, fmt.Errorf("%w (over %d bytes)", errReplyTooLarge, c.maxReply)
	}
	if room := c.maxReply - c.sinceWrite; len(p) > room {
		p = p[:room]
	}
	n, err := c.Conn.Read(p)
	c.sinceWrite += n
	return n, err
}

func (c *boundedConn) Write(p []byte) (int, error) {
	c.sinceWrite = 0
	return c.Conn.Write(p)
}

// attemptDeadline is when an attempt begun at start must end: the
// attempt's time plus what sending size bytes takes at a slow 128 KiB/s.
func (s *Settings) attemptDeadline(start time.Time, size int) time.Time {
	return start.Add(s.AttemptTimeout + time.Duration(size/(128<<10))*time.Second)
}

var base64Word = regexp.MustCompile(`[A-Za-z0-9+/]{6,}={0,2}`)

// scrub removes the password, in clear or base64 (alone or in a SASL
// PLAIN response), from what the server said.
func scrub(err error, s Settings) error {
	var f *failure
	if errors.As(err, &f) {
		out := *f // where, code and cause hold no password: the server's words are only in english
		out.english = Scrub(f.english, s.Username, s.Password)
		return &out
	}
	out := &failure{class: ErrTransient, fault: FaultOther}
	switch {
	case errors.Is(err, ErrPermanent):
		out.class = ErrPermanent
	case errors.Is(err, ErrUncertain):
		out.class = ErrUncertain
	}
	errors.As(err, &out.fault)
	out.english = Scrub(English(err), s.Username, s.Password)
	return out
}

// Scrub removes password, in clear or base64 (alone or in a SASL PLAIN
// response of user), from text.
func Scrub(text, user, password string) string {
	if password == "" {
		return text
	}
	const hidden = "[hidden]"
	text = strings.ReplaceAll(text, password, hidden)
	for _, secret := range []string{password, "\x00" + user + "\x00" + password, user + "\x00" + user + "\x00" + password} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
			text = strings.ReplaceAll(text, enc.EncodeToString([]byte(secret)), hidden)
		}
	}
	// Anything else that decodes to a text holding the password.
	return base64Word.ReplaceAllStringFunc(text, func(w string) string {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
			if b, err := enc.DecodeString(w); err == nil && strings.Contains(string(b), password) {
				return hidden
			}
		}
		return w
	})
}
