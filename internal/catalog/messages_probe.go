package catalog

// What the adversarial probes of the accounts (issue 23) made the
// command line say.
var (
	AsEmptyPassword = add("AsEmptyPassword",
		"chưa có mật khẩu của tài khoản %s: dòng mật khẩu trống (với --password-stdin, mật khẩu là dòng đầu của đầu vào chuẩn); không tính là một lần nhập sai",
		"no password was given for the account %s: the password line is empty (with --password-stdin, the password is the first line of stdin); not counted as a wrong password")
	AsNoSuchAccount = add("AsNoSuchAccount", "không có tài khoản %q (xem: baocao user list)", "there is no account %q (see: baocao user list)")
	WebInternal     = add("WebInternal", "Đã có lỗi bên trong chương trình, nên chưa làm được việc này.", "Something went wrong inside the program, so this was not done.")
	WebInternalHint = add("WebInternalHint", "Báo cho người quản trị; chi tiết đã được ghi vào nhật ký của baocao lúc %s.", "Tell the administrator; the details are in baocao's log at %s.")
)
