package workflow

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
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

// commands are the lines to approve or return the draft in di on the
// server's command line, for the administrator: they come last in the
// messages.
func (m *Flow) commands(di *draftInfo) []string {
	as := "TÀI_KHOẢN"
	if len(di.report.Approvers) > 0 {
		as = di.report.Approvers[0]
	}
	base := fmt.Sprintf("-r %s -p %s --version %d --as %s", di.e.Report, di.e.Period, di.e.Version, quoteArg(as))
	return []string{
		"Dành cho quản trị (duyệt trên máy chủ bằng dòng lệnh; lệnh hỏi mật khẩu của tài khoản người duyệt):",
		"",
		"    baocao approve" + m.configFlag() + " " + base,
		"    baocao reject" + m.configFlag() + " " + base + " --reason \"lý do trả lại\"",
		"",
		"  Khi duyệt có thể thêm --number <số văn bản> --date <ngày ban hành, NN/TT/NNNN> để văn bản gửi đi mang số, ngày đó,",
		"  và --note \"ý kiến\" để ghi ý kiến của người duyệt.",
	}
}

// where says where the reviewer opens the draft: one link to its page,
// or, with a page on the server only, that it is there.
func (m *Flow) where(di *draftInfo) []string {
	if m.reviewLink != nil {
		if link := m.reviewLink(di.e); link != "" {
			return []string{"Mở bản dự thảo để xem, rồi bấm Duyệt hoặc Trả lại (đăng nhập bằng tài khoản của mình):", "", link}
		}
	}
	if m.localPage {
		return []string{"Bản dự thảo có trên trang baocao của máy chủ (mục Tổng quan): trang đó chỉ mở được ngay trên máy chủ.",
			"Bản PDF kèm theo thư này để xem trước."}
	}
	return []string{"Bản PDF kèm theo thư này để xem trước; nhờ quản trị duyệt hoặc trả lại theo lệnh ở cuối thư."}
}

// SetReviewLink gives the review messages a link to the staff page that
// shows a draft (internal/web, at [web] public_url); link returns "" when
// it has none.
func (m *Flow) SetReviewLink(link func(e archive.Entry) string) { m.reviewLink = link }

// SetLocalPage tells the review messages that the staff page listens on
// the server only: no link, but where the draft is.
func (m *Flow) SetLocalPage(local bool) { m.localPage = local }

// SetAccounts gives the approvers' accounts: the review messages go to
// their addresses and greet them by title and name.
func (m *Flow) SetAccounts(s *accounts.Store) { m.accounts = s }

// reviewer is one person a review message goes to.
type reviewer struct {
	Address string // "Name <address>"
	Name    string // "cô Nguyễn Thị Hồng Vân", or the name alone
	Title   accounts.Title
}

// reviewers are the people a report's review messages go to: its
// approvers' accounts, or the reviewers of a config of before accounts.
// An approver without an account or address is left out (doctor says
// so).
func (m *Flow) reviewers(r *Report) []reviewer {
	var out []reviewer
	if len(r.Approvers) > 0 && m.accounts != nil {
		for _, n := range r.Approvers {
			a, err := m.accounts.Get(n)
			if err != nil || a.Email == "" {
				continue
			}
			name := a.FullName
			if a.Title != "" {
				name = string(a.Title) + " " + a.FullName
			}
			out = append(out, reviewer{Address: (&mail.Address{Name: a.FullName, Address: a.Email}).String(), Name: name, Title: a.Title})
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, s := range r.Reviewers {
		out = append(out, reviewer{Address: s, Name: personName(s)})
	}
	return out
}

// nobodyToReview is the refusal (ErrSettings: a report with no one to
// mail) of a review message or reminder with no one to go to: the report's approvers have no account with an address
// (the example config names hieutruong before any account exists). It
// names them and says how to make the account and send the message then.
func (m *Flow) nobodyToReview(e archive.Entry, r *Report) error {
	who := strings.Join(r.Approvers, ", ")
	if who == "" {
		return ErrNotReviewed.Newf(catalog.WfNoReviewerMail, e.Report)
	}
	name := "TÊN"
	if len(r.Approvers) == 1 {
		name = quoteArg(r.Approvers[0])
	}
	return ErrSettings.Newf(catalog.WfNoApproverAddress, e.Report, who, name, m.configFlag(), m.configFlag(), e.Report, e.Period)
}

// ReviewerNames are the names of the people report's review messages go
// to ("cô Nguyễn Thị Hồng Vân"), for the page.
func (m *Flow) ReviewerNames(report string) []string {
	r, ok := m.cfg.Reports[report]
	if !ok {
		return nil
	}
	var out []string
	for _, x := range m.reviewers(r) {
		out = append(out, x.Name)
	}
	return out
}

func addresses(rs []reviewer) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Address)
	}
	return out
}

