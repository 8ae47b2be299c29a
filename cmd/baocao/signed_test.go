package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/internal/testsign"
)

// requireSigned sets require_signed on a report of the config.
func requireSigned(t *testing.T, cfg, report string) {
	t.Helper()
	b, _ := os.ReadFile(cfg)
	s := strings.Replace(string(b), "[reports."+report+"]\n", "[reports."+report+"]\nrequire_signed = true\n", 1)
	if s == string(b) {
		t.Fatalf("no [reports.%s] in %s", report, cfg)
	}
	os.WriteFile(cfg, []byte(s), 0o644)
}

// signer makes the principal's certificate in an NSS database.
func signer(t *testing.T) *testsign.Signer {
	t.Helper()
	testsign.Require(t)
	s, err := testsign.New(t.TempDir(), "CA Thử Nghiệm Ban Cơ yếu", "Nguyễn Thị Hồng Vân", 30)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sign signs a PDF of the archive and returns the signed file's path.
func sign(t *testing.T, s *testsign.Signer, pdf string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "da-ky.pdf")
	if err := s.Sign(pdf, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// districtMessages are the messages to the district (not the reviewers').
func districtMessages(t *testing.T, m *mailpit) []mpSummary {
	var out []mpSummary
	for _, msg := range m.messages(t) {
		if len(msg.To) > 0 && msg.To[0].Address == "phongnoivu.q1@tphcm.gov.vn" {
			out = append(out, msg)
		}
	}
	return out
}

// attachment downloads a message's attachment by name suffix.
func attachment(t *testing.T, m *mailpit, id, suffix string) (string, []byte) {
	t.Helper()
	var full mpFull
	m.get(t, "/api/v1/message/"+id, &full)
	for _, a := range full.Attachments {
		if strings.HasSuffix(a.FileName, suffix) {
			return a.FileName, m.get(t, "/api/v1/message/"+id+"/part/"+a.PartID, nil)
		}
	}
	t.Fatalf("message %s has no %s attachment", id, suffix)
	return "", nil
}

// appendPageUpdate adds an incremental update that replaces the first
// page's content stream, after whatever the file holds (a signature).
func appendPageUpdate(t *testing.T, file []byte) []byte {
	t.Helper()
	page := regexp.MustCompile(`/Type\s*/Page\b[^>]*?/Contents\s+(\d+)\s+0\s+R`).FindSubmatch(file)
	font := regexp.MustCompile(`/(F[0-9a-f]{8,})\s+\d+\s+0\s+R`).FindSubmatch(file) // a font of the page's resources
	prev := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(file)
	roots := regexp.MustCompile(`/Root\s+(\d+\s+\d+)\s+R`).FindAllSubmatch(file, -1)
	sizes := regexp.MustCompile(`/Size\s+(\d+)`).FindAllSubmatch(file, -1)
	if page == nil || font == nil || prev == nil || roots == nil || sizes == nil {
		t.Fatal("cannot find the page, the font or the trailer")
	}
	// The fonts are Identity-H with Unicode code points as CIDs.
	var hex strings.Builder
	for _, r := range "SO LIEU DA BI SUA" {
		fmt.Fprintf(&hex, "%04X", r)
	}
	text := fmt.Sprintf("BT /%s 14 Tf 60 780 Td <%s> Tj ET", font[1], hex.String())
	var b bytes.Buffer
	b.Write(file)
	if !bytes.HasSuffix(file, []byte("\n")) {
		b.WriteByte('\n')
	}
	at := b.Len()
	fmt.Fprintf(&b, "%s 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", page[1], len(text), text)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%s 1\n%010d 00000 n \ntrailer\n<< /Size %s /Root %s R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		page[1], at, sizes[len(sizes)-1][1], roots[len(roots)-1][1], prev[1], xref)
	return b.Bytes()
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSignedCopyRequired: with require_signed, approval sends nothing and
// the version waits (chờ ký số); every tampered copy is refused with exit
// 2, nothing stored, nothing sent; the issued PDF signed by pdfsig is
// accepted and sent once, the district's mail carrying it byte for byte
// (pdfsig calls the attachment's signature valid); the same file again,
// and send, send nothing.
func TestSignedCopyRequired(t *testing.T) {
	s := signer(t)
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	requireSigned(t, cfg, "quarterly")
	q := []string{"-c", cfg, "-r", "quarterly", "-p", "2024-Q2"}
	if code, _, errs := baocao(append([]string{"run"}, q...)...); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	code, out, errs := baocao(append([]string{"approve", "--as", "hieutruong", "--password-stdin", "--number", "15"}, q...)...)
	if code != 0 || !strings.Contains(errs, "chờ ký số") {
		t.Fatalf("approve: exit %d: %s", code, errs)
	}
	v2 := strings.TrimSpace(out)
	v1 := filepath.Join(filepath.Dir(v2), "v1")
	if n := len(districtMessages(t, m)); n != 0 {
		t.Fatalf("approval of a report with require_signed sent %d messages to the district", n)
	}
	if code, _, errs := baocao(append([]string{"send"}, q...)...); code != 2 || !strings.Contains(errs, "chờ ký số") {
		t.Errorf("send before the signed copy: exit %d: %s", code, errs)
	}
	if _, st, _ := baocao(append([]string{"status"}, q...)...); !strings.Contains(st, "phiên bản 2: chờ ký số") {
		t.Errorf("status does not say chờ ký số:\n%s", st)
	}

	pdf := filepath.Join(v2, "bao-cao-cchc-2024-Q2.pdf")
	signed := sign(t, s, pdf)
	good, _ := os.ReadFile(signed)
	issued, _ := os.ReadFile(pdf)

	flippedSigned := bytes.Clone(good)
	flippedSigned[len(issued)+40] ^= 0x20 // inside the signature's revision, inside its byte range
	flippedIssued := bytes.Clone(good)
	flippedIssued[1233] ^= 0x01
	truncated := good[:len(good)-300]
	for _, c := range []struct {
		name, file, want string
	}{
		{"byte flipped in the signed revision", writeTemp(t, "a.pdf", flippedSigned), "chữ ký số thứ 1 trong tệp không hợp lệ"},
		{"byte flipped in the issued bytes", writeTemp(t, "b.pdf", flippedIssued), "tệp này không phải bản đã duyệt v2: nội dung khác từ byte 1.234"},
		{"the draft signed", sign(t, s, filepath.Join(v1, "bao-cao-cchc-2024-Q2.pdf")), "tệp này là bản dự thảo v1 (đã ký), không phải bản đã duyệt v2"},
		{"a page changed after signing", writeTemp(t, "c.pdf", appendPageUpdate(t, good)), "tệp đã bị sửa sau khi ký"},
		{"unsigned", pdf, "tệp chưa có chữ ký số"},
		{"truncated", writeTemp(t, "d.pdf", truncated), "tệp bị hỏng hoặc bị cắt"},
	} {
		code, _, errs := baocao(append([]string{"signed", c.file}, q...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%s: exit %d, want 2 saying %q:\n%s", c.name, code, c.want, errs)
		}
		if _, err := os.Stat(filepath.Join(v2, "signed.json")); err == nil {
			t.Fatalf("%s: a record was stored", c.name)
		}
		if fs, _ := filepath.Glob(filepath.Join(v2, "*-da-ky.pdf")); len(fs) != 0 {
			t.Fatalf("%s: stored %v", c.name, fs)
		}
		if n := len(districtMessages(t, m)); n != 0 {
			t.Fatalf("%s: %d messages to the district", c.name, n)
		}
	}
	// pdftotext reads the changed page, so the update is a real edit.
	if txt := pdfText(t, writeTemp(t, "e.pdf", appendPageUpdate(t, good))); !strings.Contains(txt, "SO LIEU DA BI SUA") {
		t.Errorf("the appended update does not change the page as poppler reads it")
	}

	code, out, errs = baocao(append([]string{"signed", signed, "--by", "Văn thư"}, q...)...)
	if code != 0 {
		t.Fatalf("signed: exit %d: %s", code, errs)
	}
	if want := filepath.Join(v2, "bao-cao-cchc-2024-Q2-da-ky.pdf"); strings.TrimSpace(out) != want || !strings.Contains(errs, "Người ký: Nguyễn Thị Hồng Vân") || !strings.Contains(errs, "đã gửi bản đã ký số") {
		t.Errorf("signed printed %q:\n%s", out, errs)
	}
	msgs := districtMessages(t, m)
	if len(msgs) != 1 {
		t.Fatalf("%d messages to the district after the signed copy, want 1", len(msgs))
	}
	name, att := attachment(t, m, msgs[0].ID, ".pdf")
	if name != "bao-cao-cchc-2024-Q2-da-ky.pdf" || !bytes.Equal(att, good) {
		t.Errorf("the district got %s (%d bytes), not the signed copy byte for byte (%d bytes)", name, len(att), len(good))
	}
	if report, err := s.Check(writeTemp(t, name, att)); !testsign.Valid(report) {
		t.Errorf("pdfsig on the attachment: %v\n%s", err, report)
	}
	var full mpFull
	m.get(t, "/api/v1/message/"+msgs[0].ID, &full)
	if !strings.Contains(full.Text, "là bản đã ký số") || !strings.Contains(full.Text, "Nguyễn Thị Hồng Vân") {
		t.Errorf("the message does not say the PDF is signed:\n%s", full.Text)
	}

	// The same file again sends nothing; so does send.
	if code, _, errs := baocao(append([]string{"signed", signed}, q...)...); code != 0 || !strings.Contains(errs, "không gửi lại") {
		t.Errorf("the same copy again: exit %d: %s", code, errs)
	}
	if code, _, errs := baocao(append([]string{"send"}, q...)...); code != 0 {
		t.Errorf("send after: exit %d: %s", code, errs)
	}
	if n := len(districtMessages(t, m)); n != 1 {
		t.Errorf("%d messages to the district, want 1", n)
	}
	// Another signed copy of the same version is refused; the first stays.
	if code, _, errs := baocao(append([]string{"signed", sign(t, s, pdf)}, q...)...); code != 2 || !strings.Contains(errs, "đã có bản ký số") {
		t.Errorf("a second, different copy: exit %d: %s", code, errs)
	}
	_, st, _ := baocao(append([]string{"status"}, q...)...)
	if !strings.Contains(st, "đã ký số, Nguyễn Thị Hồng Vân ký") || !strings.Contains(st, "nhận bản đã ký số từ Văn thư (dòng lệnh)") {
		t.Errorf("status:\n%s", st)
	}
	if _, arch, _ := baocao("archive", "-c", cfg); !strings.Contains(arch, "đã ký số") {
		t.Errorf("archive:\n%s", arch)
	}
	// A draft is not approved: its copy is refused.
	if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q3"); code != 0 {
		t.Fatalf("run Q3: %s", errs)
	}
	if code, _, errs := baocao("signed", signed, "-c", cfg, "-r", "quarterly", "-p", "2024-Q3"); code != 2 || !strings.Contains(errs, "phiên bản v1 chưa được duyệt") {
		t.Errorf("a copy for a draft: exit %d: %s", code, errs)
	}
}

// TestSignedCopyLater: without require_signed the version is sent as
// today; its signed copy arriving later is stored and sent only by
// send --signed, as a follow-up "bản đã ký số", once.
func TestSignedCopyLater(t *testing.T) {
	s := signer(t)
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	q := []string{"-c", cfg, "-r", "quarterly", "-p", "2024-Q2"}
	baocao(append([]string{"run"}, q...)...)
	code, out, errs := baocao(append([]string{"approve", "--as", "hieutruong", "--password-stdin"}, q...)...)
	if code != 0 || len(districtMessages(t, m)) != 1 {
		t.Fatalf("approve: exit %d: %s", code, errs)
	}
	v1 := strings.TrimSpace(out)
	signed := sign(t, s, filepath.Join(v1, "bao-cao-cchc-2024-Q2.pdf"))
	code, _, errs = baocao(append([]string{"signed", signed}, q...)...)
	if code != 0 || !strings.Contains(errs, "send -r quarterly -p 2024-Q2 --signed") {
		t.Fatalf("signed: exit %d: %s", code, errs)
	}
	// The clerk reads the report by its name and the version in words, not
	// "quarterly/2024-Q2 v1".
	for _, w := range []string{"đã nhận bản ký số của Báo cáo quý kỳ 2024-Q2, phiên bản 1, lưu thành bao-cao-cchc-2024-Q2-da-ky.pdf",
		"phiên bản 1 đã được gửi trước đây (bản chưa ký)"} {
		if !strings.Contains(errs, w) {
			t.Errorf("signed says no %q: %s", w, errs)
		}
	}
	if strings.Contains(errs, "quarterly/") {
		t.Errorf("signed names the report by its key: %s", errs)
	}
	if code, _, errs := baocao(append([]string{"signed", signed}, q...)...); code != 0 || !strings.Contains(errs, "Báo cáo quý kỳ 2024-Q2, phiên bản 1 đã có đúng bản ký số này") {
		t.Errorf("the same copy again: exit %d: %s", code, errs)
	}
	if n := len(districtMessages(t, m)); n != 1 {
		t.Fatalf("the signed copy was sent without being asked: %d messages", n)
	}
	if code, _, errs := baocao(append([]string{"send", "--signed"}, q...)...); code != 0 || !strings.Contains(errs, "đã gửi thư bổ sung bản đã ký số của Báo cáo quý kỳ 2024-Q2, phiên bản 1 tới") {
		t.Fatalf("send --signed: exit %d: %s", code, errs)
	}
	msgs := districtMessages(t, m)
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0].Subject, "[Bản đã ký số] ") {
		t.Fatalf("after send --signed: %d messages, newest %q", len(msgs), msgs[0].Subject)
	}
	good, _ := os.ReadFile(signed)
	if name, att := attachment(t, m, msgs[0].ID, ".pdf"); name != "bao-cao-cchc-2024-Q2-da-ky.pdf" || !bytes.Equal(att, good) {
		t.Errorf("the follow-up carries %s, not the signed copy byte for byte", name)
	}
	if code, _, _ := baocao(append([]string{"send", "--signed"}, q...)...); code != 0 || len(districtMessages(t, m)) != 2 {
		t.Errorf("a second send --signed: exit %d, %d messages", code, len(districtMessages(t, m)))
	}
	if code, out, _ := baocao(append([]string{"status"}, q...)...); code != 0 || !strings.Contains(out, "(dòng lệnh): bao-cao-cchc-2024-Q2-da-ky.pdf") {
		t.Errorf("status does not say the signed copy came by the command line: exit %d:\n%s", code, out)
	}
}

