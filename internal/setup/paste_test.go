//go:build unix

package setup

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is the interview's output, read by the test while the
// interview writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestInterviewReadsAPastedList: on a terminal (here a pipe the clerk's
// answers come through one at a time, each after its question), the
// addresses pasted one a line at "to" are one list, and the next
// question's answer is not taken into it.
func TestInterviewReadsAPastedList(t *testing.T) {
	dir := data(t)
	cfgPath := filepath.Join(t.TempDir(), "baocao.toml")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	answers := []string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Phường Sài Gòn", "", "MN2010", "", "Trần Thị Lan",
		"Ủy ban nhân dân Phường Sài Gòn\nPhòng Giáo dục", // addressees, pasted one a line
		"", "hieutruong@mn2010.edu.vn", "", dir, "không",
		"phongnoivu@tphcm.gov.vn\nvanphong@tphcm.gov.vn\r\nthanhtra@hcm.edu.vn", // to: pasted from a spreadsheet's column
		"ketoan@mn2010.edu.vn", // cc, typed after its question
		"", "", "", "", "",
		"", "", "hieutruong.mn2010@hcm.edu.vn", "", "hoa sen nở giữa hè", // the principal's account
		"", "Lê Thị Mai", "vanthu.mn2010@hcm.edu.vn", "cô", "mùa thu lá vàng rơi", // the clerk's
		"", "",
	}
	out := &syncBuffer{}
	go func() {
		defer w.Close()
		seen := 0
		for _, ans := range answers {
			deadline := time.Now().Add(20 * time.Second)
			for { // the next question is on the screen
				s := out.String()
				if len(s) > seen && strings.HasSuffix(s, ": ") {
					seen = len(s)
					break
				}
				if time.Now().After(deadline) {
					return
				}
				time.Sleep(5 * time.Millisecond)
			}
			if _, err := w.WriteString(ans + "\n"); err != nil {
				return
			}
		}
	}()
	p := NewPrompter(r, out)
	p.Waiting = TerminalWaiting(r.Fd())
	a, err := Interview(p, Env{Schemas: schemas(t)}, cfgPath)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if want := []string{"phongnoivu@tphcm.gov.vn", "vanphong@tphcm.gov.vn", "thanhtra@hcm.edu.vn"}; !slices.Equal(a.To, want) {
		t.Errorf("to: %q, want %q\n%s", a.To, want, out.String())
	}
	if !slices.Equal(a.Cc, []string{"ketoan@mn2010.edu.vn"}) {
		t.Errorf("cc: %q", a.Cc)
	}
	if !slices.Equal(a.Addressees, []string{"Ủy ban nhân dân Phường Sài Gòn", "Phòng Giáo dục"}) {
		t.Errorf("addressees: %q", a.Addressees)
	}
}

// Without a terminal (a script), each answer is one line, as before: the
// lines after "to" answer the next questions.
func TestScriptedAnswersAreOneLineEach(t *testing.T) {
	p := NewPrompter(strings.NewReader("a@tphcm.gov.vn\nb@tphcm.gov.vn\n"), &bytes.Buffer{})
	var got []string
	for range 2 {
		if err := p.AskList("q", "", func(s string) error { got = append(got, s); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(got, []string{"a@tphcm.gov.vn", "b@tphcm.gov.vn"}) {
		t.Errorf("%q", got)
	}
}
