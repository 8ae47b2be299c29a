package workflow

import (
	"fmt"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/render"
)

// The messages of the review step are Vietnamese, like the district's, and
// written here rather than in texts.toml: they speak of baocao's own
// commands (docs/duyet-bao-cao.md shows each).

// reviewKinds are the files the reviewers get: the document, the workbook
// and the Word draft (to correct the wording before approving).
var reviewKinds = FileKinds

// draftInfo is what every review-step message says about a version.
type draftInfo struct {
	e        archive.Entry
	man      *reports.Manifest
	report   *Report
	p        period.Period
	subject  string // the district's subject
	deadline time.Time
}

func (m *Flow) draftInfo(e archive.Entry) (*draftInfo, error) {
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	r, ok := m.cfg.Reports[e.Report]
	if !ok {
		return nil, fmt.Errorf("%w %q", reports.ErrUnknownReport, e.Report)
	}
	p, err := period.Parse(man.Period.Label, r.Boundary)
	if err != nil {
		return nil, err
	}
	doc := &render.Doc{Unit: m.unit(), Period: p, Texts: m.texts, Outcome: &indicators.Outcome{Indicators: man.Indicators}}
	d := p.Deadline(r.DeadlineDay)
	return &draftInfo{e: e, man: man, report: r, p: p, subject: render.Fill(m.texts.Subject, render.TextData(doc)),
		deadline: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, m.cfg.Location)}, nil
}

// Deadline is the day the report of e's period is due, at midnight in
// the unit's time zone.
func (m *Flow) Deadline(e archive.Entry) (time.Time, error) {
	di, err := m.draftInfo(e)
	if err != nil {
		return time.Time{}, err
	}
	return di.deadline, nil
}

func (m *Flow) configFlag() string {
	if m.cfg.File == "" {
		return ""
	}
	return " -c " + quoteArg(m.cfg.File)
}

func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'\\$`") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`, "`", "\\`").Replace(s) + `"`
}

// commands are the exact lines to approve or return the draft in di.
func (m *Flow) commands(di *draftInfo) []string {
	by := "Họ và tên"
	if len(di.report.Reviewers) > 0 {
		by = personName(di.report.Reviewers[0])
	}
	base := fmt.Sprintf("-r %s -p %s --version %d --by %s", di.e.Report, di.e.Period, di.e.Version, quoteArg(by))
	out := []string{
		"Để duyệt và gửi cấp trên (ghi số và ngày ban hành nếu văn thư đã cấp số):",
		"",
		"    baocao approve" + m.configFlag() + " " + base + " --number 15 --date " + period.Day(m.now().In(m.cfg.Location)).Format("02/01/2006"),
		"",
		"  (thay 15 và ngày bằng số, ngày của văn bản; bỏ --number và --date thì văn bản giữ nguyên như bản dự thảo;",
		"   thêm --note \"...\" để ghi ý kiến của người duyệt)",
		"",
		"Để trả lại, kèm lý do (văn thư sửa rồi lập bản dự thảo mới):",
		"",
		"    baocao reject" + m.configFlag() + " " + base + " --reason \"...\"",
	}
	if m.reviewLink != nil {
		if link := m.reviewLink(di.e); link != "" {
			out = append(out, "", "Hoặc mở trang duyệt báo cáo: "+link)
		}
	}
	return out
}

// SetReviewLink gives the review messages a link to the staff page that
// shows a draft (internal/web); link returns "" when it has none.
func (m *Flow) SetReviewLink(link func(e archive.Entry) string) { m.reviewLink = link }

// summary is the Vietnamese summary of a draft: targets met and missed,
// data warnings, the deadline.
func (m *Flow) summary(di *draftInfo) []string {
	out := []string{"Tóm tắt — thư gửi cấp trên sau khi duyệt sẽ ghi:", ""}
	for _, l := range m.districtText(di.man, di.p, di.report.Threshold()) {
		if l == "" {
			out = append(out, "")
			continue
		}
		out = append(out, "  "+l)
	}
	out = append(out, "", fmt.Sprintf("Cảnh báo dữ liệu: %d%s.", len(di.man.Issues), map[bool]string{
		true: " (xem trang \"Dữ liệu cần kiểm tra\" trong sổ tính kèm theo)", false: ""}[len(di.man.Issues) > 0]))
	out = append(out, "Hạn gửi cấp trên: "+di.deadline.Format("02/01/2006")+" ("+m.daysLeft(di.deadline)+").")
	return out
}

