package doctor

import (
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/loopback"
)

// errReview is the cause of a review-step problem: a config to fix (exit 2).
var errReview = fmt.Errorf("doctor: review: %w", config.ErrInvalid)

// review checks the accounts and the review step: every approver has an
// account with an address; a reviewed report's message has a link the
// principal can open on her phone ([web] public_url), or says the draft
// is on the server's page; and a config of before accounts (reviewers, a
// shared [web] password) is told what to change.
func (x *run) review(cfg *config.Config) {
	store := accounts.Open(accounts.PathBeside(cfg.File))
	as, err := store.List()
	if err != nil {
		x.add(Problem, fmt.Errorf("%w: %v", errReview, err), "Tài khoản: không đọc được tệp %s: %v", store.Path(), err)
		return
	}
	byName := map[string]accounts.Account{}
	approver := false
	for _, a := range as {
		byName[a.Name] = a
		approver = approver || a.Role.Approver()
	}
	switch {
	case len(as) == 0:
		x.add(Note, nil, "Tài khoản: chưa có tài khoản nào — tạo tài khoản hiệu trưởng và văn thư: baocao user add hieutruong --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role hieu-truong --title cô -c %s", cfg.File)
	case !approver:
		x.add(Problem, fmt.Errorf("%w: no approver account", errReview), "Tài khoản: không tài khoản nào được duyệt (vai trò hieu-truong hoặc pho-hieu-truong) — tạo tài khoản hiệu trưởng: baocao user add … --role hieu-truong")
	default:
		x.add(OK, nil, "Tài khoản: %d tài khoản (tệp %s)", len(as), store.Path())
	}
	if (cfg.Web.PasswordEnv != "" || cfg.Web.PasswordFile != "") && len(as) > 0 {
		x.add(Note, nil, "Mật khẩu chung của trang: đã có tài khoản riêng nên mật khẩu chung ([web] password_env/password_file) không còn dùng — xoá dòng đó khỏi [web]")
	} else if cfg.Web.PasswordEnv != "" || cfg.Web.PasswordFile != "" {
		x.add(Note, nil, "Mật khẩu chung của trang: đang dùng một mật khẩu chung cho mọi người, và không ai duyệt được trên trang — tạo tài khoản riêng (baocao user add …) hoặc chạy baocao init --upgrade")
	}
	ids := make([]string, 0, len(cfg.Reports))
	for id := range cfg.Reports {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	reviewed := false
	for _, id := range ids {
		r := cfg.Reports[id]
		if !r.Reviewed() {
			continue
		}
		reviewed = true
		if len(r.Approvers) == 0 {
			x.add(Note, nil, "Báo cáo %s: reviewers là cách ghi cũ — đổi thành approvers = [\"tên tài khoản của người duyệt\"] (hoặc chạy baocao init --upgrade); duyệt chỉ làm được bằng tài khoản", id)
			continue
		}
		var bad []string
		for _, n := range r.Approvers {
			a, ok := byName[n]
			switch {
			case !ok:
				bad = append(bad, n+" (chưa có tài khoản)")
			case !a.Role.Approver():
				bad = append(bad, n+" (vai trò "+a.Role.Label()+" không được duyệt)")
			case a.Email == "":
				bad = append(bad, n+" (tài khoản chưa có địa chỉ thư)")
			}
		}
		if len(bad) > 0 {
			x.add(Problem, fmt.Errorf("%w: [reports.%s] approvers %v", errReview, id, bad),
				"Báo cáo %s: người duyệt %s — sửa bằng baocao user add/edit, hoặc sửa approvers", id, strings.Join(bad, ", "))
		} else {
			x.add(OK, nil, "Báo cáo %s: người duyệt %s", id, strings.Join(r.Approvers, ", "))
		}
	}
	if !reviewed {
		return
	}
	host, _, _ := net.SplitHostPort(cfg.Web.Listen)
	switch {
	case cfg.Web.PublicURL != "":
		x.add(OK, nil, "Thư xin duyệt: có đường dẫn tới bản dự thảo tại %s", cfg.Web.PublicURL)
	case cfg.Web.Listen != "" && !loopback.Host(host):
		x.add(Problem, fmt.Errorf("%w: [web] public_url is empty", errReview),
			"Thư xin duyệt: trang web mở cho các máy khác (%s) nhưng thư không có đường dẫn dùng được — đặt [web] public_url = \"http://ĐỊA-CHỈ-MÁY-CHỦ:CỔNG\" (địa chỉ mở được từ điện thoại của hiệu trưởng)", cfg.Web.Listen)
	case cfg.Web.Listen != "":
		x.add(Note, nil, "Thư xin duyệt: trang web chỉ mở trên máy chủ, nên thư không có đường dẫn mà chỉ nói bản dự thảo có trên trang của máy chủ — muốn duyệt trên điện thoại thì mở trang cho mạng nội bộ và đặt [web] public_url")
	default:
		x.add(Note, nil,
			"Thư xin duyệt: không có trang web ([web] listen) nên thư không có đường dẫn nào để duyệt — thêm bảng [web] với listen và public_url, hoặc duyệt bằng baocao approve trên máy chủ")
	}
}
