package accounts

import (
	"slices"

	"github.com/mn2010/baocao/internal/catalog"
)

// Role is what an account may do; the vocabulary is closed.
type Role string

// The roles.
const (
	// Principal (hiệu trưởng) approves or returns any report, and may do
	// what the clerk does.
	Principal Role = "hieu-truong"
	// Deputy (phó hiệu trưởng) approves or returns only the reports whose
	// approvers name the account, and reads everything.
	Deputy Role = "pho-hieu-truong"
	// Clerk (văn thư) runs reports, checks the data, sends an approved
	// version, uploads a signed copy and resends.
	Clerk Role = "van-thu"
	// Viewer (xem) reads.
	Viewer Role = "xem"
)

// Roles lists every role, highest first.
var Roles = []Role{Principal, Deputy, Clerk, Viewer}

// ParseRole reads a role as written on the command line or in the file.
func ParseRole(s string) (Role, error) {
	r := Role(s)
	if slices.Contains(Roles, r) {
		return r, nil
	}
	return "", ErrInvalid.Newf(catalog.AccBadRole, s)
}

// UnmarshalText refuses a role outside the vocabulary.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Label is the role in Vietnamese, as the page and the records show it.
func (r Role) Label() string {
	switch r {
	case Principal:
		return "hiệu trưởng"
	case Deputy:
		return "phó hiệu trưởng"
	case Clerk:
		return "văn thư"
	case Viewer:
		return "chỉ xem"
	}
	return "không rõ"
}

// CanApprove tells whether the role lets account approve or return a
// report whose approvers are approvers: the principal any report, a deputy
// only one that names the account.
func (r Role) CanApprove(account string, approvers []string) bool {
	switch r {
	case Principal:
		return true
	case Deputy:
		return slices.Contains(approvers, account)
	}
	return false
}

// CanOperate tells whether the role runs reports, sends approved
// versions, uploads signed copies and resends: the clerk's work, which
// the principal may also do.
func (r Role) CanOperate() bool { return r == Clerk || r == Principal }

// Approver tells whether the role approves at all.
func (r Role) Approver() bool { return r == Principal || r == Deputy }

// Title is how a person is addressed: cô or thầy.
type Title string

// The titles.
const (
	Co   Title = "cô"
	Thay Title = "thầy"
)

// ParseTitle reads --title.
func ParseTitle(s string) (Title, error) {
	switch Title(s) {
	case Co, Thay, "":
		return Title(s), nil
	case "co":
		return Co, nil
	case "thay":
		return Thay, nil
	}
	return "", ErrInvalid.Newf(catalog.AccBadTitle, s)
}

// UnmarshalText refuses a title outside the vocabulary.
func (t *Title) UnmarshalText(b []byte) error {
	v, err := ParseTitle(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
