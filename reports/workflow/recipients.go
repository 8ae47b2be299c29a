package workflow

import (
	"fmt"

	"github.com/mn2010/baocao/internal/catalog"
)

// checkRecipients refuses, before anything is archived or approved, to
// make a version that mail is on to send when its report names nobody to
// send it to: the version would wait, pending, forever.
func (m *Flow) checkRecipients(id string) error {
	if r, ok := m.cfg.Reports[id]; ok && len(r.To) == 0 {
		return fmt.Errorf("%w: %s", ErrSettings, catalog.WfNoRecipients.F(id))
	}
	return nil
}
