package workflow

import (
	"context"
	"fmt"
	"time"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// MorningHour is when, in the unit's time zone, the deadline reminders
// are due: two days before the deadline and on its morning.
const MorningHour = 7

// DueReminder is the reminder owed at now for the draft e, by the name of
// the record that keeps it sent once ("" when none is due): the reviewers'
// reminder two days before the deadline (if the draft was made before
// then), the one on the deadline's morning, and, from the day after, the
// notice to admin_email. A draft that is approved, returned or replaced
// is owed none.
func (m *Flow) DueReminder(e archive.Entry, now time.Time) (string, error) {
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil || rec.Status != delivery.Draft {
		return "", err
	}
	if a, err := ReadApproval(e.Dir); err != nil || a != nil {
		return "", err
	}
	if r, err := ReadReturn(e.Dir); err != nil || r != nil {
		return "", err
	}
	di, err := m.draftInfo(e)
	if err != nil || !di.report.Reviewed() {
		return "", err
	}
	return m.reminderDue(di, now, [3]string{RemindBefore, RemindDue, OverdueName}), nil
}

// reminderDue names which of a waiting version's three reminders is due now:
// names[0] two days before the deadline (for a version made before that
// morning), names[1] on the deadline's morning, names[2] from the day after
// (the notice to admin_email, none without one); "" when none is.
func (m *Flow) reminderDue(di *draftInfo, now time.Time, names [3]string) string {
	loc := m.cfg.Location
	now = now.In(loc)
	dl := di.deadline
	before := time.Date(dl.Year(), dl.Month(), dl.Day()-2, MorningHour, 0, 0, 0, loc)
	due := time.Date(dl.Year(), dl.Month(), dl.Day(), MorningHour, 0, 0, 0, loc)
	late := time.Date(dl.Year(), dl.Month(), dl.Day()+1, 0, 0, 0, 0, loc)
	made, _ := time.Parse(time.RFC3339, di.man.GeneratedAt)
	switch {
	case !now.Before(late):
		if m.cfg.Unit.AdminEmail == "" {
			return ""
		}
		return names[2]
	case !now.Before(due):
		return names[1]
	case !now.Before(before) && made.Before(before):
		return names[0]
	}
	return ""
}

// Remind sends the reminder named by its record (DueReminder), once.
func (j *Job) Remind(ctx context.Context, e archive.Entry, record string) (*delivery.Record, error) {
	if j.mail == nil {
		return nil, delivery.ErrSettings.Newf(catalog.MailNoHost)
	}
	kind := map[string]reminder{RemindBefore: remindBefore, RemindDue: remindDue, OverdueName: remindLate}[record]
	if kind.record == "" {
		return nil, fmt.Errorf("reports: unknown reminder %q", record)
	}
	msg, err := j.maker.reminderMessage(e, kind)
	if err != nil {
		return nil, err
	}
	return delivery.New(*j.mail, delivery.Options{Now: j.maker.now, Record: record}).Deliver(ctx, e.Dir, msg, false)
}
