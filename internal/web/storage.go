package web

import (
	"errors"
	"github.com/mn2010/baocao/internal/catalog"
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
		return catalog.PgDiskRO.String(), catalog.PgDiskROFix.String(), true
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return catalog.PgDiskFull.String(), catalog.PgDiskFullFix.String(), true
	case errors.Is(err, fs.ErrPermission):
		return catalog.PgDiskDenied.String(), catalog.PgDiskDeniedFix.String(), true
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
	s.fail(w, r, http.StatusServiceUnavailable, catalog.PgStorage.F(why), catalog.PgStorageFix.F(fix))
	return true
}
