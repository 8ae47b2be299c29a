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
	SignedStored     = add("SignedStored", "baocao: đã nhận bản ký số của %s kỳ %s, phiên bản %d, lưu thành %s", "baocao: signed copy of %s %s v%d accepted (đã ký số), stored as %s")
	SignedSame       = add("SignedSame", "baocao: %s kỳ %s, phiên bản %d đã có đúng bản ký số này (nhận lúc %s): không lưu lại, không gửi lại", "baocao: %s %s v%d has this very signed copy already (received %s): nothing stored, nothing sent")
	SignedSigner     = add("SignedSigner", "baocao:   %s", "baocao:   %s")
	SignedSent       = add("SignedSent", "baocao: đã gửi bản đã ký số tới %v (%s)", "baocao: the signed copy was sent to %v (%s)")
	SignedSendFailed = add("SignedSendFailed", "bản ký số đã được lưu nhưng chưa gửi được (sẽ gửi lại: baocao send -r %s -p %s, hoặc baocao serve): %w", "the signed copy is stored but not sent (baocao send -r %s -p %s, or baocao serve, sends it): %w")
	SignedNoMail     = add("SignedNoMail", "baocao: chưa gửi (chưa cấu hình [smtp]): baocao send -r %s -p %s gửi bản đã ký số", "baocao: not sent (no [smtp]): baocao send -r %s -p %s sends the signed copy")
	SignedWasSent    = add("SignedWasSent", "baocao: phiên bản %d đã được gửi trước đây (bản chưa ký); muốn gửi thêm bản đã ký số: baocao send -r %s -p %s --signed", "baocao: v%d was sent before (unsigned); to send the signed copy too: baocao send -r %s -p %s --signed")
	SignedNextSend   = add("SignedNextSend", "baocao: phiên bản %d chưa được gửi (%s): lần gửi tới sẽ kèm bản đã ký số thay cho bản PDF chưa ký", "baocao: v%d is not sent yet (%s): the next send carries the signed copy in place of the unsigned PDF")

	AwaitingApproved = add("AwaitingApproved", "baocao: chờ ký số ([reports.%s] require_signed): chưa gửi gì. Ký tệp PDF trong %s bằng công cụ ký số của đơn vị, rồi baocao signed -r %s -p %s TỆP.pdf sẽ gửi bản đã ký", "baocao: chờ ký số ([reports.%s] require_signed): nothing sent. Sign the PDF in %s with the unit's signing tool, then baocao signed -r %s -p %s FILE.pdf sends the signed copy")
	AwaitingStatus   = add("AwaitingStatus", "  chờ ký số: ký tệp PDF bằng công cụ ký số của đơn vị, rồi baocao signed -r %s -p %s TỆP.pdf", "  chờ ký số: sign its PDF with the unit's signing tool, then baocao signed -r %s -p %s FILE.pdf")

	SendSignedDone    = add("SendSignedDone", "baocao: đã gửi thư bổ sung bản đã ký số của %s kỳ %s, phiên bản %d tới %v (%s)", "baocao: sent the signed copy (bản đã ký số) of %s %s v%d to %v (%s)")
	SendSignedBefore  = add("SendSignedBefore", "baocao: bản đã ký số của %s kỳ %s, phiên bản %d đã gửi trước đây (%s); không gửi gì. Dùng --force để gửi lại", "baocao: the signed copy of %s %s v%d was sent before (%s); nothing sent. Use --force to send it again")
	SendSignedNothing = add("SendSignedNothing", "baocao: %v — không còn gì phải gửi", "baocao: %v — nothing more to send")

	StorySignBefore     = add("StorySignBefore", "thư nhắc ký số (2 ngày trước hạn)", "chờ ký số reminder (2 days before the deadline)")
	StorySignDue        = add("StorySignDue", "thư nhắc ký số (ngày đến hạn)", "chờ ký số reminder (deadline day)")
	StorySignOverdue    = add("StorySignOverdue", "thư báo quá hạn chưa có bản ký số", "chờ ký số deadline-passed notice")
	StorySignedSummary  = add("StorySignedSummary", "%s; đã ký số, %s ký, nhận lúc %s", "%s; đã ký số by %s, received %s")
	StorySignedReceived = add("StorySignedReceived", "nhận bản đã ký số%s (%s): %s, %d byte, sha256 %s", "signed copy received%s (%s), đã ký số: %s, %d bytes, sha256 %s")
	StorySignedFrom     = add("StorySignedFrom", " từ %s", " from %s")
	StoryViaCLI         = add("StoryViaCLI", "dòng lệnh", "command line")
	StoryViaWeb         = add("StoryViaWeb", "trang web", "web page")
	StorySignedFollowUp = add("StorySignedFollowUp", "thư bổ sung bản đã ký số", "signed copy follow-up (bản đã ký số)")
)

