package sources

import (
	"fmt"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
)

// Value is one typed cell. Which field holds the value depends on the
// column's Kind; Empty is set for a blank cell. A district's year is
// millions of cells, so a Value is kept to 32 bytes: a date is stored as a
// day number and read with [Value.Date].
type Value struct {
	Text  string  // Text and Category (canonical spelling); empty for other kinds
	Num   float64 // Number
	day   int32   // Date: days since 1970-01-01, plus one; 0 is no date
	Bool  bool    // YesNo
	Empty bool
}

// DateValue is a Value holding the calendar day of t.
func DateValue(t time.Time) Value {
	y, m, d := t.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / secondsPerDay
	return Value{day: int32(days) + 1}
}

const secondsPerDay = 24 * 60 * 60

// Date is the cell's date at midnight UTC, or the zero time for a cell
// that holds none.
func (v Value) Date() time.Time {
	if v.day == 0 {
		return time.Time{}
	}
	return time.Unix(int64(v.day-1)*secondsPerDay, 0).UTC()
}

// Table is what was read from one source: its usable rows, kept by
// column (see columns.go). A district's year is millions of cells, so a
// row is not stored as Values: each kept column holds its cells packed by
// kind (a date in 4 bytes, a text as a 4-byte code into the column's
// distinct texts, a category's spelling as a byte), and [Table.Rows] gives each row as a [Row]
// whose [Row.Cell] reads one Value back.
type Table struct {
	Source string // the source's name, e.g. "dossiers"
	File   string // the file's base name
	Sheet  string // the sheet read, empty for CSV
	Schema *Schema
	cells  []int // schema column → position among the kept columns, -1 if not kept
	lines  chunks[int32]
	repeat bitset   // row i's kept cells are those of row i-1
	cols   []column // the kept columns, in schema order
}

// Col returns the kept position (for Row.Cell) of the column with key; it panics
// on a key the schema lacks or the table did not keep, which is a
// programming error (plan validation lists every column computations read).
func (t *Table) Col(key string) int {
	i := t.Schema.Index(key)
	if i >= 0 {
		i = t.cells[i]
	}
	if i < 0 {
		panic("sources: column " + key + " of " + t.Source + " was not kept")
	}
	return i
}

// Header is the header of the column with key.
func (t *Table) Header(key string) string {
	if i := t.Schema.Index(key); i >= 0 {
		return t.Schema.Columns[i].Header
	}
	return key
}

// Issue is a problem found in the data: a warning (the row was left out, the
// run went on) or an error (the source could not be used). Message is in
// Vietnamese, for the staff who fix the files.
type Issue struct {
	Severity string `json:"severity"`
	Source   string `json:"source"`
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	Row      int    `json:"row,omitempty"`
	Column   string `json:"column,omitempty"`
	Value    string `json:"value,omitempty"`
	Message  string `json:"message"`
}

// Severities of an Issue.
const (
	Warning = "warning"
	Error   = "error"
)

// String gives the issue on one line, naming where it is: file, sheet, row,
// column and value.
func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(catalog.Severity(i.Severity) + ": " + i.File)
	if i.Sheet != "" {
		fmt.Fprintf(&b, ", trang %q", i.Sheet)
	}
	if i.Row > 0 {
		fmt.Fprintf(&b, ", dòng %d", i.Row)
	}
	if i.Column != "" {
		fmt.Fprintf(&b, ", cột %q", i.Column)
	}
	if i.Value != "" {
		fmt.Fprintf(&b, " = %q", i.Value)
	}
	return b.String() + ": " + i.Message
}

// Bulk reads of kept column k, for code that reads a few columns of every
// row (the indicators): each fills dst with rows [from, from+len(dst)),
// which must exist. They only read the table.

// Days fills dst with each row's date as Value.Date's day: days since
// 1970-01-01 plus one, 0 for no date (and for a column of another kind).
func (t *Table) Days(k, from int, dst []int32) {
	c := &t.cols[k]
	if c.kind != kindDate {
		clear(dst)
		return
	}
	for n := 0; n < len(dst); {
		i := from + n
		n += copy(dst[n:], c.days.blocks[i>>chunkBits][i&(chunkLen-1):])
	}
}

// Texts are the distinct texts of a text or category column, which
// Codes indexes; a column of another kind has one text, "".
func (t *Table) Texts(k int) []string {
	if c := &t.cols[k]; c.kind == kindText || c.kind == kindCategory {
		return c.strs
	}
	return []string{""}
}

// Codes fills dst with the index of each row's text in Texts(k).
func (t *Table) Codes(k, from int, dst []uint32) {
	c := &t.cols[k]
	switch c.kind {
	case kindText:
		for n := 0; n < len(dst); {
			i := from + n
			n += copy(dst[n:], c.codes.blocks[i>>chunkBits][i&(chunkLen-1):])
		}
	case kindCategory:
		for n := range dst {
			dst[n] = uint32(c.small.at(from + n))
		}
	default:
		clear(dst)
	}
}

// Flags fills empty with each row's Value.Empty and yes with its
// Value.Bool; either may be nil.
func (t *Table) Flags(k, from int, empty, yes []bool) {
	c := &t.cols[k]
	for n := range empty {
		empty[n] = c.empty.has(from + n)
	}
	for n := range yes {
		yes[n] = c.kind == kindYesNo && c.bools.has(from+n)
	}
}
