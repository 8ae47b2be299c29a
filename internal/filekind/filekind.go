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
	return fmt.Errorf("unknown file kind %q: want \"pdf\", \"xlsx\" or \"docx\"", string(b))
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
		return fmt.Errorf("[reports.%s] attach is empty: list the files the message carries, e.g. attach = [\"pdf\", \"xlsx\"]", id)
	}
	seen := map[FileKind]bool{}
	for _, k := range *list {
		if seen[k] {
			return fmt.Errorf("[reports.%s] attach lists %q twice", id, kindNames[k])
		}
		seen[k] = true
	}
	return nil
}
