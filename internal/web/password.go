package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
)

// The page where a person logged in with an account changes her own
// password (/mat-khau): the current password first (a session left open
// on a shared computer is not a way to take the account), the new one
// twice, the rules of `baocao user passwd`. The change ends the account's
// other sessions; this one goes on, under a new session id.

const passwordPath = "/mat-khau"

type passwordData struct {
	Account, FullName string
	Error             string
	Done              bool
	Min               int
}

// passwordAccount is the account of the request's session; without one
// (a page without accounts, or the old shared password) the page answers
// that there is nothing to change here.
func (s *Server) passwordAccount(w http.ResponseWriter, r *http.Request) *accounts.Account {
	ac := account(r)
	if ac == nil {
		s.fail(w, r, http.StatusNotFound, catalog.WebPwNoAccount.String(), catalog.WebPwNoAccountHint.String())
	}
	return ac
}

func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) {
	ac := s.passwordAccount(w, r)
	if ac == nil {
		return
	}
	s.renderView(w, r, http.StatusOK, "password", view{Title: catalog.WebPwTitle.String(), Nav: "-",
		Data: passwordData{Account: ac.Name, FullName: ac.FullName, Min: accounts.MinPassword}})
}

func (s *Server) passwordChange(w http.ResponseWriter, r *http.Request) {
	ac := s.passwordAccount(w, r)
	if ac == nil {
		return
	}
	d := passwordData{Account: ac.Name, FullName: ac.FullName, Min: accounts.MinPassword}
	answer := func(status int, msg string) {
		d.Error = msg
		s.renderView(w, r, status, "password", view{Title: catalog.WebPwTitle.String(), Nav: "-", Data: d})
	}
	cur, next, again := r.PostFormValue("current"), r.PostFormValue("new"), r.PostFormValue("again")
	ip := clientIP(r)
	keys := []string{"ip " + ip, "account " + ac.Name}
	// The current password is checked as a login is: the same delays, the
	// same count towards the account's lock.
	checked, end, err := s.logins.begin(r.Context(), keys...)
	if err != nil {
		return
	}
	defer end()
	l, err := s.set.Accounts.Authenticate(ac.Name, cur)
	checked()
	switch {
	case errors.Is(err, accounts.ErrLocked):
		if l.JustLocked {
			s.set.Logger.Warn("web: account locked after failed logins", "account", ac.Name, "remote", ip, "failures", accounts.MaxFailures)
			s.tellLocked(l.Account, ip)
		}
		s.sessions.drop(current(r).ID)
		s.fail(w, r, http.StatusForbidden, catalog.WebPwLocked.String(), catalog.WebPwLockedHint.F(ac.Name))
		return
	case errors.Is(err, accounts.ErrBadLogin):
		delay := s.logins.failed(keys...)
		s.set.Logger.Warn("web: password change refused: wrong current password", "account", ac.Name, "remote", ip, "delay", delay.String())
		t := time.NewTimer(delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		}
		answer(http.StatusUnauthorized, catalog.WebPwWrong.String())
		return
	case err != nil:
		s.set.Logger.Error("web: password change", "error", err.Error())
		s.fail(w, r, http.StatusInternalServerError, catalog.WebAccountsUnread.String(), catalog.WebAccountsHint.String())
		return
	}
	s.logins.succeeded(keys...)
	if next != again {
		answer(http.StatusBadRequest, catalog.WebPwDiffer.String())
		return
	}
	if next == cur {
		answer(http.StatusBadRequest, catalog.WebPwSame.String())
		return
	}
	if err := s.set.Accounts.SetPassword(ac.Name, next, s.set.Unit); err != nil {
		if errors.Is(err, accounts.ErrWeakPassword) {
			answer(http.StatusBadRequest, catalog.WebPwWeak.F(accounts.ErrWeakPassword.Detail(err)))
			return
		}
		s.set.Logger.Error("web: password change", "account", ac.Name, "error", err.Error())
		s.fail(w, r, http.StatusInternalServerError, catalog.WebAccountsWrite.String(), catalog.WebAccountsHint.String())
		return
	}
	a, err := s.set.Accounts.Get(ac.Name)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, catalog.WebAccountsUnread.String(), catalog.WebAccountsHint.String())
		return
	}
	// The password's generation ended every session of the account: this
	// one goes on under a new id, the others stay ended.
	old := current(r)
	s.sessions.drop(old.ID)
	se := s.sessions.createBound(signedIn(&a), a.Name, a.Generation, s.sessions.credential(&a), true)
	s.sessions.dropAccount(a.Name, se.ID)
	s.setCookie(w, r, se)
	s.set.Logger.Info("web: password changed", "account", a.Name, "remote", ip)
	d.Done = true
	r = r.WithContext(withSession(r.Context(), se, &a))
	s.renderView(w, r, http.StatusOK, "password", view{Title: catalog.WebPwTitle.String(), Nav: "-", Data: d})
}
