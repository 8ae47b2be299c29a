package workflow

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports"
)

// TestAttachments makes a version and builds the district's message with
// the default attach list and with a chosen one, and checks what is
// refused: a kind the version lacks, a file changed by hand.
func TestAttachments(t *testing.T) {
	m := exampleMaker(t, 2024, 3, 16)
	cfg := m.cfg
	e, man := makeWith(t, m, "monthly", "2024-03", reports.Options{})

	tests := []struct {
		name   string
		attach []FileKind
		want   []string
	}{
		{"default", nil, []string{"bao-cao-cchc-2024-03.pdf", "bao-cao-cchc-2024-03.xlsx"}},
		{"chosen, in order", []FileKind{DOCX, PDF}, []string{"bao-cao-cchc-2024-03.docx", "bao-cao-cchc-2024-03.pdf"}},
		{"all three", FileKinds, []string{"bao-cao-cchc-2024-03.pdf", "bao-cao-cchc-2024-03.xlsx", "bao-cao-cchc-2024-03.docx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg.Reports["monthly"].Attach = tt.attach
			if tt.attach == nil {
				cfg.Reports["monthly"].Attach = DefaultAttach()
			}
			msg, err := m.Message(e)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, a := range msg.Attachments {
				names = append(names, a.Name)
				if len(a.Data) == 0 {
					t.Errorf("%s is empty", a.Name)
				}
				if strings.HasSuffix(a.Name, ".docx") && a.ContentType != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
					t.Errorf("docx content type %q", a.ContentType)
				}
				if !strings.Contains(msg.Body, "- "+a.Name) {
					t.Errorf("the body does not list %s:\n%s", a.Name, msg.Body)
				}
			}
			if !slices.Equal(names, tt.want) {
				t.Errorf("attachments %v, want %v", names, tt.want)
			}
		})
	}

	t.Run("a version without the kind", func(t *testing.T) {
		old := *man
		old.Outputs = old.Outputs[:2] // as written before the Word draft
		_, err := Attachments(e.Dir, &old, []FileKind{PDF, DOCX})
		if !errors.Is(err, ErrMissingFile) || !strings.Contains(err.Error(), ".docx") {
			t.Errorf("err = %v, want ErrMissingFile naming .docx", err)
		}
	})
	t.Run("a file changed by hand", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-03.docx"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Attachments(e.Dir, man, []FileKind{DOCX}); err == nil || !strings.Contains(err.Error(), "không khớp mã băm") {
			t.Errorf("err = %v, want a hash mismatch", err)
		}
		if _, err := Attachments(e.Dir, man, []FileKind{PDF}); err != nil {
			t.Errorf("the PDF is intact: %v", err)
		}
	})
}
