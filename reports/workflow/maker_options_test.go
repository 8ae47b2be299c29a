package workflow

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports"
)

// TestWarnTo: the archive's warnings go to the sink given to NewMaker, for
// every job; a job's own notify, the first one's included, never receives
// them.
func TestWarnTo(t *testing.T) {
	cfg, ws := loadExample(t, "../../config.example.toml")
	var sink []string
	m := newFlow(t, cfg, ws, func() time.Time { return time.Date(2024, 4, 1, 8, 0, 0, 0, cfg.Location) },
		reports.WarnTo(func(msg string) { sink = append(sink, msg) }))
	dir := filepath.Join(m.Store().Root, "monthly", "2024-03")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "v1"), []byte("not a version"), 0o644)
	var first, second []string
	NewJob(m, nil, func(msg string) { first = append(first, msg) })
	out, err := NewJob(m, nil, func(msg string) { second = append(second, msg) }).Run(context.Background(), "monthly", mustPeriod(t, m, "monthly", "2024-03"), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Entry.Version != 2 {
		t.Errorf("version %d, want 2 (after the stray v1)", out.Entry.Version)
	}
	if len(sink) != 1 || !strings.Contains(sink[0], "v1 is a file, not a version folder") {
		t.Errorf("the maker's sink got %q", sink)
	}
	if len(first)+len(second) != 0 {
		t.Errorf("jobs' notify got the archive's warnings: %q %q", first, second)
	}
}
