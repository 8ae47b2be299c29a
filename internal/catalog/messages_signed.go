package catalog

// Signed copies: `baocao signed`, `send --signed`, the waiting state and
// the story's lines (docs/duyet-bao-cao.md §3).
var (
	ArgsSigned        = add("ArgsSigned", "-r BÁO_CÁO -p KỲ TỆP.pdf [--version SỐ] [--by HỌ_TÊN]", "-r REPORT -p PERIOD FILE.pdf [--version N] [--by NAME]")
	HelpSigned        = add("HelpSigned", "nhận tệp PDF đã ký bằng công cụ ký số của đơn vị: kiểm tra đúng bản đã duyệt, lưu, gửi", "take back the PDF signed by the unit's signing tool: check it against the approved version, store it, send it")
	FlagSignedVersion = add("FlagSignedVersion", "phiên bản đã duyệt mà tệp ký (hoặc bản nháp nó ban hành từ); mặc định bản đã duyệt mới nhất", "the approved version `N` the file signs (or the draft it was issued from); default the newest approved one")
	FlagSignedBy      = add("FlagSignedBy", "người nộp bản ký số; mặc định tài khoản máy này", "who brings the signed copy: `NAME`; default this computer's user")
	FlagSendSigned    = add("FlagSendSigned", "gửi cấp trên thư bổ sung kèm bản đã ký số của phiên bản đã gửi trước khi có bản ký", "send the district the signed copy (bản đã ký số) of a version sent before it arrived")

	SignedOneFile    = add("SignedOneFile", "ghi đúng một tệp PDF đã ký (có %d)", "name one signed PDF file (got %d)")
	SignedCannotOpen = add("SignedCannotOpen", "không mở được tệp %s: %v", "cannot open %s: %v")
	SignedRefused    = add("SignedRefused", "%s: không nhận: %w", "%s: refused: %w")
	SignedStored     = add("SignedStored", "baocao: đã nhận bản ký số của %s/%s v%d (đã ký số), lưu thành %s", "baocao: signed copy of %s/%s v%d accepted (đã ký số), stored as %s")
	SignedSame       = add("SignedSame", "baocao: %s/%s v%d đã có đúng bản ký số này (nhận lúc %s): không lưu lại, không gửi lại", "baocao: %s/%s v%d has this very signed copy already (received %s): nothing stored, nothing sent")
	SignedSigner     = add("SignedSigner", "baocao:   %s", "baocao:   %s")
	SignedSent       = add("SignedSent", "baocao: đã gửi bản đã ký số tới %v (%s)", "baocao: the signed copy was sent to %v (%s)")
	SignedSendFailed = add("SignedSendFailed", "bản ký số đã được lưu nhưng chưa gửi được (sẽ gửi lại: baocao send -r %s -p %s, hoặc baocao serve): %w", "the signed copy is stored but not sent (baocao send -r %s -p %s, or baocao serve, sends it): %w")
	SignedNoMail     = add("SignedNoMail", "baocao: chưa gửi (chưa cấu hình [smtp]): baocao send -r %s -p %s gửi bản đã ký số", "baocao: not sent (no [smtp]): baocao send -r %s -p %s sends the signed copy")
	SignedWasSent    = add("SignedWasSent", "baocao: v%d đã được gửi trước đây (bản chưa ký); muốn gửi thêm bản đã ký số: baocao send -r %s -p %s --signed", "baocao: v%d was sent before (unsigned); to send the signed copy too: baocao send -r %s -p %s --signed")
	SignedNextSend   = add("SignedNextSend", "baocao: v%d chưa được gửi (%s): lần gửi tới sẽ kèm bản đã ký số thay cho bản PDF chưa ký", "baocao: v%d is not sent yet (%s): the next send carries the signed copy in place of the unsigned PDF")

	AwaitingApproved = add("AwaitingApproved", "baocao: chờ ký số ([reports.%s] require_signed): chưa gửi gì. Ký tệp PDF trong %s bằng công cụ ký số của đơn vị, rồi baocao signed -r %s -p %s TỆP.pdf sẽ gửi bản đã ký", "baocao: chờ ký số ([reports.%s] require_signed): nothing sent. Sign the PDF in %s with the unit's signing tool, then baocao signed -r %s -p %s FILE.pdf sends the signed copy")
	AwaitingStatus   = add("AwaitingStatus", "  chờ ký số: ký tệp PDF bằng công cụ ký số của đơn vị, rồi baocao signed -r %s -p %s TỆP.pdf", "  chờ ký số: sign its PDF with the unit's signing tool, then baocao signed -r %s -p %s FILE.pdf")

	SendSignedDone    = add("SendSignedDone", "baocao: đã gửi thư bổ sung bản đã ký số của %s/%s v%d tới %v (%s)", "baocao: sent the signed copy (bản đã ký số) of %s/%s v%d to %v (%s)")
	SendSignedBefore  = add("SendSignedBefore", "baocao: bản đã ký số của %s/%s v%d đã gửi trước đây (%s); không gửi gì. Dùng --force để gửi lại", "baocao: the signed copy of %s/%s v%d was sent before (%s); nothing sent. Use --force to send it again")
	SendSignedNothing = add("SendSignedNothing", "baocao: %v — không còn gì phải gửi", "baocao: %v — nothing more to send")

	StorySignBefore     = add("StorySignBefore", "thư nhắc ký số (2 ngày trước hạn)", "chờ ký số reminder (2 days before the deadline)")
	StorySignDue        = add("StorySignDue", "thư nhắc ký số (ngày đến hạn)", "chờ ký số reminder (deadline day)")
	StorySignOverdue    = add("StorySignOverdue", "thư báo quá hạn chưa có bản ký số", "chờ ký số deadline-passed notice")
	StorySignedSummary  = add("StorySignedSummary", "%s; đã ký số, %s ký, nhận lúc %s", "%s; đã ký số by %s, received %s")
	StorySignedReceived = add("StorySignedReceived", "nhận bản đã ký số%s (%s): %s, %d byte, sha256 %s", "signed copy received%s (%s), đã ký số: %s, %d bytes, sha256 %s")
	StorySignedFrom     = add("StorySignedFrom", " từ %s", " from %s")
	StorySignedFollowUp = add("StorySignedFollowUp", "thư bổ sung bản đã ký số", "signed copy follow-up (bản đã ký số)")
)
