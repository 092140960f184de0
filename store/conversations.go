package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sakemodel/sakebot/bot"
)

// conversationRow is a row of conversations.
type conversationRow struct {
	Channel   string    `db:"channel"`
	UserID    string    `db:"user_id"`
	Mode      string    `db:"mode"`
	Step      string    `db:"step"`
	Answers   string    `db:"answers"` // JSON object
	Resume    string    `db:"resume"`
	Misses    int       `db:"misses"`
	Version   int       `db:"version"`
	UpdatedAt timestamp `db:"updated_at"`
}

// fromConversation converts a conversation for storage.
func fromConversation(c bot.Conversation) (conversationRow, error) {
	answers := []byte("{}")
	if len(c.Answers) > 0 {
		var err error
		if answers, err = json.Marshal(c.Answers); err != nil {
			return conversationRow{}, fmt.Errorf("store: conversation answers: %w", err)
		}
	}
	return conversationRow{
		Channel: string(c.Key.Channel), UserID: c.Key.UserID,
		Mode: string(c.Mode), Step: string(c.Step), Answers: string(answers),
		Resume: string(c.Resume), Misses: c.Misses, Version: c.Version, UpdatedAt: ts(c.UpdatedAt),
	}, nil
}

// toConversation converts a stored conversation. Answers is never nil.
func toConversation(r conversationRow) (bot.Conversation, error) {
	answers := map[bot.Field]string{}
	if r.Answers != "" {
		if err := json.Unmarshal([]byte(r.Answers), &answers); err != nil {
			return bot.Conversation{}, fmt.Errorf("store: conversation answers: %w", err)
		}
	}
	return bot.Conversation{
		Key:  bot.UserKey{Channel: bot.Channel(r.Channel), UserID: r.UserID},
		Mode: bot.Mode(r.Mode), Step: bot.Field(r.Step), Answers: answers,
		Resume: bot.Mode(r.Resume), Misses: r.Misses, Version: r.Version, UpdatedAt: r.UpdatedAt.Time,
	}, nil
}

// conversationSQL selects one user's conversation.
const conversationSQL = `SELECT channel, user_id, mode, step, answers, resume, misses, version,
	updated_at FROM conversations WHERE channel = ? AND user_id = ?`

// Conversation returns the user's conversation, or bot.ErrNotFound.
func (t *Tx) Conversation(ctx context.Context, key bot.UserKey) (bot.Conversation, error) {
	var r conversationRow
	err := t.tx.GetContext(ctx, &r, t.tx.Rebind(conversationSQL), string(key.Channel), key.UserID)
	if err != nil {
		return bot.Conversation{}, wrap(err, "conversation %s:%s", key.Channel, key.UserID)
	}
	return toConversation(r)
}

// saveConversationSQL creates or replaces a conversation. The version only
// moves forward: a conversation saved from a fresh value (version 0) over a
// stored one continues after the stored version.
const saveConversationSQL = `
INSERT INTO conversations (channel, user_id, mode, step, answers, resume, misses, version, updated_at)
VALUES (:channel, :user_id, :mode, :step, :answers, :resume, :misses, :version, :updated_at)
ON CONFLICT (channel, user_id) DO UPDATE SET mode = excluded.mode, step = excluded.step,
	answers = excluded.answers, resume = excluded.resume, misses = excluded.misses,
	version = CASE WHEN conversations.version >= excluded.version
		THEN conversations.version + 1 ELSE excluded.version END,
	updated_at = excluded.updated_at
RETURNING version`

// SaveConversation creates or replaces the conversation, increments
// c.Version and sets c.UpdatedAt.
func (t *Tx) SaveConversation(ctx context.Context, c *bot.Conversation) error {
	saved := *c
	saved.Version, saved.UpdatedAt = c.Version+1, t.now()
	r, err := fromConversation(saved)
	if err != nil {
		return err
	}
	if err := namedGet(ctx, t.tx, &saved.Version, saveConversationSQL, r); err != nil {
		return wrap(err, "save conversation %s:%s", r.Channel, r.UserID)
	}
	c.Version, c.UpdatedAt = saved.Version, saved.UpdatedAt
	return nil
}

// deleteConversationSQL removes one user's conversation.
const deleteConversationSQL = `DELETE FROM conversations WHERE channel = ? AND user_id = ?`

// DeleteConversation removes the conversation and its answers, if any.
func (t *Tx) DeleteConversation(ctx context.Context, key bot.UserKey) error {
	_, err := t.tx.ExecContext(ctx, t.tx.Rebind(deleteConversationSQL), string(key.Channel), key.UserID)
	return wrap(err, "delete conversation %s:%s", key.Channel, key.UserID)
}
