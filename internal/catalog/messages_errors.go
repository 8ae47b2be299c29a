package catalog

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Error classes: what kind of thing went wrong, first words of an error.
var (
	ClassConfig          = add("ClassConfig", "tệp cấu hình chưa dùng được", "config: invalid")
	ClassPlan            = add("ClassPlan", "kế hoạch chưa dùng được", "plan: invalid plan")
	ClassSource          = add("ClassSource", "sổ dữ liệu chưa dùng được", "source cannot be used")
	ClassLabel           = add("ClassLabel", "kỳ báo cáo viết chưa đúng", "period: malformed label")
	ClassUnknownReport   = add("ClassUnknownReport", "không có báo cáo", "reports: unknown report")
	ClassIssue           = add("ClassIssue", "số hoặc ngày ban hành chưa đúng", "reports: bad number or date of issue")
	ClassNotArchived     = add("ClassNotArchived", "chưa lưu báo cáo nào", "reports: nothing archived")
	ClassApprovedUnsent  = add("ClassApprovedUnsent", "có phiên bản đã duyệt nhưng chưa gửi", "reports: an approved version is not sent yet")
	ClassNotReviewed     = add("ClassNotReviewed", "báo cáo này không có người duyệt", "reports: the report has no reviewers")
	ClassNoDraft         = add("ClassNoDraft", "không phải bản nháp đang chờ duyệt", "reports: not a draft waiting for review")
	ClassReturned        = add("ClassReturned", "bản nháp đã bị trả lại", "reports: the draft was returned")
	ClassAlreadyApproved = add("ClassAlreadyApproved", "bản nháp đã được duyệt", "reports: already approved")
	ClassSourcesChanged  = add("ClassSourcesChanged", "sổ dữ liệu đã thay đổi từ khi lập bản nháp", "reports: the sources changed since the draft")
	ClassMailSettings    = add("ClassMailSettings", "cài đặt chưa đúng", "delivery: bad mail settings")
	ClassAlreadySent     = add("ClassAlreadySent", "đã gửi trước đây", "delivery: already sent")
	ClassSuperseded      = add("ClassSuperseded", "đã có phiên bản mới hơn thay thế", "delivery: superseded by a newer version")
	ClassNotApproved     = add("ClassNotApproved", "chưa được duyệt", "delivery: not approved")
	ClassBusy            = add("ClassBusy", "một tiến trình khác đang gửi phiên bản này", "delivery: another process is sending this version")
	ClassNotRecorded     = add("ClassNotRecorded", "không ghi được hồ sơ gửi nên chưa gửi gì", "delivery: the delivery record cannot be written, so nothing was sent")
	ClassPermanent       = add("ClassPermanent", "máy chủ thư từ chối", "permanent failure")
	ClassTransient       = add("ClassTransient", "lỗi tạm thời, sẽ thử lại", "transient failure")
	ClassLocked          = add("ClassLocked", "thư mục lưu báo cáo đang do một tiến trình baocao khác giữ", "archive: locked by another process")
)

