package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sakemodel/sakebot/jpinput"
)

// Segment is a saved filter over the candidates, named by staff: the
// students a broadcast or an automatic message goes to. Who is in it is
// worked out when it is used, so it follows the students as they change.
type Segment struct {
	ID        int64
	Name      string
	Filter    SegmentFilter
	Version   int // bumped by every save; a stale edit is refused
	CreatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SegmentFilter is what a Segment selects. Every condition set must hold;
// an empty filter selects every candidate. School, graduation and status
// are read from the candidate's newest application, so they select only
// students who applied.
type SegmentFilter struct {
	Channels  []Channel `json:"channels,omitempty"`   // any of these channels
	Sources   []int64   `json:"sources,omitempty"`    // arrived with any of these sources (first or later)
	School    string    `json:"school,omitempty"`     // part of the school name, e.g. 北見工業大学
	GradYear  int       `json:"grad_year,omitempty"`  // year of (expected) graduation, e.g. 2027
	Statuses  []Status  `json:"statuses,omitempty"`   // newest application in any of these statuses
	Applied   Presence  `json:"applied,omitempty"`    // has (yes) or has not (no) applied, ever
	Booked    Presence  `json:"booked,omitempty"`     // holds or held a booking of an event (not cancelled)
	Attended  Presence  `json:"attended,omitempty"`   // attended an event
	EventKind EventKind `json:"event_kind,omitempty"` // Booked and Attended count events of this kind only
	// ActiveDays selects students who wrote to the bot within the last
	// ActiveDays days; InactiveDays those who have not for InactiveDays
	// days (or never did). 0: any.
	ActiveDays   int `json:"active_days,omitempty"`
	InactiveDays int `json:"inactive_days,omitempty"`
}

// Presence is a yes/no condition of a filter that may also be unset.
type Presence string

// The values of a Presence.
const (
	PresenceAny Presence = ""
	PresenceYes Presence = "yes"
	PresenceNo  Presence = "no"
)

// Valid reports whether p is a known value.
func (p Presence) Valid() bool { return p == PresenceAny || p == PresenceYes || p == PresenceNo }

// SegmentCount is how many students a segment holds right now.
type SegmentCount struct {
	Total     int // every candidate the filter selects
	Reachable int // of them, those a message may go to: not blocked, not 配信停止
	OnLINE    int // of the reachable, those on LINE (each costs one push of the quota)
}

// Limits of a segment as staff write it.
const (
	MaxSegmentName = 60
	MaxSegmentDays = 3650
)

// OutreachError is why staff's segment, broadcast or rule was refused:
// one polite Japanese message per field of the form.
type OutreachError struct {
	Fields map[string]string
}

// Error lists the messages, in a stable order.
func (e *OutreachError) Error() string { return fieldMessages(e.Fields) }

// CleanSegment tidies the text staff typed: the name and the school on
// one line, lists without repeats.
func CleanSegment(s *Segment) {
	s.Name = oneLine(s.Name)
	s.Filter.School = oneLine(s.Filter.School)
	s.Filter.Channels = uniq(s.Filter.Channels)
	s.Filter.Sources = uniq(s.Filter.Sources)
	s.Filter.Statuses = uniq(s.Filter.Statuses)
}

// ValidateSegment checks a segment as staff wrote it, the one validation
// every entry point uses; the error is an *OutreachError.
func ValidateSegment(s Segment, now time.Time) error {
	f := map[string]string{}
	checkStaffText(f, "name", "名前", s.Name, MaxSegmentName)
	validateFilter(s.Filter, now, f)
	if len(f) > 0 {
		return &OutreachError{Fields: f}
	}
	return nil
}

// validateFilter adds the filter's problems to f.
func validateFilter(sf SegmentFilter, now time.Time, f map[string]string) {
	for _, c := range sf.Channels {
		if c != ChannelLINE && c != ChannelSlack && c != ChannelWeb {
			f["channels"] = "チャネルは LINE・Slack・Webチャットから選んでください。"
		}
	}
	for _, st := range sf.Statuses {
		if !st.Valid() {
			f["statuses"] = "応募状況は一覧から選んでください。"
		}
	}
	if y := now.In(jst).Year(); sf.GradYear != 0 && (sf.GradYear < y-10 || sf.GradYear > y+6) {
		f["grad_year"] = fmt.Sprintf("卒業年は%d〜%dの西暦で入力してください。", y-10, y+6)
	}
	if utf8.RuneCountInString(sf.School) > MaxSegmentName {
		f["school"] = fmt.Sprintf("学校名は%d文字以内で入力してください。", MaxSegmentName)
	}
	if !sf.Applied.Valid() || !sf.Booked.Valid() || !sf.Attended.Valid() {
		f["applied"] = "条件は「指定しない」「あり」「なし」から選んでください。"
	}
	if sf.EventKind != "" && sf.EventKind != EventSession && sf.EventKind != EventInterview {
		f["event_kind"] = "イベントの種類は「説明会」か「面談」を選んでください。"
	}
	if sf.ActiveDays < 0 || sf.ActiveDays > MaxSegmentDays || sf.InactiveDays < 0 || sf.InactiveDays > MaxSegmentDays {
		f["active_days"] = fmt.Sprintf("日数は0〜%dで入力してください。", MaxSegmentDays)
	}
}

// Describe says in Japanese what the filter selects, for the admin pages.
// sourceName names a source by id.
func (sf SegmentFilter) Describe(sourceName func(int64) string) string {
	var parts []string
	if len(sf.Channels) > 0 {
		names := make([]string, len(sf.Channels))
		for i, c := range sf.Channels {
			names[i] = c.Label()
		}
		parts = append(parts, "チャネル: "+strings.Join(names, "・"))
	}
	if len(sf.Sources) > 0 {
		names := make([]string, len(sf.Sources))
		for i, id := range sf.Sources {
			names[i] = sourceName(id)
		}
		parts = append(parts, "流入経路: "+strings.Join(names, "・"))
	}
	if sf.School != "" {
		parts = append(parts, "学校名に「"+sf.School+"」を含む")
	}
	if sf.GradYear != 0 {
		parts = append(parts, fmt.Sprintf("%d年卒業（見込み）", sf.GradYear))
	}
	if len(sf.Statuses) > 0 {
		names := make([]string, len(sf.Statuses))
		for i, st := range sf.Statuses {
			names[i] = st.Label()
		}
		parts = append(parts, "応募状況: "+strings.Join(names, "・"))
	}
	kind := "イベント"
	if sf.EventKind != "" {
		kind = sf.EventKind.Label()
	}
	parts = appendPresence(parts, sf.Applied, "応募あり", "応募なし")
	parts = appendPresence(parts, sf.Booked, kind+"の予約あり", kind+"の予約なし")
	parts = appendPresence(parts, sf.Attended, kind+"に出席あり", kind+"に出席なし")
	if sf.ActiveDays > 0 {
		parts = append(parts, fmt.Sprintf("%d日以内にメッセージあり", sf.ActiveDays))
	}
	if sf.InactiveDays > 0 {
		parts = append(parts, fmt.Sprintf("%d日以上メッセージなし", sf.InactiveDays))
	}
	if len(parts) == 0 {
		return "すべての学生"
	}
	return strings.Join(parts, "、")
}

// appendPresence adds yes or no to parts when p is set.
func appendPresence(parts []string, p Presence, yes, no string) []string {
	switch p {
	case PresenceYes:
		return append(parts, yes)
	case PresenceNo:
		return append(parts, no)
	}
	return parts
}

// oneLine tidies staff text that belongs on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(jpinput.CleanText(s)), " ")
}

// uniq returns xs without repeats, in their first order (nil for none).
func uniq[T comparable](xs []T) []T {
	var out []T
	seen := map[T]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
