package sources

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// xlsxRows reads the rows of one sheet of an .xlsx workbook.
//
// Workbooks are read with archive/zip and a SAX scanner rather than
// excelize's Rows iterator: excelize decodes every row into structs through
// encoding/xml, about 14 µs and 130 allocations a row, which made reading a
// district's year take seconds (docs/decisions.md). excelize still writes
// the report workbook.
type xlsxRows struct {
	*sheetRows
	wb *workbook
}

func openXLSX(spec Spec, r io.ReaderAt, size int64) (rowReader, string, error) {
	fail := func(sheet, msg string, err error) (rowReader, string, error) {
		return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Sheet: sheet, Message: msg, Err: err}
	}
	wb, err := openPackage(r, size, spec.Limits.MaxUnzipBytes)
	switch {
	case errors.Is(err, errUnzipLimit):
		return fail("", fmt.Sprintf("tệp giải nén vượt giới hạn %d MB: kiểm tra tệp hoặc nâng [limits] max_unzip_mb", spec.Limits.MaxUnzipBytes>>20), err)
	case errors.Is(err, errDuplicatePart):
		return fail("", "tệp chứa hai phần cùng tên, chỉ khác chữ hoa/thường, nên không biết đọc phần nào (tệp không đúng chuẩn .xlsx): "+
			"mở bằng Excel/LibreOffice, kiểm tra dữ liệu và lưu lại dưới dạng .xlsx", err)
	case errors.Is(err, errTokenTooLong):
		return fail("", "bảng chuỗi của sổ tính có một ô dài hơn 1 MB (giới hạn của Excel là 32.767 ký tự một ô): rút ngắn nội dung ô rồi lưu lại", err)
	case err != nil:
		return fail("", "tệp không mở được như sổ tính .xlsx: mở bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx", err)
	}
	i, err := pickSheet(wb.sheetNames(), spec.Sheet)
	if err != nil {
		return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Sheet: spec.Sheet, Message: err.Error(), noSheet: spec.Sheet != ""}
	}
	sheet := wb.sheets[i]
	if sheet.part == "" {
		return fail(sheet.name, "sổ tính liệt kê trang này nhưng không có nội dung của nó (tệp hỏng): mở bằng Excel/LibreOffice, kiểm tra trang và lưu lại", nil)
	}
	rows, err := wb.openSheet(sheet.part)
	if err != nil {
		return fail(sheet.name, "không đọc được trang tính: mở bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx", err)
	}
	return &xlsxRows{sheetRows: rows, wb: wb}, sheet.name, nil
}

// pickSheet finds the sheet named want (compared like headers), or the
// first sheet when want is empty.
func pickSheet(list []string, want string) (int, error) {
	if want == "" {
		if len(list) == 0 {
			return 0, errors.New("sổ tính không có trang nào")
		}
		return 0, nil
	}
	if i := MatcherOf(list).Match(want); i >= 0 {
		return i, nil
	}
	return 0, fmt.Errorf("không có trang %q; các trang có trong tệp: %s; sửa sheet = \"TÊN_TRANG\" trong cấu hình",
		want, strings.Join(list, ", "))
}

// date1904 reports the workbook's date system.
func (x *xlsxRows) date1904() bool { return x.wb.date1904 }
