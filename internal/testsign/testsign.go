// Package testsign signs PDFs for tests the way a unit's signing tool
// does, by an incremental update, with a real signer no one here wrote:
// poppler's pdfsig and a certificate in an NSS database (certutil,
// pk12util), made by openssl. Like every external tool of the tests, the
// tools are skipped on a workstation without them and fail under CI.
package testsign

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/testtools"
)

// Require skips the test (fails it under CI) without the tools: OpenSSL,
// NSS's certutil and pk12util, and poppler's pdfsig.
func Require(t testing.TB) {
	t.Helper()
	for _, name := range []string{"openssl", "certutil", "pk12util", "pdfsig"} {
		testtools.Command(t, name)
	}
}

// Signer is a CA, a person's certificate signed by it, and an NSS database
// holding both (the CA trusted), as a USB token's software has them.
type Signer struct {
	Dir    string // where the keys, certificates and database are
	NSSDir string // the NSS database, as pdfsig's -nssdir takes it
	CA     string // the CA certificate, PEM
	Nick   string // the person's certificate nickname in the database
}

// New makes a CA named ca and a certificate for person (its common name)
// in dir, valid from a day ago for days days.
func New(dir, ca, person string, days int) (*Signer, error) {
	s := &Signer{Dir: dir, NSSDir: "sql:" + filepath.Join(dir, "nss"), CA: filepath.Join(dir, "ca.crt"), Nick: "signer"}
	if err := os.MkdirAll(filepath.Join(dir, "nss"), 0o755); err != nil {
		return nil, err
	}
	ext := filepath.Join(dir, "ext.cnf")
	if err := os.WriteFile(ext, []byte("keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n"), 0o644); err != nil {
		return nil, err
	}
	steps := [][]string{
		{"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", "ca.key", "-out", "ca.crt",
			"-days", fmt.Sprint(days + 1), "-subj", "/CN=" + ca + "/O=" + ca + "/C=VN"},
		{"openssl", "req", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", "person.key", "-out", "person.csr",
			"-subj", "/CN=" + person + "/C=VN"},
		{"openssl", "x509", "-req", "-in", "person.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
			"-out", "person.crt", "-days", fmt.Sprint(days), "-extfile", "ext.cnf"},
		{"openssl", "pkcs12", "-export", "-inkey", "person.key", "-in", "person.crt", "-certfile", "ca.crt",
			"-name", s.Nick, "-out", "person.p12", "-passout", "pass:test"},
		{"certutil", "-N", "-d", s.NSSDir, "--empty-password"},
		{"pk12util", "-i", "person.p12", "-d", s.NSSDir, "-W", "test"},
		{"certutil", "-A", "-d", s.NSSDir, "-n", "ca", "-t", "CT,C,C", "-i", "ca.crt"},
	}
	for _, st := range steps {
		if _, err := run(dir, st...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Sign signs in into out with pdfsig -add-signature.
func (s *Signer) Sign(in, out string) error {
	_, err := run(s.Dir, "pdfsig", "-nssdir", s.NSSDir, "-add-signature", "-nick", s.Nick, "-reason", "Phê duyệt", in, out)
	return err
}

// Check runs pdfsig on a signed file against the database (the CA
// trusted) and returns its report.
func (s *Signer) Check(file string) (string, error) {
	return run(s.Dir, "pdfsig", "-nssdir", s.NSSDir, file)
}

// Valid says whether pdfsig's report calls every signature valid.
func Valid(report string) bool {
	n := strings.Count(report, "Signature Validation:")
	return n > 0 && strings.Count(report, "Signature Validation: Signature is Valid.") == n
}

func run(dir string, args ...string) (string, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String(), nil
}
