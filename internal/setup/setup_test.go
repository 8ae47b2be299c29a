package setup

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

func schemas(t *testing.T) map[string]*sources.Schema {
	t.Helper()
	p, err := plan.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return p.Required()
}

// odd are the example files under names a school might give them.
var odd = map[string]string{
	"ho-so-tthc.xlsx":         "So TTHC 2024 (ban chinh).xlsx",
	"phan-anh-kien-nghi.xlsx": "PAKN.xlsx",
	"khao-sat-hai-long.xlsx":  "ket qua khao sat.xlsx",
	"thanh-toan-hoc-phi.xlsx": "export_yoyoschool_2024.xlsx",
	"van-ban.xlsx":            "VB di den.xlsx",
	"can-bo.xlsx":             "nhan su.xlsx",
	"so-lieu-nhap-tay.xlsx":   "nhap tay.xlsx",
	"tien-do-nhiem-vu.xlsx":   "tien do.xlsx",
}

// data copies the example data set under odd names, with a decoy
// workbook, an Excel lock file and an old .xls beside them.
func data(t *testing.T, leave ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Số liệu")
	os.MkdirAll(dir, 0o755)
	for from, to := range odd {
		if slices.Contains(leave, from) {
			continue
		}
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "data", from))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, to), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "ghi chu.csv"), []byte("Ngày;Việc\n01/03/2024;họp\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "~$PAKN.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(dir, "cu.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0}, 0o644)
	return dir
}

func TestFindSourcesByHeaders(t *testing.T) {
	dir := data(t, "tien-do-nhiem-vu.xlsx")
	f, err := FindSources(dir, schemas(t), UsualFiles)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"dossiers": "So TTHC 2024 (ban chinh).xlsx", "feedback": "PAKN.xlsx", "survey": "ket qua khao sat.xlsx",
		"payments": "export_yoyoschool_2024.xlsx", "documents": "VB di den.xlsx", "staff": "nhan su.xlsx", "manual": "nhap tay.xlsx",
	}
	for n, file := range want {
		if got := filepath.Base(f.Paths[n]); got != file {
			t.Errorf("%s: found %q, want %q", n, got, file)
		}
	}
	if len(f.Paths) != len(want) || !slices.Equal(f.Missing, []string{"tasks"}) {
		t.Errorf("found %v, missing %v", f.Paths, f.Missing)
	}
	if len(f.Notes) != 1 || !strings.Contains(f.Notes[0], "cu.xls") {
		t.Errorf("notes %q", f.Notes)
	}
	if _, err := FindSources(filepath.Join(dir, "không có"), schemas(t), UsualFiles); !errors.Is(err, ErrNoFolder) {
		t.Errorf("missing folder: %v", err)
	}
}

// fakeMail accepts only the password "đúng-rồi".
type fakeMail struct{ sent []*delivery.Message }

func (f *fakeMail) send(_ context.Context, s delivery.Settings, m *delivery.Message) error {
	if s.Password != "đúng-rồi" {
		return errors.New("delivery: permanent failure: authentication failed")
	}
	f.sent = append(f.sent, m)
	return nil
}

