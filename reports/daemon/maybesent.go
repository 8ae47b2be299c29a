package daemon

import (
	"errors"
	"fmt"
	"time"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// MaybeSentNotice is the record, in a version folder, of the notice that
// tells admin_email a delivery's outcome is unknown.
const MaybeSentNotice = "maybe-sent.json"

// tellMaybeSent tells the unit's admin, once per version, that the
// district's message may have arrived without the server saying so: the
// daemon never sends it again by itself, so someone must check and decide
// (send --force, or the page's "Gửi lại"). A notice that fails is tried
// again at the next scan.
func (d *Daemon) tellMaybeSent(st *state, e archive.Entry, rec *delivery.Record) {
	admin := st.cfg.Workflow.Unit.AdminEmail
	if told, ok, err := delivery.LoadNamed(e.Dir, MaybeSentNotice); err == nil && ok && told.Status == delivery.Sent {
		return
	}
	d.log.Error("the district's message may have arrived: the server took it and gave no answer; not sent again until someone decides",
		"report", e.Report, "period", e.Period, "version", e.Version, "message_id", rec.MessageID)
	if admin == "" || st.mail == nil {
		d.log.Warn("no admin_email or no [smtp] host: nobody was told that a message may have arrived", "report", e.Report, "period", e.Period)
		return
	}
	last := ""
	if n := len(rec.Attempts); n > 0 {
		last = rec.Attempts[n-1].At
	}
	msg := &delivery.Message{From: st.cfg.Workflow.SMTP.From, To: []string{admin}, Date: d.now(),
		Subject: fmt.Sprintf("baocao: báo cáo %s kỳ %s (phiên bản %d) có thể đã gửi", e.Report, e.Period, e.Version),
		Body: fmt.Sprintf("Lần gửi báo cáo %s kỳ %s, phiên bản %d, lúc %s: máy chủ thư đã nhận hết nội dung thư nhưng không trả lời, "+
			"nên không biết thư đã đến cấp trên hay chưa (Message-ID %s).\n\n"+
			"baocao không tự gửi lại, để cấp trên không nhận hai bản.\n"+
			"Hãy hỏi cấp trên hoặc xem hộp thư đã gửi. Nếu thư chưa đến, gửi lại bằng nút “Gửi lại” trên trang phiên bản, hoặc chạy:\n"+
			"  baocao send -r %s -p %s --force\n",
			e.Report, e.Period, e.Version, last, rec.MessageID, e.Report, e.Period),
		MessageID: fmt.Sprintf("baocao.maybe-sent.%s.%s.v%d@localhost", e.Report, e.Period, e.Version)}
	s := *st.mail
	s.Backoff = []time.Duration{} // one try per scan
	ctx, cancel := d.jobContext()
	defer cancel()
	if _, err := delivery.New(s, delivery.Options{Now: d.now, Record: MaybeSentNotice}).Deliver(ctx, e.Dir, msg, false); err != nil && !errors.Is(err, delivery.ErrAlreadySent) {
		d.log.Error("could not tell the admin that a message may have arrived", "to", admin, "error", err.Error())
		return
	}
	d.log.Info("admin told that a message may have arrived", "to", admin, "report", e.Report, "period", e.Period, "version", e.Version)
}
