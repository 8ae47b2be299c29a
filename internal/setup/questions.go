package setup

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/loopback"
)

// Question is one thing init asks. Set checks an answer and stores it; an
// error says, in Vietnamese, what is wrong.
type Question struct {
	Flag    string // the command-line flag of the scripted form
	Help    string // the flag's help, in English
	Prompt  string // the question, in Vietnamese
	Default func(a *Answers) string
	Set     func(a *Answers, s string) error
	Skip    func(a *Answers) bool // not asked (e.g. mail questions without mail)
	List    bool                  // a list: lines pasted together are one answer
}

func fixed(s string) func(*Answers) string { return func(*Answers) string { return s } }

func noMail(a *Answers) bool { return !a.Mail }

// Questions are asked in this order. The spreadsheets' folder and the mail
// server's check are not here: they need more than one answer (see
// Interview).
func Questions() []Question {
	return []Question{
		{Flag: "unit", Help: "the unit's name ([unit] name)", Prompt: "Tên đơn vị (vd: Trường Mầm non 20/10)", Set: func(a *Answers, s string) error {
			a.Name = s
			return need(s)
		}},
		{Flag: "parent", Help: "the parent body ([unit] parent)", Prompt: "Cơ quan chủ quản (vd: Ủy ban nhân dân Phường Sài Gòn)", Set: func(a *Answers, s string) error {
			a.Parent = s
			return need(s)
		}},
		{Flag: "place", Help: "the place of the date line ([unit] place; default: from the parent)", Prompt: "Địa danh ở dòng ngày tháng (vd: Phường Sài Gòn)", Default: func(a *Answers) string { return placeOf(a.Parent) },
			Set: func(a *Answers, s string) error { a.Place = s; return need(s) }},
		{Flag: "symbol", Help: "the unit's symbol, for Số: …/BC-SYMBOL ([unit] symbol)", Prompt: "Ký hiệu viết tắt của đơn vị, cho \"Số: …/BC-KÝHIỆU\" (vd: MN2010)", Set: func(a *Answers, s string) error {
			a.Symbol = s
			if err := need(s); err != nil {
				return err
			}
			for _, r := range s {
				if !(r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '.') {
					return fmt.Errorf("ký hiệu chỉ gồm chữ không dấu, số, \"-\" và \".\" (vd: MN2010), không phải %q", s)
				}
			}
			return nil
		}},
		{Flag: "signer-title", Help: "the signer's title ([unit] signer_title)", Prompt: "Chức vụ người ký", Default: fixed("Hiệu trưởng"),
			Set: func(a *Answers, s string) error { a.SignerTitle = s; return need(s) }},
		{Flag: "signer-name", Help: "the signer's name ([unit] signer_name)", Prompt: "Họ và tên người ký", Set: func(a *Answers, s string) error { a.SignerName = s; return need(s) }},
		{Flag: "addressees", List: true, Help: "who the reports are addressed to after \"Kính gửi:\", separated by ';' ([unit] addressees; default: the parent)",
			Prompt:  "Kính gửi: cơ quan nhận báo cáo, nhiều nơi cách nhau bằng dấu chấm phẩy (vd: Ủy ban nhân dân phường Sài Gòn)",
			Default: func(a *Answers) string { return a.Parent },
			Set: func(a *Answers, s string) error {
				a.Addressees = split(s, ";")
				return need(s)
			}},
		{Flag: "recipients", List: true, Help: "the document's other recipients after \"- Như trên;\", separated by ';' ([unit] recipients)", Prompt: "Nơi nhận khác ghi trên văn bản, sau \"- Như trên;\", cách nhau bằng dấu chấm phẩy; để trống nếu không có (vd: Phòng Nội vụ)",
			Default: fixed(""),
			Set: func(a *Answers, s string) error {
				a.Recipients = split(s, ";")
				return nil
			}},
		{Flag: "admin-email", Help: "the admin's address: failures and test messages ([unit] admin_email)", Prompt: "Thư điện tử của người quản trị (nhận thư báo lỗi và thư thử)", Set: func(a *Answers, s string) error {
			a.AdminEmail = s
			if err := address(s); err != nil {
				return err
			}
			return a.checkTypo([]string{s})
		}},
		{Flag: "domains", List: true, Help: "official e-mail domains, comma-separated (official_domains)", Prompt: "Tên miền thư công vụ, cách nhau bằng dấu phẩy", Default: fixed("hcm.edu.vn, tphcm.gov.vn"),
			Set: func(a *Answers, s string) error {
				a.Domains = addressList(s)
				for _, d := range a.Domains {
					if strings.ContainsAny(d, "@ /") || !strings.Contains(d, ".") {
						return fmt.Errorf("%q không phải tên miền (vd: hcm.edu.vn)", d)
					}
				}
				return need(s)
			}},
		{Flag: "to", List: true, Help: "the reports' addresses, separated by ',' or ';' ([reports.ID] to)", Prompt: "Địa chỉ thư nhận báo cáo (phòng, ban cấp trên), cách nhau bằng dấu phẩy hoặc chấm phẩy", Set: func(a *Answers, s string) error {
			a.To = addressList(s)
			if err := addresses(a.To, true); err != nil {
				return err
			}
			return a.checkTypo(a.To)
		}},
		{Flag: "cc", List: true, Help: "copies, separated by ',' or ';' ([reports.ID] cc)", Prompt: "Địa chỉ đồng gửi (cc), cách nhau bằng dấu phẩy hoặc chấm phẩy; để trống nếu không có", Default: fixed(""),
			Set: func(a *Answers, s string) error {
				a.Cc = addressList(s)
				if err := addresses(a.Cc, false); err != nil {
					return err
				}
				return a.checkTypo(a.Cc)
			}},
		{Flag: "reviewers", List: true, Help: "reviewers of the quarterly, half-year and annual reports (each is then approved before it is sent), separated by ',' or ';'", Prompt: "Người duyệt báo cáo quý, 6 tháng, năm trước khi gửi (vd: Nguyễn Thị Hồng Vân <hieutruong@…>); để trống nếu không có",
			Default: fixed(""), Set: func(a *Answers, s string) error {
				a.Reviewers = addressList(s)
				if err := addresses(a.Reviewers, false); err != nil {
					return err
				}
				return a.checkTypo(a.Reviewers)
			}},
		{Flag: "archive", Help: "the archive folder, relative to the config (archive)", Prompt: "Thư mục lưu báo cáo (tương đối với thư mục của tệp cấu hình)", Default: fixed("archive"),
			Set: func(a *Answers, s string) error { a.Archive = Unquote(s); return need(a.Archive) }},
		{Flag: "timezone", Help: "the time zone (timezone)", Prompt: "Múi giờ", Default: fixed("Asia/Ho_Chi_Minh"), Set: func(a *Answers, s string) error {
			a.TimeZone = s
			if _, err := time.LoadLocation(s); err != nil || s == "" || s == "Local" {
				return fmt.Errorf("múi giờ %q không có (vd: Asia/Ho_Chi_Minh)", s)
			}
			return nil
		}},
		{Flag: "web", Help: "the staff page's host:port (empty: none; an address open to other machines is written commented out until a password is set)", Prompt: "Địa chỉ trang web cho cán bộ, dạng máy:cổng (127.0.0.1:8080 chỉ máy này mở được); để trống nếu chưa dùng",
			Default: fixed("127.0.0.1:8080"), Set: func(a *Answers, s string) error {
				a.Web = s
				if s == "" {
					return nil
				}
				_, port, err := net.SplitHostPort(s)
				if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 1 || n > 65535 {
					return fmt.Errorf("%q không đúng dạng máy:cổng (vd: 127.0.0.1:8080)", s)
				}
				return nil
			}},
		planQuestion(),
	}
}

