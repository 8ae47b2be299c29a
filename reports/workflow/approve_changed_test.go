package workflow

import (
	"errors"
	"slices"
	"testing"

	"github.com/mn2010/baocao/reports"
)

func TestSourcesChanged(t *testing.T) {
	in := func(src, path, sum string) reports.Input { return reports.Input{Source: src, Path: path, SHA256: sum} }
	draft := []reports.Input{in("manual", "a.xlsx", "1"), in("narrative", "a.xlsx", "1"), in("staff", "b.xlsx", "2"), in("docs", "c.xlsx", "3")}
	tests := []struct {
		name        string
		now         []reports.Input
		files, gone []string
		text        string
	}{
		{"same", draft, nil, nil, ""},
		{"one file read by two sources", []reports.Input{in("manual", "a.xlsx", "9"), in("narrative", "a.xlsx", "9"), draft[2], draft[3]},
			[]string{"a.xlsx"}, nil, "a.xlsx khác với phiên bản 1"},
		{"changed and gone", []reports.Input{draft[0], draft[1], in("staff", "b.xlsx", "7")},
			[]string{"b.xlsx"}, []string{"c.xlsx"}, "b.xlsx, c.xlsx (không còn được đọc) khác với phiên bản 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, gone := changedInputs(draft, tt.now)
			if !slices.Equal(files, tt.files) || !slices.Equal(gone, tt.gone) {
				t.Fatalf("changed %q, gone %q; want %q, %q", files, gone, tt.files, tt.gone)
			}
			if tt.text == "" {
				return
			}
			var err error = &SourcesChangedError{Version: 1, Files: files, Gone: gone, Rerun: "run again"}
			if !errors.Is(err, ErrSourcesChanged) || err.Error() != ErrSourcesChanged.Error()+": "+tt.text+"; run again" {
				t.Errorf("err %q", err)
			}
		})
	}
}
