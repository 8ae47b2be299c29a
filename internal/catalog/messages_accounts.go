package catalog

// baocao init: the principal's and the clerk's accounts, and who
// approves which report.
var (
	InitAccountsIntro = add("InitAccountsIntro",
		"Tài khoản: mỗi người đăng nhập trang web và duyệt bằng tài khoản riêng, mật khẩu riêng. Hiệu trưởng duyệt hoặc trả lại báo cáo; văn thư lập, kiểm tra và gửi báo cáo.",
		"Accounts: each person logs in to the page and approves with an account and password of their own. The head approves or returns reports; the clerk makes, checks and sends them.")
	InitAccountsKept = add("InitAccountsKept",
		"Tệp tài khoản %s đã có %d tài khoản: giữ nguyên (thêm hay sửa bằng baocao user).",
		"The accounts file %s has %d accounts already: kept as it is (add or change them with baocao user).")
	InitPrincipalHead = add("InitPrincipalHead", "— Tài khoản của hiệu trưởng —", "— The head's account —")
	InitClerkHead     = add("InitClerkHead", "— Tài khoản của văn thư —", "— The clerk's account —")
	InitAccountName   = add("InitAccountName", "Tên tài khoản (chữ thường không dấu, dùng để đăng nhập)", "Account name (lower case, no accents; used to log in)")
	InitAccountFull   = add("InitAccountFull", "Họ và tên đầy đủ", "Full name")
	InitAccountEmail  = add("InitAccountEmail", "Thư điện tử (thư xin duyệt gửi tới đây)", "E-mail address (review messages go there)")
	InitClerkEmail    = add("InitClerkEmail", "Thư điện tử; để trống nếu không có", "E-mail address; empty if none")
	InitNeedsEmail    = add("InitNeedsEmail", "hiệu trưởng cần địa chỉ thư để nhận thư xin duyệt", "the head needs an address for the review messages")
	InitAccountTitle  = add("InitAccountTitle", "Thư gọi người này là cô hay thầy", "Messages address the person as cô or thầy")
	InitAccountPw     = add("InitAccountPw", "Mật khẩu cho %s (ít nhất 10 ký tự, không phải tên trường hay tên người; không hiện khi gõ)", "Password for %s (10 characters or more, not the school's or the person's name; not shown as typed)")
	InitAccountPwConf = add("InitAccountPwConf", "Nhập lại mật khẩu cho %s", "The password for %s again")
	InitAccountPwDiff = add("InitAccountPwDiff", "  ✗ hai lần nhập mật khẩu không giống nhau — xin nhập lại.", "  ✗ the two passwords differ — enter it again.")
	InitAccountRefuse = add("InitAccountRefuse", "  ✗ %v — xin nhập lại.", "  ✗ %v — enter it again.")
	InitSameAccount   = add("InitSameAccount", "tài khoản %q đã dùng cho hiệu trưởng: chọn tên khác (vd: vanthu)", "the account %q is the head's: choose another name (e.g. vanthu)")
	InitReviewOthers  = add("InitReviewOthers",
		"Báo cáo quý, 6 tháng, năm: chờ hiệu trưởng duyệt trên trang web (hoặc baocao approve) rồi mới gửi cấp trên?",
		"Quarterly, half-year and annual reports: wait for the head's approval on the page (or baocao approve) before they go to the district?")
	InitReviewMonthly = add("InitReviewMonthly",
		"Báo cáo tháng: tự gửi cấp trên ngay khi lập (\"không\", như trước nay; thư ghi rõ số liệu gửi tự động, chưa qua hiệu trưởng duyệt) hay cũng chờ hiệu trưởng duyệt (\"có\")? Xem docs/duyet-bao-cao.md",
		"Monthly report: sent to the district as soon as it is made (\"không\", as before; the mail says the figures are sent automatically, not approved by the head) or waits for the head's approval too (\"có\")? See docs/duyet-bao-cao.md")
	InitNoApproverAccount = add("InitNoApproverAccount",
		"  ! Chưa có tài khoản hiệu trưởng nên chưa ai duyệt được: các báo cáo được gửi ngay khi lập. Tạo tài khoản rồi thêm approvers (docs/duyet-bao-cao.md).",
		"  ! No head's account, so no one can approve: reports are sent when made. Make the account, then add approvers (docs/duyet-bao-cao.md).")
	InitPublicURL = add("InitPublicURL",
		"Địa chỉ trang web mà điện thoại của hiệu trưởng mở được (thư xin duyệt dẫn tới đây), vd: http://192.168.1.10:8080",
		"The page's address as the head's phone opens it (review messages link there), e.g. http://192.168.1.10:8080")
	InitPublicURLBad = add("InitPublicURLBad",
		"%q không phải địa chỉ trang web dạng http://máy:cổng (vd: http://192.168.1.10:8080)",
		"%q is not a page address like http://host:port (e.g. http://192.168.1.10:8080)")
	InitPublicURLLocal = add("InitPublicURLLocal",
		"%q chỉ mở được trên chính máy chủ, không mở được trên điện thoại: ghi địa chỉ của máy chủ trong mạng nội bộ (vd: http://192.168.1.10:8080)",
		"%q opens only on the server itself, never on a phone: give the server's address on the local network (e.g. http://192.168.1.10:8080)")
	InitNextAccounts = add("InitNextAccounts",
		"Tài khoản đã tạo (tệp %s, chỉ người quản trị đọc được; mật khẩu chỉ lưu dạng băm):\n%s  Đổi mật khẩu: baocao user passwd TÊN -c %s; thêm người: baocao user add … (docs/duyet-bao-cao.md)",
		"Accounts made (file %s, readable by the admin only; passwords kept hashed only):\n%s  Change a password: baocao user passwd NAME -c %s; add a person: baocao user add … (docs/duyet-bao-cao.md)")
	InitNextAccountLine = add("InitNextAccountLine", "  %s: %s, %s\n", "  %s: %s, %s\n")
	InitNextNoAccounts  = add("InitNextNoAccounts",
		"Chưa có tài khoản nào: trang web và việc duyệt cần tài khoản riêng có mật khẩu. Tạo tài khoản hiệu trưởng và văn thư:\n  baocao user add hieutruong --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role hieu-truong --title cô -c %s\n  baocao user add vanthu --full-name \"Họ và tên\" --role van-thu -c %s",
		"No account yet: the page and approval need personal accounts with passwords. Make the head's and the clerk's:\n  baocao user add hieutruong --full-name \"Full Name\" --email ADDRESS --role hieu-truong --title cô -c %s\n  baocao user add vanthu --full-name \"Full Name\" --role van-thu -c %s")
	FlagInitApprovers = add("FlagInitApprovers",
		"`TÀI_KHOẢN` duyệt báo cáo quý, 6 tháng, năm trước khi gửi, cách nhau bằng dấu phẩy (tạo bằng baocao user add); để trống: gửi ngay khi lập",
		"the `ACCOUNTS` that approve the quarterly, half-year and annual reports before they are sent, comma-separated (made with baocao user add); empty: sent when made")
	FlagInitMonthlyApproval = add("FlagInitMonthlyApproval",
		"báo cáo tháng cũng chờ duyệt (`có`) hay tự gửi khi lập (không, mặc định)",
		"the monthly report waits for approval too (`có`) or is sent when made (không, the default)")
)

