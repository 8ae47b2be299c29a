package catalog

import "strings"

// What run, validate, send, approve, reject, status, schedule, archive,
// mail-test, doctor, init and service say.
var (
	RequiredRP         = add("RequiredRP", "cần cả -r BÁO_CÁO và -p KỲ", "-r and -p are required")
	ByGone             = add("ByGone", "--by HỌ_TÊN đã bỏ: một cái tên gõ vào không cho biết ai thật sự duyệt; dùng tài khoản của người duyệt: --as TÀI_KHOẢN", "--by NAME is gone: a typed name proves nothing; use the approver's account: --as ACCOUNT")
	RequiredReason     = add("RequiredReason", "cần --reason LÝ_DO", "--reason TEXT is required")
	RequiredMailTo     = add("RequiredMailTo", "ghi --to ĐỊA_CHỈ_THƯ hoặc điền [unit] admin_email trong tệp cấu hình", "give --to ADDRESS or set [unit] admin_email")
	BadNumberFlag      = add("BadNumberFlag", "--number %d: số văn bản từ 1 trở lên (bỏ --number để để trống số)", "--number %d: a document number is 1 or more (leave --number out for a blank number)")
	DateFlag           = add("DateFlag", "--date: %w", "--date: %w")
	BadLogFormat       = add("BadLogFormat", "--log-format %q: chọn text hoặc json", "--log-format %q: want text or json")
	RunNotEnded        = add("RunNotEnded", "kỳ %s chưa kết thúc (số liệu tính đến %s): báo cáo gồm những gì đã ghi đến nay", "period %s has not ended (its data runs to %s): the report covers what is recorded so far")
	RunIssues          = add("RunIssues", "baocao: %d cảnh báo; xem trang \"Dữ liệu cần kiểm tra\" của bảng tính hoặc chạy baocao validate", "baocao: %d warnings; see the sheet \"Dữ liệu cần kiểm tra\" or run baocao validate")
	RunNoPeriodData    = add("RunNoPeriodData", "không sổ dữ liệu nào có dòng trong kỳ %s (%s–%s); mới nhất: %s. Báo cáo không có số liệu của kỳ (chế độ chạy nền sẽ giữ lại và báo admin_email); cập nhật số liệu rồi chạy lại", "no data file has a row in period %s (%s–%s); the latest: %s. The report has no figures of its own (the daemon would hold it and tell admin_email); update the data and run again")
	NoDatedRow         = add("NoDatedRow", "chưa có dòng có ngày", "no dated row")
	RunDraft           = add("RunDraft", "baocao: %s kỳ %s, phiên bản %d là bản nháp chờ duyệt; chưa gửi gì lên cấp trên cho đến khi được duyệt (baocao approve)", "baocao: %s/%s v%d is a draft waiting for review (chờ duyệt); nothing goes to the district until it is approved (baocao approve)")
	RunReviewNoMail    = add("RunReviewNoMail", "baocao: chưa gửi thư cho người duyệt (--no-email)", "baocao: the reviewers were not mailed (--no-email)")
	RunReviewFailed    = add("RunReviewFailed", "%s kỳ %s, phiên bản %d đã lưu thành bản nháp nhưng thư xin duyệt chưa gửi được (chế độ chạy nền hoặc baocao send sẽ gửi lại): %w", "%s/%s v%d is archived as a draft, but the review message was not sent (the daemon or baocao send retries it): %w")
	RunReviewSent      = add("RunReviewSent", "baocao: đã gửi thư xin duyệt tới %v (%s)", "baocao: review message sent to %v (%s)")
	Approved           = add("Approved", "baocao: %s kỳ %s, phiên bản %d đã được %s duyệt lúc %s", "baocao: %s/%s v%d approved by %s at %s")
	NumberProposed     = add("NumberProposed", "baocao: duyệt không có --number: văn bản gửi đi để trống số, văn thư ghi tay; số trống tiếp theo của năm %d trong sổ văn bản đi: %s", "baocao: approved without --number: the document goes out with its number blank, for the clerk to write in; the next free number of %d in the outgoing register: %s")
	NumberUsedWarn     = add("NumberUsedWarn", "số %s của năm %d đã dùng (%s); số trống tiếp theo là %d", "number %s of %d is already given (%s); the next free one is %d")
	RegisterLineMsg    = add("RegisterLineMsg", "baocao: dòng vào sổ văn bản đi (số, ký hiệu; ngày; loại; trích yếu — cách nhau bởi Tab, dán vào sổ):", "baocao: the line for the outgoing register (number; date; kind; summary — tab-separated, paste into the register):")
	ApprovedIssued     = add("ApprovedIssued", "baocao: ban hành thành phiên bản %d, số %s, ngày %s", "baocao: issued as v%d, with number %s and date %s")
	NumberBlank        = add("NumberBlank", "để trống", "blank")
	DateOfDraft        = add("DateOfDraft", "của bản nháp", "of the draft")
	ApprovedNoMail     = add("ApprovedNoMail", "baocao: chưa gửi (--no-email): baocao send -r %s -p %s sẽ gửi", "baocao: not sent (--no-email): baocao send -r %s -p %s sends it")
	Rejected           = add("Rejected", "baocao: %s kỳ %s, phiên bản %d đã bị %s trả lại; bản này sẽ không bao giờ được gửi. baocao run -r %s -p %s lập bản nháp mới", "baocao: %s/%s v%d returned by %s; it will never be sent. baocao run -r %s -p %s makes a new draft")
	RejectNobodyTold   = add("RejectNobodyTold", "[unit] admin_email để trống: không ai được báo", "[unit] admin_email is empty: nobody was told")
	RejectNoticeFail   = add("RejectNoticeFail", "đã ghi việc trả lại, nhưng chưa gửi được thư báo tới %s: %w", "the return is recorded, but the notice to %s was not sent: %w")
	RejectTold         = add("RejectTold", "baocao: đã báo %s (%s)", "baocao: told %s (%s)")
	StatusHead         = add("StatusHead", "%s kỳ %s, phiên bản %d: %s", "%s %s v%d: %s")
	StatusWaiting      = add("StatusWaiting", "  chờ duyệt; hạn gửi cấp trên %s", "  waiting for review; due to the district by %s")
	StatusNoReviewMail = add("StatusNoReviewMail", "  người duyệt chưa nhận thư xin duyệt: baocao send -r %s -p %s gửi thư đó (một lần)", "  the approvers were never mailed: baocao send -r %s -p %s mails them (once)")
	SendInterrupted    = add("SendInterrupted", "baocao: lần gửi trước (%s) bị ngắt sau khi thư đã tới máy chủ thư: có thể thư đã đến. Gửi lại, cùng Message-ID %s, để nơi nhận nhận ra hai bản là một", "baocao: the last attempt (%s) was interrupted after the message went to the server: it may have arrived. Sending it again, with the same Message-ID %s, so the district can tell the copies apart")
	SentBefore         = add("SentBefore", "baocao: %s kỳ %s, phiên bản %d đã gửi trước đây (%s); không gửi gì. Dùng --force để gửi lại", "baocao: %s/%s v%d was sent before (%s); nothing sent. Use --force to send it again")
	NotSent            = add("NotSent", "chưa gửi", "not sent")
	ArchivedBut        = add("ArchivedBut", "%s kỳ %s, phiên bản %d đã lưu nhưng %s: %w", "%s/%s v%d is archived but %s: %w")
	Sent               = add("Sent", "baocao: đã gửi %s kỳ %s, phiên bản %d tới %v (%s)", "baocao: sent %s/%s v%d to %v (%s)")
	ValidateSummary    = add("ValidateSummary", "đã đọc %d sổ dữ liệu, %d cảnh báo, không có lỗi", "%d sources read, %d warnings, no errors")
	ValidatePlanYear   = add("ValidatePlanYear", "kế hoạch %s là của năm %d, nhưng tháng gần nhất đã hết (%s) thuộc năm %d: soạn kế hoạch năm %d và khai báo trong tệp cấu hình", "the plan %s is for %d, but the latest month ended (%s) is in %d: write %d's plan and name it in the config")
	MailTestSent       = add("MailTestSent", "đã gửi thư thử tới %s qua %s:%d (%s)", "sent a test message to %s through %s:%d (%s)")
	MailTestFailed     = add("MailTestFailed", "thư thử: %w", "mail-test: %w")
	DoctorProblems     = add("DoctorProblems", "doctor: %d việc cần sửa (các dòng có dấu ✗ ở trên)", "doctor: %d problems (the lines marked ✗ above)")
	DoctorHead         = add("DoctorHead", "Kiểm tra baocao %s với %s", "Checking baocao %s with %s")
	VersionLine        = add("VersionLine", "baocao %s (%s, %s/%s)", "baocao %s (%s, %s/%s)")
)

