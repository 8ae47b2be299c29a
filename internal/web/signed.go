package web

import (
	"errors"
	"github.com/mn2010/baocao/internal/catalog"
	"io"
	"net/http"
)

// signedMessages are what the version page says after an upload, by the
// result code the upload redirects with.
var signedMessages = map[string]*catalog.Msg{
	"da-ky":        catalog.PgSignedSaved,
	"da-ky-da-gui": catalog.PgSignedSent,
	"da-co-ban-ky": catalog.PgSignedAgain,
}

// signedUploadPath ends the address the signed copy is uploaded to.
const signedUploadPath = "ky-so"

// uploadSigned takes the signed copy of a version ("Tải lên bản đã ký
// số"): a multipart form whose size the CSRF check bounded already.
func (s *Server) uploadSigned(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok || !s.permit(w, r, dutyOperate, ref.Report) {
		return
	}
	f, hdr, err := r.FormFile("tep")
	if err != nil {
		s.refuseReview(w, r, ref, http.StatusBadRequest, catalog.PgNoFile.String(), catalog.PgNoFileFix.String())
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, s.set.SignedMaxBytes+1))
	f.Close()
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	who := current(r).Who
	s.set.Logger.Info("web: signed copy uploaded", "who", who, "version", ref.String(), "file", hdr.Filename, "bytes", len(data), "remote", clientIP(r))
	out, err := s.backend.UploadSigned(r.Context(), who, ref, data)
	if err != nil {
		s.set.Logger.Warn("web: signed copy refused", "who", who, "version", ref.String(), "error", err.Error())
		switch {
		case errors.Is(err, ErrRefused):
			s.refuseReview(w, r, ref, http.StatusUnprocessableEntity, catalog.PgFileRefused.F(hdr.Filename, plain(err)), catalog.PgFileRefusedFix.String())
		default:
			s.reviewFail(w, r, ref, err)
		}
		return
	}
	s.set.Logger.Info("web: signed copy accepted", "who", who, "version", out.Version.String(), "fresh", out.Fresh, "sent", out.Sent)
	code := "da-ky"
	switch {
	case !out.Fresh:
		code = "da-co-ban-ky"
	case out.Sent:
		code = "da-ky-da-gui"
	}
	http.Redirect(w, r, out.Version.path()+"?kq="+code, http.StatusSeeOther)
}
