package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"github.com/sakemodel/sakebot/export"
)

// applicationsShown is how many applications the list shows; the CSV has
// them all.
const applicationsShown = 500

// applicationListView is what the list shows.
type applicationListView struct {
	Applications []bot.Application
	Status       bot.Status  // the filter, empty for all
	Channel      bot.Channel // the filter, empty for all
	Query        string
	CSVURL       string // the download of the same filter
	More         bool   // more match than are shown
}

// applicationView is what the detail page shows.
type applicationView struct {
	App    bot.Application
	Events []bot.ApplicationEvent
	Actors actorNames // who the events' actors are
}

// applicationFilter reads the list's filter from the query; an unknown
// status or channel means all.
func applicationFilter(r *http.Request) bot.ApplicationFilter {
	q := r.URL.Query()
	f := bot.ApplicationFilter{Status: bot.Status(q.Get("status")), Channel: bot.Channel(q.Get("channel")),
		Query: strings.TrimSpace(q.Get("q"))}
	if !f.Status.Valid() {
		f.Status = ""
	}
	if !f.Channel.Valid() {
		f.Channel = ""
	}
	return f
}

// filterQuery is the query string of a filter (without its limit), for
// links to the same selection.
func filterQuery(f bot.ApplicationFilter) url.Values {
	q := url.Values{}
	if f.Status != "" {
		q.Set("status", string(f.Status))
	}
	if f.Channel != "" {
		q.Set("channel", string(f.Channel))
	}
	if f.Query != "" {
		q.Set("q", f.Query)
	}
	return q
}

// applicationList shows the applications, newest first, filtered by
// status, channel and search words.
func (s *server) applicationList(w http.ResponseWriter, r *http.Request, sess session) {
	f := applicationFilter(r)
	f.Limit = applicationsShown + 1
	apps, err := s.store.ListApplications(r.Context(), f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := applicationListView{Applications: apps, Status: f.Status, Channel: f.Channel, Query: f.Query}
	if len(apps) > applicationsShown {
		v.Applications, v.More = apps[:applicationsShown], true
	}
	v.CSVURL = "/admin/applications.csv"
	if q := filterQuery(f); len(q) > 0 {
		v.CSVURL += "?" + q.Encode()
	}
	s.render(w, r, http.StatusOK, "applications", view{Title: "応募", Nav: "applications", CSRF: sess.csrf,
		Flash: flashOf(r), Data: v})
}

// applicationCSV downloads the applications of the list's filter, exactly
// as `sakebot applications export` writes them.
func (s *server) applicationCSV(w http.ResponseWriter, r *http.Request, sess session) {
	apps, err := s.store.ListApplications(r.Context(), applicationFilter(r))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition",
		`attachment; filename="applications-`+s.now().In(jst).Format("20060102")+`.csv"`)
	if err := export.CSV(w, apps); err != nil {
		s.log.ErrorContext(r.Context(), "admin: write applications csv", "err", err)
		return
	}
	s.log.InfoContext(r.Context(), "admin: applications downloaded", "count", len(apps))
}

// applicationDetail shows every field of an application, its audit trail
// and the status change.
func (s *server) applicationDetail(w http.ResponseWriter, r *http.Request, sess session) {
	s.renderApplication(w, r, sess, http.StatusOK, "")
}

// renderApplication shows the detail page with an error, if any.
func (s *server) renderApplication(w http.ResponseWriter, r *http.Request, sess session, status int, errMsg string) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		err = bot.ErrNotFound
	}
	var v applicationView
	if err == nil {
		v.App, err = s.store.Application(ctx, id)
	}
	if err == nil {
		v.Events, err = s.store.ApplicationEvents(ctx, id)
	}
	var staff []bot.Staff
	if err == nil {
		staff, err = s.store.ListStaff(ctx)
		v.Actors = namesOf(staff)
	}
	if err != nil {
		s.applicationGone(w, r, sess, err)
		return
	}
	s.render(w, r, status, "application", view{Title: v.App.Ref, Nav: "applications", CSRF: sess.csrf,
		Flash: flashOf(r), Error: errMsg, Data: v})
}

// applicationSetStatus moves an application to another status through the
// engine, recorded in its audit trail as done from this page: the
// recruiters' notice shows it and a candidate invited to an interview is
// told, as when staff click in Slack.
func (s *server) applicationSetStatus(w http.ResponseWriter, r *http.Request, sess session) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.applicationGone(w, r, sess, bot.ErrNotFound)
		return
	}
	to := bot.Status(r.PostFormValue("status"))
	if !to.Valid() {
		s.renderApplication(w, r, sess, http.StatusUnprocessableEntity, "変更後の選考状況を選んでください。")
		return
	}
	_, changed, err := s.desk.SetApplicationStatus(ctx, id, to, sess.actor())
	switch {
	case errors.Is(err, bot.ErrActiveApplication):
		s.renderApplication(w, r, sess, http.StatusConflict,
			"この方には選考中の別の応募があるため、この状況には変更できません。")
		return
	case err != nil:
		s.applicationGone(w, r, sess, err)
		return
	}
	if changed {
		s.log.InfoContext(ctx, "admin: application status changed", "application", id, "status", string(to))
	}
	redirect(w, r, "/admin/applications/"+strconv.FormatInt(id, 10)+"?msg=status")
}

// applicationGone answers 404 for an application that does not exist, 500
// for any other failure.
func (s *server) applicationGone(w http.ResponseWriter, r *http.Request, sess session, err error) {
	if errors.Is(err, bot.ErrNotFound) {
		s.renderError(w, r, http.StatusNotFound, sess, "この応募は見つかりませんでした。")
		return
	}
	s.serverError(w, r, err)
}
