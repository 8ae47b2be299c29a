// Package web is the staff's web page: an overview of every report, the
// data check, each archived version with its PDF, figures, warnings,
// downloads and story (made, review messages, approval, return,
// deliveries), "run now", the history of every period, and the actions that
// apply to a version: approve (name, note, number and date of issue) and
// return (reason) a draft, send, resend after a confirmation.
//
// The page is server-rendered html/template with embedded assets, no
// JavaScript, all text in Vietnamese. The data and the actions come
// through the Backend interface; reports/workflow/page implements it over
// the workflow (the archive, the manifests, the delivery and review
// records, the sources), acting through workflow.Job as the command line
// does. This package imports only what it renders.
//
// Security: loopback by default, a password for any other address, a
// session cookie (HttpOnly, SameSite=Strict), a CSRF token on every POST
// besides Go's cross-origin protection, slowed logins, a strict
// Content-Security-Policy, downloads only of files a manifest lists, and
// every action logged with who did it.
package web
