package doctor

import (
	"fmt"
	"net"
	"strings"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/loopback"
)

// errReview is the cause of a review-step problem: a config to fix (exit 2).
var errReview = fmt.Errorf("doctor: review: %w", config.ErrInvalid)

// review checks the accounts and the review step: every approver has an
// account with an address; a reviewed report's message has a link the
// principal can open on her phone ([web] public_url), or says the draft
// is on the server's page; and a config of before accounts (reviewers, a
// shared [web] password) is told what to change.
func (x *run) review(cfg *config.Config) {
	store := accounts.Open(accounts.PathBeside(cfg.File))
	as, err := store.List()
	if err != nil {
		x.add(Problem, errReview, catalog.DrAccountsBad, store.Path(), err)
		return
	}
	byName := map[string]accounts.Account{}
	approver := false
	for _, a := range as {
		byName[a.Name] = a
		approver = approver || a.Role.Approver()
	}
	switch {
	case len(as) == 0 && namesApprover(cfg):
		// The approver's account is said below, with its command.
		x.add(Note, nil, catalog.DrNoAccountsClerk, cfg.File)
	case len(as) == 0:
		x.add(Note, nil, catalog.DrNoAccounts, cfg.File)
	case !approver:
		x.add(Problem, errReview, catalog.DrNoApprover)
	default:
		x.add(OK, nil, catalog.DrAccountsOK, len(as), store.Path())
	}
	for _, a := range as {
		if a.NoPassword() {
			x.add(Note, nil, catalog.DoctorNoPassword, a.Name, a.Name, cfg.File)
		}
	}
	if (cfg.Web.PasswordEnv != "" || cfg.Web.PasswordFile != "") && len(as) > 0 {
		x.add(Note, nil, catalog.DrSharedUnused)
	} else if cfg.Web.PasswordEnv != "" || cfg.Web.PasswordFile != "" {
		x.add(Note, nil, catalog.DrSharedInUse)
	}
	ids := cfg.ReportIDs() // tháng, quý, 6 tháng, năm, as everywhere a clerk reads them
	reviewed := false
	missing := map[string][]string{} // approver without an account → the reports naming it
	var missingOrder []string
	for _, id := range ids {
		r := cfg.Reports[id]
		if !r.Reviewed() {
			continue
		}
		reviewed = true
		if len(r.Approvers) == 0 {
			x.add(Note, nil, catalog.DrOldReviewers, x.reportName(id))
			continue
		}
		var bad []string
		miss := false // an approver without an account: said once for all reports below
		for _, n := range r.Approvers {
			a, ok := byName[n]
			switch {
			case !ok:
				if missing[n] == nil {
					missingOrder = append(missingOrder, n)
				}
				missing[n] = append(missing[n], x.reportName(id))
				miss = true
			case !a.Role.Approver():
				bad = append(bad, catalog.DrRoleCannot.F(n, a.Role.Label()))
			case a.Email == "":
				bad = append(bad, catalog.DrNoAddress.F(n))
			}
		}
		if len(bad) > 0 {
			x.add(Problem, errReview, catalog.DrApproversBad, x.reportName(id), strings.Join(bad, ", "))
		} else if !miss {
			x.add(OK, nil, catalog.DrApproversOK, x.reportName(id), strings.Join(r.Approvers, ", "))
		}
	}
	x.missingApprovers(cfg, missingOrder, missing, principal(as))
	if !reviewed {
		return
	}
	host, _, _ := net.SplitHostPort(cfg.Web.Listen)
	switch {
	case cfg.Web.PublicURL != "":
		x.add(OK, nil, catalog.DrReviewLink, cfg.Web.PublicURL)
	case cfg.Web.Listen != "" && !loopback.Host(host):
		x.add(Problem, errReview, catalog.DrReviewNoURL, cfg.Web.Listen)
	case cfg.Web.Listen != "":
		x.add(Note, nil, catalog.DrReviewLocal)
	default:
		x.add(Note, nil, catalog.DrReviewNoWeb)
	}
}

// principal tells whether an account may approve every report (a
// hiệu trưởng's).
func principal(as []accounts.Account) bool {
	for _, a := range as {
		if a.Role == accounts.Principal {
			return true
		}
	}
	return false
}

// missingApprovers says, once for each approver named without an account,
// which reports wait for it and the exact command that makes it: the
// principal's (hieu-truong, full name from [unit] signer_name) when there
// is none yet, else a deputy's.
func (x *run) missingApprovers(cfg *config.Config, order []string, missing map[string][]string, havePrincipal bool) {
	for _, n := range order {
		role, full := accounts.Deputy, catalog.DrFullNamePlaceholder.F()
		if !havePrincipal {
			role = accounts.Principal
			if cfg.Unit.SignerName != "" {
				full = cfg.Unit.SignerName
			}
			havePrincipal = true // one principal suggested; the others are deputies
		}
		x.add(Problem, errReview, catalog.DrApproverMissing, n, strings.Join(missing[n], ", "), n, full, string(role), cfg.File)
	}
}

// namesApprover tells whether a report names approvers.
func namesApprover(cfg *config.Config) bool {
	for _, r := range cfg.Reports {
		if len(r.Approvers) > 0 {
			return true
		}
	}
	return false
}
