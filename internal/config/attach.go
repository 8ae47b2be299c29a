package config

import (
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/filekind"
)

func init() { filekind.Words = attachWords }

// attachWords says an attach list's error from the catalogue.
func attachWords(e *filekind.Error) string {
	switch e.Problem {
	case filekind.Empty:
		return catalog.CfgAttachEmpty.F(e.Report)
	case filekind.Twice:
		return catalog.CfgAttachTwice.F(e.Report, e.Value)
	}
	return catalog.CfgFileKind.F(e.Value)
}

// FileKind is a kind of file a version holds and a message can carry
// (package filekind owns the vocabulary).
type FileKind = filekind.FileKind

// The kinds of file of a version.
const (
	PDF  = filekind.PDF
	XLSX = filekind.XLSX
	DOCX = filekind.DOCX
)

// FileKinds are the kinds a version holds, in the order of its manifest.
var FileKinds = filekind.FileKinds

// DefaultAttach is what the district's message carries when a report sets
// no attach list: the PDF and the workbook.
func DefaultAttach() []FileKind { return filekind.DefaultAttach() }

// checkAttach defaults a report's attach list and refuses an empty list or
// a kind listed twice.
func checkAttach(id string, r *Report) error { return filekind.CheckAttach(id, &r.Attach) }
