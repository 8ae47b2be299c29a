package signature

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// ErrSettings is wrapped by an error about the [signed] settings.
var ErrSettings = catalog.NewClass(catalog.ClassSigned).WithFault(fault.BadInput)

// Settings are the [signed] table of the config file.
type Settings struct {
	// TrustedRoots is a PEM file of root certificates (the CAs the unit
	// accepts, e.g. the national root and the licensed CAs'): when set,
	// each signer is said to reach one or not. It never refuses a copy.
	TrustedRoots string `toml:"trusted_roots"`
	// MaxMB is the size limit of a signed copy (default 20).
	MaxMB int64 `toml:"max_mb"`
}

// MaxBytes is the size limit in bytes.
func (s Settings) MaxBytes() int64 {
	if s.MaxMB > 0 {
		return s.MaxMB << 20
	}
	return DefaultMaxBytes
}

// Options are the check's options from the settings; dir is the config
// file's folder, where a relative trusted_roots starts.
func (s Settings) Options(dir string) (Options, error) {
	o := Options{MaxBytes: s.MaxBytes()}
	if s.MaxMB < 0 {
		return o, ErrSettings.Newf(catalog.CfgSignedMaxMB, s.MaxMB)
	}
	if s.TrustedRoots == "" {
		return o, nil
	}
	path := s.TrustedRoots
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return o, ErrSettings.Newf(catalog.CfgSignedRoots, catalog.FileError(path, err))
	}
	o.Roots = x509.NewCertPool()
	n := 0
	for rest := b; ; {
		var blk *pem.Block
		if blk, rest = pem.Decode(rest); blk == nil {
			break
		}
		if blk.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			return o, ErrSettings.Newf(catalog.CfgSignedCert, path, n+1, err)
		}
		o.Roots.AddCert(c)
		n++
	}
	if n == 0 {
		return o, ErrSettings.Newf(catalog.CfgSignedNoPEM, path)
	}
	return o, nil
}
