package catalog

// A source that cannot be used (sources.SourceError): named by its
// display name (the plan's title of the source), with the config's table,
// the file and the sheet, then what is wrong and what to do.
var (
	SrcError      = add("SrcError", "%s (%s): %s", "%s (%s): %s")
	SrcTable      = add("SrcTable", "[sources.%s]", "[sources.%s]")
	SrcFile       = add("SrcFile", "tệp %s", "%s")
	SrcSheet      = add("SrcSheet", "trang %q", "sheet %q")
	SrcCause      = add("SrcCause", " (%s)", " [%s]")
	SrcUndeclared = add("SrcUndeclared", "tệp cấu hình chưa khai báo sổ này: thêm bảng [sources.%s] với path = \"đường/dẫn/tệp.xlsx\"", "the config does not declare this source: add a [sources.%s] table with its path")
)

// The config's sources against the plan's (reports.CheckSourceKeys).
var SrcUnknownKey = add("SrcUnknownKey", "[sources.%[1]s]: kế hoạch không đọc sổ %[1]q%[2]s; kế hoạch %[3]s đọc các sổ: %[4]s", "[sources.%[1]s]: unknown source %[1]q%[2]s; the plan %[3]s reads: %[4]s")
var SrcDidYouMean = add("SrcDidYouMean", " (có phải [sources.%s]?)", " (did you mean [sources.%s]?)")

// The archive's and the signed copies' troubles a person meets.
var (
	ArchLockedServe  = add("ArchLockedServe", "một tiến trình baocao serve khác đang dùng thư mục lưu này (tệp khoá %s): dừng tiến trình đó, hoặc dùng một thư mục lưu khác", "another baocao serve is running on this archive (lock file %s)")
	ArchLockFile     = add("ArchLockFile", "tệp khoá %s: %s", "archive: %s: %s")
	SignedHash       = add("SignedHash", "tệp %s không khớp mã băm ghi trong %s: thư mục lưu báo cáo đã bị sửa tay", "signedcopy: %s does not match the hash in %s: the archive was changed by hand")
	SignedRead       = add("SignedRead", "bản đã ký số: %s", "signedcopy: %s")
	SignedOtherThere = add("SignedOtherThere", "đã có tệp %s mà không có hồ sơ đi kèm, và là một tệp khác: chuyển tệp đó ra chỗ khác rồi đưa bản đã ký số vào lại", "signedcopy: %s is there without its record and is another file: move it away, then bring the signed copy again")
)

// A file of the archive that cannot be read or written.
var (
	ArchFile  = add("ArchFile", "thư mục lưu báo cáo: %w", "archive: %w")
	ArchPath  = add("ArchPath", "thư mục lưu báo cáo: %s: %w", "archive: %s: %w")
	RptFile   = add("RptFile", "%w", "reports: %w")
	RptPath   = add("RptPath", "%s: %w", "reports: %s: %w")
	DlvFile   = add("DlvFile", "%w", "delivery: %w")
	ArchNoNum = add("ArchNoNum", "%s kỳ %s: không lấy được số phiên bản mới (quá nhiều lần chạy cùng lúc?): chạy lại", "archive: %s/%s: could not claim a version number")
)
