package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"github.com/mn2010/baocao/internal/catalog"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
)

// session is one browser's visit. Who is set once logged in (or at once
// when the page needs no login); Account is the account logged in, "" on
// a page without accounts.
type session struct {
	ID      string // the cookie's value; the file keeps only its hash
	Who     string // the name shown and logged
	Account string
	Gen     int // the account's generation at login: a password change ends the session
	// Cred binds the session to the account as it was at login
	// (credential): an account removed and made again under the same
	// name, whose generation starts over, is not the one logged in.
	Cred    string
	Created time.Time
	Seen    time.Time
	kept    bool // kept in the sessions file (logged-in sessions)
}

// sessions are the live sessions. The logged-in ones are kept in a file
// (0600) with the key that signs the CSRF tokens, so that a restart keeps
// people logged in; a session ends after idle without a request, after
// max in all, at logout, or when its account changes (checked by the
// session middleware). A cookie names a session by a random id the file
// keeps only the hash of: a cookie not in the store, or no longer in it
// (logged out, expired), is refused.
type sessions struct {
	mu   sync.Mutex
	m    map[string]*session // by id hash
	key  []byte
	path string // "" keeps nothing
	idle time.Duration
	max  time.Duration
	now  func() time.Time
	warn func(msg string, err error)
}

// savedSession is a session as the file keeps it.
type savedSession struct {
	Hash    string    `json:"id_sha256"`
	Who     string    `json:"who"`
	Account string    `json:"account,omitempty"`
	Gen     int       `json:"generation,omitempty"`
	Cred    string    `json:"credential,omitempty"`
	Created time.Time `json:"created"`
	Seen    time.Time `json:"seen"`
}

type sessionFile struct {
	Key      string         `json:"key"`
	Sessions []savedSession `json:"sessions"`
}

// touchEvery is how stale a kept session's last request may be in the
// file: the file is not rewritten on every request.
const touchEvery = time.Minute

func newSessions(path string, idle, max time.Duration, now func() time.Time, warn func(string, error)) (*sessions, error) {
	ss := &sessions{m: map[string]*session{}, path: path, idle: idle, max: max, now: now, warn: warn}
	if path != "" {
		b, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, catalog.PgSessions.Errorf(ErrSettings, path, catalog.FileWhy(err))
		default:
			var f sessionFile
			if err := json.Unmarshal(b, &f); err != nil {
				warn("web: sessions file unreadable: everyone logs in again", err)
			} else if k, err := base64.StdEncoding.DecodeString(f.Key); err == nil && len(k) == 32 {
				ss.key = k
				for _, s := range f.Sessions {
					ss.m[s.Hash] = &session{Who: s.Who, Account: s.Account, Gen: s.Gen, Cred: s.Cred, Created: s.Created, Seen: s.Seen, kept: true}
				}
			}
		}
	}
	if ss.key == nil {
		ss.key = make([]byte, 32)
		rand.Read(ss.key)
		ss.m = map[string]*session{}
	}
	ss.mu.Lock()
	ss.expire()
	err := ss.save()
	ss.mu.Unlock()
	if err != nil {
		return nil, catalog.PgSessions.Errorf(ErrSettings, path, catalog.FileWhy(err))
	}
	return ss, nil
}

func newID() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func idHash(id string) string {
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:])
}

// csrf is the CSRF token of a session: an HMAC of its id.
func (ss *sessions) csrf(id string) string {
	m := hmac.New(sha256.New, ss.key)
	m.Write([]byte("csrf\x00" + id))
	return hex.EncodeToString(m.Sum(nil))
}

func (ss *sessions) live(se *session, now time.Time) bool {
	if now.Sub(se.Created) > ss.max {
		return false
	}
	return se.Who == "" || now.Sub(se.Seen) <= ss.idle
}

// expire drops the sessions over their time (ss.mu held).
func (ss *sessions) expire() {
	now := ss.now()
	for h, se := range ss.m {
		if !ss.live(se, now) {
			delete(ss.m, h)
		}
	}
}