// TestCrashBetweenSignedAndSending: baocao signed killed after storing
// the copy and before sending; send, or serve, sends it once.
func TestCrashBetweenSignedAndSending(t *testing.T) {
	s := signer(t)
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, by := range []string{"send", "serve"} {
		t.Run(by, func(t *testing.T) {
			m := startMailpit(t)
			cfg := reviewConfig(t, m)
			requireSigned(t, cfg, "quarterly")
			q := []string{"-c", cfg, "-r", "quarterly", "-p", "2024-Q2"}
			baocao(append([]string{"run"}, q...)...)
			_, out, errs := baocao(append([]string{"approve", "--as", "hieutruong", "--password-stdin"}, q...)...)
			v1 := strings.TrimSpace(out)
			if v1 == "" {
				t.Fatalf("approve: %s", errs)
			}
			signed := sign(t, s, filepath.Join(v1, "bao-cao-cchc-2024-Q2.pdf"))
			err := child(bin, crashpoint.SignedStored, append([]string{"signed", signed}, q...)...).Run()
			if !killed(err) {
				t.Fatalf("signed was not killed at %s: %v", crashpoint.SignedStored, err)
			}
			if _, err := os.Stat(filepath.Join(v1, "signed.json")); err != nil {
				t.Fatalf("the copy was not stored before the crash: %v", err)
			}
			if n := len(districtMessages(t, m)); n != 0 {
				t.Fatalf("%d messages before the crash was completed", n)
			}
			if by == "serve" {
				serve, _ := startServe(t, bin, cfg)
				waitFor(t, "the signed copy sent by serve", func() bool { return len(districtMessages(t, m)) > 0 })
				serve.Process.Signal(syscall.SIGTERM)
				serve.Wait()
			} else if out, err := child(bin, "", append([]string{"send"}, q...)...).CombinedOutput(); err != nil {
				t.Fatalf("send after the crash: %v\n%s", err, out)
			}
			child(bin, "", append([]string{"send"}, q...)...).Run()
			msgs := districtMessages(t, m)
			if len(msgs) != 1 {
				t.Fatalf("sent %d times, want once", len(msgs))
			}
			good, _ := os.ReadFile(signed)
			if name, att := attachment(t, m, msgs[0].ID, ".pdf"); !strings.HasSuffix(name, "-da-ky.pdf") || !bytes.Equal(att, good) {
				t.Errorf("sent %s, not the signed copy", name)
			}
		})
	}
}

