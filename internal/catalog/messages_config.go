package catalog

// The config file's checks (internal/config, internal/strictoml,
// internal/schedule and the settings each package reads from the file).
var (
	CfgInFile          = add("CfgInFile", "%s: %v", "%s: %v")
	CfgReportID        = add("CfgReportID", "[reports.%q]: tên báo cáo chỉ gồm chữ thường không dấu a-z, chữ số và dấu \"-\" (dùng làm tên thư mục lưu), ví dụ [reports.monthly]", "[reports.%q]: a report id may hold only lower-case letters a-z, digits and \"-\" (it names archive folders), e.g. [reports.monthly]")
	CfgThreshold       = add("CfgThreshold", "[reports.%s] email_threshold = %v: ghi một số từ 0 đến 100 (điểm phần trăm, ví dụ 5)", "[reports.%s] email_threshold: %v is not between 0 and 100 (percentage points, e.g. 5)")
	CfgKey             = add("CfgKey", "[reports.%s] %s: %v", "[reports.%s] %s: %v")
	CfgTwice           = add("CfgTwice", "[reports.%s] %s: %s ghi hai lần: bỏ bớt một lần", "[reports.%s] %s: %s is listed twice")
	CfgApprover        = add("CfgApprover", "[reports.%s] approvers: %q không phải tên tài khoản (2–32 ký tự a-z, 0-9, '.', '_', '-', như baocao user list liệt kê)", "[reports.%s] approvers: %q is not an account name (2-32 of a-z, 0-9, '.', '_', '-', as `baocao user list` shows them)")
	CfgDeadlineDay     = add("CfgDeadlineDay", "[reports.%s] deadline_day = %d: ghi một ngày trong tháng từ 1 đến %d (hạn nộp là ngày đó của tháng sau ngày chốt số liệu)", "[reports.%s] deadline_day = %d: want a day of the month from 1 to %d (the report is due that day after the period's cut-off)")
	CfgAddress         = add("CfgAddress", "địa chỉ thư %q viết chưa đúng: viết dạng ten@coquan.gov.vn, hoặc \"Họ Tên <ten@coquan.gov.vn>\"", "malformed e-mail address %q")
	CfgSecurityNone    = add("CfgSecurityNone", "[smtp] security = \"none\" chỉ dùng được với máy chủ thư thử nghiệm ngay trên máy này (127.0.0.1, ::1, localhost), không dùng với %q: mật khẩu sẽ đi qua mạng không mã hoá; dùng \"starttls\" (cổng 587) hoặc \"tls\" (cổng 465)", "[smtp] security = \"none\" is allowed only for a test server on this machine (127.0.0.1, ::1, localhost), not %q: a password would cross the network in clear; use \"starttls\" (port 587) or \"tls\" (port 465)")
	CfgSecurity        = add("CfgSecurity", "[smtp] security = %q: ghi \"starttls\", \"tls\" hoặc \"none\"", "[smtp] security %q: want \"starttls\", \"tls\" or \"none\"")
	CfgFromRequired    = add("CfgFromRequired", "[smtp] thiếu from: ghi địa chỉ gửi thư của đơn vị, ví dụ from = \"Trường Mầm non <mn@hcm.edu.vn>\"", "[smtp] from is required")
	CfgFrom            = add("CfgFrom", "[smtp] from: %v", "[smtp] from: %v")
	CfgPasswordInFile  = add("CfgPasswordInFile", "[smtp] mật khẩu ghi thẳng trong tệp cấu hình: chuyển vào biến môi trường (password_env) hoặc một tệp chỉ người dùng này đọc được (password_file)", "[smtp] password is written in the config file: move it to an environment variable (password_env) or a file only this user can read (password_file)")
	CfgPasswordBoth    = add("CfgPasswordBoth", "[%s] chỉ ghi một trong hai: password_env hoặc password_file", "[%s] set password_env or password_file, not both")
	CfgNoRecipients    = add("CfgNoRecipients", "[reports.%s] chưa có địa chỉ nhận (to = []): khi bật gửi thư, chạy báo cáo này sẽ dừng trước khi lưu; thêm địa chỉ của cơ quan cấp trên, ví dụ to = [\"phongnoivu@example.gov.vn\"], hoặc chạy với --no-email", "[reports.%s] has no recipients (to = []): with mail on, a run of it stops before archiving anything; add the district's address, e.g. to = [\"phongnoivu@example.gov.vn\"], or run it with --no-email")
	CfgTimezone        = add("CfgTimezone", "timezone = %q: không biết múi giờ này (ví dụ Asia/Ho_Chi_Minh)", "timezone %q: unknown time zone (e.g. Asia/Ho_Chi_Minh)")
	CfgUnitName        = add("CfgUnitName", "[unit] thiếu name: ghi tên đơn vị, ví dụ name = \"Trường Mầm non 20/10\"", "[unit] name is required")
	CfgNumbering       = add("CfgNumbering", "[document] numbering = %q: ghi \"all\" (một dãy số cho mọi loại văn bản) hoặc \"type\" (mỗi loại một dãy)", "[document] numbering = %q: want \"all\" (one sequence for every type) or \"type\" (one per type)")
	CfgCopies          = add("CfgCopies", "[unit] copies = %d: ghi số bản lưu, hoặc bỏ dòng này", "[unit] copies = %d: want the number of copies kept, or leave it out")
	CfgAdminEmail      = add("CfgAdminEmail", "[unit] admin_email: %v", "[unit] admin_email: %v")
	CfgPublicURL       = add("CfgPublicURL", "[web] public_url = %q: ghi địa chỉ trang như người khác mở, ví dụ \"http://192.168.1.10:8080\"", "[web] public_url %q: want the page's address as others open it, e.g. \"http://192.168.1.10:8080\"")
	CfgNoReports       = add("CfgNoReports", "tệp cấu hình chưa có bảng [reports.TÊN] nào: khai báo ít nhất một báo cáo, ví dụ [reports.monthly]", "no [reports.ID] table: define at least one report")
	CfgSignedMaxMB     = add("CfgSignedMaxMB", "[signed] max_mb = %d: ghi dung lượng tính bằng MB, từ 1 trở lên (mặc định 20)", "[signed] max_mb = %d: write a size in MB, 1 or more (default 20)")
	CfgKind            = add("CfgKind", "period = %q: ghi \"month\" (tháng), \"quarter\" (quý), \"half-year\" (6 tháng) hoặc \"year\" (năm)", "period: unknown kind %q (want month, quarter, half-year or year)")
	CfgBoundary        = add("CfgBoundary", "boundaries = %q: ghi \"decree09\" (kỳ từ ngày 15 đến 14, Nghị định 09/2019) hoặc \"calendar\" (theo lịch)", "period: unknown boundary %q (want decree09 or calendar)")
	CfgDeadlineRange   = add("CfgDeadlineRange", "deadline_day = %d: ghi một ngày trong tháng từ 1 đến %d", "period: deadline day %d: want a day of the month from 1 to %d")
	CfgCron            = add("CfgCron", "lịch %[1]q viết chưa đúng: ghi năm phần cách nhau bởi dấu cách — phút giờ ngày tháng thứ — ví dụ \"0 7 15 * *\" (7 giờ sáng ngày 15 hằng tháng)", "cron spec %[1]q: %[2]v (want five fields: minute hour day-of-month month day-of-week, e.g. \"0 7 15 * *\")")
	CfgCronNever       = add("CfgCronNever", "lịch %q không bao giờ chạy (một ngày không có thật?)", "cron spec %q never runs (an impossible date?)")
	CfgPasswordFilePub = add("CfgPasswordFilePub", "người dùng khác đọc được tệp mật khẩu %s: chạy chmod 600 %s", "password_file %s can be read by other users: chmod 600 %s")
	CfgSignedRoots     = add("CfgSignedRoots", "[signed] trusted_roots: %v", "trusted_roots: %v")
	CfgSignedCert      = add("CfgSignedCert", "[signed] trusted_roots %s: chứng chỉ thứ %d đọc không được: %v", "trusted_roots %s: certificate %d: %v")
	CfgSignedNoPEM     = add("CfgSignedNoPEM", "[signed] trusted_roots %s không chứa chứng chỉ PEM nào", "trusted_roots %s has no PEM certificate")
	CfgFileKind        = add("CfgFileKind", "không có loại tệp %q: ghi \"pdf\", \"xlsx\" hoặc \"docx\"", "unknown file kind %q: want \"pdf\", \"xlsx\" or \"docx\"")
	CfgAttachEmpty     = add("CfgAttachEmpty", "[reports.%s] attach để trống: liệt kê các tệp gửi kèm thư, ví dụ attach = [\"pdf\", \"xlsx\"]", "[reports.%s] attach is empty: list the files the message carries, e.g. attach = [\"pdf\", \"xlsx\"]")
	CfgAttachTwice     = add("CfgAttachTwice", "[reports.%s] attach ghi %q hai lần: bỏ bớt một lần", "[reports.%s] attach lists %q twice")
	ClassSigned        = add("ClassSigned", "cài đặt [signed] chưa đúng", "signature: bad [signed] settings")
)

