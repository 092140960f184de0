package admin

import (
	"context"
	"sort"
)

// dashboardSources is how many sources the dashboard's card shows: those
// that brought the most students.
const dashboardSources = 5

// sourcesCard is the dashboard's card of the sources.
type sourcesCard struct {
	On    bool        // the sources pages are wired
	Rows  []sourceRow // the sources that brought the most students, most first
	Count int         // every source
}

// dashboardSourcesCard returns the sources that brought the most
// students with what those students did.
func (s *server) dashboardSourcesCard(ctx context.Context) (sourcesCard, error) {
	if s.sources == nil {
		return sourcesCard{}, nil
	}
	rows, _, err := s.sourceRows(ctx)
	if err != nil {
		return sourcesCard{}, err
	}
	card := sourcesCard{On: true, Count: len(rows)}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Students > rows[j].Students })
	card.Rows = rows[:min(len(rows), dashboardSources)]
	return card, nil
}
