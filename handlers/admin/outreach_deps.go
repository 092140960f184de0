package admin

import (
	"context"
	"maps"
	"net/http"

	"github.com/sakemodel/sakebot/bot"
)

// OutreachDesk changes segments, broadcasts and automatic messages
// (配信) through the domain, which validates them, checks the LINE quota
// and records every change in the audit trail; *bot.Outreach has it.
type OutreachDesk interface {
	// SaveSegment validates s (a *bot.OutreachError says what to fix, field
	// by field) and creates it (ID 0) or updates it if s.Version is still
	// the stored one (bot.ErrConflict otherwise), on behalf of actor.
	SaveSegment(ctx context.Context, s *bot.Segment, actor string) error
	// CountSegment counts the students f selects right now.
	CountSegment(ctx context.Context, f bot.SegmentFilter) (bot.SegmentCount, error)
	// SaveBroadcast validates b and creates it as a draft (ID 0) or updates
	// a draft or held one (bot.ErrBroadcastStarted otherwise), with the
	// version check of SaveSegment.
	SaveBroadcast(ctx context.Context, b *bot.Broadcast, actor string) error
	// SendBroadcast schedules a draft or held broadcast, checked against
	// quota (nil: not checked): a *bot.QuotaError when it needs more LINE
	// pushes than are left and no 管理者 allowed that.
	SendBroadcast(ctx context.Context, req bot.SendRequest, quota bot.Quota) error
	// CancelBroadcast cancels a broadcast not sent entirely, reporting how
	// many of its waiting messages were dropped.
	CancelBroadcast(ctx context.Context, id int64, actor string) (int, error)
	// TestBroadcast queues the broadcast's message, marked as a test, to
	// one staff member's own chat.
	TestBroadcast(ctx context.Context, id int64, to bot.UserKey) error
	// SaveRule validates r and creates or updates it, with the version
	// check of SaveSegment.
	SaveRule(ctx context.Context, r *bot.Rule, actor string) error
	// SetRuleEnabled switches an automatic message on or off.
	SetRuleEnabled(ctx context.Context, id int64, on bool, actor string) error
}

// OutreachReads is what the 配信 pages read (*store.Store implements it);
// changes go through OutreachDesk.
type OutreachReads interface {
	// ListSegments returns every segment, newest first.
	ListSegments(ctx context.Context) ([]bot.Segment, error)
	// SegmentByID returns one segment, or bot.ErrNotFound.
	SegmentByID(ctx context.Context, id int64) (bot.Segment, error)
	// ListBroadcasts returns up to limit broadcasts, newest first.
	ListBroadcasts(ctx context.Context, limit int) ([]bot.Broadcast, error)
	// BroadcastByID returns one broadcast, or bot.ErrNotFound.
	BroadcastByID(ctx context.Context, id int64) (bot.Broadcast, error)
	// BroadcastStats says how a broadcast went.
	BroadcastStats(ctx context.Context, id int64) (bot.BroadcastStats, error)
	// ListRules returns every automatic message.
	ListRules(ctx context.Context) ([]bot.Rule, error)
	// RuleByID returns one automatic message, or bot.ErrNotFound.
	RuleByID(ctx context.Context, id int64) (bot.Rule, error)
	// RuleSentCounts returns how many students each rule was sent to, by
	// rule id (rules sent to nobody may be left out).
	RuleSentCounts(ctx context.Context) (map[int64]int, error)
}

// outreachFlashes are the notices of the 配信 pages (see flashes).
var outreachFlashes = map[string]string{
	"segment_created":         "セグメントを作成しました。一斉配信や自動メッセージの送信先に選べます。",
	"segment_saved":           "セグメントを保存しました。",
	"broadcast_created":       "下書きを保存しました。LINEでの見え方を確認し、テスト送信のうえ送信してください。",
	"broadcast_saved":         "下書きを保存しました。",
	"broadcast_tested":        "テスト送信しました。まもなくあなたのSlackのDMに届きます。",
	"broadcast_scheduled":     "送信を予約しました。指定の日時になると送信を始めます。",
	"broadcast_sending":       "送信を受け付けました。まもなく送信を始めます（このページを再読み込みすると進み具合が分かります）。",
	"broadcast_cancelled":     "配信を中止しました。",
	"broadcast_cancelled_mid": "配信を中止しました。送信待ちのメッセージは取り消しました（送信済みのものは取り消せません）。",
	"rule_created":            "自動メッセージを作成しました。",
	"rule_saved":              "自動メッセージを保存しました。",
	"rule_enabled":            "自動メッセージを有効にしました。これから条件を満たした学生に送ります（過去に条件を満たした学生には送りません）。",
	"rule_disabled":           "自動メッセージを停止しました。",
}

func init() { maps.Copy(flashes, outreachFlashes) }

// outreachOff answers 503 with a message when the 配信 pages are not wired
// (true: the caller stops).
func (s *server) outreachOff(w http.ResponseWriter, r *http.Request, sess session) bool {
	if s.outreach != nil && s.outreachReads != nil {
		return false
	}
	s.renderError(w, r, http.StatusServiceUnavailable, sess, "配信の機能はこのサーバーでは使えません。管理者にお問い合わせください。")
	return true
}