// daysLeft says how far the deadline is from today.
func (m *Flow) daysLeft(deadline time.Time) string {
	today := period.Day(m.now().In(m.cfg.Location))
	dl := time.Date(deadline.Year(), deadline.Month(), deadline.Day(), 0, 0, 0, 0, time.UTC)
	n := int(dl.Sub(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
	switch {
	case n > 0:
		return fmt.Sprintf("còn %d ngày", n)
	case n == 0:
		return "hôm nay"
	default:
		return fmt.Sprintf("đã quá hạn %d ngày", -n)
	}
}

func (m *Flow) reviewMessageID(e archive.Entry, kind string) string {
	id := messageID(m.cfg, e, e.Version)
	return strings.Replace(id, "baocao.", "baocao."+kind+".", 1)
}

// ReviewMessage is the reviewers' message of a draft: subject
// "[Chờ duyệt] …", the PDF, workbook and Word draft attached, a summary,
// and the commands to approve or return it.
func (m *Flow) ReviewMessage(e archive.Entry) (*delivery.Message, error) {
	di, err := m.draftInfo(e)
	if err != nil {
		return nil, err
	}
	if !di.report.Reviewed() {
		return nil, fmt.Errorf("%w: [reports.%s] has no reviewers", ErrNotReviewed, e.Report)
	}
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: di.report.Reviewers, Date: m.now(),
		Subject:   fmt.Sprintf("[Chờ duyệt] %s (bản dự thảo v%d)", di.subject, e.Version),
		MessageID: m.reviewMessageID(e, "review")}
	if msg.Attachments, err = Attachments(e.Dir, di.man, reviewKinds); err != nil {
		return nil, err
	}
	body := []string{
		"Kính gửi " + names(di.report.Reviewers) + ",",
		"",
		fmt.Sprintf("baocao đã lập bản dự thảo v%d của %s, lúc %s.", e.Version, lowerFirst(di.subject), stamp(di.man.GeneratedAt, m.cfg.Location)),
		"Báo cáo CHƯA được gửi cho cấp trên: báo cáo chỉ được gửi sau khi được duyệt.",
		"",
	}
	body = append(body, m.summary(di)...)
	body = append(body, "", "Tệp đính kèm (bản PDF, sổ tính kết quả và bản Word để chỉnh câu chữ):")
	for _, a := range msg.Attachments {
		body = append(body, "- "+a.Name)
	}
	body = append(body, "")
	body = append(body, m.commands(di)...)
	body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.")
	msg.Body = strings.Join(body, "\n") + "\n"
	return msg, nil
}

// Reminder kinds, by the record that keeps each sent once.
type reminder struct {
	record  string
	toAdmin bool
}

var (
	remindBefore = reminder{RemindBefore, false}
	remindDue    = reminder{RemindDue, false}
	remindLate   = reminder{OverdueName, true}
)

// reminderMessage is a deadline reminder to the reviewers, or the notice
// to admin_email that the deadline passed.
func (m *Flow) reminderMessage(e archive.Entry, kind reminder) (*delivery.Message, error) {
	di, err := m.draftInfo(e)
	if err != nil {
		return nil, err
	}
	dl := di.deadline.Format("02/01/2006")
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: di.report.Reviewers, Date: m.now(),
		MessageID: m.reviewMessageID(e, strings.TrimSuffix(kind.record, ".json"))}
	var body []string
	switch kind {
	case remindLate:
		msg.To = []string{m.cfg.Unit.AdminEmail}
		msg.Subject = fmt.Sprintf("[Quá hạn] %s chưa được duyệt, hạn gửi %s đã qua", di.subject, dl)
		body = []string{
			"Kính gửi bộ phận phụ trách báo cáo,",
			"",
			fmt.Sprintf("Bản dự thảo v%d của %s (lập lúc %s) vẫn chờ %s duyệt.", e.Version, lowerFirst(di.subject),
				stamp(di.man.GeneratedAt, m.cfg.Location), names(di.report.Reviewers)),
			fmt.Sprintf("Hạn gửi cấp trên là ngày %s (%s). Báo cáo CHƯA được gửi.", dl, m.daysLeft(di.deadline)),
			"",
			"baocao không tự duyệt và không tự gửi báo cáo: đề nghị liên hệ người duyệt.",
		}
		if reviewMailSent(e) {
			body = append(body, "Lệnh duyệt, trả lại nằm trong thư \"[Chờ duyệt]\" đã gửi người duyệt; xem tình trạng bằng:")
		} else {
			body = append(body, "Lưu ý: thư \"[Chờ duyệt]\" kèm bản dự thảo CHƯA được gửi cho người duyệt (bản dự thảo lập không gửi thư,",
				"hoặc gửi chưa được). Gửi thư đó cho người duyệt bằng lệnh:",
				"",
				"    baocao send"+m.configFlag()+" -r "+e.Report+" -p "+e.Period,
				"",
				"Xem tình trạng bằng:")
		}
		body = append(body, "", "    baocao status"+m.configFlag()+" -r "+e.Report+" -p "+e.Period)
	default:
		when := "Còn 2 ngày nữa là hạn gửi"
		if kind == remindDue {
			when = "Hôm nay là hạn gửi"
		}
		msg.Subject = fmt.Sprintf("[Nhắc hạn] %s chờ duyệt, hạn gửi %s", di.subject, dl)
		body = []string{
			"Kính gửi " + names(di.report.Reviewers) + ",",
			"",
			fmt.Sprintf("%s cấp trên (ngày %s), bản dự thảo v%d của %s (lập lúc %s) vẫn chờ duyệt.", when, dl, e.Version,
				lowerFirst(di.subject), stamp(di.man.GeneratedAt, m.cfg.Location)),
		}
		if reviewMailSent(e) {
			body = append(body, "Các tệp của bản dự thảo đã gửi kèm thư \"[Chờ duyệt]\".", "")
		} else {
			body = append(body, "Thư \"[Chờ duyệt]\" kèm các tệp của bản dự thảo chưa được gửi; nhờ bộ phận phụ trách báo cáo gửi bằng lệnh:",
				"", "    baocao send"+m.configFlag()+" -r "+e.Report+" -p "+e.Period, "")
		}
		body = append(body, m.commands(di)...)
	}
	body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.")
	msg.Body = strings.Join(body, "\n") + "\n"
	return msg, nil
}

