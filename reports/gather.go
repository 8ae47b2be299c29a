package reports

import (
	"errors"
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
	var wg sync.WaitGroup
	for i, n := range names {
		spec, ok := specs[n]
		if !ok {
			errs[i] = &sources.SourceError{Source: n, Message: "cấu hình chưa khai báo nguồn này: thêm bảng [sources." + n + "] với path"}
			continue
		}
		wg.Go(func() { results[i], errs[i] = sources.Read(spec, p.Sources[n]) })
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
