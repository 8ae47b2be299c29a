package indicators

import (
	"runtime"
	"sort"
	"sync"

	"github.com/mn2010/baocao/sources"
)

// job is one count: run, over a table of rows rows.
type job struct {
	rows int
	run  func()
}

// runAll starts jobs on GOMAXPROCS goroutines, the largest tables first
// (the longest counts start early), and returns a func that waits for
// them all. A job's panic (a programming error) is raised again by wait,
// in the caller's goroutine, where a recover (the web page's) sees it.
func runAll(jobs []job) (wait func()) {
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].rows > jobs[b].rows })
	next := make(chan func(), len(jobs))
	for _, j := range jobs {
		next <- j.run
	}
	close(next)
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for run := range next {
				func() {
					defer func() {
						if v := recover(); v != nil {
							once.Do(func() { panicked = v })
						}
					}()
					run()
				}()
			}
		})
	}
	return func() {
		wg.Wait()
		if panicked != nil {
			panic(panicked)
		}
	}
}

// rows is t's number of rows, 0 for no table.
func rows(t *sources.Table) int {
	if t == nil {
		return 0
	}
	return t.Len()
}
