package accounts

import (
	"errors"
	"golang.org/x/text/unicode/norm"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const unit = "Trường Mầm non 20/10"

func TestHashIsPHCArgon2idAndVerifies(t *testing.T) {
	h := Hash("mật khẩu dài đủ 10")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Count(h, "$") != 5 {
		t.Fatalf("hash %q is not a PHC argon2id string", h)
	}
	if h2 := Hash("mật khẩu dài đủ 10"); h2 == h {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	if !Verify(h, "mật khẩu dài đủ 10") || Verify(h, "mật khẩu dài đủ 11") || Verify("$argon2id$garbage", "x") {
		t.Fatal("Verify accepts a wrong password or a bad hash, or refuses the right one")
	}
}

func TestCheckPasswordRefusesShortAndNames(t *testing.T) {
	for _, pw := range []string{"ngan", "truongmamnon2010", "Trường Mầm Non 20/10", "NguyenThiHongVan", "hieutruong!!!2024"} {
		if err := CheckPassword(pw, unit, "Nguyễn Thị Hồng Vân", "hieutruong"); !errors.Is(err, ErrWeakPassword) {
			t.Errorf("password %q accepted", pw)
		}
	}
	if err := CheckPassword("hoa sen nở giữa hè", unit, "Nguyễn Thị Hồng Vân", "hieutruong"); err != nil {
		t.Errorf("a good password refused: %v", err)
	}
}

func newStore(t *testing.T) (*Store, *time.Time) {
	t.Helper()
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	s := Open(filepath.Join(t.TempDir(), FileName))
	s.SetClock(func() time.Time { return now })
	return s, &now
}

func TestStoreAddListFileModeAndNoClearPassword(t *testing.T) {
	s, _ := newStore(t)
	const pw = "hoa sen nở giữa hè"
	err := s.Add(Account{Name: "HieuTruong", FullName: " Nguyễn  Thị Hồng Vân ", Email: "ht@truong.edu.vn", Role: Principal, Title: Co}, pw, unit)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(Account{Name: "hieutruong", FullName: "X", Email: "x@y.vn", Role: Clerk}, "mot mat khau khac", unit); !errors.Is(err, ErrExists) {
		t.Fatalf("a second account of one name: %v", err)
	}
	if err := s.Add(Account{Name: "pho", FullName: "Trần Văn B", Role: Deputy}, "mot mat khau khac", unit); !errors.Is(err, ErrInvalid) {
		t.Fatalf("an approver without e-mail: %v", err)
	}
	if err := s.Add(Account{Name: "x", FullName: "Trần Văn B", Role: "boss"}, "mot mat khau khac", unit); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a bad name or role: %v", err)
	}
	as, err := s.List()
	if err != nil || len(as) != 1 {
		t.Fatalf("list: %v %v", as, err)
	}
	a := as[0]
	if a.Name != "hieutruong" || a.FullName != "Nguyễn Thị Hồng Vân" || a.Greeting() != "Kính gửi cô Nguyễn Thị Hồng Vân," {
		t.Fatalf("account %+v", a)
	}
	fi, err := os.Stat(s.Path())
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("users file mode %v, %v", fi.Mode(), err)
	}
	b, _ := os.ReadFile(s.Path())
	if strings.Contains(string(b), pw) || !strings.Contains(string(b), "$argon2id$") {
		t.Fatalf("users file holds the password in clear, or no hash:\n%s", b)
	}
	// Another store on the same file (the command line beside the page)
	// sees the changes.
	other := Open(s.Path())
	if err := other.SetPassword("hieutruong", "mùa thu lá vàng rơi", unit); err != nil {
		t.Fatal(err)
	}
	a2, err := s.Get("hieutruong")
	if err != nil || a2.Generation != a.Generation+1 || !Verify(a2.Hash, "mùa thu lá vàng rơi") {
		t.Fatalf("the change from another store is not seen: %+v %v", a2, err)
	}
}

func TestTenFailuresLockForFifteenMinutes(t *testing.T) {
	s, now := newStore(t)
	const pw = "hoa sen nở giữa hè"
	if err := s.Add(Account{Name: "van", FullName: "Lê Thị Mai", Role: Clerk}, pw, unit); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= MaxFailures; i++ {
		l, err := s.Authenticate("van", "sai mat khau "+strings.Repeat("x", i))
		if i < MaxFailures && !errors.Is(err, ErrBadLogin) {
			t.Fatalf("failure %d: %v", i, err)
		}
		if i == MaxFailures && (!errors.Is(err, ErrLocked) || !l.JustLocked) {
			t.Fatalf("failure %d did not lock: %v %+v", i, err, l)
		}
	}
	if _, err := s.Authenticate("van", pw); !errors.Is(err, ErrLocked) {
		t.Fatalf("the right password while locked: %v", err)
	}
	*now = now.Add(LockFor + time.Second)
	if l, err := s.Authenticate("van", pw); err != nil || l.Account.Name != "van" {
		t.Fatalf("after the lock: %v", err)
	}
	if _, err := s.Authenticate("khong-co", pw); !errors.Is(err, ErrBadLogin) {
		t.Fatalf("unknown account: %v", err)
	}
	if err := s.SetLocked("van", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("van", pw); !errors.Is(err, ErrLocked) {
		t.Fatalf("locked by hand: %v", err)
	}
}

func TestRoles(t *testing.T) {
	if !Principal.CanApprove("ht", nil) || !Deputy.CanApprove("pho", []string{"pho"}) || Deputy.CanApprove("pho", []string{"ht"}) ||
		Clerk.CanApprove("van", []string{"van"}) || Viewer.CanOperate() || !Clerk.CanOperate() {
		t.Fatal("role rules wrong")
	}
	if _, err := ParseRole("admin"); !errors.Is(err, ErrInvalid) {
		t.Fatal("unknown role accepted")
	}
}

// TestDummyHashCostsAsAHash: the hash an unknown name is checked against
// is a real one, made with the parameters of new hashes, so that it costs
// what checking a wrong password costs.
func TestDummyHashCostsAsAHash(t *testing.T) {
	if !Verify(dummyHash, "baocao: no such account") {
		t.Fatal("dummyHash is not the hash of its text")
	}
	params := func(h string) string { return strings.Join(strings.Split(h, "$")[:4], "$") }
	if got, want := params(dummyHash), params(Hash("x")); got != want {
		t.Errorf("dummyHash's parameters %s, Hash's %s", got, want)
	}
}

// TestPasswordsInEitherUnicodeForm: a Vietnamese password set in one
// normal form (NFD, as a Mac terminal types it) is the same password
// typed in the other (NFC, as a phone's browser sends it).
func TestPasswordsInEitherUnicodeForm(t *testing.T) {
	const nfc = "hoa sen nở giữa hè"
	nfd := norm.NFD.String(nfc)
	if nfd == nfc {
		t.Fatal("the test needs a password whose forms differ")
	}
	if !Verify(Hash(nfd), nfc) || !Verify(Hash(nfc), nfd) {
		t.Error("a password in NFD and the same in NFC do not match")
	}
	if Verify(Hash(nfc), "hoa sen no giua he") {
		t.Error("the password without its accents matches")
	}
}