// baocao init --upgrade: from reviewers and a shared page password to
// accounts.
var (
	UpgradeNothing = add("UpgradeNothing",
		"tệp cấu hình không còn reviewers hay mật khẩu chung của trang: không có gì cần nâng cấp (tài khoản: baocao user list)",
		"the config has no reviewers and no shared page password: nothing to upgrade (accounts: baocao user list)")
	UpgradeIntro = add("UpgradeIntro",
		"Nâng cấp %s lên tài khoản riêng: người duyệt (reviewers) thành tài khoản và approvers, bỏ mật khẩu chung của trang.",
		"Upgrading %s to personal accounts: reviewers become accounts and approvers, the page's shared password goes.")
	UpgradeAccountHead = add("UpgradeAccountHead", "— Tài khoản %s: %s, %s, thư %s —", "— Account %s: %s, %s, e-mail %s —")
	UpgradePassword    = add("UpgradePassword", "Mật khẩu cho %s (ít nhất 10 ký tự; không hiện khi gõ; để trống thì đặt sau bằng baocao user passwd)", "Password for %s (10 characters or more; not shown as typed; empty: set it later with baocao user passwd)")
	UpgradeClerk       = add("UpgradeClerk",
		"Họ tên văn thư, để tạo tài khoản văn thư thay cho mật khẩu chung của trang; để trống nếu chưa tạo",
		"The clerk's full name, for the clerk's account that replaces the page's shared password; empty to make none now")
	UpgradeReviewersNote = add("UpgradeReviewersNote",
		"# baocao init --upgrade: người duyệt nay là tài khoản (baocao user list); dòng cũ để lại làm chú thích:",
		"# baocao init --upgrade: approvers are accounts now (baocao user list); the old line kept as a comment:")
	UpgradeWebNote = add("UpgradeWebNote",
		"# baocao init --upgrade: mỗi người đăng nhập bằng tài khoản riêng, mật khẩu chung không còn dùng:",
		"# baocao init --upgrade: everyone logs in with their own account; the shared password is no longer used:")
	UpgradePublicNote = add("UpgradePublicNote",
		"# địa chỉ điện thoại của hiệu trưởng mở được: thư xin duyệt dẫn tới đây",
		"# the address the head's phone opens: review messages link there")
	UpgradeDone     = add("UpgradeDone", "Đã nâng cấp %s; bản cũ giữ ở %s.", "Upgraded %s; the old one is kept at %s.")
	UpgradeMade     = add("UpgradeMade", "  tài khoản %s: %s, %s\n", "  account %s: %s, %s\n")
	UpgradeSetLater = add("UpgradeSetLater",
		"Các tài khoản sau chưa có mật khẩu, chưa ai đăng nhập hay duyệt bằng chúng được. Người quản trị chạy:\n%s",
		"These accounts have no password yet: nobody logs in or approves with them. The admin runs:\n%s")
	UpgradePasswdLine = add("UpgradePasswdLine", "  baocao user passwd %s -c %s\n", "  baocao user passwd %s -c %s\n")
	UpgradeClerkLater = add("UpgradeClerkLater",
		"Văn thư chưa có tài khoản (trang không còn mật khẩu chung):\n  baocao user add vanthu --full-name \"Họ và tên\" --role van-thu -c %s",
		"The clerk has no account yet (the page has no shared password any more):\n  baocao user add vanthu --full-name \"Full Name\" --role van-thu -c %s")
	UpgradeSharedFile = add("UpgradeSharedFile", "Tệp mật khẩu chung cũ %s không còn dùng: xoá được.", "The old shared password file %s is no longer used: it may be deleted.")
	UpgradeNext       = add("UpgradeNext", "Kiểm tra: baocao doctor -c %s", "Check: baocao doctor -c %s")
	FlagInitUpgrade   = add("FlagInitUpgrade",
		"nâng cấp tệp cấu hình cũ (người duyệt ghi bằng địa chỉ thư, một mật khẩu cho cả trang web) lên tài khoản riêng; giữ bản cũ bên cạnh",
		"upgrade a config of before accounts (reviewers, a shared [web] password) to personal accounts; the old one is kept beside it")
)

