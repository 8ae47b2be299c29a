package page

import (
	"html"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/web"
)

// TestPlanPage: "Kế hoạch" shows the plan in force over the example
// config: its reference, each target with its threshold and how it is
// measured (a computation or a manual figure), and the tasks.
func TestPlanPage(t *testing.T) {
	b, _, _ := project(t)
	s, _ := testServer(t, web.Settings{}, b)
	c := newClient(t, s.Handler())
	r, body := c.get("/ke-hoach")
	body = html.UnescapeString(body)
	if r.StatusCode != 200 {
		t.Fatalf("status %d:\n%s", r.StatusCode, body)
	}
	for _, want := range []string{
		`<a href="/ke-hoach" aria-current="page">Kế hoạch</a>`,
		"Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm 2024</strong> — Trường Mầm non 20/10, năm 2024",
		"Kế hoạch có sẵn trong chương trình",
		"<h2>Chỉ tiêu (16)</h2>", "<h2>Nhiệm vụ (58)</h2>",
		"<td>4.1</td><td>Mức độ hài lòng của PHHS về thanh toán học phí qua Yoyoschool</td><td>Từ 99% trở lên</td>" +
			"<td>đo bằng tỷ lệ phiếu Hài lòng, Rất hài lòng về thanh toán học phí qua Yoyoschool (Phiếu khảo sát hài lòng)</td>",
		"<td>1</td><td>Chỉ số Cải cách hành chính (PAR index) của Quận 1 nằm trong nhóm 05 đơn vị dẫn đầu Thành phố</td><td>Xếp hạng ≤ 5</td>" +
			"<td>nhập tay (thứ hạng, Mã chỉ tiêu 1 trong Số liệu nhập tay)</td>",
		"<td>8.2</td><td>Điều tra xã hội học khách quan, khoa học</td>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the plan page lacks %q", want)
		}
	}
}
