package sources

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestQuickDateAgreesWithGeneralPath checks the fast path of ParseDate
// against its general path (regular expressions, excelize's serial
// conversion) on serials across and around the whole range, with and
// without fractions, in both date systems, and on day-first texts,
// possible or not.
func TestQuickDateAgreesWithGeneralPath(t *testing.T) {
	var inputs []string
	for n := 0; n < 80; n++ {
		inputs = append(inputs, fmt.Sprint(n), fmt.Sprintf("%d.5", n))
	}
	for _, n := range []int{32872, 32873, 32874, 45289, 45356, 73050, 73051, 73415, 2958464, 2958465, 2958466, 9999999, 10000000} {
		inputs = append(inputs, fmt.Sprint(n), fmt.Sprintf("%d.99999999", n), fmt.Sprintf("%d.999999999", n),
			fmt.Sprintf("%d.9999999999999999", n), fmt.Sprintf("%d.", n), fmt.Sprintf("0%d", n), fmt.Sprintf("%d.3688425926", n),
			fmt.Sprintf("%d.99999998999999999999", n), fmt.Sprintf("%d.999999999999999999999999", n), fmt.Sprintf("%d.45476851852", n))
	}
	r := rand.New(rand.NewPCG(27, 27))
	for range 20000 {
		inputs = append(inputs, fmt.Sprintf("%d.%d", r.IntN(80000), r.IntN(1e9)), fmt.Sprint(r.IntN(3000000)),
			fmt.Sprintf("%d.%09d%d", r.IntN(3000000), r.IntN(1e9), r.IntN(1e9)), fmt.Sprintf("%d.99999999%d", r.IntN(3000000), r.IntN(1e9)))
	}
	for _, sep := range []string{"/", ".", "-"} {
		for _, d := range []string{"0", "1", "05", "29", "30", "31", "32", "123"} {
			for _, m := range []string{"0", "2", "02", "12", "13"} {
				for _, y := range []string{"1989", "1990", "2024", "2023", "2100", "2101", "24", "20240"} {
					inputs = append(inputs, d+sep+m+sep+y)
				}
			}
		}
	}
	for _, tm := range []string{" 10:30", " 10:56:23", "T10:56:23", "  1:05:07.25", " 10:30 PM", " 10:30pm", " 10:30:00 am", " 9:5",
		" 10:30:", " 10:30:5", " 10:30.5", " 10:30 PMX", " 10:30 P", "10:30", " :30", " 100:30", " 10:30:00.", " 10:30 \tAM", "T", " ", " 10:30 "} {
		inputs = append(inputs, "26/05/2024"+tm, "5.3.2024"+tm, "31/02/2024"+tm)
	}
	inputs = append(inputs, "05/03/2024 10:30", "2024-03-05", "5/3/2024", "05/03-2024", "", "x", "1e5", "45356 ", "٤٥٣٥٦")
	for _, in := range inputs {
		for _, d1904 := range []bool{false, true} {
			s := Clean(in)
			want, wantErr := parseDate(s, d1904)
			got, gotErr := ParseDate(in, d1904)
			if !got.Equal(want) || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("ParseDate(%q, 1904=%v) = %v, %v; the general path gives %v, %v", in, d1904, got, gotErr, want, wantErr)
			}
		}
	}
}

// TestCleanASCIIAgrees checks Clean's shortcut for ASCII text against its
// general path (NFC, white space collapsed) on every short string of a
// small alphabet holding each kind of ASCII white space.
func TestCleanASCIIAgrees(t *testing.T) {
	alphabet := []byte{'a', ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, '.', 0x85 & 0x7f}
	var walk func(prefix []byte)
	walk = func(prefix []byte) {
		s := string(prefix)
		slow := norm.NFC.String(s)
		if needsSpaceFix(slow) {
			slow = strings.Join(strings.FieldsFunc(slow, unicode.IsSpace), " ")
		}
		if got := Clean(s); got != slow {
			t.Fatalf("Clean(%q) = %q, the general path gives %q", s, got, slow)
		}
		if len(prefix) == 5 {
			return
		}
		for _, c := range alphabet {
			walk(append(prefix, c))
		}
	}
	walk(nil)
}

