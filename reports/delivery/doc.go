// Package delivery mails archived reports to the district office, at most
// once per version, over authenticated SMTP submission (STARTTLS on 587 or
// TLS on 465; plaintext only to a loopback test server).
//
// Every attempt is recorded in delivery.json beside the version's manifest,
// replaced atomically, and recorded "in flight" before anything is sent:
// when that record cannot be written, nothing is sent. A version whose
// record says "sent" (or "superseded") is never sent again unless forced;
// one whose last attempt is still "in flight" was interrupted and may have
// arrived — the only case of a second copy, with the same Message-ID. A
// forced send of a message that went out is a deliberate resend: it gets a
// new Message-ID ("….v1.r2@…") referring to the original (References,
// In-Reply-To), since mail servers drop a repeated Message-ID.
// Transient failures (4xx replies, refused or dropped connections,
// timeouts, oversized replies) are retried with back-off and leave the
// version "pending"; permanent ones (5xx replies, failed authentication, an
// untrusted certificate, a server without authentication) fail at once and
// leave it "failed". A reviewed report's draft ("draft") or returned draft
// ("returned") is never sent, even forced. The review step's own messages
// (the reviewers' message, reminders, notices) each have a record of their
// own, named by Options.Record. Each attempt has one deadline, from connecting to the
// end of DATA, and what the server says is scrubbed of the password.
package delivery
