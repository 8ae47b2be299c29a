package delivery

import "context"

// Login connects, secures the connection and logs in as the settings say,
// then quits without sending anything: a check that the server is
// reachable and accepts the login (`baocao doctor`).
func Login(ctx context.Context, s Settings) error {
	s = s.withDefaults()
	c, err := connect(ctx, s)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := authenticate(c, s); err != nil {
		return err
	}
	_ = c.Quit()
	return nil
}