// save rewrites the file whole with the kept sessions (ss.mu held).
func (ss *sessions) save() error {
	if ss.path == "" {
		return nil
	}
	f := sessionFile{Key: base64.StdEncoding.EncodeToString(ss.key), Sessions: []savedSession{}}
	for h, se := range ss.m {
		if se.kept {
			f.Sessions = append(f.Sessions, savedSession{Hash: h, Who: se.Who, Account: se.Account, Gen: se.Gen, Cred: se.Cred, Created: se.Created, Seen: se.Seen})
		}
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	return accounts.WriteFile(ss.path, b)
}

func (ss *sessions) saveOrWarn() {
	if err := ss.save(); err != nil {
		ss.warn("web: sessions file not written", err)
	}
}

// credential is what binds a session to one account: an HMAC of the
// account's name and password hash (a new salt each time a password is
// set, so an account made again under an old name differs). The file
// keeps only this HMAC, never the hash itself.
func (ss *sessions) credential(a *accounts.Account) string {
	m := hmac.New(sha256.New, ss.key)
	m.Write([]byte("account\x00" + a.Name + "\x00" + a.Hash))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// visitorPrefix starts a visitor's session id: "v.<random>.<expiry>.<mac>".
const visitorPrefix = "v."

// newVisitor is a session for a visitor who has not logged in, signed and
// not kept: the id carries its expiry and its signature, so requests
// without cookies cost no memory.
func (ss *sessions) newVisitor() *session {
	b := make([]byte, 16)
	rand.Read(b)
	now := ss.now()
	exp := now.Add(ss.max).Unix()
	body := visitorPrefix + hex.EncodeToString(b) + "." + strconv.FormatInt(exp, 10)
	return &session{ID: body + "." + ss.sign(body), Created: now, Seen: now}
}

func (ss *sessions) sign(body string) string {
	m := hmac.New(sha256.New, ss.key)
	m.Write([]byte("visitor session\x00" + body))
	return hex.EncodeToString(m.Sum(nil))
}

// visitor checks a visitor's session id: its signature, then its expiry.
func (ss *sessions) visitor(id string) *session {
	dot := strings.LastIndexByte(id, '.')
	if dot < 0 || !hmac.Equal([]byte(id[dot+1:]), []byte(ss.sign(id[:dot]))) {
		return nil
	}
	parts := strings.Split(id[:dot], ".")
	if len(parts) != 3 {
		return nil
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || ss.now().After(time.Unix(exp, 0)) {
		return nil
	}
	return &session{ID: id}
}

// get returns the live session id names (a kept one, or a visitor's whose
// signature and expiry hold), or nil; a request counts as activity.
func (ss *sessions) get(id string) *session {
	if id == "" || len(id) > 256 {
		return nil
	}
	if strings.HasPrefix(id, visitorPrefix) {
		return ss.visitor(id)
	}
	h := idHash(id)
	ss.mu.Lock()
	defer ss.mu.Unlock()
	se := ss.m[h]
	if se == nil {
		return nil
	}
	now := ss.now()
	if !ss.live(se, now) {
		delete(ss.m, h)
		if se.kept {
			ss.saveOrWarn()
		}
		return nil
	}
	stale := now.Sub(se.Seen) >= touchEvery
	se.Seen = now
	if se.kept && stale {
		ss.saveOrWarn()
	}
	c := *se
	c.ID = id
	return &c
}

// maxSessions bounds the sessions kept, all of them: past it, the expired
// ones and then the oldest are dropped. Only a login keeps a session (a
// visitor's is signed and not kept), and logins are throttled.
const maxSessions = 10000

// create keeps a session for who, who just logged in: in the file too
// when keep.
func (ss *sessions) create(who, account string, gen int, keep bool) *session {
	return ss.createBound(who, account, gen, "", keep)
}

// createBound is create for a session bound to an account's credential
// (sessions.credential).
func (ss *sessions) createBound(who, account string, gen int, cred string, keep bool) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if len(ss.m) >= maxSessions {
		ss.expire()
		for len(ss.m) >= maxSessions {
			oldest := ""
			for h, se := range ss.m {
				if oldest == "" || se.Created.Before(ss.m[oldest].Created) {
					oldest = h
				}
			}
			delete(ss.m, oldest)
		}
	}
	now := ss.now()
	id := newID()
	se := &session{Who: who, Account: account, Gen: gen, Cred: cred, Created: now, Seen: now, kept: keep}
	ss.m[idHash(id)] = se
	if keep {
		ss.saveOrWarn()
	}
	c := *se
	c.ID = id
	return &c
}

// drop ends a session; a kept one is gone from the file at once.
func (ss *sessions) drop(id string) {
	h := idHash(id)
	ss.mu.Lock()
	defer ss.mu.Unlock()
	se := ss.m[h]
	delete(ss.m, h)
	if se != nil && se.kept {
		ss.saveOrWarn()
	}
}

// dropAccount ends every session of an account but keepID's.
func (ss *sessions) dropAccount(account, keepID string) {
	keep := idHash(keepID)
	ss.mu.Lock()
	defer ss.mu.Unlock()
	n := 0
	for h, se := range ss.m {
		if se.Account == account && h != keep {
			delete(ss.m, h)
			n++
		}
	}
	if n > 0 {
		ss.saveOrWarn()
	}
}