// The tables of schedule and archive.
var (
	SchedHeader    = add("SchedHeader", "BÁO CÁO\tLỊCH\tLẦN CHẠY TỚI\tKỲ\tSỐ LIỆU TỪ\tĐẾN", "REPORT\tSCHEDULE\tNEXT RUN\tPERIOD\tDATA FROM\tTO")
	SchedNone      = add("SchedNone", "(không chạy theo lịch)", "(none)")
	SchedZone      = add("SchedZone", "múi giờ: %s", "time zone: %s")
	ArchiveHeader  = add("ArchiveHeader", "BÁO CÁO\tKỲ\tBẢN\tLẬP LÚC\tLẦN GỬI\tTRẠNG THÁI", "REPORT\tPERIOD\tVERSION\tGENERATED\tATTEMPTS\tSTATE")
	ArchiveRoot    = add("ArchiveRoot", "Kho lưu trữ: %s (mỗi bản trong thư mục BÁO_CÁO/KỲ/vBẢN)", "Archive: %s (each version in REPORT/PERIOD/vN)")
	ArchiveDetails = add("ArchiveDetails", "Đủ người duyệt, thư đã gửi, bản ký số của một kỳ: baocao status -r BÁO_CÁO -p KỲ", "Everything about a period (who, messages, signed copy): baocao status -r REPORT -p PERIOD")
	ArchiveEmpty   = add("ArchiveEmpty", "(chưa lưu báo cáo nào)", "(the archive is empty)")
	ArchiveUnread  = add("ArchiveUnread", "không đọc được hồ sơ gửi", "unreadable records")
	ArchivePending = add("ArchivePending", "chờ gửi (chưa có delivery.json)", "pending (no delivery.json)")
)

