package daemon

import (
	"path/filepath"
	"testing"

	"github.com/mn2010/baocao/internal/accounts"
)

// exampleAccounts is the account the example config's approvers name:
// hieutruong, the principal, at the address its reviewers had before
// accounts. The daemon mails the review messages to it.
func exampleAccounts(t testing.TB) *accounts.Store {
	t.Helper()
	store := accounts.Open(filepath.Join(t.TempDir(), accounts.FileName))
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "hieutruong.mn2010@hcm.edu.vn", Role: accounts.Principal},
		"hoa sen nở giữa hè", "Trường"); err != nil {
		t.Fatal(err)
	}
	return store
}
