package indicators

import (
	"sort"
)

// dossiers builds the dossiers-by-field table and the list of dossiers
// resolved late in the period.
func dossiers(in Input) ([]FieldStats, []LateDossier) {
	dt := in.Plan.DossierTable
	t := in.Tables[dt.Source]
	if t == nil {
		return nil, nil
	}
	id, grp, proc := t.Col(dt.ID), t.Col(dt.Group), t.Col(dt.Procedure)
	rec, due, ret, apo := t.Col(dt.Received), t.Col(dt.Due), t.Col(dt.Returned), t.Col(dt.Apology)
	p := in.Period
	groups := newGrouper(breakdownNamesFor(in, dt.Source, dt.Group))
	stats := map[string]*FieldStats{}
	var late []LateDossier
	for _, r := range t.Rows() {
		g := groups.key(r.Cell(grp).Text)
		s := stats[g]
		if s == nil {
			s = &FieldStats{}
			stats[g] = s
		}
		if p.Contains(r.Cell(rec).Date()) {
			s.Received++
		}
		resolvedBy := !r.Cell(ret).Empty && !r.Cell(ret).Date().After(p.To)
		if !r.Cell(rec).Date().After(p.To) && !resolvedBy {
			s.Pending++
			if r.Cell(due).Date().Before(p.To) {
				s.OverduePending++
			}
		}
		if r.Cell(ret).Empty || !p.Contains(r.Cell(ret).Date()) {
			continue
		}
		s.Resolved++
		if !r.Cell(ret).Date().After(r.Cell(due).Date()) {
			s.OnTime++
			continue
		}
		s.Late++
		late = append(late, LateDossier{ID: r.Cell(id).Text, Field: r.Cell(grp).Text, Procedure: r.Cell(proc).Text,
			Received: r.Cell(rec).Date(), Due: r.Cell(due).Date(), Returned: r.Cell(ret).Date(),
			DaysLate: int(r.Cell(ret).Date().Sub(r.Cell(due).Date()).Hours() / 24), Apology: r.Cell(apo).Date()})
	}
	var out []FieldStats
	var total FieldStats
	for _, k := range groups.order {
		s := stats[k]
		if *s == (FieldStats{}) {
			continue
		}
		s.Field = groups.name(k)
		s.Rate = rate(s.OnTime, s.Resolved)
		out = append(out, *s)
		total.Received += s.Received
		total.Resolved += s.Resolved
		total.OnTime += s.OnTime
		total.Late += s.Late
		total.Pending += s.Pending
		total.OverduePending += s.OverduePending
	}
	total.Field, total.Rate = Total, rate(total.OnTime, total.Resolved)
	sort.SliceStable(late, func(a, b int) bool { return late[a].Returned.Before(late[b].Returned) })
	return append(out, total), late
}

func rate(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	return ptr(float64(n) / float64(d))
}

// breakdownNamesFor returns the group names the plan knows for a column.
func breakdownNamesFor(in Input, source, column string) []string {
	for _, ind := range in.Plan.Indicators {
		if ind.Source == source && ind.Breakdown != nil && ind.Breakdown.Column == column {
			return breakdownNames(ind)
		}
	}
	return nil
}