// TestPlainIntegerAgrees checks ParseNumber's shortcut for plain integers
// against its general path.
func TestPlainIntegerAgrees(t *testing.T) {
	for _, s := range []string{"0", "7", "007", "1500000", "999999999999999", "123456789012345", "1.234", "1234567890123456", " 12", "-3", ""} {
		got, gotErr := ParseNumber(s)
		n, ok := plainInteger(s)
		if !ok {
			continue
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil || gotErr != nil || got != want || n != want {
			t.Errorf("ParseNumber(%q) = %v, %v; strconv gives %v, %v", s, got, gotErr, want, err)
		}
	}
}

// TestSpelledCellsAgree checks the shortcut for category and yes/no cells
// written exactly as a listed spelling against the general path, on the
// spellings themselves and on near misses.
func TestSpelledCellsAgree(t *testing.T) {
	schema := &Schema{Columns: []Column{
		{Key: "method", Header: "Hình thức", Kind: Category, Required: true, Values: []string{"Yoyoschool", "Chuyển khoản", "Tiền mặt", "chuyen khoan"}},
		{Key: "signed", Header: "Ký số", Kind: YesNo},
	}}
	p := newParser(Spec{Name: "x"}, schema)
	inputs := append([]string{"", " ", "\u00a0", "Chuyển khoản", "chuyển khoản", "Chuyển  khoản", " Tiền mặt", "Chuyển khoản", "CHUYEN KHOAN", "tien mat", "Yoyo"},
		append(yesWords, noWords...)...)
	inputs = append(inputs, "Có ", "KHÔNG", "co", "khong", "X", "2")
	for _, in := range inputs {
		for i, c := range schema.Columns {
			var v Value
			msg := p.cell(i, in, &v)
			w, wmsg := p.cellSlow(i, c, in)
			if v != w || msg != wmsg {
				t.Errorf("%s %q: %+v %q; the general path gives %+v %q", c.Key, in, v, msg, w, wmsg)
			}
		}
	}
}

// FuzzQuickDateAgrees: ParseDate (its quick path first) and its general
// path agree on any text.
func FuzzQuickDateAgrees(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Add("26/05/2024 10:56:23.5 pm")
	for _, s := range []string{"45504.303472222222", "45504.99999999", "45504.999999999", "45504.9999999999999999999", "45504.9999999899999999", "2958464.99999999999999", "45504.", "61.5000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, d1904 := range []bool{false, true} {
			want, wantErr := parseDate(Clean(in), d1904)
			got, gotErr := ParseDate(in, d1904)
			if !got.Equal(want) || (gotErr == nil) != (wantErr == nil) {
				t.Fatalf("ParseDate(%q, 1904=%v) = %v, %v; the general path gives %v, %v", in, d1904, got, gotErr, want, wantErr)
			}
		}
	})
}

// cellSchema has a column of every kind, for the cell fuzzers.
var cellSchema = &Schema{Columns: []Column{
	{Key: "text", Header: "Văn bản", Kind: Text, Required: true},
	{Key: "date", Header: "Ngày", Kind: Date},
	{Key: "yes", Header: "Có/không", Kind: YesNo},
	{Key: "num", Header: "Số", Kind: Number, Required: true},
	{Key: "cat", Header: "Loại", Kind: Category, Values: []string{"Đi", "Đến", "Tiền mặt"}},
	{Key: "odd", Header: "Lạ", Kind: "other"},
}}

// FuzzCellAgrees: a cell read with its quick paths (cell) and by the
// general path (cellSlow) give the same value and message, for every kind
// of column and both date systems.
func FuzzCellAgrees(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	for _, s := range []string{"0", "61", "62", "2958464", "2958465", "32874", "73415", "29/02/2024", "29/02/2023", "31/12/2100", "01/01/1990", "1/1/1989", "1500000", " 12", "Đi", "a  b"} {
		f.Add(s)
	}
	parsers := []*parser{newParser(Spec{Name: "x"}, cellSchema), newParser(Spec{Name: "x"}, cellSchema)}
	parsers[1].date1904 = true
	f.Fuzz(func(t *testing.T, in string) {
		for _, p := range parsers {
			d1904 := p.date1904
			for i, c := range cellSchema.Columns {
				w, wmsg := p.cellSlow(i, c, in)
				for range 2 { // the second read may be remembered (cellMemo)
					var v Value
					msg := p.cell(i, in, &v)
					if v != w || msg != wmsg {
						t.Fatalf("%s %q (1904=%v): %+v %q; the general path gives %+v %q", c.Key, in, d1904, v, msg, w, wmsg)
					}
				}
			}
		}
	})
}

// FuzzQuickDayAgrees: where quickDay reads a date, ParseDate's general
// path reads the same day.
func FuzzQuickDayAgrees(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Add("32874")
	f.Add("29/02/2100")
	f.Fuzz(func(t *testing.T, in string) {
		for _, d1904 := range []bool{false, true} {
			day, ok := quickDay(in, d1904)
			if !ok {
				continue
			}
			d, err := parseDate(Clean(in), d1904)
			if err != nil || DateValue(d) != (Value{day: day}) {
				t.Fatalf("quickDay(%q, 1904=%v) = %d; the general path gives %v, %v (day %d)", in, d1904, day, d, err, DateValue(d).day)
			}
		}
	})
}

// TestCivilDays checks civilDays and daysIn against the time package on
// every day from 1900 to 2200.
func TestCivilDays(t *testing.T) {
	for d := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2200; d = d.AddDate(0, 0, 1) {
		if got, want := civilDays(d.Year(), int(d.Month()), d.Day()), d.Unix()/secondsPerDay; got != want {
			t.Fatalf("civilDays(%v) = %d, want %d", d.Format("2006-01-02"), got, want)
		}
		if last := d.AddDate(0, 0, 1).Day() == 1; last != (d.Day() == daysIn(int(d.Month()), d.Year())) {
			t.Fatalf("daysIn(%d, %d) = %d", d.Month(), d.Year(), daysIn(int(d.Month()), d.Year()))
		}
	}
}
