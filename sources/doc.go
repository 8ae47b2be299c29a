// Package sources reads the unit's record files — .xlsx workbooks and .csv
// exports — into typed tables, following the reading rules of SPEC §1.
//
// Real files are messy: the header row is found rather than assumed, header
// and category names are compared without regard to Unicode form, case,
// white space and (when unambiguous) diacritics, dates are always read
// day-first, and a row that cannot be used becomes a warning ([Issue]) while
// the rest of the file is still read. A file that cannot be used at all is an
// error wrapping [ErrUnusable].
//
// The header may take up to three rows, as registers have it (groups
// merged across above sub-columns, single columns merged down), and a row
// numbering the columns under it is skipped (header.go).
//
// Workbooks are streamed: archive/zip and a SAX scanner read one row at a
// time with raw cell values (workbook.go, tokens.go, sax.go, sheet.go, quickcell.go), and a [Spec] may keep
// only the columns its caller reads. The values of columns no schema
// column reads are not decoded at all, only looked at for what a row needs
// of them (skip.go); the commonest dates and texts are read without
// allocating (quickdate.go, text.go). Rows are stored sparsely (cells.go)
// and Excel's limits — 1,048,576 rows, 16,384 columns, 32,767 characters a
// cell — hold by construction, so what a read costs follows what the file
// holds, not what it claims. A [Table] keeps its rows by column, each
// packed by its kind (columns.go): a date in 4 bytes, a text as a 4-byte
// code into the column's distinct texts, a category as a byte, so a
// district's year of payments is some 16 bytes a row. Calendar dates are
// given as time.Time values at 00:00 UTC.
package sources
