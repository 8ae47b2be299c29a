package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"sync"
	"time"
)

// confirmations makes "Xác nhận gửi lại" single-use. The confirmation
// page's form carries a token bound to the session, the version and its
// delivery as the page showed it (Message-ID, number of attempts): once a
// resend is made the delivery changes and the token no longer matches,
// and a token is spent the moment it is first used, so a double click or
// a replayed POST sends one resend, not two.
type confirmations struct {
	mu    sync.Mutex
	spent map[string]time.Time
}

// maxSpent bounds the spent tokens kept; tokens older than a day are
// dropped first (their delivery has changed since, so they no longer
// match anyway).
const maxSpent = 10000

func newConfirmations() *confirmations { return &confirmations{spent: map[string]time.Time{}} }

// token is the confirmation token of a resend of ref by se, as d shows it.
func (s *Server) confirmToken(se *session, ref VersionRef, d *Delivery) string {
	m := hmac.New(sha256.New, s.sessions.key)
	n, id := 0, ""
	if d != nil {
		n, id = len(d.Attempts), d.MessageID
	}
	fmt.Fprintf(m, "resend\x00%s\x00%s\x00%s\x00%d", se.ID, ref, id, n)
	return hex.EncodeToString(m.Sum(nil))
}

// spend marks token used; false if it was used before.
func (c *confirmations) spend(token string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, used := c.spent[token]; used {
		return false
	}
	if len(c.spent) >= maxSpent {
		for t, at := range c.spent {
			if now.Sub(at) > 24*time.Hour {
				delete(c.spent, t)
			}
		}
		for t := range c.spent { // still full: any will do
			if len(c.spent) < maxSpent {
				break
			}
			delete(c.spent, t)
		}
	}
	c.spent[token] = now
	return true
}

// checkConfirm accepts a resend's confirmation token once, and only while
// the version's delivery is what the confirmation page showed.
func (s *Server) checkConfirm(w http.ResponseWriter, r *http.Request, ref VersionRef, token string) bool {
	d, err := s.backend.Version(r.Context(), ref.Report, ref.Period, ref.Version)
	if err != nil {
		s.backendFail(w, r, err)
		return false
	}
	want := s.confirmToken(current(r), ref, d.Delivery)
	if !hmac.Equal([]byte(token), []byte(want)) || !s.confirms.spend(token, s.set.Now()) {
		s.set.Logger.Warn("web: resend refused: the confirmation was used already or is stale", "who", current(r).Who, "version", ref.String(), "remote", clientIP(r))
		s.renderView(w, r, http.StatusConflict, "error", view{Title: catalog.PgTitleConfirmed.String(), Nav: "-", Data: errorData{
			Status:   http.StatusConflict,
			Message:  catalog.PgConfirmUsed.String(),
			Hint:     catalog.PgConfirmUsedFix.String(),
			Back:     ref.path(),
			BackText: catalog.PgBackVersion.String()}})
		return false
	}
	return true
}
