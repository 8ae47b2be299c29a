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
// Calendar dates are carried as time.Time values at 00:00 UTC.
package sources
