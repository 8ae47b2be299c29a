package reports

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestRegisterNumbers reads the example's outgoing register (sheet of
// "Đi" and "Đến" rows with "Số, ký hiệu"): the proposal is one more than
// the year's highest outgoing number; a number in the register, or given
// to another archived report of the year, is refused; the same report's
// new version may keep its number; the register line is tab-separated.
func TestRegisterNumbers(t *testing.T) {
	m := exampleMaker(t, 2024, 12, 18)
	day := time.Date(2024, 12, 18, 0, 0, 0, 0, time.UTC)
	// The highest "Đi" number of 2024 in the register, counted here from the file itself.
	f, err := excelize.OpenFile(m.cfg.Path(m.cfg.Sources["documents"].Path))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: false})
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	high, inRegister := 0, 0
	for _, r := range rows {
		if len(r) < 4 || r[3] != "Đi" || !strings.Contains(r[2], "2024") {
			continue
		}
		if mm := registerNumber.FindStringSubmatch(r[1]); mm != nil {
			var n int
			for _, c := range mm[1] {
				n = n*10 + int(c-'0')
			}
			high, inRegister = max(high, n), n
		}
	}
	if high == 0 {
		t.Fatal("the example register has no outgoing number of 2024")
	}
	next, err := m.NextNumber("monthly", "2024-03", day)
	if err != nil || next != high+1 {
		t.Errorf("NextNumber = %d, %v; want %d (the register's highest of 2024 is %d)", next, err, high+1, high)
	}
	if err := m.CheckNumber("monthly", "2024-03", inRegister, day); !errors.Is(err, ErrNumberTaken) || !strings.Contains(err.Error(), "sổ văn bản đi, dòng") {
		t.Errorf("a number in the register: %v", err)
	}
	free := high + 5
	if err := m.CheckNumber("monthly", "2024-03", free, day); err != nil {
		t.Errorf("a free number refused: %v", err)
	}
	// An archived report with that number takes it for the other reports.
	_, man := makeWith(t, m, "monthly", "2024-03", Options{Number: free, Issued: time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)})
	if err := m.CheckNumber("quarterly", "2024-Q1", free, day); !errors.Is(err, ErrNumberTaken) || !strings.Contains(err.Error(), "monthly 2024-03 v1") {
		t.Errorf("a number of another issued report: %v", err)
	}
	if err := m.CheckNumber("monthly", "2024-03", free, day); err != nil {
		t.Errorf("the same report's number refused for its new version: %v", err)
	}
	if n, _ := m.NextNumber("quarterly", "2024-Q1", day); n != free+1 {
		t.Errorf("NextNumber after the archived report = %d, want %d", n, free+1)
	}
	want := strings.Join([]string{"", "05/04/2024", "Đi", "Báo cáo kết quả thực hiện công tác cải cách hành chính tháng 3 năm 2024"}, "\t")
	if got := m.RegisterLine(man); got != fmt.Sprintf("%02d/BC-MN2010", free)+want {
		t.Errorf("register line %q, want …%q", got, want)
	}
}
