package sources

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/richardlehane/mscfb"
)

// HeaderSearchRows is how many rows from the top are searched for the header.
const HeaderSearchRows = 20

// Limits bound what a source may cost to read.
type Limits struct {
	MaxFileBytes  int64 // size of the file on disk
	MaxUnzipBytes int64 // size of a workbook once unzipped
}

// DefaultLimits suit a school's or a district's files with room to spare.
var DefaultLimits = Limits{MaxFileBytes: 100 << 20, MaxUnzipBytes: 1 << 30}

// Spec names a source to read.
type Spec struct {
	Name    string              // the source's name, e.g. "dossiers"
	Path    string              // the file
	Sheet   string              // the sheet; empty means the first
	Aliases map[string][]string // extra headers, keyed by a column's header or key
	Limits  Limits
	// Keep lists the column keys whose values are kept in the Table; nil
	// keeps every column. Every column is still read and checked, so a bad
	// cell leaves its row out whether or not it is kept; a district's year
	// is millions of cells, and most reports read few of them.
	Keep []string
	// Private lists files and folders a source must never be read from,
	// even through a symbolic link: the archive, the password files. Their
	// content would otherwise end up in messages and on the page.
	Private []string
}

// Result is what Read returns for one source.
type Result struct {
	// Path is the file read: the spec's, or the one its pattern or
	// folder picked.
	Path string
	// Notes are the warnings about which file a pattern or folder picked
	// (also among Issues).
	Notes  []string
	Table  *Table
	Issues []Issue // warnings, in file order
	SHA256 string  // of the file's bytes
	Bytes  int64
}

// Read reads the source spec names with schema. Row problems are warnings in
// the result; a source that cannot be used is a *SourceError.
// A path that is a glob pattern or a folder reads the newest of its files
// whose headers are the schema's (IsPattern); Result.Path says which.
//
// A workbook is read from the file rather than from a copy of it in
// memory: the file is hashed in one pass, then its zip entries are read in
// place, so a district's 25 MB workbook costs no 25 MB of memory.
func Read(spec Spec, schema *Schema) (*Result, error) {
	if spec.Limits == (Limits{}) {
		spec.Limits = DefaultLimits
	}
	read := readOne
	if IsPattern(spec.Path) {
		read = readNewest
	}
	res, err := read(spec, schema)
	var se *SourceError
	if errors.As(err, &se) && se.Title == "" && schema != nil {
		se.Title = schema.Title
	}
	return res, err
}

// readOne reads the one file spec.Path names.
func readOne(spec Spec, schema *Schema) (*Result, error) {
	f, size, err := openFile(spec)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size)); err != nil {
		return nil, &SourceError{Source: spec.Name, File: spec.Path, Message: "không đọc được tệp: kiểm tra quyền truy cập", Err: err}
	}
	res, err := readFrom(spec, f, size, h.Sum(nil), schema)
	if res != nil {
		res.Path = spec.Path
	}
	return res, err
}

// readData reads a source whose bytes are data.
func readData(spec Spec, data []byte, schema *Schema) (*Result, error) {
	sum := sha256.Sum256(data)
	return readFrom(spec, bytes.NewReader(data), int64(len(data)), sum[:], schema)
}

// readFrom reads a source of size bytes from r, whose SHA-256 is sum.
func readFrom(spec Spec, r io.ReaderAt, size int64, sum []byte, schema *Schema) (*Result, error) {
	res := &Result{SHA256: hex.EncodeToString(sum), Bytes: size}
	p := newParser(spec, schema)
	rr, sheet, err := openRows(spec, r, size, p.isHeader)
	if err != nil {
		return nil, err
	}
	defer rr.close()
	p.table.Sheet = sheet
	if err := p.run(rr); err != nil {
		return nil, err
	}
	res.Table, res.Issues = p.table, p.issues
	return res, nil
}

