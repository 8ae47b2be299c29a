package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/render"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGoldenManifest makes the monthly report of March 2024 from the
// example config and data, and compares its manifest with the golden one
// (generation time and output hashes aside: they change with every run).
func TestGoldenManifest(t *testing.T) {
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	at := time.Date(2024, 3, 16, 7, 0, 3, 0, cfg.Location)
	m, err := NewMaker(cfg, func() time.Time { return at })
	if err != nil {
		t.Fatal(err)
	}
	p, err := m.Period("monthly", "2024-03")
	if err != nil {
		t.Fatal(err)
	}
	entry, _, err := m.Make("monthly", p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(entry.Dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var man Manifest
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	if man.GeneratedAt != "2024-03-16T07:00:03+07:00" || man.Version != 1 || len(man.Outputs) != 3 {
		t.Errorf("generated_at %s version %d outputs %v", man.GeneratedAt, man.Version, man.Outputs)
	}
	for i := range man.Outputs {
		if man.Outputs[i].SHA256 == "" || man.Outputs[i].Bytes == 0 {
			t.Errorf("output %s without hash or size", man.Outputs[i].Path)
		}
		man.Outputs[i].SHA256, man.Outputs[i].Bytes = "", 0
	}
	if man.Font != render.TimesNewRoman && man.Font != render.LiberationSerif.Name {
		t.Errorf("manifest font %q", man.Font)
	}
	man.Font = "" // the machine's: checked by TestFontFound
	got, _ := json.MarshalIndent(man, "", "  ")
	golden := "../testdata/golden/monthly-2024-03.manifest.json"
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run Golden -update)", err)
	}
	if !bytes.Equal(append(got, '\n'), want) {
		os.WriteFile(filepath.Join(t.TempDir(), "got.json"), got, 0o644)
		t.Errorf("manifest differs from %s; if the change is meant, rerun with -update and review the diff", golden)
	}
}
