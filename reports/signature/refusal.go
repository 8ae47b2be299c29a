package signature

import (
	"errors"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// Kind is why a signed copy is refused.
type Kind int

// The kinds of refusal.
const (
	// NotIssued: the file does not start with the issued PDF's bytes (another
	// version, a re-exported or edited PDF, a draft, not a PDF).
	NotIssued Kind = iota + 1
	// BadSignature: a signature dictionary's CMS signature does not verify
	// over its byte range, or cannot be read.
	BadSignature
	// ChangedAfterSigning: bytes follow the last signed revision.
	ChangedAfterSigning
	// Unsigned: no signature was added to the issued PDF.
	Unsigned
	// TooLarge: the file is over the size limit.
	TooLarge
	// Damaged: a signature's byte range does not fit the file (a truncated
	// or broken file).
	Damaged
	// NotApproved: the version the copy is for is not approved (a draft
	// waiting, returned or superseded); set by the caller.
	NotApproved
	// AlreadySigned: the version has a signed copy, and this file is
	// another one; the stored copy is never replaced. Set by the caller.
	AlreadySigned
)

var kindNames = map[Kind]string{
	NotIssued: "not-issued", BadSignature: "bad-signature", ChangedAfterSigning: "changed-after-signing",
	Unsigned: "unsigned", TooLarge: "too-large", Damaged: "damaged", NotApproved: "not-approved", AlreadySigned: "already-signed",
}

// String is the kind's name in the structured log.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "kind-" + strconv.Itoa(int(k))
}

// ErrRefused matches every Refusal (errors.Is).
var ErrRefused = fault.New(fault.Refused, "signature: signed copy refused")

// Refusal is a signed copy refused, with what was found.
type Refusal struct {
	Kind    Kind
	Version int // the issued version the file was checked against (0: unknown)
	// Offset is a 0-based byte position: for NotIssued the first byte that
	// differs from the issued PDF, for ChangedAfterSigning the first byte
	// after the last signed revision, for Damaged the end the signature
	// claims.
	Offset int64
	Size   int64 // the file's size
	Limit  int64 // TooLarge: the limit; NotIssued: the issued PDF's size
	// Signature is the 1-based signature concerned (BadSignature, Damaged).
	Signature int
	// Other is what the file is instead, when the caller found it (for
	// NotIssued): "bản v1", "bản dự thảo v2" (catalog.SigVersionV,
	// SigDraftV).
	Other string
	// State is the version's state in words (NotApproved), or when its
	// signed copy was received (AlreadySigned).
	State string
	// Problem says, in the language in force, what is wrong with a
	// signature when it is not a mismatch (BadSignature): "không đọc được
	// chữ ký", …
	Problem string
	// Reason is a technical detail in English, for the log.
	Reason string
}

// Error is the message for the clerk, in the language in force
// (internal/catalog).
func (r *Refusal) Error() string {
	v := catalog.SigApproved.String()
	if r.Version > 0 {
		v = catalog.SigApprovedV.F(r.Version)
	}
	switch r.Kind {
	case NotIssued:
		switch {
		case r.Other != "":
			return catalog.SigIsOther.F(r.Other, v, v)
		case r.Offset == 0:
			return catalog.SigNotPDFOf.F(v)
		case r.Offset >= r.Size && r.Size < r.Limit:
			return catalog.SigShorter.F(v, number(r.Size), number(r.Limit))
		}
		return catalog.SigDiffersAt.F(v, number(r.Offset+1), v)
	case BadSignature:
		if r.Problem != "" {
			return catalog.SigBadProblem.F(r.Signature, r.Problem)
		}
		return catalog.SigBadMismatch.F(r.Signature)
	case ChangedAfterSigning:
		return catalog.SigChanged.F(number(r.Size-r.Offset), number(r.Offset+1))
	case Unsigned:
		if r.Size == r.Limit {
			return catalog.SigUnsignedSame.F(v)
		}
		return catalog.SigUnsignedMore.F(v, number(r.Size-r.Limit))
	case TooLarge:
		return catalog.SigTooLarge.F(number(r.Limit), megabytes(r.Limit))
	case Damaged:
		return catalog.SigDamaged.F(r.Signature, number(r.Offset), number(r.Size))
	case NotApproved:
		return catalog.SigNotApproved.F(r.Version, r.State)
	case AlreadySigned:
		return catalog.SigAlreadySigned.F(r.Version, r.State)
	}
	return catalog.SigRefusedOther.String()
}

// Fault is a refusal's class: the copy was refused (internal/fault).
func (r *Refusal) Fault() fault.Class { return fault.Refused }

// Is makes errors.Is(err, &Refusal{Kind: k}) match any refusal of kind k,
// and errors.Is(err, ErrRefused) any refusal.
func (r *Refusal) Is(target error) bool {
	if target == ErrRefused {
		return true
	}
	t, ok := target.(*Refusal)
	return ok && t.Kind == r.Kind
}

// KindOf is err's refusal kind, 0 when err is not a refusal.
func KindOf(err error) Kind {
	var r *Refusal
	if errors.As(err, &r) {
		return r.Kind
	}
	return 0
}

// number writes n as the language in force does: 1.234.567 or 1,234,567.
func number(n int64) string {
	if catalog.Current() == catalog.English {
		return strings.ReplaceAll(Bytes(n), ".", ",")
	}
	return Bytes(n)
}

// Bytes writes n the Vietnamese way: 1.234.567.
func Bytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func megabytes(n int64) string {
	s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
	if catalog.Current() != catalog.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " MB"
}