// internal/accounts: the error classes and what they say.
var (
	ClassAccInvalid   = add("ClassAccInvalid", "thông tin tài khoản không dùng được", "accounts: invalid")
	ClassAccNotFound  = add("ClassAccNotFound", "không có tài khoản này", "no such account")
	ClassAccExists    = add("ClassAccExists", "tài khoản đã có", "the account exists")
	ClassAccBadLogin  = add("ClassAccBadLogin", "sai tên tài khoản hoặc mật khẩu", "wrong account name or password")
	ClassAccLocked    = add("ClassAccLocked", "tài khoản đang bị khoá", "the account is locked")
	ClassAccForbidden = add("ClassAccForbidden", "vai trò của tài khoản không cho làm việc này", "the account's role does not allow this")
	ClassAccWeak      = add("ClassAccWeak", "mật khẩu không dùng được", "password refused")

	AccShort      = add("AccShort", "cần ít nhất %d ký tự", "%d characters or more are needed")
	AccIsAName    = add("AccIsAName", "không được là tên (%q): ai biết tên cũng đoán được", "it may not be a name (%q): whoever knows the name guesses it")
	AccBadRole    = add("AccBadRole", "vai trò %q không có; chọn một trong: hieu-truong, pho-hieu-truong, van-thu, xem", "no role %q; choose one of: hieu-truong, pho-hieu-truong, van-thu, xem")
	AccBadTitle   = add("AccBadTitle", "danh xưng %q không có; chọn cô hoặc thầy", "no title %q; choose cô or thầy")
	AccBadName    = add("AccBadName", "tên tài khoản %q: dùng 2–32 chữ thường không dấu, số, dấu chấm, dấu gạch dưới hoặc dấu gạch nối (ví dụ: vanthu, hieutruong)", "account name %q: use 2–32 lower-case letters without accents, digits, dots, underscores or hyphens (e.g. van, hieutruong)")
	AccFileUnread = add("AccFileUnread", "không đọc được tệp tài khoản %s: %v", "cannot read the accounts file %s: %v")
	AccFileBad    = add("AccFileBad", "tệp tài khoản %s không đọc được (%v): sửa bằng lệnh baocao user, đừng sửa tay", "the accounts file %s does not read (%v): change it with baocao user, not by hand")
	AccFileWrite  = add("AccFileWrite", "không ghi được tệp tài khoản %s: %w", "cannot write the accounts file %s: %w")
	AccFileLock   = add("AccFileLock", "không khoá được tệp tài khoản %s để ghi: %w", "cannot lock the accounts file %s to write it: %w")
	AccNamed      = add("AccNamed", "%q", "%q")
	AccNamedList  = add("AccNamedList", "%q (xem: baocao user list)", "%q (see: baocao user list)")
	AccTaken      = add("AccTaken", "%q (đổi mật khẩu: baocao user passwd %s)", "%q (change its password: baocao user passwd %s)")
	AccNeedsName  = add("AccNeedsName", "cần họ tên đầy đủ (--full-name \"Nguyễn Thị Hồng Vân\")", "the full name is needed (--full-name \"Nguyễn Thị Hồng Vân\")")
	AccBadEmail   = add("AccBadEmail", "địa chỉ thư %q không đúng (ví dụ: hieutruong@truong.edu.vn)", "the address %q is not right (e.g. hieutruong@truong.edu.vn)")
	AccNeedsEmail = add("AccNeedsEmail", "người duyệt cần địa chỉ thư (--email) để nhận thư xin duyệt", "an approver needs an address (--email) for the review messages")
	AccLockedName = add("AccLockedName", "%s", "%s")
)

