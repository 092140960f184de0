package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sakemodel/sakebot/bot"
)

// broadcastListLimit is how many broadcasts the list shows, newest first.
const broadcastListLimit = 100

// broadcastRow is one broadcast of the list.
type broadcastRow struct {
	bot.Broadcast
	Segment string
	Stats   *bot.BroadcastStats // nil: it has not started
}

// broadcastListView is what the broadcasts list shows.
type broadcastListView struct {
	Rows  []broadcastRow
	Limit int
}

// broadcastList shows the broadcasts, newest first: title, segment,
// state, when it goes (JST), and for those started how many messages were
// sent, failed and how many students replied.
func (s *server) broadcastList(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	ctx := r.Context()
	list, err := s.outreachReads.ListBroadcasts(ctx, broadcastListLimit)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	names, _, err := s.segmentNames(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rows := make([]broadcastRow, 0, len(list))
	for _, b := range list {
		row := broadcastRow{Broadcast: b, Segment: names[b.SegmentID]}
		if started(b) {
			st, err := s.outreachReads.BroadcastStats(ctx, b.ID)
			if err != nil {
				s.serverError(w, r, err)
				return
			}
			row.Stats = &st
		}
		rows = append(rows, row)
	}
	s.render(w, r, http.StatusOK, "broadcasts", view{Title: "一斉配信", Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r),
		Data: broadcastListView{Rows: rows, Limit: broadcastListLimit}})
}

// started reports whether a broadcast began to be queued (its stats mean
// something).
func started(b bot.Broadcast) bool {
	return b.State == bot.BroadcastSending || b.State == bot.BroadcastSent || !b.StartedAt.IsZero()
}

// editable reports whether a broadcast may still be edited and sent: a
// draft, or one held back for the LINE quota.
func editable(b bot.Broadcast) bool {
	return b.State == bot.BroadcastDraft || b.State == bot.BroadcastHeld
}

// cancellable reports whether 中止 applies: it is scheduled, held or
// being sent.
func cancellable(b bot.Broadcast) bool {
	return b.State == bot.BroadcastScheduled || b.State == bot.BroadcastHeld || b.State == bot.BroadcastSending
}

// broadcastOf reads the broadcast of the path's {id}, answering itself
// (404, or 503 when the 配信 pages are off) when there is none (ok false).
func (s *server) broadcastOf(w http.ResponseWriter, r *http.Request, sess session) (bot.Broadcast, bool) {
	if s.outreachOff(w, r, sess) {
		return bot.Broadcast{}, false
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.broadcastGone(w, r, sess, bot.ErrNotFound)
		return bot.Broadcast{}, false
	}
	b, err := s.outreachReads.BroadcastByID(r.Context(), id)
	if err != nil {
		s.broadcastGone(w, r, sess, err)
		return bot.Broadcast{}, false
	}
	return b, true
}

// broadcastGone answers a request about a broadcast that failed: 404 when
// there is no such broadcast, 409 when it can no longer be changed, 500
// otherwise.
func (s *server) broadcastGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	switch {
	case errors.Is(err, bot.ErrNotFound):
		s.renderError(w, r, http.StatusNotFound, sess, "この配信は見つかりませんでした。")
	case errors.Is(err, bot.ErrBroadcastStarted):
		s.renderError(w, r, http.StatusConflict, sess, "この配信はすでに送信の予約・送信・中止がされているため、変更できません。配信のページで状態をご確認ください。")
	default:
		s.serverError(w, r, err)
	}
}

// broadcastURL is the page of broadcast id.
func broadcastURL(id int64) string { return "/admin/broadcasts/" + strconv.FormatInt(id, 10) }
