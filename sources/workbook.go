package sources

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// errUnzipLimit is returned when a workbook would unzip to more than its
// limit.
var errUnzipLimit = errors.New("sources: workbook exceeds the unzip limit")

// errDuplicatePart is returned for a package holding two parts whose names
// differ only in case: OPC part names are case-insensitive, so which one a
// relationship means is unknowable.
var errDuplicatePart = errors.New("sources: two parts differ only in case")

// workbook is the structure of an .xlsx package: where each sheet is, the
// shared strings and the date system. Sheets themselves are streamed (see
// sheet.go).
type workbook struct {
	files    map[string]*zip.File // by normalised, lower-case part name
	sheets   []sheetPart          // in workbook order
	strings  *sharedStrings
	date1904 bool
}

// sheetPart is a sheet as the workbook lists it; part is empty when the
// sheet's part cannot be found.
type sheetPart struct{ name, part string }

// openWorkbook reads the package structure of an .xlsx held in data. The
// declared unzipped sizes are checked against limit before anything is
// inflated; archive/zip refuses an entry that inflates beyond its declared
// size, so the check holds for lying archives too.
//
// Part names are compared as OPC says: "\" read as "/" (some Windows
// exporters write xl\workbook.xml), without a leading "/", and without
// regard to case; a package with two names equal that way is refused.
func openWorkbook(data []byte, limit int64) (*workbook, error) {
	return openPackage(bytes.NewReader(data), int64(len(data)), limit)
}

// openPackage is openWorkbook for a package of size bytes read from r.
func openPackage(ra io.ReaderAt, size int64, limit int64) (*workbook, error) {
	files, err := openParts(ra, size, limit)
	if err != nil {
		return nil, err
	}
	wb := &workbook{files: files, strings: &sharedStrings{}}
	main := wb.relationships("", "_rels/.rels").byType["officeDocument"]
	if main == "" {
		main = "xl/workbook.xml"
	}
	r := wb.relationships(path.Dir(main), relsOf(main))
	if err := wb.readSheets(main, r.byID); err != nil {
		return nil, err
	}
	// The shared strings are optional: a workbook that declares them but
	// lacks the part has none (excelize reads it so too).
	sst := r.byType["sharedStrings"]
	if sst == "" {
		sst = path.Join(path.Dir(main), "sharedStrings.xml")
	}
	if wb.has(sst) {
		if wb.strings, err = wb.readStrings(sst); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

// partName is a zip entry's or a relationship target's name as a part
// name: forward slashes, no leading slash.
func partName(name string) string {
	return strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "/")
}

// find returns the entry of part, also trying it percent-decoded (a
// relationship target is a URI).
func (wb *workbook) find(part string) *zip.File {
	if f, ok := wb.files[strings.ToLower(part)]; ok {
		return f
	}
	if u, err := url.PathUnescape(part); err == nil && u != part {
		return wb.files[strings.ToLower(u)]
	}
	return nil
}

func (wb *workbook) has(part string) bool { return wb.find(part) != nil }

// open opens a part of the package by name.
func (wb *workbook) open(part string) (io.ReadCloser, error) {
	f := wb.find(part)
	if f == nil {
		return nil, fmt.Errorf("sources: the workbook has no part %s", part)
	}
	return f.Open()
}

// unmarshal decodes a small XML part.
func (wb *workbook) unmarshal(part string, v any) error {
	rc, err := wb.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("sources: %s: %w", part, err)
	}
	// Decoding stops at the root's end; archive/zip checks the part's
	// CRC-32 and size only at its end, so the rest is read.
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return fmt.Errorf("sources: %s: %w", part, err)
	}
	return nil
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// rels are the relationships of a part, as part names by id and by type
// (the last word of the type URI; the first such part).
type rels struct{ byID, byType map[string]string }

// relationships reads the .rels part of the part in dir; a missing or bad
// one has no relationships.
func (wb *workbook) relationships(dir, relsPart string) rels {
	out := rels{byID: map[string]string{}, byType: map[string]string{}}
	var r xmlRels
	if wb.unmarshal(relsPart, &r) != nil {
		return out
	}
	for _, x := range r.Rels {
		t := strings.ReplaceAll(x.Target, "\\", "/")
		target := path.Join(dir, t)
		if strings.HasPrefix(t, "/") {
			target = path.Clean(t[1:])
		}
		out.byID[x.ID] = target
		if t := x.Type[strings.LastIndex(x.Type, "/")+1:]; out.byType[t] == "" {
			out.byType[t] = target
		}
	}
	return out
}

func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

type xmlWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// readSheets lists the sheets of workbook part main, every one the
// workbook lists; byID resolves their relationship ids. A sheet without a
// relationship, or whose part is missing, is listed with no part: reading
// it is an error naming it, and it still counts when finding the first
// sheet.
func (wb *workbook) readSheets(main string, byID map[string]string) error {
	var w xmlWorkbook
	if err := wb.unmarshal(main, &w); err != nil {
		return err
	}
	wb.date1904 = w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	for _, s := range w.Sheets {
		sp := sheetPart{name: s.Name}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && wb.has(byID[a.Value]) {
				sp.part = byID[a.Value]
			}
		}
		wb.sheets = append(wb.sheets, sp)
	}
	return nil
}

// sheetNames lists the sheets in workbook order.
func (wb *workbook) sheetNames() []string {
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names
}
