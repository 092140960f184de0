package webchat

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// Stream settings.
const (
	replayLines = 200              // lines a page without a cursor is shown
	pageLines   = 100              // lines read at a time after a cursor
	heartbeat   = 25 * time.Second // a comment line keeps proxies from closing an idle stream
	writeWait   = 30 * time.Second // one write may take this long
	retryMillis = 2000             // the browser reconnects after this long
)

// line is one line of the conversation as the page reads it.
type line struct {
	ID       int64       `json:"id"`
	From     string      `json:"from"` // "visitor" or "bot"
	ClientID string      `json:"client_id,omitempty"`
	Text     string      `json:"text,omitempty"`
	Replies  []bot.Reply `json:"replies,omitempty"`
	At       time.Time   `json:"at"`
}

func toLine(l bot.ChatLine) line {
	out := line{ID: l.ID, From: "visitor", ClientID: l.ClientID, Text: l.Text, Replies: l.Replies, At: l.At}
	if l.FromBot {
		out.From = "bot"
	}
	return out
}

// events streams the visitor's conversation (Server-Sent Events): the
// lines after the page's cursor (Last-Event-ID, sent by the browser when
// it reconnects) or, for a page without one, the last replayLines lines;
// then "ready"; then each new line as it is written, until the page goes.
func (h *Handler) events(w http.ResponseWriter, r *http.Request) {
	visitor, ok := h.caller(w, r)
	if !ok {
		return
	}
	after, err := cursor(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, msgBadRequest)
		return
	}
	addr := h.cfg.Proxies.Addr(r)
	if !h.streams.open(visitor, addr) {
		writeError(w, http.StatusTooManyRequests, msgStreams)
		return
	}
	defer h.streams.close(visitor, addr)
	wake, unsubscribe := h.cfg.Hub.subscribe(visitor) // before the replay: nothing written meanwhile is missed
	defer unsubscribe()
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Accel-Buffering", "no") // nginx: pass each event on at once
	s := &stream{w: w, rc: http.NewResponseController(w), after: after}
	if err := h.replay(r, s, visitor); err != nil {
		h.log.WarnContext(r.Context(), "web chat: replay", "err", err)
		return
	}
	h.follow(r, s, visitor, wake)
}

// cursor reads the page's cursor: Last-Event-ID, or ?after=.
func cursor(r *http.Request) (int64, error) {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("after")
	}
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad cursor %q", v)
	}
	return n, nil
}

// replay sends what the page has not seen, then "ready".
func (h *Handler) replay(r *http.Request, s *stream, visitor string) error {
	if err := s.raw(fmt.Sprintf("retry: %d\n\n", retryMillis)); err != nil {
		return err
	}
	if s.after == 0 {
		lines, err := h.cfg.Log.WebLastMessages(r.Context(), visitor, replayLines)
		if err != nil {
			return err
		}
		if err := s.lines(lines); err != nil {
			return err
		}
	}
	if err := h.catchUp(r, s, visitor); err != nil {
		return err
	}
	return s.raw("event: ready\ndata: {}\n\n")
}

// follow sends new lines when the Hub wakes the stream, and a heartbeat
// when nothing happens, until the page goes or the server stops.
func (h *Handler) follow(r *http.Request, s *stream, visitor string, wake <-chan struct{}) {
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		var err error
		select {
		case <-r.Context().Done():
			return
		case <-wake:
			err = h.catchUp(r, s, visitor)
		case <-beat.C:
			err = s.raw(": ping\n\n")
		}
		if err != nil {
			if r.Context().Err() == nil {
				h.log.DebugContext(r.Context(), "web chat: stream ended", "err", err)
			}
			return
		}
	}
}

// catchUp sends every line after the stream's cursor.
func (h *Handler) catchUp(r *http.Request, s *stream, visitor string) error {
	for {
		lines, err := h.cfg.Log.WebMessagesAfter(r.Context(), visitor, s.after, pageLines)
		if err != nil {
			return err
		}
		if err := s.lines(lines); err != nil || len(lines) < pageLines {
			return err
		}
	}
}

// stream writes events to one page.
type stream struct {
	w     http.ResponseWriter
	rc    *http.ResponseController
	after int64 // the last line sent
}

// lines sends lines as "line" events with their ids, moving the cursor.
func (s *stream) lines(lines []bot.ChatLine) error {
	for _, l := range lines {
		if l.ID <= s.after {
			continue
		}
		data, err := json.Marshal(toLine(l))
		if err != nil {
			return err
		}
		if err := s.raw(fmt.Sprintf("event: line\nid: %d\ndata: %s\n\n", l.ID, data)); err != nil {
			return err
		}
		s.after = l.ID
	}
	return nil
}

// raw writes one event and flushes it, with a deadline of its own (the
// server's WriteTimeout would end a long stream).
func (s *stream) raw(event string) error {
	if err := s.rc.SetWriteDeadline(time.Now().Add(writeWait)); err != nil {
		return err
	}
	if _, err := s.w.Write([]byte(event)); err != nil {
		return err
	}
	return s.rc.Flush()
}
