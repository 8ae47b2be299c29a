package delivery

import (
	"context"
	"time"
)

// Login connects, secures the connection and logs in as the settings say,
// then quits without sending anything: a check that the server is
// reachable and accepts the login (`baocao doctor`). It is bounded like an
// attempt with an empty message, and what the server says is scrubbed of
// the password.
func Login(ctx context.Context, s Settings) error {
	s = s.withDefaults()
	deadline := s.attemptDeadline(time.Now(), 0)
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	c, err := connect(ctx, s, deadline)
	if err != nil {
		return scrub(err, s)
	}
	defer c.Close()
	if err := authenticate(c, s); err != nil {
		return scrub(err, s)
	}
	_ = c.Quit()
	return nil
}
