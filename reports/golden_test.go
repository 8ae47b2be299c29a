package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
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
	gotFile := strings.TrimSuffix(golden, ".json") + ".got.json" // beside the golden one, ignored by git
	if !bytes.Equal(append(got, '\n'), want) {
		os.WriteFile(gotFile, append(got, '\n'), 0o644)
		t.Errorf("manifest differs from %s (- golden, + got; the whole manifest is in %s):\n%s\nif the change is meant, rerun with -update and review the diff",
			golden, gotFile, lineDiff(string(want), string(got)+"\n", 3))
		return
	}
	os.Remove(gotFile) // a got file of an earlier failure
}

// lineDiff is a readable diff of two texts: the lines only in a ("-"),
// only in b ("+"), with context lines around each change; "…" marks lines
// left out.
func lineDiff(a, b string, context int) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	// lcs[i][j] is the length of the longest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var all []line
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			all = append(all, line{' ', x[i]})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			all = append(all, line{'-', x[i]})
			i++
		default:
			all = append(all, line{'+', y[j]})
			j++
		}
	}
	var out []string
	last := -1
	for k, l := range all {
		near := false
		for d := max(0, k-context); d <= min(len(all)-1, k+context) && !near; d++ {
			near = all[d].op != ' '
		}
		if !near {
			continue
		}
		if last >= 0 && k > last+1 {
			out = append(out, "…")
		}
		out = append(out, string(l.op)+" "+l.text)
		last = k
	}
	return strings.Join(out, "\n")
}
