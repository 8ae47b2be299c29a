package accounts

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// Errors, by class; each says, in the language in force, what is wrong.
var (
	// ErrInvalid: a name, address, role or file that cannot be used.
	ErrInvalid = catalog.NewClass(catalog.ClassAccInvalid).WithFault(fault.BadInput)
	// ErrNotFound: no such account.
	ErrNotFound = catalog.NewClass(catalog.ClassAccNotFound).WithFault(fault.NotFound)
	// ErrExists: the account name is taken.
	ErrExists = catalog.NewClass(catalog.ClassAccExists).WithFault(fault.Refused)
	// ErrBadLogin: wrong name or password.
	ErrBadLogin = catalog.NewClass(catalog.ClassAccBadLogin).WithFault(fault.Refused)
	// ErrLocked: the account is locked (by hand, or after failures).
	ErrLocked = catalog.NewClass(catalog.ClassAccLocked).WithFault(fault.Refused)
	// ErrForbidden: the account's role does not allow the action.
	ErrForbidden = catalog.NewClass(catalog.ClassAccForbidden).WithFault(fault.Refused)
)

// MaxFailures wrong passwords in a row lock an account for LockFor.
const (
	MaxFailures = 10
	LockFor     = 15 * time.Minute
)

// FileName is the accounts file's name, beside the config.
const FileName = "users.toml"

// PathBeside is the accounts file of the config at configFile.
func PathBeside(configFile string) string {
	return filepath.Join(filepath.Dir(configFile), FileName)
}

// Account is one person's account.
type Account struct {
	Name     string `toml:"name"`
	FullName string `toml:"full_name"`
	Email    string `toml:"email"`
	Role     Role   `toml:"role"`
	Title    Title  `toml:"title,omitempty"`
	// Hash is the password's argon2id hash (PHC string).
	Hash string `toml:"password_hash"`
	// Generation is raised when the password changes or the account is
	// locked by hand: sessions opened before end.
	Generation int `toml:"generation"`
	// Locked is set by `baocao user lock`, until `user lock --unlock`.
	Locked bool `toml:"locked,omitempty"`
	// LockedUntil is set after MaxFailures wrong passwords in a row.
	LockedUntil time.Time `toml:"locked_until,omitempty"`
	Failures    int       `toml:"failures,omitempty"`
	Created     time.Time `toml:"created"`
}

// NoPassword tells whether the account has no password yet: nobody
// logs in as it (its empty hash matches nothing) until `baocao user
// passwd` sets one.
func (a Account) NoPassword() bool { return a.Hash == "" }

// LockedAt tells whether the account is locked at now.
func (a Account) LockedAt(now time.Time) bool {
	return a.Locked || now.Before(a.LockedUntil)
}

// Greeting is how a message to the person opens: "Kính gửi cô Nguyễn Thị
// Hồng Vân,".
func (a Account) Greeting() string {
	if a.Title == "" {
		return "Kính gửi " + a.FullName + ","
	}
	return "Kính gửi " + string(a.Title) + " " + a.FullName + ","
}

// Signature is who decided, as records and the page show it: "Nguyễn Thị
// Hồng Vân (hiệu trưởng, tài khoản van)".
func (a Account) Signature() string {
	return fmt.Sprintf("%s (%s, tài khoản %s)", a.FullName, a.Role.Label(), a.Name)
}

type file struct {
	Accounts []Account `toml:"account"`
}

// Store is the accounts file.
type Store struct {
	path string
	now  func() time.Time

	mu     sync.Mutex
	info   fs.FileInfo // of the file last read; nil when none
	cached []Account
}

// Open returns the store kept at path; the file need not exist yet.
func Open(path string) *Store { return &Store{path: path, now: time.Now} }

// SetClock replaces time.Now, for tests.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Locked tells whether a is locked now.
func (s *Store) Locked(a Account) bool { return a.LockedAt(s.now()) }

// Path is the accounts file.
func (s *Store) Path() string { return s.path }

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

// CleanName checks an account name: 2 to 32 of a-z, 0-9, '.', '_', '-'.
func CleanName(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if !nameRE.MatchString(n) {
		return "", ErrInvalid.Newf(catalog.AccBadName, name)
	}
	return n, nil
}

// read returns the accounts, rereading the file if it changed.
func (s *Store) read() ([]Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info, err := os.Stat(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		s.info, s.cached = nil, nil
		return nil, nil
	}
	if err != nil {
		return nil, ErrInvalid.Newf(catalog.AccFileUnread, s.path, err)
	}
	if s.info != nil && os.SameFile(s.info, info) && s.info.ModTime().Equal(info.ModTime()) && s.info.Size() == info.Size() {
		return s.cached, nil
	}
	as, err := load(s.path)
	if err != nil {
		return nil, err
	}
	s.info, s.cached = info, as
	return as, nil
}

