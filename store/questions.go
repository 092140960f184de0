package store

import (
	"context"

	"github.com/sakemodel/sakebot/bot"
)

// recordQuestionSQL counts one question asked; its text is not kept.
const recordQuestionSQL = `INSERT INTO question_log (at, channel, outcome, faq_id) VALUES (?, ?, ?, ?)`

// RecordQuestion counts a question asked with its outcome ("answered",
// "ambiguous", "missed") and the entry that answered it.
func (t *Tx) RecordQuestion(ctx context.Context, channel bot.Channel, outcome, faqID string) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(recordQuestionSQL), ts(t.now()), string(channel), outcome, faqID)
	return wrap(err, "record question")
}
