// Package daemon runs reports on their cron schedules (robfig/cron, read
// on the configured time zone's clock), catches up after downtime, sends
// pending deliveries — its own and those other processes left — with
// back-off counted in delivery rounds, makes at most MaxRuns runs at once,
// never runs one report twice at once nor two daemons on one archive.
// The runs and sends are workflow.Job's, the same workflow as the command
// line's.
//
// Open starts it; Close(ctx) stops taking work and waits for the run in
// hand, whose delivery attempt finishes. The decisions — which period a run
// covers, what to catch up, when to retry — are plain functions of the
// time, tested with an injected clock.
package daemon
