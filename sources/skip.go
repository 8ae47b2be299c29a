package sources

import "bytes"

// Columns no schema column reads are not decoded. Once the header is
// known the parser tells the sheet which columns it maps (readColumns); a
// raw value (a number, a formula's text) in any other column is then
// stored as a stand-in instead of a copy of its text. A row keeps what
// the parser asks of it beyond its mapped cells: whether it is blank, and
// whether its first non-blank cell reads like a totals row ("Tổng cộng").
// So the stand-in is the text itself only when it starts with a letter a
// totals word may start with; otherwise it is a constant, blank or not as
// the text is. Shared strings cost nothing to store (the workbook's own
// string), so they are stored as they are.

// columnReader is a rowReader that can skip the values of columns.
type columnReader interface {
	readColumns(read []bool)
}

// readColumns makes the sheet decode only the values of the columns
// marked in read (by zero-based column); the others get stand-ins.
func (s *sheetRows) readColumns(read []bool) { s.read = read }

// Stand-ins for the text of a skipped cell.
const (
	standInBlank  = " " // white space only: a blank cell to isBlank and totalsCell
	standInFilled = "#" // not blank, and no totals word starts so
)

// standIn is what a skipped raw cell holding text stores: see above.
func standIn(text []byte) string {
	t := bytes.TrimSpace(text)
	switch {
	case len(text) == 0:
		return ""
	case len(t) == 0:
		return standInBlank
	case t[0]|0x20 == 't' || t[0]|0x20 == 'c':
		return string(text)
	}
	return standInFilled
}

// readMask marks the cell positions byCol maps to a schema column that is
// not ignored.
func readMask(byCol []int, ignored []bool) []bool {
	read := make([]bool, len(byCol))
	for j, i := range byCol {
		read[j] = i >= 0 && !ignored[i]
	}
	return read
}

// ignoredColumns marks the schema columns whose cells can change nothing:
// text columns that are not kept (at, from keptColumns), not required and
// not unique. Any text is a valid text cell, so such a cell can neither
// leave its row out nor warn; it is read like a column of no schema.
// Every other column is read and checked whether kept or not (a bad date
// or number, an unknown category, a blank required cell leave the row out).
func ignoredColumns(schema *Schema, at []int) []bool {
	ignored := make([]bool, len(schema.Columns))
	for i, c := range schema.Columns {
		ignored[i] = c.Kind == Text && !c.Required && !c.Unique && at[i] < 0
	}
	return ignored
}
