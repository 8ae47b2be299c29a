package indicators

import "github.com/mn2010/baocao/sources"

// tasks shows each key task's latest progress row on or before the period
// end.
func tasks(in Input, out *Outcome) []TaskStatus {
	src := in.Plan.Tasks.Source
	rows := readDated(in, src, "task", out)
	t := in.Tables[src]
	var list []TaskStatus
	for _, task := range in.Plan.Tasks.Items {
		ts := TaskStatus{ID: task.ID, Title: task.Title, Status: NoUpdate}
		if d, ok := latest(rows, sources.Fold(task.ID), in.Period, func(dated) bool { return true }); ok {
			ts.Status = d.row.Cell(t.Col("status")).Text
			ts.Done = sources.Fold(ts.Status) == sources.Fold(in.Plan.Tasks.Done)
			ts.Result = d.row.Cell(t.Col("result")).Text
			ts.Period = d.label
		}
		list = append(list, ts)
	}
	return list
}
