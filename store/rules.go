package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/sakemodel/sakebot/bot"
)

// ruleRow is a row of rules.
type ruleRow struct {
	ID         int64         `db:"id"`
	Name       string        `db:"name"`
	Trigger    string        `db:"trigger"`
	Status     string        `db:"status"`
	EventKind  string        `db:"event_kind"`
	Days       int           `db:"days"`
	SegmentID  sql.NullInt64 `db:"segment_id"` // NULL: anyone
	Text       string        `db:"text"`
	Buttons    string        `db:"buttons"` // JSON array of bot.ButtonKind
	Enabled    bool          `db:"enabled"`
	EnabledAt  timestamp     `db:"enabled_at"` // NULL: never switched on
	QuietStart int           `db:"quiet_start"`
	QuietEnd   int           `db:"quiet_end"`
	Version    int           `db:"version"`
	CreatedBy  string        `db:"created_by"`
	CreatedAt  timestamp     `db:"created_at"`
	UpdatedAt  timestamp     `db:"updated_at"`
}

// ruleColumns are the columns of rules, in ruleRow's order.
const ruleColumns = `id, name, trigger, status, event_kind, days, segment_id, text, buttons, enabled, enabled_at,
	quiet_start, quiet_end, version, created_by, created_at, updated_at`

// fromRule converts a rule for storage.
func fromRule(r bot.Rule) (ruleRow, error) {
	buttons, err := encodeButtons(r.Message.Buttons)
	if err != nil {
		return ruleRow{}, err
	}
	return ruleRow{ID: r.ID, Name: r.Name, Trigger: string(r.Trigger), Status: string(r.Status),
		EventKind: string(r.EventKind), Days: r.Days, SegmentID: sql.NullInt64{Int64: r.SegmentID, Valid: r.SegmentID > 0},
		Text: r.Message.Text, Buttons: buttons, Enabled: r.Enabled, EnabledAt: ts(r.EnabledAt),
		QuietStart: r.Quiet.Start, QuietEnd: r.Quiet.End, Version: r.Version, CreatedBy: r.CreatedBy,
		CreatedAt: ts(r.CreatedAt), UpdatedAt: ts(r.UpdatedAt)}, nil
}

// toRule converts a stored rule.
func toRule(r ruleRow) (bot.Rule, error) {
	buttons, err := decodeButtons(r.Buttons)
	if err != nil {
		return bot.Rule{}, fmt.Errorf("rule %d: %w", r.ID, err)
	}
	return bot.Rule{ID: r.ID, Name: r.Name, Trigger: bot.RuleTrigger(r.Trigger), Status: bot.Status(r.Status),
		EventKind: bot.EventKind(r.EventKind), Days: r.Days, SegmentID: r.SegmentID.Int64,
		Message: bot.Announcement{Text: r.Text, Buttons: buttons}, Enabled: r.Enabled, EnabledAt: r.EnabledAt.Time,
		Quiet: bot.QuietHours{Start: r.QuietStart, End: r.QuietEnd}, Version: r.Version, CreatedBy: r.CreatedBy,
		CreatedAt: r.CreatedAt.Time, UpdatedAt: r.UpdatedAt.Time}, nil
}

// toRules converts stored rules.
func toRules(rows []ruleRow) ([]bot.Rule, error) {
	out := make([]bot.Rule, len(rows))
	for i, r := range rows {
		rule, err := toRule(r)
		if err != nil {
			return nil, err
		}
		out[i] = rule
	}
	return out, nil
}

// ruleByIDSQL reads one rule.
const ruleByIDSQL = `SELECT ` + ruleColumns + ` FROM rules WHERE id = ?`

// Rule returns one rule, or bot.ErrNotFound.
func (t *Tx) Rule(ctx context.Context, id int64) (bot.Rule, error) {
	var r ruleRow
	if err := t.tx.GetContext(ctx, &r, t.tx.Rebind(ruleByIDSQL), id); err != nil {
		return bot.Rule{}, wrap(err, "rule %d", id)
	}
	return toRule(r)
}

// createRuleSQL creates a rule at version 1.
const createRuleSQL = `INSERT INTO rules (name, trigger, status, event_kind, days, segment_id, text, buttons, enabled,
	enabled_at, quiet_start, quiet_end, version, created_by, created_at, updated_at)
VALUES (:name, :trigger, :status, :event_kind, :days, :segment_id, :text, :buttons, :enabled,
	:enabled_at, :quiet_start, :quiet_end, 1, :created_by, :created_at, :updated_at)
RETURNING id`

// updateRuleSQL changes every field of a rule but its creation, if it is
// still at the version read.
const updateRuleSQL = `UPDATE rules SET name = :name, trigger = :trigger, status = :status, event_kind = :event_kind,
	days = :days, segment_id = :segment_id, text = :text, buttons = :buttons, enabled = :enabled,
	enabled_at = :enabled_at, quiet_start = :quiet_start, quiet_end = :quiet_end, version = version + 1,
	updated_at = :updated_at
WHERE id = :id AND version = :version`

