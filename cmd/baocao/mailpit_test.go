package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/render"

	"github.com/mn2010/baocao/internal/testcert"
	"github.com/mn2010/baocao/internal/testtools"
)

// mailpit is a real mail server for the tests: STARTTLS required, SMTP
// AUTH from a password file, a certificate signed by a CA the test made.
type mailpit struct {
	smtpPort, httpPort int
	cmd                *exec.Cmd
	ca                 string
}

func mailpitBinary(t *testing.T) string { t.Helper(); return testtools.Command(t, "mailpit") }

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func startMailpit(t *testing.T) *mailpit { t.Helper(); return startMailpitWith(t) }

// startMailpitWith starts mailpit with extra flags (--smtp-allowed-recipients).
func startMailpitWith(t *testing.T, extra ...string) *mailpit {
	t.Helper()
	bin := mailpitBinary(t)
	dir := t.TempDir()
	pair, err := testcert.New("baocao test CA")
	if err != nil {
		t.Fatal(err)
	}
	ca, cert, key, err := pair.Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	auth := filepath.Join(dir, "auth")
	os.WriteFile(auth, []byte("mn2010:s3cret\n"), 0o600)
	m := &mailpit{smtpPort: port(t), httpPort: port(t), ca: ca}
	m.cmd = exec.Command(bin, append([]string{"--smtp", fmt.Sprintf("127.0.0.1:%d", m.smtpPort), "--listen", fmt.Sprintf("127.0.0.1:%d", m.httpPort),
		"--smtp-auth-file", auth, "--smtp-tls-cert", cert, "--smtp-tls-key", key, "--smtp-require-starttls",
		"--disable-version-check", "--smtp-disable-rdns", "--database", filepath.Join(dir, "mailpit.db"), "--quiet"}, extra...)...)
	m.cmd.Stdout, m.cmd.Stderr = os.Stderr, os.Stderr
	if err := m.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(m.stop)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Millisecond) {
		if r, err := http.Get(m.url("/readyz")); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			return m
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start")
		}
	}
}

func (m *mailpit) stop() {
	if m.cmd.Process != nil {
		m.cmd.Process.Kill()
		m.cmd.Wait()
	}
}

func (m *mailpit) url(path string) string {
	return fmt.Sprintf("http://127.0.0.1:%d%s", m.httpPort, path)
}

func (m *mailpit) get(t *testing.T, path string, v any) []byte {
	t.Helper()
	r, err := http.Get(m.url(path))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	if v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v: %s", path, err, b)
		}
	}
	return b
}

type mpAddress struct{ Name, Address string }

type mpSummary struct {
	ID, Subject, MessageID string
	From                   mpAddress
	To, Cc                 []mpAddress
}

func (m *mailpit) messages(t *testing.T) []mpSummary {
	var list struct{ Messages []mpSummary }
	m.get(t, "/api/v1/messages", &list)
	return list.Messages
}