// MailQuestions describe the mail server; asked when the unit sends mail.
func MailQuestions() []Question {
	return []Question{
		{Flag: "smtp-host", Help: "the SMTP server; without it no mail is sent ([smtp] host)", Prompt: "Máy chủ thư gửi đi (SMTP), vd: smtp.hcm.edu.vn", Skip: noMail, Set: func(a *Answers, s string) error {
			a.Host = s
			if err := need(s); err != nil {
				return err
			}
			if strings.ContainsAny(s, " /:@") {
				return fmt.Errorf("%q không phải tên máy chủ: chỉ ghi tên (vd: smtp.hcm.edu.vn), không ghi cổng hay giao thức", s)
			}
			return nil
		}},
		{Flag: "smtp-port", Help: "the SMTP port ([smtp] port)", Prompt: "Cổng (587 cho STARTTLS, 465 cho TLS)", Skip: noMail, Default: fixed("587"), Set: func(a *Answers, s string) error {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > 65535 {
				return fmt.Errorf("cổng là một số từ 1 đến 65535, không phải %q", s)
			}
			a.Port = n
			return nil
		}},
		{Flag: "smtp-security", Help: "starttls or tls ([smtp] security)", Prompt: "Bảo mật: starttls hoặc tls", Skip: noMail,
			Default: func(a *Answers) string {
				if a.Port == 465 {
					return "tls"
				}
				return "starttls"
			},
			Set: func(a *Answers, s string) error {
				a.Security = strings.ToLower(s)
				switch a.Security {
				case "starttls", "tls":
					return nil
				case "none":
					if loopback.Host(a.Host) {
						return nil
					}
					return errors.New("\"none\" gửi mật khẩu không mã hoá: chỉ dùng cho máy chủ thử trên chính máy này; chọn starttls hoặc tls")
				}
				return fmt.Errorf("chọn starttls hoặc tls, không phải %q", s)
			}},
		{Flag: "smtp-user", Help: "the SMTP login ([smtp] username)", Prompt: "Tên đăng nhập máy chủ thư (thường là địa chỉ thư)", Skip: noMail,
			Default: func(a *Answers) string { return a.AdminEmail },
			Set:     func(a *Answers, s string) error { a.Username = s; return need(s) }},
		{Flag: "from", Help: "the sender, Name <address> ([smtp] from)", Prompt: "Người gửi (vd: Trường Mầm non 20/10 <mn2010@hcm.edu.vn>)", Skip: noMail,
			Default: func(a *Answers) string {
				if strings.Contains(a.Username, "@") {
					return fmt.Sprintf("%s <%s>", a.Name, a.Username)
				}
				return ""
			},
			Set: func(a *Answers, s string) error {
				a.From = s
				if err := address(s); err != nil {
					return err
				}
				return a.checkTypo([]string{s})
			}},
	}
}

