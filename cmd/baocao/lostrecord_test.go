package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLostRecordNeverSendsADraft: a version's state comes from everything
// written about it. A draft whose delivery.json is deleted is still a
// draft (no approval): `send` refuses it and `status` says so; a document
// issued from a draft whose approval.json is deleted is not sent either.
// Nothing reaches the district in either case.
func TestLostRecordNeverSendsADraft(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	arch := filepath.Join(filepath.Dir(cfg), "archive", "quarterly", "2024-Q2")
	toDistrict := func() int {
		n := 0
		for _, msg := range m.messages(t) {
			if !strings.Contains(msg.MessageID, ".review.") && !strings.Contains(msg.Subject, "Chờ duyệt") {
				n++
			}
		}
		return n
	}
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 {
		t.Fatalf("run: %s", errs)
	}
	if err := os.Remove(filepath.Join(arch, "v1", "delivery.json")); err != nil {
		t.Fatal(err)
	}
	code, _, errs := baocao("send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code == 0 || !strings.Contains(errs, "bản nháp") {
		t.Errorf("send of a draft without its record: exit %d: %s", code, errs)
	}
	if code, out, errs := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 || !strings.Contains(out, "chờ duyệt") {
		t.Errorf("status: exit %d: %s %s", code, out, errs)
	}
	if n := toDistrict(); n != 0 {
		t.Fatalf("%d messages to the district for an unapproved draft", n)
	}

	// Approved with a number, held (--no-email): v2 is the issued document.
	// Its draft's approval lost, v2 is not sent.
	if code, _, errs := baocao("approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--number", "9", "--force-number", "--no-email"); code != 0 {
		t.Fatalf("approve: %s", errs)
	}
	if err := os.Remove(filepath.Join(arch, "v1", "approval.json")); err != nil {
		t.Fatal(err)
	}
	code, _, errs = baocao("send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code == 0 || !strings.Contains(errs, "approval.json") {
		t.Errorf("send of an issued document whose approval is lost: exit %d: %s", code, errs)
	}
	if n := toDistrict(); n != 0 {
		t.Fatalf("%d messages to the district without an approval", n)
	}
}
