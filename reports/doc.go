// Package reports makes a unit's periodic report: it reads every source of
// the plan, computes the indicators for a period, renders the workbook and
// the PDF, and files them with a manifest in the archive.
//
// Job is the one workflow of the CLI and the daemon: make, archive, send.
// A report with reviewers is filed as a draft and mailed to its reviewers
// only; Job.Approve, Job.Reject and Maker.Story are the review step's API,
// shared by the CLI and the staff web page (review.go, approve.go,
// reject.go, remind.go, story.go; docs/duyet-bao-cao.md).
//
// Subpackages hold one concept each: period (reporting periods), plan (the
// plan file), indicators (the computations), render (xlsx and PDF) and
// archive (versioned, whole-or-nothing storage).
package reports
