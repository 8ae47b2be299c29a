package web

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mn2010/baocao/reports/workflow"
)

// fakeBackend is a Backend in memory, recording the actions asked of it.
type fakeBackend struct {
	mu        sync.Mutex
	reports   []Report
	versions  []VersionSummary
	details   map[VersionRef]*VersionDetail
	files     map[string][]byte // "report/period/vN/name"
	check     *DataCheck
	sends     []string // "who|version|force"
	runs      []string
	approvals []string      // "who|version|name|number|date|note"
	rejects   []string      // "by|version|reason"
	runGate   chan struct{} // when not nil, Run waits for it
	runErr    error
	sendErr   error // when not nil, Send fails with it
	panicky   bool
	checkGate chan struct{} // when not nil, Check waits for it
	checking  atomic.Int32  // checks under way
	checked   atomic.Int32  // checks done, most under way at once in checkPeak
	checkPeak atomic.Int32
}

var t0 = time.Date(2024, 3, 16, 7, 0, 0, 0, time.UTC)

func newFake() *fakeBackend {
	f := &fakeBackend{details: map[VersionRef]*VersionDetail{}, files: map[string][]byte{}}
	f.reports = []Report{
		{ID: "monthly", Title: "Báo cáo tháng", Schedule: "0 7 15 * *", NextRun: t0.AddDate(0, 1, 0), NextPeriod: "2024-04", Latest: "2024-03"},
		{ID: "quarterly", Title: "Báo cáo quý", Schedule: "0 7 15 3,6,9,12 *", NextRun: t0.AddDate(0, 3, 0), NextPeriod: "2024-Q2", Latest: "2024-Q1"},
	}
	sent := VersionSummary{VersionRef: VersionRef{"monthly", "2024-02", 1}, Year: 2024, Generated: t0.AddDate(0, -1, 0), State: StateSent,
		Deadline: t0.AddDate(0, -1, 5), Measured: 10, Met: 9, SentAt: t0.AddDate(0, -1, 0)}
	fresh := VersionSummary{VersionRef: VersionRef{"monthly", "2024-03", 1}, Year: 2024, Generated: t0, State: StateNotSent,
		Deadline: t0.AddDate(0, 0, 5), Measured: 10, Met: 8, Warnings: 2}
	failed := VersionSummary{VersionRef: VersionRef{"quarterly", "2023-Q4", 1}, Year: 2023, Generated: t0.AddDate(0, -3, 0), State: StateFailed,
		Deadline: t0.AddDate(0, -3, 5), Measured: 10, Met: 10}
	draft := VersionSummary{VersionRef: VersionRef{"quarterly", "2024-Q1", 1}, Year: 2024, Generated: t0, State: StateDraft,
		Deadline: t0.AddDate(0, 0, -1), Measured: 10, Met: 7}
	f.versions = []VersionSummary{fresh, draft, sent, failed}
	yes, no := true, false
	for _, v := range f.versions {
		d := &VersionDetail{VersionSummary: v, Title: "Báo cáo tháng", From: "15/02/2024", To: "14/03/2024",
			Files:      []FileInfo{{Name: "bao-cao.pdf", Kind: "PDF", Bytes: 4}, {Name: "bao-cao.xlsx", Kind: "Excel", Bytes: 4}, {Name: "manifest.json", Kind: "Manifest", Bytes: 2}},
			Recipients: []string{"phongnoivu.q1@tphcm.gov.vn"},
			Indicators: []Indicator{{ID: "3.1", Text: "Hồ sơ đúng hạn", Target: "100%", Value: "97,50%", Numerator: "39", Denominator: "40", Status: "Không đạt", Met: &no,
				Breakdown: []Group{{Key: "Xử lý đơn", Value: "98,00%", Numerator: "49", Denominator: "50", Target: "98,00%", Met: &yes}}}},
			Issues: []Issue{{Severity: "warning", File: "ho-so-tthc.xlsx", Sheet: "Sheet1", Row: 12, Column: "Ngày hẹn trả", Value: "31/02/2024", Message: "ngày không có thật: sửa lại"}},
		}
		switch v.State {
		case StateSent:
			d.Delivery = &Delivery{Status: StateSent, MessageID: "<m1@x>", Attempts: []Attempt{{At: v.SentAt, To: []string{"phongnoivu.q1@tphcm.gov.vn"}, Result: "đã gửi", OK: true}}}
			d.Actions = []Action{ActResend}
		case StateNotSent, StateFailed:
			d.Actions = []Action{ActSend}
		case StateDraft:
			d.Actions = []Action{ActApprove, ActReject}
			d.Reviewers = []string{"Nguyễn Thị Hồng Vân <hieutruong.mn2010@hcm.edu.vn>"}
			d.Review = "Bản dự thảo đang chờ Nguyễn Thị Hồng Vân duyệt; cấp trên chưa nhận được gì."
			d.Story = []Event{{At: v.Generated, What: "lập bản dự thảo (chờ duyệt), 0 cảnh báo dữ liệu"},
				{At: v.Generated.Add(time.Minute), What: "thư mời duyệt gửi đến hieutruong.mn2010@hcm.edu.vn: đã gửi"}}
		}
		f.details[v.VersionRef] = d
		for _, fi := range d.Files {
			f.files[fmt.Sprintf("%s/%s/v%d/%s", v.Report, v.Period, v.Version, fi.Name)] = []byte("%PDF")
		}
	}
	f.check = &DataCheck{Total: 1, Sources: []Source{{Name: "dossiers", Path: "examples/data/ho-so-tthc.xlsx", Bytes: 2048, ModTime: t0, Rows: 40}},
		Files: []FileIssues{{File: "ho-so-tthc.xlsx", Issues: []Issue{{Sheet: "Sheet1", Row: 12, Column: "Ngày hẹn trả", Value: "31/02/2024", Message: "ngày không có thật: sửa lại"}}}}}
	return f
}

