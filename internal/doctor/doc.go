// Package doctor is `baocao doctor`: one pass over everything a run needs
// — the config, each source (readable, its rows and its latest date), the
// archive (writable), the mail server (reachable, login accepted), the
// service (installed, running), the clock and the time zone — each result
// a Vietnamese line saying what is right or what to fix.
package doctor
