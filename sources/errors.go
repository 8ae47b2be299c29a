package sources

import (
	"errors"
	"fmt"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// ErrUnusable is wrapped by every error for a source that cannot be used at
// all: a missing file or sheet, a missing required column, a file that is not
// a workbook or is too large.
var ErrUnusable = catalog.NewClass(catalog.ClassSource).WithFault(fault.BadInput)

// ErrNoSheet is matched (errors.Is) by a *SourceError for a workbook that
// has no sheet of the name asked for; it is unusable too. An optional
// source read from a sheet of another workbook tests it to mean "none".
var ErrNoSheet = errors.New("sources: no such sheet")

// SourceError says which source failed and what to do about it. Message is
// in Vietnamese, for the staff who fix the files.
type SourceError struct {
	Source  string
	File    string
	Sheet   string
	Message string
	Err     error // the underlying cause, if any

	noSheet bool // the workbook lacks the sheet asked for
}

func (e *SourceError) Error() string {
	loc := e.File
	if e.Sheet != "" {
		loc += ", trang " + fmt.Sprintf("%q", e.Sheet)
	}
	s := fmt.Sprintf("%s (%s): %s", e.Source, loc, e.Message)
	if loc == "" { // no file: a source the config does not name
		s = fmt.Sprintf("%s: %s", e.Source, e.Message)
	}
	if e.Err != nil {
		s += fmt.Sprintf(" [%v]", e.Err)
	}
	return s
}

// Unwrap gives ErrUnusable; the cause, if any, is part of the message.
func (e *SourceError) Unwrap() error { return ErrUnusable }

// Is matches ErrNoSheet when the workbook lacks the sheet asked for.
func (e *SourceError) Is(target error) bool { return target == ErrNoSheet && e.noSheet }
