//go:build crashpoint

package crashpoint

import (
	"os"
	"time"
)

// Hit kills the process if step is the one named by BAOCAO_TEST_CRASH_AT.
func Hit(step string) {
	if os.Getenv(Env) != step {
		return
	}
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		p.Kill()
	}
	time.Sleep(time.Minute) // the kill is asynchronous on some systems
	os.Exit(137)
}
