package setup

import (
	"fmt"
	"net"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/loopback"
)

// UsualFiles are the sources' file names in the example data set (SPEC §1):
// a file so named wins when several match, and a missing source is written
// with this name so the clerk knows what to make.
var UsualFiles = map[string]string{
	"dossiers":  "ho-so-tthc.xlsx",
	"feedback":  "phan-anh-kien-nghi.xlsx",
	"survey":    "khao-sat-hai-long.xlsx",
	"payments":  "thanh-toan-hoc-phi.xlsx",
	"documents": "van-ban.xlsx",
	"staff":     "can-bo.xlsx",
	"manual":    "so-lieu-nhap-tay.xlsx",
	"tasks":     "tien-do-nhiem-vu.xlsx",
}

// Answers are what the interview collects.
type Answers struct {
	Parent, Name, Place, Symbol string
	SignerTitle, SignerName     string
	AdminEmail                  string
	Addressees                  []string // after "Kính gửi:" on the document and the district's mail
	Recipients                  []string // "Nơi nhận" lines of the document after "- Như trên;"
	Domains                     []string // official e-mail domains (indicator 9.4)

	DataDir string
	Found   *Found
	Titles  map[string]string // source name → title, for comments

	Mail         bool
	Host         string
	Port         int
	Security     string
	Username     string
	PasswordEnv  string
	PasswordFile string // as written in the config
	Password     string // to write into PasswordFile; never into the config
	From         string
	CAFile       string // an extra CA the server's certificate is signed by

	To        []string // the district's addresses
	Cc        []string
	Web       string // [web] listen; empty: none (written commented out)
	PublicURL string // [web] public_url, asked when Web is open to other machines

	// Accounts are made beside the config (accounts.go): the principal's
	// and the clerk's; none when the accounts file has some already, or
	// in the scripted form.
	Accounts []accounts.New
	// HasAccounts: the accounts file will have accounts (made now, or
	// there already), so a page open to other machines can be turned on.
	HasAccounts bool
	// Approvers approve the reports that wait for approval: the quarterly,
	// half-year and annual when ReviewOthers, the monthly when
	// ReviewMonthly (by default it goes out by itself).
	Approvers                   []string
	ReviewOthers, ReviewMonthly bool

	// The unit's plan document and the plan file imported from it
	// (plan.go); all empty for the built-in plan.
	PlanDoc, PlanTOML, PlanSummary string
	PlanYear                       int
	Archive                        string
	TimeZone                       string

	// suspect are the addresses whose domain looked mistyped once: given
	// again as they were, they are kept (typoError).
	suspect map[string]bool
}

// reports are the four reports of the example config, Decree 09 cut-off,
// each run the day after the cut-off, ahead of the 20th deadline.
var reportTables = []struct{ id, period, schedule string }{
	{"monthly", "month", "0 7 15 * *"},
	{"quarterly", "quarter", "0 7 15 3,6,9,12 *"},
	{"half-year", "half-year", "0 7 15 6,12 *"},
	{"annual", "year", "0 7 15 12 *"},
}

