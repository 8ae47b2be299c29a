package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const base = `
archive = "archive"
official_domains = ["hcm.edu.vn"]
[unit]
name = "Trường Mầm non 20/10"
[sources.dossiers]
path = "data/ho-so.xlsx"
[reports.monthly]
period = "month"
schedule = "0 7 15 * *"
to = ["phongnoivu@tphcm.gov.vn"]
`

func load(t *testing.T, text string) (*Config, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "baocao.toml")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return Load(p)
}

func TestLoadExample(t *testing.T) {
	c, err := Load("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Location.String() != "Asia/Ho_Chi_Minh" || len(c.Reports) != 4 || len(c.Sources) != 8 {
		t.Errorf("example config: %v, %d reports, %d sources", c.Location, len(c.Reports), len(c.Sources))
	}
	if got := c.Path(c.Sources["dossiers"].Path); got != filepath.Join(c.Dir, "examples", "data", "ho-so-tthc.xlsx") {
		t.Errorf("paths should be relative to the config file: %s", got)
	}
	if len(c.Warnings) != 0 {
		t.Errorf("warnings %v", c.Warnings)
	}
}

func TestBadConfigs(t *testing.T) {
	tests := []struct {
		name, text string
		words      []string
	}{
		{"unknown key", base + "\n[smtp]\nhots = \"x\"\n", []string{"dòng 14", "không có khoá", "hots"}},
		{"wrong type", strings.Replace(base, `archive = "archive"`, `archive = 3`, 1), []string{"dòng 2", "archive"}},
		{"unknown time zone", "timezone = \"Asia/Saigon2\"\n" + base, []string{"timezone", "Asia/Saigon2"}},
		{"impossible date", strings.Replace(base, "0 7 15 * *", "0 0 30 2 *", 1), []string{"[reports.monthly] schedule", "không bao giờ chạy"}},
		{"missing fields", strings.Replace(base, "0 7 15 * *", "0 7 15", 1), []string{"[reports.monthly] schedule", "năm phần"}},
		{"bare CRON_TZ", strings.Replace(base, "0 7 15 * *", "CRON_TZ=Asia/Ho_Chi_Minh", 1), []string{"[reports.monthly] schedule", "CRON_TZ"}},
		{"bad period kind", strings.Replace(base, `period = "month"`, `period = "week"`, 1), []string{"[reports.monthly] period", "week"}},
		{"malformed address", strings.Replace(base, "phongnoivu@tphcm.gov.vn", "phongnoivu.tphcm.gov.vn", 1), []string{"to/cc", "viết chưa đúng"}},
		{"plaintext to a remote host", base + "[smtp]\nhost = \"smtp.example.vn\"\nport = 25\nsecurity = \"none\"\nfrom = \"a@hcm.edu.vn\"\n", []string{"security = \"none\"", "smtp.example.vn", "starttls"}},
		{"unknown security", base + "[smtp]\nhost = \"smtp.example.vn\"\nsecurity = \"ssl\"\nfrom = \"a@hcm.edu.vn\"\n", []string{"security = \"ssl\""}},
		{"negative e-mail threshold", base + "email_threshold = -1\n", []string{"[reports.monthly] email_threshold", "từ 0 đến 100"}},
		{"no reports", "[unit]\nname = \"x\"\n", []string{"[reports.TÊN]"}},
		{"unknown attachment", base + "attach = [\"pdf\", \"odt\"]\n", []string{"dòng 12", "attach", "odt", "\"docx\""}},
		{"empty attachments", base + "attach = []\n", []string{"[reports.monthly] attach để trống"}},
		{"attachment twice", base + "attach = [\"pdf\", \"PDF\"]\n", []string{"[reports.monthly] attach", "hai lần"}},
		{"attachment not text", base + "attach = \"pdf\"\n", []string{"dòng 12", "attach"}},
		{"report id leaving the archive", strings.Replace(base, "[reports.monthly]", `[reports."../../x"]`, 1), []string{`[reports."../../x"]`, "a-z"}},
		{"report id with capitals", strings.Replace(base, "[reports.monthly]", `[reports.Monthly]`, 1), []string{`"Monthly"`, "chữ thường"}},
		{"malformed reviewer", base + "reviewers = [\"Nguyễn Thị Hồng Vân hieutruong.mn2010@hcm.edu.vn\"]\n", []string{"[reports.monthly] reviewers", "viết chưa đúng"}},
		{"reviewer without domain", base + "reviewers = [\"a@localhost\"]\n", []string{"[reports.monthly] reviewers", "a@localhost"}},
		{"reviewer twice", base + "reviewers = [\"Vân <hieutruong.mn2010@hcm.edu.vn>\", \"HIEUTRUONG.MN2010@hcm.edu.vn\"]\n", []string{"[reports.monthly] reviewers", "hai lần"}},
		{"reviewers not a list", base + "reviewers = \"a@hcm.edu.vn\"\n", []string{"dòng 12", "reviewers"}},
		{"deadline day zero", base + "deadline_day = 0\n", []string{"[reports.monthly] deadline_day = 0", "từ 1 đến 28"}},
		{"deadline day 29", base + "deadline_day = 29\n", []string{"[reports.monthly] deadline_day = 29", "từ 1 đến 28"}},
		{"deadline day text", base + "deadline_day = \"20\"\n", []string{"dòng 12", "deadline_day"}},
		{"public_url without scheme", base + "[web]\npublic_url = \"192.168.1.10:8080\"\n", []string{`[web] public_url = "192.168.1.10:8080"`, "http://192.168.1.10:8080"}},
		{"public_url not http", base + "[web]\npublic_url = \"ftp://192.168.1.10/\"\n", []string{"[web] public_url"}},
		{"archive is a source's file", strings.Replace(base, `archive = "archive"`, `archive = "data/ho-so.xlsx"`, 1), []string{`archive "data/ho-so.xlsx"`, "[sources.dossiers]", "thư mục riêng"}},
		{"archive inside a source path", strings.Replace(base, `archive = "archive"`, `archive = "data/ho-so.xlsx/kho"`, 1), []string{"[sources.dossiers]"}},
		{"archive written another way", strings.Replace(base, `archive = "archive"`, `archive = "./data/../data/ho-so.xlsx"`, 1), []string{"[sources.dossiers]"}},
		{"source inside the archive", strings.Replace(base, `path = "data/ho-so.xlsx"`, `path = "archive/monthly/2024-03/v1/bao-cao.xlsx"`, 1), []string{"[sources.dossiers] path", "kho lưu trữ"}},
		{"source is the password file", base + "[smtp]\nhost = \"127.0.0.1\"\nsecurity = \"none\"\nfrom = \"a@hcm.edu.vn\"\nusername = \"u\"\npassword_file = \"data/ho-so.xlsx\"\n", []string{"[sources.dossiers] path", "password_file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.text)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

// TestSourceLinkedToASecret: a source whose path is a symbolic link to the
// web page's password file is refused at load.
func TestSourceLinkedToASecret(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "web-password"), []byte("mật-khẩu-trang-web\n"), 0o600)
	os.Mkdir(filepath.Join(dir, "data"), 0o755)
	if err := os.Symlink(filepath.Join(dir, "web-password"), filepath.Join(dir, "data", "ho-so.xlsx")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "baocao.toml")
	os.WriteFile(p, []byte(base+"[web]\npassword_file = \"web-password\"\n"), 0o644)
	_, err := Load(p)
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "[sources.dossiers] path") {
		t.Errorf("err = %v, want the source refused", err)
	}
}

func TestAttach(t *testing.T) {
	tests := []struct {
		name, text string
		want       []FileKind
	}{
		{"default: as before the Word draft", base, []FileKind{PDF, XLSX}},
		{"chosen, in the order given", base + "attach = [\"docx\", \"pdf\"]\n", []FileKind{DOCX, PDF}},
		{"any case", base + "attach = [\" XLSX \"]\n", []FileKind{XLSX}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(t, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Reports["monthly"].Attach; !slices.Equal(got, tt.want) {
				t.Errorf("attach = %v, want %v", got, tt.want)
			}
		})
	}
	if DOCX.String() != "bản Word để chỉnh sửa" || DOCX.Ext() != ".docx" {
		t.Errorf("docx: %q %q", DOCX.String(), DOCX.Ext())
	}
}

func TestReviewKeys(t *testing.T) {
	tests := []struct {
		name, text string
		reviewers  []string
		day        int
	}{
		{"default: no review, due the 20th", base, nil, 20},
		{"reviewers and a deadline", base + "reviewers = [\"Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>\"]\ndeadline_day = 10\n",
			[]string{"Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"}, 10},
		{"bounds", base + "deadline_day = 1\n", nil, 1},
		{"upper bound", base + "deadline_day = 28\nreviewers = []\n", []string{}, 28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(t, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			r := c.Reports["monthly"]
			if !slices.Equal(r.Reviewers, tt.reviewers) || r.DeadlineDay != tt.day || r.Reviewed() != (len(tt.reviewers) > 0) {
				t.Errorf("reviewers %v (reviewed %v), deadline day %d; want %v, %d", r.Reviewers, r.Reviewed(), r.DeadlineDay, tt.reviewers, tt.day)
			}
		})
	}
}

func TestExampleReviewers(t *testing.T) {
	c, err := Load("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The monthly figures go out by themselves; the documents the principal
	// signs wait for her, and she is the signer the document names.
	for id, r := range c.Reports {
		want := id != "monthly"
		if r.Reviewed() != want || r.DeadlineDay != 20 {
			t.Errorf("%s: reviewed %v, deadline day %d; want reviewed %v, day 20", id, r.Reviewed(), r.DeadlineDay, want)
		}
		for _, a := range r.Reviewers {
			if !strings.HasPrefix(a, c.Unit.SignerName+" <") {
				t.Errorf("%s: reviewer %q is not the signer %q", id, a, c.Unit.SignerName)
			}
		}
	}
}

func TestSeriesAndThreshold(t *testing.T) {
	c, err := load(t, base+"\n[reports.annual]\nperiod = \"year\"\nto = [\"a@hcm.edu.vn\"]\n"+
		"[reports.q]\nperiod = \"quarter\"\nseries = true\nemail_threshold = 2.5\nto = [\"a@hcm.edu.vn\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]bool{"monthly": false, "annual": true, "q": true} {
		if got := c.Reports[id].WantsSeries(); got != want {
			t.Errorf("%s: series %v, want %v", id, got, want)
		}
	}
	if got := c.Reports["q"].Threshold(); got != 0.025 {
		t.Errorf("threshold %v, want 0.025", got)
	}
	if got := c.Reports["monthly"].Threshold(); got != 0.05 {
		t.Errorf("default threshold %v, want 0.05", got)
	}
}

func TestSMTPDefaultsAndWarnings(t *testing.T) {
	c, err := load(t, base+"[smtp]\nhost = \"127.0.0.1\"\nport = 1025\nsecurity = \"none\"\nfrom = \"Trường <a@hcm.edu.vn>\"\npassword = \"secret\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "password_env") || strings.Contains(c.Warnings[0], "secret") {
		t.Errorf("warnings %v: want one pointing to password_env, never showing the password", c.Warnings)
	}
	c, err = load(t, base+"[smtp]\nhost = \"smtp.example.vn\"\nport = 465\nfrom = \"a@hcm.edu.vn\"\n")
	if err != nil || c.SMTP.Security != TLS {
		t.Errorf("port 465 should default to tls: %v %v", c.SMTP.Security, err)
	}
}

func TestParseSchedule(t *testing.T) {
	loc := mustLoc(t)
	for spec, ok := range map[string]bool{
		"0 7 15 * *": true, "0 7 15 3,6,9,12 *": true, "@monthly": true, "CRON_TZ=Asia/Ho_Chi_Minh 0 7 15 * *": true,
		"0 7 29 2 *": true, "0 0 30 2 *": false, "0 0 31 4 *": false, "* *": false, "CRON_TZ=": false, "": false, "61 * * * *": false,
	} {
		if _, err := ParseSchedule(spec, loc); (err == nil) != ok {
			t.Errorf("ParseSchedule(%q) err = %v, want ok %v", spec, err, ok)
		}
	}
}

func mustLoc(t *testing.T) *time.Location {
	c, err := load(t, base)
	if err != nil {
		t.Fatal(err)
	}
	return c.Location
}

// TestScheduleInTheConfiguredZone: the fields are read on the configured
// zone's clock whatever the zone of the time asked about, and a time a
// daylight-saving gap skips fires at the first valid time after it.
func TestScheduleInTheConfiguredZone(t *testing.T) {
	hcm, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	ny, _ := time.LoadLocation("America/New_York")
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tests := []struct {
		name, spec string
		loc        *time.Location
		after      time.Time
		want       time.Time
	}{
		{"asked in UTC, fires at 07:00 in Viet Nam", "0 7 15 * *", hcm,
			time.Date(2024, 3, 14, 23, 0, 0, 0, time.UTC), time.Date(2024, 3, 15, 7, 0, 0, 0, hcm)},
		{"00:30 UTC is already 07:30 in Viet Nam: next month", "0 7 15 * *", hcm,
			time.Date(2024, 3, 15, 0, 30, 0, 0, time.UTC), time.Date(2024, 4, 15, 7, 0, 0, 0, hcm)},
		{"02:30 skipped in New York: 03:00 that day", "30 2 * * *", ny,
			time.Date(2024, 3, 10, 0, 0, 0, 0, ny), time.Date(2024, 3, 10, 3, 0, 0, 0, ny)},
		{"the day after the gap: 02:30 again", "30 2 * * *", ny,
			time.Date(2024, 3, 10, 3, 0, 0, 0, ny), time.Date(2024, 3, 11, 2, 30, 0, 0, ny)},
		{"02:15 skipped in Berlin", "15 2 31 3 *", berlin,
			time.Date(2024, 3, 30, 12, 0, 0, 0, time.UTC), time.Date(2024, 3, 31, 3, 0, 0, 0, berlin)},
		{"01:30 twice in New York: fires once", "30 1 * * *", ny,
			time.Date(2024, 11, 3, 1, 30, 0, 0, ny), time.Date(2024, 11, 4, 1, 30, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchedule(tt.spec, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Next(tt.after); !got.Equal(tt.want) {
				t.Errorf("Next(%v) = %v, want %v", tt.after, got, tt.want)
			}
		})
	}
	// Every minute of the gap fires at 03:00, once.
	s, _ := ParseSchedule("*/10 2 * * *", ny)
	first := s.Next(time.Date(2024, 3, 10, 0, 0, 0, 0, ny))
	second := s.Next(first)
	if !first.Equal(time.Date(2024, 3, 10, 3, 0, 0, 0, ny)) || !second.Equal(time.Date(2024, 3, 11, 2, 0, 0, 0, ny)) {
		t.Errorf("a gap of several fires: %v then %v", first, second)
	}
}
