package signedcopy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signature"
)

// RecordName is the signed copy's record in a version folder.
const RecordName = "signed.json"

// Suffix ends the signed copy's file name: bao-cao-cchc-2024-03-da-ky.pdf.
const Suffix = "-da-ky.pdf"

// Record is signed.json.
type Record struct {
	File         string             `json:"file"`   // the signed copy, in the version folder
	SHA256       string             `json:"sha256"` // of the signed copy
	Bytes        int64              `json:"bytes"`
	Issued       string             `json:"issued_pdf"` // the issued PDF it signs, in the same folder
	IssuedSHA256 string             `json:"issued_sha256"`
	Version      int                `json:"version"`
	Signers      []signature.Signer `json:"signers"`      // in the order they signed
	ReceivedAt   string             `json:"received_at"`  // RFC 3339, the unit's zone
	By           string             `json:"by,omitempty"` // who brought it: the page's account, or the command's user
	Via          string             `json:"via"`          // "cli" or "web"
}

// FileName is the signed copy's name for an issued PDF's.
func FileName(issuedPDF string) string {
	return strings.TrimSuffix(issuedPDF, filepath.Ext(issuedPDF)) + Suffix
}

// Read reads a version's record; nil when the version has no signed copy.
func Read(dir string) (*Record, error) {
	b, err := os.ReadFile(filepath.Join(dir, RecordName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("signedcopy: %w", err)
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("signedcopy: %s: %w", filepath.Join(dir, RecordName), err)
	}
	return &r, nil
}

// Data reads the signed copy, checked against its record's hash.
func (r *Record) Data(dir string) ([]byte, error) {
	path := filepath.Join(dir, r.File)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, catalog.SignedRead.Errorf(catalog.FileError(path, err))
	}
	if sha(b) != r.SHA256 {
		return nil, catalog.SignedHash.Errorf(path, RecordName)
	}
	return b, nil
}

// Signer names the first person who signed, for one line of text.
func (r *Record) Signer() string {
	for _, s := range r.Signers {
		if !s.Timestamp {
			return s.Name
		}
	}
	if len(r.Signers) > 0 {
		return r.Signers[0].Name
	}
	return ""
}

// Issue is the issued version a signed copy is checked against.
type Issue struct {
	Dir     string // its folder
	Version int
	PDF     string // the issued PDF's name in Dir
	SHA256  string // its hash, from the manifest
}

// Arrival says who brings a copy, when, how.
type Arrival struct {
	At  time.Time
	By  string
	Via string // "cli" or "web"
}

// Accept checks data against the issued PDF and stores it with its record.
// fresh is false when the version already had this very copy (nothing is
// written). A copy of another file than the stored one is refused
// (signature.AlreadySigned); so is every file Verify refuses. The caller
// holds the report's lock.
func Accept(is Issue, data []byte, who Arrival, opt signature.Options) (rec *Record, fresh bool, err error) {
	opt.Version = is.Version
	if rec, err = Read(is.Dir); err != nil {
		return nil, false, err
	}
	if rec != nil {
		if sha(data) == rec.SHA256 {
			return rec, false, nil
		}
		return nil, false, &signature.Refusal{Kind: signature.AlreadySigned, Version: is.Version, Size: int64(len(data)),
			State: stamp(rec.ReceivedAt), Reason: "the version has a signed copy " + rec.SHA256}
	}
	issued, err := os.ReadFile(filepath.Join(is.Dir, is.PDF))
	if err != nil {
		return nil, false, catalog.SignedRead.Errorf(catalog.FileError(filepath.Join(is.Dir, is.PDF), err))
	}
	if is.SHA256 != "" && sha(issued) != is.SHA256 {
		return nil, false, catalog.SignedHash.Errorf(filepath.Join(is.Dir, is.PDF), "manifest.json")
	}
	res, err := signature.Verify(issued, data, opt)
	if err != nil {
		return nil, false, err
	}
	rec = &Record{File: FileName(is.PDF), SHA256: res.SHA256, Bytes: res.Size, Issued: is.PDF, IssuedSHA256: sha(issued),
		Version: is.Version, Signers: res.Signers, ReceivedAt: who.At.Format(time.RFC3339), By: who.By, Via: who.Via}
	path := filepath.Join(is.Dir, rec.File)
	if err := archive.WriteOnce(path, data); errors.Is(err, archive.ErrWritten) {
		// A crash after the file and before its record: the same file
		// completes it; another is not put over it.
		if old, rerr := os.ReadFile(path); rerr != nil || !bytes.Equal(old, data) {
			return nil, false, catalog.SignedOtherThere.Errorf(path)
		}
	} else if err != nil {
		return nil, false, err
	}
	b, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return nil, false, fmt.Errorf("signedcopy: %w", err)
	}
	if err := archive.WriteOnce(filepath.Join(is.Dir, RecordName), append(b, '\n')); err != nil {
		return nil, false, err
	}
	return rec, true, nil
}

// Swap replaces, in a message's attachments, the issued PDF by the
// version's signed copy, when it has one (and puts it first when the
// attachments leave the PDF out). signed is its record (nil: none).
func Swap(dir string, atts []delivery.Attachment) (out []delivery.Attachment, signed *Record, err error) {
	rec, err := Read(dir)
	if err != nil || rec == nil {
		return atts, nil, err
	}
	data, err := rec.Data(dir)
	if err != nil {
		return nil, nil, err
	}
	att := delivery.Attachment{Name: rec.File, ContentType: "application/pdf", Data: data}
	out = make([]delivery.Attachment, 0, len(atts)+1)
	swapped := false
	for _, a := range atts {
		if a.Name == rec.Issued {
			a, swapped = att, true
		}
		out = append(out, a)
	}
	if !swapped { // the report's attach list leaves the PDF out: the signed document goes all the same
		out = append([]delivery.Attachment{att}, out...)
	}
	return out, rec, nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// stamp writes an RFC 3339 time as HH:MM DD/MM/YYYY, in its own zone.
func stamp(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Format("15:04 02/01/2006")
}
