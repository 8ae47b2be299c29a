package delivery

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStatusIsAClosedVocabulary(t *testing.T) {
	for _, tt := range []struct {
		word, vi string
	}{{"pending", "đang chờ gửi lại"}, {"draft", "chờ duyệt"}, {"returned", "trả lại"}, {"approved", "đã duyệt"}, {"sent", "đã gửi"}, {"failed", "gửi lỗi"}, {"held", "chỉ lưu, chưa gửi"}, {"superseded", "đã thay thế"}} {
		var r Record
		if err := json.Unmarshal([]byte(`{"status":"`+tt.word+`"}`), &r); err != nil || string(r.Status) != tt.word || r.Status.String() != tt.vi {
			t.Errorf("%s: %v, %q", tt.word, err, r.Status.String())
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, RecordName), []byte(`{"status":"sending","attempts":[]}`), 0o644)
	if _, _, err := LoadRecord(dir); err == nil || !strings.Contains(err.Error(), `trạng thái "sending" không có`) {
		t.Errorf("an unknown status: %v", err)
	}
	if _, err := (&Record{Status: "maybe"}).Bytes(); err == nil {
		t.Error("a record with an unknown status was written")
	}
}

func TestRounds(t *testing.T) {
	tests := []struct {
		rounds []int
		want   int
	}{
		{nil, 0},
		{[]int{1, 1, 1, 1}, 1},
		{[]int{1, 1, 2, 2, 2, 3}, 3},
		{[]int{0, 0, 0}, 3},    // written before rounds were numbered: one each
		{[]int{0, 0, 1, 1}, 3}, // an old record continued
	}
	for _, tt := range tests {
		r := &Record{}
		for _, n := range tt.rounds {
			r.Attempts = append(r.Attempts, Attempt{Round: n})
		}
		if got := r.Rounds(); got != tt.want {
			t.Errorf("rounds %v: %d, want %d", tt.rounds, got, tt.want)
		}
	}
}

func TestNoRecordIsPending(t *testing.T) {
	rec, ok, err := LoadRecord(t.TempDir())
	if err != nil || ok || rec.Status != Pending {
		t.Errorf("%+v %v %v", rec, ok, err)
	}
}
