package workflow

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestWhoFieldsAndOldRecords: a record written with the decider's fields
// keeps them apart (account, full name, role, OS user) beside the by
// text; a record of before accounts, with by alone, still reads, and
// says who decided from its by text.
func TestWhoFieldsAndOldRecords(t *testing.T) {
	dir := t.TempDir()
	old := `{"report":"quarterly","period":"2024-Q2","version":1,"by":"Nguyễn Thị Hồng Vân","at":"2024-06-16T08:00:00+07:00","manifest_sha256":"x","inputs":[],"outputs":[]}`
	os.WriteFile(filepath.Join(dir, ApprovalName), []byte(old), 0o644)
	a, err := ReadApproval(dir)
	if err != nil || a == nil {
		t.Fatalf("an old approval record: %v", err)
	}
	if a.Who.Known() || a.Decider() != "Nguyễn Thị Hồng Vân" {
		t.Errorf("old record: who %+v, decider %q", a.Who, a.Decider())
	}

	w := Who{Account: "hieutruong", FullName: "Nguyễn Thị Hồng Vân", Role: "hieu-truong", OSUser: "mai"}
	b, err := json.Marshal(&Return{Report: "quarterly", Period: "2024-Q2", Version: 2, By: w.String(), Who: w, At: "2024-06-16T08:00:00+07:00", Reason: "sai số"})
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	json.Unmarshal(b, &fields)
	for k, v := range map[string]string{"account": "hieutruong", "full_name": "Nguyễn Thị Hồng Vân", "role": "hieu-truong", "os_user": "mai"} {
		if fields[k] != v {
			t.Errorf("the record's %s is %v, want %q: %s", k, fields[k], v, b)
		}
	}
	var r Return
	if err := json.Unmarshal(b, &r); err != nil || r.Who != w {
		t.Fatalf("read back: %+v %v", r.Who, err)
	}
	if want := "Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong, dòng lệnh của người dùng máy chủ mai)"; r.Decider() != want {
		t.Errorf("decider %q, want %q", r.Decider(), want)
	}
}