func port(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// mailConfig points the project's config at the mail server.
func mailConfig(t *testing.T, cfg string, m *mailpit) {
	b, _ := os.ReadFile(cfg)
	s := string(b)
	s = strings.Replace(s, `host = "smtp.example.vn"`, `host = "127.0.0.1"`, 1)
	s = regexpReplace(s, `port = \d+`, fmt.Sprintf("port = %d", m.smtpPort))
	s = strings.Replace(s, `username = "mn2010@hcm.edu.vn"`, `username = "mn2010"`, 1)
	s = regexpReplace(s, `(?m)^# ca_file = .*$`, fmt.Sprintf("ca_file = %q", m.ca))
	s = regexpReplace(s, `(?m)^# retry_seconds = .*$`, "retry_seconds = [1]")
	s = strings.Replace(s, `cc = []`, `cc = ["Phó Hiệu trưởng <pht@mn2010.hcm.edu.vn>"]`, 1)
	os.WriteFile(cfg, []byte(s), 0o644)
}

// TestMailThroughMailpit sends through a real server with STARTTLS and
// AUTH: one message per report and period, Vietnamese intact, attachments
// byte-equal to the archive; no second send without --force; and with the
// server down, run archives and exits 1, and a later send delivers once.
func TestMailThroughMailpit(t *testing.T) {
	m := startMailpit(t)
	cfg := project(t)
	mailConfig(t, cfg, m)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")

	code, out, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	v1 := strings.TrimSpace(out)
	msgs := m.messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	got := msgs[0]
	if want := "Báo cáo kết quả thực hiện công tác CCHC tháng 3 năm 2024 - Trường Mầm non 20/10"; got.Subject != want {
		t.Errorf("subject %q, want %q", got.Subject, want)
	}
	if got.From.Name != "Trường Mầm non 20/10" || got.From.Address != "mn2010@hcm.edu.vn" {
		t.Errorf("from %+v", got.From)
	}
	if len(got.To) != 1 || got.To[0].Address != "phongnoivu.q1@tphcm.gov.vn" || len(got.Cc) != 1 || got.Cc[0].Name != "Phó Hiệu trưởng" {
		t.Errorf("to %+v cc %+v", got.To, got.Cc)
	}
	if got.MessageID != "baocao.mn2010.monthly.2024-03.v1@hcm.edu.vn" {
		t.Errorf("message id %q", got.MessageID)
	}
	var full struct {
		Text        string
		Attachments []struct{ PartID, FileName, ContentType string }
	}
	m.get(t, "/api/v1/message/"+got.ID, &full)
	if !strings.Contains(full.Text, "Trong kỳ, đơn vị đạt") || !strings.Contains(full.Text, "- Chỉ tiêu 3.1") {
		t.Errorf("body does not summarise the period:\n%s", full.Text)
	}
	if len(full.Attachments) != 2 {
		t.Fatalf("attachments %+v", full.Attachments)
	}
	for _, a := range full.Attachments {
		data := m.get(t, "/api/v1/message/"+got.ID+"/part/"+a.PartID, nil)
		archived, err := os.ReadFile(filepath.Join(v1, a.FileName))
		if err == nil && strings.HasSuffix(a.FileName, ".xlsx") { // the district's copy: without "Dữ liệu cần kiểm tra"
			archived, err = render.DistrictCopy(archived)
		}
		if err != nil || !bytes.Equal(data, archived) {
			t.Errorf("attachment %s (%s) differs from the archived file (%v)", a.FileName, a.ContentType, err)
		}
	}

	// send without --force does not send again; with it, it does.
	if code, _, errs := baocao("send", "-c", cfg, "-r", "monthly", "-p", "2024-03"); code != 0 || !strings.Contains(errs, "đã gửi trước đây") {
		t.Errorf("send: exit %d: %s", code, errs)
	}
	if n := len(m.messages(t)); n != 1 {
		t.Errorf("%d messages after send without --force, want 1", n)
	}

	// The server goes down: run archives v2 and exits 1, leaving it pending.
	m.stop()
	code, out, errs = baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03")
	if code != 1 || !strings.Contains(errs, "đã lưu nhưng đang chờ gửi lại") {
		t.Fatalf("run with the server down: exit %d: %s", code, errs)
	}
	v2 := strings.TrimSpace(out)
	if !strings.HasSuffix(v2, "v2") || !fileExists(filepath.Join(v2, "bao-cao-cchc-2024-03.pdf")) {
		t.Fatalf("v2 not archived: %q", v2)
	}
	rec := readRecord(t, v2)
	if rec.Status != "pending" || len(rec.Attempts) != 2 {
		t.Errorf("delivery.json %+v: want pending after 2 tries", rec)
	}

	// A new server (a restart): send delivers v2 once.
	m2 := startMailpit(t)
	mailConfig(t, cfg, m2)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(regexpReplace(string(b), `ca_file = ".*"`, fmt.Sprintf("ca_file = %q", m2.ca))), 0o644)
	if code, _, errs := baocao("send", "-c", cfg, "-r", "monthly", "-p", "2024-03"); code != 0 {
		t.Fatalf("send after the restart: exit %d: %s", code, errs)
	}
	if code, _, _ := baocao("send", "-c", cfg, "-r", "monthly", "-p", "2024-03"); code != 0 {
		t.Fatalf("second send: exit %d", code)
	}
	msgs = m2.messages(t)
	if len(msgs) != 1 || msgs[0].MessageID != "baocao.mn2010.monthly.2024-03.v2@hcm.edu.vn" {
		t.Fatalf("after the restart: %+v, want v2 once", msgs)
	}
	if rec := readRecord(t, v2); rec.Status != "sent" || len(rec.Attempts) != 3 {
		t.Errorf("delivery.json %+v", rec)
	}

	// mail-test checks the settings.
	if code, out, errs := baocao("mail-test", "-c", cfg, "--to", "admin@mn2010.hcm.edu.vn"); code != 0 || !strings.Contains(out, "đã gửi thư thử") {
		t.Errorf("mail-test: exit %d %s %s", code, out, errs)
	}
}

func TestMailSettingsStopTheRunBeforeArchiving(t *testing.T) {
	cfg := project(t)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "")
	code, out, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03")
	if code != 2 || !strings.Contains(errs, "BAOCAO_SMTP_PASSWORD") || out != "" {
		t.Errorf("exit %d, out %q, stderr %q", code, out, errs)
	}
	if fileExists(filepath.Join(filepath.Dir(cfg), "archive")) {
		t.Error("archived despite a mail setting that cannot work")
	}
}

type record struct {
	Status   string
	Attempts []struct{ At, Result string }
}

func readRecord(t *testing.T, dir string) record {
	t.Helper()
	var r record
	b, err := os.ReadFile(filepath.Join(dir, "delivery.json"))
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &r)
	return r
}
