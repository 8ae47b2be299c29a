// Package delivery mails archived reports to the district office, exactly
// once per version, over authenticated SMTP submission (STARTTLS on 587 or
// TLS on 465; plaintext only to a loopback test server).
//
// Every attempt is recorded in delivery.json beside the version's manifest,
// replaced atomically. A version whose record says "sent" is never sent
// again unless forced. Transient failures (4xx replies, refused or dropped
// connections, timeouts) are retried with back-off and leave the version
// "pending"; permanent ones (5xx replies, failed authentication, an
// untrusted certificate, a server without authentication) fail at once and
// leave it "failed".
package delivery
