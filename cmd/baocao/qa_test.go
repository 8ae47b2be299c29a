package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNumberAndDateOfIssueAreChecked: a number below 1, a date that is not
// in the calendar, before the period or far ahead are refused (exit 2)
// with a message saying what is wrong and what is accepted; nothing is
// archived.
func TestNumberAndDateOfIssueAreChecked(t *testing.T) {
	cfg := project(t)
	far := time.Now().AddDate(0, 0, 40).Format("02/01/2006")
	tests := []struct {
		name  string
		args  []string
		words []string
	}{
		{"approve negative number", []string{"approve", "-r", "quarterly", "-p", "2024-Q1", "--by", "X", "--number", "-5"}, []string{"--number -5", "1 or more"}},
		{"run zero number", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "0"}, []string{"--number 0", "1 or more"}},
		{"run negative number", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "-1"}, []string{"1 or more"}},
		{"1900", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "01/01/1900"}, []string{"01/01/1900 is before the period 2024-03 begins", "accepted from 15/02/2024"}},
		{"31 February", []string{"approve", "-r", "quarterly", "-p", "2024-Q1", "--by", "X", "--date", "31/02/2024"}, []string{"02/2024 has no day 31", "29 days"}},
		{"month 13", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "01/13/2024"}, []string{"no month 13"}},
		{"not DD/MM/YYYY", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "2024-04-20"}, []string{"write the date as DD/MM/YYYY"}},
		{"far ahead", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", far}, []string{"more than 31 days after today", "accepted from"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := baocao(append(tt.args, "-c", cfg)...)
			if code != 2 {
				t.Errorf("exit %d, want 2: %s", code, errs)
			}
			for _, w := range tt.words {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			if strings.Contains(tt.name, "31 February") && strings.Contains(errs, "write the date as") {
				t.Errorf("a date written DD/MM/YYYY is told to be written so:\n%s", errs)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive")); !os.IsNotExist(err) {
		t.Error("a refused number or date archived something")
	}
	code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "15", "--date", "20/03/2024")
	if code != 0 {
		t.Errorf("a good number and date: exit %d: %s", code, errs)
	}
}

// TestUsageLinePrintedOnce: a bad command line prints run's whole usage
// line (with --number and --date) once.
func TestUsageLinePrintedOnce(t *testing.T) {
	cfg := project(t)
	for _, args := range [][]string{
		{"run", "-c", cfg, "--bogus"},
		{"run", "-c", cfg, "-p", "2024-03"},
		{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "extra"},
	} {
		code, _, errs := baocao(args...)
		if code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
		if n := strings.Count(errs, "-r REPORT -p PERIOD"); n != 1 {
			t.Errorf("%v: the usage line is printed %d times:\n%s", args, n, errs)
		}
		if !strings.Contains(errs, "usage: baocao run -r REPORT -p PERIOD [--no-email] [--number N] [--date DD/MM/YYYY] [-c CONFIG]") {
			t.Errorf("%v: stderr lacks the whole usage line:\n%s", args, errs)
		}
	}
}

// TestNothingArchivedIsBadInput: status, approve and send of a period with
// nothing archived exit 2, saying to run it first.
func TestNothingArchivedIsBadInput(t *testing.T) {
	cfg := project(t)
	for _, args := range [][]string{
		{"status", "-r", "quarterly", "-p", "2024-Q3"},
		{"approve", "-r", "quarterly", "-p", "2024-Q3", "--by", "X", "--no-email"},
	} {
		code, _, errs := baocao(append(args, "-c", cfg)...)
		if code != 2 || !strings.Contains(errs, "no archived version") {
			t.Errorf("%v: exit %d, want 2: %s", args, code, errs)
		}
	}
}
