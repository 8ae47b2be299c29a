package idlemem

import (
	"bytes"
	"os"
	"reflect"
	"strconv"
	"strings"
	"syscall"
)

// mapping is one line of /proc/self/smaps with what Release needs of its
// block.
type mapping struct {
	start, end uint64
	perms      string
	inode      string // "device inode"
	anonymous  int64  // kB of private (copy-on-write or anonymous) pages
	rss        int64  // kB mapped
}

// dropExecutablePages unmaps the resident pages of the executable's
// read-only, clean mappings with madvise(MADV_DONTNEED): for a private
// file mapping that holds no private page, the next access reads the same
// bytes back from the page cache (or the file).
func dropExecutablePages() int64 {
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return 0
	}
	maps := parseSmaps(data)
	self := uint64(reflect.ValueOf(dropExecutablePages).Pointer())
	exe := ""
	for _, m := range maps {
		if m.start <= self && self < m.end {
			exe = m.inode
		}
	}
	var dropped int64
	for _, m := range droppable(maps, exe) {
		if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, uintptr(m.start), uintptr(m.end-m.start), syscall.MADV_DONTNEED); errno == 0 {
			dropped += m.rss << 10
		}
	}
	return dropped
}

// droppable are the mappings of the file exe (device and inode) that
// cannot be written and hold no private page.
func droppable(maps []mapping, exe string) []mapping {
	var out []mapping
	if exe == "" || strings.HasSuffix(exe, " 0") {
		return nil
	}
	for _, m := range maps {
		if m.inode == exe && len(m.perms) == 4 && m.perms[1] == '-' && m.perms[3] == 'p' && m.anonymous == 0 && m.rss > 0 {
			out = append(out, m)
		}
	}
	return out
}

// parseSmaps reads the mappings of /proc/PID/smaps: a header line
// "start-end perms offset dev inode [path]" followed by "Key: value kB"
// lines. A header it cannot read ends the list (what was read is kept);
// a mapping whose Anonymous line is missing counts as holding private
// pages, so it is never dropped. Only the headers allocate: the daemon
// calls this once a minute.
func parseSmaps(data []byte) []mapping {
	var out []mapping
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 {
			continue
		}
		if key, rest, ok := bytes.Cut(line, []byte(":")); ok && len(out) > 0 && !bytes.ContainsAny(key, " -") {
			var dst *int64
			switch string(key) {
			case "Rss":
				dst = &out[len(out)-1].rss
			case "Anonymous":
				dst = &out[len(out)-1].anonymous
			default:
				continue
			}
			if f := bytes.Fields(rest); len(f) > 0 {
				if v, err := strconv.ParseInt(string(f[0]), 10, 64); err == nil {
					*dst = v
				}
			}
			continue
		}
		f := strings.Fields(string(line))
		if len(f) == 0 {
			continue
		}
		start, end, ok := strings.Cut(f[0], "-")
		if !ok || len(f) < 5 {
			break
		}
		s, err1 := strconv.ParseUint(start, 16, 64)
		e, err2 := strconv.ParseUint(end, 16, 64)
		if err1 != nil || err2 != nil || e <= s {
			break
		}
		out = append(out, mapping{start: s, end: e, perms: f[1], inode: f[3] + " " + f[4], anonymous: -1})
	}
	return out
}
