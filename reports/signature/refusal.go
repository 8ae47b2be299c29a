package signature

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/internal/fault"
)

// Kind is why a signed copy is refused.
type Kind int

// The kinds of refusal.
const (
	// NotIssued: the file does not start with the issued PDF's bytes (another
	// version, a re-exported or edited PDF, a draft, not a PDF).
	NotIssued Kind = iota + 1
	// BadSignature: a signature dictionary's CMS signature does not verify
	// over its byte range, or cannot be read.
	BadSignature
	// ChangedAfterSigning: bytes follow the last signed revision.
	ChangedAfterSigning
	// Unsigned: no signature was added to the issued PDF.
	Unsigned
	// TooLarge: the file is over the size limit.
	TooLarge
	// Damaged: a signature's byte range does not fit the file (a truncated
	// or broken file).
	Damaged
	// NotApproved: the version the copy is for is not approved (a draft
	// waiting, returned or superseded); set by the caller.
	NotApproved
	// AlreadySigned: the version has a signed copy, and this file is
	// another one; the stored copy is never replaced. Set by the caller.
	AlreadySigned
)

var kindNames = map[Kind]string{
	NotIssued: "not-issued", BadSignature: "bad-signature", ChangedAfterSigning: "changed-after-signing",
	Unsigned: "unsigned", TooLarge: "too-large", Damaged: "damaged", NotApproved: "not-approved", AlreadySigned: "already-signed",
}

// String is the kind's name in the structured log.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "kind-" + strconv.Itoa(int(k))
}

// ErrRefused matches every Refusal (errors.Is).
var ErrRefused = fault.New(fault.Refused, "signature: signed copy refused")

// Refusal is a signed copy refused, with what was found.
type Refusal struct {
	Kind    Kind
	Version int // the issued version the file was checked against (0: unknown)
	// Offset is a 0-based byte position: for NotIssued the first byte that
	// differs from the issued PDF, for ChangedAfterSigning the first byte
	// after the last signed revision, for Damaged the end the signature
	// claims.
	Offset int64
	Size   int64 // the file's size
	Limit  int64 // TooLarge: the limit; NotIssued: the issued PDF's size
	// Signature is the 1-based signature concerned (BadSignature, Damaged).
	Signature int
	// Other is what the file is instead, when the caller found it (for
	// NotIssued): "bản v1", "bản dự thảo v2".
	Other string
	// State is the version's state in words (NotApproved), or when its
	// signed copy was received (AlreadySigned).
	State string
	// Problem says, in Vietnamese, what is wrong with a signature when it
	// is not a mismatch (BadSignature): "không đọc được chữ ký", …
	Problem string
	// Reason is a technical detail in English, for the log.
	Reason string
}

// Error is the Vietnamese message for the clerk.
func (r *Refusal) Error() string {
	v := "bản đã duyệt"
	if r.Version > 0 {
		v = fmt.Sprintf("bản đã duyệt v%d", r.Version)
	}
	switch r.Kind {
	case NotIssued:
		switch {
		case r.Other != "":
			return fmt.Sprintf("tệp này là %s (đã ký), không phải %s: hãy ký đúng tệp PDF tải về từ %s", r.Other, v, v)
		case r.Offset == 0:
			return fmt.Sprintf("tệp này không phải bản PDF của %s: nội dung khác ngay từ byte đầu tiên", v)
		case r.Offset >= r.Size && r.Size < r.Limit:
			return fmt.Sprintf("tệp này không phải %s: tệp chỉ có %s byte, ngắn hơn bản đã duyệt (%s byte) — tệp bị cắt hoặc là bản khác",
				v, Bytes(r.Size), Bytes(r.Limit))
		}
		return fmt.Sprintf("tệp này không phải %s: nội dung khác từ byte %s (phần mềm ký chỉ được thêm chữ ký vào sau, không được sửa tệp; hãy ký đúng tệp PDF tải về từ %s)",
			v, Bytes(r.Offset+1), v)
	case BadSignature:
		if r.Problem != "" {
			return fmt.Sprintf("chữ ký số thứ %d trong tệp không hợp lệ: %s", r.Signature, r.Problem)
		}
		return fmt.Sprintf("chữ ký số thứ %d trong tệp không hợp lệ: nội dung được ký không khớp với chữ ký (tệp đã bị sửa sau khi ký, hoặc chữ ký hỏng)", r.Signature)
	case ChangedAfterSigning:
		return fmt.Sprintf("tệp đã bị sửa sau khi ký: có %s byte thêm vào sau chữ ký cuối cùng (từ byte %s) mà không phải một chữ ký số",
			Bytes(r.Size-r.Offset), Bytes(r.Offset+1))
	case Unsigned:
		if r.Size == r.Limit {
			return fmt.Sprintf("tệp chưa có chữ ký số: đây đúng là %s nhưng chưa được ký", v)
		}
		return fmt.Sprintf("tệp chưa có chữ ký số: sau %s có thêm %s byte nhưng không có chữ ký nào", v, Bytes(r.Size-r.Limit))
	case TooLarge:
		return fmt.Sprintf("tệp quá lớn: giới hạn là %s byte (%s)", Bytes(r.Limit), megabytes(r.Limit))
	case Damaged:
		return fmt.Sprintf("tệp bị hỏng hoặc bị cắt: chữ ký số thứ %d khai báo vùng ký đến byte %s nhưng tệp có %s byte",
			r.Signature, Bytes(r.Offset), Bytes(r.Size))
	case NotApproved:
		return fmt.Sprintf("phiên bản v%d chưa được duyệt (%s): chỉ nhận bản ký số của bản đã duyệt", r.Version, r.State)
	case AlreadySigned:
		return fmt.Sprintf("phiên bản v%d đã có bản ký số (nhận lúc %s); tệp gửi lên lần này khác bản đó, và bản đã lưu không được thay thế", r.Version, r.State)
	}
	return "tệp ký số bị từ chối"
}

// Fault is a refusal's class: the copy was refused (internal/fault).
func (r *Refusal) Fault() fault.Class { return fault.Refused }

// Is makes errors.Is(err, &Refusal{Kind: k}) match any refusal of kind k,
// and errors.Is(err, ErrRefused) any refusal.
func (r *Refusal) Is(target error) bool {
	if target == ErrRefused {
		return true
	}
	t, ok := target.(*Refusal)
	return ok && t.Kind == r.Kind
}

// KindOf is err's refusal kind, 0 when err is not a refusal.
func KindOf(err error) Kind {
	var r *Refusal
	if errors.As(err, &r) {
		return r.Kind
	}
	return 0
}

// Bytes writes n the Vietnamese way: 1.234.567.
func Bytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func megabytes(n int64) string {
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".", ",", 1) + " MB"
}
