package sources

import (
	"errors"
	"strings"

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
	Source  string // the source's key: [sources.KEY] in the config
	Title   string // its display name, the plan's title ("Danh sách CBCCVC"); Read sets it from the schema
	File    string
	Sheet   string
	Message string
	Err     error // the underlying cause, if any

	noSheet bool // the workbook lacks the sheet asked for
}

// Error names the source by its title, then the config's table, the file
// and the sheet: `Danh sách CBCCVC ([sources.staff], tệp can-bo.xlsx,
// trang "Sheet1"): …`. The cause is said only when it is a file's trouble
// the catalogue words (not found, no permission, …); in English, always.
func (e *SourceError) Error() string {
	name := e.Title
	if name == "" {
		name = e.Source
	}
	loc := []string{catalog.SrcTable.F(e.Source)}
	if e.File != "" {
		loc = append(loc, catalog.SrcFile.F(e.File))
	}
	if e.Sheet != "" {
		loc = append(loc, catalog.SrcSheet.F(e.Sheet))
	}
	s := catalog.SrcError.F(name, strings.Join(loc, ", "), e.Message)
	if e.Err != nil {
		if why := catalog.FileWhy(e.Err); catalog.Current() == catalog.English || why != e.Err.Error() && !strings.HasSuffix(e.Message, why) {
			s += catalog.SrcCause.F(why)
		}
	}
	return s
}

// Unwrap gives ErrUnusable; the cause, if any, is part of the message.
func (e *SourceError) Unwrap() error { return ErrUnusable }

// Is matches ErrNoSheet when the workbook lacks the sheet asked for.
func (e *SourceError) Is(target error) bool { return target == ErrNoSheet && e.noSheet }
