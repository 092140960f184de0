package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// segmentForm is the segment editor's form: the segment as typed, with
// what is wrong, field by field (as bot.OutreachError names them).
type segmentForm struct {
	New       bool
	ID        int64
	Version   int // the version the editor started from
	Name      string
	Channels  []string
	Sources   []int64
	School    string
	GradYear  string
	Statuses  []string
	Applied   string
	Booked    string
	Attended  string
	EventKind string
	Active    string // active within N days
	Inactive  string // inactive for N days
	Errors    map[string]string
}

// presenceField is one yes/no/any condition of the editor.
type presenceField struct {
	Name   string // the form field
	Legend string
	Value  string
}

// segmentEditView is what the segment editor shows.
type segmentEditView struct {
	Form      segmentForm
	Presences []presenceField
	Channels  []bot.Channel
	Sources   []bot.Source
	Kinds     []bot.EventKind
	MaxName   int
	MaxDays   int
	// Count is who the filter selects now: the stored segment's when the
	// editor opens, what was typed after 「人数を確認」.
	Count    *bot.SegmentCount
	Describe string // what the counted filter selects
	Conflict *segmentConflict
}

// segmentConflict is the segment as someone else saved it while this one
// was edited.
type segmentConflict struct {
	bot.Segment
	Describe string
}

// segmentFormOf fills the form from a stored segment.
func segmentFormOf(seg bot.Segment) segmentForm {
	f := seg.Filter
	form := segmentForm{ID: seg.ID, Version: seg.Version, Name: seg.Name, Sources: f.Sources, School: f.School,
		Applied: string(f.Applied), Booked: string(f.Booked), Attended: string(f.Attended), EventKind: string(f.EventKind),
		GradYear: numberText(f.GradYear), Active: numberText(f.ActiveDays), Inactive: numberText(f.InactiveDays)}
	for _, c := range f.Channels {
		form.Channels = append(form.Channels, string(c))
	}
	for _, st := range f.Statuses {
		form.Statuses = append(form.Statuses, string(st))
	}
	return form
}

// numberText writes n for an input, empty for 0 (not set).
func numberText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// parseSegmentForm reads the posted editor.
func parseSegmentForm(r *http.Request) segmentForm {
	f := segmentForm{Name: formText(r, "name"), School: formText(r, "school"), GradYear: formText(r, "grad_year"),
		Applied: formText(r, "applied"), Booked: formText(r, "booked"), Attended: formText(r, "attended"),
		EventKind: formText(r, "event_kind"), Active: formText(r, "active_days"), Inactive: formText(r, "inactive_days"),
		Channels: formList(r, "channels"), Statuses: formList(r, "statuses")}
	for _, v := range formList(r, "sources") {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			f.Sources = append(f.Sources, id)
		}
	}
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	return f
}

