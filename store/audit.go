package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/sakemodel/sakebot/bot"
)

// auditSQL is the whole audit log: every trail in one shape. %s is the
// filter; the application's reference, the account's name and the
// handoff's number say what was changed (a deleted application's events
// go with it; a reply's text is not repeated here; an event's entries name
// the event by its id, a source's its code, an outreach entry (配信) its
// segment, broadcast or rule as kind:id, e.g. broadcast:3).
const auditSQL = `SELECT at, actor, kind, action, detail, subject FROM (
	SELECT e.at, e.actor, 'application' AS kind, e.action, e.to_value AS detail, a.ref AS subject
		FROM application_events e JOIN applications a ON a.id = e.application_id
	UNION ALL
	SELECT at, actor, 'faq', action, CAST(version AS TEXT), faq_id FROM faq_events
	UNION ALL
	SELECT se.at, se.actor, 'staff', se.action, se.detail, s.name FROM staff_events se JOIN staff s ON s.id = se.staff_id
	UNION ALL
	SELECT at, actor, 'deletion', action, CAST(row_count AS TEXT), '' FROM deletion_log
	UNION ALL
	SELECT at, staff, 'reply', 'reply', '', CAST(handoff_id AS TEXT) FROM handoff_messages WHERE sender = 'staff'
	UNION ALL
	SELECT at, actor, 'event', action, detail, CAST(event_id AS TEXT) FROM event_log
	UNION ALL
	SELECT l.at, l.actor, 'source', l.action, l.detail, s.code FROM source_log l JOIN sources s ON s.id = l.source_id
	UNION ALL
	SELECT at, actor, 'outreach', action, detail, kind || ':' || CAST(ref_id AS TEXT) FROM outreach_log
) log %s ORDER BY at DESC`

// auditRow is a row of auditSQL.
type auditRow struct {
	At      timestamp `db:"at"`
	Actor   string    `db:"actor"`
	Kind    string    `db:"kind"`
	Action  string    `db:"action"`
	Detail  string    `db:"detail"`
	Subject string    `db:"subject"`
}

// AuditLog returns the entries of every audit trail that f selects,
// newest first.
func (s *Store) AuditLog(ctx context.Context, f bot.AuditFilter) ([]bot.AuditEntry, error) {
	var where []string
	var args []any
	if len(f.Actors) > 0 {
		where = append(where, "actor IN (?"+strings.Repeat(", ?", len(f.Actors)-1)+")")
		for _, a := range f.Actors {
			args = append(args, a)
		}
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, string(f.Kind))
	}
	if f.Subject != "" {
		where, args = append(where, "subject = ?"), append(args, f.Subject)
	}
	filter := ""
	if len(where) > 0 {
		filter = "WHERE " + strings.Join(where, " AND ")
	}
	query := fmt.Sprintf(auditSQL, filter)
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	var rows []auditRow
	if err := s.db.SelectContext(ctx, &rows, s.db.Rebind(query), args...); err != nil {
		return nil, wrap(err, "audit log")
	}
	out := make([]bot.AuditEntry, len(rows))
	for i, r := range rows {
		out[i] = bot.AuditEntry{At: r.At.Time, Actor: r.Actor, Kind: bot.AuditKind(r.Kind), Action: r.Action,
			Detail: r.Detail, Subject: r.Subject}
	}
	return out, nil
}
