// Package schedule reads the cron specs of the config's reports: five
// fields (or a descriptor such as @monthly) read on the wall clock of the
// config's time zone, refusing a spec that never runs.
package schedule
