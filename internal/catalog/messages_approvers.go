package catalog

// An approver named in a report's approvers that has no account yet (the
// example config names hieutruong before any account exists): what doctor
// and the review step say.
var (
	DrApproverMissing = add("DrApproverMissing",
		"Người duyệt %s (approvers của %s) chưa có tài khoản nên không nhận được thư xin duyệt và không duyệt được — tạo tài khoản (lệnh hỏi mật khẩu): baocao user add %s --full-name %q --email ĐỊA_CHỈ --role %s --title cô -c %s",
		"Approver %s (approvers of %s) has no account, so gets no review message and cannot approve — make it (the command asks for a password): baocao user add %s --full-name %q --email ADDRESS --role %s --title cô -c %s")
	DrNoAccountsClerk = add("DrNoAccountsClerk",
		"Tài khoản: chưa có tài khoản nào — ngoài tài khoản người duyệt (dòng ✗ bên dưới), tạo tài khoản văn thư: baocao user add vanthu --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role van-thu -c %s",
		"Accounts: none yet — besides the approver's (the ✗ line below), make the clerk's: baocao user add vanthu --full-name \"Full Name\" --email ADDRESS --role van-thu -c %s")
	DrFullNamePlaceholder = add("DrFullNamePlaceholder", "Họ và tên", "Full Name")
	WfNoApproverAddress   = add("WfNoApproverAddress",
		"[reports.%s]: thư xin duyệt không gửi cho ai: người duyệt %s chưa có tài khoản kèm địa chỉ thư — tạo tài khoản bằng baocao user add %s --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role hieu-truong%s (hoặc thêm địa chỉ: baocao user edit TÊN --email ĐỊA_CHỈ), rồi gửi lại thư bằng baocao send%s -r %s -p %s; bản nháp vẫn được lưu, chưa gửi gì cho cấp trên",
		"[reports.%s]: the review message goes to nobody: approvers %s have no account with an e-mail address — make one with baocao user add %s --full-name \"Full Name\" --email ADDRESS --role hieu-truong%s (or add the address: baocao user edit NAME --email ADDRESS), then send the message with baocao send%s -r %s -p %s; the draft is kept, nothing went to the district")
)
