package signature

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/testsign"
)

// onePage writes a one-page PDF saying text.
func onePage(t *testing.T, path, text string) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.AddPage()
	f.SetFont("Helvetica", "", 14)
	for i := range 40 {
		f.CellFormat(0, 6, fmt.Sprintf("%s - dong %d", text, i+1), "", 1, "L", false, 0, "")
	}
	if err := f.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type fixture struct {
	dir                   string
	signer                *testsign.Signer
	issued, draft, signed []byte
	issuedPath            string
}

var (
	fixOnce sync.Once
	fix     *fixture
	fixErr  error
)

// signedFixture makes, once, an issued PDF and a draft, a signer, and the
// issued PDF signed by pdfsig.
func signedFixture(t *testing.T) *fixture {
	t.Helper()
	testsign.Require(t)
	fixOnce.Do(func() {
		dir, err := os.MkdirTemp("", "signature-test")
		if err != nil {
			fixErr = err
			return
		}
		f := &fixture{dir: dir}
		f.issuedPath = filepath.Join(dir, "issued.pdf")
		f.issued = onePage(t, f.issuedPath, "Bao cao thang 3 - so 15")
		f.draft = onePage(t, filepath.Join(dir, "draft.pdf"), "Bao cao thang 3 - du thao")
		if f.signer, fixErr = testsign.New(filepath.Join(dir, "ca"), "CA Thử Nghiệm", "Nguyễn Thị Hiệu Trưởng", 30); fixErr != nil {
			return
		}
		out := filepath.Join(dir, "signed.pdf")
		if fixErr = f.signer.Sign(f.issuedPath, out); fixErr != nil {
			return
		}
		f.signed, fixErr = os.ReadFile(out)
		fix = f
	})
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fix != nil {
		os.RemoveAll(fix.dir)
	}
	os.Exit(code)
}

func (f *fixture) write(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func roots(t *testing.T, pemFile string) *x509.CertPool {
	t.Helper()
	b, err := os.ReadFile(pemFile)
	if err != nil {
		t.Fatal(err)
	}
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(b) {
		t.Fatalf("no certificate in %s", pemFile)
	}
	return p
}

func TestVerifyAcceptsPdfsigSignature(t *testing.T) {
	f := signedFixture(t)
	start := time.Now().Add(-time.Minute)
	res, err := Verify(f.issued, f.signed, Options{Version: 2, Roots: roots(t, f.signer.CA)})
	if err != nil {
		t.Fatalf("the issued PDF signed by pdfsig is refused: %v", err)
	}
	if len(res.Signers) != 1 {
		t.Fatalf("signers = %+v, want one", res.Signers)
	}
	s := res.Signers[0]
	if s.Name != "Nguyễn Thị Hiệu Trưởng" || !strings.Contains(s.Issuer, "CA Thử Nghiệm") {
		t.Errorf("signer %q issued by %q", s.Name, s.Issuer)
	}
	pb, _ := os.ReadFile(filepath.Join(f.signer.Dir, "person.crt"))
	blk, _ := pem.Decode(pb)
	cert, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if s.Serial != strings.ToUpper(cert.SerialNumber.Text(16)) || !s.NotAfter.Equal(cert.NotAfter.UTC()) || !s.NotBefore.Equal(cert.NotBefore.UTC()) {
		t.Errorf("serial %s %v–%v, the certificate has %X %v–%v", s.Serial, s.NotBefore, s.NotAfter, cert.SerialNumber, cert.NotBefore, cert.NotAfter)
	}
	if s.SigningTime.Before(start) || s.SigningTime.After(time.Now().Add(time.Minute)) {
		t.Errorf("signing time %v, the file was signed after %v", s.SigningTime, start)
	}
	if s.Trusted == nil || !*s.Trusted {
		t.Errorf("the chain reaches the CA given as root, yet trusted = %v", s.Trusted)
	}
	if s.Covers != int64(len(f.signed)) || res.Size != int64(len(f.signed)) {
		t.Errorf("covers %d of %d bytes", s.Covers, len(f.signed))
	}

	// Another CA as the only root: shown, judged not trusted, still accepted.
	other, err := testsign.New(t.TempDir(), "CA Khác", "Người Khác", 30)
	if err != nil {
		t.Fatal(err)
	}
	res, err = Verify(f.issued, f.signed, Options{Roots: roots(t, other.CA)})
	if err != nil {
		t.Fatal(err)
	}
	if tr := res.Signers[0].Trusted; tr == nil || *tr {
		t.Errorf("trusted = %v with another CA as root", tr)
	}
	if res, _ = Verify(f.issued, f.signed, Options{}); res.Signers[0].Trusted != nil {
		t.Error("trusted judged without roots")
	}
}

func TestVerifyAcceptsTwoSignatures(t *testing.T) {
	f := signedFixture(t)
	second, err := testsign.New(t.TempDir(), "CA Thứ Hai", "Văn Thư", 30)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "twice.pdf")
	if err := second.Sign(f.write(t, "once.pdf", f.signed), out); err != nil {
		t.Fatal(err)
	}
	twice, _ := os.ReadFile(out)
	res, err := Verify(f.issued, twice, Options{})
	if err != nil {
		t.Fatalf("a second signature refused: %v", err)
	}
	if len(res.Signers) != 2 || res.Signers[0].Name != "Nguyễn Thị Hiệu Trưởng" || res.Signers[1].Name != "Văn Thư" {
		t.Errorf("signers %+v", res.Signers)
	}
}

