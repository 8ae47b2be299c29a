package web

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// TestStorageFault: a write the archive refuses (read-only, full, no
// permission), however deeply wrapped, is told in Vietnamese with its fix;
// anything else is not.
func TestStorageFault(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("reports: approve: %w", &fs.PathError{Op: "open", Path: "/a/approval.json", Err: syscall.EROFS}), "chỉ đọc"},
		{fmt.Errorf("x: %w", &os.PathError{Op: "write", Path: "/a/b", Err: syscall.ENOSPC}), "đã đầy"},
		{fmt.Errorf("x: %w", &os.PathError{Op: "open", Path: "/a/b", Err: syscall.EACCES}), "không có quyền ghi"},
	} {
		why, fix, ok := storageFault(tc.err)
		if !ok || !strings.Contains(why, tc.want) || fix == "" {
			t.Errorf("%v: %q %q %v", tc.err, why, fix, ok)
		}
	}
	if _, _, ok := storageFault(errors.New("something else")); ok {
		t.Error("an unrelated error taken for a storage fault")
	}
}
