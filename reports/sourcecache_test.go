package reports

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"
)

// TestSourceCacheReadsOncePerChange: data checks of many periods, at once
// and one after another, read each source once; a file changed is read
// again, alone; the warnings are those of an uncached Validate.
func TestSourceCacheReadsOncePerChange(t *testing.T) {
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	copyTo := filepath.Join(t.TempDir(), "phan-anh.xlsx")
	b, err := os.ReadFile(cfg.Path(cfg.Sources["feedback"].Path))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(copyTo, b, 0o644)
	src := cfg.Sources["feedback"]
	src.Path = copyTo
	cfg.Sources["feedback"] = src
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 6, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	files := int64(len(inputsOf(t, m)))

	cache := NewSourceCache(1)
	labels := []string{"2024-01", "2024-02", "2024-03", "2024-Q1", "2024-Q2", "2024-H1", "2024", ""}
	var wg sync.WaitGroup
	for _, l := range labels {
		wg.Go(func() {
			if _, err := m.ValidateCached(l, cache); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := cache.Reads(); got != files {
		t.Fatalf("%d checks at once read %d sources, want each of the %d once", len(labels), got, files)
	}
	cached, err := m.ValidateCached("2024-03", cache)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := m.Validate("2024-03")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cached.Issues, fresh.Issues) || !reflect.DeepEqual(cached.Inputs, fresh.Inputs) {
		t.Errorf("a cached check differs from a fresh one: %d and %d warnings", len(cached.Issues), len(fresh.Issues))
	}
	if got := cache.Reads(); got != files {
		t.Errorf("a further check read %d sources", got-files)
	}
	// Another content (the same size and time would not fool it either).
	os.WriteFile(copyTo, append(b[:len(b):len(b)], 0), 0o644)
	if _, err := m.ValidateCached("2024-03", cache); err == nil {
		t.Log("the changed file still reads") // a byte after the zip is tolerated or not: either way it was read again
	}
	if got := cache.Reads(); got != files+1 {
		t.Errorf("after one file changed, %d reads, want %d", got, files+1)
	}
}

// inputsOf reads m's sources once, uncached, for their count.
func inputsOf(t *testing.T, m *Maker) []Input {
	t.Helper()
	d, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	return d.Inputs
}
