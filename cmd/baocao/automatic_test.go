package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/workflow"
)

// TestAutomaticMonthlyMailSaysSo: the example's monthly report goes out by
// itself (no approvers). Through a real mail server, the district's
// message says in its first line that the figures are sent automatically
// and not approved by the head, and the PDF it carries has no number
// ("Số:   /BC-MN2010") unless one was given to run.
func TestAutomaticMonthlyMailSaysSo(t *testing.T) {
	m := startMailpit(t)
	cfg := project(t)
	mailConfig(t, cfg, m)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	numberLine := regexp.MustCompile(`Số:\s*(\S*)/BC-MN2010`)

	for _, tt := range []struct {
		period, number, want string
	}{{"2024-03", "", ""}, {"2024-04", "7", "07"}} {
		args := []string{"run", "-c", cfg, "-r", "monthly", "-p", tt.period}
		if tt.number != "" {
			args = append(args, "--number", tt.number)
		}
		if code, _, errs := baocao(args...); code != 0 {
			t.Fatalf("run %s: exit %d: %s", tt.period, code, errs)
		}
		var msg *mpSummary
		for _, x := range districtMessages(t, m) {
			if strings.Contains(x.Subject, "tháng "+strings.TrimLeft(tt.period[5:], "0")+" năm 2024") {
				msg = &x
			}
		}
		if msg == nil {
			t.Fatalf("%s: no message to the district", tt.period)
		}
		var full mpFull
		m.get(t, "/api/v1/message/"+msg.ID, &full)
		if first, _, _ := strings.Cut(full.Text, "\n"); strings.TrimSpace(first) != workflow.AutomaticNotice {
			t.Errorf("%s: the first line is %q, want %q", tt.period, first, workflow.AutomaticNotice)
		}
		name, pdf := attachment(t, m, msg.ID, ".pdf")
		text := pdfText(t, writeTemp(t, name, pdf))
		got := numberLine.FindStringSubmatch(text)
		if got == nil {
			t.Fatalf("%s: the PDF has no \"Số: …/BC-MN2010\" line:\n%s", tt.period, text)
		}
		if got[1] != tt.want {
			t.Errorf("%s: the PDF's number is %q, want %q", tt.period, got[1], tt.want)
		}
	}
}
