package render

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPDFDate(t *testing.T) {
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2024, 3, 16, 7, 0, 3, 0, time.FixedZone("ICT", 7*3600)), "D:20240316070003+07'00'"},
		{time.Date(2024, 3, 16, 0, 0, 3, 0, time.UTC), "D:20240316000003Z"},
		{time.Date(2024, 3, 15, 20, 30, 0, 0, time.FixedZone("NST", -(3*3600+1800))), "D:20240315203000-03'30'"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := pdfDate(tt.at); got != tt.want {
				t.Errorf("pdfDate(%v) = %q, want %q", tt.at, got, tt.want)
			}
		})
	}
}

// TestPDFInfo reads the document information as pdfinfo shows it: the
// summary as title, the unit as author, the period as subject, and the
// creation time in its own zone; qpdf finds the file sound after the dates
// were given their zone.
func TestPDFInfo(t *testing.T) {
	requireTool(t, "pdfinfo")
	requireTool(t, "qpdf")
	for _, zone := range []*time.Location{time.FixedZone("ICT", 7*3600), time.UTC} {
		t.Run(zone.String(), func(t *testing.T) {
			d := testDoc(t, 3, 0)
			d.Generated = time.Date(2024, 3, 15, 7, 0, 3, 0, zone)
			pdf, err := PDF(d)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "r.pdf")
			if err := os.WriteFile(path, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdfinfo", "-isodates", path).CombinedOutput()
			if err != nil {
				t.Fatalf("pdfinfo: %v\n%s", err, out)
			}
			info := map[string]string{}
			for _, l := range strings.Split(string(out), "\n") {
				if k, v, ok := strings.Cut(l, ":"); ok {
					info[k] = strings.TrimSpace(v)
				}
			}
			stamp := "2024-03-15T07:00:03+07"
			if zone == time.UTC {
				stamp = "2024-03-15T07:00:03Z"
			}
			want := map[string]string{
				"Title":        "Kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024",
				"Author":       "Trường Mầm non 20/10",
				"Subject":      "tháng 3 năm 2024 (từ 15/02/2024 đến 14/03/2024)",
				"CreationDate": stamp,
				"ModDate":      stamp,
			}
			for k, v := range want {
				if info[k] != v {
					t.Errorf("pdfinfo %s: %q, want %q", k, info[k], v)
				}
			}
			if _, ok := info["Keywords"]; ok {
				t.Errorf("the zone's placeholder is left as keywords: %q", info["Keywords"])
			}
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
}

// TestPDFWithoutGenerated: a document without a generation time is dated
// now, with its zone, rather than failing.
func TestPDFWithoutGenerated(t *testing.T) {
	d := testDoc(t, 1, 0)
	d.Generated = time.Time{}
	pdf, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(pdf), "/CreationDate (D:") || strings.Contains(string(pdf), zoneMark) {
		t.Error("no creation date, or the placeholder left in the file")
	}
}