// Details of the common errors.
var (
	LabelForm         = add("LabelForm", "%q: viết 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm)", "%q: write 2024-03, 2024-Q1, 2024-H1 or 2024")
	LabelYear         = add("LabelYear", "%q: năm phải từ %d đến %d", "%q: the year must be %d–%d")
	LabelMonth        = add("LabelMonth", "%q: tháng phải từ 01 đến 12", "%q: month must be 01–12")
	UnknownReport     = add("UnknownReport", "%q (tệp cấu hình có: %s)", "%q (the config defines %s)")
	IssueDateForm     = add("IssueDateForm", "ngày %q: viết ngày/tháng/năm, ví dụ 20/04/2024", "date %q: write the date as DD/MM/YYYY, e.g. 20/04/2024")
	IssueDateMonth    = add("IssueDateMonth", "ngày %q: không có tháng %d (tháng từ 01 đến 12)", "date %q: there is no month %d (months are 01–12)")
	IssueDateDay      = add("IssueDateDay", "ngày %q: tháng %02d/%04d không có ngày %d (tháng có %d ngày)", "date %q: %02d/%04d has no day %d (it has %d days)")
	NumberTaken       = add("NumberTaken", "số %s của năm %d đã dùng (%s): chọn số khác — số trống tiếp theo là %d — hoặc thêm --force-number nếu đúng là số này", "number %s of %d is already given (%s): choose another — the next free one is %d — or add --force-number if it really is this one")
	RegisterRow       = add("RegisterRow", "sổ văn bản đi, dòng %d", "outgoing register, row %d")
	IssueNumber       = add("IssueNumber", "số %d: số văn bản từ 1 trở lên", "number %d: a document number is 1 or more")
	IssueAccepted     = add("IssueAccepted", "ngày ban hành của kỳ %s phải từ %s (ngày cuối kỳ) đến %s (%d ngày sau hôm nay)", "a date of issue for %s is accepted from %s (the period's last day) to %s (%d days after today)")
	IssueBefore       = add("IssueBefore", "ngày %s trước khi kỳ %s kết thúc: %s", "date %s is before the period %s ends: %s")
	IssueAfter        = add("IssueAfter", "ngày %s quá %d ngày sau hôm nay: %s", "date %s is more than %d days after today: %s")
	NothingArchived   = add("NothingArchived", "%s kỳ %s chưa có phiên bản nào được lưu: chạy baocao run -r %s -p %s trước", "%s %s has no archived version: run baocao run -r %s -p %s first")
	NoSuchVersion     = add("NoSuchVersion", "%s kỳ %s không có phiên bản %d", "%s %s has no version %d")
	MailNoHost        = add("MailNoHost", "tệp cấu hình chưa có máy chủ thư ([smtp] host): thêm vào, hoặc chạy với --no-email", "the config has no [smtp] host: add one, or run with --no-email")
	MailPasswordEnv   = add("MailPasswordEnv", "biến môi trường %s (password_env) chưa đặt hoặc để trống: đặt mật khẩu vào biến này, hoặc dùng password_file", "the environment variable %s (password_env) is empty or unset")
	MailPasswordFile  = add("MailPasswordFile", "password_file: %s", "password_file: %s")
	MailPasswordEmpty = add("MailPasswordEmpty", "tệp mật khẩu %s (password_file) trống", "password_file %s is empty")
	MailNoPassword    = add("MailNoPassword", "[smtp] có username nhưng không có password_env hay password_file", "[smtp] has a username but no password_env or password_file")
	MailCAFile        = add("MailCAFile", "ca_file: %s", "ca_file: %s")
	MailCANoPEM       = add("MailCANoPEM", "tệp ca_file %s không chứa chứng chỉ PEM nào", "ca_file %s holds no PEM certificate")
	ConfigOpen        = add("ConfigOpen", "%s: %s", "%s: %s")
	FileNotFound      = add("FileNotFound", "không có tệp hoặc thư mục này (kiểm tra đường dẫn)", "no such file or directory")
	FilePermission    = add("FilePermission", "không có quyền đọc hoặc ghi (chạy với quyền quản trị hoặc chọn chỗ khác)", "permission denied")
	FileNotDir        = add("FileNotDir", "một phần của đường dẫn là tệp, không phải thư mục", "not a directory")
	FileReadOnly      = add("FileReadOnly", "ổ đĩa chỉ cho đọc", "read-only file system")
	FileDiskFull      = add("FileDiskFull", "ổ đĩa đã đầy", "no space left on device")
	FileIsDir         = add("FileIsDir", "là một thư mục, không phải tệp", "is a directory")
)

// FileError says what an error opening or writing path means, in the
// language in force: not found, no permission, else the system's words.
func FileError(path string, err error) string { return ConfigOpen.F(path, FileWhy(err)) }

