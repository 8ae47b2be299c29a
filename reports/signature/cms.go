package signature

import (
	"bytes"
	"crypto/sha1"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/smallstep/pkcs7"
)

// Signer is one signature of a signed copy: who signed, with which
// certificate, when.
type Signer struct {
	Name      string    `json:"name"`    // the certificate subject's common name
	Subject   string    `json:"subject"` // the full subject (RFC 2253)
	Issuer    string    `json:"issuer"`  // the certificate's issuer, the CA (shown, not judged)
	Serial    string    `json:"serial"`  // the certificate's serial number, in hex
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	// SigningTime is the time in the CMS signed attributes, else (for
	// CAdES, which has none) the /M the signing tool wrote; zero when
	// neither is there. For a document timestamp it is the stamp's time.
	SigningTime time.Time `json:"signing_time,omitzero"`
	SubFilter   string    `json:"sub_filter,omitempty"` // adbe.pkcs7.detached, ETSI.CAdES.detached, ETSI.RFC3161
	Timestamp   bool      `json:"timestamp,omitempty"`  // a document timestamp (a TSA's), not a person's signature
	// Trusted says whether the chain reaches one of the trusted roots;
	// nil when no roots were given.
	Trusted *bool `json:"trusted,omitempty"`
	Covers  int64 `json:"covers"` // the bytes its revision covers, from the start of the file
}

var oidTSTInfo = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}

// parseCMS reads a /Contents value: DER or BER, followed by the signing
// tool's zero padding (the reserved space it did not need). DER has its
// length in front; BER of indefinite length ends with end-of-contents
// zeros, which the padding cannot be told from, so those are tried.
func parseCMS(b []byte) (*pkcs7.PKCS7, error) {
	if n, ok := derLength(b); ok {
		return pkcs7.Parse(b[:n])
	}
	t := bytes.TrimRight(b, "\x00")
	var err error
	for eoc := 2; eoc <= 16 && len(t)+eoc <= len(b); eoc += 2 {
		var p7 *pkcs7.PKCS7
		if p7, err = pkcs7.Parse(b[:len(t)+eoc]); err == nil {
			return p7, nil
		}
	}
	if err == nil {
		err = errors.New("empty /Contents")
	}
	return nil, err
}

// derLength is the length of the definite-length value b starts with.
func derLength(b []byte) (int, bool) {
	if len(b) < 2 || b[0] != 0x30 {
		return 0, false
	}
	l := int(b[1])
	switch {
	case l < 0x80:
		return 2 + l, 2+l <= len(b)
	case l == 0x80:
		return 0, false // indefinite
	}
	k := l & 0x7f
	if k > 4 || len(b) < 2+k {
		return 0, false
	}
	n := 0
	for _, c := range b[2 : 2+k] {
		n = n<<8 | int(c)
	}
	return 2 + k + n, 2+k+n <= len(b)
}

