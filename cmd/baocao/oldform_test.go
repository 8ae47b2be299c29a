package main

import (
	"os"
	"strings"
	"testing"
)

// exampleApprovers is how the example config names its approver, on the
// quarterly, half-year and annual reports.
const exampleApprovers = `approvers = ["hieutruong"]`

// oldReviewers is the same approver in the form of before accounts.
const oldReviewers = `reviewers = ["Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"]`

// oldProject is the example project written the way configs were before
// accounts: reviewers ("Name <address>") in place of approvers. Tests of
// that old form (doctor's notes, init --upgrade, review mail by address)
// start from it.
func oldProject(t *testing.T) string {
	t.Helper()
	cfg := project(t)
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), exampleApprovers); n != 3 {
		t.Fatalf("the example config names %s %d times, want 3", exampleApprovers, n)
	}
	if err := os.WriteFile(cfg, []byte(strings.ReplaceAll(string(b), exampleApprovers, oldReviewers)), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}
