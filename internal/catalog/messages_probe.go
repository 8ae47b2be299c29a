package catalog

// What the adversarial probes of the accounts (issue 23) made the
// command line say.
var (
	AsEmptyPassword = add("AsEmptyPassword",
		"chưa có mật khẩu của tài khoản %s: dòng mật khẩu trống (với --password-stdin, mật khẩu là dòng đầu của đầu vào chuẩn); không tính là một lần nhập sai",
		"no password was given for the account %s: the password line is empty (with --password-stdin, the password is the first line of stdin); not counted as a wrong password")
	AsNoSuchAccount = add("AsNoSuchAccount", "không có tài khoản %q (xem: baocao user list)", "there is no account %q (see: baocao user list)")
)