// TestInterview drives init with a script of answers, wrong ones among
// them: each is refused with a reason and asked again; the config written
// loads, and every source reads (what `baocao validate` does).
func TestInterview(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	script := []string{
		"",                     // unit: empty, asked again
		"Trường Mầm non 20/10", // unit
		"Ủy ban nhân dân Phường Sài Gòn", // parent
		"",        // place: the default, from the parent
		"MN 2010", // symbol: a space, asked again
		"MN2010",
		"",                    // signer title: Hiệu trưởng
		"Nguyễn Thị Hồng Vân", // signer
		"",                    // addressees: the parent
		"Phòng Nội vụ; Ủy ban nhân dân Phường Sài Gòn",
		"hieutruong",                   // admin: not an address
		"hieutruong@mn2010.edu.vn",     // admin
		"hcm.edu.vn, @tphcm.gov.vn",    // domains: not a domain
		"",                             // domains: default
		filepath.Join(dir, "không có"), // data: no such folder
		dir,
		"vâng",                // send mail? not yes or no
		"có",                  // send mail
		"smtp.hcm.edu.vn:587", // host with a port
		"smtp.hcm.edu.vn",
		"70000", // port
		"",      // 587
		"none",  // security: plaintext to another machine
		"",      // starttls
		"mn2010@hcm.edu.vn",
		"", // from: the default, unit <username>
		"sai-rồi",
		"có",               // the test failed: enter again
		"", "", "", "", "", // the previous answers
		"đúng-rồi",
		"phongnoivu@saigon", // to: no dot in the domain
		"phongnoivu.saigon@tphcm.gov.vn",
		"",
		"",             // archive
		"Mars/Olympus", // time zone
		"",
		"localhost", // web: no port
		"",
		"",                         // plan: the built-in one, Trường Mầm non 20/10's
		"Hiệu Trưởng",              // the principal's account: not a name
		"",                         // hieutruong
		"",                         // the signer's name
		"",                         // no address: the head needs one
		"hieutruong@gmial.com",     // a typo, asked again
		"hieutruong@mn2010.edu.vn", //
		"bà",                       // neither cô nor thầy
		"",                         // cô
		"ngắn quá",                 // too short
		"Truong Mam non 20-10",     // the unit's name
		"hoa sen nở giữa hè",
		"hieutruong", // the clerk's account: the principal's name
		"",           // vanthu
		"",           // full name: required
		"Lê Thị Mai",
		"",             // the admin's address
		"cô",           //
		"Lê Thị Mai 1", // the person's name and a digit
		"mùa thu lá vàng rơi",
		"", // quarterly and later wait for the head: có
		"", // monthly goes out by itself: không
	}
	var out bytes.Buffer
	mail := &fakeMail{}
	p := NewPrompter(strings.NewReader(strings.Join(script, "\n")+"\n"), &out)
	a, err := Interview(p, Env{Schemas: schemas(t), Mailer: mail.send}, cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	said := out.String()
	if strings.Contains(said, "--email") {
		t.Errorf("the interview names a flag (--email) no question has:\n%s", said)
	}
	for _, want := range []string{
		"✗ cần có câu trả lời", "✗ ký hiệu chỉ gồm chữ không dấu", `✗ "hieutruong" không phải địa chỉ thư`,
		`✗ "@tphcm.gov.vn" không phải tên miền`, "✗ không có thư mục", `trả lời "có" hoặc "không"`,
		"không phải tên máy chủ", "cổng là một số từ 1 đến 65535", `"none" gửi mật khẩu không mã hoá`,
		"✗ Không gửi được: delivery: permanent failure: authentication failed", "✓ Đã gửi thư thử",
		`"phongnoivu@saigon" không phải địa chỉ thư`, `múi giờ "Mars/Olympus" không có`, `"localhost" không đúng dạng máy:cổng`,
		"✓ Sổ theo dõi hồ sơ TTHC: So TTHC 2024 (ban chinh).xlsx", "cu.xls là tệp Excel cũ",
		"Địa danh ở dòng ngày tháng (vd: Phường Sài Gòn) [Phường Sài Gòn]",
		"Máy chủ thư gửi đi (SMTP), vd: smtp.hcm.edu.vn [smtp.hcm.edu.vn]",
		"Họ và tên đầy đủ [Nguyễn Thị Hồng Vân]", "cần ít nhất 10 ký tự", "không được là tên", `tài khoản "hieutruong" đã dùng cho hiệu trưởng`,
		`danh xưng "bà" không có`, "tên miền gần giống gmail.com", "✗ hiệu trưởng cần địa chỉ thư để nhận thư xin duyệt — xin nhập lại",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("the interview did not say %q", want)
		}
	}
	if len(mail.sent) != 1 || mail.sent[0].To[0] != "hieutruong@mn2010.edu.vn" || !strings.Contains(mail.sent[0].Subject, "Trường Mầm non 20/10") {
		t.Errorf("test messages: %+v", mail.sent)
	}
	if err := Save(a, cfgPath, func(string) (bool, error) { t.Error("asked to replace a new file"); return false, nil }); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(cfgPath)
	if strings.Contains(string(text), "đúng-rồi") {
		t.Error("the password is in the config")
	}
	if st, err := os.Stat(filepath.Join(filepath.Dir(cfgPath), "smtp-password")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("password file: %v %v", st, err)
	}
	for _, want := range []string{
		`place = "Phường Sài Gòn"`, "\napprovers = [\"hieutruong\"]",
		"\n[web]\nlisten = \"127.0.0.1:8080\"", `password_file = "smtp-password"`, `from = "Trường Mầm non 20/10 <mn2010@hcm.edu.vn>"`,
		`recipients = ["Phòng Nội vụ", "Ủy ban nhân dân Phường Sài Gòn"]`,
		`addressees = ["Ủy ban nhân dân Phường Sài Gòn"]`,
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("config lacks %s", want)
		}
	}
	if strings.Contains(string(text), "unknown key") || strings.Contains(string(text), "Chưa dùng được") {
		t.Error("the config says the web page does not exist yet")
	}
	validates(t, cfgPath, "đúng-rồi")
	if n := strings.Count(string(text), "\napprovers = [\"hieutruong\"]"); n != 3 {
		t.Errorf("%d reports wait for the head's approval, want 3 (the monthly goes out by itself)", n)
	}
	users := filepath.Join(filepath.Dir(cfgPath), accounts.FileName)
	b, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(users); st.Mode().Perm() != 0o600 {
		t.Errorf("users file mode %v", st.Mode())
	}
	for _, pw := range []string{"hoa sen nở giữa hè", "mùa thu lá vàng rơi"} {
		if strings.Contains(string(b), pw) || strings.Contains(said, pw) {
			t.Errorf("a password is in clear in the users file or the interview's output")
		}
	}
	as, err := accounts.Open(users).List()
	if err != nil || len(as) != 2 {
		t.Fatalf("accounts %+v, %v", as, err)
	}
	if h := as[0]; h.Name != "hieutruong" || h.Role != accounts.Principal || h.FullName != "Nguyễn Thị Hồng Vân" || h.Email != "hieutruong@mn2010.edu.vn" ||
		h.Title != accounts.Co || !accounts.Verify(h.Hash, "hoa sen nở giữa hè") {
		t.Errorf("the principal's account: %+v", h)
	}
	if c := as[1]; c.Name != "vanthu" || c.Role != accounts.Clerk || c.FullName != "Lê Thị Mai" || c.Email != "hieutruong@mn2010.edu.vn" ||
		!accounts.Verify(c.Hash, "mùa thu lá vàng rơi") {
		t.Errorf("the clerk's account: %+v", c)
	}
}