// FileWhy says why a file could not be opened or written, in the
// language in force: not found, no permission, a file where a folder
// should be, a read-only or full disk; else the system's words.
func FileWhy(err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return FileNotFound.String()
	case errors.Is(err, fs.ErrPermission):
		return FilePermission.String()
	case errors.Is(err, syscall.ENOTDIR):
		return FileNotDir.String()
	case errors.Is(err, syscall.EROFS):
		return FileReadOnly.String()
	case errors.Is(err, syscall.ENOSPC):
		return FileDiskFull.String()
	case errors.As(err, &pe):
		return pe.Err.Error()
	}
	return err.Error()
}

// Said is err with a file's trouble in the language in force: "PATH:
// reason" for an operation on a path (fs.PathError, os.LinkError), the
// reason alone otherwise; kept for errors.Is and errors.As.
func Said(err error) error { return said{err} }

type said struct{ err error }

func (s said) Error() string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(s.err, &pe):
		return ConfigOpen.F(pe.Path, FileWhy(s.err))
	case errors.As(s.err, &le):
		return ConfigOpen.F(le.New, FileWhy(le.Err))
	}
	return FileWhy(s.err)
}
func (s said) Unwrap() error { return s.err }

// Why is err as FileWhy says it, kept for errors.Is and errors.As.
func Why(err error) error { return why{err} }

type why struct{ err error }

func (w why) Error() string { return FileWhy(w.err) }
func (w why) Unwrap() error { return w.err }

// Words of sources' and plans' messages.
var (
	SeverityWarning = add("SeverityWarning", "cảnh báo", "warning")
	SeverityError   = add("SeverityError", "lỗi", "error")
	PlanBuiltIn     = add("PlanBuiltIn", "%q (có sẵn trong chương trình)", "%q (built in)")
)

// Severity names a source issue's severity ("warning", "error") in the
// language in force.
func Severity(s string) string {
	switch s {
	case "warning":
		return SeverityWarning.String()
	case "error":
		return SeverityError.String()
	}
	return s
}

// LabelKind: a period of another kind than the report's.
var LabelKind = add("LabelKind", "%q: %s lập theo %s, ví dụ %s", "%q: report %s is by %s, e.g. %s")

// KindWords names a kind of period ("month", "quarter", "half-year",
// "year") in the language in force, with an example label.
func KindWords(kind string) (words, example string) {
	vi := map[string][2]string{"month": {"tháng", "2024-03"}, "quarter": {"quý", "2024-Q1"}, "half-year": {"6 tháng", "2024-H1"}, "year": {"năm", "2024"}}
	w, ok := vi[kind]
	if !ok {
		return kind, ""
	}
	if Current() == English {
		return kind, w[1]
	}
	return w[0], w[1]
}

// Sources named by a pattern or a folder (sources.Read).
var (
	SourceNoCandidate = add("SourceNoCandidate", "không có tệp .xlsx hay .csv nào khớp %s: kiểm tra đường dẫn trong tệp cấu hình", "no .xlsx or .csv file matches %s: check the path in the config")
	SourceEmptyFolder = add("SourceEmptyFolder", "thư mục %s không có tệp .xlsx hay .csv nào: đường dẫn trong tệp cấu hình phải là một tệp, một mẫu như exports/*.xlsx, hoặc một thư mục chứa các tệp xuất", "the folder %s holds no .xlsx or .csv file: the config's path must be a file, a pattern such as exports/*.xlsx, or a folder of exports")
	SourceNoneMatch   = add("SourceNoneMatch", "không tệp nào khớp %s có đúng dòng tiêu đề của sổ; tệp mới nhất %s: %s", "no file matching %s has the source's headers; the newest, %s: %s")
	SourceSameTime    = add("SourceSameTime", "hai tệp cùng mới như nhau: %s và %s (sửa cùng lúc %s); đã đọc %s. Xoá hoặc chuyển tệp không dùng ra khỏi thư mục", "two files are equally new: %s and %s (both changed at %s); read %s. Remove or move the one not meant")
	SourceNewerSkip   = add("SourceNewerSkip", "tệp mới nhất %s không có đúng dòng tiêu đề của sổ (%s); đã đọc tệp cũ hơn %s. Kiểm tra tệp mới: có phải bản xuất đúng mẫu không", "the newest file %s lacks the source's headers (%s); read the older %s. Check the new file is the right export")
	SourceUsed        = add("SourceUsed", "đọc tệp %s", "read %s")
)

