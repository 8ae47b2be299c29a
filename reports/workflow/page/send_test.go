package page

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports/delivery"
)

// TestSendFromThePageTriesOnce: with the mail server down, a send from the
// page makes one attempt, answers at once and leaves the version pending.
func TestSendFromThePageTriesOnce(t *testing.T) {
	b, cfg, _ := project(t)
	ctx := context.Background()
	if _, err := b.Run(ctx, "Lan", "monthly", "2024-03", func(string) {}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens there now: the mail server is down
	cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, cfg.SMTP.Username = "127.0.0.1", port, "none", ""
	cfg.SMTP.RetrySeconds = []int{5, 15, 40}

	start := time.Now()
	_, err = b.Send(ctx, "Lan", web.VersionRef{Report: "monthly", Period: "2024-03", Version: 1}, false)
	if took := time.Since(start); took > 4*time.Second {
		t.Errorf("the send took %v: retried within the request", took)
	}
	var sf *web.SendFailure
	if !errors.As(err, &sf) || !sf.Transient || sf.Reason != "máy chủ thư không trả lời" {
		t.Fatalf("%#v", err)
	}
	rec, _, err := delivery.LoadRecord(filepath.Join(cfg.Path(cfg.Archive), "monthly", "2024-03", "v1"))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Status != delivery.Pending || len(rec.Attempts) != 1 {
		t.Errorf("record %s with %d attempts, want pending after 1", rec.Status, len(rec.Attempts))
	}
}