// returnMessage tells admin_email that a reviewer returned a draft.
func (m *Flow) returnMessage(e archive.Entry, r *Return) (*delivery.Message, error) {
	di, err := m.draftInfo(e)
	if err != nil {
		return nil, err
	}
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: []string{m.cfg.Unit.AdminEmail}, Date: m.now(),
		Subject:   fmt.Sprintf("[Trả lại] %s (bản dự thảo v%d)", di.subject, e.Version),
		MessageID: m.reviewMessageID(e, "return")}
	body := []string{
		"Kính gửi bộ phận phụ trách báo cáo,",
		"",
		fmt.Sprintf("%s đã trả lại bản dự thảo v%d của %s lúc %s.", r.By, e.Version, lowerFirst(di.subject), stamp(r.At, m.cfg.Location)),
		"",
		"Lý do:",
		"",
		"    " + strings.ReplaceAll(strings.TrimSpace(r.Reason), "\n", "\n    "),
		"",
		"Bản dự thảo này sẽ không bao giờ được gửi cấp trên. Sửa số liệu hoặc trang \"Nhận xét\", rồi lập bản dự thảo mới:",
		"",
		"    baocao run" + m.configFlag() + " -r " + e.Report + " -p " + e.Period,
		"",
		fmt.Sprintf("Hạn gửi cấp trên: %s (%s).", di.deadline.Format("02/01/2006"), m.daysLeft(di.deadline)),
		"",
		"Thư này do baocao gửi tự động, không cần trả lời.",
	}
	msg.Body = strings.Join(body, "\n") + "\n"
	return msg, nil
}

// reviewMailSent says whether the draft's "[Chờ duyệt]" message went to
// the reviewers: its record (review.json) says sent.
func reviewMailSent(e archive.Entry) bool {
	rec, ok, err := delivery.LoadNamed(e.Dir, ReviewMailName)
	return err == nil && ok && rec.Status == delivery.Sent
}

// names lists the names of "Name <address>" entries.
func names(list []string) string {
	var out []string
	for _, s := range list {
		out = append(out, personName(s))
	}
	return strings.Join(out, ", ")
}

// lowerFirst turns "Báo cáo …" into "báo cáo …" inside a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToLower(string(r)) + s[len(string(r)):]
		}
	}
	return s
}