// init and service.
var (
	InitExists       = add("InitExists", "Đã có tệp cấu hình %s. Khai báo lại và ghi đè khi xong?", "A config %s exists. Answer again and replace it when done?")
	InitKept         = add("InitKept", "Giữ nguyên %s. Kiểm tra nó bằng: baocao doctor -c %s", "Kept %s. Check it with: baocao doctor -c %s")
	InitReplace      = add("InitReplace", "Tệp %s đã có. Ghi đè?", "%s exists. Replace it?")
	InitForceHint    = add("InitForceHint", "%v (--force để ghi đè)", "%v (--force replaces it)")
	InitWritten      = add("InitWritten", "Đã ghi %s.", "Wrote %s.")
	InitNext         = add("InitNext", "Tiếp theo:\n  baocao doctor -c %s            (kiểm tra mọi thứ)\n  baocao service install -c %s   (chạy tự động khi bật máy)\n  baocao service start", "Next:\n  baocao doctor -c %s            (checks everything)\n  baocao service install -c %s   (runs at boot)\n  baocao service start")
	InitProtect      = add("InitProtect", "Lưu ý: chưa giới hạn được quyền đọc %s (%v: %s) — chỉ nên để quản trị viên đọc tệp này.", "Note: could not restrict who reads %s (%v: %s) — only administrators should read it.")
	InitCannotWrite  = add("InitCannotWrite", "thư mục %s (%s). Mở cửa sổ lệnh với quyền quản trị (%s) rồi chạy lại, hoặc chọn chỗ khác: baocao init -c %s", "the folder %s (%s). Run as administrator (%s), or pick another path: baocao init -c %s")
	InitWhy          = add("InitWhy", "không có quyền ghi", "permission denied")
	ClassInitPath    = add("ClassInitPath", "không ghi được tệp cấu hình", "cannot write the config")
	InitAdminWin     = add("InitAdminWin", "chuột phải vào Command Prompt, chọn \"Run as administrator\"", "right-click Command Prompt, \"Run as administrator\"")
	InitAdminUnix    = add("InitAdminUnix", "sudo baocao init …", "sudo baocao init …")
	ServiceWhat      = add("ServiceWhat", "cho biết cần làm gì: install, uninstall, start, stop hoặc status", "say what to do: install, uninstall, start, stop or status")
	ServiceUnknown   = add("ServiceUnknown", "không có việc %q (install, uninstall, start, stop hoặc status)", "unknown action %q (install, uninstall, start, stop or status)")
	ServiceRootOnly  = add("ServiceRootOnly", "--root chỉ dùng cho Linux (systemd)", "--root is for Linux (systemd) only")
	ServiceNeedsSys  = add("ServiceNeedsSys", "%s cần hệ thống đang chạy; với --root chỉ dùng được install, uninstall và status", "%s needs a running system; with --root only install, uninstall and status work")
	ServiceNoSystemd = add("ServiceNoSystemd", "máy này không chạy systemd: cài deploy/baocao.service bằng tay, hoặc dùng --root THƯ_MỤC để chuẩn bị một bản hệ thống", "this machine does not run systemd: install deploy/baocao.service by hand, or use --root DIR to prepare an image")
	ServiceFailed    = add("ServiceFailed", "dịch vụ: %v%s", "service: %v%s")
	ServiceWhere     = add("ServiceWhere", "dịch vụ: không tìm được chương trình đang chạy: %w", "service: where is this program? %w")
	ServiceArchive   = add("ServiceArchive", "dịch vụ: thư mục lưu báo cáo: %w", "service: the archive folder: %w")
	ServiceHintWin   = add("ServiceHintWin", " (mở cửa sổ lệnh bằng \"Run as administrator\" rồi chạy lại)", " (open the command prompt with \"Run as administrator\" and run it again)")
	ServiceHintSudo  = add("ServiceHintSudo", " (chạy lại với sudo)", " (run it again with sudo)")
	LogFileFailed    = add("LogFileFailed", "tệp nhật ký: %w", "serve: log file: %w")
)