// appendUpdate adds an incremental update to a PDF that redefines object
// obj with body, chained to the file's last cross-reference section.
func appendUpdate(t *testing.T, file []byte, obj int, body string) []byte {
	t.Helper()
	prev := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(file)
	trailers := regexp.MustCompile(`/Root\s+(\d+\s+\d+)\s+R`).FindAllSubmatch(file, -1)
	sizes := regexp.MustCompile(`/Size\s+(\d+)`).FindAllSubmatch(file, -1)
	if prev == nil || trailers == nil || sizes == nil {
		t.Fatal("no trailer in the file")
	}
	var b bytes.Buffer
	b.Write(file)
	if !bytes.HasSuffix(file, []byte("\n")) {
		b.WriteByte('\n')
	}
	at := b.Len()
	fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", obj, body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<< /Size %s /Root %s R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		obj, at, sizes[len(sizes)-1][1], trailers[len(trailers)-1][1], prev[1], xref)
	return b.Bytes()
}

// pageContents is the object number of the first page's content stream.
func pageContents(t *testing.T, pdf []byte) int {
	t.Helper()
	m := regexp.MustCompile(`/Type\s*/Page\b[^>]*?/Contents\s+(\d+)\s+0\s+R`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no page with /Contents")
	}
	var n int
	fmt.Sscan(string(m[1]), &n)
	return n
}

// fontName is the resource name of the first font a page uses.
func fontName(t *testing.T, pdf []byte) string {
	t.Helper()
	m := regexp.MustCompile(`/(\w+)\s+[\d.]+\s+Tf`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no font set in the page")
	}
	return string(m[1])
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func refusal(t *testing.T, err error, want Kind) *Refusal {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) {
		t.Fatalf("err = %v, want a %v refusal", err, want)
	}
	if r.Kind != want {
		t.Fatalf("refused as %v (%v; %s), want %v", r.Kind, r, r.Reason, want)
	}
	if !errors.Is(err, &Refusal{Kind: want}) {
		t.Errorf("errors.Is does not match the kind")
	}
	return r
}

