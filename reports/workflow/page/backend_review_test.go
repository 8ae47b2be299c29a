package page

import (
	"context"
	"fmt"
	"github.com/mn2010/baocao/internal/accounts"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports/workflow"
)

// TestReviewOverReports drives the review step through the page's
// handlers over the real reports code (without mail): a run of the
// quarterly report makes a draft; a bad date is a 400 page; a returned
// draft cannot be approved (a clear 409 page saying to run again); a new
// draft approved with a number and date is issued as a newer version
// whose page tells its story; a source changed since the draft refuses
// an approval with a number, saying to run again.
func TestReviewOverReports(t *testing.T) {
	b, cfg, m := project(t)
	cfg.SMTP.Host = "" // no mail here: cmd's browser test has Mailpit
	ctx := context.Background()
	// The principal's account, logged in.
	store := accounts.Open(filepath.Join(t.TempDir(), accounts.FileName))
	const pw = "hoa sen nở giữa hè"
	if err := store.Add(accounts.Account{Name: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Email: "ht@mn2010.edu.vn",
		Role: accounts.Principal, Title: accounts.Co}, pw, "Trường"); err != nil {
		t.Fatal(err)
	}
	m.SetAccounts(store) // the example's approvers name hieutruong
	s, logs := testServer(t, web.Settings{Location: cfg.Location, Accounts: store}, b)
	c := newClient(t, s.Handler())
	if r, body := c.post("/dang-nhap", url.Values{"csrf": {c.csrf("/dang-nhap")}, "name": {"hieutruong"}, "password": {pw}}); r.StatusCode != 303 {
		t.Fatalf("login: %d %s", r.StatusCode, body)
	}

	ref, err := b.Run(ctx, "Lan", "quarterly", "2024-Q1", func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	d, err := b.Version(ctx, "quarterly", "2024-Q1", ref.Version)
	if err != nil {
		t.Fatal(err)
	}
	if d.State != web.StateDraft || !d.Can("approve") || !d.Can("reject") || d.Can("send") || len(d.Story) == 0 ||
		!strings.Contains(d.Story[0].What, "lập bản dự thảo (chờ duyệt)") || !strings.Contains(d.Review, "đang chờ cô Nguyễn Thị Hồng Vân duyệt") {
		t.Fatalf("a reviewed report's run: %+v actions %v story %+v review %q", d.VersionSummary, d.Actions, d.Story, d.Review)
	}
	// No mail here: the page says the approver was never told, as status does.
	if !strings.Contains(d.Review, "Người duyệt chưa nhận thư xin duyệt (bản lập khi không gửi thư): baocao send -r quarterly -p 2024-Q1") {
		t.Errorf("a draft never mailed: review %q", d.Review)
	}
	token := c.csrf(pagePath(ref))
	_, page := c.get(pagePath(ref))
	wantIn(t, page, "chờ duyệt", `Người duyệt: <strong>Nguyễn Thị Hồng Vân (hiệu trưởng)</strong>`, "Lịch sử duyệt và gửi")

	r, body := c.post(pagePath(ref)+"/duyet", url.Values{"csrf": {token}, "name": {"Vân"}, "number": {"15"}, "date": {"5/4/24"}, "note": {"Nhớ sửa lỗi chính tả"}})
	wantStatus(t, r, body, 400)
	wantIn(t, body, "Ngày “5/4/24” không hợp lệ", "NN/TT/NNNN", `id="loi"`,
		`id="form-duyet"`, `value="15"`, `value="5/4/24"`, `id="ghi-chu" value="Nhớ sửa lỗi chính tả"`)

	r, body = c.post(pagePath(ref)+"/tra-lai", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}, "reason": {"Thiếu số liệu tháng 3"}})
	wantStatus(t, r, body, 303)
	r, body = c.post(pagePath(ref)+"/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}, "number": {"15"}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "đã bị Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong) trả lại", "“Thiếu số liệu tháng 3”", "chạy lại")
	if strings.Contains(body, "reports:") {
		t.Errorf("the refusal shows the English error: %s", body)
	}
	_, body = c.get("/")
	wantIn(t, body, "Bản dự thảo bị trả lại")
	d, _ = b.Version(ctx, "quarterly", "2024-Q1", ref.Version)
	if d.State != web.StateReturned || len(d.Actions) != 0 || !strings.Contains(d.Review, "Thiếu số liệu tháng 3") {
		t.Errorf("returned: %v %v %q", d.State, d.Actions, d.Review)
	}

	v2, err := b.Run(ctx, "Lan", "quarterly", "2024-Q1", func(string) {})
	if err != nil || v2.Version != 2 {
		t.Fatal(v2, err)
	}
	// The form proposes the next free number of the outgoing register; 15
	// is in the example register, so it is refused unless forced.
	d2, _ := b.Version(ctx, "quarterly", "2024-Q1", 2)
	_, body = c.get(pagePath(v2))
	if d2.NextNumber < 1 {
		t.Errorf("no number proposed for the draft: %d", d2.NextNumber)
	}
	// The year is said: the register's numbers run by year, and a draft of 2024's figures made
	// in 2026 would be issued with 2026's numbers unless its date says otherwise.
	wantIn(t, body, `id="so-de-xuat"`, fmt.Sprintf("Số trống tiếp theo của năm %d trong sổ văn bản đi: <strong>%d</strong>", d2.NextNumberYear, d2.NextNumber), `name="force-number"`)
	if d2.NextNumberYear < 2024 {
		t.Errorf("the proposed number's year: %d", d2.NextNumberYear)
	}
	r, body = c.post(pagePath(v2)+"/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}, "number": {"15"}, "date": {"05/04/2024"}, "note": {"Đồng ý"}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "số 15 của năm 2024 đã dùng (sổ văn bản đi, dòng", "đánh dấu “Vẫn dùng số này”")
	r, body = c.post(pagePath(v2)+"/duyet", url.Values{"csrf": {token}, "name": {"Nguyễn Thị Hồng Vân"}, "number": {"15"}, "date": {"05/04/2024"}, "note": {"Đồng ý"}, "force-number": {"1"}})
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != "/bao-cao/quarterly/2024-Q1/v3?kq=da-duyet" {
		t.Fatalf("approved: to %q", loc)
	}
	_, body = c.get("/bao-cao/quarterly/2024-Q1/v3?kq=da-duyet")
	wantIn(t, body, "Đã duyệt.", "đã duyệt", "ban hành từ bản dự thảo phiên bản 2", "số 15, ngày 05/04/2024",
		"Phiên bản 2: được Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong) duyệt, ghi chú “Đồng ý”", `href="/bao-cao/quarterly/2024-Q1/v2"`)
	d, _ = b.Version(ctx, "quarterly", "2024-Q1", 2)
	if d.State != web.StateApproved || d.IssuedAs != 3 || d.Can("approve") {
		t.Errorf("the approved draft: %v issued as %d, actions %v", d.State, d.IssuedAs, d.Actions)
	}
	r, body = c.post(pagePath(v2)+"/duyet", url.Values{"csrf": {token}, "name": {"Vân"}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "đã được Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong) duyệt lúc")
	if !strings.Contains(logs.String(), `msg="web: approved"`) || !strings.Contains(logs.String(), `issued="quarterly 2024-Q1 v3"`) {
		t.Errorf("the approval is not logged:\n%s", logs)
	}

	// a source changed since the draft
	v4, err := b.Run(ctx, "Lan", "half-year", "2024-H1", func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	src := cfg.Sources["manual"]
	data, err := os.ReadFile(cfg.Path(src.Path))
	if err != nil {
		t.Fatal(err)
	}
	src.Path = strings.Replace(src.Path, "so-lieu-nhap-tay.xlsx", "so-lieu-nhap-tay-2.xlsx", 1)
	os.WriteFile(cfg.Path(src.Path), data, 0o644)
	cfg.Sources["manual"] = src
	r, body = c.post(pagePath(v4)+"/duyet", url.Values{"csrf": {token}, "name": {"Vân"}, "number": {"3"}, "date": {"10/07/2024"}, "note": {"Đã xem kỹ"}, "force-number": {"1"}})
	wantStatus(t, r, body, 409)
	wantIn(t, body, "tệp dữ liệu examples/data/so-lieu-nhap-tay-2.xlsx, examples/data/so-lieu-nhap-tay.xlsx (không còn được đọc) đã thay đổi kể từ khi lập bản dự thảo", "chạy lại",
		// the form again, as typed
		`id="form-duyet"`, `id="so" inputmode="numeric" placeholder="`, `value="3"`, `value="10/07/2024"`, `id="ghi-chu" value="Đã xem kỹ"`)
	if a, _ := workflow.ReadApproval(mustDir(t, b, v4)); a != nil {
		t.Errorf("a refused approval was recorded: %+v", a)
	}
	_ = time.Second
}

func mustDir(t *testing.T, b *ReportsBackend, v web.VersionRef) string {
	t.Helper()
	e, _, err := b.entry(v.Report, v.Period, v.Version)
	if err != nil {
		t.Fatal(err)
	}
	return e.Dir
}