// TestSignedCopyRequiredWithoutReviewers: a report without reviewers and
// with require_signed is not sent by its run; its signed copy sends it.
func TestSignedCopyRequiredWithoutReviewers(t *testing.T) {
	s := signer(t)
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	requireSigned(t, cfg, "monthly")
	q := []string{"-c", cfg, "-r", "monthly", "-p", "2024-03"}
	code, out, errs := baocao(append([]string{"run"}, q...)...)
	if code != 0 || !strings.Contains(errs, "chờ ký số") || len(districtMessages(t, m)) != 0 {
		t.Fatalf("run: exit %d, %d messages: %s", code, len(districtMessages(t, m)), errs)
	}
	v1 := strings.TrimSpace(out)
	signed := sign(t, s, filepath.Join(v1, "bao-cao-cchc-2024-03.pdf"))
	if code, _, errs := baocao(append([]string{"signed", signed}, q...)...); code != 0 || len(districtMessages(t, m)) != 1 {
		t.Fatalf("signed: exit %d, %d messages: %s", code, len(districtMessages(t, m)), errs)
	}
}

// TestSignedTrustedRoots: with [signed] trusted_roots the signer is said
// to reach a trusted root (or not, still accepted); a roots file that
// cannot be read is a config error (exit 2).
func TestSignedTrustedRoots(t *testing.T) {
	s := signer(t)
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(b, []byte(fmt.Sprintf("\n[signed]\ntrusted_roots = %q\n", s.CA))...), 0o644)
	q := []string{"-c", cfg, "-r", "quarterly", "-p", "2024-Q2"}
	baocao(append([]string{"run"}, q...)...)
	_, out, errs := baocao(append([]string{"approve", "--as", "hieutruong", "--password-stdin"}, q...)...)
	v1 := strings.TrimSpace(out)
	if v1 == "" {
		t.Fatalf("approve: %s", errs)
	}
	signed := sign(t, s, filepath.Join(v1, "bao-cao-cchc-2024-Q2.pdf"))
	code, _, errs := baocao(append([]string{"signed", signed}, q...)...)
	if code != 0 || !strings.Contains(errs, "chuỗi chứng thư dẫn tới gốc tin cậy đã cấu hình") {
		t.Errorf("signed with trusted roots: exit %d:\n%s", code, errs)
	}
	os.WriteFile(cfg, append(b, []byte("\n[signed]\ntrusted_roots = \"khong-co.pem\"\n")...), 0o644)
	if code, _, errs := baocao(append([]string{"status"}, q...)...); code != 2 || !strings.Contains(errs, "trusted_roots") {
		t.Errorf("a missing roots file: exit %d: %s", code, errs)
	}
}
