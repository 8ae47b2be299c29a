package workflow

import (
	"fmt"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/render"
)

// NoDataNotice is the message to the unit's admin_email about a version
// the daemon archived held because its period has no data: what the data
// files hold, and what to do (update them, then run again or send).
func (m *Flow) NoDataNotice(e archive.Entry, man *reports.Manifest) *delivery.Message {
	r := m.cfg.Reports[e.Report]
	words := e.Period
	if r != nil {
		if p, err := period.Parse(man.Period.Label, r.Boundary); err == nil {
			words = render.PeriodWords(string(p.Kind), p.Year, p.N)
		}
	}
	span := ""
	if from, err := time.Parse(time.DateOnly, man.Period.From); err == nil {
		if to, err := time.Parse(time.DateOnly, man.Period.To); err == nil {
			span = fmt.Sprintf(" (số liệu từ ngày %s đến ngày %s)", from.Format("02/01/2006"), to.Format("02/01/2006"))
		}
	}
	body := []string{
		fmt.Sprintf("baocao đã lập tự động %s kỳ %s, %s%s, lúc %s, nhưng các tệp số liệu không có dòng nào thuộc kỳ này:",
			m.reportName(e.Report), e.Period, words, span, stamp(man.GeneratedAt, m.cfg.Location)),
		"",
	}
	for _, w := range man.NoPeriodData.Words(m.SourceTitle) {
		body = append(body, "- "+w)
	}
	body = append(body, "",
		fmt.Sprintf("Phiên bản %d đã được lưu (%s) nhưng CHƯA được gửi cho ai, để cấp trên không nhận một báo cáo toàn \"không phát sinh\".", e.Version, e.Dir),
		"",
		"Việc cần làm: cập nhật các tệp số liệu cho kỳ này, rồi chạy lại:",
		fmt.Sprintf("  baocao run -r %s -p %s", e.Report, e.Period))
	if r != nil && r.Reviewed() {
		body = append(body, "", "Báo cáo này cần được duyệt: bản chạy lại sẽ được gửi người duyệt như thường lệ.")
	} else {
		body = append(body, "",
			"Nếu kỳ này thật sự không phát sinh gì và bản đã lưu là đúng, gửi bản đó:",
			fmt.Sprintf("  baocao send -r %s -p %s", e.Report, e.Period))
	}
	body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.")
	return &delivery.Message{From: m.cfg.SMTP.From, To: []string{m.cfg.Unit.AdminEmail}, Date: m.now(),
		Subject:   fmt.Sprintf("baocao: %s kỳ %s không có số liệu của kỳ, chưa gửi cấp trên", m.reportName(e.Report), e.Period),
		Body:      strings.Join(body, "\n") + "\n",
		MessageID: m.reviewMessageID(e, "nodata")}
}