// greeting is "Kính gửi cô Nguyễn Thị Hồng Vân," for the reviewers.
func greeting(rs []reviewer) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return "Kính gửi " + strings.Join(out, ", ") + ","
}

// you is how the message speaks to its reader: "cô", "thầy", or "cô/thầy".
func you(rs []reviewer) string {
	if len(rs) == 1 && rs[0].Title != "" {
		return string(rs[0].Title)
	}
	return "cô/thầy"
}

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
		return nil, ErrNotReviewed.Newf(catalog.WfNoReviewersMail, e.Report)
	}
	rs := m.reviewers(di.report)
	if len(rs) == 0 {
		return nil, m.nobodyToReview(e, di.report)
	}
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: addresses(rs), Date: m.now(),
		Subject:   fmt.Sprintf("[Chờ duyệt] %s, hạn %s", di.subject, di.deadline.Format("02/01/2006")),
		MessageID: m.reviewMessageID(e, "review")}
	if msg.Attachments, err = Attachments(e.Dir, di.man, reviewKinds); err != nil {
		return nil, err
	}
	body := []string{
		greeting(rs),
		"",
		fmt.Sprintf("Xin %s duyệt %s trước ngày %s (%s): duyệt để gửi cấp trên, hoặc trả lại để văn thư sửa.",
			you(rs), lowerFirst(di.subject), di.deadline.Format("02/01/2006"), m.daysLeft(di.deadline)),
		"Báo cáo CHƯA được gửi cho cấp trên: báo cáo chỉ được gửi sau khi được duyệt.",
		"",
	}
	body = append(body, m.where(di)...)
	body = append(body, "")
	body = append(body, m.summary(di)...)
	body = append(body, "", fmt.Sprintf("Bản dự thảo v%d, lập lúc %s. Tệp đính kèm (bản PDF, sổ tính kết quả và bản Word để chỉnh câu chữ):",
		e.Version, stamp(di.man.GeneratedAt, m.cfg.Location)))
	for _, a := range msg.Attachments {
		body = append(body, "- "+a.Name)
	}
	body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.", "", "—", "")
	body = append(body, m.commands(di)...)
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
	rs := m.reviewers(di.report)
	if len(rs) == 0 && kind != remindLate {
		return nil, m.nobodyToReview(e, di.report) // a reminder to nobody is not sent
	}
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: addresses(rs), Date: m.now(),
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
				stamp(di.man.GeneratedAt, m.cfg.Location), m.approverNames(di.report, rs)),
			fmt.Sprintf("Hạn gửi cấp trên là ngày %s (%s). Báo cáo CHƯA được gửi.", dl, m.daysLeft(di.deadline)),
			"",
			"baocao không tự duyệt và không tự gửi báo cáo: đề nghị liên hệ người duyệt.",
		}
		if reviewMailSent(e) {
			body = append(body, "Đường dẫn để duyệt, trả lại nằm trong thư \"[Chờ duyệt]\" đã gửi người duyệt; xem tình trạng bằng:")
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
			greeting(rs),
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
		body = append(body, m.where(di)...)
		body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.", "", "—", "")
		body = append(body, m.commands(di)...)
	}
	if kind == remindLate {
		body = append(body, "", "Thư này do baocao gửi tự động, không cần trả lời.")
	}
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
		fmt.Sprintf("%s đã trả lại bản dự thảo v%d của %s lúc %s.", r.Decider(), e.Version, lowerFirst(di.subject), stamp(r.At, m.cfg.Location)),
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

// names lists the reviewers' names.
func names(rs []reviewer) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return strings.Join(out, ", ")
}

// approverNames names who a draft waits for: the reviewers, or, when no
// approver has an account with an address, the approvers' account names
// and that they have none (the admin's overdue notice says so).
func (m *Flow) approverNames(r *Report, rs []reviewer) string {
	if len(rs) > 0 || len(r.Approvers) == 0 {
		return names(rs)
	}
	return strings.Join(r.Approvers, ", ") + " (chưa có tài khoản kèm địa chỉ thư: baocao user add)"
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
