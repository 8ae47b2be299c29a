package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// ErrWeakPassword is a password the rules refuse.
var ErrWeakPassword = catalog.NewClass(catalog.ClassAccWeak).WithFault(fault.BadInput)

// MinPassword is the shortest password accepted, in characters.
const MinPassword = 10

// The argon2id parameters of new hashes (OWASP's: 19 MiB, 2 passes, one
// lane). A hash keeps its own, so they can be raised later.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

var b64 = base64.RawStdEncoding

// Hash is password's argon2id hash in the PHC string format, with a new
// random salt. The password is taken in NFC, as Verify takes it: "hè"
// typed on a Mac terminal (NFD) and on a phone's page (NFC) is one
// password.
func Hash(password string) string {
	password = norm.NFC.String(password)
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key))
}

// dummyHash is checked against when there is no account, so that an
// unknown name answers as slowly as a wrong password. It is written out
// (Hash("baocao: no such account") once) rather than computed when the
// package starts: that took 19 MiB and ~80 ms at every start of every
// command, and the idle daemon's resident memory kept the 19 MiB
// (TestDummyHashCostsAsAHash checks its parameters are those of Hash).
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$s40iAA8uxyMQFmktG0xvTA$kxinMx4F3AU7KQ6I1/++lOxOimGY1xyUsjBjhXsp5Ac"

// Verify tells whether password matches an encoded hash; a hash that
// cannot be read matches nothing.
func Verify(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<20 || t > 64 {
		return false
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(norm.NFC.String(password)), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// CheckPassword refuses a password shorter than MinPassword characters,
// or one that is only one of names (the unit's, the person's, the
// account's) with case, accents, spaces, digits or punctuation changed.
func CheckPassword(password string, names ...string) error {
	password = norm.NFC.String(password) // its characters as a person counts them
	if utf8.RuneCountInString(password) < MinPassword {
		return ErrWeakPassword.Newf(catalog.AccShort, MinPassword)
	}
	p := fold(password, true)
	pl := fold(password, false)
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		fd, fl := fold(n, true), fold(n, false)
		if (fd != "" && p == fd) || (fl != "" && pl == fl) {
			return ErrWeakPassword.Newf(catalog.AccIsAName, n)
		}
	}
	return nil
}

// fold lowers s, takes its accents off (đ becomes d) and keeps only its
// letters, and its digits when digits is set.
func fold(s string, digits bool) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r), digits && unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
