package signature

import (
	"bytes"
	"encoding/hex"
	"os"
	"testing"
)

// TestParseCMSWhoseSignatureEndsInZero: pdfsig (NSS) writes its CMS in
// indefinite-length BER, ended by end-of-contents zeros and followed by
// zero padding. testdata/pdfsig-rsa-ends-in-zero.hex is a /Contents value
// pdfsig wrote whose RSA signature's last byte is 0x00, as one in 256 are.
// The old reading trimmed every trailing zero and put back an even count,
// so it refused such a signature as unreadable: the one-in-256
// "signature invalid" of the signed-copy tests under a full run.
func TestParseCMSWhoseSignatureEndsInZero(t *testing.T) {
	h, err := os.ReadFile("testdata/pdfsig-rsa-ends-in-zero.hex")
	if err != nil {
		t.Fatal(err)
	}
	contents, err := hex.DecodeString(string(bytes.TrimSpace(h)))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(contents, []byte{0x30, 0x80}) || !bytes.HasSuffix(contents, make([]byte, 7)) {
		t.Fatalf("the fixture is not an indefinite-length CMS ending in zeros")
	}
	p7, err := parseCMS(contents)
	if err != nil {
		t.Fatalf("the signature is not read: %v", err)
	}
	if len(p7.Signers) != 1 {
		t.Fatalf("%d signers", len(p7.Signers))
	}
	if d := p7.Signers[0].EncryptedDigest; len(d) != 256 || d[len(d)-1] != 0 {
		t.Fatalf("the fixture's RSA signature (%d bytes) does not end in 0x00", len(d))
	}
	if c := signerCert(p7); c == nil || c.Subject.CommonName != "Nguyễn Thị Hiệu Trưởng" {
		t.Errorf("signer certificate %v", c)
	}
	n, err := berLength(contents)
	if err != nil || contents[n-1] != 0 || contents[n-2] != 0 {
		t.Fatalf("length %d (%v): not at an end-of-contents", n, err)
	}
	if _, err := parseCMS(contents[:n-1]); err == nil {
		t.Errorf("a value cut before its last end-of-contents byte is read")
	}
}

// TestBERLengthRefusesBrokenValues: a value cut short, without its
// end-of-contents, or nested past any CMS is an error, never a panic.
func TestBERLengthRefusesBrokenValues(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":                nil,
		"one zero":             {0},
		"length past the end":  {0x30, 0x82, 0x10, 0x00, 1, 2},
		"no end-of-contents":   {0x30, 0x80, 0x02, 0x01, 0x05},
		"nested too deep":      bytes.Repeat([]byte{0x30, 0x80}, 200),
		"indefinite primitive": {0x04, 0x80, 0, 0},
		"long tag":             {0x1f, 0x81, 0x82, 0x83, 0x84, 0x85, 0x01, 0x00},
		"five length bytes":    {0x30, 0x85, 1, 1, 1, 1, 1},
	} {
		if n, err := berLength(b); err == nil {
			t.Errorf("%s: length %d, no error", name, n)
		}
	}
	for name, c := range map[string]struct {
		b []byte
		n int
	}{
		"short form":        {[]byte{0x02, 0x01, 0x05, 0, 0}, 3},
		"long form":         {append([]byte{0x04, 0x81, 0x80}, make([]byte, 0x80+9)...), 0x83},
		"nested indefinite": {[]byte{0x30, 0x80, 0xa0, 0x80, 0x02, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0}, 11},
	} {
		if n, err := berLength(c.b); err != nil || n != c.n {
			t.Errorf("%s: length %d, %v; want %d", name, n, err, c.n)
		}
	}
}
