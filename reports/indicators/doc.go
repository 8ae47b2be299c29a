// Package indicators computes a plan's indicators for a period from the
// tables the sources were read into (docs/spec.md §3): ratios with their numerator,
// denominator and per-group breakdown, manual values carried forward, the
// dossiers-by-field table, the late dossiers and the progress of key tasks.
//
// Each computation kind is implemented once here and parameterised by the
// plan file, so a new year's plan needs no code change.
package indicators