func need(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("cần có câu trả lời")
	}
	return nil
}

func address(s string) error {
	if err := need(s); err != nil {
		return err
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || !strings.Contains(addr.Address[strings.LastIndexByte(addr.Address, '@')+1:], ".") {
		return fmt.Errorf("%q không phải địa chỉ thư (vd: phongnoivu@tphcm.gov.vn)", s)
	}
	return nil
}

func addresses(list []string, required bool) error {
	if required && len(list) == 0 {
		return errors.New("cần ít nhất một địa chỉ")
	}
	for _, s := range list {
		if err := address(s); err != nil {
			return err
		}
	}
	return nil
}

// split splits a list at sep and at line ends (lines pasted together).
func split(s, sep string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(sep, r) || r == '\n' || r == '\r' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// placeOf guesses the place from the parent body: "Ủy ban nhân dân Quận 1"
// → "Quận 1", "Ủy ban nhân dân phường Sài Gòn" → "Phường Sài Gòn": the
// place begins the date line's sentence, so its first letter is a capital.
func placeOf(parent string) string {
	for _, prefix := range []string{"Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "} {
		if len(parent) > len(prefix) && strings.EqualFold(parent[:len(prefix)], prefix) {
			place := strings.TrimSpace(parent[len(prefix):])
			r, n := utf8.DecodeRuneInString(place)
			return string(unicode.ToUpper(r)) + place[n:]
		}
	}
	return ""
}
