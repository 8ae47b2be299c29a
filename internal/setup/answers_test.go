package setup

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestUnquoteAndLists(t *testing.T) {
	for in, want := range map[string]string{
		`"C:\Users\Van thu\Số liệu"`: `C:\Users\Van thu\Số liệu`, ` 'D:\bao cao' `: `D:\bao cao`, "“/home/vt/so lieu”": "/home/vt/so lieu",
		"/plain/path": "/plain/path", `"`: `"`,
	} {
		if got := Unquote(in); got != want {
			t.Errorf("Unquote(%q) = %q, want %q", in, got, want)
		}
	}
	got := addressList("a@x.vn; b@y.vn,c@z.vn\nd@w.vn;\r\n")
	if !slices.Equal(got, []string{"a@x.vn", "b@y.vn", "c@z.vn", "d@w.vn"}) {
		t.Errorf("addressList: %q", got)
	}
}

func TestTypoDomains(t *testing.T) {
	known := append(CommonDomains, "mn2010.edu.vn")
	for addr, want := range map[string]string{
		"vanthu@gmial.com": "gmail.com", "vanthu@gmail.co": "gmail.com", "a@mn2010.hcm.edu.vm": "hcm.edu.vn",
		"phongnoivu@tphcm.gov.vm": "tphcm.gov.vn", "x@gmail.com": "", "x@mn2010.hcm.edu.vn": "", "x@truong.edu.vn": "",
		"Nguyễn Văn A <a@yaho.com>": "yahoo.com", "x@example.org": "",
	} {
		if got := typoDomain(addr, known); got != want {
			t.Errorf("typoDomain(%q) = %q, want %q", addr, got, want)
		}
	}
}

// A parent folder whose subfolders hold the workbooks is searched two
// levels down; deeper ones are not.
func TestFindSourcesInSubfolders(t *testing.T) {
	dir := data(t)
	parent := filepath.Dir(filepath.Dir(dir))
	nested := filepath.Join(parent, "Du lieu", "2024")
	os.MkdirAll(filepath.Dir(nested), 0o755)
	if err := os.Rename(dir, nested); err != nil {
		t.Fatal(err)
	}
	f, err := FindSources(parent, schemas(t), UsualFiles)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Missing) != 0 || filepath.Dir(f.Paths["dossiers"]) != nested {
		t.Errorf("from the parent: found %v, missing %v", f.Paths, f.Missing)
	}
	deeper := filepath.Join(t.TempDir(), "a", "b", "c")
	os.MkdirAll(filepath.Dir(deeper), 0o755)
	os.Rename(nested, deeper)
	if f, err := FindSources(filepath.Dir(filepath.Dir(filepath.Dir(deeper))), schemas(t), UsualFiles); err != nil || len(f.Paths) != 0 {
		t.Errorf("three levels down: found %v (%v)", f.Paths, err)
	}
}

// The interview takes answers as clerks give them: a quoted folder, ";"
// between addresses; a mistyped domain is asked again and the same answer
// a second time is kept; "none" for a loopback server is said to be
// unencrypted.
func TestInterviewTakesAnswersAsGiven(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	script := []string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Phường Sài Gòn", "", "MN2010", "", "Nguyễn Thị Hồng Vân",
		"", "Phòng Nội vụ; Ủy ban nhân dân Phường Sài Gòn", // addressees: the parent; recipients
		"hieutruong@gmial.com",        // admin: a typo, asked again
		"hieutruong@gmail.com",        // corrected
		"",                            // domains
		`"` + filepath.Dir(dir) + `"`, // data: the parent, in quotes
		"có", "localhost", "", "none", "", "", "đúng-rồi",
		"phongnoivu.q1@tphcm.gov.vm; vanphong@tphcm.gov.vn", // to: a typo
		"phongnoivu.q1@tphcm.gov.vm; vanphong@tphcm.gov.vn", // the same again: kept
		"", "", "", "", "",
		"", "", "ht@gmail.com", "", "hoa sen nở giữa hè", // the principal's account
		"", "Lê Thị Mai", "", "", "mùa thu lá vàng rơi", // the clerk's
		"", "", // who approves: the defaults
	}
	var out bytes.Buffer
	mail := &fakeMail{}
	a, err := Interview(NewPrompter(strings.NewReader(strings.Join(script, "\n")+"\n"), &out), Env{Schemas: schemas(t), Mailer: mail.send}, cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	said := out.String()
	for _, w := range []string{"tên miền gần giống gmail.com", "tên miền gần giống tphcm.gov.vn", `bảo mật "none"`} {
		if !strings.Contains(said, w) {
			t.Errorf("the interview did not say %q:\n%s", w, said)
		}
	}
	if a.AdminEmail != "hieutruong@gmail.com" || !slices.Equal(a.To, []string{"phongnoivu.q1@tphcm.gov.vm", "vanphong@tphcm.gov.vn"}) ||
		a.Security != "none" || len(a.Found.Missing) != 0 {
		t.Errorf("answers: admin %q, to %q, security %q, missing %v", a.AdminEmail, a.To, a.Security, a.Found.Missing)
	}
	if _, err := FromValues(map[string]string{"unit": "x", "parent": "y", "symbol": "X", "signer-name": "z", "recipients": "a",
		"admin-email": "a@gmial.com", "to": "b@hcm.edu.vn", "data": `"` + dir + `"`}, Env{Schemas: schemas(t)}, cfgPath); err == nil ||
		!strings.Contains(err.Error(), "--admin-email") || !strings.Contains(err.Error(), "gmail.com") || strings.Contains(err.Error(), "--data") {
		t.Errorf("scripted: %v", err)
	}
}
