package accounts

import (
	"errors"
	"testing"
)

// TestProbeUpdateKeepsTheRules: `user edit` is held to the rules of `user
// add`: an address that is not one (or one with a display name or a
// header's line end), an empty full name, or an approver's role for an
// account without an address is refused, and the file keeps the account
// as it was.
func TestProbeUpdateKeepsTheRules(t *testing.T) {
	s, _ := newStore(t)
	if err := s.Add(Account{Name: "van", FullName: "Lê Thị Mai", Role: Clerk}, "hoa sen nở giữa hè", unit); err != nil {
		t.Fatal(err)
	}
	for what, change := range map[string]func(a *Account){
		"not an address":            func(a *Account) { a.Email = "khong-phai-dia-chi" },
		"a display name":            func(a *Account) { a.Email = "Mai <van@mn2010.edu.vn>" },
		"a line end and a header":   func(a *Account) { a.Email = "van@mn2010.edu.vn\r\nBcc: ai-do@example.com" },
		"an empty full name":        func(a *Account) { a.FullName = "  " },
		"the head, with no address": func(a *Account) { a.Role = Principal },
		"a deputy, with no address": func(a *Account) { a.Role = Deputy },
		"a role outside the list":   func(a *Account) { a.Role = "admin" },
	} {
		if err := s.Update("van", change); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", what, err)
		}
	}
	a, err := s.Get("van")
	if err != nil || a.Email != "" || a.FullName != "Lê Thị Mai" || a.Role != Clerk {
		t.Fatalf("a refused change was written: %+v %v", a, err)
	}
	// An address and a role together are fine.
	if err := s.Update("van", func(a *Account) { a.Email, a.Role = "van@mn2010.edu.vn", Deputy }); err != nil {
		t.Fatal(err)
	}
	if a, _ := s.Get("van"); a.Role != Deputy || a.Email != "van@mn2010.edu.vn" {
		t.Fatalf("%+v", a)
	}
}