// validates loads the config and reads every source, as `baocao validate`
// does, and reads the mail settings when a password is given.
func validates(t *testing.T, cfgPath, password string) {
	t.Helper()
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Warnings) > 0 {
		t.Errorf("warnings: %q", cfg.Warnings)
	}
	m, err := makerOf(t, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Read(); err != nil {
		t.Fatalf("validate: %v", err)
	}
	if password == "" {
		return
	}
	var smtp delivery.SMTP
	if err := cfg.Into(delivery.Table(&smtp)); err != nil {
		t.Fatal(err)
	}
	if s, _, err := smtp.Settings(cfg.Dir); err != nil || s.Password != password {
		t.Errorf("mail settings: %v, password %q", err, s.Password)
	}
}

func TestInterviewRunsOut(t *testing.T) {
	p := NewPrompter(strings.NewReader("Trường Mầm non 20/10\n"), &bytes.Buffer{})
	if _, err := Interview(p, Env{Schemas: schemas(t)}, "x.toml"); !errors.Is(err, ErrAborted) {
		t.Errorf("end of input: %v", err)
	}
}

func TestSaveNeverReplacesWithoutAsking(t *testing.T) {
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	os.WriteFile(cfgPath, []byte("# mine\n"), 0o644)
	a := &Answers{Found: &Found{Paths: map[string]string{}}, Titles: map[string]string{}}
	asked := ""
	err := Save(a, cfgPath, func(p string) (bool, error) { asked = p; return false, nil })
	if !errors.Is(err, ErrExists) || asked != cfgPath {
		t.Errorf("save over a file: %v (asked about %q)", err, asked)
	}
	if b, _ := os.ReadFile(cfgPath); string(b) != "# mine\n" {
		t.Errorf("the file was changed: %q", b)
	}
}