// What service install, uninstall, start, stop and status say.
var (
	ServiceRemoved     = add("ServiceRemoved", "Đã gỡ dịch vụ %s khỏi %s", "Removed the service %s from %s")
	ServiceDone        = add("ServiceDone", "%s: %s — xong", "%s: %s — done")
	ServiceInstalledAt = add("ServiceInstalledAt", "Đã cài dịch vụ %s vào %s (bật khi khởi động)", "Installed the service %s in %s (enabled at boot)")
	ServiceInstalled   = add("ServiceInstalled", "Đã cài dịch vụ %s (%s): tự chạy khi máy khởi động, tự khởi động lại khi lỗi.", "Installed the service %s (%s): starts at boot, restarts on failure.")
	ServiceCommand     = add("ServiceCommand", "Lệnh chạy: %s %s", "Command: %s %s")
	ServiceNoPwEnv     = add("ServiceNoPwEnv", "Lưu ý: biến %s chưa được đặt, dịch vụ sẽ không có mật khẩu thư; dùng password_file trong cấu hình (baocao init làm việc này).", "Note: %s is not set, the service will have no mail password; use password_file in the config (baocao init does).")
	ServiceStartHint   = add("ServiceStartHint", "Bắt đầu chạy: baocao service start", "Start it: baocao service start")
	ServicePaths       = add("ServicePaths", "Dịch vụ được ghi vào: %s; được đọc: %s. Dữ liệu để chỗ khác thì dịch vụ không thấy: sửa đường dẫn trong tệp cấu hình rồi chạy lại baocao service install.", "The service may write: %s; read: %s. Data kept elsewhere is hidden from it: change the config's paths and run baocao service install again.")
	ServiceUnknownSt   = add("ServiceUnknownSt", "Dịch vụ %s: không rõ trạng thái (%s)", "Service %s: state unknown (%s)")
	ServiceNotInst     = add("ServiceNotInst", "Dịch vụ %s: chưa cài (%s) — cài bằng: baocao service install -c TỆP_CẤU_HÌNH", "Service %s: not installed (%s) — install it: baocao service install -c CONFIG")
	ServiceRunning     = add("ServiceRunning", "Dịch vụ %s: đã cài, đang chạy (%s)", "Service %s: installed, running (%s)")
	ServiceStopped     = add("ServiceStopped", "Dịch vụ %s: đã cài, không chạy (%s) — chạy bằng: baocao service start", "Service %s: installed, not running (%s) — start it: baocao service start")
	ServiceEnabled     = add("ServiceEnabled", "%s, bật khi khởi động", "%s, enabled at boot")
	ServiceDisabled    = add("ServiceDisabled", "%s, không bật khi khởi động", "%s, not enabled at boot")
	WebListening       = add("WebListening", "http://%s/", "http://%s/")
)