// A signed copy refused (reports/signature's Refusal, and the words the
// workflow puts in it).
var (
	SigApproved      = add("SigApproved", "bản đã duyệt", "the approved version")
	SigApprovedV     = add("SigApprovedV", "bản đã duyệt v%d", "the approved version v%d")
	SigIsOther       = add("SigIsOther", "tệp này là %s (đã ký), không phải %s: hãy ký đúng tệp PDF tải về từ %s", "this file is %s (signed), not %s: sign the very PDF downloaded from %s")
	SigNotPDFOf      = add("SigNotPDFOf", "tệp này không phải bản PDF của %s: nội dung khác ngay từ byte đầu tiên", "this file is not the PDF of %s: it differs from the very first byte")
	SigShorter       = add("SigShorter", "tệp này không phải %s: tệp chỉ có %s byte, ngắn hơn bản đã duyệt (%s byte) — tệp bị cắt hoặc là bản khác", "this file is not %s: it has only %s bytes, fewer than the approved version (%s bytes): cut short, or another file")
	SigDiffersAt     = add("SigDiffersAt", "tệp này không phải %s: nội dung khác từ byte %s (phần mềm ký chỉ được thêm chữ ký vào sau, không được sửa tệp; hãy ký đúng tệp PDF tải về từ %s)", "this file is not %s: it differs from byte %s on (a signing tool may only add signatures after the file, never change it; sign the very PDF downloaded from %s)")
	SigBadProblem    = add("SigBadProblem", "chữ ký số thứ %d trong tệp không hợp lệ: %s", "signature %d of the file is not valid: %s")
	SigBadMismatch   = add("SigBadMismatch", "chữ ký số thứ %d trong tệp không hợp lệ: nội dung được ký không khớp với chữ ký (tệp đã bị sửa sau khi ký, hoặc chữ ký hỏng)", "signature %d of the file is not valid: the signed content does not match the signature (the file was changed after signing, or the signature is broken)")
	SigChanged       = add("SigChanged", "tệp đã bị sửa sau khi ký: có %s byte thêm vào sau chữ ký cuối cùng (từ byte %s) mà không phải một chữ ký số", "the file was changed after signing: %s bytes follow the last signature (from byte %s) that are not a signature")
	SigUnsignedSame  = add("SigUnsignedSame", "tệp chưa có chữ ký số: đây đúng là %s nhưng chưa được ký", "the file has no signature: it is %s, not signed")
	SigUnsignedMore  = add("SigUnsignedMore", "tệp chưa có chữ ký số: sau %s có thêm %s byte nhưng không có chữ ký nào", "the file has no signature: %s is followed by %s bytes but no signature")
	SigTooLarge      = add("SigTooLarge", "tệp quá lớn: giới hạn là %s byte (%s)", "the file is too large: the limit is %s bytes (%s)")
	SigDamaged       = add("SigDamaged", "tệp bị hỏng hoặc bị cắt: chữ ký số thứ %d khai báo vùng ký đến byte %s nhưng tệp có %s byte", "the file is damaged or cut short: signature %d claims to cover up to byte %s but the file has %s bytes")
	SigNotApproved   = add("SigNotApproved", "phiên bản v%d chưa được duyệt (%s): chỉ nhận bản ký số của bản đã duyệt", "version v%d is not approved (%s): only a signed copy of an approved version is taken")
	SigAlreadySigned = add("SigAlreadySigned", "phiên bản v%d đã có bản ký số (nhận lúc %s); tệp gửi lên lần này khác bản đó, và bản đã lưu không được thay thế", "version v%d has a signed copy already (received %s); this file is another one, and the stored copy is never replaced")
	SigRefusedOther  = add("SigRefusedOther", "tệp ký số bị từ chối", "the signed copy is refused")
	SigUnreadable    = add("SigUnreadable", "không đọc được chữ ký (kiểu chữ ký không hỗ trợ hoặc chữ ký hỏng)", "the signature cannot be read (a kind not supported, or broken)")
	SigCertNotValid  = add("SigCertNotValid", "chứng thư số của người ký không có hiệu lực lúc ký (ký lúc %s, chứng thư hiệu lực từ %s đến %s)", "the signer's certificate was not valid when signing (signed %s, the certificate valid from %s to %s)")
	SigDraftV        = add("SigDraftV", "bản dự thảo v%d", "the draft v%d")
	SigVersionV      = add("SigVersionV", "bản v%d", "version v%d")
	SigIssuedAs      = add("SigIssuedAs", "đã duyệt, ban hành thành v%d", "approved, issued as v%d")
	SigNotYet        = add("SigNotYet", "%s, chưa duyệt", "%s, not approved")
)