func TestVerifyRefusesTamperedCopies(t *testing.T) {
	f := signedFixture(t)
	n := len(f.issued)

	t.Run("byte flipped in the issued part", func(t *testing.T) {
		b := bytes.Clone(f.signed)
		b[1233] ^= 0x01
		_, err := Verify(f.issued, b, Options{Version: 2})
		r := refusal(t, err, NotIssued)
		if r.Offset != 1233 || !strings.Contains(err.Error(), "tệp này không phải bản đã duyệt v2: nội dung khác từ byte 1.234") {
			t.Errorf("offset %d, message %q", r.Offset, err)
		}
	})
	t.Run("byte flipped in the signed revision", func(t *testing.T) {
		b := bytes.Clone(f.signed)
		i := bytes.Index(b[n:], []byte("/Type /Catalog")) + n
		b[i+2] = 'X' // Type → TXpe: still a PDF, not the one signed
		_, err := Verify(f.issued, b, Options{Version: 2})
		r := refusal(t, err, BadSignature)
		if r.Signature != 1 || !strings.Contains(err.Error(), "chữ ký số thứ 1") {
			t.Errorf("signature %d, message %q", r.Signature, err)
		}
	})
	t.Run("draft signed", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "draft-signed.pdf")
		if err := f.signer.Sign(f.write(t, "draft.pdf", f.draft), out); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(out)
		_, err := Verify(f.issued, b, Options{Version: 2})
		r := refusal(t, err, NotIssued)
		want, _ := firstDifference(f.issued, f.draft)
		if r.Offset != want {
			t.Errorf("offset %d, the draft differs from byte %d", r.Offset, want)
		}
	})
	t.Run("page changed after signing", func(t *testing.T) {
		text := fmt.Sprintf("BT /%s 14 Tf 20 800 Td (So lieu da sua) Tj ET", fontName(t, f.issued))
		b := appendUpdate(t, f.signed, pageContents(t, f.issued), fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(text), text))
		p := f.write(t, "changed.pdf", b)
		if got := pdftotext(t, p); !strings.Contains(got, "So lieu da sua") {
			t.Fatalf("the update does not change the page as poppler reads it: %q", got)
		}
		_, err := Verify(f.issued, b, Options{Version: 2})
		r := refusal(t, err, ChangedAfterSigning)
		if r.Offset != int64(len(f.signed)) || !strings.Contains(err.Error(), "tệp đã bị sửa sau khi ký") {
			t.Errorf("offset %d of %d: %v", r.Offset, len(f.signed), err)
		}
	})
	t.Run("page changed, then signed again", func(t *testing.T) {
		text := fmt.Sprintf("BT /%s 14 Tf 20 800 Td (So lieu da sua) Tj ET", fontName(t, f.issued))
		b := appendUpdate(t, f.signed, pageContents(t, f.issued), fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(text), text))
		out := filepath.Join(t.TempDir(), "changed-signed.pdf")
		if err := f.signer.Sign(f.write(t, "changed.pdf", b), out); err != nil {
			t.Fatal(err)
		}
		b, _ = os.ReadFile(out)
		_, err := Verify(f.issued, b, Options{Version: 2})
		if r := refusal(t, err, ChangedAfterSigning); r.Offset != int64(len(f.signed)) {
			t.Errorf("offset %d, want %d", r.Offset, len(f.signed))
		}
	})
	t.Run("unsigned", func(t *testing.T) {
		_, err := Verify(f.issued, f.issued, Options{Version: 2})
		refusal(t, err, Unsigned)
		if !strings.Contains(err.Error(), "chưa có chữ ký số") {
			t.Errorf("message %q", err)
		}
	})
	t.Run("truncated", func(t *testing.T) {
		for _, cut := range []int{len(f.signed) - 100, len(f.signed) - 1, n + (len(f.signed)-n)/2, n - 10} {
			_, err := Verify(f.issued, f.signed[:cut], Options{Version: 2})
			if k := KindOf(err); k == 0 {
				t.Errorf("cut at %d of %d: accepted (%v)", cut, len(f.signed), err)
			}
		}
		_, err := Verify(f.issued, f.signed[:len(f.signed)-100], Options{Version: 2})
		refusal(t, err, Damaged)
	})
	t.Run("over the size limit", func(t *testing.T) {
		_, err := Verify(f.issued, f.signed, Options{Version: 2, MaxBytes: int64(len(f.signed) - 1)})
		refusal(t, err, TooLarge)
		_, err = ReadLimited(bytes.NewReader(f.signed), int64(len(f.signed)-1))
		refusal(t, err, TooLarge)
	})
	t.Run("not a PDF", func(t *testing.T) {
		_, err := Verify(f.issued, []byte("hello"), Options{Version: 2})
		refusal(t, err, NotIssued)
	})
}

