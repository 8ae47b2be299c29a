package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/crashpoint"
)

// The steps of a run and its delivery where a process can die: the files
// written but not yet visible, the version (with its pending record)
// visible, the attempt recorded in flight, the message accepted by the
// server but not recorded, the record saying sent.
var crashSteps = []string{crashpoint.Staged, crashpoint.Archived, crashpoint.InFlight, crashpoint.Accepted, crashpoint.Recorded}

// child runs baocao as its own process, on a machine whose zone is UTC
// (the config's is Asia/Ho_Chi_Minh), dying at crashAt if set.
func child(bin, crashAt string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "BAOCAO_SMTP_PASSWORD=s3cret", "TZ=UTC", crashpoint.Env+"="+crashAt)
	return cmd
}

func killed(err error) bool {
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL
}

// newest lists, for each report and period of the archive, the newest
// version's folder and delivery status.
func newest(t *testing.T, archiveDir string) map[string]string {
	out := map[string]string{}
	dirs, _ := filepath.Glob(filepath.Join(archiveDir, "*", "*", "v*"))
	best := map[string]string{}
	for _, d := range dirs {
		key := filepath.Base(filepath.Dir(filepath.Dir(d))) + "/" + filepath.Base(filepath.Dir(d))
		if b, ok := best[key]; !ok || len(d) > len(b) || (len(d) == len(b) && d > b) {
			best[key] = d
		}
	}
	for key, d := range best {
		var rec struct{ Status string }
		b, err := os.ReadFile(filepath.Join(d, "delivery.json"))
		if err == nil {
			json.Unmarshal(b, &rec)
		}
		out[key] = filepath.Base(d) + " " + rec.Status
	}
	return out
}

// copies counts the messages of each Message-ID.
func copies(t *testing.T, m *mailpit) map[string]int {
	n := map[string]int{}
	for _, msg := range m.messages(t) {
		n[msg.MessageID]++
	}
	return n
}

// interrupted lists the Message-IDs whose record's last attempt is still
// "in flight": the process died during that attempt, and the server may
// have the message.
func interrupted(archiveDir string) map[string]bool {
	out := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(archiveDir, "*", "*", "v*", "delivery.json"))
	for _, f := range files {
		var rec struct {
			MessageID string `json:"message_id"`
			Attempts  []struct{ Result string }
		}
		b, _ := os.ReadFile(f)
		if json.Unmarshal(b, &rec) == nil && len(rec.Attempts) > 0 && rec.Attempts[len(rec.Attempts)-1].Result == "in flight" {
			out[strings.Trim(rec.MessageID, "<>")] = true
		}
	}
	return out
}

// checkCopies: every Message-ID once, except those whose attempt was
// interrupted by the kill (the documented window): at most twice, with
// the same Message-ID.
func checkCopies(t *testing.T, m *mailpit, window map[string]bool) {
	t.Helper()
	for id, n := range copies(t, m) {
		if n != 1 && !(n == 2 && window[id]) {
			t.Errorf("%s arrived %d times (interrupted attempts: %v)", id, n, window)
		}
	}
}

// withoutReviewers removes the example's approvers (and reviewers, the
// old form): the tests of delivery
// want every report sent as soon as it is made (the review step has its
// own tests, review_test.go).
func withoutReviewers(t *testing.T, cfg string) {
	t.Helper()
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := regexpReplace(string(b), `(?m)^(reviewers|approvers) = .*$`, "")
	if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func serveUntilAllSent(t *testing.T, bin, cfg string, want int) *syncBuffer {
	t.Helper()
	cmd := child(bin, "", "serve", "-c", cfg, "--log-format", "json")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("serve after SIGTERM: %v", err)
		}
	}()
	archiveDir := filepath.Join(filepath.Dir(cfg), "archive")
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		got := newest(t, archiveDir)
		sent := 0
		for _, s := range got {
			if strings.HasSuffix(s, " sent") {
				sent++
			}
		}
		if len(got) >= want && sent == len(got) {
			return logs
		}
		if time.Now().After(deadline) {
			t.Fatalf("not all sent: %v\n%s", got, logs.String())
		}
	}
}

