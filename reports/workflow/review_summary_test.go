package workflow

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestReviewMessageQuotesTheDistrictText: the reviewers' "[Chờ duyệt]"
// message carries every line the district's message will say about the
// version — intro, assessment and "Các chỉ tiêu thay đổi so với kỳ trước
// …" — so the principal approves the text that goes out.
func TestReviewMessageQuotesTheDistrictText(t *testing.T) {
	var now time.Time
	m, _ := reviewMaker(t, &now)
	now = time.Date(2024, 6, 15, 7, 0, 0, 0, m.cfg.Location)
	out, err := NewJob(m, nil, nil).Run(context.Background(), "quarterly", mustPeriod(t, m, "quarterly", "2024-Q2"), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	review, err := m.ReviewMessage(out.Entry)
	if err != nil {
		t.Fatal(err)
	}
	district, err := m.Message(out.Entry)
	if err != nil {
		t.Fatal(err)
	}
	lines := m.districtText(out.Manifest, mustPeriod(t, m, "quarterly", "2024-Q2"), m.cfg.Reports["quarterly"].Threshold())
	if !strings.Contains(strings.Join(lines, "\n"), "Các chỉ tiêu thay đổi so với kỳ trước (quý I năm 2024)") {
		t.Fatalf("the example's 2024-Q2 has no changes section to compare:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if l == "" {
			continue
		}
		if !strings.Contains(district.Body, l) {
			t.Errorf("district message lacks its own line %q", l)
		}
		if !strings.Contains(review.Body, l) {
			t.Errorf("review message lacks the district's line %q", l)
		}
	}
	t.Log(review.Body)
}
