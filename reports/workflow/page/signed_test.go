package page

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/testsign"
	"github.com/mn2010/baocao/internal/web"
)

// postFile posts a multipart form with the CSRF token and one file.
func (c *client) postFile(path, token, name string, data []byte) (*http.Response, string) {
	c.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	if token != "" {
		w.WriteField("csrf", token)
	}
	if name != "" {
		fw, _ := w.CreateFormFile("tep", name)
		fw.Write(data)
	}
	w.Close()
	req, _ := http.NewRequest("POST", c.base+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

// TestSignedCopyUpload drives "Tải lên bản đã ký số" over the real
// reports code (without mail): a report with require_signed, approved,
// waits "chờ ký số" with the upload form; an unsigned file is a 422
// Vietnamese page and nothing is stored; a file over the limit is a 413;
// a post without the CSRF token a 403; the issued PDF signed by pdfsig
// is accepted, shown "đã ký số" with its signer, and downloads byte for
// byte; the same file again stores nothing.
func TestSignedCopyUpload(t *testing.T) {
	testsign.Require(t)
	b, cfg, m := project(t)
	cfg.SMTP.Host = ""
	m.Settings().Reports["quarterly"].RequireSigned = true
	ctx := context.Background()
	ref, err := b.Run(ctx, "Lan", "quarterly", "2024-Q1", func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	issued, err := b.Approve(ctx, "Vân", ref, web.Approval{Name: "Nguyễn Thị Hồng Vân", Number: 15})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := testServer(t, web.Settings{Location: cfg.Location, SignedMaxBytes: 2 << 20}, b)
	c := newClient(t, s.Handler())
	token := c.csrf(pagePath(issued))
	_, page := c.get(pagePath(issued))
	wantIn(t, page, "chờ ký số", `id="form-ky-so"`, `enctype="multipart/form-data"`, "Tải lên bản đã ký số", "rồi gửi cấp trên")
	if _, draft := c.get(pagePath(ref)); strings.Contains(draft, `id="form-ky-so"`) {
		t.Error("the draft issued as another version offers the upload")
	}

	dir := mustDir(t, b, issued)
	pdf := filepath.Join(dir, "bao-cao-cchc-2024-Q1.pdf")
	unsigned, _ := os.ReadFile(pdf)
	r, body := c.postFile(pagePath(issued)+"/ky-so", token, "ky.pdf", unsigned)
	wantStatus(t, r, body, 422)
	wantIn(t, body, "Không nhận tệp “ky.pdf”: tệp chưa có chữ ký số", "Không có gì được lưu hay gửi", `id="form-ky-so"`)
	r, body = c.postFile(pagePath(issued)+"/ky-so", "", "ky.pdf", unsigned)
	wantStatus(t, r, body, 403)
	r, body = c.postFile(pagePath(issued)+"/ky-so", token, "lon.pdf", bytes.Repeat([]byte("x"), 3<<20))
	wantStatus(t, r, body, 413)
	wantIn(t, body, "Tệp quá lớn: giới hạn là 2 MB.")
	r, body = c.postFile(pagePath(issued)+"/ky-so", token, "", nil)
	wantStatus(t, r, body, 400)
	if fs, _ := filepath.Glob(filepath.Join(dir, "*-da-ky.pdf")); len(fs) != 0 {
		t.Fatalf("refused uploads stored %v", fs)
	}

	sg, err := testsign.New(t.TempDir(), "CA Thử Nghiệm", "Nguyễn Thị Hồng Vân", 30)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "signed.pdf")
	if err := sg.Sign(pdf, out); err != nil {
		t.Fatal(err)
	}
	signed, _ := os.ReadFile(out)
	r, body = c.postFile(pagePath(issued)+"/ky-so", token, "bao-cao-ky.pdf", signed)
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != pagePath(issued)+"?kq=da-ky" {
		t.Errorf("to %q", loc)
	}
	_, page = c.get(pagePath(issued) + "?kq=da-ky")
	wantIn(t, page, "Đã nhận bản ký số", `id="ban-ky-so"`, "đã ký số", "bao-cao-cchc-2024-Q1-da-ky.pdf",
		"Người ký: Nguyễn Thị Hồng Vân; chứng thư số do", "CA Thử Nghiệm")
	if strings.Contains(page, `id="form-ky-so"`) {
		t.Error("the upload is still offered once the copy is stored")
	}
	r, got := c.get(pagePath(issued) + "/tep/bao-cao-cchc-2024-Q1-da-ky.pdf?tai=1")
	wantStatus(t, r, got, 200)
	if got != string(signed) {
		t.Errorf("the signed copy downloads as %d bytes, not the %d uploaded", len(got), len(signed))
	}
	r, body = c.postFile(pagePath(issued)+"/ky-so", token, "bao-cao-ky.pdf", signed)
	wantStatus(t, r, body, 303)
	if loc := r.Header.Get("Location"); loc != pagePath(issued)+"?kq=da-co-ban-ky" {
		t.Errorf("the same copy again: to %q", loc)
	}
}
