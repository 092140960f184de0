package bot

import "time"

// AuditKind says which audit trail an AuditEntry comes from.
type AuditKind string

// The audit trails.
const (
	AuditApplication AuditKind = "application" // an application's status (application_events)
	AuditFAQ         AuditKind = "faq"         // FAQ entries and concepts
	AuditStaff       AuditKind = "staff"       // staff accounts
	AuditDeletion    AuditKind = "deletion"    // personal data deleted (forget, purge, expiry)
	AuditReply       AuditKind = "reply"       // a staff reply to a student in a handoff (Slack or the inbox)
	AuditEvent       AuditKind = "event"       // events (説明会, 面談) and their bookings (event_log)
	AuditSource      AuditKind = "source"      // sources (流入経路): created, edited, disabled (source_log)
	AuditOutreach    AuditKind = "outreach"    // segments, broadcasts and automatic messages (outreach_log)
)

// AuditKinds lists the trails, for filters.
func AuditKinds() []AuditKind {
	return []AuditKind{AuditApplication, AuditFAQ, AuditStaff, AuditDeletion, AuditReply, AuditEvent, AuditSource, AuditOutreach}
}

// Label names the trail for staff.
func (k AuditKind) Label() string {
	switch k {
	case AuditApplication:
		return "応募"
	case AuditFAQ:
		return "FAQ"
	case AuditStaff:
		return "アカウント"
	case AuditDeletion:
		return "削除"
	case AuditReply:
		return "返信"
	case AuditEvent:
		return "イベント"
	case AuditSource:
		return "流入経路"
	case AuditOutreach:
		return "配信"
	}
	return string(k)
}

// AuditEntry is one change in the whole audit log: who did what to what,
// and when.
type AuditEntry struct {
	At      time.Time
	Actor   string // "staff:12", a Slack user id, "admin", "cli", "candidate", …
	Kind    AuditKind
	Action  string // the trail's own word: status, created, deleted, forget, …
	Detail  string // e.g. the new status, the new role, the rows deleted
	Subject string // what was changed: an application's reference, a FAQ id, an account's name
}

// AuditFilter selects entries of the audit log: by any of Actors (a
// person may act as "staff:12" and as their Slack id), by Kind, by
// Subject (one FAQ entry's history), at most Limit (all when 0), newest
// first.
type AuditFilter struct {
	Actors  []string
	Kind    AuditKind
	Subject string
	Limit   int
}