// openFile opens the source's file after checking it is one, and not too
// large; it gives the file's size.
func openFile(spec Spec) (*os.File, int64, error) {
	fail := func(msg string, err error) error {
		return &SourceError{Source: spec.Name, File: spec.Path, Message: msg, Err: err}
	}
	if strings.EqualFold(filepath.Ext(spec.Path), ".xls") {
		return nil, 0, fail(xlsHelp, nil)
	}
	if InsideAny(spec.Path, spec.Private) {
		return nil, 0, fail("đường dẫn này (hoặc liên kết tượng trưng của nó) trỏ vào kho lưu trữ hoặc tệp mật khẩu của baocao, nên không được đọc: sửa path của nguồn này trong cấu hình cho đúng tệp dữ liệu", nil)
	}
	st, err := os.Stat(spec.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, 0, fail("không tìm thấy tệp: kiểm tra đường dẫn trong tệp cấu hình", nil)
	case err != nil:
		return nil, 0, fail("không đọc được tệp: kiểm tra quyền truy cập", err)
	case st.IsDir():
		return nil, 0, fail("đường dẫn là một thư mục, không phải tệp", nil)
	case st.Size() > spec.Limits.MaxFileBytes:
		return nil, 0, fail(fmt.Sprintf("tệp quá lớn (%d MB, giới hạn %d MB): tách tệp theo năm hoặc nâng [limits] max_file_mb trong cấu hình",
			st.Size()>>20, spec.Limits.MaxFileBytes>>20), nil)
	}
	f, err := os.Open(spec.Path)
	if err != nil {
		return nil, 0, fail("không đọc được tệp: kiểm tra quyền truy cập", err)
	}
	// The size is taken from the open file: the one read, if the path
	// was replaced since (as Excel saves). It is checked again.
	if st, err = f.Stat(); err != nil || st.Size() > spec.Limits.MaxFileBytes {
		f.Close()
		if err != nil {
			return nil, 0, fail("không đọc được tệp: kiểm tra quyền truy cập", err)
		}
		return nil, 0, fail(fmt.Sprintf("tệp quá lớn (%d MB, giới hạn %d MB): tách tệp theo năm hoặc nâng [limits] max_file_mb trong cấu hình",
			st.Size()>>20, spec.Limits.MaxFileBytes>>20), nil)
	}
	return f, st.Size(), nil
}

// InsideAny reports whether path, its symbolic links resolved, is one of
// private or inside one of them (also resolved).
func InsideAny(path string, private []string) bool {
	if len(private) == 0 {
		return false
	}
	p := resolve(path)
	for _, q := range private {
		if q == "" {
			continue
		}
		q = resolve(q)
		if rel, err := filepath.Rel(q, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// resolve is path absolute, with its symbolic links resolved as far as
// they exist.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	// Not there (yet): resolve the folder that is.
	if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(r, filepath.Base(abs))
	}
	return abs
}

const xlsHelp = "định dạng Excel cũ (.xls) không được hỗ trợ: mở tệp và lưu lại dưới dạng .xlsx " +
	"(Excel: Tệp › Lưu thành › Sổ làm việc Excel; hoặc chạy `libreoffice --headless --convert-to xlsx TỆP.xls`), " +
	"rồi sửa đường dẫn trong cấu hình"

const encryptedHelp = "tệp được đặt mật khẩu (sổ tính mã hóa), baocao không đọc được: mở tệp bằng Excel, " +
	"gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu, bấm OK) rồi lưu lại; " +
	"hoặc lưu một bản không mật khẩu và sửa đường dẫn trong cấu hình"

// encrypted reports whether an OLE compound file is an encrypted OOXML
// package (ECMA-376 part 2 / MS-OFFCRYPTO): Excel stores a workbook with a
// password as a compound file holding EncryptionInfo and EncryptedPackage
// streams, not as a zip.
func encrypted(r io.ReaderAt) bool {
	doc, err := mscfb.New(r)
	if err != nil {
		return false
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "EncryptedPackage" || e.Name == "EncryptionInfo" {
			return true
		}
	}
	return false
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// rowReader yields a source's rows in order; line is the row number a user
// sees.
type rowReader interface {
	next() (row *cells, line int, ok bool, err error) // row is valid until the next call
	close()
}

func openRows(spec Spec, r io.ReaderAt, size int64, isHeader func([]string) bool) (rowReader, string, error) {
	isCSV := strings.EqualFold(filepath.Ext(spec.Path), ".csv")
	head := make([]byte, len(oleMagic))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, oleMagic) && encrypted(r):
		return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Message: encryptedHelp}
	case bytes.HasPrefix(head, oleMagic):
		return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Message: xlsHelp}
	case bytes.HasPrefix(head, zipMagic):
		return openXLSX(spec, r, size)
	case isCSV:
		data := make([]byte, size)
		if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
			return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Message: "không đọc được tệp: kiểm tra quyền truy cập", Err: err}
		}
		rr, err := openCSV(spec, data, isHeader)
		return rr, "", err
	}
	return nil, "", &SourceError{Source: spec.Name, File: spec.Path,
		Message: "tệp không phải sổ tính .xlsx hay .csv: lưu lại tệp dưới dạng .xlsx"}
}
