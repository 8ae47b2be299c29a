package sources

import "fmt"

// IssueList collects the warnings a check finds row by row, listing at
// most MaxWarnings per file and counting the rest, as the reader does: a
// file of a million bad rows gives a thousand warnings and one line, not
// a million warnings in memory.
type IssueList struct {
	list []Issue
	n    map[string]int // warnings per file, listed or not
}

// Add lists is, or counts it when its file has MaxWarnings listed.
func (l *IssueList) Add(is Issue) {
	if l.n == nil {
		l.n = map[string]int{}
	}
	k := is.Source + "\x00" + is.File + "\x00" + is.Sheet
	if l.n[k]++; l.n[k] <= MaxWarnings {
		l.list = append(l.list, is)
	}
}

// Issues are the warnings listed, then, for each file with more, one line
// saying how many were left out.
func (l *IssueList) Issues() []Issue {
	out := l.list
	seen := map[string]bool{}
	for _, is := range l.list {
		k := is.Source + "\x00" + is.File + "\x00" + is.Sheet
		if n := l.n[k] - MaxWarnings; n > 0 && !seen[k] {
			seen[k] = true
			out = append(out, Issue{Severity: Warning, Source: is.Source, File: is.File, Sheet: is.Sheet,
				Message: fmt.Sprintf("còn %d cảnh báo nữa không liệt kê (chỉ ghi %d cảnh báo đầu của tệp): sửa các lỗi trên rồi chạy lại để xem tiếp", n, MaxWarnings)})
		}
	}
	return out
}