// verifyCMS checks one signature over signed, the bytes its /ByteRange
// names, and reads its signer. roots, when not nil, are the trusted roots.
func verifyCMS(d sigDict, signed []byte, roots *x509.CertPool) (Signer, error) {
	p7, err := parseCMS(d.contents)
	if err != nil {
		return Signer{}, &problem{"không đọc được chữ ký (kiểu chữ ký không hỗ trợ hoặc chữ ký hỏng)", fmt.Errorf("reading the CMS signature: %w", err)}
	}
	if len(p7.Signers) == 0 {
		return Signer{}, errors.New("the CMS signature has no signer")
	}
	s := Signer{SubFilter: d.subFilter, Covers: d.end()}
	switch {
	case d.subFilter == "ETSI.RFC3161":
		// A document timestamp: the stamp's TSTInfo holds the digest of
		// the signed bytes.
		if err := p7.Verify(); err != nil {
			return Signer{}, fmt.Errorf("the timestamp's signature: %w", err)
		}
		at, err := checkTSTInfo(p7.Content, signed)
		if err != nil {
			return Signer{}, err
		}
		s.Timestamp, s.SigningTime = true, at
	case len(p7.Content) > 0:
		// adbe.pkcs7.sha1: the signed content is the SHA-1 of the bytes.
		sum := sha1.Sum(signed)
		if !bytes.Equal(p7.Content, sum[:]) {
			return Signer{}, errors.New("the SHA-1 the signature holds is not the signed bytes'")
		}
		if err := p7.Verify(); err != nil {
			return Signer{}, err
		}
	default:
		p7.Content = signed
		if err := p7.Verify(); err != nil {
			var notValid *pkcs7.SigningTimeNotValidError
			if errors.As(err, &notValid) {
				return Signer{}, &problem{fmt.Sprintf("chứng thư số của người ký không có hiệu lực lúc ký (ký lúc %s, chứng thư hiệu lực từ %s đến %s)",
					notValid.SigningTime.Format("02/01/2006"), notValid.NotBefore.Format("02/01/2006"), notValid.NotAfter.Format("02/01/2006")), err}
			}
			return Signer{}, err
		}
	}
	cert := signerCert(p7)
	if cert == nil {
		return Signer{}, errors.New("the signer's certificate is not in the signature")
	}
	s.Name = cert.Subject.CommonName
	s.Subject = cert.Subject.String()
	s.Issuer = cert.Issuer.String()
	s.Serial = strings.ToUpper(cert.SerialNumber.Text(16))
	s.NotBefore, s.NotAfter = cert.NotBefore.UTC(), cert.NotAfter.UTC()
	if s.SigningTime.IsZero() {
		var t time.Time
		if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &t); err == nil {
			s.SigningTime = t.UTC()
		} else if t, ok := pdfDate(d.m); ok {
			s.SigningTime = t
		}
	}
	if roots != nil {
		ok := p7.VerifyWithChain(roots) == nil
		s.Trusted = &ok
	}
	return s, nil
}

// signerCert is the certificate of the CMS's first signer.
func signerCert(p7 *pkcs7.PKCS7) *x509.Certificate {
	ias := p7.Signers[0].IssuerAndSerialNumber
	for _, c := range p7.Certificates {
		if c.SerialNumber.Cmp(ias.SerialNumber) == 0 && bytes.Equal(c.RawIssuer, ias.IssuerName.FullBytes) {
			return c
		}
	}
	return nil
}

// tstInfo is RFC 3161's TSTInfo, as far as it is read here.
type tstInfo struct {
	Version        int
	Policy         asn1.ObjectIdentifier
	MessageImprint struct {
		HashAlgorithm pkix.AlgorithmIdentifier
		HashedMessage []byte
	}
	SerialNumber *big.Int
	GenTime      time.Time `asn1:"generalized"`
}

// checkTSTInfo checks that a timestamp token's TSTInfo stamps signed.
func checkTSTInfo(content, signed []byte) (time.Time, error) {
	var info tstInfo
	if _, err := asn1.Unmarshal(content, &info); err != nil {
		return time.Time{}, fmt.Errorf("reading the timestamp: %w", err)
	}
	h, ok := hashes[info.MessageImprint.HashAlgorithm.Algorithm.String()]
	if !ok {
		return time.Time{}, fmt.Errorf("the timestamp's digest %v is not one read here", info.MessageImprint.HashAlgorithm.Algorithm)
	}
	w := h.New()
	w.Write(signed)
	if !bytes.Equal(w.Sum(nil), info.MessageImprint.HashedMessage) {
		return time.Time{}, errors.New("the timestamp's digest is not the signed bytes'")
	}
	return info.GenTime.UTC(), nil
}

// pdfDate reads a PDF date, D:YYYYMMDDHHmmSS followed by Z or ±HH'mm'.
func pdfDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 14 {
		return time.Time{}, false
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}, false
	}
	zone := strings.ReplaceAll(s[14:], "'", "")
	if len(zone) >= 5 && (zone[0] == '+' || zone[0] == '-') {
		var hh, mm int
		if _, err := fmt.Sscanf(zone[1:5], "%02d%02d", &hh, &mm); err == nil {
			off := time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute
			if zone[0] == '+' {
				off = -off
			}
			t = t.Add(off)
		}
	}
	return t.UTC(), true
}

// problem is a signature error with what to tell the clerk.
type problem struct {
	vi  string
	err error
}

func (p *problem) Error() string { return p.err.Error() }
func (p *problem) Unwrap() error { return p.err }
