// Package reports makes a version of a unit's periodic report: it reads
// every source of the plan, computes the indicators for a period, renders
// the workbook, the PDF and the Word draft, and files them with a manifest
// in the archive. It knows nothing of review or sending: a version's life
// after it is made (drafts, review, approval, sending, the story) is
// reports/workflow's, which files its records beside the documents through
// Options.Records.
//
// Settings are the maker's keys of the config file (internal/config decodes
// them; Provision completes them).
//
// Subpackages hold one concept each: period (reporting periods), plan (the
// plan file; plan/importer, a plan file from the unit's plan document),
// indicators (the computations), narrative (the clerk's
// "Nhận xét" sheet), render (xlsx, PDF and docx), archive (versioned,
// whole-or-nothing storage), delivery (sending one message once, and its
// record), workflow (a version's life; workflow/page, the staff page's
// backend) and daemon (schedules, catch-up, retries, reminders).
// docs/architecture.md draws them.
package reports
