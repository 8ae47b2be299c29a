package sources

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
)

// A source is named by its title, the config's table, the file and the
// sheet; a file's trouble is said in Vietnamese, another cause only in
// English.
func TestSourceErrorNamesTheSource(t *testing.T) {
	e := &SourceError{Source: "staff", Message: "cấu hình chưa khai báo nguồn này"}
	if got := e.Error(); strings.Contains(got, "()") || got != "staff ([sources.staff]): cấu hình chưa khai báo nguồn này" {
		t.Errorf("Error() = %q", got)
	}
	e.Title, e.File, e.Sheet = "Danh sách CBCCVC", "can-bo.xlsx", "Sheet1"
	if got := e.Error(); !strings.HasPrefix(got, `Danh sách CBCCVC ([sources.staff], tệp can-bo.xlsx, trang "Sheet1"): `) {
		t.Errorf("Error() = %q", got)
	}
	e.Message, e.Err = "không đọc được tệp", &fs.PathError{Op: "open", Path: "can-bo.xlsx", Err: fs.ErrPermission}
	if got := e.Error(); !strings.HasSuffix(got, "không đọc được tệp ("+catalog.FilePermission.String()+")") {
		t.Errorf("Error() = %q", got)
	}
	e.Err = errors.New("zip: not a valid zip file")
	if got := e.Error(); strings.Contains(got, "zip") {
		t.Errorf("Error() = %q: the library's English reaches the clerk", got)
	}
	defer catalog.Set(catalog.Vietnamese)
	catalog.Set(catalog.English)
	if got := e.Error(); !strings.HasPrefix(got, `Danh sách CBCCVC ([sources.staff], can-bo.xlsx, sheet "Sheet1"): `) || !strings.HasSuffix(got, " [zip: not a valid zip file]") {
		t.Errorf("en: Error() = %q", got)
	}
}
