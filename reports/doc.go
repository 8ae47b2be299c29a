// Package reports makes a unit's periodic report: it reads every source of
// the plan, computes the indicators for a period, renders the workbook and
// the PDF, and files them with a manifest in the archive.
//
// Subpackages hold one concept each: period (reporting periods), plan (the
// plan file), indicators (the computations), render (xlsx and PDF) and
// archive (versioned, whole-or-nothing storage).
package reports
