package signature

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"

	_ "crypto/sha512"
)

// DefaultMaxBytes is the size limit when none is set: a signed report of a
// few pages is well under a megabyte; signing tools that embed the whole
// certificate chain, revocation data and a font add a few.
const DefaultMaxBytes = 20 << 20

var hashes = map[string]crypto.Hash{
	"1.3.14.3.2.26": crypto.SHA1, "2.16.840.1.101.3.4.2.1": crypto.SHA256,
	"2.16.840.1.101.3.4.2.2": crypto.SHA384, "2.16.840.1.101.3.4.2.3": crypto.SHA512,
}

// Options are what a check needs besides the two files.
type Options struct {
	// Version is the issued version's number, for the messages.
	Version int
	// MaxBytes is the size limit; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Roots are the trusted roots; nil: the chain is not judged.
	Roots *x509.CertPool
}

func (o Options) limit() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Result is an accepted signed copy.
type Result struct {
	Size    int64    `json:"bytes"`
	SHA256  string   `json:"sha256"`
	Signers []Signer `json:"signers"` // in the order they signed
}

// Verify checks that signed is issued with signatures added, by the rules
// of the package comment. It returns a *Refusal for a file that breaks
// one.
func Verify(issued, signed []byte, opt Options) (*Result, error) {
	size := int64(len(signed))
	if size > opt.limit() {
		return nil, &Refusal{Kind: TooLarge, Version: opt.Version, Size: size, Limit: opt.limit()}
	}
	if at, ok := firstDifference(issued, signed); !ok {
		return nil, &Refusal{Kind: NotIssued, Version: opt.Version, Offset: at, Size: size, Limit: int64(len(issued)),
			Reason: fmt.Sprintf("differs from the issued PDF at byte %d", at)}
	}
	from := int64(len(issued))
	sigs, err := findSignatures(signed, from)
	if err != nil {
		return nil, withVersion(err, opt.Version)
	}
	if len(sigs) == 0 {
		return nil, &Refusal{Kind: Unsigned, Version: opt.Version, Size: size, Limit: from,
			Reason: fmt.Sprintf("no /ByteRange in the %d bytes after the issued PDF", size-from)}
	}
	slices.SortStableFunc(sigs, func(a, b sigDict) int { return int(a.end() - b.end()) })
	if err := checkRevisions(signed, from, sigs); err != nil {
		return nil, withVersion(err, opt.Version)
	}
	res := &Result{Size: size}
	for i, d := range sigs {
		r := d.ranges
		covered := make([]byte, 0, r[1]+r[3])
		covered = append(covered, signed[:r[1]]...)
		covered = append(covered, signed[r[2]:r[2]+r[3]]...)
		s, err := verifyCMS(d, covered, opt.Roots)
		if err != nil {
			r := &Refusal{Kind: BadSignature, Version: opt.Version, Signature: i + 1, Size: size, Reason: err.Error()}
			var p *problem
			if errors.As(err, &p) {
				r.Problem = p.said
			}
			return nil, r
		}
		res.Signers = append(res.Signers, s)
	}
	sum := sha256.Sum256(signed)
	res.SHA256 = hex.EncodeToString(sum[:])
	return res, nil
}

// firstDifference is where signed stops being issued: ok when signed
// starts with all of issued's bytes; else the first byte that differs (or
// signed's length, when it is a shorter prefix).
func firstDifference(issued, signed []byte) (int64, bool) {
	n := min(len(issued), len(signed))
	for i := 0; i < n; {
		step := min(n-i, 4096)
		if !bytes.Equal(issued[i:i+step], signed[i:i+step]) {
			for j := i; ; j++ {
				if issued[j] != signed[j] {
					return int64(j), false
				}
			}
		}
		i += step
	}
	if len(signed) < len(issued) {
		return int64(len(signed)), false
	}
	return 0, true
}

func withVersion(err error, v int) error {
	if r, ok := err.(*Refusal); ok {
		r.Version = v
	}
	return err
}

// ReadLimited reads r whole, refusing (TooLarge) past max bytes without
// reading much further.
func ReadLimited(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &Refusal{Kind: TooLarge, Size: int64(len(b)), Limit: max}
	}
	return b, nil
}
