package web

import (
	"net/url"
	"strings"
	"testing"

	"net/http/httptest"

	"github.com/chromedp/chromedp"
)

// TestDraftPageShowsTheDocumentBeforeTheDecision: the draft's page reads
// summary, then the document (files, PDF), then the approve and return
// forms; the date's placeholder is an example, not a value.
func TestDraftPageShowsTheDocumentBeforeTheDecision(t *testing.T) {
	_, _, c := asAccount(t, Settings{}, newFake(), "hieutruong")
	_, body := c.get("/bao-cao/quarterly/2024-Q1/v1")
	order := []string{`class="state`, `<h2>Văn bản</h2>`, `<object class="pdf"`, `id="form-duyet"`, `id="form-tra-lai"`, `<h2>Kết quả chỉ tiêu</h2>`}
	at := -1
	for _, w := range order {
		i := strings.Index(body, w)
		if i < 0 || i < at {
			t.Fatalf("%q is at %d, after the previous at %d: want %q in that order", w, i, at, order)
		}
		at = i
	}
	for _, w := range []string{`placeholder="ví dụ 29/11/2026"`, `class="approve"`, `class="return"`} {
		if !strings.Contains(body, w) {
			t.Errorf("draft page lacks %s", w)
		}
	}
	if strings.Contains(body, "Báo cáo quý kỳ quý") || strings.Count(body, "quý I năm 2024") < 1 {
		t.Error("the title says the period twice, or not at all")
	}
}

// TestRunFormSaysWhatAPeriodIs: the period field names its forms, no
// browser pattern answers in its own language, and a wrong period is
// answered in Vietnamese.
func TestRunFormSaysWhatAPeriodIs(t *testing.T) {
	s, _ := testServer(t, Settings{}, newFake())
	c := newClient(t, s.Handler())
	_, body := c.get("/chay")
	if !strings.Contains(body, "2024-03, 2024-Q1, 2024-H1 hoặc 2024") || strings.Contains(body, "pattern=") {
		t.Errorf("run form:\n%s", body)
	}
	if strings.Contains(body, "(monthly)") || strings.Contains(body, "(quarterly)") {
		t.Error("the run form shows report keys")
	}
	token := c.csrf("/chay")
	r, body := c.post("/chay", url.Values{"csrf": {token}, "report": {"monthly"}, "period": {"tháng 3"}})
	if r.StatusCode != 400 || !strings.Contains(body, "Kỳ báo cáo “tháng 3” không đúng dạng") || !strings.Contains(body, "2024-03, 2024-Q1, 2024-H1 hoặc 2024") {
		t.Errorf("a wrong period: %d\n%s", r.StatusCode, body)
	}
}

// TestReportCardsInAFixedOrder: the overview's cards come in the reports'
// order whatever their state, and show no report key.
func TestReportCardsInAFixedOrder(t *testing.T) {
	f := newFake()
	s, _ := testServer(t, Settings{}, f)
	c := newClient(t, s.Handler())
	_, body := c.get("/")
	m, q := strings.Index(body, `id="bc-monthly"`), strings.Index(body, `id="bc-quarterly"`)
	if m < 0 || q < 0 || m > q {
		t.Errorf("cards: monthly at %d, quarterly at %d; want tháng before quý", m, q)
	}
	if strings.Contains(body, "<small>(monthly)</small>") {
		t.Error("a card shows its report key")
	}
}

// TestApproveAndReturnLookDifferent: in Chromium, "Duyệt" and "Trả lại"
// have different colours.
func TestApproveAndReturnLookDifferent(t *testing.T) {
	bin := chromiumOrSkip(t)
	set := Settings{}
	withAccounts(t, &set)
	s, _ := testServer(t, set, newFake())
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	ctx := browser(t, bin)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/bao-cao/quarterly/2024-Q1/v1"),
		chromedp.WaitVisible(chromedp.CSS("#tai-khoan")),
		chromedp.SetValue(chromedp.CSS("#tai-khoan"), "hieutruong"),
		chromedp.SetValue(chromedp.CSS("#mat-khau"), testPassword),
		chromedp.Click(chromedp.CSS("#dang-nhap")),
		chromedp.WaitReady(chromedp.CSS("#tra-lai"))); err != nil {
		t.Fatal(err)
	}
	// The page is reached through the login's redirect: its style sheet
	// is waited for (the load event) before the colours are read.
	looks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`new Promise(r => document.readyState === "complete" ? r() : addEventListener("load", () => r())).then(() =>
		["#duyet", "#tra-lai"].map(s => { const c = getComputedStyle(document.querySelector(s)); return c.backgroundColor + " " + c.color }))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(looks) != 2 || looks[0] == looks[1] {
		t.Errorf("approve and return look alike: %q", looks)
	}
}

// TestEveryPageNamesTheUnit: the unit stands beside the product's name on
// every page, so a principal knows whose reports she is looking at.
func TestEveryPageNamesTheUnit(t *testing.T) {
	s, _ := testServer(t, Settings{Unit: "Trường Mầm non 20/10"}, newFake())
	c := newClient(t, s.Handler())
	for _, path := range []string{"/", "/kiem-tra", "/chay", "/lich-su", "/ke-hoach", "/khong-co-trang-nay"} {
		_, body := c.get(path)
		if !strings.Contains(body, `<a class="brand" href="/">baocao</a><span class="unit">Trường Mầm non 20/10</span>`) ||
			!strings.Contains(body, "· Trường Mầm non 20/10 · baocao</title>") {
			t.Errorf("%s does not name the unit beside baocao", path)
		}
	}
}
