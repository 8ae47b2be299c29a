package indicators

import (
	"cmp"
	"slices"
	"sort"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// dossiers builds the dossiers-by-field table and the list of dossiers
// resolved late in the period.
func dossiers(in Input) ([]FieldStats, []LateDossier) {
	dt := in.Plan.DossierTable
	t := in.Tables[dt.Source]
	if t == nil {
		return nil, nil
	}
	c := dossierColsOf(t, dt)
	grp, rec, due, ret := c.grp, c.rec, c.due, c.ret
	from, to := dayNumber(in.Period.From), dayNumber(in.Period.To)
	b := newBlock(t)
	field, received, dueOn, returned := b.codes(grp), b.days(rec), b.days(due), b.empty(ret)
	b.days(ret)
	groups := newGroupIDs(breakdownNamesFor(in, dt.Source, dt.Group), field.texts)
	spell := make([]int, len(field.texts)) // rows of each spelling of the field
	var stats []FieldStats                 // by group
	type lateRow struct {
		returned int64
		row      int
	}
	var late []lateRow // the late dossiers, by row
	for start := 0; start < t.Len(); start += blockLen {
		n := min(blockLen, t.Len()-start)
		b.load(start, n)
		for r := range n {
			code := field.codes[r]
			spell[code]++
			g := groups.of(code)
			for g >= len(stats) {
				stats = append(stats, FieldStats{})
			}
			s := &stats[g]
			rd, dd, rt := dayOf(received.days[r]), dayOf(dueOn.days[r]), dayOf(returned.days[r])
			if rd >= from && rd <= to {
				s.Received++
			}
			resolvedBy := !returned.empty[r] && rt <= to
			if rd <= to && !resolvedBy {
				s.Pending++
				if dd < to {
					s.OverduePending++
				}
			}
			if returned.empty[r] || rt < from || rt > to {
				continue
			}
			s.Resolved++
			if rt <= dd {
				s.OnTime++
				continue
			}
			s.Late++
			late = append(late, lateRow{returned: rt, row: start + r})
		}
	}
	spelling := make([]map[string]int, len(stats))
	for code, n := range spell {
		if n == 0 {
			continue
		}
		g := groups.byCode[code]
		if spelling[g] == nil {
			spelling[g] = map[string]int{}
		}
		spelling[g][field.texts[code]] += n
	}
	order := make([]int, len(stats)) // the groups, by key
	for g := range order {
		order[g] = g
	}
	sort.Slice(order, func(a, b int) bool { return groups.keys[order[a]] < groups.keys[order[b]] })
	var out []FieldStats
	var total FieldStats
	for _, g := range order {
		s := &stats[g]
		if *s == (FieldStats{}) {
			continue
		}
		s.Field = groups.name(g, spelling[g])
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
	// By the day returned, in row order within a day; each line is made
	// once sorted.
	slices.SortStableFunc(late, func(a, b lateRow) int { return cmp.Compare(a.returned, b.returned) })
	var lines []LateDossier // nil for none, as before
	if len(late) > 0 {
		lines = make([]LateDossier, 0, len(late))
	}
	for _, l := range late {
		lines = append(lines, c.late(t.Row(l.row)))
	}
	return append(out, total), lines
}

// dossierCols are the kept positions of the dossier table's columns.
type dossierCols struct{ id, grp, proc, rec, due, ret, apo int }

func dossierColsOf(t *sources.Table, dt plan.DossierTable) dossierCols {
	return dossierCols{id: t.Col(dt.ID), grp: t.Col(dt.Group), proc: t.Col(dt.Procedure),
		rec: t.Col(dt.Received), due: t.Col(dt.Due), ret: t.Col(dt.Returned), apo: t.Col(dt.Apology)}
}

// late is the line of the late dossier in row r.
func (c dossierCols) late(r sources.Row) LateDossier {
	return LateDossier{ID: r.Cell(c.id).Text, Field: r.Cell(c.grp).Text, Procedure: r.Cell(c.proc).Text,
		Received: r.Cell(c.rec).Date(), Due: r.Cell(c.due).Date(), Returned: r.Cell(c.ret).Date(),
		DaysLate: int(r.Cell(c.ret).Date().Sub(r.Cell(c.due).Date()).Hours() / 24), Apology: r.Cell(c.apo).Date()}
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
