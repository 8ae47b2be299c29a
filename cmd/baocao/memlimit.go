package main

import (
	"os"
	"runtime/debug"
)

// longRunMemoryLimit is the soft memory limit of the long-running commands
// (serve, web) unless GOMEMLIMIT says otherwise: past it the garbage
// collector works harder instead of letting the heap double, so a burst
// of checks or runs on hostile files (a million copied rows) stays near
// what it really holds. It is soft: a larger report still runs, slower.
const longRunMemoryLimit = 256 << 20

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(longRunMemoryLimit)
	}
}
