package sources

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
}

func openXLSX(spec Spec, data []byte) (rowReader, string, error) {
	fail := func(sheet, msg string, err error) (rowReader, string, error) {
		return nil, "", &SourceError{Source: spec.Name, File: spec.Path, Sheet: sheet, Message: msg, Err: err}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: spec.Limits.MaxUnzipBytes,
		// Sheets larger than this are unzipped to a temporary file and
		// streamed from it, so memory stays bounded however large the file.
		UnzipXMLSizeLimit: min(spec.Limits.MaxUnzipBytes, spillBytes),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return fail("", fmt.Sprintf("tệp giải nén vượt giới hạn %d MB: kiểm tra tệp hoặc nâng [limits] max_unzip_mb", spec.Limits.MaxUnzipBytes>>20), err)
		}
		return fail("", "tệp không mở được như sổ tính .xlsx: mở bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx", err)
	}
	sheet, err := pickSheet(f, spec.Sheet)
	if err != nil {
		f.Close()
		return fail(spec.Sheet, err.Error(), nil)
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return fail(sheet, "không đọc được trang tính", err)
	}
	return &xlsxRows{f: f, rows: rows}, sheet, nil
}

func pickSheet(f *excelize.File, want string) (string, error) {
	list := f.GetSheetList()
	if want == "" {
		if len(list) == 0 {
			return "", errors.New("sổ tính không có trang nào")
		}
		return list[0], nil
	}
	m := MatcherOf(list)
	if i := m.Match(want); i >= 0 {
		return list[i], nil
	}
	return "", fmt.Errorf("không có trang %q; các trang có trong tệp: %s; sửa tên trang (sheet) trong cấu hình",
		want, strings.Join(list, ", "))
}

// date1904 reports the workbook's date system.
func (x *xlsxRows) date1904() bool {
	p, err := x.f.GetWorkbookProps()
	return err == nil && p.Date1904 != nil && *p.Date1904
}

func (x *xlsxRows) next() ([]string, int, bool, error) {
	if !x.rows.Next() {
		return nil, 0, false, x.rows.Error()
	}
	x.line++
	cells, err := x.rows.Columns(excelize.Options{RawCellValue: true})
	return cells, x.line, true, err
}

func (x *xlsxRows) close() {
	x.rows.Close()
	x.f.Close()
}
