package schedule

import (
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/robfig/cron/v3"
)

// cronParser reads the five-field specs of the config (and descriptors such
// as @monthly), with an optional CRON_TZ= prefix.
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Parse checks a cron spec: it must parse (the parser's panics on
// specs such as a bare "CRON_TZ=…" are turned into errors) and must run at
// least once in the next four years (an impossible date such as
// "0 0 30 2 *" would otherwise silently never run). The schedule reads
// its fields on loc's wall clock, and fires a time loc skips (a daylight
// saving gap) at the first valid time after it.
func Parse(spec string, loc *time.Location) (s cron.Schedule, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, catalog.CfgCron.Errorf(spec, r)
		}
	}()
	s, err = cronParser.Parse(spec)
	if err != nil {
		return nil, catalog.CfgCron.Errorf(spec, err)
	}
	s = newZoned(s, loc)
	now := time.Now().In(loc)
	if next := s.Next(now); next.IsZero() || next.After(now.AddDate(4, 0, 0)) {
		return nil, catalog.CfgCronNever.Errorf(spec)
	}
	return s, nil
}