// The review step's refusals (reports/workflow).
var (
	WfReturned      = add("WfReturned", "%s kỳ %s, phiên bản %d đã bị %s trả lại lúc %s: %q; lập bản nháp mới bằng baocao run -r %s -p %s", "%s/%s v%d was returned by %s at %s: %q; make a new draft with baocao run -r %s -p %s")
	WfReturnedNever = add("WfReturnedNever", "%s kỳ %s, phiên bản %d đã bị %s trả lại lúc %s: %q; bản này không bao giờ được gửi. Lập bản nháp mới bằng baocao run -r %s -p %s", "%s/%s v%d was returned by %s at %s: %q; it is never sent. Make a new draft with baocao run -r %s -p %s")
	WfApproved      = add("WfApproved", "%s kỳ %s, phiên bản %d đã được %s duyệt lúc %s; không còn gì phải làm (baocao status -r %s -p %s cho biết đã gửi chưa)", "%s/%s v%d was approved by %s at %s; nothing more to do (baocao status -r %s -p %s shows whether it was sent)")
	WfWaiting       = add("WfWaiting", "%s kỳ %s, phiên bản %d là bản nháp đang chờ duyệt%s; chỉ gửi sau khi được duyệt: baocao approve -r %s -p %s --as TÀI_KHOẢN", "%s/%s v%d is a draft waiting for review%s; it is sent once approved: baocao approve -r %s -p %s --as ACCOUNT")
	WfReviewOwed    = add("WfReviewOwed", " (thư xin duyệt vẫn chưa gửi được: %v)", " (its reviewers' message is still owed: %v)")
	WfReviewSentAt  = add("WfReviewSentAt", " (thư xin duyệt đã gửi lúc %s)", " (its reviewers' message was sent at %s)")
	WfReviewNotSent = add("WfReviewNotSent", " (người duyệt chưa nhận thư: baocao send khi bật gửi thư sẽ gửi)", " (its reviewers were not mailed: baocao send with mail on mails them)")
	WfReviewMailed  = add("WfReviewMailed", "%s kỳ %s, phiên bản %d là bản nháp: thư xin duyệt (\"[Chờ duyệt]\") vừa gửi tới %v (%s); cấp trên nhận báo cáo sau khi được duyệt: baocao approve -r %s -p %s --as TÀI_KHOẢN", "%s/%s v%d is a draft: its review message (\"[Chờ duyệt]\") was sent now to %v (%s); the district gets the report once it is approved: baocao approve -r %s -p %s --as ACCOUNT")
	WfNoRecipients  = add("WfNoRecipients", "[reports.%s] chưa có địa chỉ nhận (to = []): thêm địa chỉ của cơ quan cấp trên vào tệp cấu hình, hoặc dùng --no-email; chưa lưu gì", "[reports.%s] has no recipients (to = []): add the district's address to the config, or use --no-email; nothing was archived")
)

// The config file that is not there: the hint to -c belongs to it alone
// (not to a PDF or a workbook that is missing).
var ConfigNotFound = add("ConfigNotFound",
	"%s: không có tệp hoặc thư mục này (kiểm tra đường dẫn; -c TỆP chọn tệp cấu hình)",
	"%s: no such file or directory")
