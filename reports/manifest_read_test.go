package reports

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadIssuedFrom: a draft's manifest has none; an issued document's
// manifest gives its draft (whatever the case of the key, as
// encoding/json reads it); a manifest that is not JSON is an error, as
// for ReadManifest.
func TestReadIssuedFrom(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, ManifestName), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"report": "annual", "version": 2, "indicators": [{"id": "x", "text": "Số 12 – issued"}]}` + "\n")
	if from, err := ReadIssuedFrom(dir); err != nil || from != nil {
		t.Fatalf("draft: ReadIssuedFrom = %v, %v; want nil, nil", from, err)
	}
	write(`{"report": "annual", "version": 3, "issued_from": {"version": 2, "date": "2025-01-20"}}`)
	if from, err := ReadIssuedFrom(dir); err != nil || from == nil || from.Version != 2 || from.Date != "2025-01-20" {
		t.Fatalf("issued: ReadIssuedFrom = %+v, %v; want version 2 of 2025-01-20", from, err)
	}
	write(`{"report": "annual", "Issued_From": {"version": 4}}`)
	if from, err := ReadIssuedFrom(dir); err != nil || from == nil || from.Version != 4 {
		t.Fatalf("key in another case: ReadIssuedFrom = %+v, %v; want version 4", from, err)
	}
	write(`{"report": "annual", "version": `)
	_, err := ReadIssuedFrom(dir)
	_, want := ReadManifest(dir)
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Fatalf("truncated manifest: ReadIssuedFrom error %v, ReadManifest error %v; want the same error", err, want)
	}
	os.Remove(filepath.Join(dir, ManifestName))
	if _, err := ReadIssuedFrom(dir); err == nil {
		t.Fatal("no manifest: no error")
	}
}
