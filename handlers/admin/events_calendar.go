package admin

import (
	"context"
	"net/http"
	"net/url"
)

// CalendarFeed keeps the secret in the address of the staff calendar feed
// (an iCalendar feed of every booking that Google Calendar and Outlook
// subscribe to, served by handlers/calendar); *store.Store implements it.
type CalendarFeed interface {
	// CalendarFeedSecret returns the feed's current secret, making one
	// the first time.
	CalendarFeedSecret(ctx context.Context) (string, error)
	// RotateCalendarFeedSecret replaces the secret, so the old address
	// stops working at once on every replica; it returns the new secret.
	RotateCalendarFeedSecret(ctx context.Context) (string, error)
}

// calendarFeedPath is where the feed of secret is served (handlers/calendar).
func calendarFeedPath(secret string) string {
	return "/calendar/feed/" + url.PathEscape(secret) + ".ics"
}

// calendarFeedView is the staff calendar feed's card.
type calendarFeedView struct {
	On  bool   // the feed is served
	URL string // its address
}

// calendarFeed describes the feed for the page: its address on
// Config.SiteURL, else on the site the request came to.
func (s *server) calendarFeed(r *http.Request) (calendarFeedView, error) {
	if s.calendar == nil {
		return calendarFeedView{}, nil
	}
	secret, err := s.calendar.CalendarFeedSecret(r.Context())
	if err != nil {
		return calendarFeedView{}, err
	}
	return calendarFeedView{On: true, URL: s.siteURL(r) + calendarFeedPath(secret)}, nil
}

// siteURL is the site's address without a trailing slash: Config.SiteURL,
// else the scheme and host the request came with.
func (s *server) siteURL(r *http.Request) string {
	if s.site != "" {
		return s.site
	}
	scheme := "http"
	if s.proxies.IsHTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// calendarRotate issues a new secret for the staff feed (管理者 only):
// anyone who kept the old address loses it.
func (s *server) calendarRotate(w http.ResponseWriter, r *http.Request, sess session) {
	if s.calendar == nil {
		s.renderError(w, r, http.StatusNotFound, sess, "カレンダーの配信は設定されていません。")
		return
	}
	ctx := r.Context()
	if _, err := s.calendar.RotateCalendarFeedSecret(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.InfoContext(ctx, "admin: calendar feed secret rotated", "actor", sess.actor())
	back := localNext(r.PostFormValue("next"))
	if back == "/admin/" {
		back = "/admin/events"
	}
	u, _ := url.Parse(back)
	q := u.Query()
	q.Set("msg", "feed_rotated")
	u.RawQuery = q.Encode()
	redirect(w, r, u.String()+"#calendar-feed")
}
