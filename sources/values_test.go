package sources

import (
	"math"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     time.Time // zero: an error is wanted
	}{
		{"05/03/2024", false, day(2024, 3, 5)},
		{"5/3/2024", false, day(2024, 3, 5)},
		{"05-03-2024", false, day(2024, 3, 5)},
		{"05.03.2024", false, day(2024, 3, 5)},
		{"2024-03-05", false, day(2024, 3, 5)},
		{"05/03/2024 14:30", false, day(2024, 3, 5)},
		{"26/05/2024 10:56:23", false, day(2024, 5, 26)},
		{"2024-03-05T07:00:00+07:00", false, day(2024, 3, 5)},
		{"  05/03/2024 ", false, day(2024, 3, 5)},
		{"45356", false, day(2024, 3, 5)},              // a serial in a plain cell
		{"45289.3688425926", false, day(2023, 12, 29)}, // date and time: only the date counts
		{"43894", true, day(2024, 3, 5)},               // the 1904 date system
		{"12/03/2024", false, day(2024, 3, 12)},        // day first, never month first
		{"03/15/2024", false, time.Time{}},             // month 15: not a date
		{"31/02/2024", false, time.Time{}},
		{"29/02/2023", false, time.Time{}},
		{"29/02/2024", false, day(2024, 2, 29)},
		{"", false, time.Time{}},
		{"hôm qua", false, time.Time{}},
		{"2024", false, time.Time{}}, // serial 2024 is in 1905: a typing mistake
		{"05/03/24", false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.date1904)
			if tt.want.IsZero() {
				if err == nil {
					t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"85,5%", 0.855, true},
		{"1.234,5", 1234.5, true},
		{"1.234", 1234, true},
		{"1.234.567", 1234567, true},
		{"1,234,567", 1234567, true},
		{"3", 3, true},
		{"0,9", 0.9, true},
		{"0.385", 0.385, true}, // a spreadsheet's raw value
		{"1.5", 1.5, true},
		{"100%", 1, true},
		{"45 %", 0.45, true},
		{"-12,5", -12.5, true},
		{"1.5E-3", 0.0015, true},
		{"", 0, false},
		{"abc", 0, false},
		{"1,2,3,4x", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumber(tt.in)
			if (err == nil) != tt.ok || tt.ok && math.Abs(got-tt.want) > 1e-12 {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestParseYesNo(t *testing.T) {
	tests := []struct {
		in       string
		want, ok bool
	}{
		{"Có", true, true}, {"có ", true, true}, {"x", true, true}, {"X", true, true}, {"1", true, true},
		{"Đã", true, true}, {"Yes", true, true}, {"TRUE", true, true}, {norm.NFD.String("Có"), true, true},
		{"Co", true, true}, // without diacritics, unambiguous
		{"Không", false, true}, {"", false, true}, {"0", false, true}, {"No", false, true}, {"FALSE", false, true},
		{"khong", false, true},
		{"có lẽ", false, false}, {"2", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseYesNo(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("ParseYesNo(%q) = %v, %v; want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher([][]string{{"Ngày tiếp nhận"}, {"Ngày trả kết quả"}, {"Mã"}, {"Má"}})
	tests := []struct {
		in   string
		want int
	}{
		{"Ngày tiếp nhận", 0},
		{"  NGÀY   TIẾP NHẬN ", 0},
		{norm.NFD.String("Ngày tiếp nhận"), 0},
		{"Ngay tiep nhan", 0},   // diacritics dropped, unambiguous
		{"ngay tra ket qua", 1}, // likewise
		{"Mã", 2},               // exact wins over the ambiguous fallback
		{"Ma", -1},              // "Mã" or "Má": ambiguous, no match
		{"Ngày hẹn trả", -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := m.Match(tt.in); got != tt.want {
				t.Errorf("Match(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	nfd := norm.NFD.String("Khiếu nại,  tố cáo")
	if got := Clean("\u00a0" + nfd + " \t"); got != "Khiếu nại, tố cáo" || !norm.NFC.IsNormalString(got) {
		t.Errorf("Clean = %q", got)
	}
}
