package reports

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Input describes one source file that went into a report.
type Input struct {
	Source string `json:"source"`
	Path   string `json:"path"`
	Sheet  string `json:"sheet,omitempty"` // the sheet read, when the config or a default names one
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
// unusable source at once. An optional source (the narrative) that specs
// leave out is read from its default sheet when that exists, and is
// otherwise absent from the Data: no table, no input.
func Gather(p *plan.Plan, specs map[string]sources.Spec, displayPath func(string) string) (*Data, error) {
	return GatherWith(p, specs, displayPath, sources.Read)
}

// GatherWith is Gather reading each source with read (a SourceCache's,
// for the page's data check).
func GatherWith(p *plan.Plan, specs map[string]sources.Spec, displayPath func(string) string, read ReadFunc) (*Data, error) {
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
		byDefault := false
		if !ok && p.Optional(n) {
			spec, byDefault = defaultSpec(p, specs)
			if !byDefault {
				continue
			}
		} else if !ok {
			errs[i] = &sources.SourceError{Source: n, Title: p.Sources[n].Title, Message: catalog.SrcUndeclared.F(n)}
			continue
		}
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			spec.Keep = p.Used(n)
			results[i], errs[i] = read(spec, p.Sources[n])
			if byDefault && errors.Is(errs[i], sources.ErrNoSheet) {
				results[i], errs[i] = nil, nil // the workbook has no such sheet: no narrative
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	d := &Data{Tables: map[string]*sources.Table{}}
	for i, n := range names {
		r := results[i]
		if r == nil {
			continue // an optional source not there
		}
		d.Tables[n] = r.Table
		spec, ok := specs[n]
		if !ok {
			spec, _ = defaultSpec(p, specs)
		}
		read := spec.Path
		if r.Path != "" {
			read = r.Path // the file a pattern or folder picked
		}
		d.Inputs = append(d.Inputs, Input{Source: n, Path: displayPath(read), Sheet: spec.Sheet, SHA256: r.SHA256, Bytes: r.Bytes})
		d.Issues = append(d.Issues, r.Issues...)
	}
	return d, nil
}

// defaultSpec is the narrative's spec when the config has none: the plan's
// default sheet of its default source's workbook. A CSV has no sheets, so
// there is none then.
func defaultSpec(p *plan.Plan, specs map[string]sources.Spec) (sources.Spec, bool) {
	n := p.Narrative
	base, ok := specs[n.DefaultSource]
	// A pattern or folder may pick another workbook for each schema: the
	// narrative then needs its own [sources] path.
	if n.DefaultSource == "" || !ok || !strings.EqualFold(filepath.Ext(base.Path), ".xlsx") || sources.IsPattern(base.Path) {
		return sources.Spec{}, false
	}
	return sources.Spec{Name: n.Source, Path: base.Path, Sheet: n.DefaultSheet, Limits: base.Limits}, true
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
