package web

import (
	"errors"
	"io/fs"
	"net/http"
	"syscall"
)

// storageFault says, in Vietnamese, why the archive could not be written
// and what the admin must do; ok is false for any other error. The page
// answers such a failure 503 (the service cannot do it now), not 500.
func storageFault(err error) (why, fix string, ok bool) {
	switch {
	case errors.Is(err, syscall.EROFS):
		return "ổ đĩa chứa kho lưu trữ đang ở chế độ chỉ đọc",
			"Người quản trị cần cho ổ đĩa ghi được trở lại (kiểm tra ổ đĩa, rồi gắn lại ở chế độ ghi: mount -o remount,rw), rồi bấm lại", true
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "ổ đĩa chứa kho lưu trữ đã đầy",
			"Người quản trị cần giải phóng chỗ trống trên ổ đĩa chứa kho lưu trữ, rồi bấm lại", true
	case errors.Is(err, fs.ErrPermission):
		return "baocao không có quyền ghi vào thư mục kho lưu trữ",
			"Người quản trị cần cấp quyền ghi thư mục kho lưu trữ (mục archive trong tệp cấu hình) cho tài khoản chạy baocao, rồi bấm lại", true
	}
	return "", "", false
}

// storageFail answers a write the archive refused: 503, with what to fix.
// Nothing was half done: the workflow writes each record whole or not at
// all.
func (s *Server) storageFail(w http.ResponseWriter, r *http.Request, err error) bool {
	why, fix, ok := storageFault(err)
	if !ok {
		return false
	}
	s.set.Logger.Error("web: the archive cannot be written", "path", r.URL.Path, "error", err.Error())
	w.Header().Set("Retry-After", "300")
	s.fail(w, r, http.StatusServiceUnavailable, "Chưa làm được: "+why+", nên không ghi được gì vào kho lưu trữ và chưa có gì thay đổi.", fix+".")
	return true
}
