package delivery

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/internal/loopback"
)

// ErrPermanent, ErrTransient and ErrUncertain classify a failed attempt.
// ErrUncertain is an attempt whose whole message reached the server, which
// then gave no answer (the connection dropped or timed out after the end
// of DATA): the message may have been stored and delivered, so it is not
// retried automatically.
var (
	ErrPermanent = catalog.NewClass(catalog.ClassPermanent).WithFault(fault.Permanent)
	ErrTransient = catalog.NewClass(catalog.ClassTransient).WithFault(fault.Transient)
	ErrUncertain = catalog.NewClass(catalog.ClassUncertain)
)

// sendOnce makes one attempt to submit raw to the server, within one
// deadline that covers connecting, TLS, every command and DATA. Whatever
// the server said is scrubbed of the password before it is returned.
func sendOnce(ctx context.Context, s Settings, from string, rcpt []string, raw []byte, size int) error {
	err := submit(ctx, s, from, rcpt, raw, s.attemptDeadline(time.Now(), size))
	if err == nil {
		return nil
	}
	return scrub(err, s)
}

func submit(ctx context.Context, s Settings, from string, rcpt []string, raw []byte, deadline time.Time) error {
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	c, err := connect(ctx, s, deadline)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := authenticate(c, s); err != nil {
		return err
	}
	if err := c.Mail(from, nil); err != nil {
		return classify(catalog.SmtpAtMail.P(from), err)
	}
	for _, r := range rcpt {
		if err := c.Rcpt(r, nil); err != nil {
			return classify(catalog.SmtpAtRcpt.P(r), err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return classify(catalog.SmtpAtData.P(), err)
	}
	if _, err := io.Copy(w, bytes.NewReader(raw)); err != nil {
		return classify(catalog.SmtpAtSend.P(), err)
	}
	if err := w.Close(); err != nil {
		return classifyEnd(err)
	}
	crashpoint.Hit(crashpoint.Accepted)
	_ = c.Quit() // the message is accepted; a failed QUIT changes nothing
	return nil
}

// connect dials the server, secures the connection and says EHLO, so that
// an untrusted certificate fails here rather than later. The connection
// never waits past deadline (go-smtp moves deadlines at each command; the
// bounded connection keeps them before this one) and never takes a reply
// larger than MaxReply.
func connect(ctx context.Context, s Settings, deadline time.Time) (*smtp.Client, error) {
	addr := net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
	d := &net.Dialer{Timeout: s.DialTimeout, Deadline: deadline}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, classify(catalog.SmtpAtConnect.P(addr), err)
	}
	conn := &boundedConn{Conn: raw, deadline: deadline, maxReply: s.MaxReply}
	conn.SetDeadline(deadline)
	var c *smtp.Client
	switch s.Security {
	case "tls":
		tc := tls.Client(conn, s.tlsConfig())
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, classify(catalog.SmtpAtTLS.P(addr), err)
		}
		c = smtp.NewClient(tc)
	case "starttls":
		c, err = smtp.NewClientStartTLS(conn, s.tlsConfig())
		if err != nil {
			conn.Close()
			return nil, classify(catalog.SmtpAtStartTLS.P(addr), err)
		}
	default:
		c = smtp.NewClient(conn)
	}
	c.CommandTimeout, c.SubmissionTimeout = s.CommandTimeout, s.DataTimeout
	if err := c.Hello(s.LocalName); err != nil {
		c.Close()
		return nil, classify(catalog.SmtpAtGreeting.P(addr), err)
	}
	return c, nil
}

// authenticate logs in with PLAIN or LOGIN, never over an unencrypted
// connection to another machine.
func authenticate(c *smtp.Client, s Settings) error {
	if s.Username == "" {
		return nil
	}
	if _, isTLS := c.TLSConnectionState(); !isTLS && !loopback.Host(s.Host) {
		return fail(FaultPlaintext, ErrPermanent, "refusing to send the password over an unencrypted connection to %s", s.Host).where(catalog.SmtpAtPlain.P(s.Host))
	}
	var mech sasl.Client
	switch {
	case c.SupportsAuth("PLAIN"):
		mech = sasl.NewPlainClient("", s.Username, s.Password)
	case c.SupportsAuth("LOGIN"):
		mech = sasl.NewLoginClient(s.Username, s.Password)
	default:
		return fail(FaultNoLogin, ErrPermanent, "the server offers no AUTH PLAIN or LOGIN: check host and port (submission is 587 with starttls, 465 with tls)")
	}
	if err := c.Auth(mech); err != nil {
		var se *smtp.SMTPError
		if errors.As(err, &se) && se.Code == 535 {
			return fail(FaultLogin, ErrPermanent, "authentication failed for %s: check the username and password (%s)", s.Username, se.Message).where(catalog.SmtpAtAuth.P(s.Username)).answered(se.Code)
		}
		return classify(catalog.SmtpAtAuth.P(s.Username), err)
	}
	return nil
}

// classify marks err as permanent (5xx, certificates) or transient
// (4xx, network trouble), naming the step that failed.
func classify(at catalog.Phrase, err error) error {
	step := strings.TrimSpace(at.In(catalog.English))
	var se *smtp.SMTPError
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &se) && se.Code >= 400 && se.Code < 500:
		return fail(FaultBusy, ErrTransient, "%s: the server answered %d %s", step, se.Code, se.Message).where(at).answered(se.Code)
	case errors.As(err, &se):
		return fail(FaultRefused, ErrPermanent, "%s: the server answered %d %s", step, se.Code, se.Message).where(at).answered(se.Code)
	case errors.As(err, &unknownCA), errors.As(err, &hostErr), errors.As(err, &invalid), errors.As(err, &verify):
		return fail(FaultCertificate, ErrPermanent, "%s: the server's certificate is not trusted (%v); if it is signed by your own CA, name it in [smtp] ca_file", step, err).where(at)
	case errors.Is(err, context.Canceled):
		return fail(FaultNetwork, ErrTransient, "%s: %v", step, err).where(at)
	}
	var ne net.Error
	if errors.Is(err, errReplyTooLarge) || errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || isNetOp(err) {
		return fail(FaultNetwork, ErrTransient, "%s: %v", step, err).where(at).because(err)
	}
	if e := err.Error(); bytes.Contains([]byte(e), []byte("STARTTLS")) {
		return fail(FaultNoStartTLS, ErrPermanent, "%s: %v (the server does not offer STARTTLS: check port and security)", step, err).where(at)
	}
	return fail(FaultOther, ErrTransient, "%s: %v", step, err).where(at)
}

// classifyEnd classifies a failure at the end of DATA. A reply from the
// server (4xx, 5xx) is an answer; anything else (a dropped connection, a
// timeout waiting for the reply, an oversized reply) leaves the message
// with the server and its fate unknown.
func classifyEnd(err error) error {
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		return classify(catalog.SmtpAtEnd.P(), err)
	}
	return fail(FaultUncertain, ErrUncertain, "end of DATA: the whole message was sent but the server gave no answer (%v): it may have been accepted", err).because(err)
}

// isNetOp reports a failure of the network itself (refused, reset).
func isNetOp(err error) bool {
	var op *net.OpError
	return errors.As(err, &op)
}