// TestRunKilledAtEachStep: `baocao run` killed at each step; the daemon,
// started afterwards, delivers what was archived (a pending record made by
// someone else), once — twice with one Message-ID only when the kill came
// between the server's acceptance and the record.
func TestRunKilledAtEachStep(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range crashSteps {
		t.Run(step, func(t *testing.T) {
			m := startMailpit(t)
			cfg := project(t)
			withCurrentData(t, cfg) // its catch-up runs have data to send
			mailConfig(t, cfg, m)
			withoutReviewers(t, cfg)
			out, err := child(bin, step, "run", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput()
			if !killed(err) {
				t.Fatalf("run did not die at %s: %v\n%s", step, err, out)
			}
			period := filepath.Join(filepath.Dir(cfg), "archive", "monthly", "2024-03")
			if step == crashpoint.Staged {
				if _, err := os.Stat(filepath.Join(period, "v1")); err == nil {
					t.Fatal("a version is visible before its files were all written")
				}
				if left, _ := filepath.Glob(filepath.Join(period, ".staging-*")); len(left) != 1 {
					t.Fatalf("staging folders %v", left)
				}
			}
			window := interrupted(filepath.Join(filepath.Dir(cfg), "archive"))
			if (step == crashpoint.InFlight || step == crashpoint.Accepted) != (len(window) == 1) {
				t.Errorf("after a kill at %s, interrupted attempts %v", step, window)
			}
			logs := serveUntilAllSent(t, bin, cfg, 4)
			if step == crashpoint.Staged {
				if left, _ := filepath.Glob(filepath.Join(period, ".staging-*")); len(left) != 0 || !strings.Contains(logs.String(), "half written") {
					t.Errorf("staging left: %v\n%s", left, logs)
				}
				// Nothing was archived: the run is made again, as v1.
				if out, err := child(bin, "", "run", "-c", cfg, "-r", "monthly", "-p", "2024-03").Output(); err != nil || !strings.HasSuffix(strings.TrimSpace(string(out)), "v1") {
					t.Fatalf("run again: %v\n%s", err, out)
				}
			}
			n := copies(t, m)["baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn"]
			if want := map[bool]int{true: 2, false: 1}[step == crashpoint.Accepted]; n != want {
				t.Errorf("monthly 2024-03 v1 arrived %d times, want %d", n, want)
			}
			checkCopies(t, m, window)
			if s := newest(t, filepath.Dir(period)+"/..")["monthly/2024-03"]; s != "v1 sent" {
				t.Errorf("monthly 2024-03: %q, want v1 sent", s)
			}
		})
	}
}

// TestServeKilledAtEachStep: the daemon killed at each step of its
// catch-up runs, then started again: every report delivered, none twice
// except the documented window.
func TestServeKilledAtEachStep(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range crashSteps {
		t.Run(step, func(t *testing.T) {
			m := startMailpit(t)
			cfg := project(t)
			withCurrentData(t, cfg) // its catch-up runs have data to send
			mailConfig(t, cfg, m)
			withoutReviewers(t, cfg)
			cmd := child(bin, step, "serve", "-c", cfg)
			done := make(chan error, 1)
			out := &syncBuffer{}
			cmd.Stdout, cmd.Stderr = out, out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if !killed(err) {
					t.Fatalf("serve did not die at %s: %v\n%s", step, err, out)
				}
			case <-time.After(90 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("serve never reached %s\n%s", step, out)
			}
			window := interrupted(filepath.Join(filepath.Dir(cfg), "archive"))
			if step == crashpoint.InFlight || step == crashpoint.Accepted {
				if len(window) == 0 {
					t.Errorf("killed at %s, yet no record says in flight", step)
				}
			}
			serveUntilAllSent(t, bin, cfg, 4)
			checkCopies(t, m, window)
			if n := len(copies(t, m)); n != 4 {
				t.Errorf("%d distinct messages, want one per report (4): %v", n, copies(t, m))
			}
		})
	}
}

// TestStalePendingVersionIsNeverSent: v1 is left pending by a killed run;
// v2, corrected, is sent by hand; the daemon then marks v1 superseded and
// never sends it.
func TestStalePendingVersionIsNeverSent(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	m := startMailpit(t)
	cfg := project(t)
	withCurrentData(t, cfg) // its catch-up runs have data to send
	mailConfig(t, cfg, m)
	withoutReviewers(t, cfg)
	if out, err := child(bin, crashpoint.Archived, "run", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput(); !killed(err) {
		t.Fatalf("run: %v\n%s", err, out)
	}
	if out, err := child(bin, "", "run", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput(); err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	serveUntilAllSent(t, bin, cfg, 4)
	n := copies(t, m)
	if n["baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn"] != 0 || n["baocao.mn2010.monthly.2024-03.v2@hcm.edu.vn"] != 1 {
		t.Errorf("messages %v: want v2 once and never v1", n)
	}
	v1 := filepath.Join(filepath.Dir(cfg), "archive", "monthly", "2024-03", "v1")
	var rec struct {
		Status       string
		SupersededBy int `json:"superseded_by"`
	}
	b, _ := os.ReadFile(filepath.Join(v1, "delivery.json"))
	if json.Unmarshal(b, &rec); rec.Status != "superseded" || rec.SupersededBy != 2 {
		t.Errorf("v1's record: %s", b)
	}
	// send --force is the only way to send it; plain send of v1 is not
	// possible (send takes the newest), and the archive shows why.
	out, _ := child(bin, "", "archive", "-c", cfg).CombinedOutput()
	if !strings.Contains(string(out), "đã thay thế bởi phiên bản 2") {
		t.Errorf("archive:\n%s", out)
	}
}

// TestSendAfterAnUnknownOutcome: `run` killed after the server accepted
// the message; `send` says it repeats an attempt of unknown outcome and
// sends the same Message-ID; a further send sends nothing.
func TestSendAfterAnUnknownOutcome(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	m := startMailpit(t)
	cfg := project(t)
	mailConfig(t, cfg, m)
	if out, err := child(bin, crashpoint.Accepted, "run", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput(); !killed(err) {
		t.Fatalf("run: %v\n%s", err, out)
	}
	out, err := child(bin, "", "archive", "-c", cfg).CombinedOutput()
	if !strings.Contains(string(out), "đang chờ gửi lại\n    lần gửi cuối bị ngắt") {
		t.Errorf("archive: %v\n%s", err, out)
	}
	out, err = child(bin, "", "send", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "có thể thư đã đến") || !strings.Contains(string(out), "cùng Message-ID") {
		t.Fatalf("send: %v\n%s", err, out)
	}
	if out, err := child(bin, "", "send", "-c", cfg, "-r", "monthly", "-p", "2024-03").CombinedOutput(); err != nil || !strings.Contains(string(out), "đã gửi trước đây") {
		t.Fatalf("second send: %v\n%s", err, out)
	}
	if n := copies(t, m); len(n) != 1 || n["baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn"] != 2 {
		t.Errorf("messages %v: want v1 twice (the documented window), nothing else", n)
	}
}

// TestScheduleOnAUTCMachine: a process whose zone is UTC lists the runs at
// 07:00 Viet Nam time (the config's zone), never 07:00 UTC.
func TestScheduleOnAUTCMachine(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	out, err := child(bin, "", "schedule", "-c", project(t)).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 9 || f[0] == "BÁO" {
			continue
		}
		lines++
		if run := strings.Join(f[len(f)-6:len(f)-3], " "); !strings.HasSuffix(run, "07:00 +07:00") {
			t.Errorf("run at %q, want 07:00 +07:00: %q", run, line)
		}
	}
	if lines != 4*scheduleRuns {
		t.Errorf("%d runs listed, want %d:\n%s", lines, 4*scheduleRuns, out)
	}
}
