package web

import (
	"errors"
	"io"
	"net/http"
)

// signedMessages are what the version page says after an upload, by the
// result code the upload redirects with.
var signedMessages = map[string]string{
	"da-ky":        "Đã nhận bản ký số (đã kiểm tra đúng bản đã duyệt) và lưu vào kho.",
	"da-ky-da-gui": "Đã nhận bản ký số (đã kiểm tra đúng bản đã duyệt), lưu vào kho và gửi cấp trên.",
	"da-co-ban-ky": "Bản ký số này đã được nhận trước đây: không lưu lại, không gửi lại.",
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
		s.refuseReview(w, r, ref, http.StatusBadRequest, "Chưa chọn tệp PDF đã ký số.", "Bấm “Chọn tệp”, chọn tệp PDF đã ký bằng phần mềm ký số, rồi bấm “Tải lên”.")
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
			s.refuseReview(w, r, ref, http.StatusUnprocessableEntity, "Không nhận tệp “"+hdr.Filename+"”: "+plain(err)+".",
				"Không có gì được lưu hay gửi. Tải lại đúng tệp PDF của bản đã duyệt, ký bằng phần mềm ký số của đơn vị (không sửa, không lưu lại bằng chương trình khác), rồi tải lên lại.")
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
