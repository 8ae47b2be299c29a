package reports

import (
	"errors"
	"os"
	"runtime"
	"sort"
	"sync"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Input describes one source file that went into a report.
type Input struct {
	Source string `json:"source"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// Data is every source of a plan, read.
type Data struct {
	Tables map[string]*sources.Table
	Inputs []Input
	Issues []sources.Issue // warnings, by source then row
}

// Gather reads every source the plan names, in parallel. specs holds one
// Spec per source name; displayPath turns a file path into the form kept in
// the manifest. All errors are returned joined, so a user sees every
// unusable source at once.
func Gather(p *plan.Plan, specs map[string]sources.Spec, displayPath func(string) string) (*Data, error) {
	names := make([]string, 0, len(p.Sources))
	for n := range p.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	results := make([]*sources.Result, len(names))
	errs := make([]error, len(names))
	// Read as many sources at once as there are cores, the largest files
	// first: all cores stay busy and only that many files are in memory.
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, i := range largestFirst(names, specs) {
		n := names[i]
		spec, ok := specs[n]
		if !ok {
			errs[i] = &sources.SourceError{Source: n, Message: "cấu hình chưa khai báo nguồn này: thêm bảng [sources." + n + "] với path"}
			continue
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			spec.Keep = p.Used(n)
			results[i], errs[i] = sources.Read(spec, p.Sources[n])
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	d := &Data{Tables: map[string]*sources.Table{}}
	for i, n := range names {
		r := results[i]
		d.Tables[n] = r.Table
		d.Inputs = append(d.Inputs, Input{Source: n, Path: displayPath(specs[n].Path), SHA256: r.SHA256, Bytes: r.Bytes})
		d.Issues = append(d.Issues, r.Issues...)
	}
	return d, nil
}

// largestFirst orders the sources' indexes by file size, largest first.
func largestFirst(names []string, specs map[string]sources.Spec) []int {
	size := make([]int64, len(names))
	order := make([]int, len(names))
	for i, n := range names {
		order[i] = i
		if st, err := os.Stat(specs[n].Path); err == nil {
			size[i] = st.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	return order
}
