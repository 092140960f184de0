package bot

import "time"

// HandoffMessage is one line of a handoff's conversation as the engine
// keeps it, so that staff answering on the admin page see what was said
// in the Slack thread and the other way round: what the candidate said
// while the handoff was open, each staff reply (from the Slack thread or
// the admin page), and the bot's line when it closed.
type HandoffMessage struct {
	ID        int64
	HandoffID int64
	From      HandoffFrom
	// Staff is who wrote a staff reply or closed the handoff, as an
	// actor string: an admin page's actor ("admin", "staff:12") or a
	// Slack user id; empty for the candidate's lines.
	Staff string
	Text  string
	At    time.Time
}

// HandoffFrom says who a HandoffMessage is from.
type HandoffFrom string

// Who a HandoffMessage is from.
const (
	FromCandidate HandoffFrom = "candidate" // the candidate, relayed to staff
	FromStaff     HandoffFrom = "staff"     // a staff member, delivered to the candidate
	FromBot       HandoffFrom = "bot"       // the bot, about the handoff itself (it closed)
)

// closeLine is the bot's line in a handoff's conversation when by closed
// it.
func closeLine(by string) string {
	switch by {
	case ClosedByCandidate:
		return "候補者がボットの案内に戻りました。"
	case ClosedByTimeout:
		return "しばらくやり取りがなかったため、対応を終了しました。"
	}
	return "担当者が対応を終了しました。候補者には、ボットの案内に戻ったことを伝えました。"
}

// recordHandoffMessage keeps a line of h's conversation in the turn's
// transaction.
func (t *turn) recordHandoffMessage(id int64, from HandoffFrom, staff, text string) {
	t.fail(t.tx.AddHandoffMessage(t.ctx, &HandoffMessage{HandoffID: id, From: from, Staff: staff, Text: text, At: t.now}))
}
