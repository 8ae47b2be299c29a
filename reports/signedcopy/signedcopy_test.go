package signedcopy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/mn2010/baocao/internal/testsign"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signature"
)

// version makes a version folder with an issued PDF and returns it with
// two different signed copies of it.
func version(t *testing.T) (Issue, []byte, []byte) {
	t.Helper()
	testsign.Require(t)
	dir := t.TempDir()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 14)
	f.Cell(40, 10, "Bao cao")
	pdf := filepath.Join(dir, "bao-cao-cchc-2024-03.pdf")
	if err := f.OutputFileAndClose(pdf); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pdf)
	sum := sha256.Sum256(b)
	s, err := testsign.New(t.TempDir(), "CA Thử", "Hiệu Trưởng", 30)
	if err != nil {
		t.Fatal(err)
	}
	var copies [][]byte
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "signed.pdf")
		if err := s.Sign(pdf, out); err != nil {
			t.Fatal(err)
		}
		c, _ := os.ReadFile(out)
		copies = append(copies, c)
		if i == 1 && bytes.Equal(copies[0], c) {
			t.Fatal("two signatures made the same file")
		}
	}
	return Issue{Dir: dir, Version: 2, PDF: "bao-cao-cchc-2024-03.pdf", SHA256: hex.EncodeToString(sum[:])}, copies[0], copies[1]
}

func TestAcceptStoresOnceAndSwaps(t *testing.T) {
	is, first, second := version(t)
	who := Arrival{At: time.Date(2024, 4, 5, 9, 30, 0, 0, time.FixedZone("ICT", 7*3600)), By: "Văn thư", Via: "cli"}
	rec, fresh, err := Accept(is, first, who, signature.Options{})
	if err != nil || !fresh {
		t.Fatalf("Accept = %v, %v", fresh, err)
	}
	if rec.File != "bao-cao-cchc-2024-03-da-ky.pdf" || rec.Signer() != "Hiệu Trưởng" || rec.Version != 2 || rec.IssuedSHA256 != is.SHA256 {
		t.Errorf("record %+v", rec)
	}
	stored, err := os.ReadFile(filepath.Join(is.Dir, rec.File))
	if err != nil || !bytes.Equal(stored, first) {
		t.Fatalf("stored copy differs from the file brought (%v)", err)
	}
	if got, _ := Read(is.Dir); got == nil || got.SHA256 != rec.SHA256 {
		t.Errorf("Read = %+v", got)
	}

	// The same file again: nothing written, not fresh.
	if _, fresh, err := Accept(is, first, who, signature.Options{}); err != nil || fresh {
		t.Errorf("the same copy again: fresh %v, %v", fresh, err)
	}
	// Another signed copy: refused, the stored one kept.
	_, _, err = Accept(is, second, who, signature.Options{})
	if signature.KindOf(err) != signature.AlreadySigned {
		t.Fatalf("another copy: %v", err)
	}
	if !bytes.Contains([]byte(err.Error()), []byte("nhận lúc 09:30 05/04/2024")) {
		t.Errorf("message %q", err)
	}
	if b, _ := os.ReadFile(filepath.Join(is.Dir, rec.File)); !bytes.Equal(b, first) {
		t.Error("the stored copy was replaced")
	}

	atts := []delivery.Attachment{{Name: "bao-cao-cchc-2024-03.xlsx", Data: []byte("x")}, {Name: is.PDF, Data: []byte("unsigned")}}
	out, signed, err := Swap(is.Dir, atts)
	if err != nil || signed == nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Name != atts[0].Name || out[1].Name != rec.File || !bytes.Equal(out[1].Data, first) {
		t.Errorf("swapped attachments %v", []string{out[0].Name, out[1].Name})
	}
	if atts[1].Name != is.PDF {
		t.Error("Swap changed its argument")
	}
}

func TestAcceptCompletesACrash(t *testing.T) {
	is, first, second := version(t)
	// A crash left the signed copy without its record.
	if err := os.WriteFile(filepath.Join(is.Dir, FileName(is.PDF)), first, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Accept(is, second, Arrival{At: time.Now(), Via: "cli"}, signature.Options{}); err == nil {
		t.Fatal("another file put over a stored copy without record")
	}
	if rec, _ := Read(is.Dir); rec != nil {
		t.Fatal("a record written for a refused copy")
	}
	rec, fresh, err := Accept(is, first, Arrival{At: time.Now(), Via: "cli"}, signature.Options{})
	if err != nil || !fresh || rec == nil {
		t.Fatalf("the same file did not complete the crash: %v", err)
	}
}

func TestAcceptRefusesUnsignedAndKeepsNothing(t *testing.T) {
	is, _, _ := version(t)
	issued, _ := os.ReadFile(filepath.Join(is.Dir, is.PDF))
	_, _, err := Accept(is, issued, Arrival{At: time.Now(), Via: "cli"}, signature.Options{})
	if signature.KindOf(err) != signature.Unsigned {
		t.Fatalf("unsigned: %v", err)
	}
	if _, err := os.Stat(filepath.Join(is.Dir, FileName(is.PDF))); err == nil {
		t.Error("a refused file was stored")
	}
}
