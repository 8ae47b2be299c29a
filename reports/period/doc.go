// Package period models reporting periods — month, quarter, half-year and
// year — with the data cut-off of Nghị định 09/2019/NĐ-CP, Điều 12 (a period
// runs from the 15th of the month before it begins to the 14th of its last
// month) or with calendar boundaries, and their labels ("2024-03",
// "2024-Q1", "2024-H1", "2024").
//
// Dates are time.Time values at 00:00 UTC standing for calendar days; both
// ends of a period are inclusive.
package period
