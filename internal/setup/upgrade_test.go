package setup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
)

// TestUpgradeTwoReviewersOverLines: a reviewers array over several lines,
// naming the signer and a deputy, becomes two accounts — the one named
// like the signer the principal, the other a deputy named from her
// address — and approvers naming both; a report whose reviewers name the
// deputy only gets her.
func TestUpgradeTwoReviewersOverLines(t *testing.T) {
	b, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`,
		"reviewers = [\n  \"Phạm Thu Hà <pho.hieu-truong@hcm.edu.vn>\",  # the deputy\n  \"Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>\",\n]", 1)
	text = strings.Replace(text, `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`, `reviewers = ["pho.hieu-truong@hcm.edu.vn"]`, 1)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	os.WriteFile(cfgPath, []byte(text), 0o644)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	u, err := PlanUpgrade(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Accounts) != 2 || u.Accounts[0].Name != "pho.hieu-truong" || u.Accounts[0].Role != accounts.Deputy || u.Accounts[0].FullName != "Phạm Thu Hà" ||
		u.Accounts[1].Name != "hieutruong" || u.Accounts[1].Role != accounts.Principal {
		t.Fatalf("accounts %+v", u.Accounts)
	}
	u.NoPasswords()
	if err := u.Save(time.Now()); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, u.Text())
	}
	want := map[string]string{"quarterly": "pho.hieu-truong hieutruong", "half-year": "pho.hieu-truong", "annual": "hieutruong"}
	for id, w := range want {
		if got := strings.Join(c.Reports[id].Approvers, " "); got != w || len(c.Reports[id].Reviewers) != 0 {
			t.Errorf("%s: approvers %q, reviewers %q; want approvers %q", id, got, c.Reports[id].Reviewers, w)
		}
	}
	as, _ := accounts.Open(accounts.PathBeside(cfgPath)).List()
	if len(as) != 2 || !as[0].NoPassword() {
		t.Errorf("accounts file %+v", as)
	}
}

// TestInterviewKeepsExistingAccounts: init run again beside an accounts
// file that has accounts asks no account question, keeps the file, and
// names its principal as the approver; asked so, the monthly report
// waits for her too.
func TestInterviewKeepsExistingAccounts(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	store := accounts.Open(accounts.PathBeside(cfgPath))
	if err := store.Add(accounts.Account{Name: "ht", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn", Role: accounts.Principal}, "hoa sen nở giữa hè", "x"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(store.Path())
	script := []string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Phường Sài Gòn", "", "MN2010", "", "Nguyễn Thị Hồng Vân",
		"", "", "ht@mn2010.edu.vn", "", dir, "không",
		"phongnoivu@tphcm.gov.vn", "", "", "", "", "", // cc, archive, time zone, web, plan
		"", "có", // the quarterly and later wait (default), the monthly too
	}
	var out strings.Builder
	a, err := Interview(NewPrompter(strings.NewReader(strings.Join(script, "\n")+"\n"), &out), Env{Schemas: schemas(t)}, cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "đã có 1 tài khoản: giữ nguyên") || strings.Contains(out.String(), "Tên tài khoản") {
		t.Errorf("the interview with accounts there:\n%s", out.String())
	}
	if err := Save(a, cfgPath, func(string) (bool, error) { return false, nil }); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(store.Path()); string(after) != string(before) {
		t.Error("the accounts file changed")
	}
	c, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"monthly", "quarterly", "half-year", "annual"} {
		if got := c.Reports[id].Approvers; len(got) != 1 || got[0] != "ht" {
			t.Errorf("%s: approvers %q", id, got)
		}
	}
}
