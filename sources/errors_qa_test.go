package sources

import (
	"strings"
	"testing"
)

func TestSourceErrorWithoutAFile(t *testing.T) {
	e := &SourceError{Source: "staff", Message: "cấu hình chưa khai báo nguồn này"}
	if got := e.Error(); strings.Contains(got, "()") || got != "staff: cấu hình chưa khai báo nguồn này" {
		t.Errorf("Error() = %q", got)
	}
	e.File = "can-bo.xlsx"
	if got := e.Error(); !strings.Contains(got, "staff (can-bo.xlsx): ") {
		t.Errorf("Error() = %q", got)
	}
}