// A version's story (status, archive).
var (
	StorySupersededBy  = add("StorySupersededBy", "%s bởi phiên bản %d", "%s by v%d")
	StoryInterrupted   = add("StoryInterrupted", "%s (lần gửi cuối bị ngắt)", "%s (last attempt interrupted)")
	StorySentAt        = add("StorySentAt", "%s lúc %s", "%s at %s")
	StoryReturnedBy    = add("StoryReturnedBy", "%s, %s trả lại lúc %s", "%s by %s at %s")
	StoryApprovedBy    = add("StoryApprovedBy", "%s, %s duyệt lúc %s", "%s, approved by %s at %s")
	StoryIssuedFrom    = add("StoryIssuedFrom", "%s, ban hành từ bản nháp phiên bản %d", "%s, issued from v%d")
	BriefApproved      = add("BriefApproved", "%s duyệt lúc %s", "approved by %s at %s")
	BriefReturned      = add("BriefReturned", "%s trả lại lúc %s", "returned by %s at %s")
	BriefIssuedFrom    = add("BriefIssuedFrom", "ban hành từ bản nháp phiên bản %d", "issued from the draft v%d")
	BriefIssuedAs      = add("BriefIssuedAs", "ban hành thành phiên bản %d", "issued as v%d")
	BriefSentAt        = add("BriefSentAt", "gửi lúc %s", "sent at %s")
	BriefInterrupted   = add("BriefInterrupted", "lần gửi cuối bị ngắt", "last attempt interrupted")
	BriefSigned        = add("BriefSigned", "đã ký số: %s ký, nhận lúc %s", "đã ký số: signed by %s, received %s")
	StoryIssuedAs      = add("StoryIssuedAs", "%s, ban hành thành phiên bản %d", "%s, issued as v%d")
	StoryMade          = add("StoryMade", "lập phiên bản %d: %d cảnh báo dữ liệu, ngày ban hành %s", "v%d made: %d data warnings, issued %s")
	StoryMadeDraft     = add("StoryMadeDraft", "lập phiên bản %d thành bản nháp chờ duyệt: %d cảnh báo dữ liệu, ngày ban hành %s", "v%d made as a draft (chờ duyệt): %d data warnings, issued %s")
	StoryIssued        = add("StoryIssued", "phiên bản %d ban hành từ bản nháp đã duyệt phiên bản %d: số %s, ngày %s, cùng số liệu", "v%d issued from the approved draft v%d: number %s, date %s, same inputs and figures")
	StoryDraftApproved = add("StoryDraftApproved", "phiên bản %d được %s duyệt", "v%d approved by %s")
	StoryReviewMail    = add("StoryReviewMail", "thư xin duyệt", "review message")
	StoryRemindBefore  = add("StoryRemindBefore", "thư nhắc (2 ngày trước hạn)", "reminder (2 days before the deadline)")
	StoryRemindDue     = add("StoryRemindDue", "thư nhắc (ngày đến hạn)", "reminder (deadline day)")
	StoryOverdue       = add("StoryOverdue", "thư báo quá hạn", "deadline-passed notice")
	StoryReturnMail    = add("StoryReturnMail", "thư báo trả lại", "return notice")
	StoryMessage       = add("StoryMessage", "%s tới %s: %s", "%s to %s: %s")
	StoryApproved      = add("StoryApproved", "%s duyệt", "approved by %s")
	StoryNote          = add("StoryNote", "%s, ghi chú %q", "%s, note %q")
	StoryNumberDate    = add("StoryNumberDate", "%s, số %s, ngày %s", "%s, number %s, date %s")
	StoryReturned      = add("StoryReturned", "%s trả lại: %q", "returned by %s: %q")
	StoryAttempt       = add("StoryAttempt", "gửi tới %s: %s", "delivery attempt to %s: %s")
)

var (
	ResultSent     = add("ResultSent", "đã gửi", "sent")
	ResultInFlight = add("ResultInFlight", "đang gửi thì bị ngắt", "in flight")
)

// AttemptResult says a delivery attempt's recorded result ("sent", "in
// flight", else the server's answer) in the language in force.
func AttemptResult(r string) string {
	switch r {
	case "sent":
		return ResultSent.String()
	case "in flight":
		return ResultInFlight.String()
	}
	if Current() == English {
		return r
	}
	for _, c := range []*Msg{ClassPermanent, ClassTransient, ClassUncertain} {
		if rest, ok := strings.CutPrefix(r, c.en+": "); ok {
			return c.vi + ": " + rest // recorded before the Vietnamese words were (Said)
		}
	}
	return r
}

// ValidateUsed: which file a source named by a pattern or folder read.
var ValidateUsed = add("ValidateUsed", "%s: %s → đọc tệp %s", "%s: %s → read %s")
