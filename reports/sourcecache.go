package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/mn2010/baocao/sources"
)

// ReadFunc reads one source: sources.Read, or a SourceCache's Read.
type ReadFunc func(sources.Spec, *sources.Schema) (*sources.Result, error)

// SourceCache keeps what reading each source gave (its table and
// warnings, or why it cannot be used), keyed by the sha256 of the file's
// content, so that a caller asking again and again (the page's data
// check, one request per period) reads a source once per change of its
// file, not once per request. Callers asking for a source being read wait
// for that read; at most slots reads run at once, whoever asks, so memory
// is that of slots sources being read. Only the latest content of each
// source is kept.
type SourceCache struct {
	mu      sync.Mutex
	entries map[string]*cached // by source: name, path, sheet
	slots   chan struct{}
	reads   atomic.Int64 // sources read, for tests and benchmarks
}

type cached struct {
	key  string // content hash and what was asked (kept columns)
	done chan struct{}
	res  *sources.Result // a small result, kept
	weak weak.Pointer[sources.Result]
	err  error
}

// keepCells is the size, in cells, under which a source's table is kept
// between checks (a district's year of payments is ~0.5 M cells, a few
// MB now that tables are packed by column); a larger one is shared by the checks under way and then left to
// the garbage collector, so that the cache never holds a row bomb.
const keepCells = 1 << 20

// result is what the read gave, or false if a large result was collected.
func (e *cached) result() (*sources.Result, bool) {
	if e.res != nil || e.err != nil {
		return e.res, true
	}
	r := e.weak.Value()
	return r, r != nil
}

// NewSourceCache returns a cache reading at most slots sources at once.
func NewSourceCache(slots int) *SourceCache {
	return &SourceCache{entries: map[string]*cached{}, slots: make(chan struct{}, max(slots, 1))}
}

// Read reads spec with schema, or gives what the last read of the same
// content gave. A result is shared: callers must not change it.
func (c *SourceCache) Read(spec sources.Spec, schema *sources.Schema) (*sources.Result, error) {
	sum, err := fileHash(spec.Path)
	if err != nil { // missing, unreadable, private: the reader says why, at once
		return sources.Read(spec, schema)
	}
	id := spec.Name + "\x00" + spec.Path + "\x00" + spec.Sheet
	key := sum + "\x00" + strings.Join(spec.Keep, ",") + fmt.Sprintf("\x00%v", spec.Keep == nil)
	for {
		c.mu.Lock()
		e := c.entries[id]
		if e != nil && e.key == key {
			c.mu.Unlock()
			<-e.done
			if res, ok := e.result(); ok {
				return res, e.err
			}
			c.mu.Lock()
			if c.entries[id] == e { // collected: read it again
				delete(c.entries, id)
			}
			c.mu.Unlock()
			continue
		}
		e = &cached{key: key, done: make(chan struct{})}
		c.entries[id] = e
		c.mu.Unlock()
		c.slots <- struct{}{}
		c.reads.Add(1)
		res, err := sources.Read(spec, schema)
		<-c.slots
		switch {
		case err != nil:
			e.err = err
		case res.Table == nil || res.Table.Len()*max(len(res.Table.Schema.Columns), 1) <= keepCells:
			e.res = res
		default:
			e.weak = weak.Make(res)
		}
		close(e.done)
		return res, err
	}
}

// Reads counts the sources the cache has read (not given from memory).
func (c *SourceCache) Reads() int64 { return c.reads.Load() }

// fileHash is the sha256 of the file at path, read in small pieces; a
// path that is private (the archive, a password file) is not hashed.
func fileHash(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return "", fmt.Errorf("reports: %s is not a file", path)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