func load(path string) ([]Account, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, ErrInvalid.Newf(catalog.AccFileUnread, path, err)
	}
	var f file
	d := toml.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&f); err != nil {
		return nil, ErrInvalid.Newf(catalog.AccFileBad, path, err)
	}
	return f.Accounts, nil
}

// List returns every account, sorted by name.
func (s *Store) List() ([]Account, error) {
	as, err := s.read()
	if err != nil {
		return nil, err
	}
	out := slices.Clone(as)
	slices.SortFunc(out, func(a, b Account) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// Empty tells whether there is no account yet.
func (s *Store) Empty() (bool, error) {
	as, err := s.read()
	return len(as) == 0, err
}

// Get returns the account named name.
func (s *Store) Get(name string) (Account, error) {
	as, err := s.read()
	if err != nil {
		return Account{}, err
	}
	n := strings.ToLower(strings.TrimSpace(name))
	for _, a := range as {
		if a.Name == n {
			return a, nil
		}
	}
	return Account{}, ErrNotFound.Newf(catalog.AccNamed, name)
}

// update rewrites the file whole under the lock file, with change
// applied to the accounts as they are on disk now.
func (s *Store) update(change func(as []Account) ([]Account, error)) error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return catalog.AccFileWrite.Errorf(s.path, err)
	}
	l := flock.New(s.path + ".lock")
	if err := l.Lock(); err != nil {
		return catalog.AccFileLock.Errorf(s.path, err)
	}
	defer l.Unlock()
	as, err := load(s.path)
	if err != nil {
		return err
	}
	as, err = change(slices.Clone(as))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("# Tài khoản của baocao: chỉ sửa bằng lệnh `baocao user`. Mật khẩu chỉ được lưu dạng băm argon2id.\n")
	if err := toml.NewEncoder(&buf).Encode(file{Accounts: as}); err != nil {
		return catalog.AccFileWrite.Errorf(s.path, err)
	}
	return WriteFile(s.path, buf.Bytes())
}

// modify applies change to the account named name.
func (s *Store) modify(name string, change func(a *Account) error) error {
	n := strings.ToLower(strings.TrimSpace(name))
	return s.update(func(as []Account) ([]Account, error) {
		for i := range as {
			if as[i].Name == n {
				return as, change(&as[i])
			}
		}
		return nil, ErrNotFound.Newf(catalog.AccNamedList, name)
	})
}

// Add creates an account with password; unit is the unit's name, refused
// as a password like the person's and the account's names.
func (s *Store) Add(a Account, password, unit string) error {
	return s.AddAll(unit, New{Account: a, Password: password})
}

// New is an account to create, with its password.
type New struct {
	Account
	Password string
	// Later: made with no password (`baocao init --upgrade` without a
	// terminal); nobody logs in as it until `baocao user passwd` sets one.
	Later bool
}

// AddAll creates the accounts in one write: all of them, or (when one is
// refused) none. `baocao init` makes the principal's and the clerk's so.
func (s *Store) AddAll(unit string, list ...New) error {
	made := make([]Account, 0, len(list))
	for _, n := range list {
		a, err := s.prepare(n, unit)
		if err != nil {
			return err
		}
		for _, o := range made {
			if o.Name == a.Name {
				return ErrExists.Newf(catalog.AccTaken, a.Name, a.Name)
			}
		}
		made = append(made, a)
	}
	return s.update(func(as []Account) ([]Account, error) {
		for _, a := range made {
			for _, o := range as {
				if o.Name == a.Name {
					return nil, ErrExists.Newf(catalog.AccTaken, a.Name, a.Name)
				}
			}
		}
		return append(as, made...), nil
	})
}

// Check tells whether a could be created with password (name, full
// name, role, address and password rules), without creating it: init
// asks again at once when an answer is refused.
func Check(a Account, password, unit string) error {
	_, err := (&Store{now: time.Now}).prepare(New{Account: a, Password: password}, unit)
	return err
}

// prepare checks a new account and fills in its hash and bookkeeping.
func (s *Store) prepare(n New, unit string) (Account, error) {
	a, password := n.Account, n.Password
	var err error
	if a.Name, err = CleanName(a.Name); err != nil {
		return a, err
	}
	a.FullName = norm.NFC.String(strings.Join(strings.Fields(a.FullName), " "))
	if a.FullName == "" {
		return a, ErrInvalid.Newf(catalog.AccNeedsName)
	}
	if _, err := ParseRole(string(a.Role)); err != nil {
		return a, err
	}
	if err := CheckEmail(a.Email, a.Role); err != nil {
		return a, err
	}
	a.Hash = ""
	if !n.Later {
		if err := CheckPassword(password, unit, a.FullName, a.Name); err != nil {
			return a, err
		}
		a.Hash = Hash(password)
	}
	a.Created = s.now().UTC().Truncate(time.Second)
	a.Generation, a.Locked, a.LockedUntil, a.Failures = 1, false, time.Time{}, 0
	return a, nil
}

