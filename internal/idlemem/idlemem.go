package idlemem

import "runtime/debug"

// Release returns the free heap to the operating system and, where the
// platform allows it, unmaps the executable's read-only pages (see the
// package doc). It reports how many bytes of the executable it unmapped.
func Release() (unmapped int64) {
	debug.FreeOSMemory()
	return dropExecutablePages()
}
