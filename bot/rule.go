package bot

import (
	"fmt"
	"time"
)

// RuleTrigger is the moment an automatic message counts its days from.
type RuleTrigger string

// The triggers of a rule.
const (
	// TriggerStatus: when the student's application reached Rule.Status.
	TriggerStatus RuleTrigger = "status"
	// TriggerAttended: the end of an event (of Rule.EventKind, or any)
	// the student attended.
	TriggerAttended RuleTrigger = "attended"
	// TriggerFollow: when the student first became a candidate (followed
	// the LINE account, or first gave their details) — only for those who
	// have not applied.
	TriggerFollow RuleTrigger = "follow"
)

// Label names the trigger in Japanese.
func (t RuleTrigger) Label() string {
	switch t {
	case TriggerStatus:
		return "応募状況が変わってから"
	case TriggerAttended:
		return "イベントに出席してから"
	case TriggerFollow:
		return "友だち追加して応募していない学生に、追加から"
	}
	return string(t)
}

// Valid reports whether t is a known trigger.
func (t RuleTrigger) Valid() bool { return t.Label() != string(t) }

// RuleTriggers lists the triggers, for forms.
func RuleTriggers() []RuleTrigger {
	return []RuleTrigger{TriggerStatus, TriggerAttended, TriggerFollow}
}

// Rule is an automatic message: Days days after its trigger, Message goes
// to each student still in the segment (SegmentID; 0: anyone), once per
// student, never in the quiet hours. A rule counts only the moments due
// after it was switched on (EnabledAt), so switching one on does not
// message everyone who qualified in the past.
type Rule struct {
	ID        int64
	Name      string
	Trigger   RuleTrigger
	Status    Status    // TriggerStatus: the status
	EventKind EventKind // TriggerAttended: the kind of event; empty: any
	Days      int       // 0–60 days after the trigger
	SegmentID int64     // the student must be in this segment when it is sent; 0: anyone
	Message   Announcement
	Enabled   bool
	EnabledAt time.Time // when it was last switched on
	Quiet     QuietHours
	Version   int
	CreatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// QuietHours is a window of JST hours in which automatic messages wait:
// from Start (inclusive) to End (exclusive), across midnight when Start >
// End. Start == End: no quiet hours.
type QuietHours struct {
	Start int
	End   int
}

// DefaultQuietHours is no pushes between 21:00 and 8:00 JST.
var DefaultQuietHours = QuietHours{Start: 21, End: 8}

// Contains reports whether t falls in the quiet hours.
func (q QuietHours) Contains(t time.Time) bool {
	h := t.In(jst).Hour()
	switch {
	case q.Start == q.End:
		return false
	case q.Start < q.End:
		return h >= q.Start && h < q.End
	default:
		return h >= q.Start || h < q.End
	}
}

// String shows the window, e.g. 21:00〜8:00.
func (q QuietHours) String() string {
	if q.Start == q.End {
		return "なし"
	}
	return fmt.Sprintf("%d:00〜%d:00", q.Start, q.End)
}

// Limits of a rule.
const (
	MaxRuleDays = 60
	MaxRuleName = 60
)

// CleanRule tidies what staff typed.
func CleanRule(r *Rule) {
	r.Name = oneLine(r.Name)
	r.Message.clean()
	if r.Trigger != TriggerStatus {
		r.Status = ""
	}
	if r.Trigger != TriggerAttended {
		r.EventKind = ""
	}
}

// ValidateRule checks a rule as staff wrote it, the one validation every
// entry point uses; the error is an *OutreachError.
func ValidateRule(r Rule) error {
	f := map[string]string{}
	checkStaffText(f, "name", "名前", r.Name, MaxRuleName)
	if !r.Trigger.Valid() {
		f["trigger"] = "きっかけを一覧から選んでください。"
	}
	if r.Trigger == TriggerStatus && !r.Status.Valid() {
		f["status"] = "応募状況を一覧から選んでください。"
	}
	if r.EventKind != "" && !r.EventKind.Valid() {
		f["event_kind"] = "イベントの種類は「説明会」か「面談」を選んでください。"
	}
	if r.Days < 0 || r.Days > MaxRuleDays {
		f["days"] = fmt.Sprintf("日数は0〜%dで入力してください。", MaxRuleDays)
	}
	if r.SegmentID < 0 {
		f["segment"] = "セグメントを一覧から選んでください。"
	}
	if r.Quiet.Start < 0 || r.Quiet.Start > 23 || r.Quiet.End < 0 || r.Quiet.End > 23 {
		f["quiet"] = "送信しない時間帯は0〜23時で入力してください。"
	}
	r.Message.validate(f)
	if len(f) > 0 {
		return &OutreachError{Fields: f}
	}
	return nil
}

// RetryKey is the outbox retry key of the rule's message to the candidate
// (see Broadcast.RetryKey).
func (r Rule) RetryKey(candidateID int64) string {
	return nameUUID(fmt.Sprintf("sakebot rule %d %d %d", r.ID, r.CreatedAt.UnixMicro(), candidateID))
}
