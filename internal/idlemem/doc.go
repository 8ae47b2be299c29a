// Package idlemem gives back the memory a long-running baocao does not
// need while it waits: `baocao serve` calls Release when its daemon has
// nothing in hand (after the start-up catch-up, and whenever the last run
// under way ends), and again after each of its minute scans of the
// archive if no run is under way then (a scan and the runtime's forced
// collection every two minutes map back part of the code and leave some
// garbage).
//
// Release does two things:
//
//   - it returns the heap a finished run left free to the operating
//     system at once (runtime/debug.FreeOSMemory), instead of letting the
//     runtime's scavenger return it over minutes;
//   - on Linux, it unmaps the pages of the executable's read-only
//     segments (code, read-only data, the function tables) that start-up
//     and the runs touched. A 33 MB binary whose package initialisers are
//     spread over its code leaves 12-13 MB of these pages mapped after
//     start-up, most of them never used again while the daemon waits.
//     They stay in the page cache, shared and clean: the next run maps
//     back what it uses with minor page faults (no disk read while the
//     cache holds the file), as it would after the kernel reclaimed them
//     under memory pressure. Only read-only mappings of the executable
//     itself with no private (copy-on-write) pages are touched, so no
//     data can be lost: a writable segment, or a relocated read-only one
//     (a position-independent build's RELRO), is left alone.
//
// Release is cheap (one full garbage collection of a small heap, about a
// millisecond of CPU for an idle daemon, one read of /proc/self/smaps and a
// few madvise calls) and safe to call at any time from any goroutine;
// calls while a run is under way only cost that run a few page faults.
package idlemem
