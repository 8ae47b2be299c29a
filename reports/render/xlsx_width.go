package render

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// fitWidths widens each column of t to its longest formatted value, so
// that no number prints as "###" (a spreadsheet never lets a number run
// into the next cell) and no unwrapped text is cut: the width in
// characters of the widest cell that does not wrap, and of the header's
// longest word (the header wraps between words).
func (w *book) fitWidths(t table) []float64 {
	out := append([]float64(nil), t.widths...)
	need := func(j int, s string, bold bool) {
		px := w.faces.get(bold).width(s, cellSize) + cellMarginPx
		out[j] = max(out[j], math.Ceil(px/digitPx*4)/4+0.5)
	}
	for j, h := range t.headers {
		for _, word := range strings.Fields(h) {
			need(j, word, true)
		}
	}
	for _, r := range t.rows {
		for j, c := range r {
			if j < len(out) && c.style != "wrap" {
				need(j, formatted(c), false)
			}
		}
	}
	return out
}

// formatted is a cell as a spreadsheet shows it with its number format
// (the longer of the two decimal marks makes no difference in width).
func formatted(c cell) string {
	switch v := c.v.(type) {
	case string:
		return v
	case time.Time:
		return v.Format("02/01/2006")
	case int:
		return groupThousands(v)
	case float64:
		switch c.style {
		case "pct":
			return fmt.Sprintf("%.2f%%", v*100)
		case "yesno":
			return "Không"
		case "chg_pct":
			return fmt.Sprintf("giảm %.2f điểm %%", math.Abs(v))
		case "chg_rank":
			return fmt.Sprintf("xuống %.0f bậc", math.Abs(v))
		case "chg_yesno":
			return "Không → Có"
		case "int", "int_c":
			return groupThousands(int(v))
		}
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprint(c.v)
}

func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
