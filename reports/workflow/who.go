package workflow

import (
	"strings"

	"github.com/mn2010/baocao/internal/accounts"
)

// Who is who approved or returned a version, kept as separate fields of
// the approval and return records: the account, the person's full name
// and role as the accounts file had them (never typed), and, from the
// command line, the server's OS user who ran it. Records of before these
// fields have only their `by` text, which new records keep too.
type Who struct {
	Account  string `json:"account,omitempty"`
	FullName string `json:"full_name,omitempty"`
	// Role is the account's role (accounts.Role: hieu-truong, …), kept as
	// text so that a record stays readable whatever the vocabulary
	// becomes.
	Role   string `json:"role,omitempty"`
	OSUser string `json:"os_user,omitempty"`
}

// Known tells whether the fields are there (a record of accounts).
func (w Who) Known() bool { return w.FullName != "" }

// RoleLabel is the role in Vietnamese ("hiệu trưởng").
func (w Who) RoleLabel() string { return accounts.Role(w.Role).Label() }

// String is the decider as status, the page and the story show it:
// "Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong)", with ",
// dòng lệnh của người dùng máy chủ root" from the command line.
func (w Who) String() string {
	var b strings.Builder
	b.WriteString(w.FullName)
	b.WriteString(" (")
	b.WriteString(w.RoleLabel())
	if w.Account != "" {
		b.WriteString(", tài khoản " + w.Account)
	}
	if w.OSUser != "" {
		b.WriteString(", dòng lệnh của người dùng máy chủ " + w.OSUser)
	}
	b.WriteString(")")
	return b.String()
}

// decidedBy is who decided, from the fields when the record has them,
// else its by text (a record of before accounts).
func decidedBy(by string, w Who) string {
	if w.Known() {
		return w.String()
	}
	return by
}

// shortDecider is who decided in a few words: the person's full name,
// else the by text of a record of before accounts.
func shortDecider(by string, w Who) string {
	if w.Known() {
		return w.FullName
	}
	return by
}

// Decider is who approved, for people to read.
func (a *Approval) Decider() string { return decidedBy(a.By, a.Who) }

// Decider is who returned, for people to read.
func (r *Return) Decider() string { return decidedBy(r.By, r.Who) }