func TestBytesVietnamese(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1234: "1.234", 1234567: "1.234.567", -1000: "-1.000"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestVerifyRefusesAnUnreadableSignature(t *testing.T) {
	f := signedFixture(t)
	// Overwrite the CMS's first bytes inside /Contents with other hex
	// digits: the byte range is intact, the signature cannot be read.
	b := bytes.Clone(f.signed)
	i := bytes.Index(b[len(f.issued):], []byte("/Contents <")) + len(f.issued) + len("/Contents <")
	copy(b[i:], "0000")
	_, err := Verify(f.issued, b, Options{Version: 2})
	r := refusal(t, err, BadSignature)
	if !strings.Contains(err.Error(), "không đọc được chữ ký") {
		t.Errorf("message %q (%s)", err, r.Reason)
	}
}

// TestRefusalsSpeakTheLanguageInForce: every refusal is said from the
// catalogue, in English under --lang en (BAOCAO_LANG=en) and in
// Vietnamese otherwise, numbers written each language's way.
func TestRefusalsSpeakTheLanguageInForce(t *testing.T) {
	defer catalog.Set(catalog.Vietnamese)
	refusals := []*Refusal{
		{Kind: NotIssued, Version: 2, Other: "x"}, {Kind: NotIssued, Version: 2}, {Kind: NotIssued, Offset: 10, Size: 10, Limit: 20},
		{Kind: NotIssued, Version: 2, Offset: 1233, Size: 5000, Limit: 4000},
		{Kind: BadSignature, Signature: 1}, {Kind: BadSignature, Signature: 1, Problem: "x"},
		{Kind: ChangedAfterSigning, Offset: 100, Size: 2100}, {Kind: Unsigned, Size: 10, Limit: 10}, {Kind: Unsigned, Size: 20, Limit: 10},
		{Kind: TooLarge, Limit: 20 << 20}, {Kind: Damaged, Signature: 1, Offset: 9000, Size: 100},
		{Kind: NotApproved, Version: 1, State: "x"}, {Kind: AlreadySigned, Version: 1, State: "x"}, {Kind: Kind(99)},
	}
	for _, r := range refusals {
		catalog.Set(catalog.English)
		en := r.Error()
		catalog.Set(catalog.Vietnamese)
		vi := r.Error()
		if !isASCII(en) || en == vi || isASCII(vi) {
			t.Errorf("%v: en %q, vi %q", r.Kind, en, vi)
		}
	}
	catalog.Set(catalog.English)
	_, err := Verify(bytes.Repeat([]byte("%PDF"), 1000), bytes.Repeat([]byte("%PDF"), 1000), Options{Version: 2})
	if want := "the file has no signature: it is the approved version v2, not signed"; err == nil || err.Error() != want {
		t.Errorf("unsigned in English: %v, want %q", err, want)
	}
	if got := (&Refusal{Kind: TooLarge, Limit: 20 << 20}).Error(); !strings.Contains(got, "20,971,520 bytes (20.0 MB)") {
		t.Errorf("too large in English: %q", got)
	}
	catalog.Set(catalog.Vietnamese)
	if got := (&Refusal{Kind: TooLarge, Limit: 20 << 20}).Error(); !strings.Contains(got, "20.971.520 byte (20,0 MB)") {
		t.Errorf("too large in Vietnamese: %q", got)
	}
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}