// The page: login, roles, one's own password.
var (
	WebNeedLogin        = add("WebNeedLogin", "Bạn cần đăng nhập trước.", "Log in first.")
	WebNeedLoginHint    = add("WebNeedLoginHint", "Mở trang Đăng nhập, nhập tên tài khoản và mật khẩu.", "Open the login page and give your account name and password.")
	WebCSRF             = add("WebCSRF", "Yêu cầu bị từ chối: thiếu mã bảo vệ của biểu mẫu.", "Request refused: the form's protection code is missing.")
	WebCSRFHint         = add("WebCSRFHint", "Tải lại trang rồi bấm nút một lần nữa. Nếu vẫn lỗi, đăng nhập lại.", "Reload the page and press the button again. If it still fails, log in again.")
	WebLoginLocked      = add("WebLoginLocked", "Tài khoản này đang bị khoá (sai mật khẩu nhiều lần, hoặc người quản trị đã khoá). Thử lại sau 15 phút, hoặc nhờ người quản trị mở khoá: baocao user lock %s --unlock.", "This account is locked (too many wrong passwords, or locked by the admin). Try again in 15 minutes, or ask the admin to unlock it: baocao user lock %s --unlock.")
	WebLoginWrong       = add("WebLoginWrong", "Sai tên tài khoản hoặc mật khẩu. Hãy nhập lại; mỗi lần sai phải chờ lâu hơn, sai 10 lần thì tài khoản bị khoá 15 phút.", "Wrong account name or password. Try again; each failure waits longer, and 10 lock the account for 15 minutes.")
	WebSharedWrong      = add("WebSharedWrong", "Sai mật khẩu. Hãy nhập lại; mỗi lần sai phải chờ lâu hơn.", "Wrong password. Try again; each failure waits longer.")
	WebSharedName       = add("WebSharedName", "Hãy nhập họ tên của bạn: trang ghi lại ai đã làm gì.", "Give your name: the page records who did what.")
	WebAccountsUnread   = add("WebAccountsUnread", "Không đọc được tệp tài khoản.", "The accounts file cannot be read.")
	WebAccountsWrite    = add("WebAccountsWrite", "Không ghi được tệp tài khoản.", "The accounts file cannot be written.")
	WebAccountsHint     = add("WebAccountsHint", "Báo cho người quản trị: chạy baocao doctor.", "Tell the admin: run baocao doctor.")
	WebLockedSubject    = add("WebLockedSubject", "[baocao] Tài khoản %s bị khoá 15 phút", "[baocao] The account %s is locked for 15 minutes")
	WebLockedBody       = add("WebLockedBody", "Tài khoản %s (%s, %s) vừa bị nhập sai mật khẩu %d lần liên tiếp trên trang baocao, lần cuối từ địa chỉ %s, nên đã bị khoá 15 phút.\n\nNếu đó không phải người dùng tài khoản này thì có thể có người đang đoán mật khẩu: hãy kiểm tra, và đổi mật khẩu (baocao user passwd %s).\n", "The account %s (%s, %s) was given a wrong password %d times in a row on the baocao page, last from %s, and is locked for 15 minutes.\n\nIf that was not its owner, someone may be guessing the password: check, and change it (baocao user passwd %s).\n")
	WebReviewNoAccount  = add("WebReviewNoAccount", "Duyệt và trả lại báo cáo cần tài khoản của người duyệt. Không có gì được gửi đi.", "Approving and returning need an approver's account. Nothing was sent.")
	WebReviewNoAccHint  = add("WebReviewNoAccHint", "Tạo tài khoản cho hiệu trưởng (%s), rồi hiệu trưởng đăng nhập bằng tài khoản đó để duyệt.", "Make the head's account (%s); the head then logs in with it to approve.")
	WebReviewDeputy     = add("WebReviewDeputy", "Tài khoản %s (phó hiệu trưởng) không được giao duyệt báo cáo này. Không có gì được gửi đi.", "The account %s (deputy head) is not an approver of this report. Nothing was sent.")
	WebReviewDeputyHint = add("WebReviewDeputyHint", "Chỉ hiệu trưởng, hoặc phó hiệu trưởng có tên trong danh sách người duyệt (approvers) của báo cáo, mới duyệt hay trả lại được.", "Only the head, or a deputy named in the report's approvers, approves or returns it.")
	WebReviewRole       = add("WebReviewRole", "Tài khoản %s (%s) không được duyệt hay trả lại báo cáo. Không có gì được gửi đi.", "The account %s (%s) may not approve or return reports. Nothing was sent.")
	WebReviewRoleHint   = add("WebReviewRoleHint", "Theo Nghị định 30/2020/NĐ-CP, việc duyệt thuộc về hiệu trưởng hoặc phó hiệu trưởng được giao. Báo cho người duyệt mở trang này bằng tài khoản của họ.", "Under Decree 30/2020, approval is the head's, or a deputy's the head charges with it. Ask the approver to open this page with their account.")
	WebOperateRole      = add("WebOperateRole", "Tài khoản %s (%s) chỉ được xem, không được chạy hay gửi báo cáo.", "The account %s (%s) may only read: not run or send reports.")
	WebOperateRoleHint  = add("WebOperateRoleHint", "Việc chạy, gửi báo cáo và tải lên bản ký số do văn thư làm.", "Running and sending reports and uploading signed copies are the clerk's work.")
	WebPwTitle          = add("WebPwTitle", "Đổi mật khẩu", "Change the password")
	WebPwNoAccount      = add("WebPwNoAccount", "Trang đổi mật khẩu chỉ dành cho người đăng nhập bằng tài khoản riêng.", "The password page is for people logged in with an account of their own.")
	WebPwNoAccountHint  = add("WebPwNoAccountHint", "Người quản trị tạo tài khoản và đổi mật khẩu trên máy chủ: baocao user add, baocao user passwd.", "The admin makes accounts and changes passwords on the server: baocao user add, baocao user passwd.")
	WebPwLocked         = add("WebPwLocked", "Tài khoản này đang bị khoá (sai mật khẩu nhiều lần, hoặc người quản trị đã khoá).", "This account is locked (too many wrong passwords, or locked by the admin).")
	WebPwLockedHint     = add("WebPwLockedHint", "Thử lại sau 15 phút, hoặc nhờ người quản trị mở khoá: baocao user lock %s --unlock.", "Try again in 15 minutes, or ask the admin to unlock it: baocao user lock %s --unlock.")
	WebPwWrong          = add("WebPwWrong", "Mật khẩu hiện tại không đúng. Hãy nhập lại; sai 10 lần liên tiếp thì tài khoản bị khoá 15 phút.", "The current password is wrong. Try again; 10 wrong in a row lock the account for 15 minutes.")
	WebPwDiffer         = add("WebPwDiffer", "Hai lần nhập mật khẩu mới không giống nhau. Hãy nhập lại.", "The two new passwords differ. Enter them again.")
	WebPwSame           = add("WebPwSame", "Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.")
	WebPwWeak           = add("WebPwWeak", "Mật khẩu mới không dùng được: %s.", "The new password is refused: %s.")
)

// baocao doctor: accounts.
var DoctorNoPassword = add("DoctorNoPassword",
	"Tài khoản %s chưa có mật khẩu (tạo bởi baocao init --upgrade): chưa ai đăng nhập hay duyệt được bằng nó — đặt mật khẩu: baocao user passwd %s -c %s",
	"The account %s has no password yet (made by baocao init --upgrade): nobody logs in or approves with it — set one: baocao user passwd %s -c %s")

// approve/reject --as: an empty password, an unknown account.
var (
	AsEmptyPassword = add("AsEmptyPassword",
		"chưa có mật khẩu của tài khoản %s: dòng mật khẩu trống (với --password-stdin, mật khẩu là dòng đầu của đầu vào chuẩn); không tính là một lần nhập sai",
		"no password was given for the account %s: the password line is empty (with --password-stdin, the password is the first line of stdin); not counted as a wrong password")
	AsNoSuchAccount = add("AsNoSuchAccount", "không có tài khoản %q (xem: baocao user list)", "there is no account %q (see: baocao user list)")
)
