package page

import (
	"context"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/web"
)

// TestBackendSpeaksInTitles: the backend's messages name reports by
// title and periods in words, never by config id.
func TestBackendSpeaksInTitles(t *testing.T) {
	b, cfg, _ := project(t)
	cfg.SMTP.Host = ""
	ctx := context.Background()
	var steps []string
	if _, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(s string) { steps = append(steps, s) }); err != nil {
		t.Fatal(err)
	}
	if len(steps) == 0 || steps[0] != "Chờ đến lượt chạy báo cáo tháng 3 năm 2024…" {
		t.Errorf("first step %q", steps)
	}
	_, err := b.Version(ctx, "monthly", "2024-03", 9)
	if err == nil || !strings.HasSuffix(err.Error(), "chưa có Báo cáo tháng 3 năm 2024, phiên bản 9") {
		t.Errorf("a missing version: %v", err)
	}
	_, err = b.Approve(ctx, "Lan", web.VersionRef{Report: "monthly", Period: "2024-03", Version: 1}, web.Approval{Name: "Vân"})
	if err == nil || !strings.Contains(err.Error(), "Báo cáo tháng không có người duyệt (khóa approvers trong [reports.monthly]") {
		t.Errorf("approving a report without reviewers: %v", err)
	}
	c, err := b.Check(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, s := range c.Sources {
		titles[s.Name] = s.Title
	}
	if titles["dossiers"] != "Sổ theo dõi hồ sơ TTHC" || titles["documents"] != "Sổ văn bản đi/đến" {
		t.Errorf("source titles from the plan: %v", titles)
	}
	for _, w := range []struct{ label, want string }{
		{"2024-03", "tháng 3 năm 2024"}, {"2024-Q1", "quý I năm 2024"}, {"2024-H2", "6 tháng cuối năm 2024"}, {"2024", "năm 2024"}, {"x", "x"},
	} {
		if got := web.PeriodWords(w.label); got != w.want {
			t.Errorf("web.PeriodWords(%q) = %q, want %q", w.label, got, w.want)
		}
	}
}
