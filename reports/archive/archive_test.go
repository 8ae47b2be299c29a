package archive

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPutMakesNewVersionsAndLeavesOldOnes(t *testing.T) {
	s := &Store{Root: t.TempDir()}
	build := func(v int) ([]File, error) {
		return []File{{Name: "manifest.json", Data: fmt.Appendf(nil, `{"version":%d}`, v)}}, nil
	}
	e1, err := s.Put("monthly", "2024-03", build)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(e1.Dir, "manifest.json"))
	e2, err := s.Put("monthly", "2024-03", build)
	if err != nil {
		t.Fatal(err)
	}
	if e1.Version != 1 || e2.Version != 2 {
		t.Fatalf("versions %d, %d; want 1, 2", e1.Version, e2.Version)
	}
	after, _ := os.ReadFile(filepath.Join(e1.Dir, "manifest.json"))
	if !bytes.Equal(before, after) {
		t.Error("v1 changed when v2 was made")
	}
	latest, ok, err := s.Latest("monthly", "2024-03")
	if err != nil || !ok || latest.Version != 2 {
		t.Errorf("Latest = %+v, %v, %v", latest, ok, err)
	}
	list, err := s.List()
	if err != nil || len(list) != 2 {
		t.Errorf("List = %+v, %v", list, err)
	}
}

func TestPutLeavesNothingWhenBuildFails(t *testing.T) {
	s := &Store{Root: t.TempDir()}
	_, err := s.Put("monthly", "2024-03", func(int) ([]File, error) { return nil, fmt.Errorf("boom") })
	if err == nil {
		t.Fatal("want an error")
	}
	entries, _ := os.ReadDir(filepath.Join(s.Root, "monthly", "2024-03"))
	if len(entries) != 0 {
		t.Errorf("archive holds %v after a failed build", entries)
	}
}

func TestPutSkipsAVersionTakenMeanwhile(t *testing.T) {
	s := &Store{Root: t.TempDir()}
	calls := 0
	e, err := s.Put("monthly", "2024-03", func(v int) ([]File, error) {
		calls++
		if calls == 1 { // another process claims v1 while this one builds
			os.MkdirAll(filepath.Join(s.Root, "monthly", "2024-03", "v1"), 0o755)
		}
		return []File{{Name: "a", Data: []byte{byte(v)}}}, nil
	})
	if err != nil || e.Version != 2 || calls != 2 {
		t.Fatalf("got %+v, %v after %d builds; want v2 after 2", e, err, calls)
	}
	data, _ := os.ReadFile(filepath.Join(e.Dir, "a"))
	if !bytes.Equal(data, []byte{2}) {
		t.Errorf("v2 holds %v, built for the wrong version", data)
	}
}

func TestLocks(t *testing.T) {
	s := &Store{Root: t.TempDir()}
	unlock, err := s.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LockDaemon(); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), ".daemon.lock") {
		t.Errorf("second daemon lock: %v", err)
	}
	unlock.Unlock()
	if u, err := s.LockDaemon(); err != nil {
		t.Errorf("after unlock: %v", err)
	} else {
		u.Unlock()
	}

	u1, err := s.LockReport("monthly", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		u2, err := s.LockReport("monthly", func(path string) { got <- path })
		if err == nil {
			u2()
		}
		close(done)
	}()
	if path := <-got; !strings.HasSuffix(path, "monthly.lock") {
		t.Errorf("waiting on %s", path)
	}
	u1()
	<-done
}

func TestReplaceFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "delivery.json")
	for _, data := range []string{"one", "two"} {
		if err := ReplaceFile(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(p); string(b) != data {
			t.Errorf("read %q, want %q", b, data)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(p)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestDaemonLockSurvivesRemovingTheArchive: the archive folder deleted
// under a running daemon; once the daemon checks its lock, a second daemon
// is still refused.
func TestDaemonLockSurvivesRemovingTheArchive(t *testing.T) {
	s := &Store{Root: filepath.Join(t.TempDir(), "archive")}
	l, err := s.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if renewed, err := l.Check(); renewed || err != nil {
		t.Fatalf("check of an intact lock: %v %v", renewed, err)
	}
	if err := os.RemoveAll(s.Root); err != nil {
		t.Fatal(err)
	}
	if renewed, err := l.Check(); !renewed || err != nil {
		t.Fatalf("check after removal: renewed %v, %v", renewed, err)
	}
	if _, err := s.LockDaemon(); !errors.Is(err, ErrLocked) {
		t.Errorf("a second daemon after the archive was removed: %v, want ErrLocked", err)
	}
}

func TestStrayVersionFileIsSkipped(t *testing.T) {
	var warned []string
	s := &Store{Root: t.TempDir(), Warn: func(m string) { warned = append(warned, m) }}
	dir := filepath.Join(s.Root, "monthly", "2024-03")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "v2"), []byte("not a version"), 0o644)
	e, err := s.Put("monthly", "2024-03", func(v int) ([]File, error) { return []File{{Name: "a", Data: []byte{byte(v)}}}, nil })
	if err != nil {
		t.Fatal(err)
	}
	if e.Version != 3 {
		t.Errorf("version %d, want 3 (after the stray v2, whose number is not reused)", e.Version)
	}
	if len(warned) == 0 || !strings.Contains(warned[0], "v2 is a file") {
		t.Errorf("warnings %q", warned)
	}
	if l, ok, _ := s.Latest("monthly", "2024-03"); !ok || l.Version != 3 {
		t.Errorf("latest %+v", l)
	}
}

func TestCleanStaging(t *testing.T) {
	s := &Store{Root: t.TempDir()}
	left := filepath.Join(s.Root, "monthly", "2024-03", ".staging-123")
	busy := filepath.Join(s.Root, "annual", "2023", ".staging-456")
	os.MkdirAll(left, 0o755)
	os.MkdirAll(busy, 0o755)
	unlock, err := s.LockReport("annual", nil) // a run of annual is writing
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	removed, err := s.CleanStaging()
	if err != nil || len(removed) != 1 || removed[0] != left {
		t.Fatalf("removed %v, %v", removed, err)
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("the staging folder of a run in progress was removed")
	}
}

func TestWriteOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "approval.json")
	if err := WriteOnce(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteOnce(path, []byte("second\n")); !errors.Is(err, ErrWritten) {
		t.Errorf("second write: %v, want ErrWritten", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first\n" {
		t.Errorf("the file says %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
