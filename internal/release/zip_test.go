package release

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestZipIsReproducible(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, when time.Time) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o600)
		os.Chtimes(p, when, when)
		return p
	}
	mtime := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	a := write("a", "chương trình", time.Now())
	b := write("b", "hướng dẫn", time.Now())
	entries := []Entry{{Name: "baocao-1/docs/huong-dan.md", Source: b}, {Name: "baocao-1/baocao", Source: a, Executable: true}}
	var first bytes.Buffer
	if err := Zip(&first, entries, mtime); err != nil {
		t.Fatal(err)
	}
	// Other file times and permissions on disk, the entries in another order.
	write("a", "chương trình", time.Now().Add(time.Hour))
	os.Chmod(b, 0o777)
	var second bytes.Buffer
	if err := Zip(&second, []Entry{entries[1], entries[0]}, mtime); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatal("same inputs, different zips")
	}
	r, err := zip.NewReader(bytes.NewReader(first.Bytes()), int64(first.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		mode os.FileMode
	}{{"baocao-1/baocao", 0o755}, {"baocao-1/docs/huong-dan.md", 0o644}}
	for i, f := range r.File {
		if f.Name != want[i].name || f.Mode().Perm() != want[i].mode || !f.Modified.Equal(mtime) {
			t.Errorf("entry %d: %s %v %v", i, f.Name, f.Mode(), f.Modified)
		}
	}
	if err := Zip(&bytes.Buffer{}, []Entry{{Name: "../x", Source: a}}, mtime); err == nil {
		t.Error("an entry outside the zip's folder was written")
	}
}
