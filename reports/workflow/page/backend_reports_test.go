package page

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
)

// testConfig is the example config as the tests change it: the maker's
// settings, and the backend's mail server (changing it changes the
// backend's).
type testConfig struct {
	*reports.Settings
	SMTP *delivery.SMTP
}

// project copies the example config and data into a temporary folder and
// returns a backend over them.
func project(t testing.TB) (*ReportsBackend, *testConfig, *workflow.Flow) {
	t.Helper()
	dir := t.TempDir()
	copyTo(t, "../../../config.example.toml", filepath.Join(dir, "config.example.toml"))
	files, _ := filepath.Glob("../../../examples/data/*.xlsx")
	for _, f := range files {
		copyTo(t, f, filepath.Join(dir, "examples", "data", filepath.Base(f)))
	}
	path := filepath.Join(dir, "config.example.toml")
	rs, ws, set := &reports.Settings{}, &workflow.Settings{}, Settings{Schedules: map[string]string{}}
	var sch struct {
		Reports map[string]struct {
			Schedule string `toml:"schedule"`
		} `toml:"reports"`
	}
	testtools.DecodeConfig(t, path, rs, ws, delivery.Table(&set.Mail), &sch)
	if err := rs.Provision(path); err != nil {
		t.Fatal(err)
	}
	if err := ws.Provision(rs); err != nil {
		t.Fatal(err)
	}
	set.Mail.Provision()
	for id, r := range sch.Reports {
		if r.Schedule != "" {
			set.Schedules[id] = r.Schedule
		}
	}
	mk, err := reports.NewMaker(rs, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := workflow.New(mk, ws)
	b := NewReportsBackend(m, set, nil)
	return b, &testConfig{Settings: rs, SMTP: &b.set.Mail}, m
}

func copyTo(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReportsBackend(t *testing.T) {
	b, cfg, m := project(t)
	ctx := context.Background()
	var steps []string
	ref, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(s string) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	if ref != (web.VersionRef{Report: "monthly", Period: "2024-03", Version: 1}) || len(steps) != 3 || !strings.Contains(steps[2], "Đã lưu phiên bản 1") {
		t.Fatalf("run: %v %q", ref, steps)
	}
	dir := filepath.Join(cfg.Path(cfg.Archive), "monthly", "2024-03", "v1")
	man, err := reports.ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("reports", func(t *testing.T) {
		reps, err := b.Reports(ctx)
		if err != nil || len(reps) != 4 {
			t.Fatalf("%v %v", reps, err)
		}
		r := reps[0] // in the order of their periods: tháng, quý, 6 tháng, năm
		want := period.LatestEnded(period.Month, period.Decree09, time.Now().In(cfg.Location)).Label()
		if r.ID != "monthly" || r.Title != "Báo cáo tháng" || r.Latest != want || r.NextRun.IsZero() || r.NextRun.Day() != 15 ||
			r.NextPeriod != period.LatestEnded(period.Month, period.Decree09, r.NextRun).Label() {
			t.Errorf("%+v (latest ended %s)", r, want)
		}
	})
	t.Run("versions", func(t *testing.T) {
		vs, err := b.Versions(ctx, "")
		if err != nil || len(vs) != 1 {
			t.Fatalf("%v %v", vs, err)
		}
		v := vs[0]
		met, measured := 0, 0
		for _, r := range man.Indicators {
			if r.Met != nil {
				measured++
				if *r.Met {
					met++
				}
			}
		}
		if v.State != web.StateNotSent || v.Met != met || v.Measured != measured || v.Warnings != len(man.Issues) || v.Year != 2024 ||
			!v.Deadline.Equal(time.Date(2024, 3, 20, 23, 59, 59, 0, cfg.Location)) {
			t.Errorf("%+v; manifest: %d/%d met, %d issues", v, met, measured, len(man.Issues))
		}
	})
	t.Run("version", func(t *testing.T) {
		d, err := b.Version(ctx, "monthly", "2024-03", 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Files) != len(man.Outputs)+1 || d.Files[len(d.Files)-1].Name != "manifest.json" || len(d.Indicators) != len(man.Indicators) ||
			len(d.Issues) != len(man.Issues) || d.Delivery != nil || !d.Can("send") || d.Can("resend") || d.From != "15/02/2024" {
			t.Errorf("%+v", d)
		}
		for i, f := range d.Files[:len(man.Outputs)] {
			if f.Name != man.Outputs[i].Path || f.Bytes != int64(man.Outputs[i].Bytes) {
				t.Errorf("file %d: %+v, manifest %+v", i, f, man.Outputs[i])
			}
		}
	})
	t.Run("files only as the manifest lists them", func(t *testing.T) {
		f, err := b.File(ctx, "monthly", "2024-03", 1, "bao-cao-cchc-2024-03.pdf")
		if err != nil {
			t.Fatal(err)
		}
		got := make([]byte, 5)
		f.Content.Read(got)
		if string(got) != "%PDF-" || f.ContentType != "application/pdf" {
			t.Errorf("%q %s", got, f.ContentType)
		}
		os.WriteFile(filepath.Join(dir, "stray.txt"), []byte("x"), 0o644)
		for _, bad := range []struct {
			report, period, name string
			n                    int
		}{
			{"monthly", "2024-03", "delivery.json", 1}, {"monthly", "2024-03", "stray.txt", 1},
			{"monthly", "2024-03", "../../../config.example.toml", 1}, {"monthly", "2024-3", "manifest.json", 1},
			{"monthly", "2024-03", "manifest.json", 2}, {"../monthly", "2024-03", "manifest.json", 1}, {"monthly", "2024-Q1", "manifest.json", 1},
		} {
			if _, err := b.File(ctx, bad.report, bad.period, bad.n, bad.name); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("%+v: %v, want ErrNotFound", bad, err)
			}
		}
		pdf := filepath.Join(dir, "bao-cao-cchc-2024-03.pdf")
		orig, _ := os.ReadFile(pdf)
		os.WriteFile(pdf, append(orig, ' '), 0o644)
		if _, err := b.File(ctx, "monthly", "2024-03", 1, "bao-cao-cchc-2024-03.pdf"); err == nil || !strings.Contains(err.Error(), "mã băm") {
			t.Errorf("a changed file: %v", err)
		}
		os.WriteFile(pdf, orig, 0o644)
	})
	t.Run("send: refusals", func(t *testing.T) {
		held, err := os.ReadFile(filepath.Join(dir, delivery.RecordName))
		if err != nil {
			t.Fatal(err)
		}
		rec := &delivery.Record{Status: delivery.Sent, MessageID: "<x@y>", Attempts: []delivery.Attempt{{At: "2024-03-16T07:00:03+07:00", To: []string{"a@b.vn"}, Result: "sent"}}}
		rec.Save(dir)
		if _, err := b.Send(ctx, "Lan", web.VersionRef{Report: "monthly", Period: "2024-03", Version: 1}, false); !errors.Is(err, web.ErrNeedsConfirm) {
			t.Errorf("sent before, no force: %v", err)
		}
		d, _ := b.Version(ctx, "monthly", "2024-03", 1)
		if !d.Can("resend") || d.Can("send") || d.State != web.StateSent || d.Delivery.LastSent() == nil || d.Delivery.LastSent().Result != "đã gửi" {
			t.Errorf("%+v %+v", d.VersionSummary, d.Delivery)
		}
		vs, _ := b.Versions(ctx, "monthly")
		if want := time.Date(2024, 3, 16, 7, 0, 3, 0, cfg.Location); !vs[0].SentAt.Equal(want) || vs[0].SentAt.Location() != cfg.Location {
			t.Errorf("sent at %v, want %v", vs[0].SentAt, want)
		}
		os.WriteFile(filepath.Join(dir, delivery.RecordName), held, 0o644)
	})
	t.Run("a period of another kind", func(t *testing.T) {
		_, err := b.Run(ctx, "Lan", "monthly", "2024-Q1", func(string) {})
		if !errors.Is(err, web.ErrBadInput) || !strings.Contains(err.Error(), "không dùng được cho báo cáo tháng: viết kỳ như") {
			t.Errorf("%v", err)
		}
	})
	t.Run("a second run supersedes an unsent v1", func(t *testing.T) {
		if _, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(string) {}); err != nil {
			t.Fatal(err)
		}
		vs, _ := b.Versions(ctx, "monthly")
		if len(vs) != 2 || vs[0].Version != 2 || vs[0].State != web.StateNotSent || vs[1].State != web.StateSuperseded {
			t.Errorf("%+v", vs)
		}
		if _, err := b.Send(ctx, "Lan", web.VersionRef{Report: "monthly", Period: "2024-03", Version: 1}, false); !errors.Is(err, web.ErrNotAvailable) {
			t.Errorf("sending a superseded version: %v", err)
		}
		if d, _ := b.Version(ctx, "monthly", "2024-03", 1); len(d.Actions) != 0 {
			t.Errorf("superseded v1 offers %v", d.Actions)
		}
	})
	t.Run("the run waits for the report lock", func(t *testing.T) {
		unlock, err := m.Store().LockReport("monthly", nil)
		if err != nil {
			t.Fatal(err)
		}
		waiting := make(chan string, 10)
		done := make(chan error)
		go func() {
			_, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(s string) { waiting <- s })
			done <- err
		}()
		for seen := false; !seen; {
			select {
			case s := <-waiting:
				seen = strings.Contains(s, "đang làm; chờ nó xong")
			case <-time.After(time.Minute):
				t.Fatal("the run did not say it waits for the lock")
			}
		}
		select {
		case <-done:
			t.Fatal("ran while another run held the lock")
		case <-time.After(200 * time.Millisecond):
		}
		unlock()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	})
}

