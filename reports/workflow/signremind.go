package workflow

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signedcopy"
)

// The records of the reminders of a version waiting for its signed copy
// (require_signed), each sent once, at the review reminders' times.
const (
	SignBefore  = "remind-sign-before.json" // two days before the deadline
	SignDue     = "remind-sign-due.json"    // on the deadline's morning
	SignOverdue = "overdue-sign.json"       // from the day after, to admin_email
)

// DueSignReminder is the reminder owed at now for e, waiting for its
// signed copy, by the name of its record ("" when none is due): to the
// signers (the reviewers; admin_email for a report without) two days
// before the deadline and on its morning, and from the day after the
// notice to admin_email.
func (m *Flow) DueSignReminder(e archive.Entry, now time.Time) (string, error) {
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil || rec.Status != delivery.AwaitingSignature {
		return "", err
	}
	if c, err := signedcopy.Read(e.Dir); err != nil || c != nil {
		return "", err
	}
	di, err := m.draftInfo(e)
	if err != nil {
		return "", err
	}
	return m.reminderDue(di, now, [3]string{SignBefore, SignDue, SignOverdue}), nil
}

// RemindSign sends the reminder named by its record (DueSignReminder), once.
func (j *Job) RemindSign(ctx context.Context, e archive.Entry, record string) (*delivery.Record, error) {
	if j.mail == nil {
		return nil, delivery.ErrSettings.Newf(catalog.MailNoHost)
	}
	msg, err := j.maker.signReminderMessage(e, record)
	if err != nil {
		return nil, err
	}
	return delivery.New(*j.mail, delivery.Options{Now: j.maker.now, Record: record}).Deliver(ctx, e.Dir, msg, false)
}

// signReminderMessage is a reminder that version e waits for its signed
// copy; it carries the PDF to sign.
func (m *Flow) signReminderMessage(e archive.Entry, record string) (*delivery.Message, error) {
	di, err := m.draftInfo(e)
	if err != nil {
		return nil, err
	}
	signers := m.reviewers(di.report)
	if len(signers) == 0 && m.cfg.Unit.AdminEmail != "" {
		signers = []reviewer{{Address: m.cfg.Unit.AdminEmail, Name: personName(m.cfg.Unit.AdminEmail)}}
	}
	dl := di.deadline.Format("02/01/2006")
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: addresses(signers), Date: m.now(),
		MessageID: m.reviewMessageID(e, strings.TrimSuffix(record, ".json"))}
	if a := m.cfg.Unit.AdminEmail; a != "" && di.report.Reviewed() {
		msg.Cc = []string{a}
	}
	cmd := "    baocao signed" + m.configFlag() + " -r " + e.Report + " -p " + e.Period + " TỆP-ĐÃ-KÝ.pdf"
	var body []string
	switch record {
	case SignOverdue:
		msg.To, msg.Cc = []string{m.cfg.Unit.AdminEmail}, nil
		msg.Subject = fmt.Sprintf("[Quá hạn] %s chưa có bản ký số, hạn gửi %s đã qua", di.subject, dl)
		body = []string{"Kính gửi bộ phận phụ trách báo cáo,", "",
			fmt.Sprintf("Bản v%d của %s đã được duyệt nhưng vẫn chờ ký số. Hạn gửi cấp trên là ngày %s (%s). Báo cáo CHƯA được gửi.",
				e.Version, lowerFirst(di.subject), dl, m.daysLeft(di.deadline))}
	default:
		when := "Còn 2 ngày nữa là hạn gửi"
		if record == SignDue {
			when = "Hôm nay là hạn gửi"
		}
		msg.Subject = fmt.Sprintf("[Chờ ký số] %s, hạn gửi %s", di.subject, dl)
		body = []string{greeting(signers), "",
			fmt.Sprintf("%s cấp trên (ngày %s). Bản v%d của %s đã được duyệt và đang chờ ký số; báo cáo CHƯA được gửi.",
				when, dl, e.Version, lowerFirst(di.subject))}
		if o, ok := output(di.man, PDF); ok {
			if atts, err := Attachments(e.Dir, di.man, []FileKind{PDF}); err == nil {
				msg.Attachments = atts
				body = append(body, "", "Tệp cần ký gửi kèm thư này: "+o.Path+".")
			}
		}
	}
	body = append(body, "",
		"Ký tệp PDF bằng phần mềm ký số của đơn vị (USB token của người ký), không sửa hay lưu lại tệp bằng chương trình khác,",
		"rồi tải tệp đã ký lên trang báo cáo (nút \"Tải lên bản đã ký số\") hoặc chạy:", "", cmd, "",
		"baocao kiểm tra tệp đã ký đúng là bản đã duyệt rồi mới gửi cấp trên.", "",
		"Thư này do baocao gửi tự động, không cần trả lời.")
	msg.Body = strings.Join(body, "\n") + "\n"
	return msg, nil
}