// CheckEmail checks an account's address: a bare address, required for
// an approver (the review message goes there).
func CheckEmail(email string, role Role) error {
	if email != "" {
		addr, err := mail.ParseAddress(email)
		if err != nil || addr.Name != "" {
			return ErrInvalid.Newf(catalog.AccBadEmail, email)
		}
	} else if role.Approver() {
		return ErrInvalid.Newf(catalog.AccNeedsEmail)
	}
	return nil
}

// SetPassword changes an account's password and ends its sessions
// (except the one the caller opens again); it also unlocks an account
// locked after failures.
func (s *Store) SetPassword(name, password, unit string) error {
	a, err := s.Get(name)
	if err != nil {
		return err
	}
	if err := CheckPassword(password, unit, a.FullName, a.Name); err != nil {
		return err
	}
	h := Hash(password)
	return s.modify(name, func(a *Account) error {
		a.Hash = h
		a.Generation++
		a.Failures, a.LockedUntil = 0, time.Time{}
		return nil
	})
}

// Update changes an account's details (not its name or password): role,
// full name, e-mail, title, held to the rules of a new account (a full
// name, a bare address, one for an approver). A role change takes effect
// on open sessions at once, since they read the account on every
// request.
func (s *Store) Update(name string, change func(a *Account)) error {
	return s.modify(name, func(a *Account) error {
		gen, hash, n := a.Generation, a.Hash, a.Name
		change(a)
		a.Generation, a.Hash, a.Name = gen, hash, n
		// The rules of a new account hold for a changed one.
		if _, err := ParseRole(string(a.Role)); err != nil {
			return err
		}
		a.FullName = norm.NFC.String(strings.Join(strings.Fields(a.FullName), " "))
		if a.FullName == "" {
			return fmt.Errorf("%w: cần họ tên đầy đủ (--full-name \"Nguyễn Thị Hồng Vân\")", ErrInvalid)
		}
		return CheckEmail(a.Email, a.Role)
	})
}

// Remove deletes an account; its sessions end.
func (s *Store) Remove(name string) error {
	n := strings.ToLower(strings.TrimSpace(name))
	return s.update(func(as []Account) ([]Account, error) {
		for i := range as {
			if as[i].Name == n {
				return slices.Delete(as, i, i+1), nil
			}
		}
		return nil, ErrNotFound.Newf(catalog.AccNamedList, name)
	})
}

// SetLocked locks an account until it is unlocked (its sessions end), or
// unlocks it (and forgets its failures).
func (s *Store) SetLocked(name string, locked bool) error {
	return s.modify(name, func(a *Account) error {
		if locked && !a.Locked {
			a.Generation++
		}
		a.Locked = locked
		if !locked {
			a.LockedUntil, a.Failures = time.Time{}, 0
		}
		return nil
	})
}

// Login is the outcome of Authenticate.
type Login struct {
	Account Account
	// JustLocked is set when this failure locked the account: admin_email
	// should be told.
	JustLocked bool
}

// Authenticate checks name's password. A wrong one counts a failure; the
// MaxFailures-th in a row locks the account for LockFor (JustLocked). A
// locked account is refused even with the right password (ErrLocked); an
// unknown name answers ErrBadLogin after the same work.
func (s *Store) Authenticate(name, password string) (Login, error) {
	a, err := s.Get(name)
	if errors.Is(err, ErrNotFound) {
		Verify(dummyHash, password)
		return Login{}, ErrBadLogin
	}
	if err != nil {
		return Login{}, err
	}
	ok := Verify(a.Hash, password)
	now := s.now()
	if a.LockedAt(now) {
		return Login{Account: a}, ErrLocked.Newf(catalog.AccLockedName, a.Name)
	}
	if ok {
		if a.Failures > 0 {
			_ = s.modify(a.Name, func(x *Account) error { x.Failures = 0; return nil })
		}
		return Login{Account: a}, nil
	}
	var out Login
	err = s.modify(a.Name, func(x *Account) error {
		if x.LockedAt(now) {
			return nil
		}
		x.Failures++
		if x.Failures >= MaxFailures {
			x.Failures = 0
			x.LockedUntil = now.Add(LockFor).UTC()
			x.Generation++ // a locked account's sessions end too
			out.JustLocked = true
		}
		out.Account = *x
		return nil
	})
	if err != nil {
		return out, err
	}
	if out.JustLocked {
		return out, ErrLocked.Newf(catalog.AccLockedName, a.Name)
	}
	return out, ErrBadLogin
}