// Render writes the config for a, to be saved at path; paths are written
// relative to its folder when they are inside it.
func Render(a *Answers, path string) []byte {
	dir := filepath.Dir(path)
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# baocao — tệp cấu hình, do `baocao init` viết. Đường dẫn tương đối tính từ thư mục của tệp này.")
	w("# Kiểm tra sau khi sửa:  baocao doctor -c %s", filepath.Base(path))
	w("# Giải thích từng mục: docs/configuration.md; hướng dẫn: docs/huong-dan.md.")
	w("")
	if f := a.PlanFile(); f != "" {
		w("# Kế hoạch CCHC của đơn vị, nhập từ %s (baocao plan import; docs/plan-file.md).", filepath.Base(a.PlanDoc))
		w("plan = %s", q(f))
	} else {
		w("# Kế hoạch: Kế hoạch số 13/KH-MN2010 năm 2024 có sẵn. Năm mới: baocao plan import (docs/plan-file.md).")
	}
	w("timezone = %s", q(a.TimeZone))
	w("# Thư mục lưu các báo cáo đã làm (mỗi lần chạy một phiên bản v1, v2, …).")
	w("archive = %s", q(rel(dir, a.Archive)))
	w("# Tên miền thư công vụ (chỉ tiêu 9.4: cán bộ dùng thư công vụ).")
	w("official_domains = %s", list(a.Domains))
	w("")
	w("[unit]")
	w("parent = %s        # cơ quan chủ quản, in hoa ở đầu văn bản", q(a.Parent))
	w("name = %s", q(a.Name))
	w("place = %s         # địa danh ở dòng ngày tháng", q(a.Place))
	w("symbol = %s        # ký hiệu: Số: …/BC-%s", q(a.Symbol), a.Symbol)
	w("signer_title = %s", q(a.SignerTitle))
	w("signer_name = %s", q(a.SignerName))
	w("admin_email = %s   # nhận thư báo lỗi và thư thử", q(a.AdminEmail))
	w("addressees = %s    # \"Kính gửi:\" trên báo cáo và thư gửi cấp trên", list(a.Addressees))
	w("recipients = %s    # \"Nơi nhận:\" khác, sau \"- Như trên;\", trước \"- Lưu: VT.\"", list(a.Recipients))
	w("")
	w("# Các sổ dữ liệu, tìm thấy theo dòng tiêu đề trong %s.", a.DataDir)
	names := make([]string, 0, len(UsualFiles))
	for n := range UsualFiles {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w("")
		w("[sources.%s]  # %s", n, a.Titles[n])
		if p, ok := a.Found.Paths[n]; ok {
			w("path = %s", q(rel(dir, p)))
			continue
		}
		w("# CHƯA CÓ: chưa tìm thấy tệp nào có các cột của sổ này. Tạo tệp dưới đây (hoặc sửa đường dẫn).")
		w("path = %s", q(rel(dir, filepath.Join(a.Found.Dir, UsualFiles[n]))))
	}
	w("")
	w("# Báo cáo: kỳ tháng/quý/6 tháng/năm, số liệu chốt theo Nghị định 09/2019/NĐ-CP (ngày 15 đến 14);")
	w("# chạy lúc 7:00 ngày 15, trước hạn ngày 20. Lịch theo cú pháp cron: phút giờ ngày tháng thứ.")
	for _, r := range reportTables {
		w("")
		w("[reports.%s]", r.id)
		w("period = %s", q(r.period))
		w("boundaries = \"decree09\"")
		w("schedule = %s", q(r.schedule))
		w("to = %s", list(a.To))
		w("cc = %s", list(a.Cc))
		switch ap := a.approversOf(r.id); {
		case len(ap) > 0:
			w("# Chờ duyệt: báo cáo được lưu thành bản dự thảo, người duyệt nhận thư \"[Chờ duyệt]\", và chỉ gửi")
			w("# cấp trên khi hiệu trưởng duyệt trên trang web hoặc bằng `baocao approve --as TÀI_KHOẢN`")
			w("# (docs/duyet-bao-cao.md). Bỏ dòng này để gửi ngay khi lập.")
			w("approvers = %s", list(ap))
		case r.id == "monthly":
			w("# Tự gửi: báo cáo tháng đi cấp trên ngay khi lập, không chờ duyệt; thư ghi rõ số liệu gửi tự động,")
			w("# chưa qua hiệu trưởng duyệt (docs/duyet-bao-cao.md). Muốn chờ duyệt: approvers = [\"%s\"]", firstOr(a.Approvers, PrincipalAccount))
		}
	}
	w("")
	if a.Mail {
		w("[smtp]  # máy chủ thư gửi báo cáo")
		w("host = %s", q(a.Host))
		w("port = %d", a.Port)
		w("security = %s   # starttls (cổng 587) hoặc tls (cổng 465)", q(a.Security))
		w("username = %s", q(a.Username))
		switch {
		case a.PasswordFile != "":
			w("password_file = %s   # chỉ người quản trị được đọc tệp này", q(rel(dir, a.PasswordFile)))
		case a.PasswordEnv != "":
			w("password_env = %s    # mật khẩu lấy từ biến môi trường này", q(a.PasswordEnv))
		}
		w("from = %s", q(a.From))
		if a.CAFile != "" {
			w("ca_file = %s   # CA riêng của máy chủ thư", q(rel(dir, a.CAFile)))
		}
	} else {
		w("# Chưa khai báo máy chủ thư: báo cáo chỉ được lưu, không gửi. Thêm bảng [smtp] (docs/email.md)")
		w("# rồi chạy `baocao mail-test`.")
	}
	w("")
	// [web] listen makes `baocao serve` (the service) serve the staff page
	// too; an address open to other machines needs a password first, or
	// serve and web refuse to start: that one is written commented out.
	local := false
	if host, _, err := net.SplitHostPort(a.Web); err == nil && loopback.Host(host) {
		local = true
	}
	switch {
	case a.Web == "":
		w("# Trang web cho cán bộ (xem, duyệt, gửi báo cáo; docs/trang-web.md): bỏ dấu # hai dòng dưới để dịch vụ")
		w("# baocao mở trang tại http://127.0.0.1:8080 (chỉ máy này), hoặc chạy `baocao web`.")
		w("# [web]")
		w("# listen = \"127.0.0.1:8080\"")
	case local:
		w("# Trang web cho cán bộ (xem, duyệt, gửi báo cáo): dịch vụ baocao mở tại http://%s (chỉ máy này;", a.Web)
		w("# docs/trang-web.md). Xóa bảng này nếu không dùng.")
		w("[web]")
		w("listen = %s", q(a.Web))
	case a.HasAccounts:
		w("# Trang web cho cán bộ (xem, duyệt, gửi báo cáo; docs/trang-web.md), mở cho các máy trong mạng: mỗi")
		w("# người đăng nhập bằng tài khoản riêng (baocao user list). public_url là địa chỉ điện thoại của hiệu")
		w("# trưởng mở được: thư xin duyệt dẫn tới đó.")
		w("[web]")
		w("listen = %s", q(a.Web))
		if a.PublicURL != "" {
			w("public_url = %s", q(a.PublicURL))
		}
	default:
		host, port, _ := net.SplitHostPort(a.Web)
		public := "http://" + a.Web
		if host == "" || host == "0.0.0.0" || host == "::" {
			public = "http://ĐỊA-CHỈ-MÁY-CHỦ:" + port // the LAN address is not known here
		}
		w("# Trang web cho cán bộ (xem, duyệt, gửi báo cáo; docs/trang-web.md). Địa chỉ %s mở cho máy khác nên", a.Web)
		w("# mỗi người cần tài khoản riêng: tạo trước tài khoản hiệu trưởng và văn thư (baocao user add hieutruong")
		w("# --full-name \"Họ và tên\" --email ĐỊA_CHỈ --role hieu-truong --title cô; rồi --role van-thu), rồi bỏ dấu #")
		w("# ba dòng dưới. public_url là địa chỉ điện thoại của hiệu trưởng mở được: thư xin duyệt dẫn tới đó.")
		w("# Chưa có tài khoản thì dịch vụ và `baocao web` báo lỗi, không chạy.")
		w("# [web]")
		w("# listen = %s", q(a.Web))
		if a.PublicURL != "" {
			public = a.PublicURL
		}
		w("# public_url = %s", q(public))
	}
	return []byte(b.String())
}

func firstOr(xs []string, def string) string {
	if len(xs) > 0 {
		return xs[0]
	}
	return def
}

// q is a TOML basic string.
func q(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func list(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = q(x)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// rel gives p relative to dir with forward slashes when p is inside dir.
func rel(dir, p string) string {
	if !filepath.IsAbs(p) {
		return filepath.ToSlash(p)
	}
	r, err := filepath.Rel(dir, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return p
	}
	return filepath.ToSlash(r)
}
