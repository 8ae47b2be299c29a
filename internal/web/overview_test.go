package web

import (
	"strings"
	"testing"
)

// TestOverviewListsProblemsOfEveryPeriod: a failed, pending or returned
// version, or a late draft, of an older period is on the overview, first,
// with its link; a period whose newest version is fine is not.
func TestOverviewListsProblemsOfEveryPeriod(t *testing.T) {
	f := newFake()
	// Behind the newest periods (monthly 2024-03, quarterly 2024-Q1):
	f.versions = append(f.versions,
		VersionSummary{VersionRef: VersionRef{"monthly", "2023-11", 1}, Year: 2023, State: StatePending, Deadline: t0.AddDate(0, -4, 0)},
		VersionSummary{VersionRef: VersionRef{"monthly", "2023-10", 2}, Year: 2023, State: StateReturned, Deadline: t0.AddDate(0, -5, 0)},
		VersionSummary{VersionRef: VersionRef{"monthly", "2023-09", 2}, Year: 2023, State: StateSent, Deadline: t0.AddDate(0, -6, 0)},
		VersionSummary{VersionRef: VersionRef{"monthly", "2023-09", 1}, Year: 2023, State: StateFailed, Deadline: t0.AddDate(0, -6, 0)},
	)
	s, _ := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	r, body := c.get("/")
	wantStatus(t, r, body, 200)
	i := strings.Index(body, `id="can-xu-ly"`)
	cards := strings.Index(body, `class="cards"`)
	if i < 0 || cards < i {
		t.Fatalf("no list of problems before the reports: %s", body)
	}
	list := body[i:cards]
	wantIn(t, list, "Cần xử lý (4)",
		`<a href="/bao-cao/quarterly/2024-Q1/v1"><b>Báo cáo quý I năm 2024</b>, phiên bản 1</a>`, "Bản dự thảo đã quá hạn nộp mà chưa được duyệt.",
		`<a href="/bao-cao/quarterly/2023-Q4/v1"><b>Báo cáo quý IV năm 2023</b>, phiên bản 1</a>`, "Gửi lỗi: cần sửa rồi gửi lại.",
		`<a href="/bao-cao/monthly/2023-11/v1"><b>Báo cáo tháng 11 năm 2023</b>, phiên bản 1</a>`, "Chưa gửi được: chương trình sẽ tự gửi lại.",
		`<a href="/bao-cao/monthly/2023-10/v2"><b>Báo cáo tháng 10 năm 2023</b>, phiên bản 2</a>`, "Bản dự thảo bị trả lại")
	if strings.Contains(list, "2023-09") {
		t.Errorf("a period whose newest version was sent is listed: %s", list)
	}
	if strings.Contains(list, "2024-03") || strings.Contains(list, "2024-02") {
		t.Errorf("a version without a problem is listed: %s", list)
	}
	f.versions = f.versions[:1]
	_, body = c.get("/")
	if strings.Contains(body, "can-xu-ly") {
		t.Error("the list shows with nothing to do")
	}
}
