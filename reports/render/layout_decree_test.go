package render

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestAddressees: one addressee on the label's line; several one per
// line, "-" first, ";" after each and "." after the last (Phụ lục I,
// II.9.d); the report's list wins over the unit's, which wins over the
// recipients.
func TestAddressees(t *testing.T) {
	d := sampleDoc(t)
	d.Unit.Recipients = []string{"Phòng Nội vụ Quận 1"}
	if got := d.Layout().Addressees; got.Label != "Kính gửi:" || !reflect.DeepEqual(got.Lines, []string{"Phòng Nội vụ Quận 1"}) {
		t.Errorf("recipients as addressees: %+v", got)
	}
	d.Unit.Addressees = []string{"Ủy ban nhân dân phường Sài Gòn"}
	if got := d.Layout().Addressees.Lines; !reflect.DeepEqual(got, []string{"Ủy ban nhân dân phường Sài Gòn"}) {
		t.Errorf("the unit's addressee: %q", got)
	}
	d.Addressees = []string{"Ủy ban nhân dân phường Sài Gòn;", " - Phòng Giáo dục và Đào tạo "}
	want := []string{"- Ủy ban nhân dân phường Sài Gòn;", "- Phòng Giáo dục và Đào tạo."}
	if got := d.Layout().Addressees.Lines; !reflect.DeepEqual(got, want) {
		t.Errorf("several addressees %q, want %q", got, want)
	}
}

// TestNoiNhan: "- Như trên;" first, the recipients that are not
// addressees, and "- Lưu: VT, <drafter>, <copies>." last (II.9.d).
func TestNoiNhan(t *testing.T) {
	d := sampleDoc(t)
	d.Unit.Recipients = []string{"Phòng Nội vụ Quận 1", "Ban Giám hiệu"}
	d.Unit.Addressees = []string{"Phòng Nội vụ Quận 1"}
	want := []string{"- Như trên;", "- Ban Giám hiệu;", "- Lưu: VT."}
	if got := d.Layout().Signature.Recipients; !reflect.DeepEqual(got, want) {
		t.Errorf("Nơi nhận %q, want %q", got, want)
	}
	d.Unit.Drafter, d.Unit.Copies = "VP", 2
	want[2] = "- Lưu: VT, VP, 02."
	if got := d.Layout().Signature.Recipients; !reflect.DeepEqual(got, want) {
		t.Errorf("Nơi nhận %q, want %q", got, want)
	}
	// recipients = [] (init's answer "none"): no other recipient, not the
	// texts' "Phòng Nội vụ Quận 1"; the key left out: the texts' list.
	d.Unit.Recipients, d.Unit.Drafter, d.Unit.Copies = []string{}, "", 0
	d.Texts.Recipients = []string{"Phòng Nội vụ Quận 1"}
	d.Unit.Addressees = []string{"Ủy ban nhân dân phường Sài Gòn"}
	if got, want := d.Layout().Signature.Recipients, []string{"- Như trên;", "- Lưu: VT."}; !reflect.DeepEqual(got, want) {
		t.Errorf("recipients = []: Nơi nhận %q, want %q", got, want)
	}
	d.Unit.Recipients = nil
	if got, want := d.Layout().Signature.Recipients, []string{"- Như trên;", "- Phòng Nội vụ Quận 1;", "- Lưu: VT."}; !reflect.DeepEqual(got, want) {
		t.Errorf("no recipients key: Nơi nhận %q, want %q", got, want)
	}
}

// TestSeveralAddresseesInPDF draws two addressees and finds, with
// pdftotext's word boxes, each dash below the colon of "Kính gửi:".
func TestSeveralAddresseesInPDF(t *testing.T) {
	requireTool(t, "pdftotext")
	d := sampleDoc(t)
	d.Addressees = []string{"Ủy ban nhân dân phường Sài Gòn", "Phòng Giáo dục và Đào tạo"}
	pdf, err := PDF(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	type word struct {
		x0, x1, y float64
		text      string
	}
	var words []word
	for _, l := range strings.Split(string(out), "\n") {
		var w word
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "<word ") {
			continue
		}
		var y1, y0 float64
		for _, kv := range strings.Fields(strings.SplitN(l, ">", 2)[0])[1:] {
			k, v, _ := strings.Cut(kv, "=")
			f, _ := strconv.ParseFloat(strings.Trim(v, `"`), 64)
			switch k {
			case "xMin":
				w.x0 = f
			case "xMax":
				w.x1 = f
			case "yMin":
				y0 = f
			case "yMax":
				y1 = f
			}
		}
		w.y = (y0 + y1) / 2
		w.text = strings.TrimSuffix(strings.SplitN(l, ">", 2)[1], "</word>")
		words = append(words, w)
	}
	var colon word
	var dashes []word
	for i, w := range words {
		if w.text == "gửi:" && i > 0 && words[i-1].text == "Kính" {
			colon = w
		}
		if w.text == "-" && colon.text != "" && w.y > colon.y && len(dashes) < 2 {
			dashes = append(dashes, w)
		}
	}
	if colon.text == "" || len(dashes) != 2 {
		t.Fatalf("no \"Kính gửi:\" with two dashes below it: %v %v", colon, dashes)
	}
	colonX := colon.x1 - 1.6 // the colon's middle, in points (13–14 pt: about 3,9 pt wide)
	for _, d := range dashes {
		if mid := (d.x0 + d.x1) / 2; math.Abs(mid-colonX) > 3 {
			t.Errorf("a dash at %.1f pt, the colon at %.1f pt: not below it", mid, colonX)
		}
	}
	if math.Abs(dashes[0].x0-dashes[1].x0) > 0.1 {
		t.Errorf("dashes at %.1f and %.1f pt: not aligned", dashes[0].x0, dashes[1].x0)
	}
}

// TestBalance: a title never leaves one word alone on its last line.
func TestBalance(t *testing.T) {
	s := "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024 của trường"
	lines := balance(s, "B", docTitleSize, summaryWidth)
	if len(lines) != 2 || strings.Join(lines, " ") != s {
		t.Fatalf("balance gave %q", lines)
	}
	a, b := textWidth(lines[0], "B", docTitleSize), textWidth(lines[1], "B", docTitleSize)
	if math.Abs(a-b) > textWidth("công tác", "B", docTitleSize) {
		t.Errorf("unbalanced lines %q (%.0f and %.0f mm)", lines, a, b)
	}
	if got := balance("BÁO CÁO", "B", docTitleSize, summaryWidth); !reflect.DeepEqual(got, []string{"BÁO CÁO"}) {
		t.Errorf("a short title: %q", got)
	}
}

// TestFitColumns: a short value keeps its cell on one line; the columns
// fill the width.
func TestFitColumns(t *testing.T) {
	cols := fitColumns([]Column{{"STT", 12, "C"}, {"Chỉ tiêu", 80, "L"}, {"Đánh giá", 12, "C"}},
		[][]string{{"1", strings.Repeat("một chỉ tiêu dài ", 8), "Không đạt"}}, contentW)
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	if math.Abs(total-contentW) > 0.01 {
		t.Errorf("columns %.2f mm wide, want %.2f", total, contentW)
	}
	if need := textWidth("Không đạt", "", tableSize) + 2; cols[2].Width < need {
		t.Errorf("column \"Đánh giá\" %.1f mm, \"Không đạt\" needs %.1f", cols[2].Width, need)
	}
}
