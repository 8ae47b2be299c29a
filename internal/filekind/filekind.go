package filekind

import (
	"fmt"
	"strings"
)

// FileKind is a kind of file a version holds and a message can carry,
// written "pdf", "xlsx" or "docx" in a report's attach list. It is not a
// string type: go-toml calls UnmarshalText only for non-string targets,
// and a string type would take any value unchecked.
type FileKind uint8

// The kinds of file of a version.
const (
	PDF  FileKind = iota + 1 // the document to sign
	XLSX                     // the workbook
	DOCX                     // the editable Word draft
)

var kindNames = map[FileKind]string{PDF: "pdf", XLSX: "xlsx", DOCX: "docx"}

// FileKinds are the kinds a version holds, in the order of its manifest.
var FileKinds = []FileKind{PDF, XLSX, DOCX}

// DefaultAttach is what the district's message carries when a report sets
// no attach list: the PDF and the workbook.
func DefaultAttach() []FileKind { return []FileKind{PDF, XLSX} }

// UnmarshalText accepts a known kind, in any case.
func (k *FileKind) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for kind, name := range kindNames {
		if s == name {
			*k = kind
			return nil
		}
	}
	return &Error{Problem: Unknown, Value: string(b)}
}

// MarshalText writes the kind as in the config.
func (k FileKind) MarshalText() ([]byte, error) { return []byte(kindNames[k]), nil }

// Ext is the file name extension of the kind: ".pdf".
func (k FileKind) Ext() string { return "." + kindNames[k] }

// String names the kind in Vietnamese.
func (k FileKind) String() string {
	switch k {
	case PDF:
		return "báo cáo PDF"
	case XLSX:
		return "bảng tính Excel"
	case DOCX:
		return "bản Word để chỉnh sửa"
	}
	return fmt.Sprintf("loại tệp %d", uint8(k))
}

// CheckAttach defaults a report's attach list and refuses an empty list or
// a kind listed twice; id names the report in the messages.
func CheckAttach(id string, list *[]FileKind) error {
	if *list == nil {
		*list = DefaultAttach()
		return nil
	}
	if len(*list) == 0 {
		return &Error{Problem: Empty, Report: id}
	}
	seen := map[FileKind]bool{}
	for _, k := range *list {
		if seen[k] {
			return &Error{Problem: Twice, Report: id, Value: kindNames[k]}
		}
		seen[k] = true
	}
	return nil
}

// Problem is what is wrong with an attach list.
type Problem uint8

// The problems of an attach list.
const (
	Unknown Problem = iota + 1 // a kind that is not pdf, xlsx or docx
	Empty                      // attach = []
	Twice                      // a kind listed twice
)

// Error is an attach list refused: its report (empty for an unknown kind,
// which go-toml reports with its line), the value, and the problem.
type Error struct {
	Problem Problem
	Report  string
	Value   string
}

// Words, when set, says an Error in the language in force: the config
// reader sets it to the catalogue's words (this package imports nothing).
// go-toml keeps only an UnmarshalText error's text, so the text must be
// right when it is made.
var Words func(e *Error) string

func (e *Error) Error() string {
	if Words != nil {
		return Words(e)
	}
	switch e.Problem {
	case Empty:
		return fmt.Sprintf("[reports.%s] attach is empty: list the files the message carries, e.g. attach = [\"pdf\", \"xlsx\"]", e.Report)
	case Twice:
		return fmt.Sprintf("[reports.%s] attach lists %q twice", e.Report, e.Value)
	}
	return fmt.Sprintf("unknown file kind %q: want \"pdf\", \"xlsx\" or \"docx\"", e.Value)
}