func TestFromValues(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	good := map[string]string{
		"unit": "Trường Mầm non 20/10", "parent": "Ủy ban nhân dân Phường Sài Gòn", "symbol": "MN2010",
		"signer-name": "Nguyễn Thị Hồng Vân", "recipients": "Phòng Nội vụ", "admin-email": "ht@mn2010.edu.vn",
		"to": "phongnoivu@tphcm.gov.vn", "data": dir,
	}
	a, err := FromValues(good, Env{Schemas: schemas(t)}, cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if a.Mail || a.Place != "Phường Sài Gòn" || a.SignerTitle != "Hiệu trưởng" || len(a.Found.Paths) != 8 {
		t.Errorf("answers %+v", a)
	}
	if err := Save(a, cfgPath, nil); err != nil {
		t.Fatal(err)
	}
	validates(t, cfgPath, "")

	bad := map[string]string{"symbol": "MN 2010", "to": "x", "data": filepath.Join(dir, "không"), "smtp-host": "smtp.x.vn", "smtp-port": "0"}
	_, err = FromValues(bad, Env{Schemas: schemas(t)}, cfgPath)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"--unit: cần có câu trả lời", "--symbol:", "--to:", "--data: không có thư mục", "--smtp-port:", "--from:", "--smtp-password-file TỆP hoặc --smtp-password-env TÊN_BIẾN"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestPlanDocument: init imports the unit's plan document and points the
// config at the plan file written beside it; without a document only the
// built-in plan's own school is accepted, and another school's document
// is refused.
func TestPlanDocument(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	values := map[string]string{
		"unit": "Trường Mầm non Hoa Sen", "parent": "Ủy ban nhân dân Phường Sài Gòn", "symbol": "MNHS",
		"signer-name": "Lê Thị Lan", "recipients": "Phòng Văn hóa - Xã hội", "admin-email": "ht@mnhoasen.edu.vn",
		"to": "vhxh.saigon@tphcm.gov.vn", "data": dir,
	}
	if _, err := FromValues(values, Env{Schemas: schemas(t)}, cfgPath); err == nil ||
		!strings.Contains(err.Error(), "--plan-doc: kế hoạch có sẵn là của Trường Mầm non 20/10, không phải của Trường Mầm non Hoa Sen") {
		t.Errorf("another school without its plan: %v", err)
	}
	values["plan-doc"] = "../../reports/plan/importer/testdata/ke-hoach-cchc-2024.docx"
	if _, err := FromValues(values, Env{Schemas: schemas(t)}, cfgPath); err == nil || !strings.Contains(err.Error(), "là kế hoạch của Trường Mầm non 20/10") {
		t.Errorf("another school's plan document: %v", err)
	}
	values["plan-doc"] = `"../../reports/plan/importer/testdata/hoa-sen-2025.docx"` // as Windows' "Copy as path" gives it
	a, err := FromValues(values, Env{Schemas: schemas(t)}, cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := Save(a, cfgPath, nil); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Plan != "ke-hoach-2025.toml" {
		t.Errorf("config plan = %q", cfg.Plan)
	}
	m, err := makerOf(t, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Plan(); p.Reference != "Kế hoạch số 05/KH-MNHS ngày 08 tháng 01 năm 2025" || len(p.Indicators) != 13 {
		t.Errorf("plan in force: %q, %d indicators", p.Reference, len(p.Indicators))
	}
}

func TestPlaceOfBeginsWithACapital(t *testing.T) {
	tests := []struct{ parent, want string }{
		{"Ủy ban nhân dân phường Sài Gòn", "Phường Sài Gòn"},
		{"Ủy ban nhân dân Quận 1", "Quận 1"},
		{"UBND xã Bình Chánh", "Xã Bình Chánh"},
		{"Sở Giáo dục", ""},
	}
	for _, tt := range tests {
		t.Run(tt.parent, func(t *testing.T) {
			if got := placeOf(tt.parent); got != tt.want {
				t.Errorf("placeOf(%q) = %q, want %q", tt.parent, got, tt.want)
			}
		})
	}
}

// TestWebTableAsServeReadsIt: a local address is written active (serve and
// web serve the page); none, or one open to other machines (which needs a
// password first), commented out, so the service still starts.
func TestWebTableAsServeReadsIt(t *testing.T) {
	tests := []struct{ web, want, not string }{
		{"127.0.0.1:8080", "\n[web]\nlisten = \"127.0.0.1:8080\"", "# [web]"},
		{"", "# [web]\n# listen = \"127.0.0.1:8080\"", "\n[web]"},
		{"0.0.0.0:8080", "# [web]\n# listen = \"0.0.0.0:8080\"\n# public_url = \"http://ĐỊA-CHỈ-MÁY-CHỦ:8080\"", "\n[web]"},
		{"192.168.1.10:8080", "baocao user add hieutruong", "\n[web]"},
		{"192.168.1.10:8080", "# public_url = \"http://192.168.1.10:8080\"", "password_file"},
	}
	for _, tt := range tests {
		t.Run(tt.web, func(t *testing.T) {
			out := string(Render(&Answers{Web: tt.web, Found: &Found{Paths: map[string]string{}}, Titles: map[string]string{}}, filepath.Join(t.TempDir(), "baocao.toml")))
			if !strings.Contains(out, tt.want) || strings.Contains(out, tt.not) {
				t.Errorf("[web] %q written as:\n%s", tt.web, out[strings.LastIndex(out, "# Trang web"):])
			}
		})
	}
	// With accounts (made by init, or there already), a page open to
	// other machines is written active, with the phone's address.
	a := &Answers{Web: "0.0.0.0:8080", PublicURL: "http://192.168.1.10:8080", HasAccounts: true, Found: &Found{Paths: map[string]string{}}, Titles: map[string]string{}}
	out := string(Render(a, filepath.Join(t.TempDir(), "baocao.toml")))
	if !strings.Contains(out, "\n[web]\nlisten = \"0.0.0.0:8080\"\npublic_url = \"http://192.168.1.10:8080\"\n") {
		t.Errorf("[web] with accounts written as:\n%s", out[strings.LastIndex(out, "# Trang web"):])
	}
	if err := setPublicURL(a, "http://127.0.0.1:8080"); err == nil || !strings.Contains(err.Error(), "chỉ mở được trên chính máy chủ") {
		t.Errorf("a loopback public_url: %v", err)
	}
}

// makerOf is the maker of a loaded config, as the command line makes it.
func makerOf(t *testing.T, cfg *config.Config) (*reports.Maker, error) {
	t.Helper()
	rs := &reports.Settings{}
	if err := cfg.Into(rs); err != nil {
		t.Fatal(err)
	}
	if err := rs.Provision(cfg.File); err != nil {
		t.Fatal(err)
	}
	return reports.NewMaker(rs, nil)
}

// TestInterviewPlanDocument: asked for the plan, another school's clerk
// who leaves it empty or names a missing file is asked again; the plan
// document read is summed up as a table and written beside the config.
func TestInterviewPlanDocument(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	script := []string{
		"Trường Mầm non Hoa Sen", "Ủy ban nhân dân Phường Sài Gòn", "", "MNHS", "", "Lê Thị Lan",
		"Phòng Văn hóa - Xã hội", "", "ht@mnhoasen.edu.vn", "", dir, "không",
		"vhxh@tphcm.gov.vn", "", "", "", "",
		"",                       // the plan: empty, but this is not the built-in plan's school
		"khong-co-ke-hoach.docx", // no such file
		"../../reports/plan/importer/testdata/hoa-sen-2025.docx",
		"", "", "ht@mnhoasen.edu.vn", "", "hoa sen nở giữa hè", // the principal's account
		"", "Lê Thị Mai", "", "", "mùa thu lá vàng rơi", // the clerk's
		"", "", // who approves: the defaults
	}
	var out bytes.Buffer
	p := NewPrompter(strings.NewReader(strings.Join(script, "\n")+"\n"), &out)
	a, err := Interview(p, Env{Schemas: schemas(t)}, cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{
		"kế hoạch có sẵn là của Trường Mầm non 20/10, không phải của Trường Mầm non Hoa Sen",
		"khong-co-ke-hoach.docx: không tìm thấy tệp",
		"Kế hoạch: Kế hoạch số 05/KH-MNHS ngày 08 tháng 01 năm 2025",
		"13 chỉ tiêu (9 đo từ sổ sách, 4 nhập tay), 5 nhiệm vụ.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the interview did not say %q:\n%s", want, out.String())
		}
	}
	if err := Save(a, cfgPath, nil); err != nil {
		t.Fatal(err)
	}
	validates(t, cfgPath, "")
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(cfgPath), "ke-hoach-2025.toml")); err != nil || !strings.Contains(string(b), "unit = \"Trường Mầm non Hoa Sen\"") {
		t.Errorf("plan file: %v", err)
	}
}
