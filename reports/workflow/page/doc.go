// Package page is the staff web page's backend: web.Backend over the
// workflow, the archive, each version's manifest and delivery records, and
// the sources as `baocao validate` reads them. It acts through
// workflow.Job as the command line does, and speaks the page's words
// (Vietnamese, titles not ids). internal/web renders what it returns and
// never reads the archive or the delivery records itself.
package page
