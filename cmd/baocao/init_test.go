package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitRefusesAPathItCannotWrite: a config path that cannot be written
// is caught before the first question, in Vietnamese, saying what to do.
func TestInitRefusesAPathItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "tep") // a file where a folder should be: no one can write under it, root included
	os.WriteFile(blocker, []byte("x"), 0o644)
	var out, errs strings.Builder
	err := initWith([]string{"-c", filepath.Join(blocker, "baocao", "baocao.toml")}, strings.NewReader("Trường Mầm non 20/10\n"), &out, &errs)
	code := exitCode(err, &errs, command{name: "init"})
	if code != exitBadInput || out.Len() != 0 {
		t.Fatalf("exit %d, questions asked:\n%s", code, out.String())
	}
	for _, w := range []string{"không ghi được tệp cấu hình", "quyền quản trị", "hoặc chọn chỗ khác: baocao init -c"} {
		if !strings.Contains(errs.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs.String())
		}
	}
	if words := englishWords(errs.String()); len(words) > 0 {
		t.Errorf("English words %q in %s", words, errs.String())
	}
}
