package sources

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// ErrUnzipLimit is returned by OpenPackage (and for a workbook) when the
// package would unzip to more than its limit.
var ErrUnzipLimit = errUnzipLimit

// ErrTokenTooLong is returned by an XMLScanner for an XML token longer than
// the limit every part is read with (1 MB).
var ErrTokenTooLong = errTokenTooLong

// Package is an Office Open XML package (a .xlsx, a .docx) opened within the
// limits the workbooks are read with: declared unzipped sizes checked
// against a limit before anything is inflated, part names compared as OPC
// says, two names equal that way refused.
type Package struct {
	files map[string]*zip.File // by normalised, lower-case part name
}

// OpenPackage opens the OOXML package held in data; limit bounds the sum of
// its parts' unzipped sizes.
func OpenPackage(data []byte, limit int64) (*Package, error) {
	files, err := openParts(bytes.NewReader(data), int64(len(data)), limit)
	if err != nil {
		return nil, err
	}
	return &Package{files: files}, nil
}

// openParts lists a zip package's parts, refusing one whose declared sizes
// pass limit; archive/zip refuses an entry that inflates beyond its
// declared size, so the check holds for lying archives too.
func openParts(r io.ReaderAt, size, limit int64) (map[string]*zip.File, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("sources: not a zip package: %w", err)
	}
	// Parts are inflated by baocao's own decoder (inflate.go), which
	// archive/zip checks as it checks its own: each part's CRC-32 and size.
	zr.RegisterDecompressor(zip.Deflate, partDecompressor)
	files := map[string]*zip.File{}
	var total uint64
	for _, f := range zr.File {
		if total += f.UncompressedSize64; f.UncompressedSize64 > uint64(limit) || total > uint64(limit) {
			return nil, errUnzipLimit // checked at each entry: the sum cannot wrap
		}
		name := partName(f.Name)
		if name == "" || strings.HasSuffix(name, "/") {
			continue // a folder entry
		}
		key := strings.ToLower(name)
		if prev, dup := files[key]; dup {
			return nil, fmt.Errorf("%w: %s and %s", errDuplicatePart, prev.Name, f.Name)
		}
		files[key] = f
	}
	return files, nil
}

// partDecompressor inflates the parts; tests swap in compress/flate to
// compare.
var partDecompressor zip.Decompressor = func(r io.Reader) io.ReadCloser { return newInflater(r) }

// Has reports whether the package holds part.
func (p *Package) Has(part string) bool {
	wb := workbook{files: p.files}
	return wb.has(part)
}

// Open opens a part by name (case aside, "\" as "/", percent-decoded if
// need be).
func (p *Package) Open(part string) (io.ReadCloser, error) {
	wb := workbook{files: p.files}
	return wb.open(part)
}

// Encrypted reports whether data is an encrypted OOXML package: an OLE
// compound file holding EncryptionInfo or EncryptedPackage, as Office
// stores a document with a password.
func Encrypted(data []byte) bool {
	return bytes.HasPrefix(data, oleMagic) && encrypted(bytes.NewReader(data))
}

// IsCompoundFile reports whether data is an OLE compound file (Word 97 .doc,
// Excel 97 .xls, or an encrypted OOXML package).
func IsCompoundFile(data []byte) bool { return bytes.HasPrefix(data, oleMagic) }

// IsZip reports whether data starts as a zip package does.
func IsZip(data []byte) bool { return bytes.HasPrefix(data, zipMagic) }

// XMLScanner walks an XML part event by event within the same bound on one
// token as the sheets are read with; the text gathered between calls is
// bounded too (what one cell may hold), the rest cut.
type XMLScanner struct{ x *sax }

// NewXMLScanner reads XML from r.
func NewXMLScanner(r io.Reader) *XMLScanner { return &XMLScanner{x: newSAX(r)} }

// Next returns the next start or end tag's local name and attributes (valid
// until the next call); character data on the way is added to Text when
// keep is set. At the end of the part it returns io.EOF; a token past the
// limit is ErrTokenTooLong.
func (s *XMLScanner) Next(keep bool) (start bool, name, attrs []byte, err error) {
	return s.x.next(keep)
}

// Text is the character data gathered since ResetText.
func (s *XMLScanner) Text() string { return string(s.x.text) }

// ResetText starts gathering a new text.
func (s *XMLScanner) ResetText() { s.x.resetText() }

// Attr returns the value of the attribute whose local name is key, from
// attrs as Next returned them; nil when absent.
func Attr(attrs []byte, key string) []byte { return attr(attrs, key) }