func TestReportsBackendCheck(t *testing.T) {
	b, cfg, m := project(t)
	ctx := context.Background()
	data, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	c, err := b.Check(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != len(data.Inputs) || c.Errors != 0 || c.Total != len(data.Issues) {
		t.Fatalf("%d sources, %d errors, %d warnings; validate reads %d sources, %d warnings", len(c.Sources), c.Errors, c.Total, len(data.Inputs), len(data.Issues))
	}
	n := 0
	for _, f := range c.Files {
		for _, is := range f.Issues {
			if is.File != f.File || is.Row == 0 || is.Message == "" {
				t.Errorf("%s: %+v", f.File, is)
			}
			n++
		}
	}
	for _, s := range c.Sources {
		if s.Rows == 0 || s.Bytes == 0 || s.ModTime.IsZero() || !strings.HasPrefix(s.Path, "examples/data/") {
			t.Errorf("%+v", s)
		}
	}
	if n != c.Total {
		t.Errorf("%d grouped, %d total", n, c.Total)
	}
	if again, _ := b.Check(ctx, ""); again != c {
		t.Error("an unchanged data set is read again")
	}
	withPeriod, err := b.Check(ctx, "2024-03")
	if err != nil || withPeriod.Total < c.Total {
		t.Errorf("%v %v", withPeriod, err)
	}
	if _, err := b.Check(ctx, "2024-3x"); !errors.Is(err, web.ErrBadInput) {
		t.Errorf("bad label: %v", err)
	}
	// one unusable file: said so, the others still read
	os.Remove(filepath.Join(cfg.Dir, "examples", "data", "van-ban.xlsx"))
	c, err = b.Check(ctx, "")
	if err != nil || c.Errors != 1 {
		t.Fatalf("%+v %v", c, err)
	}
	for _, s := range c.Sources {
		if (s.Name == "documents") != (s.Error != "") || (s.Name != "documents" && s.Rows == 0) {
			t.Errorf("%+v", s)
		}
	}
}
