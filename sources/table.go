package sources

import (
	"fmt"
	"strings"
	"time"
)

// Value is one typed cell. Which field holds the value depends on the
// column's Kind; Empty is set for a blank cell.
type Value struct {
	Text  string    // Text and Category (canonical spelling); empty for other kinds
	Date  time.Time // Date
	Bool  bool      // YesNo
	Num   float64   // Number
	Empty bool
}

// Row is one usable row of a source.
type Row struct {
	Line  int     // row number as the user sees it (1-based)
	Cells []Value // in Schema.Columns order
}

// Table is what was read from one source.
type Table struct {
	Source string // the source's name, e.g. "dossiers"
	File   string // the file's base name
	Sheet  string // the sheet read, empty for CSV
	Schema *Schema
	Rows   []Row
}

// Col returns the position of the column with key; it panics on a key the
// schema lacks, which is a programming error caught by plan validation.
func (t *Table) Col(key string) int {
	i := t.Schema.Index(key)
	if i < 0 {
		panic("sources: no column " + key + " in " + t.Source)
	}
	return i
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
	b.WriteString(i.Severity + ": " + i.File)
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
