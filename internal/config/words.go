package config

import (
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
)

// The file's words for a report's period and boundaries, checked here so
// that Load names the key; reports/period gives them their meaning, and
// reports.Settings.Provision parses them again. (internal/config imports
// nothing under reports/: docs/architecture.md.)

// Kind is a report's period = "…".
type Kind string

// The kinds of period.
const (
	Month    Kind = "month"
	Quarter  Kind = "quarter"
	HalfYear Kind = "half-year"
	Year     Kind = "year"
)

// Boundary is a report's boundaries = "…".
type Boundary string

// ParseKind checks a kind as written in a config.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case Month, Quarter, HalfYear, Year:
		return k, nil
	}
	return "", catalog.CfgKind.Errorf(s)
}

// ParseBoundary checks a boundary as written in a config; empty is decree09.
func ParseBoundary(s string) (Boundary, error) {
	switch b := Boundary(strings.ToLower(strings.TrimSpace(s))); b {
	case "":
		return "decree09", nil
	case "decree09", "calendar":
		return b, nil
	}
	return "", catalog.CfgBoundary.Errorf(s)
}

// DefaultDeadlineDay and MaxDeadlineDay bound deadline_day (as
// period.DefaultDeadlineDay and period.MaxDeadlineDay).
const (
	DefaultDeadlineDay = 20
	MaxDeadlineDay     = 28
)

// CheckDeadlineDay checks a deadline day as written in a config.
func CheckDeadlineDay(day int) error {
	if day < 1 || day > MaxDeadlineDay {
		return catalog.CfgDeadlineRange.Errorf(day, MaxDeadlineDay)
	}
	return nil
}