// The config file's syntax (internal/strictoml).
var (
	TomlUnknownKey = add("TomlUnknownKey", "%[1]s: dòng %[2]d: không có khoá %[3]q (gõ nhầm?): sửa tên khoá hoặc xoá dòng này (các khoá có trong docs/configuration.md, docs/plan-file.md)", "%[1]s: line %[2]d, column %[4]d: unknown key %[3]q (a typo?)")
	TomlType       = add("TomlType", "%[1]s: dòng %[2]d, cột %[3]d: %[4]q %[5]s", "%[1]s: line %[2]d, column %[3]d: %[6]s %[4]q")
	TomlValue      = add("TomlValue", "%s: dòng %d, cột %d: %q: %s", "%s: line %d, column %d: %q: %s")
	TomlSyntax     = add("TomlSyntax", "%[1]s: dòng %[2]d, cột %[3]d: viết sai cú pháp TOML (kiểm tra dấu ngoặc kép, dấu = và dấu ngoặc vuông ở dòng này)", "%[1]s: line %[2]d, column %[3]d: %[4]s")
	TomlOther      = add("TomlOther", "%s: đọc không được: %v", "%s: %v")
	TomlWantNumber = add("TomlWantNumber", "cần một số, viết không có dấu ngoặc kép (ví dụ 100)", "wants a number")
	TomlWantString = add("TomlWantString", "cần một chuỗi trong dấu ngoặc kép (ví dụ \"Quận 1\")", "wants a string")
	TomlWantList   = add("TomlWantList", "cần một danh sách, ví dụ [\"a@b.vn\", \"c@d.vn\"]", "wants a list")
	TomlWantBool   = add("TomlWantBool", "cần true hoặc false", "wants true or false")
	TomlWantTable  = add("TomlWantTable", "cần một bảng [..] hoặc { khoá = giá trị }", "wants a table")
	TomlWantOther  = add("TomlWantOther", "viết chưa đúng kiểu giá trị", "has a value of the wrong type")
)

// The plan's year (reports.Maker.PlanYearWarning).
var PlanYearRun = add("PlanYearRun", "kế hoạch %s là của năm %d, nhưng kỳ %s thuộc năm %d: báo cáo dùng chỉ tiêu và nhiệm vụ của năm %d; soạn kế hoạch năm %d (docs/plan-file.md) và khai báo trong tệp cấu hình (plan = \"…\")", "the plan %s is for %d, but period %s is in %d: the report shows %d's targets and tasks; write %d's plan (docs/plan-file.md) and name it in the config (plan = \"…\")")

// The document's fonts ([document] fonts_dir).
var (
	CfgFontsDir = add("CfgFontsDir", "[document] fonts_dir: %v", "[document] fonts_dir: %v")
	FontNotTTF  = add("FontNotTTF", "tệp phông %[1]s không phải phông TrueType (.ttf) đọc được: thay bằng tệp times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf của Windows (C:\\Windows\\Fonts)", "render: font %[1]s: not a TrueType font: %[2]v")
)
