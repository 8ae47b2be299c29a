// Package indicators computes a plan's indicators for a period from the
// tables the sources were read into (docs/spec.md §3): ratios with their numerator,
// denominator and per-group breakdown, manual values carried forward, the
// dossiers-by-field table, the late dossiers and the progress of key tasks;
// on request, each indicator's comparison with the previous period and the
// same period a year earlier (compare.go) and the monthly series of the year
// so far (series.go). Every period is counted in one pass over each table:
// its columns are read a block of rows at a time from the table's packed
// cells (block.go), each row counted once in the class of periods its date
// falls in (classes.go), the tables counted on every core (parallel.go).
//
// Each computation kind is implemented once here and parameterised by the
// plan file, so a new year's plan needs no code change.
package indicators