// formList returns every posted value of a field (checkboxes), tidied,
// without empty ones.
func formList(r *http.Request, name string) []string {
	var out []string
	for _, v := range r.PostForm[name] {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// formNumber reads a number staff typed (full-width digits too); empty is
// 0. ok is false when it is no whole number.
func formNumber(s string) (int, bool) {
	s = strings.TrimSpace(toHalfWidthDigits(s))
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// segment returns the segment the form describes; f.Errors holds what is
// no number (the rest is bot's to check).
func (f *segmentForm) segment() bot.Segment {
	f.Errors = map[string]string{}
	sf := bot.SegmentFilter{Sources: f.Sources, School: f.School, Applied: bot.Presence(f.Applied),
		Booked: bot.Presence(f.Booked), Attended: bot.Presence(f.Attended), EventKind: bot.EventKind(f.EventKind)}
	for _, c := range f.Channels {
		sf.Channels = append(sf.Channels, bot.Channel(c))
	}
	for _, st := range f.Statuses {
		sf.Statuses = append(sf.Statuses, bot.Status(st))
	}
	var ok bool
	if sf.GradYear, ok = formNumber(f.GradYear); !ok {
		f.Errors["grad_year"] = "卒業年は西暦の数字で入力してください（例：2027）。"
	}
	active, okA := formNumber(f.Active)
	inactive, okI := formNumber(f.Inactive)
	if !okA || !okI {
		f.Errors["active_days"] = "日数は半角の数字で入力してください（例：30）。空欄なら指定しません。"
	}
	sf.ActiveDays, sf.InactiveDays = active, inactive
	return bot.Segment{ID: f.ID, Version: f.Version, Name: f.Name, Filter: sf}
}

// addErrors adds what bot says to fix, keeping the form's own message of
// a field when there is one.
func (f *segmentForm) addErrors(e *bot.OutreachError) {
	if f.Errors == nil {
		f.Errors = map[string]string{}
	}
	for field, msg := range e.Fields {
		if _, said := f.Errors[field]; !said {
			f.Errors[field] = msg
		}
	}
}

// segmentNew shows an empty editor.
func (s *server) segmentNew(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	s.renderSegmentEditor(w, r, sess, http.StatusOK, segmentEditView{Form: segmentForm{New: true}})
}

// segmentCreate stores a new segment and goes back to the list, where its
// count shows; 「人数を確認」 counts what was typed without saving it.
func (s *server) segmentCreate(w http.ResponseWriter, r *http.Request, sess session) {
	if s.outreachOff(w, r, sess) {
		return
	}
	form := parseSegmentForm(r)
	form.New, form.Version = true, 0
	s.saveSegment(w, r, sess, segmentEditView{Form: form}, "segment_created")
}

// segmentEdit shows the editor of a segment with who it holds now.
func (s *server) segmentEdit(w http.ResponseWriter, r *http.Request, sess session) {
	seg, ok := s.segmentOf(w, r, sess)
	if !ok {
		return
	}
	v := segmentEditView{Form: segmentFormOf(seg)}
	if !s.countInto(w, r, &v, seg.Filter) {
		return
	}
	s.renderSegmentEditor(w, r, sess, http.StatusOK, v)
}

// segmentUpdate saves an edit if nobody else saved the segment since the
// editor was opened; otherwise it shows the newer version above the edit,
// keeping what was typed.
func (s *server) segmentUpdate(w http.ResponseWriter, r *http.Request, sess session) {
	current, ok := s.segmentOf(w, r, sess)
	if !ok {
		return
	}
	form := parseSegmentForm(r)
	form.ID = current.ID
	s.saveSegment(w, r, sess, segmentEditView{Form: form}, "segment_saved")
}

// saveSegment saves the posted segment (or, for 「人数を確認」, counts it)
// and goes to the list with msg; when it is refused it shows the editor
// again with what to fix, or the newer version beside the edit.
func (s *server) saveSegment(w http.ResponseWriter, r *http.Request, sess session, v segmentEditView, msg string) {
	ctx := r.Context()
	seg := v.Form.segment()
	if len(v.Form.Errors) == 0 && r.PostFormValue("action") == "count" {
		bot.CleanSegment(&seg)
		var invalid *bot.OutreachError
		if err := bot.ValidateSegment(seg, s.now()); errors.As(err, &invalid) {
			v.Form.addErrors(invalid)
		} else if !s.countInto(w, r, &v, seg.Filter) {
			return
		}
		status := http.StatusOK
		if len(v.Form.Errors) > 0 {
			status = http.StatusUnprocessableEntity
		}
		s.renderSegmentEditor(w, r, sess, status, v)
		return
	}
	if len(v.Form.Errors) > 0 {
		s.renderSegmentEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	}
	err := s.outreach.SaveSegment(ctx, &seg, sess.actor())
	var invalid *bot.OutreachError
	switch {
	case errors.As(err, &invalid):
		v.Form.addErrors(invalid)
		s.renderSegmentEditor(w, r, sess, http.StatusUnprocessableEntity, v)
		return
	case errors.Is(err, bot.ErrConflict):
		latest, err := s.outreachReads.SegmentByID(ctx, v.Form.ID)
		if err != nil {
			s.segmentGone(w, r, sess, err)
			return
		}
		name, _, err := s.outreachSources(ctx)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Conflict = &segmentConflict{Segment: latest, Describe: latest.Filter.Describe(name)}
		v.Form.Version = latest.Version
		s.renderSegmentEditor(w, r, sess, http.StatusConflict, v)
		return
	case err != nil:
		s.segmentGone(w, r, sess, err)
		return
	}
	s.log.InfoContext(ctx, "admin: segment saved", "segment", seg.ID, "version", seg.Version)
	redirect(w, r, "/admin/segments?msg="+msg)
}

// countInto counts who f selects into v; false when it failed (answered).
func (s *server) countInto(w http.ResponseWriter, r *http.Request, v *segmentEditView, f bot.SegmentFilter) bool {
	ctx := r.Context()
	n, err := s.outreach.CountSegment(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return false
	}
	name, _, err := s.outreachSources(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return false
	}
	v.Count, v.Describe = &n, f.Describe(name)
	return true
}

// renderSegmentEditor shows the editor.
func (s *server) renderSegmentEditor(w http.ResponseWriter, r *http.Request, sess session, status int, v segmentEditView) {
	_, sources, err := s.outreachSources(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := v.Form
	v.Sources, v.MaxName, v.MaxDays = sources, bot.MaxSegmentName, bot.MaxSegmentDays
	v.Channels = []bot.Channel{bot.ChannelLINE, bot.ChannelSlack, bot.ChannelWeb}
	v.Kinds = []bot.EventKind{bot.EventSession, bot.EventInterview}
	v.Presences = []presenceField{
		{Name: "applied", Legend: "応募", Value: f.Applied},
		{Name: "booked", Legend: "イベントの予約（キャンセルを除く）", Value: f.Booked},
		{Name: "attended", Legend: "イベントへの出席", Value: f.Attended},
	}
	title := "セグメントを作成"
	if !f.New {
		title = "セグメントを編集"
	}
	s.render(w, r, status, "segment_form", view{Title: title, Nav: "outreach", CSRF: sess.csrf, Flash: flashOf(r), Data: v})
}

// segmentCountText says how many a segment holds, for the pages:
// 「合計 120名・配信できる 100名（うちLINE 80名）」.
func segmentCountText(n bot.SegmentCount) string {
	return fmt.Sprintf("合計 %d名・配信できる %d名（うちLINE %d名）", n.Total, n.Reachable, n.OnLINE)
}
