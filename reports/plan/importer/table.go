package importer

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/mn2010/baocao/reports/plan"
)

// WriteTable prints, in Vietnamese, what was read: the plan's reference,
// unit and year, then one line per target (id, target, threshold, how it
// is measured, what is uncertain) and the number of tasks.
func (r *Result) WriteTable(w io.Writer) error {
	h := r.Header
	fmt.Fprintf(w, "Kế hoạch: %s\n", h.Reference())
	fmt.Fprintf(w, "Đơn vị:   %s\n", orUnknown(h.Unit))
	year := "chưa rõ"
	if h.ForYear != 0 {
		year = fmt.Sprint(h.ForYear)
	}
	fmt.Fprintf(w, "Năm:      %s\n", year)
	var doubts []string
	if h.Number == "" {
		doubts = append(doubts, "không thấy số kế hoạch (\"Số: …/KH-…\")")
	}
	if h.Year == 0 {
		doubts = append(doubts, "không thấy ngày ban hành (\"…, ngày … tháng … năm …\")")
	}
	if h.Unit == "" {
		doubts = append(doubts, "không thấy tên đơn vị")
	}
	for _, d := range doubts {
		fmt.Fprintf(w, "  ! %s: sửa trong tệp kế hoạch (reference, unit, year)\n", d)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Mã\tChỉ tiêu\tNgưỡng\tCách đo\tCần xem lại")
	for _, t := range r.Targets {
		how := "nhập tay"
		if !t.Manual() {
			m, _ := plan.MeasureByKey(t.Measure)
			how = "đo bằng " + shorten(m.Name, 60)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, shorten(t.Text, 48), t.Threshold.Text(t.yesText()), how,
			strings.Join(t.Doubts, "; "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	manual := 0
	for _, t := range r.Targets {
		if t.Manual() {
			manual++
		}
	}
	fmt.Fprintf(w, "\n%d chỉ tiêu (%d đo từ sổ sách, %d nhập tay), %d nhiệm vụ.\n",
		len(r.Targets), len(r.Targets)-manual, manual, len(r.Tasks))
	if len(r.Tasks) == 0 {
		fmt.Fprintln(w, "  ! không thấy mục nhiệm vụ (\"III. NHIỆM VỤ TRỌNG TÂM\") hay nhiệm vụ đánh số: báo cáo sẽ không có phần nhiệm vụ")
	}
	if r.Unread() {
		fmt.Fprintln(w, "  ! có chỉ tiêu chưa đọc được ngưỡng (target = nan): ghi ngưỡng vào tệp kế hoạch trước khi chạy báo cáo")
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "chưa rõ"
	}
	return s
}

// shorten cuts s to n runes with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
