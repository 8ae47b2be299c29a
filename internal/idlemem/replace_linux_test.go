package idlemem

import (
	"bufio"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// work runs code spread over several packages (hashing in assembly,
// formatting, sorting, parsing) and gives a digest of what it computed.
func work(seed int) string {
	words := make([]string, 200)
	for i := range words {
		words[i] = strconv.FormatFloat(float64((i*7919+seed)%1000)/7, 'g', -1, 64)
	}
	sort.Strings(words)
	sum := sha256.Sum256([]byte(strings.Join(words, ",")))
	return fmt.Sprintf("%x", sum[:8])
}

// TestReleaseWhileCodeRuns: goroutines keep running code and reading
// read-only data while another unmaps their pages again and again; every
// result is the one computed before.
func TestReleaseWhileCodeRuns(t *testing.T) {
	want := make([]string, 4)
	for i := range want {
		want[i] = work(i)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan string, len(want))
	for i := range want {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if got := work(i); got != want[i] {
					errs <- fmt.Sprintf("goroutine %d computed %s, want %s", i, got, want[i])
					return
				}
			}
		}()
	}
	var dropped int64
	for range 100 {
		dropped += dropExecutablePages()
	}
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if dropped == 0 {
		t.Error("nothing was unmapped while the goroutines ran")
	}
}

// TestReleaseAfterTheBinaryIsReplaced: an upgrade installs a new binary
// over the running daemon's while it idles. Writing the running file in
// place is refused by the kernel (ETXTBSY); replacing it by a rename
// leaves the old file to the running process, whose unmapped pages come
// back from it: the daemon goes on computing the same results.
func TestReleaseAfterTheBinaryIsReplaced(t *testing.T) {
	if os.Getenv("IDLEMEM_CHILD") == "1" {
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			dropped := Release()
			fmt.Println(work(1), dropped > 0)
		}
		os.Exit(0)
	}
	self, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "daemon")
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestReleaseAfterTheBinaryIsReplaced$")
	cmd.Env = append(os.Environ(), "IDLEMEM_CHILD=1")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := bufio.NewScanner(stdout)
	ask := func() string {
		t.Helper()
		io.WriteString(stdin, "go\n")
		got := make(chan string, 1)
		go func() {
			if out.Scan() {
				got <- out.Text()
			}
			close(got)
		}()
		select {
		case s := <-got:
			return s
		case <-time.After(time.Minute):
			t.Fatal("the child did not answer in a minute")
			return ""
		}
	}
	want := work(1) + " true" // computed, and pages were unmapped first
	if got := ask(); got != want {
		t.Fatalf("before the upgrade the child computed %q, want %q", got, want)
	}
	if f, err := os.OpenFile(bin, os.O_WRONLY, 0); err == nil {
		f.Close()
		t.Fatal("the running binary could be opened for writing in place")
	} else if !errors.Is(err, syscall.ETXTBSY) {
		t.Fatalf("opening the running binary for writing: %v, want ETXTBSY", err)
	}
	next := filepath.Join(dir, "daemon.new")
	junk := make([]byte, len(data))
	for i := range junk {
		junk[i] = 0xcc // int3 everywhere: old code read from the new file would trap
	}
	if err := os.WriteFile(next, junk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(next, bin); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if got := ask(); got != want {
			t.Fatalf("after the upgrade the child computed %q, want %q", got, want)
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
}
