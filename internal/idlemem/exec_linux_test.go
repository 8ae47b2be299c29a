package idlemem

import (
	"os"
	"reflect"
	"testing"
)

const smapsFixture = `00400000-00c78000 r-xp 00000000 08:01 4242 /usr/bin/baocao
Size:               8672 kB
Rss:                6752 kB
Anonymous:             0 kB
00c78000-0156c000 r--p 00878000 08:01 4242 /usr/bin/baocao
Size:               9168 kB
Rss:                5904 kB
Anonymous:             0 kB
0156c000-0157c000 r--p 0116c000 08:01 4242 /usr/bin/baocao
Size:                 64 kB
Rss:                  64 kB
Anonymous:            64 kB
0157c000-01ce6000 rw-p 0117c000 08:01 4242 /usr/bin/baocao
Size:               7592 kB
Rss:                3116 kB
Anonymous:           112 kB
01ce6000-01ce8000 r--p 00000000 08:01 4243 /usr/bin/baocao-old
Size:                  8 kB
Rss:                   8 kB
Anonymous:             0 kB
7f4ac5e85000-7f4ac5fdb000 r-xp 00026000 08:01 77 /usr/lib/x86_64-linux-gnu/libc.so.6
Size:               1368 kB
Rss:                 876 kB
Anonymous:             0 kB
7f4ac5fdb000-7f4ac5fdc000 r--p 00000000 08:01 4242 /usr/bin/baocao
Size:                  4 kB
Rss:                   4 kB
7ffd80273000-7ffd80294000 rw-p 00000000 00:00 0 [stack]
Size:                132 kB
Rss:                  16 kB
Anonymous:            16 kB
`

// TestDroppableOnlyCleanReadOnlyMappingsOfTheExecutable: the code and
// read-only data of the executable are dropped; a relocated read-only
// segment holding private pages, the writable data, another file, a
// library and a mapping whose private pages are not known are kept.
func TestDroppableOnlyCleanReadOnlyMappingsOfTheExecutable(t *testing.T) {
	maps := parseSmaps([]byte(smapsFixture))
	if len(maps) != 8 {
		t.Fatalf("read %d mappings, want 8", len(maps))
	}
	got := droppable(maps, "08:01 4242")
	if len(got) != 2 || got[0].start != 0x400000 || got[1].start != 0xc78000 || got[0].rss != 6752 {
		t.Fatalf("droppable = %+v, want the r-xp and the clean r--p mapping of the executable", got)
	}
	if d := droppable(maps, ""); d != nil {
		t.Errorf("no executable found: dropped %+v", d)
	}
	if d := droppable(maps, "00:00 0"); d != nil {
		t.Errorf("anonymous memory taken for the executable: dropped %+v", d)
	}
}

func TestParseSmapsStopsAtWhatItCannotRead(t *testing.T) {
	maps := parseSmaps([]byte("00400000-00c78000 r-xp 00000000 08:01 4242 /bin/x\nRss: 4 kB\n   \nAnonymous: 0 kB\nnot a mapping line\n00c78000-0156c000 r--p 0 08:01 4242 /bin/x\n"))
	if len(maps) != 1 || maps[0].rss != 4 || maps[0].anonymous != 0 {
		t.Fatalf("parseSmaps = %+v, want the one mapping before the unreadable line", maps)
	}
}

// executableRss is the kB of this test binary's read-only mappings that
// are resident.
func executableRss(t *testing.T) (int64, string) {
	data, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	maps := parseSmaps(data)
	self := uint64(reflect.ValueOf(executableRss).Pointer())
	exe := ""
	for _, m := range maps {
		if m.start <= self && self < m.end {
			exe = m.inode
		}
	}
	var rss int64
	for _, m := range maps {
		if m.inode == exe && m.perms[1] == '-' {
			rss += m.rss
		}
	}
	return rss, exe
}

// TestReleaseUnmapsTheExecutablesPages: after Release, fewer pages of
// this binary's code are mapped, and the code still runs (the pages come
// back on use).
func TestReleaseUnmapsTheExecutablesPages(t *testing.T) {
	before, exe := executableRss(t)
	if exe == "" || before == 0 {
		t.Fatalf("the test binary's mappings were not found (exe %q, %d kB)", exe, before)
	}
	dropped := Release()
	after, _ := executableRss(t)
	if dropped <= 0 || after >= before {
		t.Fatalf("Release unmapped %d bytes; read-only pages of the executable resident: %d kB before, %d kB after", dropped, before, after)
	}
	t.Logf("executable's read-only pages resident: %d kB before Release, %d kB after; %d kB unmapped", before, after, dropped>>10)
	// The code dropped runs again.
	if maps := parseSmaps([]byte(smapsFixture)); len(maps) != 8 {
		t.Fatalf("parseSmaps after Release read %d mappings", len(maps))
	}
}
