package admin

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// segmentRow is one segment of the list with who is in it now.
type segmentRow struct {
	bot.Segment
	Count    bot.SegmentCount
	Describe string // what the filter selects, in Japanese
}

// segmentListView is what the segments list shows.
type segmentListView struct {
	Rows []segmentRow
}

// segmentList shows the segments, each with what it selects and how many
// students it holds right now: all of them, those a message may go to,
// and of those, the ones on LINE (each costs one push of the quota).
func (s *server) segmentList(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	ctx := r.Context()
	segs, err := s.outreachReads.ListSegments(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	name, _, err := s.outreachSources(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([]segmentRow, 0, len(segs))
	for _, seg := range segs {
		n, err := s.outreach.CountSegment(ctx, seg.Filter)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		rows = append(rows, segmentRow{Segment: seg, Count: n, Describe: seg.Filter.Describe(name)})
	}
	s.render(w, r, http.StatusOK, "segments", view{Title: "セグメント", Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r),
		Data: segmentListView{Rows: rows}})
}

// outreachSources returns the sources staff may filter on and a function
// naming one by id (a source that is gone is named by its number); none
// when the sources pages are off.
func (s *server) outreachSources(ctx context.Context) (func(int64) string, []bot.Source, error) {
	var list []bot.Source
	if s.sources != nil {
		var err error
		if list, err = s.sources.ListSources(ctx); err != nil {
			return nil, nil, err
		}
	}
	byID := make(map[int64]string, len(list))
	for _, src := range list {
		byID[src.ID] = src.Name
	}
	name := func(id int64) string {
		if n, ok := byID[id]; ok {
			return n
		}
		return "流入経路 " + strconv.FormatInt(id, 10)
	}
	return name, list, nil
}

// segmentNames names every segment by id, for the broadcasts and the
// automatic messages, and returns them for their selects.
func (s *server) segmentNames(ctx context.Context) (map[int64]string, []bot.Segment, error) {
	segs, err := s.outreachReads.ListSegments(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[int64]string, len(segs))
	for _, seg := range segs {
		names[seg.ID] = seg.Name
	}
	return names, segs, nil
}

// segmentOf reads the segment of the path's {id}, answering itself (404,
// or 503 when the 配信 pages are off) when there is none (ok false).
func (s *server) segmentOf(w http.ResponseWriter, r *http.Request, sess session) (bot.Segment, bool) {
	if s.outreachOff(w, r, sess) {
		return bot.Segment{}, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.segmentGone(w, r, sess, bot.ErrNotFound)
		return bot.Segment{}, false
	}
	seg, err := s.outreachReads.SegmentByID(r.Context(), id)
	if err != nil {
		s.segmentGone(w, r, sess, err)
		return bot.Segment{}, false
	}
	return seg, true
}

// segmentGone answers a request about a segment that failed: 404 when
// there is no such segment, 500 otherwise.
func (s *server) segmentGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "このセグメントは見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}

// segmentEditURL is the editor of segment id.
func segmentEditURL(id int64) string { return "/admin/segments/" + strconv.FormatInt(id, 10) + "/edit" }
