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

	"github.com/mn2010/baocao/internal/catalog"
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
// tool's zero padding (the reserved space it did not need). The value's
// own encoding says where it ends, so the padding is cut there: trimming
// zeros and guessing the end-of-contents markers instead loses a value
// whose last content byte is itself zero (an RSA signature ending in 0x00,
// one in 256 of NSS's, which writes indefinite-length BER).
func parseCMS(b []byte) (*pkcs7.PKCS7, error) {
	n, err := berLength(b)
	if err != nil {
		return nil, err
	}
	return pkcs7.Parse(b[:n])
}

// berMaxDepth bounds the nesting berLength follows: a CMS signature
// nests about ten deep; a hostile file is not followed further.
const berMaxDepth = 64

// berLength is the length of the BER (or DER) value b starts with,
// definite or indefinite (ended by end-of-contents, 00 00), its nested
// values walked as far as needed.
func berLength(b []byte) (int, error) {
	n, err := berValue(b, 0)
	if err != nil {
		return 0, fmt.Errorf("the signature's encoding: %w", err)
	}
	return n, nil
}

func berValue(b []byte, depth int) (int, error) {
	if depth > berMaxDepth {
		return 0, errors.New("nested too deep")
	}
	if len(b) < 2 {
		return 0, errors.New("truncated")
	}
	i := 1
	if b[0]&0x1f == 0x1f { // a tag number in the following bytes
		for ; i < len(b) && b[i]&0x80 != 0; i++ {
			if i > 4 {
				return 0, errors.New("tag number too long")
			}
		}
		i++
	}
	if i >= len(b) {
		return 0, errors.New("truncated")
	}
	l := int(b[i])
	i++
	switch {
	case l < 0x80:
		if i+l > len(b) {
			return 0, errors.New("length past the end")
		}
		return i + l, nil
	case l == 0x80: // indefinite: constructed values until 00 00
		if b[0]&0x20 == 0 {
			return 0, errors.New("indefinite length on a primitive value")
		}
		for {
			if i+2 > len(b) {
				return 0, errors.New("no end-of-contents")
			}
			if b[i] == 0 && b[i+1] == 0 {
				return i + 2, nil
			}
			n, err := berValue(b[i:], depth+1)
			if err != nil {
				return 0, err
			}
			i += n
		}
	}
	k := l & 0x7f
	if k > 4 || i+k > len(b) {
		return 0, errors.New("length too long")
	}
	n := 0
	for _, c := range b[i : i+k] {
		n = n<<8 | int(c)
	}
	i += k
	if n < 0 || n > len(b)-i {
		return 0, errors.New("length past the end")
	}
	return i + n, nil
}

// verifyCMS checks one signature over signed, the bytes its /ByteRange
// names, and reads its signer. roots, when not nil, are the trusted roots.
func verifyCMS(d sigDict, signed []byte, roots *x509.CertPool) (Signer, error) {
	p7, err := parseCMS(d.contents)
	if err != nil {
		return Signer{}, &problem{catalog.SigUnreadable.String(), fmt.Errorf("reading the CMS signature: %w", err)}
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
				return Signer{}, &problem{catalog.SigCertNotValid.F(notValid.SigningTime.Format("02/01/2006"),
					notValid.NotBefore.Format("02/01/2006"), notValid.NotAfter.Format("02/01/2006")), err}
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

// problem is a signature error with what to tell the clerk (said, in
// the language in force).
type problem struct {
	said string
	err  error
}

func (p *problem) Error() string { return p.err.Error() }
func (p *problem) Unwrap() error { return p.err }
