package sources

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// exportsDir holds monthly exports as a school gets them: the dossiers
// workbook named per month, with given modification times.
func exportsDir(t *testing.T, files map[string]time.Time, good map[string]bool) string {
	t.Helper()
	dir := t.TempDir()
	book, err := os.ReadFile(filepath.Join("testdata", "messy.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for name, mod := range files {
		data := book
		if !good[name] {
			data = []byte("Mã,Tên\n1,x\n") // another table: not the dossiers' headers
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestPatternReadsTheNewestMatchingFile(t *testing.T) {
	t0 := time.Date(2024, 4, 16, 8, 0, 0, 0, time.UTC)
	files := map[string]time.Time{
		"Yoyoschool_T3.xlsx": t0, "Yoyoschool_T4.xlsx": t0.Add(24 * time.Hour), "~$Yoyoschool_T4.xlsx": t0.Add(48 * time.Hour),
		"ghi-chu.txt": t0.Add(72 * time.Hour),
	}
	dir := exportsDir(t, files, map[string]bool{"Yoyoschool_T3.xlsx": true, "Yoyoschool_T4.xlsx": true})
	for _, path := range []string{filepath.Join(dir, "Yoyoschool*.xlsx"), dir} {
		res, err := Read(Spec{Name: "dossiers", Path: path}, dossierSchema())
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if filepath.Base(res.Path) != "Yoyoschool_T4.xlsx" || len(res.Notes) != 0 || res.Table.Len() == 0 {
			t.Errorf("%s: read %s, notes %q, %d rows; want the T4 export, no note", path, res.Path, res.Notes, res.Table.Len())
		}
	}
}

func TestPatternWarnsOfANewerFileWithOtherHeaders(t *testing.T) {
	t0 := time.Date(2024, 4, 16, 8, 0, 0, 0, time.UTC)
	dir := exportsDir(t, map[string]time.Time{"Yoyoschool_T3.xlsx": t0, "Yoyoschool_T4.csv": t0.Add(time.Hour)},
		map[string]bool{"Yoyoschool_T3.xlsx": true})
	res, err := Read(Spec{Name: "dossiers", Path: filepath.Join(dir, "Yoyoschool*")}, dossierSchema())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(res.Path) != "Yoyoschool_T3.xlsx" || len(res.Notes) != 1 ||
		!strings.Contains(res.Notes[0], "Yoyoschool_T4.csv") || !strings.Contains(res.Notes[0], "Yoyoschool_T3.xlsx") {
		t.Fatalf("read %s, notes %q; want T3 and a note naming both", res.Path, res.Notes)
	}
	if len(res.Issues) == 0 || res.Issues[0].Message != res.Notes[0] {
		t.Errorf("the note is not among the issues: %+v", res.Issues)
	}
}

func TestPatternWarnsOfTwoEquallyNewFiles(t *testing.T) {
	t0 := time.Date(2024, 4, 16, 8, 0, 0, 0, time.UTC)
	dir := exportsDir(t, map[string]time.Time{"a.xlsx": t0, "b.xlsx": t0}, map[string]bool{"a.xlsx": true, "b.xlsx": true})
	res, err := Read(Spec{Name: "dossiers", Path: dir}, dossierSchema())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "a.xlsx") || !strings.Contains(res.Notes[0], "b.xlsx") {
		t.Errorf("read %s, notes %q; want a note naming both", res.Path, res.Notes)
	}
}

func TestPatternWithoutAMatchingFile(t *testing.T) {
	t0 := time.Date(2024, 4, 16, 8, 0, 0, 0, time.UTC)
	dir := exportsDir(t, map[string]time.Time{"x.csv": t0}, nil)
	for _, path := range []string{filepath.Join(dir, "Yoyoschool*.xlsx"), dir} {
		_, err := Read(Spec{Name: "dossiers", Path: path}, dossierSchema())
		var se *SourceError
		if !errors.As(err, &se) || !errors.Is(err, ErrUnusable) || !strings.Contains(se.Message, path) {
			t.Errorf("%s: %v; want an unusable source naming the pattern", path, err)
		}
	}
}
