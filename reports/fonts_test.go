package reports

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/mn2010/baocao/reports/render"
)

// TestFontFound: with Times New Roman's four files in [document]
// fonts_dir (Liberation Serif standing in under Times New Roman's file
// names), the PDF embeds them and the manifest says "Times New Roman";
// with a folder without them, the machine's Times New Roman or else
// Liberation Serif, and the manifest says which.
func TestFontFound(t *testing.T) {
	requireTool(t, "pdffonts")
	dir := t.TempDir()
	for name, ttf := range map[string][]byte{"times.ttf": liberationserifregular.TTF, "timesbd.ttf": liberationserifbold.TTF,
		"timesi.ttf": liberationserifitalic.TTF, "timesbi.ttf": liberationserifbolditalic.TTF} {
		if err := os.WriteFile(filepath.Join(dir, name), ttf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := exampleMaker(t, 2024, 6, 16)
	m.cfg.Document.FontsDir = dir
	m2, err := NewMaker(m.cfg, m.now)
	if err != nil {
		t.Fatal(err)
	}
	e, man := makeWith(t, m2, "monthly", "2024-03", Options{Number: 5})
	if man.Font != render.TimesNewRoman {
		t.Errorf("manifest font %q, want %q", man.Font, render.TimesNewRoman)
	}
	fonts := run(t, "pdffonts", filepath.Join(e.Dir, "bao-cao-cchc-2024-03.pdf"))
	lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(lines) != 4 {
		t.Errorf("%d fonts, want the four styles:\n%s", len(lines), fonts)
	}
	for _, l := range lines {
		if f := strings.Fields(l); !strings.HasPrefix(f[0], "utf8timesnewroman") || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded Times New Roman: %q", l)
		}
	}

	// A folder without the files: the machine's fonts decide.
	m.cfg.Document.FontsDir = t.TempDir()
	m3, err := NewMaker(m.cfg, m.now)
	if err != nil {
		t.Fatal(err)
	}
	want, err := render.FindFont(render.FontDirs())
	if err != nil {
		t.Fatal(err)
	}
	e, man = makeWith(t, m3, "monthly", "2024-03", Options{Number: 5})
	if man.Font != want.Name {
		t.Errorf("manifest font %q, the machine has %q", man.Font, want.Name)
	}
	prefix := "utf8" + strings.ToLower(strings.ReplaceAll(want.Name, " ", ""))
	for _, l := range strings.Split(strings.TrimSpace(run(t, "pdffonts", filepath.Join(e.Dir, "bao-cao-cchc-2024-03.pdf"))), "\n")[2:] {
		if f := strings.Fields(l); !strings.HasPrefix(strings.ToLower(f[0]), prefix) {
			t.Errorf("font %q, want %s", f[0], want.Name)
		}
	}

	// A file under Times New Roman's name that is no font is a config error.
	bad := t.TempDir()
	for _, n := range []string{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"} {
		os.WriteFile(filepath.Join(bad, n), []byte("not a font"), 0o644)
	}
	m.cfg.Document.FontsDir = bad
	if _, err := NewMaker(m.cfg, m.now); err == nil || !strings.Contains(err.Error(), "fonts_dir") {
		t.Errorf("a broken font file: %v", err)
	}
}

// TestFallbackFont: on a machine without Times New Roman (asked for by
// an empty fonts folder list), Liberation Serif.
func TestFallbackFont(t *testing.T) {
	f, err := render.FindFont([]string{t.TempDir()})
	if err != nil || f != render.LiberationSerif {
		t.Errorf("FindFont without Times New Roman: %v, %v", f, err)
	}
}
