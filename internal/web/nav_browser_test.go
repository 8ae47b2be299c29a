package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mn2010/baocao/internal/testtools"
)

// chromiumOrSkip finds Debian's Chromium: skipped on a workstation
// without it, a failure under CI.
func chromiumOrSkip(t *testing.T) string { t.Helper(); return testtools.Chromium(t) }

// browser starts a headless Chromium for the test.
func browser(t *testing.T, bin string) context.Context {
	t.Helper()
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(bin), chromedp.Flag("headless", true),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()))
	bctx, cancelB := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(bctx, 120*time.Second)
	t.Cleanup(func() { cancel(); cancelB(); cancelA() })
	return ctx
}

// TestNavOnAPhone opens the page at a phone's width (390 px) in Debian's
// Chromium: no menu item breaks inside ("Kiểm tra dữ / liệu"); the items
// wrap between them.
func TestNavOnAPhone(t *testing.T) {
	bin := chromiumOrSkip(t)
	s, _ := testServer(t, Settings{}, newFake())
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	ctx := browser(t, bin)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("nav"))); err != nil {
		t.Fatal(err)
	}
	lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[...document.querySelectorAll("header nav a")].map(a => a.getClientRects().length)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 5 {
		t.Fatalf("nav has %d items", len(lines))
	}
	for i, n := range lines {
		if n != 1 {
			t.Errorf("nav item %d breaks over %d lines at 390 px", i, n)
		}
	}
}

// longFake is the fake backend with the long names and paths a school
// has: a Windows share's path, a long unit and reviewer, long e-mail
// addresses and a long file name.
func longFake() *fakeBackend {
	f := newFake()
	long := `\\may-chu-truong\Du lieu chung\Van thu\Bao cao CCHC\Nam hoc 2024-2025\Xuat tu Yoyoschool\thanh-toan-hoc-phi-yoyoschool-thang-03-nam-2024.xlsx`
	f.check.Sources = append(f.check.Sources,
		Source{Name: "payments", Title: "Thanh toán học phí (Yoyoschool)", Path: long, Bytes: 123456, ModTime: t0, Rows: 1874},
		Source{Name: "documents", Title: "Sổ văn bản đi/đến", Path: "/home/vanthu/Tài liệu/Báo cáo cải cách hành chính/2024/Sổ văn bản đi đến của Trường Mầm non 20 tháng 10.xlsx",
			Error: "không tìm thấy tệp: kiểm tra đường dẫn trong tệp cấu hình /etc/baocao/config.toml"})
	f.check.Files = append(f.check.Files, FileIssues{File: long, Issues: []Issue{{Sheet: "Danh sách thanh toán tháng 3", Row: 1874,
		Column: "Ngày thanh toán", Value: "31/02/2024 (ghi chú: phụ huynh chuyển khoản qua ngân hàng)", Message: "ngày không có thật: sửa lại theo dạng ngày/tháng/năm"}}})
	for i := range f.reports {
		f.reports[i].Title += " kết quả thực hiện công tác cải cách hành chính của Trường Mầm non 20/10"
	}
	for _, d := range f.details {
		d.Recipients = append(d.Recipients, "phong.noi.vu.uy.ban.nhan.dan.phuong.sai.gon@tphcm.gov.vn")
		d.Reviewers = append(d.Reviewers, "Nguyễn Thị Hồng Vân Phó Hiệu trưởng phụ trách chuyên môn <hieutruong.truongmamnon2010.quan1@hcm.edu.vn>")
		d.Issues = append(d.Issues, Issue{Severity: "warning", File: long, Sheet: "Sheet1", Row: 7, Column: "Ngày thanh toán", Value: "31/02/2024", Message: "ngày không có thật"})
	}
	return f
}

// TestNoPageScrollsSideways opens every page at 390 px (a phone) and 1280
// px with long names and paths: none is wider than the screen, and a path
// breaks only after a separator.
func TestNoPageScrollsSideways(t *testing.T) {
	bin := chromiumOrSkip(t)
	s, _ := testServer(t, Settings{}, longFake())
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	login, _ := testServer(t, Settings{Listen: "0.0.0.0:0", Password: "mật-khẩu-trang-web"}, longFake())
	loginSrv := httptest.NewServer(login.Handler())
	defer loginSrv.Close()
	pages := []string{"/", "/kiem-tra", "/kiem-tra?ky=2024-03", "/chay", "/chay?bao-cao=quarterly", "/lich-su",
		"/bao-cao/monthly/2024-03/v1", "/bao-cao/quarterly/2024-Q1/v1", "/bao-cao/monthly/2024-02/v1", "/bao-cao/monthly/2024-02/v1/gui-lai",
		"/bao-cao/monthly/2099-01/v9"}
	ctx := browser(t, bin)
	for _, width := range []int{390, 1280} {
		for _, page := range append(pages, loginSrv.URL+"/dang-nhap") {
			url := page
			if strings.HasPrefix(page, "/") {
				url = srv.URL + page
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 844, chromedp.EmulateMobile), chromedp.Navigate(url),
				chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			sw, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if sw > width {
				wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main *")].filter(e => e.getBoundingClientRect().right > `+
					strings.TrimSpace(strings.Repeat(" ", 0))+`window.innerWidth + 1).slice(0, 5).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`))
				t.Errorf("%s at %d px: the page is %d px wide; too wide: %q", page, width, sw, wide)
			}
			// A path's line ends only after a separator (or a hyphen): never inside a word.
			bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](pathBreaksJS))
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bad {
				t.Errorf("%s at %d px: a path breaks inside a word: %q", page, width, b)
			}
		}
	}
}

// pathBreaksJS lists the places where a .path element's text wraps to a
// new line after a letter or digit (not after "/", "\", "-", a space…).
const pathBreaksJS = `(() => {
  const out = [];
  for (const el of document.querySelectorAll(".path")) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let prevTop = null, prevChar = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.length; i++) {
        const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        const rect = r.getClientRects()[0];
        if (!rect) continue;
        if (prevTop !== null && rect.top > prevTop + 2 && /[\p{L}\p{N}]/u.test(prevChar) && /[\p{L}\p{N}]/u.test(n.data[i])) {
          out.push(el.textContent.slice(0, 80) + " … at " + JSON.stringify(prevChar + n.data[i]));
        }
        prevTop = rect.top; prevChar = n.data[i];
      }
    }
  }
  return out;
})()`
