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
