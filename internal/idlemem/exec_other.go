//go:build !linux

package idlemem

// dropExecutablePages does nothing where the executable's mappings cannot
// be listed.
func dropExecutablePages() int64 { return 0 }