// SaveRule creates the rule (ID 0: sets ID, Version 1, CreatedBy,
// CreatedAt) or updates every field but ID, CreatedBy and CreatedAt when
// r.Version is the stored version (bot.ErrConflict otherwise,
// bot.ErrNotFound when there is no such rule), on behalf of actor; it
// bumps r.Version, sets r.UpdatedAt and records action (create, edit,
// enable, disable) with the rule's name in the outreach audit trail.
func (t *Tx) SaveRule(ctx context.Context, r *bot.Rule, action, actor string) error {
	at := t.now()
	row, err := fromRule(*r)
	if err != nil {
		return err
	}
	row.UpdatedAt = ts(at)
	if r.ID == 0 {
		row.CreatedBy, row.CreatedAt = actor, ts(at)
		if err := namedGet(ctx, t.tx, &row.ID, createRuleSQL, row); err != nil {
			return wrap(err, "create rule")
		}
		r.ID, r.Version, r.CreatedBy, r.CreatedAt, r.UpdatedAt = row.ID, 1, actor, at, at
	} else {
		if err := t.updateVersioned(ctx, "rules", r.ID, r.Version, updateRuleSQL, row); err != nil {
			return err
		}
		r.Version, r.UpdatedAt = r.Version+1, at
	}
	return t.logOutreach(ctx, outreachRule, r.ID, actor, action, "「"+r.Name+"」", at)
}

// enabledRulesSQL selects the rules switched on, by id.
const enabledRulesSQL = `SELECT ` + ruleColumns + ` FROM rules WHERE enabled = TRUE ORDER BY id`

// EnabledRules returns the rules switched on, by id.
func (s *Store) EnabledRules(ctx context.Context) ([]bot.Rule, error) {
	var rows []ruleRow
	if err := s.db.SelectContext(ctx, &rows, enabledRulesSQL); err != nil {
		return nil, wrap(err, "enabled rules")
	}
	return toRules(rows)
}

// nextRuleRecipientsSQL selects the next candidates of a rule: those whose
// trigger happened in the window (%[1]s), who may be messaged (%[2]s:
// reachableSQL), whom the segment selects (%[3]s: its condition, or
// "1 = 1") and to whom the rule was not sent yet, by id.
const nextRuleRecipientsSQL = `SELECT ` + outreachCandidateColumns + ` FROM candidates c
WHERE %[1]s AND %[2]s AND %[3]s
	AND NOT EXISTS (SELECT 1 FROM rule_recipients r WHERE r.rule_id = ? AND r.candidate_id = c.id)
ORDER BY c.id LIMIT ?`

// NextRuleRecipients returns up to limit candidates, by id, whose trigger
// of r happened in [from, to], who may be messaged (as for
// NextBroadcastRecipients), whom f selects at now (nil: anyone), and to
// whom r was not sent yet. The trigger moments: TriggerStatus, when their
// newest application reached r.Status, if it still has it;
// TriggerAttended, the end of an event of r.EventKind (any when empty)
// they attended; TriggerFollow, when the candidate was created, if they
// never applied.
func (t *Tx) NextRuleRecipients(ctx context.Context, r bot.Rule, from, to time.Time, f *bot.SegmentFilter,
	now time.Time, limit int) ([]bot.Candidate, error) {
	if limit <= 0 {
		return nil, nil
	}
	trigger, args, err := ruleTriggerWhere(r, from, to)
	if err != nil {
		return nil, err
	}
	reach, reachArgs := reachable()
	args = append(args, reachArgs...)
	where := "1 = 1"
	if f != nil {
		var whereArgs []any
		where, whereArgs = segmentWhere(*f, now)
		args = append(args, whereArgs...)
	}
	args = append(args, r.ID, limit)
	var rows []candidateRow
	query := fmt.Sprintf(nextRuleRecipientsSQL, trigger, reach, where)
	if err := t.tx.SelectContext(ctx, &rows, t.tx.Rebind(query), args...); err != nil {
		return nil, wrap(err, "rule %d recipients", r.ID)
	}
	return toCandidates(rows), nil
}

// addRuleRecipientSQL records that a rule was sent to a candidate.
const addRuleRecipientSQL = `INSERT INTO rule_recipients (rule_id, candidate_id, outbox_id, at) VALUES (?, ?, ?, ?)`

// AddRuleRecipient records that the rule was sent to the candidate as the
// delivery deliveryID at at; a second record for the same pair is an
// error (bot.ErrConflict; the transaction must roll back).
func (t *Tx) AddRuleRecipient(ctx context.Context, ruleID, candidateID, deliveryID int64, at time.Time) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(addRuleRecipientSQL), ruleID, candidateID, deliveryID, ts(at))
	return wrap(err, "rule %d recipient %d", ruleID, candidateID)
}
