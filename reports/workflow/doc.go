// Package workflow is a version's life after reports.Maker made it: the
// draft and its reviewers' message, approval (and the document issued with
// a number and date), return, reminders and the overdue notice, sending to
// the district exactly once, superseding, the story of a period and the
// state of each version.
//
// Job is the one workflow of the CLI, the daemon and the staff page: make,
// archive, send; Job.Approve, Job.Reject and Flow.Story are the review
// step's API (docs/duyet-bao-cao.md). Flow holds the messages and the
// records; Settings are the workflow's keys of the config file (who each
// report goes to, its reviewers and deadline, the admin's address).
package workflow