func (f *fakeBackend) Reports(context.Context) ([]Report, error) {
	if f.panicky {
		panic("boom: internal detail")
	}
	return f.reports, nil
}

func (f *fakeBackend) Versions(_ context.Context, report string) ([]VersionSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []VersionSummary
	for _, v := range f.versions {
		if report == "" || v.Report == report {
			out = append(out, v)
		}
	}
	return out, nil
}

func (f *fakeBackend) Version(_ context.Context, report, period string, n int) (*VersionDetail, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.details[VersionRef{report, period, n}]
	if !ok {
		return nil, fmt.Errorf("%w: %s %s v%d", ErrNotFound, report, period, n)
	}
	c := *d
	return &c, nil
}

func (f *fakeBackend) File(_ context.Context, report, period string, n int, name string) (*File, error) {
	b, ok := f.files[fmt.Sprintf("%s/%s/v%d/%s", report, period, n, name)]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, name)
	}
	return &File{Name: name, ContentType: workflow.ContentType(name), ModTime: t0, Content: nopCloser{bytes.NewReader(b)}}, nil
}

func (f *fakeBackend) Check(ctx context.Context, period string) (*DataCheck, error) {
	n := f.checking.Add(1)
	defer f.checking.Add(-1)
	for {
		peak := f.checkPeak.Load()
		if n <= peak || f.checkPeak.CompareAndSwap(peak, n) {
			break
		}
	}
	if f.checkGate != nil {
		select {
		case <-f.checkGate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f.checked.Add(1)
	c := *f.check
	c.Period = period
	return &c, nil
}

func (f *fakeBackend) Run(_ context.Context, who, report, period string, progress func(string)) (VersionRef, error) {
	f.mu.Lock()
	f.runs = append(f.runs, who+"|"+report+"|"+period)
	gate := f.runGate
	f.mu.Unlock()
	progress("Đang đọc dữ liệu…")
	if gate != nil {
		<-gate
	}
	if f.runErr != nil {
		return VersionRef{}, f.runErr
	}
	return VersionRef{report, period, 2}, nil
}

func (f *fakeBackend) Send(_ context.Context, who string, v VersionRef, force bool) (*Delivery, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.details[v]
	if !ok {
		return nil, ErrNotFound
	}
	if d.State == StateSent && !force {
		return nil, ErrNeedsConfirm
	}
	f.sends = append(f.sends, fmt.Sprintf("%s|%s|%v", who, v, force))
	if f.sendErr != nil {
		return nil, f.sendErr
	}
	return &Delivery{Status: StateSent, MessageID: "<m@x>"}, nil
}

func (f *fakeBackend) Approve(_ context.Context, who string, v VersionRef, a Approval) (VersionRef, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.details[v]
	switch {
	case !ok:
		return VersionRef{}, ErrNotFound
	case d.State == StateReturned:
		return VersionRef{}, fmt.Errorf("%w: bản dự thảo đã bị trả lại; hãy chạy lại", ErrRefused)
	case d.State != StateDraft:
		return VersionRef{}, fmt.Errorf("%w: phiên bản %d không phải bản dự thảo đang chờ duyệt", ErrRefused, v.Version)
	}
	f.approvals = append(f.approvals, fmt.Sprintf("%s|%s|%s|%s|%s|%d|%s|%s", who, v, a.Name, a.Account, a.Role, a.Number, a.Date.Format("2006-01-02"), a.Note))
	return VersionRef{v.Report, v.Period, v.Version + 1}, nil
}

func (f *fakeBackend) Reject(_ context.Context, who Decider, v VersionRef, reason string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, ok := f.details[v]
	switch {
	case !ok:
		return ErrNotFound
	case d.State != StateDraft:
		return fmt.Errorf("%w: phiên bản %d không phải bản dự thảo đang chờ duyệt", ErrRefused, v.Version)
	}
	f.rejects = append(f.rejects, fmt.Sprintf("%s|%s|%s|%s|%s", who.Name, who.Account, who.Role, v, reason))
	return nil
}

func (f *fakeBackend) UploadSigned(_ context.Context, who string, v VersionRef, data []byte) (*SignedUpload, error) {
	return nil, fmt.Errorf("%w: the fake backend takes no signed copy", ErrNotAvailable)
}

func (f *fakeBackend) Plan(context.Context) (*PlanInfo, error) {
	return &PlanInfo{Reference: "Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm 2024", Year: 2024, Unit: "Trường Mầm non 20/10",
		Targets: []PlanTarget{{ID: "4.1", Text: "Mức độ hài lòng", Threshold: "Từ 99% trở lên", How: "đo bằng tỷ lệ phiếu hài lòng"}},
		Tasks:   []PlanTask{{ID: "1.1", Title: "Kiện toàn Ban Chỉ đạo"}}}, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
