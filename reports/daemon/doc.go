// Package daemon runs reports on their cron schedules (robfig/cron, in the
// configured time zone), catches up after downtime, retries pending
// deliveries with back-off, and never runs one report twice at once nor
// two daemons on one archive.
//
// Open starts it; Close(ctx) stops taking work and waits for the run in
// hand. The decisions — which period a run covers, what to catch up, when
// to retry — are plain functions of the time, tested with an injected clock.
package daemon
